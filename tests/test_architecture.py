"""Layering contracts: the core never imports the UI, and only resedit.nlp imports spaCy."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "resedit"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules_importing(top: str) -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if top in _imports(p)}


def test_only_the_nlp_package_imports_spacy():
    assert {m for m in _modules_importing("spacy") if not m.startswith("nlp/")} == set()


def test_only_the_tui_package_imports_textual():
    assert {m for m in _modules_importing("textual") if not m.startswith("tui/")} == set()


def test_core_runs_without_loading_textual_or_spacy():
    code = ("import sys, resedit.cli, resedit.lint, resedit.formats, resedit.formats.text, "
            "resedit.model.edits, resedit.committees, resedit.editor.session, resedit.editor.document, "
            "resedit.editor.outline, resedit.editor.journal, resedit.editor.findings, "
            "resedit.editor.lint_client\n"
            "from resedit.lint import lint, load_rules\n"
            "from resedit.formats import read_paper\n"
            "from resedit.committees import load_committee\n"
            f"paper = read_paper({str(PACKAGE.parent / 'examples' / 'ccpcj_trafficking.txt')!r})\n"
            "lint(paper, load_rules(), load_committee('CCPCJ'))\n"
            "print(sorted(m for m in ('textual', 'spacy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_co_drafting_modules_stay_under_400_lines():
    root = Path(__file__).resolve().parent.parent / "resedit" / "collab"
    long = {p.name: n for p in root.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400}
    assert not long, f"split these modules: {long}"
