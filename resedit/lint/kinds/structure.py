"""Structure kinds: header fields, the organ's opening line, and the parts of the paper."""
from __future__ import annotations

from resedit.committees import all_committees
from resedit.formats.text import clause_ending
from resedit.lint.body import header_disagrees, named_in_header, opens_for
from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, where
from resedit.model import Location

_FIELD_LABELS = {"code": "Code", "committee": "Committee", "topic": "Topic"}


def header_field(rule, ctx):
    name = rule.params["field"]
    if not getattr(ctx.paper, name).strip():
        yield Hit(Location(part="header", line=1), {"field": _FIELD_LABELS.get(name, name)})


def opening_line(rule, ctx):
    if not ctx.paper.opening:
        yield Hit(Location(part="document", line=None), {"opening": ctx.committee.opening + ","},
                  [ctx.committee.opening + ","])


def opening_committee(rule, ctx):
    paper, committee = ctx.paper, ctx.committee
    disagreement = header_disagrees(paper)
    if disagreement is not None and disagreement[0] == committee:
        return  # header_opening says it once (STR012)
    if paper.opening and not opens_for(paper, committee):
        yield Hit(Location(part="document", line=paper.lines.get("opening")),
                  {"found": paper.opening, "expected": committee.opening + ",",
                   "committee": committee.code}, [committee.opening + ","])


def header_opening(rule, ctx):
    """The Committee: line and the opening line name two different known bodies."""
    disagreement = header_disagrees(ctx.paper)
    if disagreement is not None:
        header, opening = disagreement
        yield Hit(Location(part="header", line=ctx.paper.lines.get("committee")),
                  {"header": header.code, "opening": opening.code,
                   "committee": ctx.committee.code})


def unknown_committee(rule, ctx):
    """The Committee: line names a body no profile in lexicon/committees/ matches."""
    paper = ctx.paper
    if paper.committee.strip() and named_in_header(paper) is None:
        yield Hit(Location(part="header", line=paper.lines.get("committee")),
                  {"found": paper.committee.strip(), "committee": ctx.committee.code,
                   "known": ", ".join(sorted(all_committees()))})


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
    "header-opening": Kind(header_opening),
    "unknown-committee": Kind(unknown_committee),
    "empty-part": Kind(empty_part, params=("part",), required=("part",)),
    "part-order": Kind(preamble_after_operative),
    "unused-suppression": Kind(lambda rule, ctx: ()),  # the engine itself reports these
}
