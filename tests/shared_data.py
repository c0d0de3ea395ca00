"""Data that is not part of the project: the adopted UN texts and the committee's background guide.

They live in a `shared/` folder beside the checkout (as on the team's and CI's machines) or where
RESEDIT_CORPUS / RESEDIT_GUIDE point. Tests that read them carry the `corpus` or `guide` mark;
conftest skips them with the reason below when the data is absent, and fails them under CI=true,
where the data is always laid out. Parametrised tests get one placeholder case instead of an empty
list, so a missing corpus is a reason printed, never a silent zero.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("RESEDIT_CORPUS") or ROOT.parent / "shared" / "corpus" / "un")
GUIDE = Path(os.environ.get("RESEDIT_GUIDE")
             or ROOT.parent / "shared" / "seed" / "ccpcj_background_guide_nmun_ny_2025.txt")

MISSING = {
    "corpus": (lambda: not any(CORPUS.glob("*.txt")),
               f"the adopted UN texts are not at {CORPUS}: put the corpus folder there "
               "(shared/corpus/un beside the checkout) or set RESEDIT_CORPUS=DIR"),
    "guide": (lambda: not GUIDE.is_file(),
              f"the CCPCJ background guide is not at {GUIDE}: set RESEDIT_GUIDE=FILE"),
}


def corpus_paths(pattern: str = "*.txt") -> list:
    """The corpus files for `parametrize`, or one placeholder that the `corpus` mark skips."""
    found = sorted(CORPUS.glob(pattern))
    if found:
        return [pytest.param(p, id=p.name) for p in found]
    return [pytest.param(CORPUS / pattern, id="corpus-missing")]


def corpus_names(pattern: str = "*.txt") -> list:
    return [pytest.param(p.values[0].name, id=p.id) for p in corpus_paths(pattern)]


def missing_reason(mark: str) -> str | None:
    absent, reason = MISSING[mark]
    return reason if absent() else None
