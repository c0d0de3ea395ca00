"""`resedit check`: exit codes, stdout/stderr split, JSON against the contract's schema, bad input."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from resedit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
SCHEMA = json.loads((ROOT / "resedit" / "report" / "lint-v1.schema.json").read_text())

BROKEN = """Committee: CCPCJ
Topic: Trafficking
Sponsors: Brazil, Viet Nam, Nigeria, Germany, Mexico
Signatories: Chile, Türkiye, Japan, Kenya

Recalling its resolution 27/2 of 18 May 2018.

Deeply concerned by the rise in trafficking in persons,

1. Urges Member States to strengthen their laws,

2. Requests the Secretariat to report on the matter;

4. Decides to remain seized of the matter;
"""


def run_check(capsys, *args) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_well_formed_paper_has_no_findings(capsys):
    code, out, err = run_check(capsys, EXAMPLE, "--format", "json")
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert code == 0
    assert doc["files"][0]["diagnostics"] == []
    assert doc["files"][0]["committee"] == "CCPCJ"


def test_broken_paper_findings_by_category_and_position(tmp_path, capsys):
    paper = tmp_path / "broken.txt"
    paper.write_text(BROKEN, encoding="utf-8")
    code, out, _ = run_check(capsys, paper, "--format", "json", "--select", "STR,PUN,NUM")
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert code == 1
    found = {(d["code"], d["category"], d["location"]["part"], d["location"]["clause"], d["location"]["line"])
             for d in doc["files"][0]["diagnostics"]}
    assert found == {
        ("STR003", "structure", "header", None, 1),  # no Code: line (info)
        ("STR010", "structure", "document", None, None),  # no opening line
        ("PUN001", "punctuation", "preamble", 1, 6),  # full stop instead of comma
        ("PUN002", "punctuation", "operative", 1, 10),  # comma instead of semicolon
        ("NUM002", "numbering", "operative", 3, 14),  # 4 follows 2
        ("PUN003", "punctuation", "operative", 3, 14),  # last clause ends with a semicolon
    }
    by_code = {d["code"]: d for d in doc["files"][0]["diagnostics"]}
    # A suggestion replaces location.start..end of the clause text: here the full stop.
    assert by_code["PUN001"]["suggestions"] == [","]
    assert (by_code["PUN001"]["location"]["start"], by_code["PUN001"]["location"]["end"]) == (44, 45)
    assert by_code["NUM002"]["suggestions"] == ["3."]


def test_text_output_names_file_line_code_and_hint(tmp_path, capsys):
    paper = tmp_path / "broken.txt"
    paper.write_text(BROKEN, encoding="utf-8")
    code, out, err = run_check(capsys, paper, "--select", "PUN001")
    assert code == 1 and err == ""
    assert f"{paper}:6: PUN001 [error] preambular clause 1:" in out
    assert "    hint: replace “.” with “,”" in out


def test_select_ignore_and_fail_on(tmp_path, capsys):
    paper = tmp_path / "broken.txt"
    paper.write_text(BROKEN, encoding="utf-8")
    code, out, _ = run_check(capsys, paper, "--format", "json", "--select", "NUM", "--ignore", "NUM002")
    assert code == 0 and json.loads(out)["files"][0]["diagnostics"] == []
    code, out, _ = run_check(capsys, paper, "--select", "STR003", "--fail-on", "info")
    assert code == 1 and "STR003" in out
    code, _, _ = run_check(capsys, paper, "--select", "STR003")  # info is below the default error
    assert code == 0


@pytest.mark.parametrize("make,reason", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary file"),
    (lambda p: p.write_text("Dear dais, please find attached our paper.\n"), "no recognisable clauses"),
])
def test_bad_input_is_one_clear_error_and_others_still_checked(tmp_path, capsys, make, reason):
    bad = tmp_path / "bad.txt"
    make(bad)
    code, out, err = run_check(capsys, bad, EXAMPLE, "--format", "json", "--no-nlp")
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert code == 2
    assert reason in doc["files"][0]["error"]["message"]
    errors = [line for line in err.splitlines() if line.startswith(f"resedit: {bad}")]
    assert len(errors) == 1 and reason in errors[0]
    assert doc["files"][1]["path"] == str(EXAMPLE) and "diagnostics" in doc["files"][1]


def test_oversized_file_is_refused(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(EXAMPLE.read_bytes() * (50 * 1024 * 1024 // EXAMPLE.stat().st_size + 1))
    code, out, err = run_check(capsys, big, "--format", "json", "--no-nlp")
    assert code == 2 and "larger than the 5,242,880-byte limit" in err


def test_windows_1252_is_read_with_a_note(tmp_path, capsys):
    paper = tmp_path / "cp1252.txt"
    paper.write_bytes(EXAMPLE.read_text(encoding="utf-8").replace("Türkiye", "Türkiye").encode("cp1252"))
    code, out, _ = run_check(capsys, paper, "--format", "json", "--no-nlp")
    entry = json.loads(out)["files"][0]
    assert "read as Windows-1252" in entry["notes"][0]
    assert entry["summary"]["error"] == 0


def test_unknown_committee_flag_is_a_usage_error(capsys):
    code, out, err = run_check(capsys, EXAMPLE, "--committee", "XYZ")
    assert code == 2 and out == "" and "unknown committee 'XYZ'" in err


def test_malformed_rules_file_names_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "lexicon", data / "lexicon")
    rules = (ROOT / "clause_rules.yaml").read_text(encoding="utf-8")
    lines = rules.splitlines()
    index = next(i for i, line in enumerate(lines) if "severity: error" in line)
    lines[index] = lines[index].replace("error", "fatal")
    (data / "clause_rules.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "resedit.cli", "check", str(EXAMPLE)],
                            capture_output=True, text=True, env={"RESEDIT_DATA": str(data), "PATH": ""})
    assert result.returncode == 2
    assert f"clause_rules.yaml:{index + 1}:" in result.stderr  # the line of the bad value
    assert "'severity' is 'fatal'" in result.stderr


def test_console_script_runs_and_splits_streams():
    exe = shutil.which("resedit", path=str(Path(sys.executable).parent))
    result = subprocess.run([exe, "check", str(EXAMPLE), "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["version"] == 1


def test_attendance_and_conference_reach_the_sponsorship_findings(tmp_path, capsys):
    paper = tmp_path / "small.txt"
    paper.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "Sponsors: Brazil, Viet Nam, Nigeria, Germany, Mexico\nSignatories: Chile, Türkiye, Japan, Kenya",
        "Sponsors: Brazil\nSignatories: Chile"), encoding="utf-8")
    code, out, _ = run_check(capsys, paper, "--format", "json", "--select", "SPO")
    entry = json.loads(out)["files"][0]
    assert code == 1 and [d["code"] for d in entry["diagnostics"]] == ["SPO008"]
    assert entry["sponsorship"] == {"sponsors": 1, "signatories": 1, "required": 8, "met": False}
    code, out, _ = run_check(capsys, paper, "--format", "json", "--select", "SPO", "--present", "10")
    entry = json.loads(out)["files"][0]
    assert code == 0 and entry["diagnostics"] == []
    assert entry["sponsorship"]["required"] == 2 and entry["sponsorship"]["met"] is True


def test_subclause_ending_tie_is_decided_the_same_way_every_run(tmp_path):
    paper = tmp_path / "tie.txt"
    paper.write_text("The Commission on Crime Prevention and Criminal Justice,\n\nRecalling its resolution 27/2,\n\n"
                     "1. Urges Member States to:\n\n(a) Strengthen laws;\n\n(b) Train judges,\n\n(c) Report.\n",
                     encoding="utf-8")
    flagged = set()
    for seed in ("0", "1", "2", "3"):
        result = subprocess.run([sys.executable, "-m", "resedit.cli", "check", str(paper), "--format", "json",
                                 "--select", "PUN005"], capture_output=True, text=True,
                                env={"PYTHONHASHSEED": seed, "PATH": ""})
        flagged |= {d["location"]["subclause"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]}
    assert flagged == {"b"}  # the comma is the odd one out, whatever the hash seed


def test_unknown_select_or_ignore_code_is_a_usage_error(capsys):
    code, out, err = run_check(capsys, EXAMPLE, "--select", "FOO")
    assert code == 2 and out == "" and "--select: no rule code starts with FOO" in err
    code, out, err = run_check(capsys, EXAMPLE, "--ignore", "PUNN", "--no-nlp")
    assert code == 2 and "--ignore: no rule code starts with PUNN" in err


def test_no_nlp_says_which_rules_it_skipped(capsys):
    code, out, err = run_check(capsys, EXAMPLE, "--no-nlp")
    assert code == 0 and "were not run" in err


def test_version_flag_names_the_release(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == "resedit 0.1.0"
