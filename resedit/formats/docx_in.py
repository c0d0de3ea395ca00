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
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from resedit.errors import InputError
from resedit.formats.docx_safety import DocxScan, check_docx
from resedit.model import WorkingPaper
from resedit.model.diagnostic import letter, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
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
class Level:
    fmt: str = "decimal"
    start: int = 1


@dataclass
class Numbering:
    """numbering.xml resolved: numId -> its levels; styleId -> (numId, ilvl) for style-linked lists."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> Level:
        return self.levels.get(num_id, {}).get(ilvl, Level())

    def depth(self, num_id: str, ilvl: int) -> int:
        """Clause depth: a list whose first level is numbered 1, 2, 3 holds operative clauses at
        ilvl 0; a separate list of letters or bullets holds sub-clauses one level down."""
        return ilvl + (0 if self.level(num_id, 0).fmt == "decimal" else 1)

    def count(self, num_id: str, ilvl: int) -> int:
        counter = self.counters.setdefault(num_id, {})
        counter[ilvl] = counter.get(ilvl, self.level(num_id, ilvl).start - 1) + 1
        for deeper in [k for k in counter if k > ilvl]:
            del counter[deeper]
        return counter[ilvl]


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
    for _, _, _, clause in paper.clauses():
        if clause.line is not None:
            clause.line = paragraph_of_line.get(clause.line, clause.line)
    paper.lines = {key: paragraph_of_line.get(line, line) for key, line in paper.lines.items()}


def docx_text(path: Path, scan: DocxScan | None = None) -> DocxText:
    """The paragraphs of a checked .docx as lines of the canonical text layout."""
    from docx2python import docx2python

    scan = scan or check_docx(path)
    numbering = _read_numbering(path, scan.main_part)
    notes: list[str] = []
    content = docx2python(str(path))
    try:
        order = {}
        body = content.body_pars
        root = _first_elem(body)
        if root is not None:
            order = {p: i for i, p in enumerate(root.getroottree().getroot().iter(W + "p"), start=1)}
        out: list[str] = []
        paragraph_of_line: dict[int, int] = {}

        def emit(line: str, elem) -> None:
            if out:
                out.append("")
            out.append(line)
            if elem is not None and elem in order:
                paragraph_of_line[len(out)] = order[elem]

        for table in body:
            if _is_real_table(table):
                _emit_table(table, numbering, emit)
            else:
                for row in table:
                    for cell in row:
                        for par in cell:
                            line = _paragraph_line(par, numbering)
                            if line.strip():
                                emit(line, par.elem)
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
        cells = [[(_paragraph_line(p, numbering).strip(), p.elem) for p in cell] for cell in row]
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
            for cell in row:
                for par in cell:
                    text = _clean("".join(par.run_strings))
                    match = HEADER_LINE.match(text)
                    if match and match.group(1).lower()[:4] not in present:
                        present.add(match.group(1).lower()[:4])
                        extra += [text, ""]
    if not extra:
        return out
    shift = len(extra)
    for line in list(paragraph_of_line):
        paragraph_of_line[line + shift] = paragraph_of_line.pop(line)
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


def _shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _clean(text: str) -> str:
    """Visible text of a paragraph on one line: docx2python's markers out, breaks and tabs as spaces."""
    text = D2P_MARKERS.sub("", text)
    return text.replace("\n", " ").replace("\t", " ").replace("\u00a0", " ").strip()


def _paragraph_line(par, numbering: Numbering) -> str:
    """One paragraph as a line of the text layout, with its automatic number written out."""
    strings = list(par.run_strings)
    num = _num_pr(par.elem, numbering) if par.elem is not None else None
    if strings and _has_direct_num_pr(par.elem) and D2P_BULLET.match(strings[0]):
        strings = strings[1:]  # docx2python's rendering of the number; we write our own
    text = _clean("".join(strings))
    if num is None or not text:
        return text
    num_id, ilvl = num
    depth = numbering.depth(num_id, ilvl)
    value = numbering.count(num_id, ilvl)
    return INDENT * depth + _label(depth, numbering.level(num_id, ilvl).fmt, value) + " " + text


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


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# The parts were checked by docx_safety (no DOCTYPE, bounded size and depth); lxml is then only
# the fast parser, still told never to resolve entities or touch the network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _xml(data: bytes):
    return etree.fromstring(data, _PARSER)


def _related_parts(archive: zipfile.ZipFile, main_part: str) -> dict[str, str]:
    """Relationship type suffix (numbering, styles) -> part name, from the main part's .rels."""
    main = PurePosixPath(main_part)
    rels_name = str(main.parent / "_rels" / (main.name + ".rels"))
    found = {"numbering": str(main.parent / "numbering.xml"), "styles": str(main.parent / "styles.xml")}
    if rels_name not in archive.namelist():
        return found
    for rel in _xml(archive.read(rels_name)).iter(REL + "Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in found and rel.get("TargetMode") != "External" and target:
            found[kind] = target.lstrip("/") if target.startswith("/") else str(main.parent / target)
    return found


def _read_numbering(path: Path, main_part: str) -> Numbering:
    """numbering.xml and styles.xml (already checked by docx_safety)."""
    numbering = Numbering()
    with zipfile.ZipFile(path) as archive:
        parts = _related_parts(archive, main_part)
        names = set(archive.namelist())
        if parts["numbering"] in names:
            root = _xml(archive.read(parts["numbering"]))
            abstract = {a.get(W + "abstractNumId"): _levels(a) for a in root.iter(W + "abstractNum")}
            for num in root.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                levels = dict(abstract.get(ref.get(W + "val") if ref is not None else None, {}))
                for override in num.iter(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"))
                    level = Level(**vars(levels.get(ilvl, Level())))
                    start = override.find(W + "startOverride")
                    if start is not None:
                        level.start = _int(start.get(W + "val"), 1)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        level = _level(lvl)
                    levels[ilvl] = level
                numbering.levels[num.get(W + "numId")] = levels
        if parts["styles"] in names:
            root = _xml(archive.read(parts["styles"]))
            based_on, direct = {}, {}
            for style in root.iter(W + "style"):
                sid = style.get(W + "styleId")
                base = style.find(W + "basedOn")
                based_on[sid] = base.get(W + "val") if base is not None else None
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_el, lvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
                    if num_el is not None:
                        direct[sid] = (num_el.get(W + "val"), _int(lvl_el.get(W + "val")) if lvl_el is not None else 0)
            for sid in based_on:
                seen, current = set(), sid
                while current is not None and current not in seen:  # follow basedOn, no cycles
                    seen.add(current)
                    if current in direct:
                        numbering.styles[sid] = direct[current]
                        break
                    current = based_on.get(current)
    return numbering


def _levels(abstract) -> dict[int, Level]:
    return {_int(lvl.get(W + "ilvl")): _level(lvl) for lvl in abstract.iter(W + "lvl")}


def _level(lvl) -> Level:
    fmt = lvl.find(W + "numFmt")
    start = lvl.find(W + "start")
    return Level(fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                 start=_int(start.get(W + "val"), 1) if start is not None else 1)
