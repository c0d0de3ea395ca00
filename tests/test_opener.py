"""Opener analysis on clause strings with the real model, and the opener rules on whole papers."""
from __future__ import annotations

import pytest

from resedit.committees import load_committee
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules
from resedit.lint.opening import analyse

# (part, clause, expected problem, expected opener span text, expected suggestion)
CASES = [
    ("operative", "Urge Member States to strengthen cooperation;", "form", "Urge", "Urges"),
    ("operative", "Urging Member States to act;", "form", "Urging", "Urges"),
    ("operative", "Further urging Member States to act;", "form", "Further urging", "Further urges"),
    ("operative", "Recalling its resolution 27/2;", "form", "Recalling", "Recalls"),
    ("operative", "Having examined the report;", "form", "Having examined", "Has examined"),
    ("operative", "Deeply concerned by the rise in trafficking;", "form", "Deeply concerned",
     "Is deeply concerned"),
    ("operative", "Mindful of the need for cooperation;", "form", "Mindful", "Is mindful"),
    ("preamble", "Recalls its resolution 27/2,", "form", "Recalls", "Recalling"),
    ("preamble", "Recall the Convention,", "form", "Recall", "Recalling"),
    ("preamble", "Takes note of the report,", "form", "Takes", "Taking"),
    ("preamble", "Has adopted the Global Plan of Action,", "form", "Has adopted", "Having adopted"),
    ("preamble", "Is deeply concerned by the rise,", "form", "Is deeply concerned", "Deeply concerned"),
    ("operative", "Encourges Member States to share data;", "misspelt", "Encourges", "Encourages"),
    ("operative", "Encourging Member States to share data;", "misspelt", "Encourging", "Encourages"),
    ("operative", "Furhter requests the Secretary-General to report;", "misspelt",
     "Furhter requests", "Further requests"),
    ("preamble", "Recalilng its resolution 27/2,", "misspelt", "Recalilng", "Recalling"),
    ("operative", "Member States should strengthen their laws;", "subject",
     "Member States should strengthen", "Calls upon Member States to strengthen"),
    ("operative", "The United Nations will establish a fund;", "subject",
     "The United Nations will establish", "Requests the United Nations to establish"),
    ("operative", "We urge Member States to act;", "subject", "We urge", "Urges"),
    ("operative", "The Commission urges Member States to act;", "subject", "The Commission urges", "Urges"),
    ("operative", "Member States are encouraged to share data;", "subject",
     "Member States are encouraged", "Encourages Member States"),
    ("preamble", "Member States have a responsibility to act,", "subject", "Member States have",
     "Noting that Member States have"),
    ("preamble", "Whereas trafficking harms millions,", "whereas", "Whereas", "Considering that"),
    ("operative", "States Parties should ratify the Protocol;", "subject", "States Parties should ratify",
     "Calls upon States Parties to ratify"),
    # Only a noun phrase: flagged, and no wording is put in the writer's mouth ("Is creation").
    ("operative", "the identification of victims by border officials;", "noverb", "the identification", ""),
    ("operative", "Creation of a voluntary fund for survivors;", "noverb", "Creation", ""),
    ("operative", "Establishment of a network of prosecutors specialized in smuggling;", "noverb",
     "Establishment", ""),
    ("preamble", "the need for cooperation between States,", "noverb", "the need", ""),
    ("operative", "invites Member States to cooperate;", "lowercase", "invites", "Invites"),
    ("preamble", "recalling its resolution 27/2,", "lowercase", "recalling", "Recalling"),
]

# Openers that adopted texts use (many in no phrase list): all must pass.
GOOD = [
    ("preamble", t) for t in (
        "Cognizant of the steps taken by States,", "Mindful of the urgent need,",
        "Being appalled at the violence,", "Guided by the purposes and principles of the Charter,",
        "Expressing grave alarm at the deterioration,", "Calling on all parties to end violence,",
        "Strongly condemning the attacks,", "Reaffirming also its commitment,",
        "Having examined the report,", "Bearing in mind the report,", "Deeply concerned by the rise,",
        "Convinced that action is needed,", "Taking note with appreciation of the report,",
        "Recalling further the holding of the Nuclear Security Summit,",
        "Regretting, in this regard, the decision to deny visas,")
] + [
    ("operative", t) for t in (
        "Appeals to all Member States to consider accession;", "Renews its appeal to States;",
        "Also demands that all parties protect civilians;", "Further decides that these procedures shall apply;",
        "Is convinced that action is needed;", "Has resolved to act;", "Takes note of the report;",
        "Decides to remain actively seized of the matter.", "Adopts the 2025 Political Declaration;",
        "Strongly condemns the attacks;", "Calls upon all parties to lift the sieges;",
        "Encourages cooperation among Member States;", "Draws the attention of States to the report;",
        # A participial lead-in before the operative verb, as adopted texts write it.
        "Expressing grave concern at the rise in trafficking, requests the Secretariat to report;",
        "Having considered the report, also encourages Member States to share good practices;",
        # A verb in parentheses is an aside, not a predicate: no subject is read before it.
        "Notes the report of the Working Group (resumed session);")
]


@pytest.mark.parametrize("part,text,problem,found,suggestion", CASES, ids=[c[1][:30] for c in CASES])
def test_opener_verdicts(annotator, part, text, problem, found, suggestion):
    verdict = analyse(annotator.annotate(text), part)
    assert (verdict.problem, verdict.found, verdict.suggestion) == (problem, found, suggestion)
    assert text[verdict.start:verdict.end] == found


@pytest.mark.parametrize("part,text,problem,found,suggestion", [c for c in CASES if c[4]],
                         ids=[c[1][:30] for c in CASES if c[4]])
def test_an_applied_suggestion_gives_an_opener_that_passes(annotator, part, text, problem, found, suggestion):
    verdict = analyse(annotator.annotate(text), part)
    fixed = text[:verdict.start] + verdict.suggestion + text[verdict.end:]
    assert analyse(annotator.annotate(fixed), part).problem == "", fixed


@pytest.mark.parametrize("part,text", GOOD, ids=[g[1][:30] for g in GOOD])
def test_real_openers_pass(annotator, part, text):
    assert analyse(annotator.annotate(text), part).problem == ""


PAPER = """Code: CCPCJ/1/1
Committee: CCPCJ
Topic: Countering trafficking in persons
Sponsors: Brazil, Viet Nam

The Commission on Crime Prevention and Criminal Justice,

Recalling its resolution 27/2 of 18 May 2018,

Recalls the Global Plan of Action,

Whereas trafficking harms millions,

1. Urge Member States to strengthen cooperation;

2. Encourges Member States to share information;

3. Member States should adopt national action plans;

4. Requests the Secretariat to report at the next session.
"""


def test_opener_rules_on_a_paper(annotator):
    rules = [r for r in load_rules() if r.category == "opener"]
    found = lint(read_text(PAPER), rules, load_committee("CCPCJ"), annotator=annotator)
    got = [(d.code, d.location.part, d.location.clause, d.suggestions) for d in found]
    assert got == [
        ("OPN002", "preamble", 2, ["Recalling"]),
        ("OPN005", "preamble", 3, ["Considering that"]),
        ("OPN001", "operative", 1, ["Urges"]),
        ("OPN007", "operative", 2, ["Encourages"]),
        ("OPN004", "operative", 3, ["Calls upon Member States to adopt"]),
    ]
    first = found[2].location
    assert (first.start, first.end) == (0, 4)


def test_sub_clauses_are_not_judged_as_clauses(annotator):
    """UN sub-items open with participles, base verbs or subjects: legitimate."""
    paper = read_text(PAPER.split("1. Urge")[0] + """1. Decides that:

    (a) The State of Palestine may submit a pre-recorded statement;

    (b) Requesting the Commission to report;

    (c) Strengthen national capacities.
""")
    assert len(paper.operative) == 1 and len(paper.operative[0].children) == 3
    rules = [r for r in load_rules() if r.category == "opener"]
    found = lint(paper, rules, load_committee("CCPCJ"), annotator=annotator)
    assert [d.location.part for d in found] == ["preamble", "preamble"]
