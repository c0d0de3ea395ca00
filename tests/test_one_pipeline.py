"""`check` and `review` are one path from a paper to its findings: for the same papers they report
the same findings, the same body and the same exit status, whatever the Committee: line says."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from resedit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
SCHEMA = json.loads((ROOT / "resedit" / "report" / "lint-v1.schema.json").read_text())

BODY = """Recalling its earlier work on the protection of migrant workers,

Noting with concern the number of workers without contracts,

1. Encourages Member States to share good practices on labour inspection;

2. Requests the Secretariat to report on the implementation of the present resolution.
"""


def paper(header: str, opening: str) -> str:
    return f"{header}\nTopic: Migrant workers\nSponsors: Brazil, Viet Nam\n\n{opening}\n\n{BODY}"


# name -> (text, body used, codes that must be found among the structure findings)
PAPERS = {
    "unknown-body.txt": (paper("Committee: Fourth Committee", "The General Assembly,"), "GA", {"STR013"}),
    "unknown-body-nothing-else.txt": (paper("Committee: Fourth Committee", "The Fourth Committee,"),
                                      "CCPCJ", {"STR013", "STR011"}),
    "code-and-opening-agree.txt": (paper("Code: CND/1/1\nCommittee: CCPCJ", "The Commission on Narcotic Drugs,"),
                                   "CND", {"STR012"}),
    "header-and-opening-disagree.txt": (paper("Committee: Security Council", "The General Assembly,"),
                                        "SC", {"STR012"}),
    "no-committee-line.txt": (paper("Code: HRC/2/1", "The Human Rights Council,"), "HRC", {"STR001"}),
    "agrees.txt": (paper("Committee: Human Rights Council", "The Human Rights Council,"), "HRC", set()),
}


def run(capsys, *args) -> tuple[int, dict, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    return code, doc, err


@pytest.fixture
def papers(tmp_path) -> dict[str, Path]:
    out = {}
    for name, (text, _, _) in PAPERS.items():
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    return out


def both(capsys, paths, *flags) -> tuple[tuple[int, dict], tuple[int, dict]]:
    check = run(capsys, "check", *paths, "--format", "json", *flags)
    review = run(capsys, "review", *paths, "--format", "json", "--jobs", "1", *flags)
    return check[:2], review[:2]


@pytest.mark.parametrize("name", list(PAPERS))
def test_each_paper_gets_the_same_findings_body_and_exit_status(name, papers, capsys):
    (check_code, check_doc), (review_code, review_doc) = both(capsys, [papers[name]], "--no-nlp")
    assert check_doc == review_doc
    assert check_code == review_code
    entry = check_doc["files"][0]
    _, body, wanted = PAPERS[name]
    assert entry["committee"] == body
    structure = [d["code"] for d in entry["diagnostics"] if d["category"] == "structure"]
    assert wanted <= set(structure)
    # the header/opening disagreement is said once, not also as "opening names another organ"
    assert structure.count("STR012") + structure.count("STR011") <= (2 if "STR011" in wanted else 1)
    assert check_code == (1 if entry["summary"]["error"] else 0)


def test_an_unknown_body_is_linted_not_refused_by_both(papers, capsys):
    path = papers["unknown-body.txt"]
    for command in ("check", "review"):
        code, doc, err = run(capsys, command, path, "--format", "json", "--no-nlp")
        entry = doc["files"][0]
        unknown = [d for d in entry["diagnostics"] if d["code"] == "STR013"]
        # exit 1 for the GA's sponsorship threshold (two sponsors), not 2 for a refused paper
        assert code == 1 and entry["committee"] == "GA", command
        assert {d["code"] for d in entry["diagnostics"] if d["severity"] == "error"} == {"SPO008"}
        assert len(unknown) == 1 and '"Fourth Committee"' in unknown[0]["message"]
        assert "checked as GA" in unknown[0]["message"]


def test_a_batch_with_an_unreadable_file_and_a_forced_body(papers, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [*papers.values(), empty, EXAMPLE]
    for flags in ((), ("--committee", "SC")):
        (check_code, check_doc), (review_code, review_doc) = both(capsys, paths, "--no-nlp", *flags)
        assert check_doc == review_doc
        assert check_code == review_code == 2
        entries = check_doc["files"]
        assert [e["path"] for e in entries] == [str(p) for p in paths]
        assert "error" in entries[-2] and "error" not in entries[-1]
        if flags:
            assert {e["committee"] for e in entries if "committee" in e} == {"SC"}


def test_with_the_language_model_too(papers, capsys):
    paths = [EXAMPLE, papers["code-and-opening-agree.txt"]]
    (check_code, check_doc), (review_code, review_doc) = both(capsys, paths)
    assert check_doc == review_doc and check_code == review_code == 1
    assert [e["committee"] for e in check_doc["files"]] == ["CCPCJ", "CND"]
