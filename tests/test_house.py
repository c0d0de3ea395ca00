"""House rules that hold for every module: none over 400 lines, and comments point only to what
is in the repository (no design note that lives elsewhere)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "resedit").rglob("*.py"))
LIMIT = 400
# A file named in a comment or docstring: "nlp-notes.md", "design/mun-facts.md", "docs/x.rst".
NAMED = re.compile(r"(?<![\w.])((?:[\w-]+/)*[\w-]+\.(?:md|rst))\b")
NOT_FILES = {"summary.md"}  # what `review --out` writes, not a document of ours


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert long == {}


def _exists(name: str) -> bool:
    if (ROOT / name).exists():
        return True
    return any(ROOT.glob(f"**/{Path(name).name}")) and "/" not in name


def test_every_document_a_module_names_is_in_the_repository():
    missing = [f"{p.relative_to(ROOT)}:{i}: {name}"
               for p in MODULES
               for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
               for name in NAMED.findall(line)
               if name not in NOT_FILES and not _exists(name)]
    assert missing == []


def test_the_check_finds_a_missing_note():
    assert NAMED.findall("spaCy froze the editor (see design/nlp-notes.md).") == ["design/nlp-notes.md"]
    assert NAMED.findall('PAPER_SUFFIXES = {".docx", ".md"}') == []
    assert not _exists("design/nlp-notes.md") and _exists("README.md")
