"""Style rules: Member States, UN spelling, acronyms, first person, informal words."""
from __future__ import annotations

import pytest

from resedit import lexicon
from resedit.committees import load_committee
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules
from resedit.lint.house_spelling import un_spelling

HEAD = """Code: CCPCJ/1/1
Committee: CCPCJ
Topic: Countering trafficking in persons

The Commission on Crime Prevention and Criminal Justice,

"""


def style(text: str, code: str | None = None):
    rules = [r for r in load_rules() if r.category == "style" and (code is None or r.id == code)]
    return lint(read_text(HEAD + text), rules, load_committee("CCPCJ"))


@pytest.mark.parametrize("word,fix", [
    ("organisation", "organization"), ("Recognise", "Recognize"), ("prioritising", "prioritizing"),
    ("criminalised", "criminalized"), ("analyze", "analyse"), ("programs", "programmes"),
    ("advise", None), ("comprise", None), ("surprise", None), ("exercised", None),
    ("premises", None), ("otherwise", None), ("raised", None), ("crises", None), ("analyse", None),
    ("programme", None), ("expertise", None), ("promise", None), ("noise", None),
    ("supervising", None), ("comprising", None), ("enterprises", None), ("paradise", None),
    ("minimise", "minimize"), ("stigmatised", "stigmatized"), ("categorising", "categorizing"),
])
def testun_spelling(word, fix):
    assert un_spelling(word) == fix


def test_every_ise_exception_is_left_alone():
    for word in lexicon.spelling().ise_exceptions:
        for form in (word, word + "s", word[:-1] + "ing"):
            assert un_spelling(form) is None, form


def test_member_states_variants():
    found = style("Noting that member states and Member states act,\n\n"
                  "1. Invites member States of the African Union and Member States to act.\n", "STY001")
    text = "Noting that member states and Member states act,"
    assert [(d.location.part, d.location.start, d.suggestions) for d in found] == [
        ("preamble", text.index("member states"), ["Member States"]),
        ("preamble", text.index("Member states"), ["Member States"])]


def test_acronym_reported_once_at_first_use_and_not_after_expansion():
    found = style("Welcoming the work of UNODC,\n\n"
                  "1. Requests the United Nations Office on Drugs and Crime (UNODC) to report;\n\n"
                  "2. Invites UNODC and the Inter-Agency Coordination Group against Trafficking in "
                  "Persons (ICAT) to cooperate, and ICAT to report under chapter IV of A/RES/78/228.\n",
                  "STY003")
    assert [(d.location.part, d.location.clause, d.message.split('"')[1]) for d in found] == [
        ("preamble", 1, "UNODC")]


def test_first_person_outside_quotes_only():
    found = style("Recalling the report entitled “We the Peoples”,\n\n"
                  "1. Urges Member States to protect our children and to help us.\n", "STY004")
    assert [(d.message.split('"')[1], d.suggestions) for d in found] == [("our", ["its"]), ("us", [])]


def test_informal_words_with_replacements():
    found = style("Noting that a lot of victims are kids,\n\n1. Urges Member States to act OK.\n", "STY005")
    assert [(d.message.split('"')[1], d.suggestions) for d in found] == [
        ("a lot of", ["many"]), ("kids", ["children"]), ("OK", ["acceptable"])]
    # Whole words only, and an all-caps entry (OK) only as written.
    assert not style("Noting the superfluous bookkeeping of the ok sign,\n\n1. Urges Member States to act.\n",
                     "STY005")
