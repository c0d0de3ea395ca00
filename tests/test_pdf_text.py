"""Text pasted from a resolution's PDF and hard-wrapped delegate text: the clauses the author wrote.

The texts are in tests/pdf_texts.py (written for these tests). Each test asserts the clause
structure read and what the structural rules find on it.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_texts import CLEAN_CLAUSES, NO_ORGAN_LINE, PAGED, WRAPPED, WRAPPED_CLAUSES

from resedit.committees import load_committee
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules

FOOTNOTE_NUMBER = re.compile(r"(?<=[,;.])\d{1,2}$")  # "Property,1": the reference stays in the text


def _clauses(paper) -> dict[str, list[str]]:
    return {"preamble": [FOOTNOTE_NUMBER.sub("", c.text) for c in paper.preamble],
            "operative": [FOOTNOTE_NUMBER.sub("", c.text) for c in paper.operative]}


def _errors(paper, body="GA") -> list[str]:
    rules = [r for r in load_rules() if r.category in ("structure", "punctuation", "numbering")]
    return [f"{d.code} {d.message}" for d in lint(paper, rules, load_committee(body))
            if d.severity == "error"]


def test_page_furniture_and_footnotes_are_not_clauses():
    paper = read_text(PAGED)
    assert paper.opening == "The General Assembly,"
    assert _clauses(paper) == CLEAN_CLAUSES  # the broken clause joined, nothing glued to it
    assert [c.label for c in paper.operative] == ["1", "2", "3", "4"]
    assert _errors(paper) == []
    notes = " ".join(paper.notes)
    assert "footnote" in notes and "Treaty Series" in notes  # skipped, and said so
    assert "48th (resumed) plenary meeting" in notes


def test_source_lines_point_at_the_pasted_text():
    paper = read_text(PAGED)
    lines = PAGED.split("\n")
    for clause in paper.preamble + paper.operative:
        first = re.sub(r"^\d+\.\s+", "", lines[clause.line - 1].strip())
        assert clause.text.startswith(FOOTNOTE_NUMBER.sub("", first))


def test_masthead_without_the_organ_line_starts_at_the_first_opener():
    paper = read_text(NO_ORGAN_LINE)
    assert paper.opening == ""
    assert _clauses(paper) == CLEAN_CLAUSES
    assert any("skipped" in note and "United Nations" in note for note in paper.notes)
    # Only the missing opening line itself is a finding.
    assert [e.split()[0] for e in _errors(paper)] == ["STR010"]


def test_resumed_closing_line_ends_the_operative_part():
    text = PAGED.replace("48th (resumed) plenary meeting", "7th (resumed) meeting")
    paper = read_text(text)
    assert paper.operative[-1].text.endswith("present resolution.")
    assert _errors(paper) == []


def test_hard_wrapped_lines_continue_unless_they_start_like_a_clause():
    paper = read_text(WRAPPED)
    assert _clauses(paper) == WRAPPED_CLAUSES
    assert paper.signatories == ["Chile", "Norway", "Saint Vincent and the Grenadines", "Uruguay"]
    assert _errors(paper, "CCPCJ") == []


def test_a_wrong_number_is_still_found_in_wrapped_text():
    text = WRAPPED.replace("3. Requests", "5. Requests")
    paper = read_text(text)
    assert len(paper.operative) == 3
    assert [e.split()[0] for e in _errors(paper, "CCPCJ")] == ["NUM002"]


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=28, max_value=160), gap=st.booleans(), crlf=st.booleans(),
       indent=st.sampled_from(["", "  ", "\t"]))
def test_any_wrap_gives_the_same_clauses(cut, gap, crlf, indent):
    """The clean resolution hard-wrapped at any width, with or without blank lines between
    clauses, Windows line ends, wrapped lines indented: the clauses do not change."""
    import textwrap

    sep = "\n\n" if gap else "\n"

    def wrap(text: str) -> str:
        return textwrap.fill(text, cut, subsequent_indent=indent, break_on_hyphens=False)

    body = sep.join(wrap(t) for t in CLEAN_CLAUSES["preamble"])
    body += sep + sep.join(wrap(f"{n}. {t}") for n, t in enumerate(CLEAN_CLAUSES["operative"], 1))
    text = "The General Assembly,\n\n" + body + "\n"
    paper = read_text(text.replace("\n", "\r\n") if crlf else text)
    assert _clauses(paper) == CLEAN_CLAUSES
