"""A .docx made from a .txt paper, however it was made, gives the same clauses and the same
findings on the same clauses as the .txt (tests/word_sources.py builds each kind)."""
from __future__ import annotations

import os

import pytest
from word_sources import (
    OPERATIVE,
    flat_odt_with_footnote_and_text_box,
    google_docs_like,
    libreoffice_convert,
    paper_html,
    paper_text,
    soffice,
    word_list_styles,
)

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.formats.text import write_text
from resedit.lint import lint

needs_libreoffice = pytest.mark.skipif(
    soffice() is None and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer")


def findings(paper, rules, annotator) -> list[tuple]:
    """Every finding, by what it says and which clause it is on (not by line: a .docx counts
    paragraphs)."""
    found = lint(paper, rules, load_committee("CCPCJ"), annotator=annotator)
    return sorted((d.code, d.location.part, d.location.clause, d.location.subclause,
                   d.location.start, d.location.end, d.message) for d in found)


@pytest.fixture(scope="module")
def txt_paper(tmp_path_factory):
    path = tmp_path_factory.mktemp("txt") / "paper.txt"
    path.write_text(paper_text(), encoding="utf-8")
    return read_paper(path)


def test_the_text_paper_reads_as_written(txt_paper, rules, annotator):
    assert [c.label for c in txt_paper.operative] == [num for num, _, _ in OPERATIVE]
    assert [len(c.children) for c in txt_paper.operative] == [3, 0, 0]
    assert [len(c.children) for c in txt_paper.operative[0].children] == [0, 2, 0]
    assert txt_paper.signatories == ["Chile", "Saint Vincent and the Grenadines", "Uruguay"]
    codes = {f[0] for f in findings(txt_paper, rules, annotator)}
    assert {"NUM002", "PUN001"} <= codes or {"NUM002"} <= codes, codes


def _same(docx_paper, txt_paper, rules, annotator):
    assert write_text(docx_paper) == write_text(txt_paper)
    assert findings(docx_paper, rules, annotator) == findings(txt_paper, rules, annotator)


def test_word_list_styles_header_table_line_breaks(tmp_path, txt_paper, rules, annotator):
    path = tmp_path / "paper.docx"
    word_list_styles(path)
    paper = read_paper(path)
    _same(paper, txt_paper, rules, annotator)
    notes = " ".join(paper.notes)
    assert "struck-through text not read" in notes and "customs of the region" in notes
    assert "hidden text not read" in notes and "symbol with Peru" in notes


def test_word_paragraph_numbers_stay_right_under_a_header_table(tmp_path, txt_paper):
    import docx

    path = tmp_path / "paper.docx"
    word_list_styles(path)
    paper = read_paper(path)
    paragraphs = list(docx.Document(str(path)).element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))

    def text_of(number):
        return "".join(t.text or "" for t in paragraphs[number - 1].iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))

    for _, _, _, clause in paper.clauses():
        assert clause.text.split()[0] in text_of(clause.line), (clause.line, clause.text)
    assert text_of(paper.lines["sponsors"]) == "Ghana, Peru, Norway"
    assert text_of(paper.lines["opening"]) == paper.opening


def test_google_docs_like_export(tmp_path, txt_paper, rules, annotator):
    path = tmp_path / "paper.docx"
    google_docs_like(path)
    _same(read_paper(path), txt_paper, rules, annotator)


@needs_libreoffice
def test_libreoffice_converted_hard_wrapped_text(tmp_path, txt_paper, rules, annotator):
    """A text file wrapped at 72 columns, converted: one Word paragraph per printed line."""
    source = tmp_path / "wrapped.txt"
    source.write_text(paper_text(width=72), encoding="utf-8")
    converted = libreoffice_convert(source, tmp_path, infilter="Text (encoded):UTF8,LF,,,")
    _same(read_paper(converted), txt_paper, rules, annotator)


@needs_libreoffice
def test_libreoffice_converted_web_page_with_automatic_lists(tmp_path, txt_paper, rules, annotator):
    source = tmp_path / "paper.html"
    source.write_text(paper_html(), encoding="utf-8")
    converted = libreoffice_convert(source, tmp_path, target="docx:MS Word 2007 XML",
                                    infilter="HTML (StarWriter)")
    _same(read_paper(converted), txt_paper, rules, annotator)


def _page_header_table_paper(path):
    """The header as a table in Word's page header (repeated on every page), the clauses below."""
    import docx
    from word_sources import HEADER, OPENING, PREAMBLE

    document = docx.Document()
    table = document.sections[0].header.add_table(rows=0, cols=2, width=docx.shared.Inches(6))
    for key, value in HEADER:
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = f"{key}:", value
    document.add_paragraph(OPENING)
    for text in PREAMBLE:
        document.add_paragraph(text)
    document.add_paragraph("1.\tUrges Member States to act;")
    document.add_paragraph("2.\tDecides to remain seized of the matter.")
    document.save(str(path))


def test_header_table_in_the_page_header_keeps_paragraph_numbers(tmp_path):
    import docx

    path = tmp_path / "paper.docx"
    _page_header_table_paper(path)
    paper = read_paper(path)
    assert (paper.code, paper.sponsors) == ("CCPCJ/2/3", ["Ghana", "Peru", "Norway"])
    assert paper.signatories == ["Chile", "Saint Vincent and the Grenadines", "Uruguay"]
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts[paper.lines["opening"] - 1] == paper.opening
    for _, _, _, clause in paper.clauses():
        assert texts[clause.line - 1].split("\t")[-1] == clause.text
    assert "sponsors" not in paper.lines  # in the page header: no body paragraph to point at


def test_review_comments_of_a_page_header_paper_sit_on_their_paragraphs(tmp_path, capsys):
    from test_export_numbers import _comments_by_paragraph

    from resedit.cli import main

    papers, out = tmp_path / "papers", tmp_path / "out"
    papers.mkdir()
    _page_header_table_paper(papers / "paper.docx")
    main(["review", "--no-nlp", str(papers), "--out", str(out)])
    capsys.readouterr()
    comments = _comments_by_paragraph(out / "paper.docx")
    states = {"Ghana", "Peru", "Norway", "Chile", "Uruguay"}
    for text, notes in comments.items():
        assert not any(state in text for state in states), (text, notes)
        for note in notes:
            if note.split()[0].startswith("PUN"):  # the full stop ending the preamble
                assert text.startswith("Noting the guidelines")
    assert any(n.startswith("SPO") for notes in comments.values() for n in notes)


def test_pdf_pasted_into_word_one_paragraph_per_line(tmp_path):
    """Each printed line of a resolution's PDF a paragraph of its own (what pasting gives), the
    blank lines empty paragraphs, and a sponsor list wrapped inside a State's name."""
    import docx
    from pdf_texts import CLEAN_CLAUSES, PAGED

    header = ["Sponsors: Ghana, Peru", "Signatories: Chile, Norway, Saint Vincent and the",
              "Grenadines, Uruguay", ""]
    document = docx.Document()
    for line in header + PAGED.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "pasted.docx"
    document.save(str(path))
    paper = read_paper(path)
    assert paper.signatories == ["Chile", "Norway", "Saint Vincent and the Grenadines", "Uruguay"]
    assert [c.text.rstrip("0123456789") for c in paper.preamble] == CLEAN_CLAUSES["preamble"]
    assert [c.text.rstrip("0123456789") for c in paper.operative] == CLEAN_CLAUSES["operative"]
    assert any("footnote" in note for note in paper.notes)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    for clause in paper.preamble + paper.operative:  # each clause points at its first line
        assert clause.text.startswith(texts[clause.line - 1].split(". ", 1)[-1][:30])


@needs_libreoffice
def test_footnotes_and_text_boxes_are_noted_not_read_as_clauses(tmp_path):
    source = tmp_path / "paper.fodt"
    source.write_text(flat_odt_with_footnote_and_text_box(), encoding="utf-8")
    paper = read_paper(libreoffice_convert(source, tmp_path))
    assert [c.text for c in paper.preamble] == ["Recalling its resolution 30/1,"]
    assert [c.text for c in paper.operative] == ["Urges Member States to act;",
                                                 "Decides to remain seized of the matter."]
    assert "1 paragraph(s) in text boxes were not read as clauses: Draft for the bloc only" \
        in paper.notes
    assert "1 footnote(s) not read as clauses: Adopted at its thirtieth session." in paper.notes


@pytest.fixture(scope="module")
def corpus_as_word(tmp_path_factory):
    """The adopted texts, each converted by LibreOffice as a dais would open and save it: one
    paragraph per line, non-breaking hyphens as Word's w:noBreakHyphen."""
    import shutil as sh
    import subprocess

    from shared_data import CORPUS

    folder = tmp_path_factory.mktemp("corpus")
    texts = sorted(CORPUS.glob("*.txt"))
    sources = [sh.copy(p, folder / p.name) for p in texts]
    command = [soffice(), f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
               "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(folder / "out"), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=600,
                   env={**os.environ, "HOME": str(folder)})
    return {p.name: folder / "out" / (p.stem + ".docx") for p in texts}


@pytest.mark.corpus
@needs_libreoffice
def test_adopted_texts_converted_by_libreoffice_read_the_same(corpus_as_word, rules):
    """Same text, same structure (so the same findings from every rule), on the same clauses."""
    from shared_data import CORPUS

    from resedit.lint.kinds import KINDS

    structural = [r for r in rules if not KINDS[r.kind].needs_nlp]
    for name, converted in corpus_as_word.items():
        txt, word = read_paper(CORPUS / name), read_paper(converted)
        assert write_text(word) == write_text(txt), name
        assert findings(word, structural, None) == findings(txt, structural, None), name
