"""UN house spelling of one word: the replacements in lexicon/spelling.yaml and Oxford -ize for
-ise. Used by the style rules (resedit.lint.kinds.style) and by the spelling check
(resedit.lint.spelling), which must not flag a word this module corrects.
"""
from __future__ import annotations

import re

from resedit import lexicon
from resedit.lint import morph

_ISE = re.compile(r"^(?P<stem>[a-z]{2,})is(?P<suffix>e|es|ed|ing|ation|ations|ational|er|ers)$")


def case_like(model: str, new: str) -> str:
    if model.isupper() and len(model) > 1:
        return new  # "OK" -> "acceptable": an all-caps entry says nothing about sentence case
    return new[:1].upper() + new[1:] if model[:1].isupper() else new


def un_spelling(word: str) -> str | None:
    low = word.lower()
    rules = lexicon.spelling()
    if low in rules.replacements:
        return case_like(word, rules.replacements[low])
    m = _ISE.match(low)
    if not m or m.group("stem") + "ise" in rules.ise_exceptions:
        return None
    stem = m.group("stem")
    candidate = stem + "iz" + m.group("suffix")
    return case_like(word, candidate) if morph.is_word(candidate) or _productive(stem) else None


def _productive(stem: str) -> bool:
    """The dictionary lacks many -ize verbs ("criminalize"); the suffix is productive unless
    -ise belongs to the root: after a vowel (raise, noise) or in -cise, -prise, -vise, -guise,
    -spise, -chise, -wise (exercise, surprise, revise ...). Other root -ise words are listed in
    lexicon/spelling.yaml."""
    return len(stem) >= 4 and not stem.endswith(("a", "e", "i", "o", "u", "w", "c", "pr", "v",
                                                 "gu", "sp", "ch"))
