"""Importing Word documents: the .docx gives the same paper and the same findings as its .txt twin."""
from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx_build import HEADER, OPERATIVE, PREAMBLE, C, W, add_word_numbering, build, number, twin_text

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.formats.text import read_text
from resedit.lint import lint


def findings(paper, rules, annotator):
    return [(d.code, d.location.part, d.location.clause, d.location.subclause, d.location.start,
             d.location.end, d.message)
            for d in lint(paper, rules, load_committee("CCPCJ"), annotator)]


@pytest.mark.parametrize("numbering", ["auto", "typed", "style", "split"])
def test_docx_equals_its_text_twin(tmp_path, numbering, rules, annotator):
    path = tmp_path / "paper.docx"
    build(path, numbering=numbering)
    paper = read_paper(path)
    twin = read_text(twin_text())
    assert paper == twin
    assert [c.text for c in paper.operative[0].children] == [c.text for c in OPERATIVE[0].children]
    assert len(paper.operative[0].children[1].children) == 2
    assert findings(paper, rules, annotator) == findings(twin, rules, annotator)


def test_findings_of_a_flawed_paper_match_the_twin(tmp_path, rules, annotator):
    preamble = ["Recalling its resolution 27/2 of 18 May 2018;"] + PREAMBLE[1:]
    operative = OPERATIVE[:2] + [C("Requests the Office to report at its next session")]
    build(tmp_path / "flawed.docx", preamble=preamble, operative=operative)
    paper = read_paper(tmp_path / "flawed.docx")
    twin = read_text(twin_text(preamble=preamble, operative=operative))
    assert paper == twin
    got = findings(paper, rules, annotator)
    assert got == findings(twin, rules, annotator)
    codes = {f[0] for f in got}
    assert {"PUN001", "PUN003"} <= codes  # semicolon in the preamble, no final full stop


def test_automatic_numbers_become_labels_and_lines_are_paragraph_numbers(tmp_path):
    build(tmp_path / "p.docx")
    paper = read_paper(tmp_path / "p.docx")
    assert [c.label for c in paper.operative] == ["1", "2", "3"]
    assert [c.label for c in paper.operative[0].children] == ["a", "b", "c"]
    assert [c.label for c in paper.operative[0].children[1].children] == ["i", "ii"]
    # 5 header paragraphs, 1 empty, the opening line, 3 preambular: first operative is paragraph 11
    assert [c.line for c in paper.preamble] == [8, 9, 10]
    assert paper.operative[0].line == 11
    assert paper.lines["code"] == 1 and paper.lines["opening"] == 7


def test_header_from_a_table(tmp_path):
    build(tmp_path / "t.docx", header_table=True)
    paper = read_paper(tmp_path / "t.docx")
    assert paper == read_text(twin_text())
    assert paper.sponsors == ["Brazil", "Viet Nam"] and paper.code == "CCPCJ/1/1"


def test_code_typed_in_the_page_header(tmp_path):
    build(tmp_path / "h.docx", page_header=True)
    paper = read_paper(tmp_path / "h.docx")
    assert paper.code == "CCPCJ/1/1"
    assert paper == read_text(twin_text())


def test_underlined_openers_read_as_plain_text(tmp_path):
    build(tmp_path / "u.docx", underline=True)
    assert read_paper(tmp_path / "u.docx") == read_text(twin_text())


def test_tracked_changes_are_accepted_and_noted(tmp_path):
    document = docx.Document()
    document.add_paragraph("The Commission on Crime Prevention and Criminal Justice,")
    p = document.add_paragraph("Recalling its resolution ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="Chile" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:delText>26/1</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="Chile" w:date="2026-01-01T00:00:00Z">'
                          '<w:r><w:t>27/2</w:t></w:r></w:ins>'))
    p.add_run(",")
    num_id = add_word_numbering(document)
    number(document.add_paragraph("Requests a report."), num_id, 0)
    document.save(tmp_path / "tracked.docx")
    paper = read_paper(tmp_path / "tracked.docx")
    assert paper.preamble[0].text == "Recalling its resolution 27/2,"
    assert any("tracked changes were pending" in n and "1 del" in n and "1 ins" in n
               for n in paper.notes)


def test_comments_become_notes(tmp_path):
    build(tmp_path / "c.docx")
    document = docx.Document(tmp_path / "c.docx")
    target = next(p for p in document.paragraphs if p.text.startswith("Calls upon"))
    document.add_comment(target.runs, "Which Protocol?", author="Brazil", initials="BR")
    document.save(tmp_path / "c.docx")
    paper = read_paper(tmp_path / "c.docx")
    assert paper == read_text(twin_text())
    assert any(n.startswith("comment by Brazil on \u201cCalls upon") and "Which Protocol?" in n
               for n in paper.notes)


def test_numbering_switched_off_with_num_id_zero(tmp_path):
    document = docx.Document()
    document.add_paragraph("The Commission on Crime Prevention and Criminal Justice,")
    p = document.add_paragraph("Recalling its resolution 27/2,")
    number(p, 0, 0)  # Word writes numId 0 to take a paragraph out of a list
    num_id = add_word_numbering(document)
    number(document.add_paragraph("Requests a report."), num_id, 0)
    document.save(tmp_path / "z.docx")
    paper = read_paper(tmp_path / "z.docx")
    assert [c.text for c in paper.preamble] == ["Recalling its resolution 27/2,"]
    assert [c.text for c in paper.operative] == ["Requests a report."]


def test_restarted_numbering_keeps_what_word_shows(tmp_path):
    """A list restarted in the middle shows 1 again; the label keeps it for the numbering rules."""
    document = docx.Document()
    document.add_paragraph("The Commission on Crime Prevention and Criminal Justice,")
    first, second = add_word_numbering(document), add_word_numbering(document, abstract_id=42)
    number(document.add_paragraph("Urges Member States to act;"), first, 0)
    number(document.add_paragraph("Requests a report."), second, 0)
    document.save(tmp_path / "r.docx")
    paper = read_paper(tmp_path / "r.docx")
    assert [c.label for c in paper.operative] == ["1", "1"]


def test_hyperlinks_and_line_breaks_are_plain_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("The Commission on Crime Prevention and Criminal Justice,")
    p = document.add_paragraph("Recalling ")
    rid = p.part.relate_to("https://undocs.org/A/RES/55/25",
                           "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                           is_external=True)
    p._p.append(parse_xml(f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/'
                          f'officeDocument/2006/relationships" r:id="{rid}"><w:r><w:t>resolution '
                          '55/25</w:t></w:r></w:hyperlink>'))
    run = p.add_run(" of 15 November")
    run.add_break()
    p.add_run("2000,")
    num_id = add_word_numbering(document)
    number(document.add_paragraph("Requests a report."), num_id, 0)
    document.save(tmp_path / "l.docx")
    paper = read_paper(tmp_path / "l.docx")
    assert paper.preamble[0].text == "Recalling resolution 55/25 of 15 November 2000,"


def test_header_fields_match_the_twin():
    """The twin helper itself writes what the reader expects (guards the other tests)."""
    twin = read_text(twin_text())
    assert twin.code == HEADER["Code"] and len(twin.preamble) == 3 and len(twin.operative) == 3
