"""Build Word documents the way Word writes them, for the .docx tests (python-docx + raw XML).

Automatic numbering is defined here independently of resedit's exporter: an abstractNum in
numbering.xml with the levels Word's "1. (a) (i)" multilevel list uses, referenced from each
paragraph's numPr (what Word's numbering button writes) or from a paragraph style.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WORD_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"),
               ("lowerLetter", "%4."), ("lowerRoman", "%5."))


@dataclass
class C:
    """A clause to write: text, sub-clauses."""

    text: str
    children: list[C] = field(default_factory=list)


HEADER = {"Code": "CCPCJ/1/1",
          "Committee": "Commission on Crime Prevention and Criminal Justice",
          "Topic": "Countering trafficking in persons",
          "Sponsors": "Brazil, Viet Nam",
          "Signatories": "Chile, Türkiye"}
OPENING = "The Commission on Crime Prevention and Criminal Justice,"
PREAMBLE = ["Recalling its resolution 27/2 of 18 May 2018,",
            "Deeply concerned by the scale of trafficking in persons,",
            "Noting with appreciation the work of the United Nations Office on Drugs and Crime,"]
OPERATIVE = [C("Urges Member States to:", [
                 C("Strengthen cooperation between law enforcement agencies;"),
                 C("Consider measures to protect victims, including:", [
                     C("Access to shelters;"), C("Legal aid in their own language;")]),
                 C("Share data on trafficking routes;")]),
             C("Calls upon Member States to ratify the Protocol;"),
             C("Requests the United Nations Office on Drugs and Crime to report at its next session.")]


def twin_text(header=HEADER, opening=OPENING, preamble=PREAMBLE, operative=OPERATIVE) -> str:
    """The .txt twin in the canonical layout."""
    out = [f"{k}: {v}" for k, v in header.items()] + [""]
    if opening:
        out += [opening, ""]
    for text in preamble:
        out += [text, ""]
    labels = (lambda i: f"({'abcdefghijklmnopqrstuvwxyz'[i]})",
              lambda i: f"({['i', 'ii', 'iii', 'iv', 'v', 'vi'][i]})",
              lambda i: f"{'abcdefghijklmnopqrstuvwxyz'[i]}.",
              lambda i: f"{['i', 'ii', 'iii', 'iv', 'v', 'vi'][i]}.")

    def write(clause: C, label: str, depth: int):
        out.extend([f"{'    ' * depth}{label} {clause.text}", ""])
        for i, child in enumerate(clause.children):
            write(child, labels[depth](i), depth + 1)

    for n, clause in enumerate(operative, start=1):
        write(clause, f"{n}.", 0)
    return "\n".join(out)


def add_word_numbering(document, levels=WORD_LEVELS, abstract_id: int = 40) -> int:
    """Add a multilevel list definition to numbering.xml; returns the new numId."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 2)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>')
    numbering.find(qn("w:num")).addprevious(abstract)
    return numbering.add_num(abstract_id).numId


def number(paragraph, num_id: int, ilvl: int) -> None:
    """What Word's numbering button writes: ListParagraph style plus numPr on the paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def opener_runs(paragraph, text: str, words: int = 1, underline: bool = False) -> None:
    """The opening phrase in its own italic (or underlined) run, as delegates format it."""
    parts = text.split(" ")
    head, tail = " ".join(parts[:words]), " " + " ".join(parts[words:])
    run = paragraph.add_run(head)
    if underline:
        run.underline = True
    else:
        run.italic = True
    paragraph.add_run(tail)


def build(path, *, header=HEADER, opening=OPENING, preamble=PREAMBLE, operative=OPERATIVE,
          numbering: str = "auto", header_table: bool = False, page_header: bool = False,
          underline: bool = False) -> None:
    """Write a paper as a Word document.

    numbering: "auto" (numPr on each paragraph, one multilevel list), "typed" (numbers and letters
    typed as text), "style" (numbering inherited from a paragraph style), "split" (operative
    clauses on one list, sub-clauses on a second list of letters).
    """
    document = docx.Document()
    fields = dict(header)
    if page_header:
        code = fields.pop("Code")
        document.sections[0].header.paragraphs[0].text = f"Code: {code}"
    if header_table:
        table = document.add_table(rows=0, cols=2)
        for key, value in fields.items():
            row = table.add_row()
            row.cells[0].text = f"{key}:"
            row.cells[1].text = value
    else:
        for key, value in fields.items():
            p = document.add_paragraph()
            p.add_run(f"{key}:").bold = True
            p.add_run(f" {value}")
    document.add_paragraph()
    if opening:
        document.add_paragraph(opening)
    for text in preamble:
        words = 2 if text.split()[0].endswith("ly") else 1
        opener_runs(document.add_paragraph(), text, words, underline)
    num_id = add_word_numbering(document) if numbering in ("auto", "split", "style") else None
    sub_id = add_word_numbering(document, WORD_LEVELS[1:], abstract_id=41) if numbering == "split" else None
    if numbering == "style":
        for ilvl in range(3):
            style = document.styles.add_style(f"Resolution{ilvl}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = ilvl
            num_pr.get_or_add_numId().val = num_id
    letters = "abcdefghijklmnopqrstuvwxyz"
    romans = ["i", "ii", "iii", "iv", "v", "vi"]

    def write(clause: C, depth: int, index: int):
        if numbering == "typed":
            label = (f"{index + 1}.", f"({letters[index]})", f"({romans[index]})")[depth]
            p = document.add_paragraph(("\t" * depth) + label + "\t")
            opener_runs(p, clause.text) if depth == 0 else p.add_run(clause.text)
        elif numbering == "style":
            p = document.add_paragraph(style=f"Resolution{depth}")
            opener_runs(p, clause.text) if depth == 0 else p.add_run(clause.text)
        else:
            p = document.add_paragraph(style="List Paragraph")
            opener_runs(p, clause.text) if depth == 0 else p.add_run(clause.text)
            if numbering == "split" and depth > 0:
                number(p, sub_id, depth - 1)
            else:
                number(p, num_id, depth)
        for i, child in enumerate(clause.children):
            write(child, depth + 1, i)

    for i, clause in enumerate(operative):
        write(clause, 0, i)
    document.save(str(path))
    return document
