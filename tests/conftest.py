"""Shared fixtures. The language model loads once per test session (about 2 to 4 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "un"


@pytest.fixture(scope="session")
def annotator():
    from resedit.nlp import load_annotator

    return load_annotator()


@pytest.fixture(scope="session")
def rules():
    from resedit.lint import load_rules

    return load_rules()
