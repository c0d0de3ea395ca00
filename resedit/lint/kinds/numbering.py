"""Numbering kinds: operative numbers as typed (1..n, no gaps or duplicates) and sub-clause letters.

Findings compare what was typed with the clause's position; the writer renumbers on save, so the
suggestion is always the right number or letter.
"""
from __future__ import annotations

from resedit.formats.labels import is_letter, is_roman, label_value, sub_label
from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, where


def operative_numbers(rule, ctx):
    """params.check: missing | sequence | duplicate."""
    check = rule.params["check"]
    clauses = ctx.paper.operative
    seen: set[int] = set()
    previous = 0
    for position, clause in enumerate(clauses, start=1):
        if clause.label is None or not clause.label.isdigit():
            # A lone operative paragraph is unnumbered in UN style (GA 80/9).
            if check == "missing" and len(clauses) > 1:
                yield Hit(where("operative", position, (), clause), {"expected": previous + 1},
                          [f"{previous + 1}."])
            previous += 1
            continue
        number = int(clause.label)
        if check == "duplicate" and number in seen:
            yield Hit(where("operative", position, (), clause), {"found": number})
        elif check == "sequence" and number not in seen and number != previous + 1:
            problem = "skips " + (f"{previous + 1}" if number == previous + 2
                                  else f"{previous + 1} to {number - 1}") if number > previous else "is out of order"
            yield Hit(where("operative", position, (), clause),
                      {"found": number, "expected": previous + 1, "problem": problem},
                      [f"{previous + 1}."])
        seen.add(number)
        previous = number


def subclause_letters(rule, ctx):
    """Typed letters follow (a), (b) ... at the first level, (i), (ii) ... at the second.

    Lists where some items lost their letter (PDF extraction) are not judged: the position of a
    lettered item among unlettered ones says nothing.
    """
    for part, position, path, clause in ctx.paper.clauses():
        children = clause.children
        if not children or any(c.label is None for c in children):
            continue
        depth = len(path) + 1
        alphabetic = (depth - 1) % 2 == 0
        for index, child in enumerate(children):
            token = child.label
            expected = sub_label(depth, index).strip("().")
            ok_kind = is_letter(token) if alphabetic else is_roman(token)
            if not ok_kind or label_value(token, alphabetic) != index:
                yield Hit(where(part, position, path + (index,), child),
                          {"found": token, "expected": expected}, [sub_label(depth, index)])


KINDS = {
    "operative-numbers": Kind(operative_numbers, params=("check",), required=("check",)),
    "subclause-letters": Kind(subclause_letters),
}
