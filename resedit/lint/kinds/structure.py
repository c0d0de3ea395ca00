"""Structure kinds: header fields, the organ's opening line, and the parts of the paper."""
from __future__ import annotations

import re

from resedit.formats.text import clause_ending
from resedit.lint.engine import Hit
from resedit.lint.kinds.base import Kind, where
from resedit.model import Location

_FIELD_LABELS = {"code": "Code", "committee": "Committee", "topic": "Topic"}


def header_field(rule, ctx):
    name = rule.params["field"]
    if not getattr(ctx.paper, name).strip():
        yield Hit(Location(part="header", line=1), {"field": _FIELD_LABELS.get(name, name)})


def _organ(text: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", text.strip().rstrip(",:;. "), flags=re.I).lower().split())


def opening_line(rule, ctx):
    if not ctx.paper.opening:
        yield Hit(Location(part="document", line=None), {"opening": ctx.committee.opening + ","},
                  [ctx.committee.opening + ","])


def opening_committee(rule, ctx):
    paper, committee = ctx.paper, ctx.committee
    if paper.opening and _organ(paper.opening) != _organ(committee.opening):
        yield Hit(Location(part="document", line=paper.lines.get("opening")),
                  {"found": paper.opening, "expected": committee.opening + ",",
                   "committee": committee.code}, [committee.opening + ","])


def empty_part(rule, ctx):
    part = rule.params["part"]
    if not ctx.paper.part(part):
        yield Hit(Location(part="document"), {"part": part})


def preamble_after_operative(rule, ctx):
    """An unnumbered, comma-ended paragraph among the operative ones reads as preambular."""
    for position, clause in enumerate(ctx.paper.operative, start=1):
        if clause.label is None and not clause.children and clause_ending(clause.text) == ",":
            yield Hit(where("operative", position, (), clause))


KINDS = {
    "header-field": Kind(header_field, params=("field",), required=("field",)),
    "opening-line": Kind(opening_line),
    "opening-committee": Kind(opening_committee),
    "empty-part": Kind(empty_part, params=("part",), required=("part",)),
    "part-order": Kind(preamble_after_operative),
    "unused-suppression": Kind(lambda rule, ctx: ()),  # the engine itself reports these
}
