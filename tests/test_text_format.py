"""The text layout: the reader on real UN texts and delegates' habits, and the writer round trip."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import CORPUS

from resedit.formats.text import read_text, write_text
from resedit.model import Clause, HistoryEntry, WorkingPaper

# Counted by reading each text: (preambular, operative, sub-clauses at any depth).
# 80/9: one unnumbered operative paragraph; its annexed declaration is skipped.
# 80/11: sub-items whose letters were lost in extraction are still sub-clauses of their paragraph.
CORPUS_COUNTS = {
    "un_A_RES_80_1.txt": (5, 3, 3),
    "un_A_RES_80_6.txt": (14, 32, 0),
    "un_A_RES_80_9.txt": (0, 1, 0),
    "un_A_RES_80_11.txt": (16, 30, 15),
    "un_A_RES_80_41.txt": (18, 6, 0),
    "un_S_RES_2139_2014.txt": (11, 18, 0),
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(CORPUS_COUNTS))
def test_corpus_clause_counts(name):
    paper = read_text((CORPUS / name).read_text(encoding="utf-8"))
    subs = sum(len(list(c.walk())) - 1 for c in paper.preamble + paper.operative)
    assert (len(paper.preamble), len(paper.operative), subs) == CORPUS_COUNTS[name]
    assert paper.opening.startswith("The ")


@pytest.mark.corpus
def test_corpus_noise_is_skipped_and_wrapped_lines_joined():
    paper = read_text((CORPUS / "un_A_RES_80_1.txt").read_text(encoding="utf-8"))
    sub_a = paper.operative[0].children[0]
    # The running page header (the title) falls mid-paragraph and is dropped; the halves join.
    assert "general debate of the Assembly at its eightieth session" in sub_a.text
    assert "Participation by the State" not in sub_a.text
    assert paper.operative[2].text.endswith("eightieth session.")  # footnotes after --- are not text
    paper = read_text((CORPUS / "un_A_RES_80_41.txt").read_text(encoding="utf-8"))
    assert "Nuclear Material 3 by the International Atomic Energy Agency" in paper.preamble[6].text
    paper = read_text((CORPUS / "un_A_RES_80_11.txt").read_text(encoding="utf-8"))
    assert any("Peacebuilding financing" in note for note in paper.notes)  # headings: noted, not clauses
    first = paper.operative[0]
    assert [c.label for c in first.children if c.label] == ["e", "f", "g", "h"]
    # "(b) ... by:" lost its letter and so did its "(i) Assisting ..."; both still nest right.
    introducing = first.children[1]
    assert introducing.text.endswith("by:")
    assert [c.text.split()[0] for c in introducing.children] == ["Assisting", "Inviting"]


def test_delegate_layout_variants():
    text = """Submitted by: Brazil; Viet Nam and Nigeria
Signatories: Chile,
  Türkiye, Japan
Committee: CCPCJ
Topic area: Trafficking

The Commission on Crime Prevention and Criminal Justice,
Recalling its resolution 27/2 of 18 May 2018,
Deeply concerned by the rise of trafficking in persons through online
platforms and social media,
1
Urges Member States to:
a) Strengthen legislation;
b) Train officials, in particular:
i. Judges;
ii. Prosecutors;
2. Requests the Secretariat to report.
"""
    paper = read_text(text)
    assert paper.sponsors == ["Brazil", "Viet Nam", "Nigeria"]
    assert paper.signatories == ["Chile", "Türkiye", "Japan"]
    assert (paper.committee, paper.topic) == ("CCPCJ", "Trafficking")
    assert [c.text for c in paper.preamble] == [
        "Recalling its resolution 27/2 of 18 May 2018,",
        "Deeply concerned by the rise of trafficking in persons through online platforms and social media,"]
    first = paper.operative[0]
    assert first.text == "Urges Member States to:" and first.label == "1"
    assert [c.text for c in first.children] == ["Strengthen legislation;", "Train officials, in particular:"]
    assert [c.text for c in first.children[1].children] == ["Judges;", "Prosecutors;"]
    assert paper.operative[1].line == 17


def test_margin_line_numbers_are_stripped():
    body = ["The Commission on Crime Prevention and Criminal Justice,", "",
            "Recalling its resolution 27/2,", "", "1. Urges Member States to act;", "",
            "2. Requests a report."]
    # NMUN numbers every line of the document, blank ones included.
    text = "\n".join(f"{n} {line}".rstrip() for n, line in enumerate(body, start=1))
    paper = read_text(text)
    assert [c.text for c in paper.operative] == ["Urges Member States to act;", "Requests a report."]
    assert [c.label for c in paper.operative] == ["1", "2"]


def test_roman_and_letter_i_are_told_apart():
    items = "\n".join(f"({chr(ord('a') + k)}) Item {k};" for k in range(9))  # (a) .. (i)
    paper = read_text(f"The General Assembly,\n\n1. Decides that:\n{items}\n(ii) Wrong depth.\n")
    children = paper.operative[0].children
    assert len(children) == 9 and children[8].label == "i"


# ---- writer: reading what it writes gives back the same paper ------------------------------

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüçø", min_size=1, max_size=8)
_words = st.lists(_word, min_size=1, max_size=8).map(" ".join)


def _clause_text(end: str):
    capital = st.sampled_from(["Recalling", "Urges", "Notes", "Zimbabwe", "Élan", "Member"])
    return st.tuples(capital, _words).map(lambda t: f"{t[0]} {t[1]}{end}")


def _clauses(end: str, depth: int = 0):
    leaf = _clause_text(end).map(lambda t: Clause(text=t))
    if depth >= 3:
        return st.lists(leaf, max_size=3)
    node = st.tuples(_clause_text(":"), _clauses(";", depth + 1)).map(
        lambda t: Clause(text=t[0], children=t[1]))
    return st.lists(st.one_of(leaf, node), max_size=3)


_states = st.lists(st.sampled_from(["Brazil", "Viet Nam", "Côte d'Ivoire", "Türkiye", "Bolivia (Plurinational State of)"]),
                   max_size=4, unique=True)

papers = st.builds(
    WorkingPaper,
    code=st.sampled_from(["", "CCPCJ/1/1"]),
    committee=st.sampled_from(["", "CCPCJ", "Commission on Crime Prevention and Criminal Justice"]),
    topic=st.sampled_from(["", "Trafficking in persons"]),
    sponsors=_states, signatories=_states,
    opening=st.sampled_from(["The Commission on Crime Prevention and Criminal Justice,", "The Security Council,"]),
    preamble=st.lists(_clause_text(",").map(lambda t: Clause(text=t)), max_size=4),
    operative=_clauses(";").filter(bool),
    history=st.lists(st.builds(HistoryEntry, at=st.just("2026-11-28T10:00:00Z"), who=_word,
                               action=st.sampled_from(["add", "withdraw"]), state=st.just("Brazil"),
                               role=st.sampled_from(["sponsor", "signatory"]), note=st.just("")),
                     max_size=2),
)


@settings(max_examples=150, deadline=None)
@given(papers)
def test_write_then_read_gives_the_same_paper(paper):
    assert read_text(write_text(paper)) == paper


def test_canonical_layout():
    paper = WorkingPaper(code="CCPCJ/1/1", committee="CCPCJ", topic="T", sponsors=["Brazil"],
                         opening="The Commission on Crime Prevention and Criminal Justice,",
                         preamble=[Clause("Recalling its resolution 27/2,")],
                         operative=[Clause("Urges Member States to:", children=[
                             Clause("Act:", children=[Clause("Now;"), Clause("Together;")]),
                             Clause("Report;")]), Clause("Decides to remain seized of the matter.")])
    assert write_text(paper) == (
        "Code: CCPCJ/1/1\nCommittee: CCPCJ\nTopic: T\nSponsors: Brazil\n\n"
        "The Commission on Crime Prevention and Criminal Justice,\n\n"
        "Recalling its resolution 27/2,\n\n1. Urges Member States to:\n\n    (a) Act:\n\n"
        "        (i) Now;\n\n        (ii) Together;\n\n    (b) Report;\n\n"
        "2. Decides to remain seized of the matter.\n")


def test_what_the_reader_skips_is_said_in_the_notes():
    paper = read_text("Committee: CCPCJ\nDraft by the bloc, v2\n\nThe Commission on Crime Prevention and "
                      "Criminal Justice,\n\nRecalling X,\n\n1. Urges Y.\n\nAnnex\n\nWe, the States, ...\n")
    assert paper.notes[0] == "line 2: skipped 1 line(s) before the opening line, from 'Draft by the bloc, v2'"
    assert paper.notes[1].startswith("line 10: stopped reading at 'Annex'")
    assert [c.text for c in paper.operative] == ["Urges Y."]


def test_a_skipped_letter_stays_a_letter_and_numerals_continue():
    paper = read_text("The General Assembly,\n\n1. Urges States to:\n(a) Strengthen laws;\n(c) Train judges.\n")
    assert [(c.label, len(c.children)) for c in paper.operative[0].children] == [("a", 0), ("c", 0)]
    romans = "\n".join(f"({n}) Item;" for n in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"))
    paper = read_text(f"The General Assembly,\n\n1. Urges States to:\n(a) Act:\n{romans}\n(b) Report.\n")
    first = paper.operative[0].children
    assert [c.label for c in first] == ["a", "b"]
    assert [c.label for c in first[0].children][-2:] == ["ix", "x"]
