"""Clauses that open with their own subject ("Member States should ...", "We urge ..."), found in
the parse, with the opener that turns them into the body's own words ("Calls upon Member States
to ..."). Part of resedit.lint.opening's one-verdict-per-clause analysis."""
from __future__ import annotations

from resedit import lexicon
from resedit.lint import morph
from resedit.lint.verdict import Verdict

_SUBJ = ("nsubj", "nsubjpass")
_FINITE = ("MD", "VBZ", "VBP", "VBD")
_NOUN_PHRASE = {"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "PRP", "PRP$", "CD", "HYPH", "POS"}
# A subject naming the drafting body itself: the fix is to drop it ("We urge" -> "Urges").
_SELF = {"we", "i", "the commission", "the committee", "the general assembly", "the council",
         "the security council", "this commission", "this committee", "the assembly"}
_STATE_WORDS = {"states", "governments", "countries", "parties"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decap(text: str) -> str:
    """Lower a leading article or pronoun ("The United Nations" -> "the United Nations")."""
    first, _, rest = text.partition(" ")
    return (first.lower() + (" " + rest if rest else "")) if first in ("The", "We", "Our") else text


def subject_verdict(ann, words, part: str, committee_names) -> Verdict | None:
    """A clause that opens with its own subject: "Member States should ...", "We urge ..."."""
    first = words[0]
    # "States Parties should ...": after the prefix the tagger reads "States" as the verb.
    noun_states = first.text == "States" and len(words) > 1 and words[1].text in ("Parties", "Members")
    if noun_states:
        verb = next((t for t in ann.tokens if t.tag in _FINITE and t.i > words[1].i), None)
        return _subject_fix(ann, words, words[1], verb, part, committee_names) if verb else None
    if (first.tag.startswith("VB") or first.lower in lexicon.OPENER_ADVERBS
            or morph.is_adjective(first.lower) or morph.has_form(first.lower, "VBG")
            or morph.has_form(first.lower, "VBN") or morph.has_form(first.lower, "VB")):
        return None  # it opens with a verb or adjective: a form question, not a subject
    depth, parenthetical = 0, set()
    for t in ann.tokens:
        depth += t.text == "("
        if depth:
            parenthetical.add(t.i)
        depth -= t.text == ")" and depth > 0
    for verb in ann.tokens:
        # A verb in parentheses ("55th (resumed) plenary meeting") is an aside, not the predicate;
        # a past form before a preposition ("prosecutors specialized in") is a participle.
        if verb.tag not in _FINITE or verb.i == 0 or verb.i in parenthetical:
            continue
        nxt = ann.tokens[verb.i + 1] if verb.i + 1 < len(ann.tokens) else None
        if verb.tag == "VBD" and nxt is not None and nxt.tag == "IN":
            continue
        subj = next((c for c in ann.children(verb) if c.dep in _SUBJ and c.i < verb.i), None)
        if subj is None and verb.dep in ("aux", "auxpass") and verb.head > verb.i:
            main = ann.tokens[verb.head]
            subj = next((c for c in ann.children(main) if c.dep in _SUBJ and c.i < verb.i), None)
        if subj is not None and ann.subtree(subj)[0].i == words[0].i:
            return _subject_fix(ann, words, subj, verb, part, committee_names)
        # The parse may attach a clause-initial noun phrase to the "The Commission" prefix
        # (resedit.nlp) instead of the verb; a plain noun phrase right before the first finite
        # verb is then the subject all the same.
        before = [t for t in ann.tokens if t.i < verb.i]
        if before and all(t.tag in _NOUN_PHRASE for t in before):
            return _subject_fix(ann, words, before[-1], verb, part, committee_names)
        return None
    return None


def _subject_fix(ann, words, subj, verb, part, committee_names) -> Verdict:
    subj_end = max(t.idx + len(t.text) for t in ann.subtree(subj) + [subj] if t.i < verb.i)
    subj_text = ann.text[words[0].idx:subj_end]
    main = verb
    if verb.dep in ("aux", "auxpass") and verb.head > verb.i:
        main = ann.tokens[verb.head]
    start, end = words[0].idx, main.idx + len(main.text)
    found = ann.text[start:end]
    base = morph.lemma(main.lower)
    selves = {n.lower() for n in committee_names} | _SELF
    if subj_text.lower() in selves:  # the body speaking of itself: drop the subject
        new = morph.inflect(base, "VBZ" if part == "operative" else "VBG")
    elif part == "preamble":
        new = "Noting that " + _decap(found)
    elif main.tag == "VBN" and any(c.dep == "auxpass" for c in ann.children(main)):
        new = morph.inflect(base, "VBZ") + " " + _decap(subj_text)  # "States are urged" -> "Urges States"
    else:
        states = any(w.lower() in _STATE_WORDS for w in subj_text.split())
        new = ("Calls upon " if states else "Requests ") + _decap(subj_text) + " to " + base
    return Verdict("subject", start, end, found, _cap(new), subj_text)
