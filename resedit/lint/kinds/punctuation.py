"""Punctuation kinds: how each clause, sub-clause and the opening line must end (UN style).

Preambular paragraphs end with a comma, operative ones with a semicolon and the last with a full
stop; a paragraph that introduces sub-paragraphs ends with a colon, and its last sub-paragraph
carries the ending the paragraph itself would have (UN Editorial Manual, DGACM: resolutions).
"""
from __future__ import annotations

from resedit.formats.text import clause_ending
from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, where
from resedit.model import Clause, Location

_NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon", "": "no punctuation"}


def _last_leaf(clause: Clause, path: tuple[int, ...] = ()) -> tuple[tuple[int, ...], Clause]:
    if not clause.children:
        return path, clause
    return _last_leaf(clause.children[-1], path + (len(clause.children) - 1,))


def _mark_span(text: str) -> tuple[int, int]:
    """Where the clause's final mark is (or, when it has none, the empty span where it goes):
    past trailing footnote numbers and closing quotes, as `clause_ending` reads it."""
    end = len(text.rstrip())
    i = end
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] in "”’\"')] "):
        i -= 1
    if i > 0 and text[i - 1] in ",;.:" and clause_ending(text):
        return i - 1, i
    return end, end


def _ending_hit(part, position, path, clause, expected):
    if not clause.text.strip():  # a clause just added in the editor: nothing to punctuate yet
        return None
    found = clause_ending(clause.text)
    if found != expected:
        start, end = _mark_span(clause.text)
        return Hit(where(part, position, path, clause, start=start, end=end),
                   {"found": _NAMES[found], "expected": _NAMES[expected]}, [expected])
    return None


def part_ending(rule, ctx):
    """Each top-level clause of a part (or its last sub-clause) ends with the part's mark.

    params: part (preamble|operative), which (all|not-last|last), mark.
    """
    part, which, mark = rule.params["part"], rule.params.get("which", "all"), rule.params["mark"]
    clauses = ctx.paper.part(part)
    for position, clause in enumerate(clauses, start=1):
        last = position == len(clauses)
        if (which == "last" and not last) or (which == "not-last" and last):
            continue
        path, leaf = _last_leaf(clause)
        hit = _ending_hit(part, position, path, leaf, mark)
        if hit:
            yield hit


def colon_before_subclauses(rule, ctx):
    for part, position, path, clause in ctx.paper.clauses():
        if clause.children:
            hit = _ending_hit(part, position, path, clause, ":")
            if hit:
                yield hit


def subclause_endings(rule, ctx):
    """Sub-clauses of one list end alike (all ';' or all ','), the last one aside."""
    for part, position, path, clause in ctx.paper.clauses():
        inner = clause.children[:-1]
        endings = [clause_ending(c.text) if not c.children else None for c in inner]
        counted = [e for e in endings if e is not None]
        if not counted:
            continue
        # The part's ending (operative ";", preamble ","), unless two or more sisters agree on
        # the other one; a tie goes to the part's ending.
        usual = ";" if part == "operative" else ","
        other = "," if usual == ";" else ";"
        if counted.count(other) >= 2 and counted.count(other) > counted.count(usual):
            usual = other
        for index, (child, ending) in enumerate(zip(inner, endings)):
            if ending is not None and ending != usual:
                hit = _ending_hit(part, position, path + (index,), child, usual)
                if hit:
                    yield hit


def opening_comma(rule, ctx):
    paper = ctx.paper
    if paper.opening and paper.preamble and not paper.opening.rstrip().endswith(","):
        yield Hit(Location(part="document", line=paper.lines.get("opening")),
                  {"opening": paper.opening}, [paper.opening.rstrip(" ;.:") + ","])


KINDS = {
    "part-ending": Kind(part_ending, params=("part", "which", "mark"), required=("part", "mark")),
    "colon-before-subclauses": Kind(colon_before_subclauses),
    "subclause-endings": Kind(subclause_endings),
    "opening-comma": Kind(opening_comma),
}
