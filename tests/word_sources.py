"""One paper (written for these tests) as a .txt and as .docx files made the ways delegates make
them: python-docx with Word's list styles and a header table, LibreOffice converting the text or
an HTML page, and a Google-Docs-like export. Each must read as the same paper."""
from __future__ import annotations

import html
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx_build import W, add_word_numbering, number

HEADER = [("Code", "CCPCJ/2/3"),
          ("Committee", "Commission on Crime Prevention and Criminal Justice"),
          ("Topic", "Protecting cultural property from trafficking"),
          ("Sponsors", "Ghana, Peru, Norway"),
          ("Signatories", "Chile, Saint Vincent and the Grenadines, Uruguay")]
OPENING = "The Commission on Crime Prevention and Criminal Justice,"
PREAMBLE = [
    "Recalling the Convention on the Means of Prohibiting and Preventing the Illicit Import, "
    "Export and Transfer of Ownership of Cultural Property,",
    "Alarmed by the sale of looted objects through online marketplaces and social media,",
    # A full stop where a comma belongs: a punctuation finding every copy must keep.
    "Noting the guidelines on crime prevention and criminal justice responses with respect to "
    "trafficking in cultural property.",
]
# (number as written, text, [(sub text, [sub-sub texts])]); "4" after "2" is a numbering finding.
OPERATIVE = [
    ("1", "Urges Member States to:", [
        ("Establish national inventories of cultural property;", []),
        ("Train customs officials to recognize trafficked objects, including:",
         ["Archaeological objects;", "Manuscripts and archives;"]),
        ("Cooperate with the International Criminal Police Organization;", [])]),
    ("2", "Invites Member States to report seizures to the United Nations Office on Drugs and "
          "Crime and to the World Customs Organization;", []),
    ("4", "Requests the Secretariat to report on the implementation of the present resolution at "
          "the next session.", []),
]
LETTERS, ROMANS = "abc", ("i", "ii", "iii")


def paper_text(width: int | None = None) -> str:
    """The text layout; `width` hard-wraps each paragraph as a text editor would."""
    def para(text: str, indent: str = "") -> str:
        return textwrap.fill(text, width, initial_indent=indent) if width else indent + text

    out = [f"{k}: {v}" for k, v in HEADER] + ["", OPENING, ""]
    out += [para(t) + "\n" for t in PREAMBLE]
    for num, text, subs in OPERATIVE:
        out.append(para(f"{num}. {text}") + "\n")
        for i, (sub, subsubs) in enumerate(subs):
            out.append(para(f"({LETTERS[i]}) {sub}", "    ") + "\n")
            out += [para(f"({ROMANS[j]}) {s}", "        ") + "\n" for j, s in enumerate(subsubs)]
    return "\n".join(out)


def word_list_styles(path: Path, with_noise: bool = True) -> None:
    """Word's own styles: a header table, typed operative numbers, sub-clauses in "List Number 2"
    and their items typed after Shift+Enter; a struck-through run and a hidden paragraph."""
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for key, value in HEADER:
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = f"{key}:", value
    document.add_paragraph()
    document.add_paragraph(OPENING)
    for text in PREAMBLE:
        document.add_paragraph(text)
    if with_noise:  # the author's own note to self, hidden
        document.add_paragraph().add_run("Check the guidelines' symbol with Peru").font.hidden = True
    for num, text, subs in OPERATIVE:
        p = document.add_paragraph(f"{num}.\t")
        if with_noise and num == "2":
            head, tail = text.split(" and to ")
            p.add_run(head + " ")
            p.add_run("and to the customs of the region ").font.strike = True
            p.add_run("and to " + tail)
        else:
            p.add_run(text)
        for sub, subsubs in subs:
            q = document.add_paragraph(style="List Number 2")
            q.add_run(sub)
            for j, s in enumerate(subsubs):
                q.add_run().add_break(WD_BREAK.LINE)
                q.add_run(f"({ROMANS[j]}) {s}")
    document.save(str(path))


def google_docs_like(path: Path) -> None:
    """What a Google Docs download looks like: every paragraph on one list with numPr of its own,
    levels "%1." / "%2." / "%3.", runs split at each format change, empty paragraphs between
    clauses, the header in bold-label paragraphs, and a restart at 4 as a second w:num."""
    document = docx.Document()
    for key, value in HEADER:
        p = document.add_paragraph()
        p.add_run(f"{key}: ").bold = True
        p.add_run(value)
    document.add_paragraph()
    document.add_paragraph(OPENING)
    for text in PREAMBLE:
        document.add_paragraph()
        p = document.add_paragraph()
        first, rest = text.split(" ", 1)
        p.add_run(first).italic = True
        p.add_run(" " + rest)
    levels = (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))
    num_id = add_word_numbering(document, levels, abstract_id=7)
    numbering = document.part.numbering_part.element
    restart = numbering.add_num(7)
    restart.append(parse_xml(f'<w:lvlOverride {W} w:ilvl="0"><w:startOverride w:val="4"/>'
                             f'</w:lvlOverride>'))
    for num, text, subs in OPERATIVE:
        document.add_paragraph()
        p = document.add_paragraph()
        first, rest = text.split(" ", 1)
        p.add_run(first).italic = True
        p.add_run(" " + rest)
        number(p, restart.numId if num == "4" else num_id, 0)
        for sub, subsubs in subs:
            q = document.add_paragraph(sub)
            number(q, num_id, 1)
            for s in subsubs:
                number(document.add_paragraph(s), num_id, 2)
    document.save(str(path))


def paper_html() -> str:
    """The paper as a web page with nested ordered lists (numbers and letters automatic)."""
    e = html.escape
    body = [f"<p>{e(k)}: {e(v)}</p>" for k, v in HEADER] + [f"<p>{e(OPENING)}</p>"]
    body += [f"<p>{e(t)}</p>" for t in PREAMBLE]
    body.append("<ol type=\"1\">")
    for num, text, subs in OPERATIVE:
        body.append(f"<li value=\"{num}\">{e(text)}")
        if subs:
            body.append("<ol type=\"a\">")
            for sub, subsubs in subs:
                body.append(f"<li>{e(sub)}")
                if subsubs:
                    body.append("<ol type=\"i\">" + "".join(f"<li>{e(s)}</li>" for s in subsubs)
                                + "</ol>")
                body.append("</li>")
            body.append("</ol>")
        body.append("</li>")
    body.append("</ol>")
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + "".join(body) \
        + "</body></html>"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, out_dir: Path, target: str = "docx:MS Word 2007 XML",
                        infilter: str | None = None) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (no clash with another run)."""
    command = [soffice(), f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(out_dir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(out_dir)})
    produced = out_dir / (source.stem + "." + target.split(":", 1)[0])
    assert produced.exists(), f"LibreOffice wrote no {produced.name}"
    return produced


def flat_odt_with_footnote_and_text_box() -> str:
    """A LibreOffice flat ODT: a footnote on a preambular clause, a text box anchored in an
    operative paragraph (both must be noted, neither read as a clause)."""
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>Committee: CCPCJ</text:p>
<text:p>The Commission on Crime Prevention and Criminal Justice,</text:p>
<text:p>Recalling its resolution 30/1,<text:note text:id="n1" text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body>
<text:p>Adopted at its thirtieth session.</text:p></text:note-body></text:note></text:p>
<text:p><draw:frame draw:name="Box" text:anchor-type="paragraph" svg:width="5cm"
 svg:height="2cm"><draw:text-box><text:p>Draft for the bloc only</text:p></draw:text-box>
</draw:frame>1. Urges Member States to act;</text:p>
<text:p>2. Decides to remain seized of the matter.</text:p>
</office:text></office:body></office:document>
"""

