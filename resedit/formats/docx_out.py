"""Write a WorkingPaper as a Word .docx in the NMUN layout, with python-docx.

Layout: the header block (Code, Committee, Topic; Sponsors and Signatories while it is a working
paper), the organ's opening line, preambular paragraphs indented with their opening phrase in
italics, operative paragraphs and sub-clauses on real Word numbering (one multi-level list in
numbering.xml: 1. / (a) / (i) / a. / i.) with the operative verb in italics, line numbers in the
margin (w:lnNumType) and Times New Roman 12 pt. What the print must not show but a re-import must
give back (suppression comments, sponsorship history) is written as hidden text, so reading the
file back gives the same paper.

`build_document(paper)` returns the python-docx Document and where each clause went, which the
dais review uses to attach its comments; `write_docx_bytes(paper)` is what write_paper calls.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache

import docx
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from resedit.model import Clause, WorkingPaper

FONT = "Times New Roman"
FONT_SIZE = Pt(12)
INDENT = 720  # twips: half an inch per level
ABSTRACT_NUM_ID = 7301  # ours; far above the ids of python-docx's default template
W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# The UN's sub-paragraph degrees under a numbered operative paragraph (UN Editorial Manual).
LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"),
          ("lowerLetter", "%4."), ("lowerRoman", "%5."), ("lowerLetter", "(%6)"),
          ("lowerRoman", "(%7)"), ("lowerLetter", "%8."), ("lowerRoman", "%9."))

# Words that open a two-word phrase ("Deeply concerned", "Further requests") or continue one.
LEADING_ADVERBS = {"also", "further", "furthermore", "again", "once", "deeply", "fully", "strongly",
                   "firmly", "gravely", "greatly", "keenly", "profoundly", "seriously", "highly"}
TRAILING_ADVERBS = {"also", "further", "again", "furthermore", "moreover", "once"}
TAILS = {"with": 1, "upon": 0, "into": 1, "in": 1, "note": 0}  # word -> how many more words it takes
MAX_OPENER_WORDS = 5
KEPT_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "CommentText",
               "CommentReference", "CommentSubject", "BalloonText", "Header", "Footer")
# Schema order (ECMA-376): the children that may follow the one we insert.
SECT_PR_AFTER_LN_NUM = ("w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                        "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                        "w:printerSettings", "w:sectPrChange")
P_PR_AFTER_SUPPRESS = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                       "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                       "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
                       "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                       "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                       "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def opener_length(text: str) -> int:
    """Characters of the clause's opening phrase, the part set in italics.

    The first word; two when the first is an adverb ("Deeply concerned", "Further requests");
    plus an adverb after it ("Recognizing also") and the rest of a fixed phrase ("Noting with
    appreciation", "Calls upon", "Bearing in mind", "Taking into account", "Takes note").
    """
    words = text.split(" ")
    if not words or not words[0]:
        return 0
    count = 1
    if words[0].lower() in LEADING_ADVERBS or (
            words[0].lower().endswith("ly") and len(words[0]) > 4 and len(words) > 1):
        count = 2
    if words[0].lower() in ("having", "being") and len(words) > 1:
        count = 2
    while count < len(words) and count < MAX_OPENER_WORDS:
        word = words[count].lower().strip(",;:")
        if word in TRAILING_ADVERBS:
            count += 1
        elif word in TAILS:
            if word == "in" and (count + 1 >= len(words) or words[count + 1].lower() != "mind"):
                break
            if word == "with" and count + 1 < len(words) and words[count + 1].lower() in ("deep", "grave", "great"):
                count += 1
            count += 1 + TAILS[word]
        else:
            break
    count = min(count, len(words))
    phrase = " ".join(words[:count])
    return len(phrase.rstrip(",;:."))


@dataclass
class Placement:
    """Where each part of the paper went in the document (for the review's comments)."""

    clauses: dict[str, object] = field(default_factory=dict)  # clause id -> Paragraph
    header: dict[str, object] = field(default_factory=dict)  # "code", "sponsors", "opening" -> Paragraph


@lru_cache(maxsize=1)
def _template() -> tuple[bytes, str]:
    """An empty document in the NMUN layout (styles, numbering, line numbers), built once."""
    document = docx.Document()
    _slim(document)
    _base_style(document)
    _line_numbers(document)
    num_id = _add_numbering(document)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), num_id


def build_document(paper: WorkingPaper):
    """The paper as a python-docx Document, and where each clause was placed."""
    data, num_id = _template()
    document = docx.Document(io.BytesIO(data))
    placed = Placement()

    for key, label in (("code", "Code"), ("committee", "Committee"), ("topic", "Topic")):
        if getattr(paper, key):
            placed.header[key] = _field(document, label, getattr(paper, key))
    if paper.sponsors:
        placed.header["sponsors"] = _field(document, "Sponsors", ", ".join(paper.sponsors))
    if paper.signatories:
        placed.header["signatories"] = _field(document, "Signatories", ", ".join(paper.signatories))
    for code, clause_id in paper.suppressions:
        if clause_id is None:
            _hidden(document, f"# resedit-ignore: {code}")
    if placed.header:
        _spacer(document)
    ignores: dict[str, list[str]] = {}
    for code, clause_id in paper.suppressions:
        if clause_id is not None:
            ignores.setdefault(clause_id, []).append(code)
    if paper.opening:
        opening = document.add_paragraph(paper.opening)
        opening.paragraph_format.first_line_indent = Twips(INDENT)
        placed.header["opening"] = opening
    for clause in paper.preamble:
        _suppress_line(document, clause, ignores)
        paragraph = _clause_paragraph(document, clause.text, italic=True)
        paragraph.paragraph_format.first_line_indent = Twips(INDENT)
        placed.clauses[clause.id] = paragraph
        _preamble_children(document, clause, 1, placed, ignores)
    typed = bool(numbers_as_written(paper))
    for clause in paper.operative:
        _numbered(document, clause, 0, None if typed else num_id, placed, ignores)
    for entry in paper.history:
        fields = (entry.at, entry.who, entry.action, entry.role, entry.state, entry.note)
        _hidden(document, "# history: " + " | ".join(f.replace("|", "/") for f in fields))
    return document, placed


def write_docx_bytes(paper: WorkingPaper) -> bytes:
    document, placed = build_document(paper)
    if paper.comments:  # a shared copy's comments become Word comments on their clauses
        from resedit.formats.docx_commenting import add_codrafting_comments

        add_codrafting_comments(document, placed, paper)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(paper: WorkingPaper, path) -> None:
    from resedit.formats.atomic import atomic_write

    atomic_write(path, write_docx_bytes(paper))


# ---- pieces -----------------------------------------------------------------------------------

def _slim(document) -> None:
    """Drop what python-docx's template carries and the paper never uses: Word 2010's duplicate
    stylesWithEffects part and ~150 unused style definitions (800 KB of XML a reader must parse)."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)
    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.iterchildren(qn("w:style"))}
    keep, todo = set(), [s for s in KEPT_STYLES if s in by_id]
    while todo:  # the kept styles and every style they are based on, link to or continue with
        style_id = todo.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for ref in ("w:basedOn", "w:next", "w:link"):
            el = by_id[style_id].find(qn(ref))
            if el is not None:
                todo.append(el.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)


def _base_style(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = FONT_SIZE
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    props = document.core_properties
    props.author, props.title = "resedit", ""


def _line_numbers(document) -> None:
    """Line numbers in the left margin, counting every line, as the dais uses them for amendments."""
    for section in document.sections:
        sect_pr = section._sectPr
        for old in sect_pr.findall(qn("w:lnNumType")):
            sect_pr.remove(old)
        ln = OxmlElement("w:lnNumType")
        ln.set(qn("w:countBy"), "1")
        ln.set(qn("w:restart"), "continuous")
        ln.set(qn("w:distance"), "360")
        sect_pr.insert_element_before(ln, *SECT_PR_AFTER_LN_NUM)


def _add_numbering(document) -> str:
    """One multi-level list for the operative part: 1. / (a) / (i) / a. / i. ..."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{INDENT * (i + 1)}" w:hanging="{INDENT}"/></w:pPr>'
        f'<w:rPr><w:i w:val="0"/></w:rPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS))
    abstract = parse_xml(f'<w:abstractNum {W_DECL} w:abstractNumId="{ABSTRACT_NUM_ID}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # every abstractNum must come before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return str(numbering.add_num(ABSTRACT_NUM_ID).numId)


def _field(document, label: str, value: str):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f" {value}")
    return paragraph


def _spacer(document) -> None:
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _hidden(document, text: str):
    """Text a re-import reads but neither the print nor the line numbers show."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.hidden = True
    run.font.size = Pt(8)
    paragraph.paragraph_format.space_after = Pt(0)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(OxmlElement("w:suppressLineNumbers"), *P_PR_AFTER_SUPPRESS)
    mark = OxmlElement("w:rPr")  # hide the paragraph mark too, so no empty line shows
    mark.append(OxmlElement("w:vanish"))
    p_pr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return paragraph


def _suppress_line(document, clause: Clause, ignores: dict[str, list[str]]) -> None:
    if clause.id in ignores:
        _hidden(document, f"# resedit-ignore: {', '.join(ignores[clause.id])}")


def _clause_paragraph(document, text: str, italic: bool, label: str = ""):
    paragraph = document.add_paragraph()
    if label:
        paragraph.add_run(label + "\t")
    cut = opener_length(text) if italic else 0
    if cut:
        paragraph.add_run(text[:cut]).italic = True
    if text[cut:]:
        paragraph.add_run(text[cut:])
    return paragraph


def _numbered(document, clause: Clause, depth: int, num_id: str | None, placed: Placement,
              ignores: dict[str, list[str]]) -> None:
    """An operative paragraph or sub-clause: on the Word list, or (num_id None) with the label
    the author wrote typed before it."""
    _suppress_line(document, clause, ignores)
    if num_id is None:
        paragraph = _clause_paragraph(document, clause.text, depth == 0, _written(clause, depth))
        paragraph.paragraph_format.left_indent = Twips(INDENT * (depth + 1))
        paragraph.paragraph_format.first_line_indent = Twips(-INDENT)
    else:
        paragraph = _clause_paragraph(document, clause.text, italic=depth == 0)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = min(depth, len(LEVELS) - 1)
        num_pr.get_or_add_numId().val = int(num_id)
    placed.clauses[clause.id] = paragraph
    for child in clause.children:
        _numbered(document, child, depth + 1, num_id, placed, ignores)


def _written(clause: Clause, depth: int) -> str:
    if not clause.label:
        return ""
    if depth == 0:
        return f"{clause.label}."
    return f"({clause.label})" if (depth - 1) % 4 < 2 else f"{clause.label}."


def numbers_as_written(paper: WorkingPaper) -> list[str]:
    """The operative labels the author wrote that automatic numbering would change ("10" after
    "8"): the export then types every label as written, so their findings survive the round
    trip and the comments of an annotated copy sit under the number they are about."""
    from resedit.formats.labels import sub_label

    if not any(c.label for _, _, _, c in paper.clauses()):
        return []  # made in code or by the editor: nothing was written by hand
    changed = []
    for part, position, path, clause in paper.clauses():
        if part != "operative":
            continue
        expected = str(position) if not path else sub_label(len(path), path[-1]).strip("().")
        if (clause.label or "") != expected:
            changed.append(_written(clause, len(path)) or "(none)")
    return changed


def _preamble_children(document, clause: Clause, depth: int, placed: Placement,
                       ignores: dict[str, list[str]]) -> None:
    """Sub-clauses of a preambular paragraph (rare) carry typed labels: Word lists belong to the
    operative part, and an auto-numbered paragraph would read back as operative."""
    from resedit.formats.labels import sub_label

    for index, child in enumerate(clause.children):
        _suppress_line(document, child, ignores)
        paragraph = document.add_paragraph(f"{sub_label(depth, index)} {child.text}")
        paragraph.paragraph_format.left_indent = Twips(INDENT * (depth + 1))
        paragraph.paragraph_format.first_line_indent = Twips(-INDENT)
        placed.clauses[child.id] = paragraph
        _preamble_children(document, child, depth + 1, placed, ignores)
