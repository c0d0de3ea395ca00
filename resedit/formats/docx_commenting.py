"""Word comments on paragraphs: the one way resedit writes one (python-docx), used for the
dais's findings (resedit.formats.docx_comments) and for a shared paper's comments (export)."""
from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from resedit.model import WorkingPaper

AUTHOR = "Dais"
INITIALS = "D"


def add_codrafting_comments(document, placed, paper: WorkingPaper) -> None:
    """The comments made on a shared paper (resedit host / join), each by its author on its
    clause; a resolved one says who resolved it."""
    for item in paper.comments:
        paragraph = placed.clauses.get(item.get("clause") or "")
        if paragraph is None:
            paragraph = placed.header.get("opening") or next(iter(placed.header.values()), None)
        if paragraph is None:
            continue
        lines = [str(item.get("text", ""))]
        resolved = item.get("resolved")
        if isinstance(resolved, dict):
            lines.append(f"Resolved by {resolved.get('by', '?')}.")
        by = str(item.get("by") or AUTHOR)
        comment(document, paragraph, lines, author=by)


def comment(document, paragraph: Paragraph, lines: list[str], author: str = AUTHOR) -> None:
    runs = [Run(r, paragraph) for r in paragraph._p.iter(qn("w:r"))
            if r.find(qn("w:commentReference")) is None]
    if not runs:
        runs = [paragraph.add_run("")]
    initials = "".join(w[0] for w in author.split()[:3]).upper() or INITIALS
    made = document.add_comment(runs, text=lines[0], author=author, initials=initials)
    for line in lines[1:]:
        made.add_paragraph(line)
