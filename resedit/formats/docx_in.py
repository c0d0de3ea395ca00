"""Read a Word .docx working paper into the WorkingPaper model.

The file is first checked by docx_safety (size caps, zip bomb, DOCTYPE/entities, OLE files ...),
then docx2python extracts the visible text (tracked insertions kept, deletions dropped, i.e. the
changes accepted; hyperlinks, fields and runs joined). Each paragraph becomes one line of the
canonical text layout: Word's automatic numbering (numPr on the paragraph or inherited from its
style, resolved against numbering.xml) is written out as "1.", "(a)", "(i)", "a.", "i." by depth,
header tables become "Code: ..." lines, and the result goes through the same reader as .txt
files (`resedit.formats.text.read_text`), so both formats share one segmentation and a .docx and
its .txt twin give the same paper and the same findings.

Clause and header `line` values of a .docx paper are paragraph numbers: the 1-based position of the
paragraph among all `w:p` elements of the main document part, in document order. The annotated
copies of `resedit review` use them to find the paragraph a finding belongs to.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from resedit.errors import InputError
from resedit.formats.docx_layout import layout
from resedit.formats.docx_numbering import Numbering, W, read_numbering, xml_part
from resedit.formats.docx_numbering import int_value as _int
from resedit.formats.docx_runs import in_text_box, needs_own_reading, visible_text
from resedit.formats.docx_safety import DocxScan, check_docx
from resedit.model import WorkingPaper
from resedit.model.diagnostic import letter, roman

HEADER_FIELD = re.compile(r"^\s*(code|committee|topic|sponsors?|signator(?:y|ies))\s*:?\s*$", re.I)
HEADER_LINE = re.compile(r"^\s*(code|committee|topic|sponsors?|signator(?:y|ies))\s*:", re.I)
LIST_FIELDS = ("sponsor", "signator")
# What docx2python writes for a numbered paragraph before its text: tabs per level, "1)" or "--", tab.
D2P_BULLET = re.compile(r"^\t*[^\t\s]{1,16}\t$")
D2P_MARKERS = re.compile(r"----(?:footnote|endnote|comment)\d+----|----media/[^-]*----"
                         r"|----Image alt text---->.*?<----|</?a(?: href=\"[^\"]*\")?>")
INDENT = "    "
READ_ERRORS = (etree.LxmlError, KeyError, IndexError, ValueError, zipfile.BadZipFile, RecursionError)


@dataclass
class DocxText:
    """The paper as canonical text, plus what the text cannot carry."""

    lines: list[str]
    paragraph_of_line: dict[int, int]  # 1-based text line -> 1-based paragraph number
    notes: list[str]


def read_docx(path: str | Path) -> WorkingPaper:
    """Import a .docx working paper; InputError for hostile, broken or empty files."""
    from resedit.formats.text import read_text

    path = Path(path)
    scan = check_docx(path)
    try:
        text = docx_text(path, scan)
    except READ_ERRORS as exc:  # what lxml and docx2python raise on parts they cannot make sense of
        raise InputError(path, f"the document is damaged and could not be read "
                               f"({type(exc).__name__}: {exc})") from exc
    if not any(line.strip() for line in text.lines):
        raise InputError(path, "the document is empty (no text in it)")
    paper = read_text("\n".join(text.lines) + "\n", path=path)
    if not paper.preamble and not paper.operative:  # as read_paper answers for a text file
        raise InputError(path, "no recognisable clauses (expected preambular paragraphs and "
                               "numbered operative paragraphs after the opening line)")
    _renumber_lines(paper, text.paragraph_of_line)
    paper.notes.extend(text.notes)
    return paper


def _renumber_lines(paper: WorkingPaper, paragraph_of_line: dict[int, int]) -> None:
    """Text lines -> paragraph numbers. A field read from the page header has no paragraph in
    the body: it gets no line, rather than another paragraph's."""
    for _, _, _, clause in paper.clauses():
        if clause.line is not None:
            clause.line = paragraph_of_line.get(clause.line)
    paper.lines = {key: paragraph_of_line[line] for key, line in paper.lines.items()
                   if line in paragraph_of_line}


def docx_text(path: Path, scan: DocxScan | None = None) -> DocxText:
    """The paragraphs of a checked .docx as lines of the canonical text layout."""
    from docx2python import docx2python

    scan = scan or check_docx(path)
    numbering = read_numbering(path, scan.main_part)
    notes: list[str] = []
    content = docx2python(str(path))
    try:
        order = {}
        body = content.body_pars
        root = _first_elem(body)
        if root is not None:
            order = {p: i for i, p in enumerate(root.getroottree().getroot().iter(W + "p"), start=1)}
        pristine = _paragraphs(path, scan.main_part) if order else []
        if len(pristine) != len(order):  # not the same paragraphs: read docx2python's text only
            pristine = []
        items: list[tuple[str, object]] = []  # (paragraph text, its element); "" for an empty one
        boxes: list[str] = []

        def emit(line: str, elem) -> None:
            items.append((line, elem))

        for table in body:
            if _is_real_table(table):
                _emit_table(table, numbering, emit)
            else:
                for row in table:
                    for cell in row:
                        for par in cell:
                            if par.elem is not None and in_text_box(par.elem):
                                boxes.append(_clean("".join(par.run_strings)))
                                continue
                            emit(_paragraph_line(par, numbering, notes, order, pristine), par.elem)
        out, paragraph_of_line = layout(items, order)
        boxes = list(dict.fromkeys(t for t in boxes if t))  # Word keeps a VML copy of each box
        if boxes:
            notes.append(f"{len(boxes)} paragraph(s) in text boxes were not read as clauses: "
                         + "; ".join(_shorten(t, 40) for t in boxes))
        if any("footnotes" in name for name in scan.parts):
            notes.extend(_footnotes(content))
        if any(name.startswith("word/header") for name in scan.parts):
            out = _header_from_page_header(content, out, paragraph_of_line)
        comments = _comments(content) if any("comments" in n for n in scan.parts) else []
    finally:
        content.close()
    if scan.tracked:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(scan.tracked.items()))
        notes.append(f"tracked changes were pending ({counts}); the visible text was read, "
                     "as if every change had been accepted")
    elif scan.format_changes:
        notes.append(f"{scan.format_changes} tracked formatting change(s) were pending")
    notes.extend(comments)
    return DocxText(out, paragraph_of_line, notes)


def _paragraphs(path: Path, main_part: str) -> list:
    """Every w:p of the main part as the file has it, in document order."""
    with zipfile.ZipFile(path) as archive:
        root = xml_part(archive.read(main_part))
    return list(root.iter(W + "p"))


def _first_elem(body):
    for table in body:
        for row in table:
            for cell in row:
                for par in cell:
                    if par.elem is not None:
                        return par.elem
    return None


def _is_real_table(table) -> bool:
    for row in table:
        for cell in row:
            for par in cell:
                return "tbl" in (par.lineage or ())
    return False


def _emit_table(table, numbering: Numbering, emit) -> None:
    """A header table (label cell, value cell) becomes "Label: value" lines; other rows, each paragraph."""
    for row in table:
        cells = [[(_paragraph_line(p, numbering, [], {}).replace("\n", " ").strip(), p.elem)
                  for p in cell] for cell in row]
        cells = [[(t, e) for t, e in cell if t] for cell in cells]
        label = " ".join(t for t, _ in cells[0]) if cells and cells[0] else ""
        if len(cells) >= 2 and HEADER_FIELD.match(label):
            glue = ", " if label.lower().startswith(LIST_FIELDS) else " "
            value = glue.join(t for cell in cells[1:] for t, _ in cell)
            # Its paragraph is the value's (the list a sponsorship finding is about).
            value_elem = next((e for cell in cells[1:] for _, e in cell), cells[0][0][1])
            emit(f"{label.rstrip(': ')}: {value}", value_elem)
            continue
        for cell in cells:
            for text, elem in cell:
                emit(text, elem)


def _header_from_page_header(content, out: list[str], paragraph_of_line: dict[int, int]) -> list[str]:
    """Header fields typed in Word's page header ("Code: CCPCJ/1/1") count when the body lacks them."""
    present = {HEADER_LINE.match(line).group(1).lower()[:4] for line in out if HEADER_LINE.match(line)}
    extra = []
    for table in content.header_pars:
        for row in table:
            cells = [[_clean("".join(par.run_strings)) for par in cell] for cell in row]
            cells = [[t for t in cell if t] for cell in cells]
            label = " ".join(cells[0]) if cells and cells[0] else ""
            if len(cells) >= 2 and HEADER_FIELD.match(label):  # a table in the page header
                glue = ", " if label.lower().startswith(LIST_FIELDS) else " "
                texts = [f"{label.rstrip(': ')}: {glue.join(t for c in cells[1:] for t in c)}"]
            else:
                texts = [t for cell in cells for t in cell]
            for text in texts:
                match = HEADER_LINE.match(text)
                if match and match.group(1).lower()[:4] not in present:
                    present.add(match.group(1).lower()[:4])
                    extra += [text, ""]
    if not extra:
        return out
    shift = len(extra)
    shifted = {line + shift: paragraph for line, paragraph in paragraph_of_line.items()}
    paragraph_of_line.clear()  # (shifting in place would overwrite lines not yet moved)
    paragraph_of_line.update(shifted)
    return extra + out


def _comments(content) -> list[str]:
    try:
        found = content.comments
    except Exception:  # docx2python gives up on comment ranges it cannot pair
        return ["the document has comments that could not be read"]
    notes = []
    for reference, author, _date, text in found:
        where = f" on \u201c{_shorten(reference)}\u201d" if reference.strip() else ""
        notes.append(f"comment by {author or 'unknown'}{where}: {text.strip()}")
    return notes


def _footnotes(content) -> list[str]:
    """Footnotes are not clauses, but a dais should know they are there."""
    try:
        texts = [_clean(" ".join(p for p in _flatten(note) if p)) for note in content.footnotes]
    except Exception:  # docx2python gives up on footnote parts it cannot pair
        return ["the document has footnotes that could not be read"]
    texts = [re.sub(r"^footnote\d+\)\s*", "", t) for t in texts if t]  # docx2python's prefix
    if not texts:
        return []
    return [f"{len(texts)} footnote(s) not read as clauses: "
            + "; ".join(_shorten(t, 50) for t in texts[:5])]


def _flatten(nested):
    if isinstance(nested, str):
        yield nested
        return
    for item in nested:
        yield from _flatten(item)


def _shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _clean(text: str) -> str:
    """Visible text of a paragraph on one line: docx2python's markers out, breaks and tabs as spaces."""
    text = D2P_MARKERS.sub("", text)
    return text.replace("\n", " ").replace("\t", " ").replace("\u00a0", " ").strip()


def _paragraph_line(par, numbering: Numbering, notes: list[str], order: dict,
                    pristine: list | None = None) -> str:
    """One paragraph as a line of the text layout, with its automatic number written out; a
    line break inside it (Shift+Enter) stays a "\n" for the reader to judge."""
    strings = list(par.run_strings)
    num = _num_pr(par.elem, numbering) if par.elem is not None else None
    if strings and _has_direct_num_pr(par.elem) and D2P_BULLET.match(strings[0]):
        strings = strings[1:]  # docx2python's rendering of the number; we write our own
    raw = "".join(strings)
    # docx2python merges and rewrites runs in its tree; the formatting is read from the file's.
    original = pristine[order[par.elem] - 1] if par.elem in order and pristine else None
    if original is not None and needs_own_reading(original):
        raw, dropped = visible_text(original)
        for why, text in dropped:
            notes.append(f"paragraph {order[par.elem]}: {why} text not read: "
                         f"\u201c{_shorten(text)}\u201d")
    text = "\n".join(part for part in (_clean(p) for p in raw.split("\n")) if part)
    if num is None or not text:
        return text
    num_id, ilvl = num
    extra = _style_level(par.elem, numbering)
    depth = numbering.depth(num_id, ilvl) + extra
    value = numbering.count(num_id, ilvl)
    if depth == 0:
        numbering.parents += 1
    elif extra:  # Word runs a "List Number 2" list on across parents; the author restarts it
        seen, last = numbering.sub_counts.get((num_id, ilvl), (-1, 0))
        value = last + 1 if seen == numbering.parents else 1
        numbering.sub_counts[(num_id, ilvl)] = (numbering.parents, value)
    fmt = numbering.level(num_id, ilvl).fmt
    if depth and fmt == "decimal":  # "List Number 2": a sub-level shown with numbers
        fmt = "bullet"
    return INDENT * depth + _label(depth, fmt, value) + " " + text


_LIST_STYLE = re.compile(r"^List(?: Number| Bullet| Continue)? ([2-9])$", re.I)


def _style_level(elem, numbering: Numbering) -> int:
    """Levels below the first that Word's "List Number 2" (3 ...) style stands for."""
    ppr = elem.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    name = numbering.style_names.get(style.get(W + "val"), "") if style is not None else ""
    match = _LIST_STYLE.match(name)
    return int(match.group(1)) - 1 if match else 0


def _label(depth: int, fmt: str, value: int) -> str:
    """The label as the text layout writes it at this depth: 1. / (a) / (i) / a. / i."""
    if fmt in ("bullet", "none") or fmt not in _FORMATS:
        fmt = _DEFAULT_FORMAT[min(depth, len(_DEFAULT_FORMAT) - 1)]
    shown = _FORMATS[fmt](value)
    if depth == 0:
        return f"{shown}."
    if depth in (1, 2):
        return f"({shown})"
    return f"{shown}."


_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda n: letter(n - 1),
    "upperLetter": lambda n: letter(n - 1).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
}
_DEFAULT_FORMAT = ("decimal", "lowerLetter", "lowerRoman", "lowerLetter", "lowerRoman")


def _has_direct_num_pr(elem) -> bool:
    ppr = elem.find(W + "pPr") if elem is not None else None
    return ppr is not None and ppr.find(W + "numPr") is not None


def _num_pr(elem, numbering: Numbering) -> tuple[str, int] | None:
    """(numId, ilvl) of a numbered paragraph, from its own numPr or its style's; None if unnumbered."""
    ppr = elem.find(W + "pPr")
    num_id, ilvl = None, None
    style_id = None
    if ppr is not None:
        style = ppr.find(W + "pStyle")
        style_id = style.get(W + "val") if style is not None else None
        num_pr = ppr.find(W + "numPr")
        if num_pr is not None:
            num_el, lvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
            num_id = num_el.get(W + "val") if num_el is not None else None
            ilvl = _int(lvl_el.get(W + "val")) if lvl_el is not None else None
    if style_id in numbering.styles:
        style_num, style_lvl = numbering.styles[style_id]
        num_id = num_id if num_id is not None else style_num
        ilvl = ilvl if ilvl is not None else style_lvl
    if num_id is None or num_id == "0" or num_id not in numbering.levels:
        return None  # numId 0 switches numbering off
    return num_id, max(0, min(ilvl or 0, 8))
