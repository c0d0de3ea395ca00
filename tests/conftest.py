"""Shared fixtures. The language model loads once per test session (about 2 to 4 s)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"


@pytest.fixture(scope="session")
def annotator():
    from resedit.nlp import load_annotator

    return load_annotator()


@pytest.fixture(scope="session")
def rules():
    from resedit.lint import load_rules

    return load_rules()


@pytest.fixture
def paper_file(tmp_path) -> Path:
    """A writable copy of the shipped example paper."""
    target = tmp_path / "trafficking.txt"
    shutil.copy(EXAMPLE, target)
    return target


def pytest_configure(config):
    config.addinivalue_line("markers", "corpus: reads the adopted UN texts (tests/shared_data.py)")
    config.addinivalue_line("markers", "guide: reads the CCPCJ background guide (tests/shared_data.py)")
    config.addinivalue_line("markers", "browser: drives Debian's headless Chromium (tests/browser_net.py)")


def pytest_runtest_setup(item):
    from shared_data import missing_reason

    for mark in ("corpus", "guide"):
        if item.get_closest_marker(mark) and (reason := missing_reason(mark)):
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI=true but {reason}", pytrace=False)
            pytest.skip(reason)
