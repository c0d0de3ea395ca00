"""Parse-based checks of powers the committee lacks: sanctions, force, running programmes, the
regular budget, treaties and bodies, another organ's powers, commanding tone."""
from __future__ import annotations

from resedit.lint.kinds.mandate.match import (
    Match,
    _aux,
    _depth,
    _is_addressee,
    _own_work,
    _phrase,
    _subject,
    _verb_match,
)
from resedit.lint.kinds.mandate.parse import ClauseView, organ_named
from resedit.lint.kinds.mandate.signals import _words, organs_of
from resedit.nlp import Token


def _object_heads(view: ClauseView, verb: Token) -> list[Token]:
    """Objects of a verb, or its passive subject when it has none ("sanctions are imposed")."""
    heads = view.objects(verb)
    if not heads:
        heads = [c for c in view.children(verb, "nsubjpass")]
    return heads


def sanctions(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Imposes sanctions on ...", "Decides to impose an arms embargo / an asset freeze"."""
    verbs, nouns = _words(vocab, "verbs"), _words(vocab, "nouns")
    compounds = {k.lower(): {w.lower() for w in v} for k, v in (vocab.get("compound_nouns") or {}).items()}
    out = []
    for verb in view.actor_verbs():
        if verb.lemma not in verbs:
            continue
        for obj in _object_heads(view, verb):
            mods = {c.lower for c in view.children(obj, "compound", "amod", "nmod")}
            if obj.lower in nouns or mods & compounds.get(obj.lower, set()):
                out.append(_verb_match(view, verb, view.opening_start(verb), depth=_depth(view, verb)))
                break
    return out


def force(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Authorizes the use of force", "Decides to deploy a peacekeeping mission"."""
    verbs, nouns, weak = _words(vocab, "verbs"), _words(vocab, "nouns"), _words(vocab, "weak_nouns")
    modifiers, not_with = _words(vocab, "modifiers"), _words(vocab, "not_with")
    actions = _words(vocab, "action_nouns")

    def armed(tok: Token) -> bool:
        mods = {c.lower for c in view.children(tok, "compound", "amod", "nmod")}
        if tok.lower in nouns and not mods & not_with:
            return True
        return tok.lower in weak and bool(modifiers & set(view.phrase_lowers(tok)))

    authorize = _words(vocab, "authorize_verbs")
    out = []
    for verb in view.actor_verbs():
        if verb.lemma not in verbs and verb.lemma not in authorize:
            continue
        heads = _object_heads(view, verb) if verb.lemma in verbs else []
        if verb.lemma in authorize:  # "Authorizes Member States to use force"
            for xcomp in view.children(verb, "xcomp"):
                if xcomp.lemma in verbs:
                    heads += _object_heads(view, xcomp)
        for obj in heads:
            candidates = [obj]
            if obj.lower in actions:  # "the deployment of a force": look under 'of'
                for prep in view.children(obj, "prep"):
                    candidates += view.children(prep, "pobj")
            if any(armed(c) for c in candidates):
                out.append(_verb_match(view, verb, view.opening_start(verb), depth=_depth(view, verb)))
                break
    return out


def implementation(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Implements a programme", "Provides technical assistance directly", "Trains judges"."""
    verbs, nouns = _words(vocab, "verbs"), _words(vocab, "nouns")
    direct, own = _words(vocab, "direct_verbs"), _words(vocab, "own_work")
    out = []
    for verb in view.actor_verbs():
        objects = view.objects(verb)
        hit = verb.lemma in direct and bool(objects)
        if not hit and verb.lemma in verbs:
            hit = any(o.lower in nouns and not _own_work(view, o, own) for o in objects)
        if hit:
            out.append(_verb_match(view, verb, view.opening_start(verb), depth=_depth(view, verb)))
    return out


def budget(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Decides to allocate 10 million dollars from the regular budget", "Allocates US$ 5 million",
    "Decides that the programme shall be funded from the regular budget"."""
    verbs, decide = _words(vocab, "verbs"), _words(vocab, "decide_verbs")
    budget_words, budget_mods = _words(vocab, "budget_words"), _words(vocab, "budget_modifiers")
    money_verbs, money = _words(vocab, "money_verbs"), _words(vocab, "money_words")
    allowed = [str(a).lower() for a in vocab.get("allowed") or []]

    def regular_budget(tok: Token) -> bool:
        for t in view.subtree(tok):
            if t.lower in budget_words and not view.in_quote(t):
                mods = {c.lower for c in view.children(t, "amod", "compound", "nmod")}
                if mods & budget_mods:
                    return True
        return False

    def sum_of_money(tok: Token) -> bool:
        sub = view.subtree(tok)
        return any(t.tag == "CD" for t in sub) and any(t.lower in money or t.tag == "$" for t in sub)

    out = []
    for verb in view.actor_verbs():
        candidates = [(verb, verb)]
        if verb.lemma in decide:  # the decision's content: "that X shall be funded from ..."
            candidates += [(verb, c) for c in view.children(verb, "ccomp")]
        for anchor, target in candidates:
            if target.lemma not in verbs:
                continue
            phrase = " ".join(view.phrase_lowers(target))
            if any(a in phrase for a in allowed):
                continue
            if regular_budget(target) or (target.lemma in money_verbs and any(
                    sum_of_money(o) for o in view.objects(target))):
                out.append(Match(view.opening_start(anchor), view.token_end(anchor),
                                 verb=anchor.lemma, depth=_depth(view, target)))
                break
    return out


def treaty_or_body(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Adopts the Convention ...", "Opens ... for signature", "Establishes an international court"."""
    verbs, treaties = _words(vocab, "verbs"), _words(vocab, "treaty_nouns")
    bodies, weak = _words(vocab, "body_nouns"), _words(vocab, "weak_body_nouns")
    signature, organs = _words(vocab, "signature"), organs_of(committee)
    out = []
    for verb in view.actor_verbs():
        if verb.lemma not in verbs:
            continue
        hit = False
        for obj in view.objects(verb):
            if view.in_quote(obj) or "its" in view.phrase_lowers(obj):
                continue
            if obj.lower in treaties or obj.lower in bodies or (
                    obj.lower in weak and organ_named(view, [obj], organs)):
                hit = True
        if verb.lemma == "open":
            for prep in view.children(verb, "prep"):
                hit = hit or any(p.lower in signature for p in view.children(prep, "pobj"))
        if hit:
            out.append(_verb_match(view, verb, view.opening_start(verb), depth=_depth(view, verb)))
    return out


def other_organ(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Reforms the Security Council", "Instructs the General Assembly to ...", "Decides that the
    Security Council shall ..."."""
    transform, directive = _words(vocab, "transform_verbs"), _words(vocab, "directive_verbs")
    decide, aux_words = _words(vocab, "decide_verbs"), _words(vocab, "binding_aux")
    organs = organs_of(committee)
    out = []
    for verb in view.actor_verbs():
        start = view.opening_start(verb)
        objects = [o for o in view.objects(verb) if not view.in_quote(o)]
        if verb.lemma in transform and organ_named(view, objects, organs):
            out.append(Match(start, view.token_end(verb), "suggest", verb=verb.lemma,
                             depth=_depth(view, verb)))
        elif verb.lemma in directive and organ_named(view, objects, organs):
            out.append(Match(start, view.token_end(verb), "suggest_directive", verb=verb.lemma))
        elif verb.lemma in decide or verb.lemma in directive:
            for clause in view.children(verb, "ccomp"):
                subject = _subject(view, clause)
                if subject is None or view.in_quote(subject) or not organ_named(view, [subject], organs):
                    continue
                aux = _aux(view, clause, aux_words)
                if aux is not None or verb.lemma in directive:
                    end = view.token_end(aux) if aux else view.subtree_end(subject)
                    out.append(Match(start, end, "suggest_that", addressee=_phrase(view, subject)))
    return out


def tone(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Instructs UNODC to ...", "Mandates the Secretariat to ..." (a warning: say "Requests")."""
    verbs, addressees = _words(vocab, "verbs"), _words(vocab, "addressees")
    coercive = _words(vocab, "coercive")
    binding = committee.overreach("coercive-verb")
    binding_verbs = _words(binding, "verbs") if binding else set()
    organ_rule = committee.overreach("other-organ")
    organs = organs_of(committee)
    out = []
    for verb in view.actor_verbs():
        if verb.lemma not in verbs:
            continue
        objects = view.objects(verb)
        that = [_subject(view, c) for c in view.children(verb, "ccomp") if _subject(view, c)]
        named = objects + that
        if verb.lemma in coercive and verb.lemma in binding_verbs and any(
                _is_addressee(view, t, addressees) for t in named):
            continue  # binding on States: the coercive-verb rule's error
        if organ_rule and organ_named(view, named, organs):
            continue  # an order to another organ: the other-organ rule's error
        out.append(Match(view.opening_start(verb), view.token_end(verb), "suggest", verb=verb.lemma))
    return out
