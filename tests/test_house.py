"""House rules that hold for every module: none over 400 lines, comments point only to what is
in the repository (no design note that lives elsewhere), and every data file inside the package
ships with it."""
from __future__ import annotations

import re
import subprocess
import tomllib
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


def test_every_data_file_in_the_package_is_declared_as_package_data():
    """A file the package reads (the editor's styles, the model's checksums, the JSON schema)
    that pyproject.toml does not list is missing from a built wheel: the editor would not start."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    tracked = subprocess.run(["git", "ls-files", "resedit"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    shipped = {path.relative_to(ROOT).as_posix() for package, patterns in declared.items()
               for pattern in patterns for path in (ROOT / package.replace(".", "/")).glob(pattern)}
    missing = [name for name in tracked if not name.endswith(".py") and name not in shipped]
    assert tracked and not missing, f"not in [tool.setuptools.package-data]: {missing}"
