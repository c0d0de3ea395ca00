"""Parse-based checks of binding language: "Decides that Member States shall", "Demands", "legally
binding". Words come from the profile merged over lexicon/mandate.yaml."""
from __future__ import annotations

from resedit.lint.kinds.mandate.match import Match, _aux, _depth, _is_addressee, _own_work, _phrase, _subject, _to_end
from resedit.lint.kinds.mandate.parse import ClauseView, organ_named
from resedit.lint.kinds.mandate.signals import _words, organs_of
from resedit.nlp import Token


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
    addressees, organs = _words(vocab, "addressees"), organs_of(committee)
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
