"""The NLP clause linter end to end: adopted texts raise no opener/style/citation error, a seeded
paper gets exactly its seeded findings, and `resedit explain` covers every rule."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from shared_data import corpus_paths

from resedit.cli import main
from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules

ROOT = Path(__file__).resolve().parent.parent
MINE = ("opener", "style", "citation")


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_paths())
def test_adopted_texts_raise_no_opener_style_or_citation_error(path, annotator):
    body = "SC" if "S_RES" in path.name else "GA"
    paper = read_paper(path)
    rules = [r for r in load_rules() if r.category in MINE]
    found = lint(paper, rules, load_committee(body), annotator=annotator)
    assert [d.message for d in found if d.severity == "error"] == []


SEEDED = """Code: CCPCJ/1/1
Committee: CCPCJ
Topic: Countering trafficking in persons
Sponsors: Brazil, Viet Nam
Signatories: Chile, Türkiye, France, Kenya, Japan, Mexico

The Commission on Crime Prevention and Criminal Justice,

Recalling its resolution 27/2 of 18 May 2018,

Recalls General Assembly resolution 78/228 of 19 December 2023,

Whereas trafficking in persons harms millions of people,

Deeply concerned that member states lack data on trafficking in persons,

Noting General Assembly resolution 76/186 of 16 December 2022,

1. Urge Member States to strengthen cooperation against trafficking in persons;

2. Encourges Member States to share information on trafficking routes;

3. Member States should adopt national action plans against trafficking in persons;

4. Deeply concerned by the rise in trafficking in persons online;

5. Requests UNODC to prioritise support for victims of trafficking in persons;

6. Invites Member States to protect our children from trafficking in persons;

7. Notes that a lot of victims are never identified;

8. Recalls Security Council resolution 2388;

9. Requests the Secretariat to report on the implementation of the present resolution at its next session.
"""

EXPECTED = [
    ("OPN002", "preamble", 2, "Recalls", ["Recalling"]),
    ("OPN005", "preamble", 3, "Whereas", ["Considering that"]),
    ("STY001", "preamble", 4, "member states", ["Member States"]),
    ("CIT001", "preamble", 5, "76/186 of 16 December 2022", ["76/186 of 16 December 2021"]),
    ("OPN001", "operative", 1, "Urge", ["Urges"]),
    ("OPN007", "operative", 2, "Encourges", ["Encourages"]),
    ("OPN004", "operative", 3, "Member States should adopt", ["Calls upon Member States to adopt"]),
    ("OPN001", "operative", 4, "Deeply concerned", ["Is deeply concerned"]),
    ("STY003", "operative", 5, "UNODC", []),
    ("STY002", "operative", 5, "prioritise", ["prioritize"]),
    ("STY004", "operative", 6, "our", ["its"]),
    ("STY005", "operative", 7, "a lot of", ["many"]),
    ("CIT003", "operative", 8, "2388", ["2388 (2017) of 21 November 2017"]),
]


def test_a_seeded_paper_gets_each_error_and_nothing_else(annotator):
    paper = read_text(SEEDED)
    found = lint(paper, load_rules(), load_committee("CCPCJ"), annotator=annotator)
    texts = {("preamble", i + 1): c.text for i, c in enumerate(paper.preamble)}
    texts |= {("operative", i + 1): c.text for i, c in enumerate(paper.operative)}
    got = [(d.code, d.location.part, d.location.clause,
            texts[(d.location.part, d.location.clause)][d.location.start:d.location.end], d.suggestions)
           for d in found]
    assert got == EXPECTED


def test_explain_prints_every_rule(capsys):
    for rule in load_rules():
        assert main(["explain", rule.id]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"{rule.id}  {rule.name}")
        assert rule.category in out and rule.severity in out
        assert "Flagged" in out and "Write instead" in out


def test_explain_shows_example_and_what_to_write_instead(capsys):
    assert main(["explain", "opn001"]) == 0
    out = capsys.readouterr().out
    assert "Urge Member States to strengthen" in out and "Urges Member States to strengthen" in out
    assert "UN Editorial Manual" in out


def test_explain_unknown_code_exits_2_with_close_codes():
    done = subprocess.run([sys.executable, "-m", "resedit.cli", "explain", "OPN01"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert "unknown rule code 'OPN01'" in done.stderr and "OPN001" in done.stderr
