"""Citation parsing and judging: forms per body, known documents' dates and titles."""
from __future__ import annotations

import datetime as dt

import pytest

from resedit.committees import load_committee
from resedit.formats.text import read_text
from resedit.lint import citations, lint, load_rules

YEAR = 2026


def judge(text: str, own: str = "CCPCJ"):
    return [(c.text, citations.judge(c, own, YEAR)) for c in citations.find(text, own)]


def test_finds_lists_and_bodies():
    found = citations.find("Recalling its resolutions 2042 (2012), 2043 (2012) and 2118 (2013), and "
                           "General Assembly resolution 78/228 of 19 December 2023 and ECOSOC "
                           "resolution 1992/22,", "SC")
    assert [(c.body, c.number, c.year) for c in found] == [
        ("SC", "2042", 2012), ("SC", "2043", 2012), ("SC", "2118", 2013), ("GA", "78/228", 2023),
        ("ECOSOC", "1992/22", None)]
    assert found[3].date == dt.date(2023, 12, 19)


@pytest.mark.parametrize("text,own,problem,suggestion", [
    # Known documents: the adoption date, not the guide's year of issue.
    ("General Assembly resolution 76/186 (2022)", "CCPCJ", "date", "76/186 of 16 December 2021"),
    ("General Assembly resolution 78/228 of 22 December 2023", "CCPCJ", "date", "78/228 of 19 December 2023"),
    ("Security Council resolution 1373 (2002)", "CCPCJ", "date", "1373 (2001) of 28 September 2001"),
    ("its resolution 27/2 of 18 May 2019", "CCPCJ", "date", "27/2 of 18 May 2018"),
    ("resolution 27/4 (2017)", "CCPCJ", "date", "27/4 of 18 May 2018"),
    # Unknown GA resolutions: the session bounds the year.
    ("General Assembly resolution 79/42 of 2 December 2020", "CCPCJ", "session", ""),
    ("its resolution 79/42 of 2 December 2022", "GA", "session", ""),
    # Forms.
    ("General Assembly resolution 78/228 (2023)", "CCPCJ", "form", "78/228 of 19 December 2023"),
    ("General Assembly resolution 77/194 (2022)", "CCPCJ", "form", "77/194"),
    ("Security Council resolution 1373", "CCPCJ", "form", "1373 (2001) of 28 September 2001"),
    ("Security Council resolution 2250", "CCPCJ", "form", "2250 (year)"),
    ("Security Council resolution 78/228", "CCPCJ", "form", ""),
    ("Economic and Social Council resolution 22/1992", "CCPCJ", "form", "1992/22"),
    ("General Assembly resolution 64/293 of 30 July 2010 entitled “A Global Plan”", "CCPCJ", "title",
     "United Nations Global Plan of Action to Combat Trafficking in Persons"),
    ("Annex II of Resolution 2118 (2113)", "SC", "year", ""),
])
def test_problems(text, own, problem, suggestion):
    [(_, verdict)] = judge(text, own)
    assert verdict is not None and (verdict[0], verdict[2]) == (problem, suggestion)


@pytest.mark.parametrize("text,own", [
    ("General Assembly resolution 78/228 of 19 December 2023", "CCPCJ"),
    ("General Assembly resolution 78/228", "CCPCJ"),
    ("its resolution 79/42 of 2 December 2024", "GA"),
    ("Security Council resolution 1540 (2004) of 28 April 2004", "GA"),
    ("Security Council resolution 1325 (2000)", "GA"),
    ("resolution 169 (II)", "GA"),
    ("General Assembly resolution 2200 A (XXI)", "CCPCJ"),
    ("ECOSOC resolution 1992/22", "CCPCJ"),
    ("resolution 27/2 of 18 May 2018", "CCPCJ"),
    ("General Assembly resolution 64/293 entitled “United Nations Global Plan of Action to Combat "
     "Trafficking in Persons”", "CCPCJ"),
    ("resolution 79/1 entitled “The Pact for the Future”", "GA"),
    ("Human Rights Council resolution 44/4 of 16 July 2020", "CCPCJ"),
])
def test_correct_citations_pass(text, own):
    assert [v for _, v in judge(text, own)] == [None]


def test_unknown_documents_are_never_errors():
    paper = read_text("""Committee: CCPCJ
Topic: Trafficking

The Commission on Crime Prevention and Criminal Justice,

Recalling General Assembly resolution 75/999 of 1 December 2020 and Security Council resolution 9999 (2024),

1. Requests the Secretariat to report at the next session.
""")
    rules = [r for r in load_rules() if r.category == "citation"]
    assert not [d for d in lint(paper, rules, load_committee("CCPCJ")) if d.severity == "error"]


def test_citation_location_points_at_the_reference():
    text = "Recalling General Assembly resolution 76/186 (2022),"
    paper = read_text(f"Committee: CCPCJ\nTopic: T\n\nThe Commission on Crime Prevention and Criminal "
                      f"Justice,\n\n{text}\n\n1. Requests the Secretariat to report.\n")
    [d] = lint(paper, [r for r in load_rules() if r.category == "citation"], load_committee("CCPCJ"))
    assert (d.code, text[d.location.start:d.location.end]) == ("CIT001", "76/186 (2022)")
    assert d.suggestions == ["76/186 of 16 December 2021"]
