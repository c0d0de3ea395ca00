"""`resedit review`: a folder of papers -> the dais's table, annotated copies, a summary report."""
from __future__ import annotations

import io

import pytest
from docx2python import docx2python
from docx_build import HEADER, OPERATIVE, PREAMBLE, C, build, twin_text

from resedit.cli import main
from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint
from resedit.review import ProgressBar

EIGHT = "Brazil, Viet Nam, Kenya, Japan, Norway, Mexico, Ghana, India"


def _papers():
    """Ten papers, each with its own mistakes; six as Word documents, four as text."""
    last_no_stop = OPERATIVE[:2] + [C("Requests the Office to report at its next session")]
    semicolon = ["Recalling its resolution 27/2 of 18 May 2018;"] + PREAMBLE[1:]
    sub_comma = [C("Urges Member States to:", [C("Strengthen cooperation;"), C("Train judges,"),
                                                C("Protect victims;"), C("Share data;")]),
                 *OPERATIVE[1:]]
    enough = {**HEADER, "Sponsors": EIGHT}
    return [
        ("01-clean.docx", dict(header=enough)),
        ("02-no-full-stop.docx", dict(operative=last_no_stop)),
        ("03-semicolon.docx", dict(preamble=semicolon, header=enough)),
        ("04-subclause.docx", dict(operative=sub_comma)),
        ("05-table-header.docx", dict(header_table=True, preamble=semicolon)),
        ("06-both.docx", dict(preamble=semicolon, operative=last_no_stop)),
        ("07-clean.txt", dict(header=enough)),
        ("08-no-full-stop.txt", dict(operative=last_no_stop)),
        ("09-semicolon.txt", dict(preamble=semicolon)),
        ("10-subclause.txt", dict(operative=sub_comma, header=enough)),
    ]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("papers")
    for name, options in _papers():
        if name.endswith(".docx"):
            build(folder / name, **options)
        else:
            options.pop("header_table", None)
            (folder / name).write_text(twin_text(**options), encoding="utf-8")
    (folder / "11-broken.docx").write_bytes(b"PK\x03\x04 this zip was cut short")
    return folder


@pytest.fixture(scope="module")
def reviewed(batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    capture_out, capture_err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(capture_out), contextlib.redirect_stderr(capture_err):
        code = main(["review", str(batch), "--out", str(out), "--jobs", "2"])
    return code, capture_out.getvalue(), capture_err.getvalue(), out


def test_table_lists_every_paper_and_the_broken_one(reviewed):
    code, stdout, stderr, _ = reviewed
    assert code == 2  # one file could not be read; the others were still reviewed
    lines = stdout.splitlines()
    header = lines[0].split()
    assert header[:6] == ["paper", "committee", "spons+sign", "needed", "errors", "warnings"]
    rows = {line.split()[0]: line.split() for line in lines[2:13]}
    assert len(rows) == 11
    assert rows["11-broken.docx"][1] == "UNREADABLE"
    assert rows["01-clean.docx"][1:5] == ["CCPCJ", "8+2", "8", "met"]
    assert rows["02-no-full-stop.docx"][2:5] == ["2+2", "8", "SHORT"]
    assert "unreadable: 11-broken.docx" in stdout and "11-broken.docx" in stderr
    assert "\r[" not in stderr  # no progress bar when stderr is not a terminal
    # categories are columns, mandate first when there is any mandate finding
    categories = header[6:]
    if "mandate" in categories:
        assert categories[0] == "mandate"


def _expected(path, rules, annotator):
    paper = read_paper(path)
    committee = load_committee(paper.committee or None)
    return paper, lint(paper, rules, committee, annotator)


def _target_text(paper, diagnostic):
    from resedit.formats.docx_comments import clause_of

    clause = clause_of(paper, diagnostic)
    if clause is not None:
        return clause.text
    return None


def test_annotated_copies_carry_each_finding_on_its_clause(batch, reviewed, rules, annotator):
    _, _, _, out = reviewed
    copies = sorted(p.name for p in out.glob("*.docx"))
    assert copies == sorted(name.rsplit(".", 1)[0] + ".docx" for name, _ in _papers())
    checked = 0
    for name, _ in _papers():
        paper, diagnostics = _expected(batch / name, rules, annotator)
        with docx2python(str(out / (name.rsplit(".", 1)[0] + ".docx"))) as content:
            comments = content.comments  # (reference text, author, date, text)
        assert len(comments) == len(diagnostics), name
        assert {author for _, author, _, _ in comments} <= {"Dais"}
        for d in diagnostics:
            target = _target_text(paper, d)
            matching = [ref for ref, _, _, text in comments if text.startswith(f"{d.code} ")
                        and d.message in text]
            assert matching, (name, d.code)
            if target is not None:
                assert target in [ref.strip() for ref in matching], (name, d.code, matching, target)
                checked += 1
            elif d.location.part == "sponsors":  # the sponsors line (or table cell)
                assert any(", ".join(paper.sponsors) in ref for ref in matching), (name, matching)
                checked += 1
    assert checked >= 10


def test_specific_comments_sit_on_the_right_clause(reviewed):
    _, _, _, out = reviewed
    with docx2python(str(out / "06-both.docx")) as content:
        comments = {text.split()[0]: ref.strip() for ref, _, _, text in content.comments}
    assert comments["PUN001"] == "Recalling its resolution 27/2 of 18 May 2018;"
    assert comments["PUN003"] == "Requests the Office to report at its next session"
    assert comments["SPO008"].startswith("Sponsors: Brazil")
    with docx2python(str(out / "10-subclause.docx")) as content:
        comments = {text.split()[0]: ref.strip() for ref, _, _, text in content.comments}
    assert comments["PUN005"] == "Train judges,"


def test_annotated_docx_reimports_to_the_same_paper(batch, reviewed):
    _, _, _, out = reviewed
    for name in ("02-no-full-stop.docx", "05-table-header.docx", "08-no-full-stop.txt"):
        copy = read_paper(out / (name.rsplit(".", 1)[0] + ".docx"))
        assert copy == read_paper(batch / name)
        assert any(n.startswith("comment by Dais") for n in copy.notes)


def test_summary_report(reviewed):
    _, _, _, out = reviewed
    report = (out / "summary.md").read_text(encoding="utf-8")
    assert report.startswith("# Dais review")
    for name, _ in _papers():
        assert f"## {name}" in report
    assert "**Unreadable:**" in report
    assert "| preamble 1 | PUN001 | error | punctuation |" in report
    assert "| operative 1(b) | PUN005 |" in report


def test_single_paper_without_out_exits_1_on_errors(batch, capsys):
    assert main(["review", str(batch / "02-no-full-stop.docx"), "--no-nlp"]) == 1
    out = capsys.readouterr().out
    assert "02-no-full-stop.docx" in out and "1 paper(s): 1 reviewed" in out


def test_clean_papers_exit_0(batch, capsys):
    assert main(["review", str(batch / "01-clean.docx"), str(batch / "07-clean.txt")]) == 0


def test_unknown_committee_is_a_usage_error(batch, capsys):
    assert main(["review", str(batch), "--committee", "XYZ"]) == 2
    assert "unknown committee" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_only_on_a_terminal():
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream)
        for done in range(1, 4):
            bar(done, 3, f"paper{done}.docx")
    assert "[#########" in terminal.getvalue() and "3/3" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_out_in_the_papers_folder_never_overwrites_a_paper(tmp_path, capsys):
    build(tmp_path / "paper.docx")
    original = (tmp_path / "paper.docx").read_bytes()
    assert main(["review", str(tmp_path), "--out", str(tmp_path), "--no-nlp"]) == 1
    assert (tmp_path / "paper.docx").read_bytes() == original
    assert (tmp_path / "paper-2.docx").exists() and (tmp_path / "summary.md").exists()


def test_a_file_python_docx_refuses_still_gets_its_row(tmp_path, capsys):
    """A macro-enabled document renamed .docx: docx2python reads it, python-docx will not open it;
    the paper is reviewed and its annotated copy is an export in the NMUN layout, with a note."""
    import zipfile

    build(tmp_path / "plain.docx")
    data = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "plain.docx") as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                part = part.replace(b"wordprocessingml.document.main+xml",
                                    b"ms-word.document.macroEnabled.main+xml")
            dst.writestr(info.filename, part)
    (tmp_path / "macro.docx").write_bytes(data.getvalue())
    code = main(["review", str(tmp_path / "macro.docx"), str(tmp_path / "plain.docx"),
                 "--out", str(tmp_path / "out"), "--no-nlp"])
    captured = capsys.readouterr()
    assert code == 1  # findings (sponsorship), no unreadable file
    assert "macro.docx" in captured.out and "plain.docx" in captured.out
    assert (tmp_path / "out" / "plain.docx").exists()
    assert read_paper(tmp_path / "out" / "macro.docx") == read_paper(tmp_path / "plain.docx")
    assert "the copy is an export" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
