"""The State lists in lexicon/: 193 Member States in five regional groups, observers, variants."""
from __future__ import annotations

from collections import Counter

import pytest

from resedit.errors import DataFileError
from resedit.paths import lexicon_dir
from resedit.sponsorship.states import GROUPS, StateIndex, fold, state_index

STATES_FILE = lexicon_dir() / "member_states.tsv"
VARIANTS_FILE = lexicon_dir() / "state_variants.tsv"


def _data_rows(path):
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return rows[1:]  # the first row names the columns


def test_193_member_states_and_two_observers():
    index = state_index()
    assert len(index.members) == 193
    assert sorted(s.name for s in index.observers) == ["Holy See", "State of Palestine"]
    assert all(s.group == "" for s in index.observers)


def test_no_duplicate_names_in_the_file():
    names = [row[0] for row in _data_rows(STATES_FILE)]
    assert len(names) == 195
    assert [n for n, c in Counter(names).items() if c > 1] == []
    # also no two names that differ only by case, accents or punctuation
    keys = Counter(fold(n) for n in names)
    assert [k for k, c in keys.items() if c > 1] == []


def test_every_member_in_exactly_one_regional_group():
    for row in _data_rows(STATES_FILE):
        name, group, status = row[0], row[1], row[2]
        if status == "member":
            assert group in GROUPS, name
            assert group.count(";") == 0 and group.count(",") == 0, name  # one group, not a list
        else:
            assert status == "observer" and group == "-", name


def test_group_sizes_match_the_dgacm_list_with_the_choices_documented():
    sizes = Counter(s.group for s in state_index().members)
    assert sizes == {"African": 54, "Asia-Pacific": 54, "Eastern European": 23,
                     "Latin American and Caribbean": 33, "Western European and others": 29}


@pytest.mark.parametrize("name,group", [
    ("Türkiye", "Western European and others"),  # electoral purposes (DGACM footnote)
    ("United States of America", "Western European and others"),  # observer there, counted there
    ("Israel", "Western European and others"),
    ("Kiribati", "Asia-Pacific"),
    ("Cyprus", "Asia-Pacific"),
    ("Viet Nam", "Asia-Pacific"),
    ("Côte d'Ivoire", "African"),
    ("Bolivia (Plurinational State of)", "Latin American and Caribbean"),
    ("Czechia", "Eastern European"),
])
def test_edge_cases_and_official_spellings(name, group):
    state = state_index().states[name]
    assert state.group == group


def test_edge_cases_are_documented_in_the_file():
    text = STATES_FILE.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for needed in ("Source", "un.org/en/about-us/member-states", "dgacm", "Türkiye", "Kiribati",
                   "Israel", "United States"):
        assert needed in header, needed
    index = state_index()
    for name in ("Türkiye", "Israel", "United States of America", "Kiribati"):
        assert index.states[name].note, name


def test_every_variant_resolves_to_a_listed_state():
    index = state_index()
    rows = _data_rows(VARIANTS_FILE)
    assert len(rows) > 60
    for variant, official in ((r[0], r[1]) for r in rows):
        found = index.resolve(variant)
        assert found.ok, variant
        assert found.state.name == official, variant
        assert found.how == "variant", variant


def test_no_variant_repeats_what_folding_already_does():
    """Rows like "Turkiye" or "The Gambia" would be dead weight: folding handles them."""
    names = {fold(r[0]) for r in _data_rows(STATES_FILE)}
    for variant, _official in ((r[0], r[1]) for r in _data_rows(VARIANTS_FILE)):
        assert fold(variant) not in names, variant


@pytest.mark.parametrize("typed,official", [
    ("Vietnam", "Viet Nam"), ("Turkey", "Türkiye"), ("Ivory Coast", "Côte d'Ivoire"),
    ("South Korea", "Republic of Korea"), ("USA", "United States of America"),
    ("U.S.A.", "United States of America"),
    ("UK", "United Kingdom of Great Britain and Northern Ireland"),
    ("Russia", "Russian Federation"), ("Czech Republic", "Czechia"), ("Swaziland", "Eswatini"),
    ("Bolivia", "Bolivia (Plurinational State of)"), ("Netherlands", "Netherlands (Kingdom of the)"),
    ("Palestine", "State of Palestine"), ("Vatican", "Holy See"),
])
def test_the_variants_delegates_type(typed, official):
    assert state_index().resolve(typed).state.name == official


def test_a_malformed_row_is_refused_with_file_and_line(tmp_path):
    states = tmp_path / "member_states.tsv"
    states.write_text("# test\nname\tgroup\tstatus\nBrazil\tLatin American and Caribbean\tmember\n"
                      "Chile\tSouth American\tmember\n", encoding="utf-8")
    variants = tmp_path / "state_variants.tsv"
    variants.write_text("variant\tofficial\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        StateIndex(states, variants)
    assert err.value.line == 4 and "South American" in str(err.value)


def test_a_variant_pointing_nowhere_is_refused(tmp_path):
    states = tmp_path / "member_states.tsv"
    states.write_text("name\tgroup\tstatus\nBrazil\tLatin American and Caribbean\tmember\n",
                      encoding="utf-8")
    variants = tmp_path / "state_variants.tsv"
    variants.write_text("variant\tofficial\nBrasil\tBrazil\nPrussia\tGermany\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        StateIndex(states, variants)
    assert err.value.line == 3 and "Germany" in str(err.value)
