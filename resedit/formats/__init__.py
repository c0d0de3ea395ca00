"""Reading and writing papers by file type: .txt/.md (text layout), .resedit (native), .docx.

`read_paper` refuses what is not a paper with an InputError that names the file and the reason:
missing, a directory, empty, binary, too large, or without a recognisable clause. Text that is
not UTF-8 is read as Windows-1252 (what Word on Windows saves) and a note says so.
`write_paper` writes atomically: a crash mid-save never leaves a half-written file.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from resedit.errors import InputError
from resedit.formats.atomic import atomic_write
from resedit.model import WorkingPaper

# Readers by suffix that a higher layer adds: resedit.cli registers co-drafting copies (.collab),
# which only resedit.collab can open (formats sits below it).
READERS: dict[str, Callable[[Path], WorkingPaper]] = {}
MAX_TEXT_BYTES = 5 * 1024 * 1024  # a 100-clause paper is ~40 KB; anything this big is not a paper
TEXT_SUFFIXES = {".txt", ".md", ".text", ""}


def decode(path: Path, data: bytes) -> tuple[str, str | None]:
    """Text of a file and a note when it was not UTF-8."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (not a text paper)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        try:
            return data.decode("cp1252"), (f"not valid UTF-8 (byte {exc.start}); read as Windows-1252")
        except UnicodeDecodeError:
            raise InputError(path, f"not valid UTF-8 (byte {exc.start}) nor Windows-1252 text") from exc


def read_paper(path: str | os.PathLike) -> WorkingPaper:
    from resedit.input_paths import regular_file

    path = Path(path)
    size = regular_file(path).st_size  # before any open: a pipe named .docx would block it
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from resedit.formats.docx_in import read_docx

        return read_docx(path)
    if suffix in READERS:  # e.g. a co-drafting copy: its paper and comments (never written)
        return READERS[suffix](path)
    if size == 0:
        raise InputError(path, "empty file")
    if size > MAX_TEXT_BYTES:
        raise InputError(path, f"{size:,} bytes is larger than the {MAX_TEXT_BYTES:,}-byte limit for a text paper")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from exc
    text, note = decode(path, data)
    if suffix == ".resedit":
        from resedit.formats.native import read_native

        try:
            paper = read_native(text)
        except ValueError as exc:
            raise InputError(path, str(exc)) from exc
    else:
        from resedit.formats.text import read_text

        paper = read_text(text, str(path))
        if not _looks_like_paper(paper):
            raise InputError(path, "no recognisable clauses (expected preambular paragraphs and "
                                   "numbered operative paragraphs after the opening line)")
    if note:
        paper.notes.insert(0, note)
    return paper


def _looks_like_paper(paper: WorkingPaper) -> bool:
    """An opening line, a numbered clause or a comma-ended preambular clause: prose has none."""
    from resedit.formats.text import clause_ending

    return bool(paper.preamble or paper.operative) and (
        bool(paper.opening) or any(c.label for c in paper.operative)
        or any(clause_ending(c.text) == "," for c in paper.preamble))


def render(paper: WorkingPaper, suffix: str) -> bytes:
    suffix = suffix.lower()
    if suffix == ".docx":
        from resedit.formats.docx_out import write_docx_bytes

        return write_docx_bytes(paper)
    if suffix == ".resedit":
        from resedit.formats.native import write_native

        return write_native(paper).encode("utf-8")
    from resedit.formats.text import write_text

    return write_text(paper).encode("utf-8")


def write_paper(paper: WorkingPaper, path: str | os.PathLike) -> None:
    path = Path(path)
    atomic_write(path, render(paper, path.suffix))
