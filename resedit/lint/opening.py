"""How a clause opens, decided by morphology (lemminflect) and the parse (resedit.nlp), not by list
membership: adopted UN texts use openers that no phrase list has. The phrase lists only serve as
the vocabulary for spelling corrections.

`analyse(annotation, part)` returns one Verdict per clause, so a clause gets at most one opener
finding: whereas > misspelt > subject > noun phrase (no verb) > form > small first letter.
"""
from __future__ import annotations

from functools import lru_cache

from resedit import lexicon
from resedit.lint import morph
from resedit.lint.opening_subject import subject_verdict
from resedit.lint.verdict import OK, Verdict

# Tags the tagger gives to function words; those are never spelling mistakes.
_CLOSED = {"DT", "PRP", "PRP$", "IN", "CC", "MD", "WDT", "WP", "EX", "CD", "TO", "POS", "PDT"}
# Words that, after an opener's past participle, show it is used as an adjective ("Concerned by").
_ADJ_NEXT = {"by", "at", "about", "that", "of", "with", "to", "in", "over"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    words = lexicon.opener_words("preamble") | lexicon.opener_words("operative")
    return tuple(sorted(w for w in words if len(w) >= 4))


def _correct(word: str) -> str | None:
    """The lexicon word this unknown word most likely misspells, or None."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(word.lower(), _vocabulary(), scorer=fuzz.ratio, score_cutoff=80)
    return best[0] if best else None


def _known(tok) -> bool:
    return (tok.tag in _CLOSED or not tok.text.isalpha() or morph.is_word(tok.lower)
            or tok.lower in lexicon.opener_words("preamble") | lexicon.opener_words("operative"))


def analyse(ann, part: str, committee_names: tuple[str, ...] = ()) -> Verdict:
    words = [t for t in ann.tokens if not t.is_punct]
    if not words:
        return OK
    first = words[0]
    if first.lower == "whereas":
        return Verdict("whereas", first.idx, first.idx + len(first.text), first.text,
                       "Considering that", "a conjunction")
    # Find the head word: skip leading adverbs, correcting misspelt words on the way.
    fixed: dict[int, str] = {}
    h = 0
    while h < len(words):
        tok = words[h]
        word = tok.lower
        if not _known(tok):
            guess = _correct(word)
            if guess is None:
                break
            fixed[h] = guess
            word = guess
        if word in lexicon.OPENER_ADVERBS and h + 1 < len(words):
            h += 1
            continue
        break
    if h >= len(words):
        return OK
    if not fixed:
        subject = subject_verdict(ann, words, part, committee_names)
        if subject is not None:
            return subject
        noun = _noun_phrase(ann, words, h)
        if noun is not None:
            return noun
    # The words as they should be spelt, in the writer's capitalisation.
    texts = [_cap(fixed[i]) if i in fixed and w.text[:1].isupper() else fixed.get(i, w.text)
             for i, w in enumerate(words)]
    verdict = _form(ann, words, texts, h, part)
    if not fixed:
        if not verdict.problem and first.text[:1].islower():
            end = first.idx + len(first.text)
            return Verdict("lowercase", first.idx, end, first.text, _cap(first.text), "a small letter")
        return verdict
    # A misspelling: one finding whose suggestion carries the spelling fix and any form fix.
    head_end = words[h].idx + len(words[h].text)
    end = max(verdict.end, head_end) if verdict.problem else head_end
    start = words[0].idx
    suggestion = verdict.suggestion if verdict.problem else " ".join(texts[:h + 1])
    return Verdict("misspelt", start, end, ann.text[start:end], suggestion, "misspelt")


_NOUN_START = {"DT", "NN", "NNS", "NNP", "NNPS", "PRP$"}
_PREDICATE = {"VBZ", "VBP", "VBD", "MD"}


def _noun_phrase(ann, words, h: int) -> Verdict | None:
    """A clause that is only a noun phrase ("the identification of victims", "Creation of a
    fund"): it opens with a determiner or a noun that is no verb or adjective, and no finite verb
    follows. Nothing is suggested: what the body should do is the writer's to say."""
    head = words[h]
    if head.tag not in _NOUN_START or (head.tag != "DT" and (morph.is_adjective(head.lower)
                                                           or morph.verb_lemmas(head.lower))):
        return None
    rest = ann.tokens[head.i + 1:]
    # A past form before a preposition ("prosecutors specialized in") is a participle.
    if any(t.tag in _PREDICATE and not (t.tag == "VBD" and n + 1 < len(rest) and rest[n + 1].tag == "IN")
           for n, t in enumerate(rest)):
        return None
    end = words[min(h + 1, len(words) - 1)] if head.tag == "DT" else head
    return Verdict("noverb", words[0].idx, end.idx + len(end.text),
                   ann.text[words[0].idx:end.idx + len(end.text)], "", "a noun phrase")


def _lead_in(ann, head) -> bool:
    """"Expressing grave concern at ..., requests ...": a participial phrase, a comma, then the
    operative verb. Adopted texts open operative paragraphs this way; the verb is what counts."""
    after_comma = False
    for t in ann.tokens[head.i + 1:]:
        if t.text == ",":
            after_comma = True
        elif after_comma and t.tag.startswith("RB"):
            continue
        elif after_comma:
            if t.tag == "VBZ" or (t.text.islower() and morph.has_form(t.lower, "VBZ")
                                  and t.dep == "ROOT"):
                return True
            after_comma = False
    return False


def _form(ann, words, texts, h: int, part: str) -> Verdict:
    """Is the head word the right form for its part? If not, the corrected opener."""
    head, word = words[h], texts[h]
    lemmas = morph.verb_lemmas(word)
    # "Having examined", "Is deeply concerned": the auxiliary and what follows it change together.
    last = h
    if lemmas & {"be", "have"}:
        j = h + 1
        while j < len(words) and words[j].tag.startswith("RB"):
            j += 1
        if j < len(words) and words[j].tag in ("VBN", "JJ", "VBD"):
            last = j
    start, end = words[0].idx, words[last].idx + len(words[last].text)
    found = ann.text[start:end]
    adverbs = " ".join(texts[:h])
    rest = ann.text[words[h + 1].idx:end] if last > h else ""

    def fix(new_head: str, detail: str) -> Verdict:
        text = " ".join(x for x in (adverbs, new_head, rest) if x)
        return Verdict("form", start, end, found, _cap(text), detail)

    if part == "operative":
        if morph.has_form(word, "VBZ"):
            return OK
        if morph.has_form(word, "VBG"):
            if _lead_in(ann, head):
                return OK
            return fix(morph.inflect(word, "VBZ"), "a participle")
        if morph.has_form(word, "VB") and not morph.is_adjective(word):
            return fix(morph.inflect(word, "VBZ"), "the base form")
        nxt = words[h + 1].lower if h + 1 < len(words) else ""
        # An adjective or participle before "by", "at", "that" ...: "Deeply concerned by" -> "Is
        # deeply concerned by". A noun ("Creation of") is no adjective: "Is creation" is no English.
        noun = head.tag.startswith("NN") and not morph.is_adjective(word) and not morph.verb_lemmas(word)
        if morph.is_adjective(word) or head.tag in ("JJ", "VBN") or (nxt in _ADJ_NEXT and not noun):
            text = " ".join(x for x in (adverbs, word) if x).lower()
            return Verdict("form", start, words[h].idx + len(words[h].text),
                           ann.text[start:words[h].idx + len(words[h].text)],
                           "Is " + text, "an adjective (a preambular opener)")
        if morph.has_form(word, "VBD"):
            return fix(morph.inflect(word, "VBZ"), "the past tense")
        return OK
    if morph.has_form(word, "VBG") or morph.is_adjective(word):
        return OK
    if morph.has_form(word, "VBZ") or (morph.has_form(word, "VB") and head.tag != "VBN"):
        if lemmas & {"be"} and last > h:  # "Is deeply concerned" -> "Deeply concerned"
            return Verdict("form", start, end, found, _cap(" ".join(x for x in (adverbs, rest) if x)),
                           "a finite verb (an operative opener)")
        if morph.has_form(word, "VBN") and not morph.has_form(word, "VBZ"):
            return OK  # "Guided", "Convinced": past participles are preambular
        detail = "a finite verb (an operative opener)" if morph.has_form(word, "VBZ") else "the base form"
        return fix(morph.inflect(word, "VBG"), detail)
    return OK
