"""`resedit sponsors`, run for real in a subprocess on a temporary copy of a paper."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from resedit.formats import read_paper

PAPER = """\
Code: CCPCJ/1/1
Committee: Commission on Crime Prevention and Criminal Justice
Topic: Countering trafficking in persons

The Commission on Crime Prevention and Criminal Justice,

Recalling its resolution 27/2 of 18 May 2018,

Deeply concerned by the scale of trafficking in persons,

1. Urges Member States to strengthen cooperation against trafficking in persons;

2. Requests the United Nations Office on Drugs and Crime to report at its next session.
"""


def sponsors(path, *args):
    env = {k: v for k, v in os.environ.items() if k != "RESEDIT_CONFERENCE"}
    done = subprocess.run([sys.executable, "-m", "resedit.cli", "sponsors", str(path), *args],
                          capture_output=True, text=True, timeout=60, env=env)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def paper_file(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    return path


def test_a_new_user_session(paper_file):
    rc, out, err = sponsors(paper_file)
    assert rc == 0
    assert "Sponsors (0): (none)" in out
    assert "Threshold: 0 of 8 required" in out and "NOT met, 8 more needed" in out

    rc, out, err = sponsors(paper_file, "--add", "Vietnam", "--add", "brazil", "--as", "sponsor",
                            "--by", "Ana Lima")
    assert rc == 0, err
    assert "Sponsors (2): Viet Nam, Brazil" in out
    assert "added Viet Nam as sponsor (typed as 'Vietnam'), by Ana Lima" in err
    assert "2 of 8 required" in out and "6 more needed" in out

    rc, out, err = sponsors(paper_file, "--add", "Turkey", "--add", "Ivory Coast", "--add",
                            "South Korea", "--as", "signatory", "--by", "Ana Lima")
    assert rc == 0, err
    rc, out, err = sponsors(paper_file, "--add", "USA", "--add", "U.K.", "--add", "sierra leone",
                            "--as", "signatory", "--by", "Jo Chen")
    assert rc == 0, err
    assert ("Signatories (6): Türkiye, Côte d'Ivoire, Republic of Korea, United States of America, "
            "United Kingdom of Great Britain and Northern Ireland, Sierra Leone") in out
    assert "Threshold: 8 of 8 required" in out and out.rstrip().endswith(": met")

    rc, out, err = sponsors(paper_file, "--withdraw", "turkey", "--by", "Jo Chen",
                            "--note", "instructions from capital")
    assert rc == 0, err
    assert "Türkiye withdrew as signatory (instructions from capital), by Jo Chen" in err
    assert "now below the threshold: 7 of 8, 1 more needed" in err
    assert "Signatories (5)" in out and "NOT met, 1 more needed" in out

    saved = paper_file.read_bytes()
    rc, out, err = sponsors(paper_file, "--add", "Lituania", "--as", "signatory", "--by", "Jo Chen")
    assert rc == 1
    assert "refused: add 'Lituania': unknown State 'Lituania'; did you mean Lithuania?" in err
    assert out == "" and paper_file.read_bytes() == saved  # nothing written

    rc, out, err = sponsors(paper_file, "--history")
    assert rc == 0
    history = out.split("History (9):\n")[1].splitlines()
    steps = [" ".join(line.split()[1:]) for line in history]  # without the timestamp
    assert steps == [
        "Ana Lima add sponsor Viet Nam (typed as 'Vietnam')",
        "Ana Lima add sponsor Brazil (typed as 'brazil')",
        "Ana Lima add signatory Türkiye (typed as 'Turkey')",
        "Ana Lima add signatory Côte d'Ivoire (typed as 'Ivory Coast')",
        "Ana Lima add signatory Republic of Korea (typed as 'South Korea')",
        "Jo Chen add signatory United States of America (typed as 'USA')",
        "Jo Chen add signatory United Kingdom of Great Britain and Northern Ireland (typed as 'U.K.')",
        "Jo Chen add signatory Sierra Leone (typed as 'sierra leone')",
        "Jo Chen withdraw signatory Türkiye (instructions from capital)",
    ]
    assert all(line.split()[0].endswith("Z") for line in history)  # ISO 8601 UTC

    paper = read_paper(paper_file)  # the file itself keeps it all, clauses untouched
    assert len(paper.history) == 9 and paper.sponsors == ["Viet Nam", "Brazil"]
    assert len(paper.preamble) == 2 and len(paper.operative) == 2


def test_refusals_leave_the_file_alone_and_say_why(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER.replace("Topic:", "Sponsors: Brazil\nSignatories: Chile\nTopic:"), encoding="utf-8")
    saved = path.read_bytes()
    rc, out, err = sponsors(path, "--add", "Peru", "--add", "Untied States", "--as", "signatory")
    assert rc == 1 and path.read_bytes() == saved
    assert "did you mean United States of America?" in err
    assert "nothing written" in err
    rc, out, err = sponsors(path, "--add", "brazil", "--as", "signatory")
    assert rc == 1 and "cannot be both sponsor and signatory" in err
    rc, out, err = sponsors(path, "--withdraw", "Peru")
    assert rc == 1 and "Peru is not a sponsor or signatory" in err
    assert path.read_bytes() == saved
    rc, out, err = sponsors(path, "--add", "Peru")
    assert rc == 2 and "--as" in err


def test_listing_shows_problems_typed_into_the_header(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER.replace(
        "Topic:", "Sponsors: Vietnam, Untied States\nSignatories: Turkey, Türkiye, Sierra Leona\nTopic:"),
        encoding="utf-8")
    rc, out, err = sponsors(path)
    assert rc == 0
    assert "SPO003 warning: 'Vietnam' is not how the UN writes" in out
    assert "SPO002 error: 'Untied States' (sponsor) is not a State name; did you mean United States of America?" in out
    assert "SPO004 warning: Türkiye appears twice among the signatories" in out
    assert "Threshold: 2 of 8 required" in out


def test_json_output_and_other_conference(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER.replace("Topic:", "Sponsors: Brazil, Viet Nam\nSignatories: Chile\nTopic:"),
                    encoding="utf-8")
    rc, out, err = sponsors(path, "--format", "json", "--conference", "unausa", "--present", "30")
    assert rc == 0, err
    data = json.loads(out)
    assert (data["sponsors"], data["signatories"], data["required"], data["met"]) == (2, 1, 3, True)
    assert data["conference"] == "unausa" and "30 members present" in data["basis"]


def test_history_in_the_native_format(tmp_path):
    from resedit.formats import write_paper

    path = tmp_path / "paper.resedit"
    write_paper(read_paper_text(tmp_path), path)
    assert sponsors(path, "--add", "Czech Republic", "--as", "sponsor", "--by", "Ana")[0] == 0
    assert sponsors(path, "--withdraw", "Czechia", "--by", "Jo")[0] == 0
    paper = read_paper(path)
    assert [(h.who, h.action, h.state, h.note) for h in paper.history] == [
        ("Ana", "add", "Czechia", "typed as 'Czech Republic'"), ("Jo", "withdraw", "Czechia", "")]
    assert paper.sponsors == [] and len(paper.operative) == 2


def read_paper_text(folder):
    text = folder / "source.txt"
    text.write_text(PAPER, encoding="utf-8")
    return read_paper(text)
