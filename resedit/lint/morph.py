"""Word morphology from lemminflect's dictionary, cached: which forms a word can be, and the form
an opener should take ("Urge" -> "Urges", "Recalls" -> "Recalling"). No model needed, so these
answers are cheap; the parse (resedit.nlp) settles what the dictionary leaves ambiguous.
"""
from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _lemminflect():
    """lemminflect, loaded on first use. Its package imports spaCy, when it can, to add Token
    hooks that resedit does not use; where spaCy is not loaded already (the editor's process, whose
    model runs in the lint process) that import is kept out: it cost ~0.6 s and ~70 MB there."""
    if "spacy" in sys.modules:
        import lemminflect
        return lemminflect
    sys.meta_path.insert(0, _NoSpacy)  # `import spacy` raises ImportError, which lemminflect allows
    try:
        import lemminflect
    finally:
        sys.meta_path.remove(_NoSpacy)
    return lemminflect


class _NoSpacy:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "spacy":
            raise ModuleNotFoundError("spaCy is not loaded for lemminflect's hooks", name=name)
        return None


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict:
    return _lemminflect().getAllLemmas(word.lower())


@lru_cache(maxsize=4096)
def _inflections(lemma: str) -> dict:
    return _lemminflect().getAllInflections(lemma)


def is_word(word: str) -> bool:
    """Known to the dictionary as some part of speech."""
    return bool(_lemmas(word))


def lemmas(word: str) -> set[str]:
    """Every lemma `word` can be a form of, whatever its part of speech."""
    return {lem for found in _lemmas(word).values() for lem in found}


def forms(lemma: str) -> set[str]:
    """Every spelling the dictionary gives for the forms of `lemma`, the lemma included."""
    return {lemma} | {form for spellings in _inflections(lemma).values() for form in spellings}


def is_undoubled_variant(word: str, lemma: str) -> bool:
    """Is `word` a later spelling the dictionary lists for a form of `lemma` that writes once a
    consonant the first spelling doubles ("occured" beside "occurred", "refering")? Those are the
    slips among its variants; the others are real alternatives ("memoranda", "bureaux")."""
    low = word.lower()
    return any(low in spellings[1:] and _doubles(spellings[0], low)
               for spellings in _inflections(lemma).values() if spellings)


def _doubles(variant: str, standard: str) -> bool:
    """`variant` is `standard` with one consonant written twice ("labelled" for "labeled")."""
    return len(variant) == len(standard) + 1 and any(
        variant[i] == variant[i - 1] and variant[i] not in "aeiou" and variant[:i] + variant[i + 1:] == standard
        for i in range(1, len(variant)))


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
