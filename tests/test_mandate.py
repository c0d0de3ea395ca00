"""Mandate overreach (MAN rules): what a dais flags first, on real spaCy parses and real texts."""
from __future__ import annotations

import json

import pytest
from shared_data import CORPUS

from resedit.cli import main
from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules
from resedit.lint.kinds.mandate.checks import CHECKS
from resedit.lint.kinds.mandate.parse import quoted_spans

OVERREACH = {  # clause -> the rule that must flag it
    "Decides that Member States shall criminalize trafficking in persons for the purpose of organ removal;": "MAN001",
    "Requires all States to establish national referral mechanisms for victims of trafficking;": "MAN002",
    "Imposes legally binding obligations on Member States to report annually on trafficking cases;": "MAN003",
    "Decides to impose sanctions on States that fail to cooperate in extradition;": "MAN004",
    "Authorizes the deployment of a peacekeeping force to border regions affected by trafficking;": "MAN005",
    "Provides technical assistance directly to Member States in reforming their criminal justice systems;": "MAN006",
    "Decides to allocate 10 million United States dollars from the regular budget of the United Nations to victim support;": "MAN007",
    "Adopts the Convention against Trafficking in Human Organs and opens it for signature;": "MAN008",
    "Reforms the Security Council by adding a permanent seat for each regional group;": "MAN009",
    "Instructs the United Nations Office on Drugs and Crime to report on progress at the thirty-fifth session;": "MAN010",
}
LEGITIMATE = [
    "Decides to establish an open-ended intergovernmental expert group on trafficking in human organs;",
    "Decides to include in the provisional agenda of its thirty-fifth session an item on trafficking in persons for the purpose of organ removal;",
    "Requests the United Nations Office on Drugs and Crime to provide technical assistance to Member States, upon request, in reforming their criminal justice systems;",
    "Recommends that the Economic and Social Council adopt the draft resolution annexed to the present resolution;",
    "Calls upon Member States to consider criminalizing trafficking in persons for the purpose of organ removal;",
    "Urges Member States to impose effective, proportionate and dissuasive sanctions on traffickers;",
    "Condemns trafficking in persons in all its forms;",
    "Recalls that article 5 of the Protocol provides that “each State Party shall adopt such legislative and other measures as may be necessary to establish as criminal offences” the conduct set forth in its article 3;",
    "Decides that its intersessional meetings shall be open to all Member States and observers;",
    "Approves the budget of the United Nations Crime Prevention and Criminal Justice Fund for the biennium 2026-2027.",
]


def _paper_text() -> str:
    clauses = list(OVERREACH) + LEGITIMATE
    # interleave so a look-alike sits next to each overreach clause
    order = [c for pair in zip(clauses[:10], clauses[10:]) for c in pair]
    body = "\n\n".join(f"{i}. {c[:-1]}{';' if i < len(order) else '.'}" for i, c in enumerate(order, 1))
    return ("Code: CCPCJ/1/1\nCommittee: Commission on Crime Prevention and Criminal Justice\n"
            "Topic: Trafficking in persons for the purpose of organ removal\n"
            "Sponsors: Brazil, Viet Nam\n\n"
            "The Commission on Crime Prevention and Criminal Justice,\n\n"
            "Recalling the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
            "Especially Women and Children,\n\n" + body + "\n"), order


@pytest.fixture(scope="module")
def mandate_rules():
    return [r for r in load_rules() if r.category == "mandate"]


def test_ten_overreach_clauses_and_ten_look_alikes(annotator, mandate_rules):
    text, order = _paper_text()
    paper = read_text(text)
    committee = load_committee("CCPCJ")
    found = lint(paper, mandate_rules, committee, annotator=annotator)
    flagged = {order[d.location.clause - 1]: d for d in found}
    assert len(found) == 10, [(d.code, order[d.location.clause - 1]) for d in found]
    for clause, code in OVERREACH.items():
        d = next(d for c, d in flagged.items() if c[:-1] == clause[:-1])
        assert d.code == code, (clause, d.code)
        assert d.category == "mandate"
        assert d.severity == ("warning" if code == "MAN010" else "error")
        assert d.cite, code
        cannot = committee.cannot(committee.overreach(_construction(code, mandate_rules))["cannot"])
        assert cannot["cite"] in d.message and cannot["text"][:40] in d.message
        assert d.suggestions and d.suggestions[0] in d.message
        # the suggestion replaces the flagged words; the result reads on from them
        fixed = paper.operative[d.location.clause - 1].text
        fixed = fixed[:d.location.start] + d.suggestions[0] + fixed[d.location.end:]
        assert fixed != paper.operative[d.location.clause - 1].text


def _construction(code, rules):
    return next(r.params["construction"] for r in rules if r.id == code)


def test_suggestions_are_in_mandate_rewordings(annotator, mandate_rules):
    text, order = _paper_text()
    paper = read_text(text)
    found = {d.code: (paper.operative[d.location.clause - 1].text, d)
             for d in lint(paper, mandate_rules, load_committee("CCPCJ"), annotator=annotator)}

    def applied(code):
        clause, d = found[code]
        return clause[:d.location.start] + d.suggestions[0] + clause[d.location.end:]

    assert applied("MAN001").startswith("Calls upon Member States to criminalize trafficking")
    assert applied("MAN002").startswith("Calls upon all States to establish")
    assert applied("MAN004").startswith("Recommends that the Security Council consider whether to impose sanctions")
    assert applied("MAN006").startswith("Requests the United Nations Office on Drugs and Crime to provide technical assistance directly")
    assert applied("MAN007").startswith("Recommends that the General Assembly allocate 10 million")
    assert applied("MAN008").startswith("Recommends, through the Economic and Social Council, that the General Assembly adopt the Convention")
    assert applied("MAN010").startswith("Requests the United Nations Office on Drugs and Crime to report")


def test_check_cli_reports_exactly_the_ten(tmp_path, capsys):
    text, order = _paper_text()
    path = tmp_path / "overreach.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["check", str(path), "--committee", "CCPCJ", "--format", "json", "--select", "MAN"])
    doc = json.loads(capsys.readouterr().out)
    diagnostics = doc["files"][0]["diagnostics"]
    assert code == 1 and doc["files"][0]["committee"] == "CCPCJ"
    assert sorted(d["code"] for d in diagnostics) == sorted(OVERREACH.values())
    flagged = {order[d["location"]["clause"] - 1][:-1] for d in diagnostics}
    assert flagged == {c[:-1] for c in OVERREACH}
    for d in diagnostics:
        assert d["suggestions"] and "(" in d["message"] and "Its mandate:" in d["message"]


def test_same_paper_under_the_security_council(annotator, mandate_rules):
    """Body-aware: the Council may bind, sanction, use force, adopt a text about itself and
    instruct; committing the regular budget (Charter Art. 17) is still flagged."""
    text, order = _paper_text()
    paper = read_text(text)
    found = lint(paper, mandate_rules, load_committee("SC"), annotator=annotator)
    assert {d.code for d in found} == {"MAN007"}
    assert "Article 17" in next(d.message for d in found if d.code == "MAN007")


@pytest.mark.corpus
def test_security_council_text_under_ccpcj_and_under_sc(annotator, mandate_rules):
    paper = read_paper(CORPUS / "un_S_RES_2139_2014.txt")
    demanding = [i for i, c in enumerate(paper.operative, 1) if "demand" in c.text.lower()]
    assert len(demanding) >= 9  # the corpus text has nine clauses that demand
    under_ccpcj = lint(paper, mandate_rules, load_committee("CCPCJ"), annotator=annotator)
    flagged = {d.location.clause for d in under_ccpcj if d.code == "MAN002" and not d.location.subclause}
    assert set(demanding) <= flagged, (set(demanding) - flagged)
    assert all(d.severity == "error" for d in under_ccpcj if d.code == "MAN002")
    # clauses that only call upon, urge, request or condemn are not flagged
    for i, c in enumerate(paper.operative, 1):
        if "demand" not in c.text.lower() and "decide" not in c.text.lower():
            assert i not in {d.location.clause for d in under_ccpcj}, c.text[:80]
    under_sc = lint(paper, mandate_rules, load_committee("SC"), annotator=annotator)
    assert under_sc == []


def test_security_council_binding_decision_flagged_under_ccpcj(annotator, mandate_rules):
    """The Council's typical binding 'Decides that all States shall' (S/RES/2139 itself has only
    'Decides to remain actively seized', which is procedural and passes)."""
    text = ("The Security Council,\n\nRecalling its resolutions,\n\n"
            "1. Decides that all States shall prevent the direct or indirect supply of arms to the parties;\n\n"
            "2. Decides to remain actively seized of the matter.\n")
    paper = read_text(text)
    ccpcj = lint(paper, mandate_rules, load_committee("CCPCJ"), annotator=annotator)
    assert [(d.code, d.location.clause) for d in ccpcj] == [("MAN001", 1)]
    assert lint(paper, mandate_rules, load_committee("SC"), annotator=annotator) == []


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["un_A_RES_80_1.txt", "un_A_RES_80_6.txt"])
def test_general_assembly_shall_not_flagged_under_ga(name, annotator, mandate_rules):
    paper = read_paper(CORPUS / name)
    shall = [c for _, _, _, c in paper.clauses() if " shall " in f" {c.text} "]
    assert shall, "the corpus text uses 'shall'"
    found = lint(paper, mandate_rules, load_committee("GA"), annotator=annotator)
    assert found == [], [(d.code, d.message[:120]) for d in found]


def test_sub_clauses_act_for_whom_the_parent_says(annotator, mandate_rules):
    text = ("The Commission on Crime Prevention and Criminal Justice,\n\nRecalling its resolution 27/2,\n\n"
            "1. Urges Member States to:\n\n    (a) Impose effective sanctions on traffickers;\n\n"
            "    (b) Provide training to judges;\n\n"
            "2. Decides to:\n\n    (a) Impose sanctions on States that do not cooperate;\n\n"
            "    (b) Convene an expert group meeting;\n\n"
            "3. Urges Member States to:\n\n    (a) Establish programmes on:\n\n"
            "        (i) Imposing sanctions on traffickers;\n\n"
            "4. Decides that Member States shall:\n\n    (a) Criminalize trafficking;\n\n"
            "    (b) Report annually.\n")
    paper = read_text(text)
    found = lint(paper, mandate_rules, load_committee("CCPCJ"), annotator=annotator)
    assert [(d.code, d.location.clause, d.location.subclause) for d in found] == [
        ("MAN004", 2, (0,)), ("MAN001", 4, ())]
    assert found[1].suggestions[0] == "Calls upon Member States to"
    assert paper.operative[3].text[found[1].location.start:found[1].location.end] == \
        "Decides that Member States shall"


def test_demands_is_not_overreach_for_the_general_assembly_profile(annotator, mandate_rules):
    paper = read_text("The General Assembly,\n\nRecalling its resolutions,\n\n"
                      "1. Demands that all parties immediately cease hostilities.\n")
    assert lint(paper, mandate_rules, load_committee("GA"), annotator=annotator) == []
    assert [d.code for d in lint(paper, mandate_rules, load_committee("HRC"), annotator=annotator)] == ["MAN002"]


def test_every_mandate_rule_names_a_construction_and_carries_mandate_text(mandate_rules):
    assert [r.id for r in mandate_rules] == [f"MAN{n:03d}" for n in range(1, 17)]
    for rule in mandate_rules:
        assert rule.params["construction"] in CHECKS
        assert '"' in rule.cite and ("guide" in rule.cite or "Charter" in rule.cite), rule.id
        assert "{quote}" in rule.message and "{source}" in rule.message
    assert {r.params["construction"] for r in mandate_rules} == set(CHECKS)


def test_quoted_spans():
    text = 'Recalls that “States shall act” and "parties must" but Member States’ laws'
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ["“States shall act”", '"parties must"']


def test_explain_shows_the_mandate_text(capsys):
    """`resedit explain MANnnn` prints the rule's cite."""
    code = main(["explain", "MAN006"])
    out = capsys.readouterr().out
    assert code == 0
    assert "directly provide technical" in " ".join(out.split())


@pytest.mark.parametrize("code", ["CCPCJ", "SC", "GA", "GA3", "ECOSOC", "CND", "HRC"])
def test_each_profile_checks_exactly_the_constructions_it_lists(code, annotator, mandate_rules):
    """The rules' own fail examples, linted under every profile: a construction the profile lists
    fires on at least one of them; one it does not list never fires."""
    from resedit.lint.examples import example_paper

    committee = load_committee(code)
    for rule in mandate_rules:
        examples = [e for e in rule.examples["fail"] if isinstance(e, str)]
        fired = 0
        for example in examples:
            paper, _ = example_paper(rule, example)
            fired += bool(lint(paper, [rule], committee, annotator=annotator))
        listed = committee.overreach(rule.params["construction"]) is not None
        assert (fired > 0) == listed, (code, rule.id, fired)


def test_sub_clauses_of_decides_that_are_the_decision(annotator, mandate_rules):
    text = ("The Commission on Crime Prevention and Criminal Justice,\n\nRecalling its resolution 27/2,\n\n"
            "1. Decides that:\n\n    (a) Member States shall criminalize trafficking;\n\n"
            "    (b) The expert group shall meet once a year;\n\n"
            "2. Further decides, in accordance with its mandate, that:\n\n"
            "    (a) Viet Nam shall host the next meeting;\n\n"
            "    (b) The State of Palestine may submit a statement.\n")
    paper = read_text(text)
    found = lint(paper, mandate_rules, load_committee("CCPCJ"), annotator=annotator)
    assert [(d.code, d.location.clause, d.location.subclause, d.suggestions) for d in found] == [
        ("MAN001", 1, (0,), ["Member States are encouraged to"]),
        ("MAN001", 2, (0,), ["Viet Nam is encouraged to"])]
    assert lint(paper, mandate_rules, load_committee("SC"), annotator=annotator) == []


# Overreach clauses in varied word orders (the MAN rules' own fail examples are added below):
# the one-key fix must read as English.
REWORD = [
    "Demands that Member States cease trafficking immediately.",
    "Demands that all States cease cybercrime immediately.",
    "Demands that all States cease cybercrime.",
    "Strongly demands that Member States cease trafficking immediately.",
    "Demands that Member States immediately cease trafficking.",
    "Demands immediately that all States cease cybercrime.",
    "Demands, in the strongest terms, that Member States cease trafficking.",
    "Demands that Member States shall cease trafficking.",
    "Demands that Member States should end impunity for traffickers.",
    "Demands that States parties adopt legislation without delay.",
    "Demands that the Government of Syria allow humanitarian access.",
    "Demands that the Government ceases all attacks on civilians.",
    "Demands that all parties concerned respect international humanitarian law.",
    "Demands that the violence stop.",
    "Requires that Member States adopt legislation against trafficking.",
    "Decides that Member States shall cease trafficking immediately.",
    "Decides that all States shall criminalize cybercrime immediately.",
    "Demands that, in accordance with national law, Member States cease trafficking.",  # "Urges that"
    "Adopts the Convention against Trafficking in Human Organs and opens it for signature.",
]


def _man_fail_examples(rules):
    out = []
    for rule in rules:
        for example in rule.examples.get("fail") or []:
            text = example["text"] if isinstance(example, dict) else example
            code = example.get("committee", "CCPCJ") if isinstance(example, dict) else "CCPCJ"
            if "\n" not in text:
                out.append((text, code))
    return out


def _one_clause(text: str, code: str):
    committee = load_committee(code)
    paper = read_text(f"Code: {committee.code}/1/1\nCommittee: {committee.name}\nTopic: T\n"
                      f"Sponsors: Brazil, Viet Nam\n\n{committee.opening},\n\n"
                      f"Recalling its resolution 27/2 of 18 May 2018,\n\n1. {text}\n")
    return paper, committee


def test_each_suggestion_applied_reads_as_english_and_clears_the_finding(annotator, mandate_rules):
    import re

    cases = [(t, "CCPCJ") for t in REWORD] + _man_fail_examples(mandate_rules)
    checked = 0
    for text, code in cases:
        paper, committee = _one_clause(text, code)
        clause = paper.operative[0].text
        found = [d for d in lint(paper, mandate_rules, committee, annotator=annotator)
                 if d.location.part == "operative"]
        assert found, (text, code)
        for d in found:
            assert d.suggestions, (text, d.code)
            s = d.suggestions[0]
            fixed = clause[:d.location.start] + s + clause[d.location.end:]
            # the rewording neither keeps a 'that' before its own "to" ("Calls upon that X cease
            # to"; "consider whether to" is fine) nor leaves one after "for"/"upon"
            assert not re.search(r"\bthat\b(?:(?!\bwhether to\b)[^,;.])*?\bto\b", s.lower()), (text, s)
            assert not re.search(r"\b(for|upon) that\b", fixed.lower()), (text, fixed)
            assert not re.search(r"\bto \w+ to\b", s), (text, s)
            assert "  " not in fixed and not fixed.startswith(" "), (text, fixed)
            again, _ = _one_clause(fixed, code)
            codes = {x.code for x in lint(again, mandate_rules, committee, annotator=annotator)}
            assert d.code not in codes, (text, fixed, codes)
            checked += 1
    assert checked >= len(cases)


def test_demands_that_is_reworded_whole(annotator, mandate_rules):
    for text, want in [
        ("Demands that Member States cease trafficking immediately.",
         "Calls upon Member States to cease trafficking immediately."),
        ("Demands that all States cease cybercrime immediately.",
         "Calls upon all States to cease cybercrime immediately."),
        ("Demands that all States cease cybercrime.", "Calls upon all States to cease cybercrime."),
        ("Demands that the Government ceases all attacks.", "Calls upon the Government to cease all attacks."),
        ("Demands that the violence stop.", "Calls for the violence to stop."),
    ]:
        paper, committee = _one_clause(text, "CCPCJ")
        (d,) = [d for d in lint(paper, mandate_rules, committee, annotator=annotator)
                if d.code == "MAN002"]
        clause = paper.operative[0].text
        assert clause[:d.location.start] + d.suggestions[0] + clause[d.location.end:] == want


def test_mandate_modules_stay_under_400_lines():
    from pathlib import Path

    import resedit.lint.kinds.mandate as package

    for module in Path(package.__file__).parent.glob("*.py"):
        lines = module.read_text(encoding="utf-8").count("\n")
        assert lines < 400, (module.name, lines)
