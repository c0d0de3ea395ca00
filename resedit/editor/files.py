"""Opening, saving and exporting papers for the editor, all through resedit.formats.

`resedit.formats.write_paper` writes atomically (temp file, fsync, os.replace), so a crash
mid-save leaves the previous file intact. Save always writes the native .resedit format; export
writes .txt or .docx.
"""
from __future__ import annotations

from pathlib import Path

from resedit.errors import InputError
from resedit.formats import read_paper, write_paper
from resedit.model.paper import WorkingPaper

NATIVE_SUFFIX = ".resedit"
EXPORT_SUFFIXES = (".txt", ".docx", ".md")


def read(path: Path) -> WorkingPaper:
    return read_paper(path)


def save(paper: WorkingPaper, path: Path) -> None:
    write_paper(paper, path)


def export(paper: WorkingPaper, path: Path) -> None:
    path = Path(path)
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise InputError(path, "export writes .txt or .docx")
    if path.suffix.lower() == ".docx":
        try:
            import resedit.formats.docx_out  # noqa: F401  (landing with the Word issue)
        except ImportError:
            raise InputError(path, "Word export is not available in this build yet") from None
    write_paper(paper, path)


def native_path_for(path: Path | None) -> Path | None:
    """Where Save writes: the file itself if native, else the same name with .resedit."""
    if path is None:
        return None
    path = Path(path)
    return path if path.suffix == NATIVE_SUFFIX else path.with_suffix(NATIVE_SUFFIX)
