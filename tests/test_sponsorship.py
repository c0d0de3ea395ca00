"""Sponsors and signatories: name resolution, conference profiles, the SPO rules, list changes."""
from __future__ import annotations

import textwrap

import pytest

from resedit.committees import load_committee
from resedit.errors import DataFileError
from resedit.formats.native import read_native, write_native
from resedit.formats.text import read_text, write_text
from resedit.lint import lint, load_rules
from resedit.model import WorkingPaper
from resedit.sponsorship import analyse, load_conference, resolve, sponsorship_summary
from resedit.sponsorship.changes import Refused, add, remove, withdraw
from resedit.sponsorship.conference import load_conference_file
from resedit.sponsorship.states import split_names

CCPCJ = load_committee("CCPCJ")
SC = load_committee("SC")
SPO = [r for r in load_rules() if r.category == "sponsorship"]
EIGHT = "Chile, Türkiye, Kenya, Japan, Ghana, Mexico"


def paper(sponsors: str | None = "Brazil, Viet Nam", signatories: str | None = EIGHT,
          committee: str = "Commission on Crime Prevention and Criminal Justice"):
    head = f"Code: CCPCJ/1/1\nCommittee: {committee}\nTopic: Countering trafficking in persons\n"
    if sponsors is not None:
        head += f"Sponsors: {sponsors}\n"
    if signatories is not None:
        head += f"Signatories: {signatories}\n"
    return read_text(head + "\nThe Commission on Crime Prevention and Criminal Justice,\n\n"
                     "Recalling its resolution 27/2 of 18 May 2018,\n\n"
                     "1. Urges Member States to strengthen cooperation.\n")


def findings(p, committee=CCPCJ, conference=None, present=None):
    """The SPO findings in reading order (the engine's): the Sponsors: line, then Signatories:."""
    return lint(p, SPO, committee, conference=conference, present=present)


def codes(p, **kw):
    return sorted(d.code for d in findings(p, **kw))


def profile(tmp_path, body: str):
    path = tmp_path / "conf.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_conference_file(path)


# ---- name resolution -------------------------------------------------------------------------

@pytest.mark.parametrize("typed,official,how", [
    ("Viet Nam", "Viet Nam", "exact"),
    ("viet nam", "Viet Nam", "folded"),
    ("TURKIYE", "Türkiye", "folded"),
    ("Cote d’Ivoire", "Côte d'Ivoire", "folded"),
    ("the Gambia", "Gambia", "folded"),
    ("Guinea Bissau", "Guinea-Bissau", "folded"),
    ("  Sao  Tomé and Príncipe ", "Sao Tome and Principe", "folded"),
    ("Vietnam", "Viet Nam", "variant"),
    ("Ivory Coast", "Côte d'Ivoire", "variant"),
    ("Swaziland", "Eswatini", "variant"),
])
def test_exact_folded_and_variant_names_resolve(typed, official, how):
    found = resolve(typed)
    assert found.ok and found.state.name == official and found.how == how


@pytest.mark.parametrize("typed,suggestion", [
    ("Untied States", "United States of America"),
    ("Sierra Leona", "Sierra Leone"),
    ("Lituania", "Lithuania"),
    ("Phillipines", "Philippines"),
    ("Columbia", "Colombia"),
])
def test_misspellings_get_a_suggestion_never_a_silent_guess(typed, suggestion):
    found = resolve(typed)
    assert not found.ok and found.state is None
    assert found.suggestions[0] == suggestion
    assert f"did you mean {suggestion}" in found.describe()


def test_ambiguous_name_offers_both_and_picks_neither():
    found = resolve("Korea")
    assert not found.ok
    assert set(found.suggestions) == {"Republic of Korea", "Democratic People's Republic of Korea"}


@pytest.mark.parametrize("typed", ["Atlantis", "Wakanda", "xyz", ""])
def test_unknown_names_are_reported_without_suggestion(typed):
    found = resolve(typed)
    assert not found.ok and found.suggestions == ()


def test_near_names_are_not_confused():
    assert resolve("Niger").state.name == "Niger"
    assert resolve("Nigeria").state.name == "Nigeria"
    assert resolve("Dominica").state.name == "Dominica"
    assert resolve("Guinea").state.name == "Guinea"


def test_header_lists_keep_names_that_contain_and():
    assert split_names("Brazil, Chile and Trinidad and Tobago; Bosnia and Herzegovina and "
                       "United Kingdom of Great Britain and Northern Ireland") == [
        "Brazil", "Chile", "Trinidad and Tobago", "Bosnia and Herzegovina",
        "United Kingdom of Great Britain and Northern Ireland"]
    p = paper("Antigua and Barbuda and Saint Vincent and the Grenadines", EIGHT)
    assert p.sponsors == ["Antigua and Barbuda", "Saint Vincent and the Grenadines"]


# ---- conference profiles ---------------------------------------------------------------------

def test_nmun_default_is_twenty_percent_of_the_committee_rounded_up():
    nmun = load_conference("nmun-ny")
    assert nmun.requirement(CCPCJ).required == 8  # 20% of 40
    assert nmun.requirement(CCPCJ, present=38).required == 8  # 7.6 rounded up
    assert nmun.requirement(CCPCJ, present=31).required == 7  # 6.2 rounded up
    assert nmun.requirement("GA").required == 39  # 38.6 of 193
    assert nmun.requirement(SC).required == 3  # the 15-member roster
    assert "present" in nmun.requirement(CCPCJ, present=38).basis


def test_other_profiles_ship_with_their_figures():
    assert load_conference("unausa").requirement(CCPCJ).required == 4
    hmun = load_conference("hmun")
    assert [hmun.requirement(c).required for c in ("GA", "SC", "CCPCJ")] == [25, 5, 8]


def test_rounding_and_basis_are_the_dais_s_to_set(tmp_path):
    base = """
        code: test
        name: Test MUN
        threshold: {value: 20%%, of: %s, rounding: %s}
        committees:
          CCPCJ: {membership: 40, present: 33}
        """
    up = profile(tmp_path, base % ("present", "up"))
    down = profile(tmp_path, base % ("present", "down"))
    nearest = profile(tmp_path, base % ("present", "nearest"))
    membership = profile(tmp_path, base % ("membership", "up"))
    assert [c.requirement(CCPCJ).required for c in (up, down, nearest, membership)] == [7, 6, 7, 8]
    assert up.requirement(CCPCJ, present=20).required == 4  # --present beats the file


def test_malformed_profiles_are_refused(tmp_path):
    for body, words in [
        ("code: x\nname: X\nthreshold: {value: 120%}\n", "out of range"),
        ("code: x\nname: X\nthreshold: {value: lots}\n", "neither"),
        ("code: x\nname: X\nthreshold: {value: 3, rounding: sideways}\n", "rounding"),
        ("code: x\nname: X\nthreshold: {value: 3}\nboth_roles: maybe\n", "both_roles"),
        ("code: x\nname: X\nthreshold: {value: 3}\ncommittees: {SC: {roster: [Prussia]}}\n", "Prussia"),
        ("code: x\nname: X\nthreshold: [3\n", "YAML"),
    ]:
        path = tmp_path / "bad.yaml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(DataFileError, match=words):
            load_conference_file(path)


@pytest.mark.parametrize("body,line,words", [
    ("code: x\nname: X\nthreshold:\n  value: 20%\n  rounding: sideways\n", 5, "rounding"),
    ("code: x\nname: X\nthreshhold: {value: 3}\n", 3, "unknown setting(s) threshhold"),
    ("code: x\nname: X\nthreshold: {value: 3}\nobservers:\n  sponsor: true\n  sgn: true\n", 6, "sgn"),
    ("code: x\nname: X\nthreshold: {value: 3}\ncommittees:\n  SC:\n    present: -3\n", 6, "whole number"),
])
def test_profile_mistakes_name_the_line(tmp_path, body, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_conference_file(path)
    assert err.value.line == line and words in str(err.value)


def test_summary_for_the_check_json():
    p = paper("Brazil, Viet Nam", EIGHT)
    assert sponsorship_summary(p, CCPCJ) == {"sponsors": 2, "signatories": 6, "required": 8, "met": True}
    p = paper("Brazil, Untied States, Vietnam", "Chile, Turkey, Türkiye")
    assert sponsorship_summary(p, CCPCJ) == {"sponsors": 2, "signatories": 2, "required": 8, "met": False}
    assert sponsorship_summary(p, CCPCJ, "hmun")["required"] == 8
    assert sponsorship_summary(p, SC)["required"] == 3


# ---- the SPO rules ---------------------------------------------------------------------------

def test_a_clean_paper_has_no_sponsorship_finding():
    assert codes(paper()) == []


def test_unknown_and_misspelt_names():
    p = paper("Brazil, Untied States, Atlantis", "Chile, Sierra Leona, Lituania, Kenya, Japan, Ghana, Mexico")
    found = findings(p)
    misspelt = [d for d in found if d.code == "SPO002"]
    assert [d.suggestions for d in misspelt] == [["United States of America"], ["Sierra Leone"], ["Lithuania"]]
    assert "did you mean Sierra Leone?" in misspelt[1].message
    unknown = [d for d in found if d.code == "SPO001"]
    assert len(unknown) == 1 and "'Atlantis' (sponsor)" in unknown[0].message
    assert unknown[0].location.part == "sponsors" and unknown[0].location.line == 4
    assert misspelt[1].location.line == 5  # the Signatories: line
    loc = misspelt[1].location  # offsets within the list as written: "Chile, Sierra Leona, ..."
    assert ", ".join(p.signatories)[loc.start:loc.end] == "Sierra Leona"
    # misspelt names do not count: 1 sponsor + 4 signatories
    assert "SPO008" in codes(p)


def test_unofficial_names_point_to_the_un_short_name():
    p = paper("Vietnam, South Korea", "Turkey, Ivory Coast, Russia, USA, Czech Republic, Swaziland")
    found = [d for d in findings(p) if d.code == "SPO003"]
    assert [d.suggestions[0] for d in found] == [
        "Viet Nam", "Republic of Korea", "Türkiye", "Côte d'Ivoire", "Russian Federation",
        "United States of America", "Czechia", "Eswatini"]
    assert codes(p) == ["SPO003"] * 8  # they count: the threshold is met


def test_duplicates_also_through_variants():
    p = paper("Brazil, Viet Nam", "Turkey, Chile, Türkiye, Kenya, Japan, Ghana, Mexico")
    dup = [d for d in findings(p) if d.code == "SPO004"]
    assert len(dup) == 1 and "Türkiye" in dup[0].message and "'Turkey'" in dup[0].message
    p = paper("Brazil, Viet Nam, Vietnam", EIGHT)
    assert "SPO004" in codes(p)
    # counted once: two sponsors, six signatories
    assert sponsorship_summary(p, CCPCJ)["sponsors"] == 2


def test_a_state_in_both_lists(tmp_path):
    p = paper("Brazil, Viet Nam", EIGHT + ", Vietnam")
    both = [d for d in findings(p) if d.code == "SPO005"]
    assert len(both) == 1 and both[0].message.startswith("Viet Nam is both")
    relaxed = profile(tmp_path, "code: r\nname: Relaxed\nthreshold: {value: 20%}\nboth_roles: true\n"
                                "committees: {CCPCJ: {membership: 40}}\n")
    assert "SPO005" not in codes(p, conference=relaxed)


def test_observers_where_the_profile_forbids_them(tmp_path):
    p = paper("Brazil, State of Palestine", EIGHT + ", Holy See")
    obs = [d for d in findings(p) if d.code == "SPO006"]
    assert len(obs) == 1 and "State of Palestine" in obs[0].message and "sponsor" in obs[0].message
    open_door = profile(tmp_path, "code: o\nname: Open\nthreshold: {value: 8}\n"
                                  "observers: {sponsor: true, sign: true}\n")
    assert "SPO006" not in codes(p, conference=open_door)
    closed = profile(tmp_path, "code: c\nname: Closed\nthreshold: {value: 8}\n"
                               "observers: {sponsor: false, sign: false}\n")
    assert len([c for c in codes(p, conference=closed) if c == "SPO006"]) == 2


def test_non_members_of_a_committee_with_a_roster():
    p = paper("France, Brazil", "China, Denmark, Palau", committee="Security Council")
    non = [d for d in findings(p, committee=SC) if d.code == "SPO007"]
    assert sorted(d.message.split(" is")[0] for d in non) == ["Brazil", "Palau"]
    assert "SPO007" not in codes(p, committee=CCPCJ)  # no roster loaded: any Member State


def test_below_the_threshold_says_how_many_more():
    p = paper("Brazil, Viet Nam", "Chile, Türkiye, Kenya")
    below = [d for d in findings(p) if d.code == "SPO008"]
    assert len(below) == 1
    assert below[0].message.startswith("5 of the 8 sponsors and signatories required")
    assert below[0].message.endswith("3 more needed.")
    assert "SPO008" not in codes(p, present=25)  # 20% of 25 = 5
    assert "SPO008" in codes(p, present=26)  # 5.2 rounded up = 6


def test_no_sponsor():
    assert "SPO009" in codes(paper(None, EIGHT + ", Brazil, Peru"))
    assert "SPO009" in codes(paper("Atlantis", EIGHT + ", Brazil, Peru"))
    assert "SPO009" not in codes(paper("Brazil", EIGHT + ", Peru"))


def test_signatories_only_profile_counts_signatories(tmp_path):
    co = profile(tmp_path, "code: t\nname: Co-submitters\nthreshold: {value: 7}\ncounts: signatories\n")
    p = paper("Brazil, Viet Nam", EIGHT)
    assert analyse(p, CCPCJ, co).counted == 6
    assert "SPO008" in codes(p, conference=co)


# ---- changes and history ---------------------------------------------------------------------

def test_add_normalises_and_records_history():
    p = paper(None, None)
    change = add(p, "Vietnam", "sponsor", committee=CCPCJ, who="Ana", at="2026-01-01T10:00:00Z")
    assert p.sponsors == ["Viet Nam"]
    h = change.entry
    assert (h.at, h.who, h.action, h.state, h.role) == ("2026-01-01T10:00:00Z", "Ana", "add", "Viet Nam", "sponsor")
    assert "typed as 'Vietnam'" in h.note
    add(p, "Sierra Leone", "signatory", committee=CCPCJ, who="Ana")
    assert p.history[-1].note == ""  # exact name: nothing to say
    assert p.history == [h, p.history[-1]]


@pytest.mark.parametrize("typed,role,reason", [
    ("Untied States", "signatory", "did you mean United States of America?"),
    ("Lituania", "sponsor", "did you mean Lithuania?"),
    ("Atlantis", "sponsor", "not a UN Member State"),
    ("Turkey", "signatory", "Türkiye is already a signatory"),
    ("Vietnam", "signatory", "cannot be both sponsor and signatory"),
    ("Holy See", "sponsor", "observers may not be a sponsor"),
])
def test_changes_that_break_a_rule_are_refused_with_the_reason(typed, role, reason):
    p = paper("Brazil, Viet Nam", EIGHT)
    before = (list(p.sponsors), list(p.signatories), list(p.history))
    with pytest.raises(Refused, match=reason.replace("?", r"\?")):
        add(p, typed, role, committee=CCPCJ, who="Ana")
    assert (p.sponsors, p.signatories, p.history) == before


def test_non_member_refused_on_a_rostered_committee():
    p = paper("France", "China", committee="Security Council")
    with pytest.raises(Refused, match="not a member of SC"):
        add(p, "Brazil", "signatory", committee=SC, who="Ana")
    add(p, "Greece", "signatory", committee=SC, who="Ana")
    assert p.signatories == ["China", "Greece"]


def test_both_roles_allowed_when_the_profile_says_so(tmp_path):
    relaxed = profile(tmp_path, "code: r\nname: Relaxed\nthreshold: {value: 8}\nboth_roles: true\n")
    p = paper("Brazil, Viet Nam", EIGHT)
    add(p, "Vietnam", "signatory", committee=CCPCJ, conference=relaxed, who="Ana")
    assert p.signatories[-1] == "Viet Nam"


def test_withdraw_and_remove_through_any_spelling():
    p = paper("Brazil, Viet Nam", EIGHT)
    change = withdraw(p, "turkey", committee=CCPCJ, who="Ana")
    assert "Türkiye" not in p.signatories
    assert (change.entry.action, change.entry.state, change.entry.role) == ("withdraw", "Türkiye", "signatory")
    assert change.warnings == ["now below the threshold: 7 of 8, 1 more needed"]
    remove(p, "Brazil", committee=CCPCJ, who="Ana")
    change = withdraw(p, "Vietnam", committee=CCPCJ, who="Ana")
    assert p.sponsors == [] and change.warnings == ["the paper now has no sponsor"]
    assert [h.action for h in p.history] == ["withdraw", "remove", "withdraw"]


def test_a_misspelling_already_in_the_header_can_be_removed():
    p = paper("Brazil, Untied States", EIGHT)
    change = remove(p, "Untied States", committee=CCPCJ, who="Ana")
    assert p.sponsors == ["Brazil"] and change.entry.state == "Untied States"


def test_withdrawing_who_is_not_there_is_refused():
    p = paper("Brazil, Viet Nam", EIGHT)
    with pytest.raises(Refused, match="Peru is not a sponsor or signatory"):
        withdraw(p, "Peru", committee=CCPCJ, who="Ana")
    with pytest.raises(Refused, match="did you mean Lithuania"):
        withdraw(p, "Lituania", committee=CCPCJ, who="Ana")
    assert p.history == []


def test_history_survives_the_text_and_native_formats():
    p = paper(None, None)
    add(p, "Vietnam", "sponsor", committee=CCPCJ, who="Ana Lima")
    add(p, "Ivory Coast", "signatory", committee=CCPCJ, who="Ana Lima")
    withdraw(p, "Côte d'Ivoire", committee=CCPCJ, who="Jo", note="left the bloc")
    again = read_text(write_text(p))
    assert again.history == p.history and again.sponsors == ["Viet Nam"]
    assert read_native(write_native(p)).history == p.history


def test_membership_comes_from_the_committee_profile_when_the_conference_is_silent():
    from resedit.sponsorship import sponsorship_summary

    cnd = load_committee("CND")  # 53 members (its profile); NMUN•NY lists no seats for it
    summary = sponsorship_summary(WorkingPaper(sponsors=["Brazil"]), cnd)
    assert summary["required"] == 11  # 20% of 53, rounded up


def test_a_partial_roster_makes_nobody_a_non_member(tmp_path):
    """Only the permanent five known (or no roster at all): elected members are not errors."""
    p = paper("Brazil, Viet Nam", "China, Denmark, Palau", committee="Security Council")
    five = profile(tmp_path, "code: p\nname: Partial\nthreshold: {value: 2}\ncommittees:\n"
                             "  SC: {roster: [China, France, Russian Federation, United Kingdom, "
                             "United States]}\n")
    assert "SPO007" not in codes(p, committee=SC, conference=five)
    assert not any(e.non_member for e in analyse(p, SC, five).entries)
    add(p, "Mexico", "signatory", conference=five, committee="SC")  # not refused either
    assert "Mexico" in p.signatories
    none = profile(tmp_path, "code: n\nname: None\nthreshold: {value: 2}\n")
    assert "SPO007" not in codes(p, committee=SC, conference=none)
    # the full fifteen still decide
    full = profile(tmp_path, "code: f\nname: Full\nthreshold: {value: 2}\ncommittees:\n"
                             "  SC: {roster: [China, France, Russian Federation, United Kingdom, "
                             "United States, Algeria, Denmark, Greece, Guyana, Pakistan, Panama, "
                             "Republic of Korea, Sierra Leone, Slovenia, Somalia]}\n")
    non = [d for d in findings(p, committee=SC, conference=full) if d.code == "SPO007"]
    assert sorted(d.message.split(" is")[0] for d in non) == ["Brazil", "Mexico", "Palau", "Viet Nam"]
