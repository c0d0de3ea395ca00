"""A paper whose author numbered wrongly: the .docx export keeps the numbers as written (so the
finding survives the round trip, and an annotated copy's comment sits under the number it is
about); the text export renumbers and says so."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import docx
import pytest
from docx.text.paragraph import Paragraph
from word_sources import libreoffice_convert, soffice

from resedit.cli import main
from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint

WRONG = """Committee: CCPCJ
Sponsors: Ghana, Peru, Norway, Chile, Kenya, Japan, Mexico, Nigeria

The Commission on Crime Prevention and Criminal Justice,

Recalling its resolution 30/1,

1. Urges Member States to:

    (a) Train customs officials;

    (c) Share seizure data;

2. Invites Member States to report seizures;

4. Requests the Secretariat to report at the next session.
"""


def numbering_findings(paper, rules):
    found = lint(paper, [r for r in rules if r.category == "numbering"], load_committee("CCPCJ"))
    return sorted((d.code, d.location.clause, d.location.subclause, d.message) for d in found)


def test_docx_export_keeps_wrong_numbers_and_their_findings(tmp_path, rules, capsys):
    source = tmp_path / "paper.txt"
    source.write_text(WRONG, encoding="utf-8")
    out = tmp_path / "paper.docx"
    assert main(["export", str(source), "--to", "docx", "-o", str(out)]) == 0
    assert "kept as written ((c), 4.)" in capsys.readouterr().err
    shown = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert any(t.startswith("(c)\tShare") for t in shown)
    assert any(t.startswith("4.\tRequests") for t in shown)
    before, after = read_paper(source), read_paper(out)
    assert [c.label for c in after.operative] == ["1", "2", "4"]
    assert {f[0] for f in numbering_findings(before, rules)} == {"NUM002", "NUM004"}
    assert numbering_findings(after, rules) == numbering_findings(before, rules)


def test_text_export_renumbers_and_says_so(tmp_path, capsys):
    source = tmp_path / "paper.txt"
    source.write_text(WRONG, encoding="utf-8")
    assert main(["export", str(source), "--to", "txt", "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert "3. Requests" in out and "renumbered the clauses written (c), 4." in err


def test_correct_numbers_stay_on_the_word_list(tmp_path, capsys):
    source = tmp_path / "paper.txt"
    source.write_text(WRONG.replace("(c) Share", "(b) Share").replace("4. Requests", "3. Requests"),
                      encoding="utf-8")
    out = tmp_path / "paper.docx"
    assert main(["export", str(source), "--to", "docx", "-o", str(out)]) == 0
    assert "as written" not in capsys.readouterr().err
    numbered = [p for p in docx.Document(str(out)).paragraphs if p._p.pPr is not None
                and p._p.pPr.numPr is not None]
    assert len(numbered) == 5  # three operative paragraphs and two sub-clauses, automatic


def _comments_by_paragraph(path):
    """paragraph text -> the comments anchored on it, read from the saved file."""
    document = docx.Document(str(path))
    texts = {c.comment_id: c.text for c in document.comments}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = {}
    for p in document.element.body.iter(w + "p"):
        ids = [int(e.get(w + "id")) for e in p.iter(w + "commentRangeStart")]
        if ids:
            out[Paragraph(p, document._body).text] = [texts[i] for i in ids]
    return out


def test_annotated_copy_of_a_text_paper_puts_each_comment_on_its_paragraph(tmp_path, capsys):
    papers, out = tmp_path / "papers", tmp_path / "out"
    papers.mkdir()
    (papers / "paper.txt").write_text(WRONG, encoding="utf-8")
    assert main(["review", "--no-nlp", str(papers), "--out", str(out)]) == 1
    capsys.readouterr()
    comments = _comments_by_paragraph(out / "paper.docx")
    by_code = {c.split()[0]: text for text, cs in comments.items() for c in cs}
    assert by_code["NUM002"].startswith("4.\tRequests")
    assert by_code["NUM004"].startswith("(c)\tShare")


needs_render = pytest.mark.skipif(
    (soffice() is None or shutil.which("pdftotext") is None) and os.environ.get("CI") != "true",
    reason="LibreOffice and poppler-utils render the annotated copy; .ci/run installs them")
ANNOTATION = re.compile(rb"/Subtype\s*/Text\s*/Rect\s*\[([\d.\s-]+)\].*?/Contents\s*<([0-9A-F]+)>", re.S)
LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)


def rendered_comments(pdf) -> dict[str, str]:
    """Finding code -> the printed line its comment's marker sits on, from the rendered page."""
    data = pdf.read_bytes()
    height = float(re.search(rb"/MediaBox\s*\[\s*0 0 [\d.]+ ([\d.]+)", data).group(1))
    layout = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    lines = [(float(top), float(bottom), " ".join(re.findall(r">([^<]+)</word>", words)))
             for top, bottom, words in LINE.findall(layout)]
    out = {}
    for rect, hex_text in ANNOTATION.findall(data):
        _, y1, _, y2 = (float(v) for v in rect.split())
        middle = height - (y1 + y2) / 2  # PDF counts from the bottom, pdftotext from the top
        text = bytes.fromhex(hex_text.decode()).decode("utf-16")
        on = [words for top, bottom, words in lines if top - 2 <= middle <= bottom + 2]
        out[text.split()[0]] = " | ".join(on)
    return out


@needs_render
def test_annotated_copy_renders_each_comment_beside_its_paragraph(tmp_path, capsys):
    """The annotated copy printed by LibreOffice (to PDF; the comments become PDF notes): each
    note's marker is on the printed line of the paragraph it concerns, under the number as
    written. (pdftoppm -png of the same PDF is how a person looks at it.)"""
    papers, out = tmp_path / "papers", tmp_path / "out"
    papers.mkdir()
    (papers / "paper.txt").write_text(WRONG, encoding="utf-8")
    main(["review", "--no-nlp", str(papers), "--out", str(out)])
    capsys.readouterr()
    pdf = libreoffice_convert(out / "paper.docx", tmp_path, target="pdf:writer_pdf_Export:"
                              '{"ExportNotes":{"type":"boolean","value":"true"}}')
    placed = {code: line.split(" | ") for code, line in rendered_comments(pdf).items()}
    assert {"4.", "Requests the Secretariat to report at the next session."} <= set(placed["NUM002"])
    assert {"(c)", "Share seizure data;"} <= set(placed["NUM004"])
