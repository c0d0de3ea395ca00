"""Word morphology from lemminflect's dictionary, cached: which forms a word can be, and the form
an opener should take ("Urge" -> "Urges", "Recalls" -> "Recalling"). No model needed, so these
answers are cheap; the parse (resedit.nlp) settles what the dictionary leaves ambiguous.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict:
    from lemminflect import getAllLemmas  # imports spaCy's Token hooks: load on first use only

    return getAllLemmas(word.lower())


@lru_cache(maxsize=4096)
def _inflections(lemma: str) -> dict:
    from lemminflect import getAllInflections

    return getAllInflections(lemma)


def is_word(word: str) -> bool:
    """Known to the dictionary as some part of speech."""
    return bool(_lemmas(word))


def is_adjective(word: str) -> bool:
    return "ADJ" in _lemmas(word)


def verb_lemmas(word: str) -> set[str]:
    found = _lemmas(word)
    return set(found.get("VERB", ())) | set(found.get("AUX", ()))


def has_form(word: str, tag: str) -> bool:
    """Can `word` be the `tag` (VB, VBZ, VBG, VBD, VBN) form of one of its verb lemmas?"""
    low = word.lower()
    return any(low in _inflections(lemma).get(tag, ()) for lemma in verb_lemmas(low))


def lemma(word: str) -> str:
    lemmas = sorted(verb_lemmas(word))
    return lemmas[0] if lemmas else word.lower()


def inflect(word: str, tag: str) -> str:
    """`word` re-inflected as `tag`, in the case of the original ("Urging", "VBZ" -> "Urges")."""
    for lem in sorted(verb_lemmas(word)) or [word.lower()]:
        forms = _inflections(lem).get(tag)
        if forms:
            new = forms[0]
            return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return word
