"""Run rules over a paper. `lint` is a pure function of its inputs.

Each rule names a kind (resedit.lint.kinds.KINDS); the kind yields Hits, and the engine turns
them into Diagnostics with the rule's code, category, severity and message template. Kinds that
need the language model are skipped when no annotator is given, so structural rules can answer
at once while the model loads.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from resedit.committees import Committee
from resedit.lint.hit import Hit
from resedit.lint.rules import Rule
from resedit.model import Diagnostic, Location, WorkingPaper

UNUSED_SUPPRESSION = "unused-suppression"


@dataclass
class Context:
    paper: WorkingPaper
    committee: Committee
    annotator: object | None = None  # resedit.nlp.Annotator; None while the model is not loaded
    conference: object | None = None  # resedit.sponsorship Conference or its name; None: default
    present: int | None = None  # delegations present, when the dais has announced it
    memo: dict = field(default_factory=dict)  # per-run results kinds share (one analysis, ...)

    def annotate(self, text: str):
        if self.annotator is None:
            raise RuntimeError("this rule kind needs the language model")
        return self.annotator.annotate(text)


class _Blank(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _render(template: str, values: dict) -> str:
    return template.format_map(_Blank(values)) if template else ""


def matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in prefixes if p.strip())


def lint(paper: WorkingPaper, rules: Iterable[Rule], committee: Committee, annotator=None,
         select: Iterable[str] = (), ignore: Iterable[str] = (), conference=None,
         present: int | None = None, memo: dict | None = None) -> list[Diagnostic]:
    """`memo`: results the kinds share (e.g. the sponsorship analysis), given by a caller that
    reads them after the run (resedit.lint.pipeline) so nothing is computed twice."""
    from resedit.lint import memo as clause_memo

    # The cyclic collector is paused while a lint runs: a long paper's analyses are many small
    # objects without cycles, and each full collection walks them all (cost growing with length).
    with collector_paused(), clause_memo.run():  # the memo is sized to this paper: no thrashing
        return _lint(paper, rules, committee, annotator, select, ignore, conference, present, memo)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then as it was (nested blocks, or a caller
    that had it off already, leave it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _lint(paper, rules, committee, annotator, select, ignore, conference, present, memo):
    from resedit.lint.kinds import KINDS

    select, ignore = list(select), list(ignore)
    ctx = Context(paper=paper, committee=committee, annotator=annotator, conference=conference,
                  present=present, memo=memo if memo is not None else {})
    if annotator is not None:  # one batched parse for every clause the NLP kinds will ask about
        annotator.annotate_many([c.text for _, _, _, c in paper.clauses()])
    out: list[Diagnostic] = []
    used: set[tuple[str, str | None]] = set()
    suppress_rule = None
    ran: set[str] = set()
    for rule in rules:
        if (select and not matches(rule.id, select)) or matches(rule.id, ignore):
            continue
        if not rule.applies_to(committee.code):
            continue
        if rule.kind == UNUSED_SUPPRESSION:
            suppress_rule = rule
            continue
        kind = KINDS[rule.kind]
        if kind.needs_nlp and annotator is None:
            continue
        ran.add(rule.id)
        for hit in kind.run(rule, ctx):
            key = _suppressed_by(paper, rule.id, hit.location)
            if key is not None:
                used.add(key)
                continue
            out.append(_diagnostic(rule, hit))
    if suppress_rule is not None:
        for code, clause_id in paper.suppressions:
            # Only a rule that ran can prove its suppression unused (--select may skip it).
            if code in ran and (code, clause_id) not in used:
                where = paper.find(clause_id) if clause_id else None
                out.append(_diagnostic(suppress_rule, Hit(
                    Location(part="document", line=where.line if where else paper.lines.get("suppress")),
                    {"code": code})))
    return sorted(out, key=_order)


def _suppressed_by(paper: WorkingPaper, code: str, location: Location):
    for key in paper.suppressions:
        rule_code, clause_id = key
        if rule_code == code and (clause_id is None or clause_id == location.clause_id):
            return key
    return None


_PART_ORDER = {"header": 0, "document": 1, "sponsors": 2, "preamble": 3, "operative": 4}


def _order(d: Diagnostic):
    loc = d.location
    return (_PART_ORDER.get(loc.part, 9), loc.clause or 0, loc.subclause, loc.line or 0,
            loc.start or 0, d.code)


def _diagnostic(rule: Rule, hit: Hit) -> Diagnostic:
    loc = hit.location
    values = {"code": rule.id, "part": loc.part, "clause_no": loc.clause, **hit.values}
    suggestions = hit.suggestions or ([_render(rule.suggest, values)] if rule.suggest else [])
    return Diagnostic(code=rule.id, name=rule.name, category=rule.category,
                      severity=rule.severity, message=_render(rule.message, values),
                      location=hit.location, explain=rule.explain, suggestions=suggestions,
                      cite=rule.cite)
