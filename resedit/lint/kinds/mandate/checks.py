"""One function per overreach construction: (view, vocabulary, committee) -> list of Match.

The words come from the committee profile merged over lexicon/mandate.yaml; the functions only
know the shapes (who acts, which verb governs which object, what a 'that'-clause's subject is).
A Match is a span of the clause text to replace and which of the profile's suggestion lists
fits it, with the values its templates use ({verb}, {addressee}).
"""
from __future__ import annotations

from dataclasses import dataclass

from resedit.lint.kinds.mandate.parse import SUBJECTS, ClauseView, organ_named
from resedit.nlp import Token


@dataclass
class Match:
    start: int
    end: int
    suggest_key: str = "suggest"
    verb: str = ""
    addressee: str = ""
    depth: int = 0  # how far below the opening verb; the deepest of overlapping matches wins
    be: str = "are"  # agrees with the addressee in "{addressee} {be} encouraged to"
    tail: str = ""  # words after the filled template, when the span runs on ("... to" + " cease")


def _words(vocab: dict, key: str) -> set[str]:
    return {str(w).lower() for w in vocab.get(key) or []}


def _subject(view: ClauseView, verb: Token) -> Token | None:
    subjects = view.children(verb, *SUBJECTS)
    return subjects[0] if subjects else None


def _phrase(view: ClauseView, tok: Token) -> str:
    sub = view.subtree(tok)
    return view.text[sub[0].idx: view.token_end(sub[-1])]


def _aux(view: ClauseView, verb: Token, words: set[str]) -> Token | None:
    for child in view.children(verb, "aux", "auxpass"):
        if child.lower in words:
            return child
    return None


def _to_end(view: ClauseView, verb: Token) -> int:
    """End of the 'to' before a verb ("Decides to| impose"), else the start of the verb."""
    for child in view.children(verb, "aux"):
        if child.lower == "to" and child.i < verb.i:
            return view.token_end(child)
    return verb.idx


def _is_addressee(view: ClauseView, tok: Token, addressees: set[str]) -> bool:
    """Is tok a State or group of States: "Member States", "all parties", or a State's name?"""
    if view.in_quote(tok):
        return False
    return tok.lower in addressees or (tok.tag in ("NNP", "NNPS") and _names_a_state(view, tok))


def _names_a_state(view: ClauseView, tok: Token) -> bool:
    """"Requires Syria to ...": the proper noun, with its compounds, is a State's name (exact,
    folded or a known variant in lexicon/member_states.tsv; no fuzzy guesses)."""
    parts = [t for t in view.subtree(tok) if t.i <= tok.i and t.dep != "det"]
    name = view.text[parts[0].idx: view.token_end(tok)] if parts else tok.text
    try:
        from resedit.sponsorship.states import resolve
    except ImportError:  # the Member States list is optional for the mandate rules
        return False
    found = resolve(name)
    return found.ok and found.how in ("exact", "folded", "variant")


def _own_work(view: ClauseView, tok: Token, own: set[str]) -> bool:
    lowers = view.phrase_lowers(tok)
    return bool(own & set(lowers)) or "of work" in " ".join(lowers)


def _depth(view: ClauseView, tok: Token) -> int:
    depth = 0
    while tok.head != tok.i and depth < 50:
        tok = view.ann.tokens[tok.head]
        depth += 1
    return depth


def _verb_match(view: ClauseView, verb: Token, start: int, **kw) -> Match:
    """A match on the committee's verb ("Adopts"), run on through the verbs coordinated with it
    ("Adopts the Convention and opens it"), which the template's "{verb}" turns into base forms
    too: "... that the General Assembly adopt the Convention and open it"."""
    actors = view.actor_verbs()
    conj = [c for c in view.children(verb, "conj") if c.tag == "VBZ" and c in actors
            and not view.has_subject(c)]
    if not conj:
        return Match(start, view.token_end(verb), verb=verb.lemma, **kw)
    from resedit.lint import morph

    end, tail, at = view.token_end(conj[-1]), [], view.token_end(verb)
    for c in conj:
        tail.append(view.text[at:c.idx] + morph.inflect(c.text, "VB"))
        at = view.token_end(c)
    return Match(start, end, verb=verb.lemma, tail="".join(tail), **kw)


def binding_decision(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Decides that Member States shall ...", "... are required to ...", "Decides to criminalize"."""
    decide, addressees = _words(vocab, "decide_verbs"), _words(vocab, "addressees")
    aux_words, passives = _words(vocab, "binding_aux"), _words(vocab, "binding_passives")
    state_acts, own = _words(vocab, "state_acts"), _words(vocab, "own_work")
    out = []
    if view.decided:  # "Decides that: (a) Member States shall ..."
        for aux in view.ann.tokens:
            if aux.lower not in aux_words or aux.dep not in ("aux", "auxpass") or view.in_quote(aux):
                continue
            subject = _subject(view, view.ann.tokens[aux.head])
            if subject is not None and _is_addressee(view, subject, addressees) \
                    and not _own_work(view, subject, own):
                first = view.subtree(subject)[0]
                out.append(Match(first.idx, view.token_end(aux), "suggest_decided",
                                 addressee=_phrase(view, subject),
                                 be="are" if subject.tag in ("NNS", "NNPS") or (
                                     subject.lower in addressees and subject.lower.endswith("s"))
                                 else "is"))
    for verb in view.actor_verbs():
        if verb.lemma in decide:
            for clause in view.children(verb, "ccomp"):
                subject = _subject(view, clause)
                if subject is None or view.in_quote(clause) or view.in_quote(subject):
                    continue
                if not _is_addressee(view, subject, addressees) or _own_work(view, subject, own):
                    continue
                aux = _aux(view, clause, aux_words)
                if aux is None and clause.lower in aux_words:  # "Decides that States shall:"
                    aux = clause
                end = None
                if clause.lemma in passives and view.children(clause, "auxpass"):
                    xcomps = view.children(clause, "xcomp")
                    to = [c for c in view.children(clause) if c.lower == "to" and c.i > clause.i]
                    end = (_to_end(view, xcomps[0]) if xcomps else
                           view.token_end(to[0]) if to else view.token_end(clause))
                elif aux is not None:
                    end = view.token_end(aux)
                if end is not None:
                    out.append(Match(view.opening_start(verb), end, "suggest",
                                     addressee=_phrase(view, subject), depth=_depth(view, clause)))
        if verb.lemma in state_acts and verb.dep == "xcomp":
            head = view.ann.tokens[verb.head]
            if head.lemma in decide:
                out.append(Match(view.opening_start(head), _to_end(view, verb), "suggest",
                                 addressee="Member States", depth=_depth(view, verb)))
    return out


def coercive_verb(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Requires all States to ...", "Demands that all parties ...", "Demands the end of ..."."""
    verbs, always = _words(vocab, "verbs"), _words(vocab, "always")
    addressees, organs = _words(vocab, "addressees"), committee.other_organs()
    out = []
    for verb in view.actor_verbs():
        if verb.lemma not in verbs:
            continue
        start, coercive = view.opening_start(verb), verb.lemma in always
        that = [c for c in view.children(verb, "ccomp") if _subject(view, c) is not None]
        objects = view.objects(verb)
        if organ_named(view, objects + [_subject(view, c) for c in that], organs):
            continue  # an order to another organ: the other-organ rule says it
        split = _that_split(view, verb)
        if split is not None:  # "Demands that X cease": "Calls upon X to cease"
            head, subject, end, tail = split
            if _is_addressee(view, head, addressees):
                out.append(Match(start, end, "suggest_that", addressee=subject, tail=tail))
            elif coercive:  # "Demands that the violence stop": "Calls for the violence to stop"
                key = "suggest_noun" if "suggest_noun" in vocab else "suggest_that"
                out.append(Match(start, end, key, addressee=subject,
                                 tail=f" {subject} to{tail}" if key == "suggest_noun" else tail))
            continue
        if that or _that_after(view, verb) is not None:
            # a 'that'-clause the tokens do not split: keep it whole ("Urges that X ...")
            if coercive or (that and _is_addressee(view, _subject(view, that[0]), addressees)):
                out.append(Match(start, view.token_end(verb), "suggest_that_clause"))
            continue
        bound = [o for o in objects if _is_addressee(view, o, addressees)]
        if bound:
            out.append(Match(start, view.token_end(verb), "suggest", addressee=_phrase(view, bound[0])))
        elif coercive:
            out.append(Match(start, view.token_end(verb), "suggest_noun"))
    return out


_MODALS = {"shall", "must", "should", "will", "would", "may", "might", "can", "could"}


def _that_after(view: ClauseView, verb: Token) -> Token | None:
    """The 'that' opening the verb's object clause ("Demands [immediately] that ...")."""
    toks, k, commas = view.ann.tokens, verb.i + 1, 0
    while k < len(toks):
        tok = toks[k]
        if tok.lower == "that":
            return tok
        if tok.text == "," and commas == 0:  # "Demands, in the strongest terms, that"
            close = [t.i for t in toks[k + 1:k + 10] if t.text == ","]
            if close:
                k, commas = close[0] + 1, 1
                continue
        if not (tok.tag == "RB" or tok.text == ","):
            return None
        k += 1
    return None


def _that_split(view: ClauseView, verb: Token):
    """Read "VERB that SUBJECT [adverbs] [shall] VERB2 ..." off the tokens, since the parser often
    takes the verb after a plural subject for a noun ("Member States cease trafficking").
    Returns (subject head, subject text, end of the span to replace, words to add after the
    template) so the replacement reads "Calls upon SUBJECT to [adverbs] VERB2", or None."""
    from resedit.lint import morph

    that = _that_after(view, verb)
    if that is None:
        return None
    toks = view.ann.tokens
    for k in range(that.i + 2, len(toks)):
        tok = toks[k]
        if tok.is_punct or tok.lower in ("that", "which", "who") or view.in_quote(tok):
            return None
        prev = toks[k - 1]
        modal = tok.lower in _MODALS
        finite = tok.tag in ("VB", "VBP", "VBZ", "VBD") and tok.dep not in ("amod", "acl", "relcl")
        # a base-form verb the tagger took for a noun, right after the subject's head noun
        noun_verb = (tok.tag == "NN" and tok.text.islower() and morph.has_form(tok.text, "VB")
                     and ((prev.tag in ("NNS", "NNPS", "NNP") and prev.lower.endswith("s"))
                          or (prev.tag in ("VBN", "VBD") and prev.dep in ("acl", "amod"))))
        if not (modal or finite or noun_verb):
            continue
        subj = list(toks[that.i + 1:k])
        while subj and subj[-1].tag.startswith("RB"):  # "all parties immediately cease"
            subj.pop()
        if not subj or subj[-1].tag in ("DT", "IN", "CC", "PRP$", "POS"):
            return None
        subject = view.text[subj[0].idx: view.token_end(subj[-1])]
        nouns = [t for t in subj if t.tag.startswith("NN")]
        head = nouns[-1] if nouns else subj[-1]  # "all parties concerned": parties
        between = view.text[view.token_end(subj[-1]): tok.idx].strip()
        if modal:  # "shall cease": the template's "to" takes the modal's place
            return head, subject, view.token_end(tok), (" " + between if between else "")
        if tok.lower in ("do", "does", "did") or tok.text.endswith("n't"):
            return None
        base = tok.text if tok.tag in ("VB", "VBP", "NN", "NNS") else morph.inflect(tok.text, "VB")
        if base.lower() == tok.lower and tok.tag in ("VBZ", "VBD"):
            base = morph.lemma(tok.text)
        return head, subject, view.token_end(tok), " " + " ".join(w for w in (between, base) if w)
    return None


def legally_binding(view: ClauseView, vocab: dict, committee) -> list[Match]:
    """"Imposes legally binding obligations", "... shall be legally binding on Member States"."""
    words, creating = _words(vocab, "words"), _words(vocab, "creating_verbs")
    be_verbs, aux_words = _words(vocab, "be_verbs"), _words(vocab, "binding_aux")
    actors = view.actor_verbs()
    out = []
    for tok in view.ann.tokens:
        if tok.lower not in words or view.in_quote(tok):
            continue
        before = view.text[max(0, tok.idx - 4): tok.idx].lower()
        if before.endswith(("non-", "non ")):
            continue
        governor, hops = tok, 0
        while hops < 8:
            if governor is not tok and view.is_verb(governor) and governor.lower not in words:
                break
            if governor.head == governor.i:
                governor = None
                break
            governor, hops = view.ann.tokens[governor.head], hops + 1
        if governor is None:
            continue
        binds = False
        if governor.lemma in creating and governor in actors:
            binds = True
        elif governor.lemma in be_verbs:
            head = view.ann.tokens[governor.head]
            binds = _aux(view, governor, aux_words) is not None or (
                governor.dep == "ccomp" and head in actors and head.lemma in creating)
        if binds:
            adverbs = [c for c in view.children(tok, "advmod") if c.lower == "legally"]
            start = min([tok.idx] + [a.idx for a in adverbs])
            out.append(Match(start, view.token_end(tok), "suggest"))
    return out


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
    signature, organs = _words(vocab, "signature"), committee.other_organs()
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
    organs = committee.other_organs()
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
    organs = committee.other_organs()
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


CHECKS = {
    "binding-decision": binding_decision,
    "coercive-verb": coercive_verb,
    "legally-binding": legally_binding,
    "sanctions": sanctions,
    "force": force,
    "implementation": implementation,
    "budget": budget,
    "treaty-or-body": treaty_or_body,
    "other-organ": other_organ,
    "tone": tone,
}
