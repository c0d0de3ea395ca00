"""The registry of overreach constructions: (view, vocabulary, committee, part) -> list of Match.

Each construction reports what its parse-based check (binding.py, powers.py) finds together with
what its word patterns over the committee's acts find (signals.py, `patterns` in
lexicon/mandate.yaml). The parse-based checks read operative clauses only; the patterns also read
the preamble where a pattern says so ("Acting under Chapter VII", "Determining that ...").
"""
from __future__ import annotations

import re

from resedit.lint.kinds.mandate import binding, powers
from resedit.lint.kinds.mandate.match import Match
from resedit.lint.kinds.mandate.parse import DECIDE_LIKE, ClauseView
from resedit.lint.kinds.mandate.signals import acts_of, organs_of, pattern_hits

_KEYS = {"verb": "suggest", "passive": "suggest_passive", "nominal": "suggest_nominal"}


def patterned(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
    out = []
    for hit in pattern_hits(view, vocab, part):
        act, pattern = hit.act, hit.pattern
        key = pattern.get("key") or ("suggest" if hit.start is not None  # one word: "its demand"
                                     else "suggest_preamble" if part == "preamble" else _KEYS[act.how])
        start = act.start if hit.start is None else hit.start
        out.append(Match(start, hit.end, key, verb=act.lemma, addressee=hit.addressee,
                         depth=1 if act.how != "verb" else 0))
    return out


def acting_under(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
    """"Acting under Chapter VII ...": the committee's own act when it opens the clause or follows
    one of the committee's verbs ("Decides, acting under Chapter VII, that"), not when it
    describes another body ("Recalling that the Council, acting under Chapter VII, ...")."""
    articles = [str(a) for a in vocab.get("acting_under") or []]
    if not articles:
        return []
    toks, out = view.ann.tokens, []
    acts = {a.tok.i for a in acts_of(view, part)}
    for tok in toks:
        if tok.lower != "acting" or tok.i + 1 >= len(toks) or toks[tok.i + 1].lower != "under":
            continue
        if view.in_quote(tok):
            continue
        k = tok.i - 1
        while k >= 0 and toks[k].text == ",":
            k -= 1
        if k >= 0 and not (k in acts and view.committee_acts):
            continue
        if k < 0 and not view.committee_acts:
            continue
        under = toks[tok.i + 1]
        rest = view.text[view.token_end(under):].lower()
        rest = re.split(r"[,;]", rest, maxsplit=1)[0]
        if any(re.search(a, rest) for a in articles):
            key = "suggest_acting"
            out.append(Match(tok.idx, view.token_end(under), key, verb="act"))
    return out


def organ_decided(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
    """"Decides that the Conference of the Parties shall ...", "Instructs the Board to ..." read
    off the words: an organ named in the decision's subject or the order's object."""
    organs = organs_of(committee)
    directive = {str(w).lower() for w in vocab.get("directive_verbs") or []}
    out = []

    def named(text: str) -> bool:
        low = " " + re.sub(r"[^\w-]+", " ", text.lower()) + " "
        return any(f" {m} " in low for o in organs for m in o.get("match", []))

    for act in acts_of(view, part):
        window = view.text[act.window[0]:act.window[1]]
        if act.lemma in DECIDE_LIKE and act.how == "verb":
            m = re.match(r"\W*that\s+(?P<who>[^;]{0,160}?)\s*(?P<modal>\b(?:shall|must|will|is to|are to))\b",
                         window, re.IGNORECASE)
            if m and named(m.group("who")) and not view.in_quote(act.tok):
                out.append(Match(act.start, act.window[0] + m.end("modal"), "suggest_that",
                                 addressee=m.group("who").strip().rstrip(",")))
        elif act.lemma in directive and act.how == "verb":
            m = re.match(r"\W*(?P<who>[^;]{0,120}?)\s+to\s+\w", window)
            if m and named(m.group("who")):
                out.append(Match(act.start, act.end, "suggest_directive", verb=act.lemma))
    return out


def _parse_based(check):
    def run(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
        return check(view, vocab, committee) if part == "operative" else []
    return run


def _combine(*checks):
    def run(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
        return [m for check in checks for m in check(view, vocab, committee, part)]
    run.checks = checks
    return run


def _unless(other: str, check):
    """A construction that yields to a broader one the profile also checks, so that one clause
    gets one finding ("Authorizes the deployment of a peacekeeping force" is force, MAN005)."""
    def run(view: ClauseView, vocab: dict, committee, part: str) -> list[Match]:
        found = check(view, vocab, committee, part)
        broader = committee.overreach(other)
        if found and broader is not None and CHECKS[other](view, broader, committee, part):
            return []
        return found
    return run


CHECKS = {
    "binding-decision": _combine(_parse_based(binding.binding_decision), patterned),
    "coercive-verb": _combine(_parse_based(binding.coercive_verb), patterned),
    "legally-binding": _combine(_parse_based(binding.legally_binding), patterned),
    "sanctions": _combine(_parse_based(powers.sanctions), patterned),
    "force": _combine(_parse_based(powers.force), patterned),
    "implementation": _combine(_parse_based(powers.implementation), patterned),
    "budget": _combine(_parse_based(powers.budget), patterned),
    "treaty-or-body": _combine(_parse_based(powers.treaty_or_body), patterned),
    "other-organ": _combine(_parse_based(powers.other_organ), organ_decided, patterned),
    "tone": _combine(_parse_based(powers.tone), patterned),
    "chapter-vii": _combine(acting_under, patterned),
    "peace-operation": _unless("force", patterned),
    "sanctions-regime": _unless("sanctions", patterned),
    "demand-noun": _combine(patterned),
    "icc-referral": _combine(patterned),
    "membership": _combine(patterned),
}
