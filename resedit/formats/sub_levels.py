"""Where a lettered paragraph goes: the sub-clause levels of an operative or preambular clause.

The UN's degrees are (a), (i), a., i. (UN Editorial Manual); delegates also type a) and i). A style
already open at some depth is a sister there; a new style opens a level below.
"""
from __future__ import annotations

from resedit.formats.labels import is_letter, is_roman, label_value
from resedit.model import Clause


def deepest(clause: Clause) -> Clause:
    return deepest(clause.children[-1]) if clause.children else clause


_UN_STYLES = ("alpha()", "roman()", "alpha.", "roman.")


def nest(top: Clause, stack: list[tuple[str, Clause]], clause: Clause, para) -> None:
    """Place a lettered paragraph: a style already open is a sibling level, a new style nests."""
    alphabetic = _is_alphabetic(para, stack)
    style = ("alpha" if alphabetic else "roman") + para.delim
    clause.label = para.token
    for depth, (open_style, _) in enumerate(stack):
        # An unlettered item (its letter lost in extraction) stands for the UN style of its depth.
        if open_style == style or (open_style == "plain" and style == _UN_STYLES[depth % 4]):
            del stack[depth:]
            break
    parent = stack[-1][1] if stack else top
    parent.children.append(clause)
    stack.append((style, clause))


def _is_alphabetic(para, stack: list[tuple[str, Clause]]) -> bool:
    """Is a label that could be either ("i", "v", "x", "c", "ii" ...) a letter or a numeral?

    A letter when it follows the letter before it at an open level ("(i)" after "(h)"); a numeral
    when it follows the numeral before it ("(v)" after "(iv)") or starts a list ("(i)"); otherwise
    a single character is a letter ("(c)" after "(a)" is a skipped letter, not 100).
    """
    token = para.token
    if not is_roman(token):
        return True
    for style, clause in stack:
        label = clause.label
        if not label or style not in ("alpha" + para.delim, "roman" + para.delim):
            continue
        if style.startswith("alpha") and is_letter(label) and is_letter(token) \
                and label_value(token, True) == label_value(label, True) + 1:
            return True
        if style.startswith("roman") and is_roman(label) \
                and label_value(token, False) == label_value(label, False) + 1:
            return False
    return token != "i" and len(token) == 1
