"""Exporting to Word: NMUN layout, real numbering, line numbers; re-import gives the same paper."""
from __future__ import annotations

import zipfile

import docx
import pytest
from defusedxml import ElementTree as SafeET
from docx_build import twin_text
from shared_data import CORPUS, corpus_names

from resedit.cli import main
from resedit.formats import read_paper, write_paper
from resedit.formats.docx_out import opener_length
from resedit.formats.text import read_text, write_text
from resedit.model import HistoryEntry

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

DEEP = """Code: CCPCJ/2/4
Committee: Commission on Crime Prevention and Criminal Justice
Topic: Countering trafficking in persons
Sponsors: Brazil, Viet Nam, Côte d'Ivoire
Signatories: Chile, Türkiye
# resedit-ignore: STY001

The Commission on Crime Prevention and Criminal Justice,

Recalling its resolution 27/2 of 18 May 2018,

Bearing in mind the 2030 Agenda for Sustainable Development,

1. Urges Member States to:

    (a) Strengthen cooperation, in particular:

        (i) Joint investigations, including:

            a. Shared evidence rules, such as:

                i. Common forms;

                ii. Common deadlines;

            b. Liaison officers;

        (ii) Training;

    (b) Protect victims;

# resedit-ignore: NUM001
2. Further requests the Office to report at its next session.
"""


def test_round_trip_of_a_deep_paper(tmp_path):
    paper = read_text(DEEP)
    paper.history.append(HistoryEntry(at="2026-03-01T10:00:00Z", who="dais", action="add",
                                      state="Chile", role="signatory", note="at the podium"))
    write_paper(paper, tmp_path / "deep.docx")
    back = read_paper(tmp_path / "deep.docx")
    assert back == paper
    assert back.operative[0].children[0].children[0].children[0].children[1].text == "Common deadlines;"
    assert [code for code, _ in back.suppressions] == ["STY001", "NUM001"]
    assert back.suppressions[1][1] == back.operative[1].id  # still on the clause it was typed above
    assert write_text(back) == write_text(paper)


@pytest.mark.corpus
@pytest.mark.parametrize("name", corpus_names())
def test_round_trip_of_real_un_resolutions(tmp_path, name):
    paper = read_paper(CORPUS / name)
    write_paper(paper, tmp_path / "un.docx")
    assert read_paper(tmp_path / "un.docx") == paper


def _part(path, name):
    with zipfile.ZipFile(path) as archive:
        return SafeET.fromstring(archive.read(name))


def test_layout_numbering_line_numbers_font_and_italics(tmp_path):
    write_paper(read_text(DEEP), tmp_path / "p.docx")
    numbering = _part(tmp_path / "p.docx", "word/numbering.xml")
    document = _part(tmp_path / "p.docx", "word/document.xml")
    # The operative paragraphs sit on a real Word list: numPr with depth as ilvl.
    levels_used = []
    num_ids = set()
    for p in document.iter(W + "p"):
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            levels_used.append(int(num_pr.find(W + "ilvl").get(W + "val")))
            num_ids.add(num_pr.find(W + "numId").get(W + "val"))
    assert levels_used == [0, 1, 2, 3, 4, 4, 3, 2, 1, 0]
    assert len(num_ids) == 1
    num = next(n for n in numbering.iter(W + "num") if n.get(W + "numId") in num_ids)
    abstract_id = num.find(W + "abstractNumId").get(W + "val")
    abstract = next(a for a in numbering.iter(W + "abstractNum") if a.get(W + "abstractNumId") == abstract_id)
    formats = [(lvl.find(W + "numFmt").get(W + "val"), lvl.find(W + "lvlText").get(W + "val"))
               for lvl in abstract.iter(W + "lvl")][:5]
    assert formats == [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"),
                       ("lowerLetter", "%4."), ("lowerRoman", "%5.")]
    ln = document.find(f"{W}body/{W}sectPr/{W}lnNumType")
    assert ln is not None and ln.get(W + "countBy") == "1"
    d = docx.Document(tmp_path / "p.docx")
    assert d.styles["Normal"].font.name == "Times New Roman"
    italic = {p.text: [r.text for r in p.runs if r.italic] for p in d.paragraphs}
    assert italic["Recalling its resolution 27/2 of 18 May 2018,"] == ["Recalling"]
    assert italic["Bearing in mind the 2030 Agenda for Sustainable Development,"] == ["Bearing in mind"]
    assert italic["Urges Member States to:"] == ["Urges"]
    assert italic["Further requests the Office to report at its next session."] == ["Further requests"]
    assert italic["Protect victims;"] == []  # sub-clauses have no italic opener
    header = [p for p in d.paragraphs if p.text.startswith("Sponsors:")][0]
    assert header.runs[0].bold and header.text == "Sponsors: Brazil, Viet Nam, Côte d'Ivoire"
    # Suppressions travel as hidden text: not printed, but read back.
    hidden = [p.text for p in d.paragraphs if p.runs and p.runs[0].font.hidden]
    assert hidden == ["# resedit-ignore: STY001", "# resedit-ignore: NUM001"]


@pytest.mark.parametrize("text, opener", [
    ("Recalling its resolution 27/2,", "Recalling"),
    ("Deeply concerned by the scale of trafficking,", "Deeply concerned"),
    ("Noting with appreciation the work of the Office,", "Noting with appreciation"),
    ("Noting with deep concern the rise in cases,", "Noting with deep concern"),
    ("Bearing in mind the 2030 Agenda,", "Bearing in mind"),
    ("Taking into account the report,", "Taking into account"),
    ("Having considered the report,", "Having considered"),
    ("Recognizing also the role of civil society,", "Recognizing also"),
    ("Calls upon Member States to act;", "Calls upon"),
    ("Takes note of the report;", "Takes note"),
    ("Further invites Member States to act;", "Further invites"),
    ("Urges Member States to act;", "Urges"),
    ("Requests,", "Requests"),
    ("Aware of the challenges,", "Aware"),
    ("Emphasizes in particular the need;", "Emphasizes"),
    ("Takes note with appreciation of the report;", "Takes note with appreciation"),
    ("Noting with concern in particular the rise,", "Noting with concern"),
    ("Welcomes with great appreciation the work;", "Welcomes with great appreciation"),
])
def test_opener(text, opener):
    assert text[:opener_length(text)] == opener


def test_export_and_import_commands(tmp_path, capsys):
    source = tmp_path / "paper.txt"
    source.write_text(twin_text(), encoding="utf-8")
    assert main(["export", str(source), "--to", "docx", "-o", str(tmp_path / "paper.docx")]) == 0
    assert main(["import", str(tmp_path / "paper.docx")]) == 0
    out = capsys.readouterr().out
    assert out == write_text(read_text(twin_text()))
    assert main(["import", str(tmp_path / "paper.docx"), "-o", str(tmp_path / "back.txt")]) == 0
    assert read_paper(tmp_path / "back.txt") == read_text(twin_text())
    assert main(["export", str(tmp_path / "paper.docx"), "--to", "txt", "-o", "-"]) == 0
    assert capsys.readouterr().out == out
    # the default output name is the paper's with the new suffix; never the paper itself
    assert main(["export", str(tmp_path / "back.txt"), "--to", "docx"]) == 0
    assert read_paper(tmp_path / "back.docx") == read_text(twin_text())
    assert main(["export", str(tmp_path / "back.txt"), "--to", "txt"]) == 2


def test_broken_input_to_import_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a zip")
    assert main(["import", str(bad)]) == 2
    assert "not a Word document" in capsys.readouterr().err
