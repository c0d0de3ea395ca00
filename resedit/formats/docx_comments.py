"""Annotated copies for the dais: every finding as a Word comment (author "Dais") on its clause.

A .docx paper is copied as it is (its own layout, numbering and earlier comments kept) and each
comment is anchored on the paragraph the finding concerns, found by the paragraph number the
importer recorded in `clause.line` and checked against the paragraph's text. Papers from other
formats are first exported in the NMUN layout (docx_out) and annotated the same way.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from resedit.formats.docx_commenting import add_codrafting_comments
from resedit.formats.docx_commenting import comment as _comment
from resedit.model import Clause, Diagnostic, WorkingPaper


def comment_text(diagnostic: Diagnostic, clause: Clause | None) -> list[str]:
    """The comment's paragraphs: the finding, the words it points at, the suggestion."""
    loc = diagnostic.location
    lines = [f"{diagnostic.code} {diagnostic.name} ({diagnostic.severity}, {diagnostic.category}): "
             f"{diagnostic.message}"]
    if clause is not None and loc.start is not None and loc.end is not None and loc.end > loc.start:
        lines.append(f"At \u201c{clause.text[loc.start:loc.end]}\u201d.")
    if diagnostic.suggestions:
        lines.append("Suggestion: " + " / ".join(diagnostic.suggestions[:3]))
    return lines


def clause_of(paper: WorkingPaper, diagnostic: Diagnostic) -> Clause | None:
    loc = diagnostic.location
    if loc.clause_id:
        found = paper.find(loc.clause_id)
        if found is not None:
            return found
    if loc.part in ("preamble", "operative") and loc.clause:
        part = paper.part(loc.part)
        if 0 < loc.clause <= len(part):
            clause = part[loc.clause - 1]
            for index in loc.subclause:
                if index >= len(clause.children):
                    break
                clause = clause.children[index]
            return clause
    return None


def annotated_copy(paper: WorkingPaper, diagnostics: list[Diagnostic], source: Path,
                   out_path: Path) -> str | None:
    """Write the annotated copy. Returns None, or why the copy is an export rather than the
    original (python-docx refuses some files docx2python reads, e.g. a macro-enabled document)."""
    from resedit.formats.atomic import atomic_write

    document, fallback = None, None
    if Path(source).suffix.lower() == ".docx":
        try:
            document = docx.Document(str(source))  # read_docx already ran the safety checks
            locate = _docx_locator(document, paper)
        except (ValueError, KeyError) as exc:
            fallback = f"the original could not be copied ({exc}); the copy is an export"
    if document is None:
        from resedit.formats.docx_out import build_document

        document, placed = build_document(paper)
        locate = _export_locator(document, paper, placed)
    for diagnostic in diagnostics:
        clause = clause_of(paper, diagnostic)
        paragraph = locate(diagnostic, clause)
        if paragraph is None:
            continue
        _comment(document, paragraph, comment_text(diagnostic, clause))
    if paper.comments and fallback is None and Path(source).suffix.lower() != ".docx":
        add_codrafting_comments(document, placed, paper)
    from resedit.input_paths import ANNOTATED_MARK

    document.core_properties.content_status = ANNOTATED_MARK  # a later review leaves it out
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write(Path(out_path), buffer.getvalue())
    return fallback


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _p_text(p) -> str:
    return _norm("".join(t.text or "" for t in p.iter(qn("w:t"))))


def _docx_locator(document, paper: WorkingPaper):
    """Paragraph numbers from the importer, checked against the text; a text search otherwise."""
    elements = list(document.element.iter(qn("w:p")))
    texts = [_p_text(p) for p in elements]
    first = next((i for i, t in enumerate(texts) if t), 0)

    def paragraph(index: int) -> Paragraph:
        return Paragraph(elements[index], document._body)

    def by_line(line: int | None, expected: str = "") -> int | None:
        if line is not None and 0 < line <= len(elements):
            if not expected or expected[:40] in texts[line - 1]:
                return line - 1
        if expected:
            return next((i for i, t in enumerate(texts) if expected[:40] in t), None)
        return None

    def locate(diagnostic: Diagnostic, clause: Clause | None):
        if not elements:
            return None
        if clause is not None:
            index = by_line(clause.line, _norm(clause.text))
        else:
            index = by_line(diagnostic.location.line)
        return paragraph(first if index is None else index)

    return locate


def _export_locator(document, paper: WorkingPaper, placed):
    key_of_line = {line: key for key, line in paper.lines.items()}
    fallback = placed.header.get("opening") or next(iter(placed.header.values()), None) or (
        document.paragraphs[0] if document.paragraphs else None)

    def locate(diagnostic: Diagnostic, clause: Clause | None):
        if clause is not None and clause.id in placed.clauses:
            return placed.clauses[clause.id]
        key = key_of_line.get(diagnostic.location.line)
        if key in placed.header:
            return placed.header[key]
        if diagnostic.location.part == "sponsors":
            return placed.header.get("sponsors") or placed.header.get("signatories") or fallback
        return fallback

    return locate
