"""Who acts in a clause, read from several signals, and the word patterns each act is tested on.

How the signals combine (so that one wrong arc or one wrong tag does not silence a finding):

1. The committee's acts are the union of
   - the dependency parse: the root verb and the verbs coordinated with it or governed by
     "Decides" (ClauseView.actor_verbs);
   - the words: the clause's first word after leading adverbs ("Hereby imposes", "Solemnly
     determines") read through the dictionary (resedit.lint.morph), whatever the tagger called
     it ("Sanctions" as a plural noun is still the verb "sanction"); a third-person verb (or, in
     the preamble, a participle) after "and" or a comma ("..., and decides to"); "to VERB" after
     a decision verb, across adverbs and a parenthesis ("Decides, acting under ..., to impose");
   - the chapeau: a sub-clause of "Decides to:" starts with the committee's act ("(a) Impose",
     "(a) To deploy"); under "Decides that:" it is the decision's content.
   Two shapes add derived acts: a passive after "Decides that" ("... shall be imposed", "... are
   to be deployed": the participle is the act) and a nominalised act after "Approves" or
   "Undertakes" ("the imposition of sanctions": the act is "impose").
2. Each act governs the words from it to the next act or the end of its part of the clause (its
   window, quotations blanked). A construction's `patterns` (lexicon/mandate.yaml) pair act
   lemmas with regular expressions over that window; a pattern fires when both agree.
3. The parse-based checks (binding.py, powers.py) still run; a construction reports when either
   the parse-based check or a pattern recognises it, and the exclusions (quotations, the
   committee's own work, acts under another actor's verb) hold for both.
tests/test_mandate_eval.py spoils a real parse one token at a time (arc re-hung on the root, or
tag turned into a noun's) and checks that the finding survives every spoiled parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from resedit.lint import morph
from resedit.lint.kinds.mandate.parse import DECIDE_LIKE, ClauseView
from resedit.nlp import Token

LEADING = {"also", "further", "hereby", "strongly", "solemnly", "firmly", "again", "once", "and",
           "unequivocally", "immediately", "urgently", "therefore", "accordingly", "finally",
           "furthermore", "moreover", "thus"}
_NOMINAL_VERBS = ("approve", "undertake", "endorse", "order", "authorize", "authorise", "decide",
                  "proceed", "mandate", "effect")
_POSSESSIVE = re.compile(r"\W*(?:\w+\s+){0,2}?(?:its|their)\b")
_MODAL_PASSIVE = re.compile(r"\b(?:shall|will|must|should|is|are)\s+(?:to\s+)?be\s+(?:hereby\s+)?(\w+)",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Act:
    tok: Token  # the token that carries the act
    lemma: str  # its base verb ("impose" for "Imposes", "imposition", "Sanctions" as NNS ...)
    start: int  # the span a rewording replaces: from here ...
    end: int  # ... to here ("Decides to impose", "Hereby imposes", "Decides that")
    how: str  # "verb" (opener, coordinated, decided to), "passive", "nominal"
    window: tuple[int, int]  # character range of what it governs


def _word_lemma(tok: Token) -> str:
    """The verb a token is, by the dictionary first (the tagger errs on title-case openers)."""
    lemmas = morph.verb_lemmas(tok.text)
    if tok.lemma in lemmas:
        return tok.lemma
    return sorted(lemmas)[0] if lemmas else tok.lemma


def _opener(view: ClauseView) -> Token | None:
    for tok in view.ann.tokens:
        if tok.lower in LEADING or tok.text == "," or (tok.tag == "RB" and tok.lower.endswith("ly")):
            continue
        if tok.lower == "to" or tok.text in ("(", ")"):
            continue
        return tok if morph.verb_lemmas(tok.text) else None
    return None


def _opener_words(preamble: bool) -> frozenset[str]:
    from resedit.lexicon import opener_words

    return opener_words("preamble" if preamble else "operative")


def _coordinated(view: ClauseView, preamble: bool) -> list[Token]:
    """Third-person verbs (participles in the preamble) after "and" or a comma: "..., and decides"."""
    toks, out = view.ann.tokens, []
    for k in range(1, len(toks)):
        tok, prev = toks[k], toks[k - 1]
        if prev.lower not in LEADING and prev.text != ",":
            continue
        if view.in_quote(tok) or not tok.text[:1].islower():
            continue
        form = tok.lower.endswith("ing") if preamble else (
            tok.lower.endswith("s") and morph.has_form(tok.text, "VBZ"))
        # the tagger's verb, or a word UN openers are made of ("decides" even if tagged a noun);
        # "hospitals and schools" is neither
        if not form or not (tok.tag.startswith("VB") or tok.lower in _opener_words(preamble)):
            continue
        if prev.lower in LEADING and prev.lower != "and" and k >= 2:  # "and further decides"
            prev = toks[k - 2]
        if prev.lower == "and" or prev.text == ",":
            out.append(tok)
    return out


def _infinitive_after(view: ClauseView, decide: Token) -> Token | None:
    """"Decides [hereby] [, in accordance with ..., ] to VERB": the VERB."""
    toks, k, depth = view.ann.tokens, decide.i + 1, 0
    while k < len(toks) and k < decide.i + 40:
        tok = toks[k]
        if tok.text == ";" or tok.lower == "that" and depth == 0:
            return None
        if tok.text == ",":
            depth = 1 - depth
        elif tok.lower == "to" and k + 1 < len(toks) and (depth == 0 or toks[k - 1].text == ","):
            nxt = toks[k + 1]
            if toks[k - 1].lower not in ("order", "as") and morph.has_form(nxt.text, "VB"):
                return nxt
        elif depth == 0 and not (tok.tag.startswith("RB") or tok.lower in LEADING):
            return None
        k += 1
    return None


def committee_acts(view: ClauseView, part: str = "operative") -> list[Act]:
    """The committee's acts in a clause, from every signal (see the module note)."""
    if not view.committee_acts:
        return []
    found: dict[int, tuple[Token, str, int]] = {}  # token index -> (token, lemma, span start)
    opener = _opener(view)
    if opener is not None and not view.in_quote(opener):
        found[opener.i] = (opener, _word_lemma(opener), 0)
    if part == "operative":
        for verb in view.actor_verbs():
            # a noun the parser hung as a verb ("inspections", "article") is no act
            if verb.tag.startswith("VB") and verb.dep not in ("amod", "compound", "acl", "relcl") \
                    and morph.verb_lemmas(verb.text):
                found.setdefault(verb.i, (verb, _word_lemma(verb), view.opening_start(verb)))
    for tok in _coordinated(view, part == "preamble"):
        found.setdefault(tok.i, (tok, _word_lemma(tok), tok.idx))
    for tok, lemma, start in list(found.values()):
        if lemma in DECIDE_LIKE:
            verb = _infinitive_after(view, tok)
            if verb is not None and not view.in_quote(verb):
                found.setdefault(verb.i, (verb, _word_lemma(verb), start))
    ordered = sorted(found.values(), key=lambda f: f[0].i)
    # a window ends where the next finite act begins ("..., and decides"); an infinitive the
    # act governs ("Decides to impose") stays inside it
    finite = [tok.idx for tok, _, _ in ordered if tok.lower.endswith("s") or part == "preamble"]
    acts = []
    for tok, lemma, start in ordered:
        stop = min([i for i in finite if i > tok.idx] + [len(view.text)])
        semi = view.text.find(";", view.token_end(tok), stop)
        window = (view.token_end(tok), semi if semi != -1 else stop)
        acts.append(Act(tok, lemma, start, view.token_end(tok), "verb", window))
        acts.extend(_derived(view, acts[-1]))
    return acts


def _derived(view: ClauseView, act: Act) -> list[Act]:
    """A passive after "Decides that" and a nominalised act after "Approves the ..."."""
    out = []
    text = view.text[act.window[0]:act.window[1]]
    if act.lemma in DECIDE_LIKE:
        that = re.match(r"\W*(?:[\w-]+ly\W+)?that\b", text, re.IGNORECASE)
        if that:
            m = _MODAL_PASSIVE.search(text, that.end())
            if m and (morph.has_form(m.group(1), "VBN") or morph.has_form(m.group(1), "VBD")):
                at = act.window[0] + m.start(1)
                tok = next((t for t in view.ann.tokens if t.idx == at), act.tok)
                out.append(Act(tok, morph.lemma(m.group(1)), act.start, act.window[0] + that.end(),
                               "passive", (act.window[0] + that.end(), act.window[1])))
    if act.lemma in _NOMINAL_VERBS:
        m = re.match(r"\W*(?:on\s+)?(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(\w+(?:ion|ment|al|sion))\b", text)
        if m:
            noun = m.group(1).lower()
            verb = NOMINALISATIONS.get(noun)
            if verb:
                at = act.window[0] + m.start(1)
                tok = next((t for t in view.ann.tokens if t.idx == at), act.tok)
                out.append(Act(tok, verb, act.start, act.end, "nominal",
                               (act.window[0] + m.end(1), act.window[1])))
    return out


NOMINALISATIONS = {
    "imposition": "impose", "deployment": "deploy", "establishment": "establish",
    "extension": "extend", "renewal": "renew", "referral": "refer", "admission": "admit",
    "suspension": "suspend", "expulsion": "expel", "adoption": "adopt", "allocation": "allocate",
    "creation": "create", "amendment": "amend", "termination": "terminate", "inspection": "inspect",
    "reimposition": "reimpose", "apportionment": "apportion", "dispatch": "dispatch",
    "election": "elect", "appropriation": "appropriate",
}


def _blank_quotes(view: ClauseView, start: int, end: int) -> str:
    text = list(view.text[start:end].lower())
    for a, b in view.quotes:
        for k in range(max(a, start), min(b, end)):
            text[k - start] = " "
    return "".join(text)


_WORDSETS: dict[int, tuple[list, frozenset]] = {}


def organs_of(committee) -> list[dict]:
    """committee.other_organs(), once per loaded profile."""
    cached = _ORGANS.get(id(committee))
    if cached is None or cached[0] is not committee:
        cached = _ORGANS[id(committee)] = (committee, committee.other_organs())
    return cached[1]


_ORGANS: dict[int, tuple] = {}


def _words(vocab: dict, value) -> frozenset[str]:
    """A word list as a lower-case set, computed once per list (the loaded YAML's lists live as
    long as the profile, and every clause asks)."""
    if isinstance(value, str):  # the name of a vocabulary list ("verbs")
        value = vocab.get(value) or []
    value = value or []
    cached = _WORDSETS.get(id(value))
    if cached is None or cached[0] is not value:
        cached = _WORDSETS[id(value)] = (value, frozenset(str(w).lower() for w in value))
    return cached[1]


@dataclass(frozen=True)
class PatternHit:
    act: Act
    pattern: dict
    end: int  # end of the span to replace
    start: int | None = None  # its start when not the act's ("its demand": the word alone)
    addressee: str = ""


def _hit(view: ClauseView, act: Act, pattern: dict, window: str, found) -> PatternHit:
    """The span a pattern's finding replaces: the act's words, or through the regex match
    (`through`: "Decides that Member States shall"), or one named word (`word`: "demand")."""
    base = act.window[0]
    if found is not None and "word" in found.groupdict() and found.group("word"):
        return PatternHit(act, pattern, base + found.end("word"), base + found.start("word"))
    if pattern.get("through") and found is not None:
        addressee = ""
        if found.groupdict().get("addressee"):
            a, b = base + found.start("addressee"), base + found.start("modal")
            addressee = view.text[a:b].strip().rstrip(",").strip()
        return PatternHit(act, pattern, base + found.end(), addressee=addressee)
    span = pattern.get("span")
    if span:
        m = re.match(span, window)
        if m:
            return PatternHit(act, pattern, base + m.end())
    return PatternHit(act, pattern, act.end)


_COMPILED: dict[tuple, tuple] = {}


def _compiled(vocab: dict, patterns: list) -> tuple:
    """The construction's patterns with their act sets and regexes built once per profile."""
    key = (id(patterns),) + tuple(id(vocab.get(p["acts"])) for p in patterns
                                  if isinstance(p.get("acts"), str))
    cached = _COMPILED.get(key)
    if cached is None or cached[0] is not patterns:
        built = [(p, tuple(p.get("parts") or ("operative",)), _words(vocab, p.get("acts")),
                  [re.compile(r) for r in p.get("not") or []],
                  [re.compile(r) for r in p.get("any") or []]) for p in patterns]
        every = frozenset().union(*(b[2] for b in built))
        cached = _COMPILED[key] = (patterns, built, every)
    return cached


def pattern_hits(view: ClauseView, vocab: dict, part: str) -> list[PatternHit]:
    """Every (act, pattern) pair of the construction's `patterns` that agree in this clause."""
    patterns = vocab.get("patterns") or []
    if not patterns:
        return []
    _, built, every = _compiled(vocab, patterns)
    acts = [a for a in acts_of(view, part) if a.lemma in every]
    if not acts:
        return []
    allowed = _words(vocab, "allowed")
    out = []
    for act in acts:
        window = None
        for pattern, parts, lemmas, nots, anys in built:
            if part not in parts or act.lemma not in lemmas:
                continue
            if pattern.get("how") and act.how not in pattern["how"]:
                continue
            if window is None:
                window = _blank_quotes(view, *act.window)
            if any(r.search(window) for r in nots) or any(a in window for a in allowed):
                continue
            found = None
            # "... the Panel of Experts and decides to extend its mandate": "its" reaches back
            searched = window + " " + _blank_quotes(view, 0, act.tok.idx) if _POSSESSIVE.match(window) else window
            for r in anys:
                found = r.search(searched)
                if found and found.start() >= len(window):
                    found = None if "word" in found.groupdict() or pattern.get("through") else found
                if found:
                    break
            if anys and not found:
                continue
            if pattern.get("span") and pattern.get("key") and not re.match(pattern["span"], window):
                continue  # a pattern whose rewording needs its span ("Determines that")
            out.append(_hit(view, act, pattern, window, found))
    return out


def acts_of(view: ClauseView, part: str) -> list[Act]:
    """committee_acts, once per clause view and part (the sixteen rules share them)."""
    if part not in view.acts:
        view.acts[part] = committee_acts(view, part)
    return view.acts[part]
