"""A spelling check for clause text, offline: symspellpy's English frequency dictionary (82,765
words, shipped in that package) for what is a word and how likely, lemminflect for inflected forms,
the project's own lists (lexicon/) for UN words, State names, bodies and documents, and rapidfuzz
to find the known words within two edits of an unknown one. UN spelling (-ize, "programme",
"labour") is resedit.lint.kinds.style's un-spelling rule; a word it corrects is left to it.

A word is reported only when it is unknown and a known word lies within two edits of it: a typing
slip is close to the word meant, and a rare term is not close to anything, so this keeps a
technical term from being flagged without offering a likelier word. Capitalized words inside a
clause are names: one is reported only when it is one or two edits from a known name
("Lituania" -> "Lithuania").
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from resedit import lexicon
from resedit.lint import acronyms, morph
from resedit.paths import lexicon_dir

_DICTIONARY = "frequency_dictionary_en_82_765.txt"
_WORD = re.compile(r"(?<![\w'’\-\u2010\u2011])[A-Za-z]+(?:['’][A-Za-z]+)*")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|int|com|net)\b\S*")
_MIN_LENGTH = 4  # shorter words are rarely misspelt and their neighbours too many to suggest
MAX_SUGGESTIONS = 3


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    path = resources.files("symspellpy") / _DICTIONARY
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, count = line.partition(" ")
            out[word] = int(count)
    return out


@lru_cache(maxsize=1)
def project_words() -> frozenset[str]:
    """Lower-case words of the project's lists: UN words, States, bodies, documents, openers."""
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", text))

    for _, line in lexicon.word_lines("un_words.txt"):
        add(line)
    for _, line in lexicon.word_lines("member_states.tsv"):
        add(line.split("\t")[0])
    for _, line in lexicon.word_lines("state_variants.tsv"):
        add(line.split("\t")[-1])
    for path in sorted((lexicon_dir() / "committees").glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(name|opening|aliases|-)\b", line) and not line.lstrip().startswith("#"):
                add(line.partition(":")[2] if ":" in line else line)
    for doc in lexicon.documents().values():
        add(doc.title)
    for part in ("preamble", "operative"):
        words.update(lexicon.opener_words(part))
    words.update(a.lower() for a in lexicon.acronyms())
    return frozenset(words)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-case proper word -> as written: the words of State names and of the bodies' names."""
    out = {}
    for _, line in lexicon.word_lines("member_states.tsv"):
        for w in re.findall(r"[A-Za-z]+", line.split("\t")[0]):
            if w[:1].isupper():
                out[w.lower()] = w
    return out


# Prefixes UN English joins to words without a hyphen ("subparagraphs", "intersessional").
_PREFIXES = ("sub", "inter", "intra", "co", "non", "re", "pre", "post", "multi", "cross", "counter",
             "anti", "trans", "under", "over", "extra", "cyber", "socio", "macro", "micro")
_COMMON = 100_000  # how often (in the dictionary's counts) each half of a compound must occur
_FREQUENT = 5_000_000  # a suggestion lemminflect does not know must be at least this frequent
_VERY_COMMON = 20_000_000  # a word only lemminflect knows is a slip when one edit from one this common


def _listed(low: str) -> bool:
    return low in _frequencies() or low in project_words() or _inflected(low)


def _inflected(low: str) -> bool:
    """A form lemminflect gives of a word the frequency list or the project knows, through the
    lemma or any of its forms ("prioritizes", "demilitarize", "memoranda"), or a rare word only
    lemminflect knows ("truculence"). Its tables also hold slips: variant spellings ("occured"
    beside "occurred") and a few misspelt lemmas ("developement", one edit from a very common
    word); those are not words here."""
    counts, words = _frequencies(), project_words()
    for lemma in morph.lemmas(low):
        if morph.is_undoubled_variant(low, lemma):
            continue
        if lemma in words or any(f in counts for f in morph.forms(lemma)):
            return True
        if not any(counts.get(w, 0) >= _VERY_COMMON for w in _closest(low, 1)):
            return True
    return False


def known(word: str) -> bool:
    """A dictionary or project word, an inflection of one, a prefixed one ("subparagraphs"), or a
    closed compound of two common words ("roadmap", "peacebuilding") that is not a slip for a
    word within two edits ("publically" is "public" + "ally", but "publicly" was meant)."""
    low = word.lower()
    if _listed(low):
        return True
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4 and _listed(low[len(prefix):]):
            return True
    counts = _frequencies()
    halves = [min(counts.get(a, 0), counts.get(b, 0)) for a, b in ((low[:i], low[i:]) for i in range(3, len(low) - 2))
              if counts.get(a, 0) >= _COMMON and counts.get(b, 0) >= _COMMON and morph.is_word(a) and morph.is_word(b)]
    if not halves:
        return False
    # A slip, not a compound, when a word within two edits that starts as it does is more
    # frequent than the compound's rarer half (of its likeliest split): "publicly" (8 million)
    # against "ally" (3 million); "roadway" (2 million) is no rival for "road" and "map", nor is
    # "market" for "darknet" (slips seldom change the first letters).
    rarer_half = max(halves)
    return not any(counts.get(s.lower(), 0) > rarer_half for s in suggestions(word) if s.lower()[:3] == low[:3])


def prepare() -> None:
    """Load what the check needs (the word lists and lemminflect's tables, about a second) now
    rather than on the first unknown word: the editor does it on its warm-up thread, so that no
    key press waits for it."""
    _by_length()
    morph.is_word("prepare")  # lemminflect's tables: ~0.8 s of loading on first use


@lru_cache(maxsize=1)
def _by_length() -> dict[int, list[str]]:
    """The dictionary's and the project's words by length, for the search for close words."""
    out: dict[int, list[str]] = {}
    for word in sorted({*_frequencies(), *project_words()}):
        out.setdefault(len(word), []).append(word)
    return out


@lru_cache(maxsize=4096)
def _closest(low: str, limit: int) -> tuple[str, ...]:
    """The known words the fewest edits from `low`, at most `limit` (optimal string alignment: a
    swap of two letters is one edit), most frequent first: the same as symspell's lookup, with no
    index to build (symspell's took 2 s and 130 MB); rapidfuzz's C++ takes about 4 ms."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    best, found = limit + 1, []
    for length in range(len(low) - limit, len(low) + limit + 1):  # n edits change the length by n at most
        for word, distance, _ in process.extract(low, _by_length().get(length, ()), scorer=OSA.distance,
                                                 score_cutoff=limit, limit=None):
            if distance < best:
                best, found = distance, [word]
            elif distance == best:
                found.append(word)
    counts = _frequencies()
    return tuple(sorted(found, key=lambda w: (-counts.get(w, 1), w)))


def suggestions(word: str) -> list[str]:
    """The likeliest known words within two edits (fewest edits, then most frequent), UN-spelt."""
    from resedit.lint.house_spelling import un_spelling

    low = word.lower()
    limit = 1 if len(low) <= 5 else 2
    counts = _frequencies()
    out: list[str] = []
    # Among words as close, those ending as the typed word does: a slip seldom changes the ending
    # ("accidently" meant "accidentally", not the more frequent "accident").
    for found in sorted(_closest(low, limit), key=lambda w: not w.endswith(low[-2:])):
        if not (morph.is_word(found) or found in project_words() or counts.get(found, 0) >= _FREQUENT):
            continue  # the list's rarer entries include names and fragments ("ali")
        term = un_spelling(found) or found
        term = term[:1].upper() + term[1:] if word[:1].isupper() else term
        if term not in out and term.lower() != low:
            out.append(term)
    return out[:MAX_SUGGESTIONS]


def _name_suggestion(word: str) -> list[str]:
    from rapidfuzz import fuzz, process

    best = process.extractOne(word.lower(), list(_names()), scorer=fuzz.ratio, score_cutoff=85)
    return [_names()[best[0]]] if best and best[0] != word.lower() else []


def misspellings(text: str) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, word, suggestions) for each misspelt word of a clause."""
    from resedit.lint.house_spelling import un_spelling

    skip = acronyms.not_own_words(text) + [m.span() for m in _ADDRESS.finditer(text)]
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0).split("'")[0].split("’")[0]
        start = m.start()
        # Abbreviations ("NGOs") and names written with inner capitals ("WeProtect") are not words.
        if (len(word) < _MIN_LENGTH or any(ch.isupper() for ch in word[1:]) or any(a <= start < b for a, b in skip)
                or text[m.end():m.end() + 1].isdigit() or known(word) or un_spelling(word)):
            continue
        first = not text[:start].strip(" \t([“\"")
        if word[:1].isupper() and not first:
            found = _name_suggestion(word)  # a name: only a near miss of a known name is reported
        else:
            found = suggestions(word)
        if found:
            out.append((start, start + len(word), word, found))
    return out
