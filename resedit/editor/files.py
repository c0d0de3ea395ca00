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


def read(path: Path) -> tuple[WorkingPaper, list[str]]:
    """The paper in `path` and what to tell the delegate about reading it (the reader's notes).

    An empty file, or one with a header and no clause yet (what the editor exports before the
    first clause is written), starts a paper instead of being refused."""
    path = Path(path)
    try:
        paper = read_paper(path)
    except InputError:
        started = _start_from(path)
        if started is None:
            raise
        return started
    # a .resedit carries the notes of the file it came from: said when that file was opened
    return paper, ([] if path.suffix == NATIVE_SUFFIX else list(paper.notes))


def _start_from(path: Path) -> tuple[WorkingPaper, list[str]] | None:
    from resedit.formats import MAX_TEXT_BYTES, TEXT_SUFFIXES, decode
    from resedit.formats.text import read_text
    from resedit.model.paper import Clause

    if not path.is_file():
        return None
    if path.suffix.lower() == ".docx":
        from resedit.formats.docx_in import docx_text

        text = "\n".join(docx_text(path).lines)
    elif path.suffix.lower() in TEXT_SUFFIXES and path.stat().st_size <= MAX_TEXT_BYTES:
        text, _ = decode(path, path.read_bytes())
    else:
        return None
    if not text.strip():
        return WorkingPaper(preamble=[Clause("")]), [f"{path.name} is empty: the paper starts here"]
    paper = read_text(text, str(path))
    header = (paper.code, paper.committee, paper.topic, paper.opening, paper.sponsors,
              paper.signatories)
    if paper.preamble or paper.operative or not any(header):
        return None  # text that is not a paper stays refused
    if paper.committee and not paper.opening:
        from resedit.committees import find_committee
        committee = find_committee(paper.committee)
        if committee is not None:
            paper.opening = committee.opening + ","
    paper.preamble.append(Clause(""))
    return paper, paper.notes + [f"{path.name} has no clause yet: the paper starts here"]


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
