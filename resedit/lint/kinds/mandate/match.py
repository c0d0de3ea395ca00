"""What a mandate check returns (Match) and the small questions the checks share about a parse:
who is the subject, is it a State, is it the committee's own work, how deep is a token."""
from __future__ import annotations

from dataclasses import dataclass

from resedit.lint.kinds.mandate.parse import SUBJECTS, ClauseView
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
