"""Does a line start a clause, or continue the one before it?

Hard-wrapped text and Word files with one paragraph per line break clauses anywhere, often before a
capital ("Proceeds of Crime and the Financing of Terrorism;", "United Nations entities"). So the
reader decides from the words, not from capitalisation: a line starts a clause only when it starts
like one, with an operative number, a letter item, the organ's line or an opener.

An opener is *listed* when its first word (after an adverb such as "Further") opens a phrase in
lexicon/preambulatory.txt or lexicon/operative.txt, or *formed* like one: a capitalised word in
-ing, -ed or -s followed by a lower-case word that is not "of"/"and" ("Underlining that",
"Proceeds of" is not). A listed opener is trusted even after a line that ends open; a formed one
only after a line that ends a clause (",", ";", ".", ":").
"""
from __future__ import annotations

import re
from functools import lru_cache

from resedit.formats.labels import parse_number, parse_sub

ORGAN_LINE = re.compile(r"^The\s+[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,11},$")
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
# Capitalised words in -ed/-s that begin names and plain noun phrases, never an opener.
_NOT_OPENERS = frozenset({"united", "states", "nations", "parties", "rights", "affairs", "members",
                          "arms", "means", "news", "headquarters", "series", "crisis", "basis"})
_NOT_SECOND = frozenset({"of", "and", "or", "nations", "states"})


@lru_cache(maxsize=1)
def _listed() -> tuple[frozenset[str], frozenset[str]]:
    """First words of the listed openers, and the adverbs that may come before them."""
    from resedit.lexicon import OPENER_ADVERBS, phrases

    firsts = {p.split()[0].lower() for part in ("preamble", "operative") for p in phrases(part)}
    return frozenset(firsts - OPENER_ADVERBS), OPENER_ADVERBS


def _formed(word: str, following: str) -> bool:
    low = word.lower()
    if low in _NOT_OPENERS or not following or not following[:1].islower():
        return False
    if following.lower() in _NOT_SECOND:
        return False
    return low.endswith(("ing", "ed", "es", "s")) and len(low) > 4


def opener_strength(line: str) -> str:
    """'listed', 'formed' or '' for the opening words of `line`."""
    words = _WORD.findall(line[:80])
    if not words or not words[0][:1].isupper() or not line[:1].isalpha():
        return ""
    firsts, adverbs = _listed()
    index = 0
    while index < len(words) - 1 and words[index].lower() in adverbs and index < 2:
        index += 1
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if word.lower() in firsts and following.lower() not in _NOT_SECOND:
        return "listed"
    return "formed" if _formed(word, following) else ""


def starts_clause(line: str, previous_closed: bool) -> bool:
    """Would `line` begin a new clause after a line that ends a clause (or not)?"""
    if parse_number(line) or parse_sub(line) or ORGAN_LINE.match(line):
        return True
    strength = opener_strength(line)
    return strength == "listed" or (strength == "formed" and previous_closed)
