"""Committee profiles: loading, lookup, completeness, sources, and profiles a user adds as data."""
from __future__ import annotations

import re
import shutil

import pytest
from shared_data import GUIDE

from resedit.committees import all_committees, load_committee
from resedit.errors import DataFileError, ResEditError
from resedit.paths import data_root

REQUIRED = {"CCPCJ", "SC", "GA", "GA3", "ECOSOC", "CND", "HRC"}


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _quoted_in(fragment: str, source: str, max_gap: int = 400) -> bool:
    """The fragment's words appear in the source in order; a gap (a page break with its
    footnotes, as in the guide) may interrupt them, nothing may be reordered or changed."""
    words = [w.rstrip(".,;:") for w in fragment.split()]
    text = [re.sub(r"([.;,”])\d+$", r"\1", w).rstrip(".,;:") for w in source.split()]  # footnotes
    for begin in range(len(text)):
        if text[begin: begin + min(5, len(words))] != words[:5]:
            continue
        pos, ok = begin, True
        for word in words:
            try:
                found = text.index(word, pos, pos + max_gap)
            except ValueError:
                ok = False
                break
            pos = found + 1
        if ok:
            return True
    return False


def test_every_required_profile_loads():
    profiles = all_committees()
    assert REQUIRED <= set(profiles)
    for committee in profiles.values():
        assert committee.name and committee.opening and committee.mandate.get("summary")
        assert committee.membership.get("size")
        assert committee.membership.get("source") in committee.sources


@pytest.mark.parametrize("typed,code", [
    ("ccpcj", "CCPCJ"), ("Commission on Crime Prevention and Criminal Justice", "CCPCJ"),
    ("The Commission on Crime Prevention and Criminal Justice,", "CCPCJ"), ("UNSC", "SC"),
    ("The Security Council", "SC"), ("Third Committee", "GA3"), ("SOCHUM", "GA3"),
    ("General Assembly", "GA"), ("Economic and Social Council", "ECOSOC"),
    ("Commission on Narcotic Drugs", "CND"), ("Human Rights Council", "HRC"), (None, "CCPCJ"),
])
def test_lookup_by_code_name_alias_or_opening(typed, code):
    assert load_committee(typed).code == code


def test_unknown_committee_is_an_error_listing_the_known_codes():
    with pytest.raises(ResEditError) as info:
        load_committee("Committee on the Peaceful Uses of Outer Space")
    assert "unknown committee" in str(info.value) and "CCPCJ" in str(info.value)


def _ccpcj_statements():
    ccpcj = load_committee("CCPCJ")
    return ccpcj, list(ccpcj.mandate["can"]) + list(ccpcj.mandate["cannot"].values())


def test_ccpcj_mandate_statements_cite_their_own_sources():
    """Checked without the guide: every statement names a source the profile defines, the
    sources are the founding resolutions, and the guide's key sentences are quoted."""
    ccpcj, statements = _ccpcj_statements()
    assert ccpcj.parent == "Economic and Social Council" and not ccpcj.binds_member_states
    cites = " ".join(s["cite"] + " " + s.get("detail", "") for s in ccpcj.sources.values())
    for symbol in ("1992/1", "1992/22", "61/252"):
        assert symbol in cites
    for statement in statements:
        assert statement["source"] in ccpcj.sources, statement
        assert ccpcj.sources[statement["source"]]["cite"].strip(), statement["source"]
        assert len(_norm(statement["text"]).split()) >= 4, statement
    guide_quotes = [s for s in statements if s["source"] in ("guide", "a-res-61-252")]
    assert any("will generally" in s["text"] for s in guide_quotes)
    assert any("will not generally" in s["text"] for s in guide_quotes)
    assert ccpcj.membership["size"] == sum(ccpcj.membership["groups"].values()) == 40
    assert ccpcj.membership["groups"]["African States"] == 12


@pytest.mark.guide
def test_ccpcj_mandate_is_quoted_verbatim_from_the_guide():
    _, statements = _ccpcj_statements()
    # the guide drops a space in "(UNODC)and"; the profile quotes it with the space
    guide = _norm(GUIDE.read_text(encoding="utf-8")).replace("(UNODC)and", "(UNODC) and")
    guide_quotes = [s for s in statements if s["source"] in ("guide", "a-res-61-252")]
    assert guide_quotes
    for statement in guide_quotes:  # every fragment around an ellipsis is verbatim in the guide
        for fragment in re.split(r"\s*\[\.\.\.\]\s*", _norm(statement["text"])):
            assert _quoted_in(fragment.strip(" "), guide), fragment


def test_membership_groups_add_up():
    for code, elected in {"HRC": 47, "ECOSOC": 54, "CND": 53, "SC": 10}.items():
        membership = load_committee(code).membership
        assert sum(membership["groups"].values()) == elected, code
    sc = load_committee("SC").membership
    assert len(sc["permanent"]) + 10 == sc["size"] == 15


def test_only_the_security_council_binds_and_its_overreach_list_says_so():
    profiles = all_committees()
    assert [c.code for c in profiles.values() if c.binds_member_states] == ["SC"]
    sc = profiles["SC"]
    for construction in ("binding-decision", "coercive-verb", "sanctions", "force", "legally-binding"):
        assert sc.overreach(construction) is None
        assert profiles["CCPCJ"].overreach(construction) is not None
    assert sc.overreach("budget")["cannot"] == "budget"


def test_every_overreach_entry_cites_a_quoted_statement():
    for committee in all_committees().values():
        for construction in committee.data.get("overreach") or {}:
            entry = committee.overreach(construction)
            cannot = committee.cannot(entry["cannot"])
            assert cannot["what"] and cannot["text"] and cannot["cite"] != cannot["source"], \
                (committee.code, construction)
            assert entry["suggest"], (committee.code, construction)


def test_overreach_merges_profile_words_over_the_defaults():
    ga, ccpcj = load_committee("GA"), load_committee("CCPCJ")
    assert "demand" in ccpcj.overreach("coercive-verb")["verbs"]
    assert "demand" not in ga.overreach("coercive-verb")["verbs"]
    assert ga.overreach("coercive-verb")["addressees"] == ccpcj.overreach("coercive-verb")["addressees"]
    assert [o["name"] for o in load_committee("HRC").other_organs()].count("the Human Rights Council") == 0


CSW = """\
code: CSW
name: Commission on the Status of Women
opening: The Commission on the Status of Women
aliases: [Status of Women Commission]
parent: Economic and Social Council
sources:
  test:
    cite: A test source
mandate:
  summary: A functional commission used to test profiles added as data.
  can:
    - {text: "make recommendations to the Council", source: test}
  cannot:
    binding: {what: bind Member States, text: "it makes recommendations only", source: test}
overreach:
  binding-decision:
    cannot: binding
    suggest: ["Urges {addressee} to"]
membership:
  size: 45
  source: test
  roster: roster.txt
"""


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    """A copy of the data root with one more profile, as a dais would make it."""
    root = tmp_path / "data"
    shutil.copytree(data_root() / "lexicon", root / "lexicon")
    shutil.copy(data_root() / "clause_rules.yaml", root / "clause_rules.yaml")
    monkeypatch.setenv("RESEDIT_DATA", str(root))
    return root


def test_a_profile_added_as_a_file_is_picked_up(user_data, annotator):
    from resedit.formats.text import read_text
    from resedit.lint import lint, load_rules
    from resedit.paths import rules_file

    folder = user_data / "lexicon" / "committees"
    (folder / "csw.yaml").write_text(CSW, encoding="utf-8")
    (folder / "roster.txt").write_text("# CSW 2026\nBrazil\nViet Nam\n\nBrazil\n", encoding="utf-8")
    csw = load_committee("Status of Women Commission")
    assert csw.code == "CSW" and csw.roster() == ["Brazil", "Viet Nam"]
    assert "CSW" not in all_committees(data_root().parent / "nowhere" / "committees")
    paper = read_text("The Commission on the Status of Women,\n\nRecalling its resolutions,\n\n"
                      "1. Decides that Member States shall adopt gender-responsive budgets.\n")
    rules = [r for r in load_rules(rules_file()) if r.category == "mandate"]
    found = lint(paper, rules, csw, annotator=annotator)
    assert [(d.code, d.suggestions) for d in found] == [("MAN001", ["Urges Member States to"])]
    assert "it makes recommendations only" in found[0].message and "A test source" in found[0].message


def test_a_broken_profile_is_refused_with_file_and_reason(user_data):
    folder = user_data / "lexicon" / "committees"
    (folder / "bad.yaml").write_text(CSW.replace("source: test}", "source: nowhere}"), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_committee("CCPCJ")
    assert "bad.yaml" in str(info.value) and "nowhere" in str(info.value)
    (folder / "bad.yaml").write_text("code: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_committee("CCPCJ")
    assert "bad.yaml" in str(info.value)
    (folder / "bad.yaml").write_text(CSW.replace("binding-decision:", "binding-everything:"), encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown construction"):
        load_committee("CCPCJ")
