"""Clause labels: operative numbers and sub-clause letters, read as written and written as the UN does.

The UN's sub-paragraph degrees are (a), (i), a., i. (UN Editorial Manual). Delegates also type a) and
i). "(i)" is a letter when it follows "(h)", a numeral otherwise; likewise v, x, l, c.
"""
from __future__ import annotations

import re

from resedit.model.diagnostic import letter, roman
from resedit.model.paper import WorkingPaper

NUMBER = re.compile(r"^(\d{1,3})\s*[.)](?:\s+(?P<rest>\S.*))?$|^(\d{1,3})$")
SUB = re.compile(r"^(?:\((?P<p>[a-z]{1,3})\)|(?P<d>[a-z]{1,3})\.|(?P<c>[a-z]{1,3})\))\s+(?P<rest>\S.*)$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def is_roman(token: str) -> bool:
    return bool(token) and bool(_ROMAN.match(token))


def is_letter(token: str) -> bool:
    return len(set(token)) == 1 and token.isalpha()


def letter_index(token: str) -> int:
    return (len(token) - 1) * 26 + ord(token[0]) - ord("a")


def roman_value(token: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(token, token[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def parse_number(line: str) -> tuple[str, str] | None:
    """'3. Urges ...' -> ('3', 'Urges ...'); '3' alone -> ('3', '')."""
    m = NUMBER.match(line)
    if not m:
        return None
    return (m.group(1) or m.group(3)), (m.group("rest") or "")


def parse_sub(line: str) -> tuple[str, str, str] | None:
    """'(b) Strengthen ...' -> ('b', '()', 'Strengthen ...'); delimiters '()', '.', ')'."""
    m = SUB.match(line)
    if not m:
        return None
    for group, delim in (("p", "()"), ("d", "."), ("c", ")")):
        token = m.group(group)
        if token and (is_letter(token) or is_roman(token)):
            return token, delim, m.group("rest")
    return None


def sub_label(depth: int, index: int) -> str:
    """The label the UN writes at a sub-clause depth (1-based) and 0-based index."""
    cycle = (depth - 1) % 4
    if cycle == 0:
        return f"({letter(index)})"
    if cycle == 1:
        return f"({roman(index + 1)})"
    if cycle == 2:
        return f"{letter(index)}."
    return f"{roman(index + 1)}."


def label_value(token: str, alphabetic: bool) -> int:
    """0-based position a label claims: (c) -> 2, (iii) -> 2."""
    return letter_index(token) if alphabetic else roman_value(token) - 1


def label_for(part: str, position: int, path: tuple[int, ...]) -> str:
    if path:
        return sub_label(len(path), path[-1])
    return f"{position}." if part == "operative" else ""


def renumber(paper: WorkingPaper) -> None:
    """Set every clause's `label` to what its position gives ("3", "b", "ii").

    In the editor numbering is automatic, so the labels "as written" are the computed ones; the
    numbering rules then only see what the writers will emit. Labels are not content (they are
    excluded from equality), so this is not an edit.
    """
    for part, position, path, clause in paper.clauses():
        if not path:
            clause.label = str(position) if part == "operative" else None
        else:
            clause.label = sub_label(len(path), path[-1]).strip("().")
