"""Shared fixtures. The language model loads once per test session (about 2 to 4 s)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "un"
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
