"""Reading one operative clause's dependency parse for the mandate checks.

The central question is who acts. The committee acts through the clause's opening verb
("Imposes", "Strongly condemns"), verbs coordinated with it without a subject of their own
("... and demands"), and what it decides to do ("Decides to impose"). Everyone else acts through
verbs below a request or an appeal ("Requests UNODC to provide", "Urges Member States to
impose"), which is why those pass. A sub-clause is the committee's act only under "Decides to:";
under "Decides that:" it is the content of the decision.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from resedit.lint.quotes import quoted_spans
from resedit.nlp import Annotation, Token

# Verbs through which the committee's own decision passes to the verb it governs.
DECIDE_LIKE = ("decide", "resolve", "agree", "undertake", "determine", "commit", "choose", "intend")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECTS = ("dobj", "obj", "attr", "oprd", "dative")

_VIEWS: dict = {}


@dataclass
class ClauseView:
    """An annotated clause with the questions the checks ask of it."""

    ann: Annotation
    committee_acts: bool = True  # False for a sub-clause whose parent is not "Decides to:"
    decided: bool = False  # a sub-clause of "Decides that:": its content is the decision
    quotes: list[tuple[int, int]] = field(default_factory=list)

    kids: dict[int, list[Token]] = field(default_factory=dict)  # head index -> children
    trees: dict[int, list[Token]] = field(default_factory=dict)  # memoized subtrees
    actors: list[Token] | None = None  # memoized actor_verbs()
    acts: dict = field(default_factory=dict)  # part -> the committee's acts (signals.py)

    @classmethod
    def of(cls, ann: Annotation, committee_acts: bool = True, decided: bool = False) -> ClauseView:
        """The view of a parsed clause; the ten rules share one per clause (cached)."""
        key = (ann.text, committee_acts, decided)
        cached = _VIEWS.get(key)
        if cached is not None and cached.ann is ann:
            return cached
        if len(_VIEWS) > 4096:
            _VIEWS.clear()
        view = _VIEWS[key] = cls._build(ann, committee_acts)
        view.decided = decided
        return view

    @classmethod
    def _build(cls, ann: Annotation, committee_acts: bool) -> ClauseView:
        kids: dict[int, list[Token]] = {}
        for t in ann.tokens:
            if t.head != t.i:
                kids.setdefault(t.head, []).append(t)
        return cls(ann=ann, committee_acts=committee_acts, quotes=quoted_spans(ann.text), kids=kids)

    @property
    def text(self) -> str:
        return self.ann.text

    def children(self, tok: Token, *deps: str) -> list[Token]:
        return [c for c in self.kids.get(tok.i, []) if not deps or c.dep in deps]

    def subtree(self, tok: Token) -> list[Token]:
        if tok.i not in self.trees:
            out, stack = [], [tok]
            while stack:
                t = stack.pop()
                out.append(t)
                stack.extend(self.kids.get(t.i, []))
            self.trees[tok.i] = sorted(out, key=lambda t: t.i)
        return self.trees[tok.i]

    def in_quote(self, tok: Token) -> bool:
        return any(start <= tok.idx < end for start, end in self.quotes)

    def has_subject(self, tok: Token) -> bool:
        return bool(self.children(tok, *SUBJECTS))

    def is_verb(self, tok: Token) -> bool:
        return tok.tag.startswith("VB") or tok.pos in ("VERB", "AUX")

    def actor_verbs(self) -> list[Token]:
        """The verbs whose subject is the committee itself, in clause order."""
        if self.actors is None:
            self.actors = self._actor_verbs()
        return list(self.actors)

    def _actor_verbs(self) -> list[Token]:
        root = self.ann.root()
        if root is None or not self.committee_acts or self.in_quote(root):
            return []
        out: list[Token] = []

        def add(tok: Token) -> None:
            if tok in out or self.in_quote(tok):
                return
            out.append(tok)
            for child in self.children(tok):
                if not self.is_verb(child) or self.has_subject(child):
                    continue
                if child.dep == "conj":
                    add(child)
                elif child.dep == "ccomp" and child.tag == "VBZ":  # "..., welcomes X, and demands"
                    add(child)
                elif child.dep == "xcomp" and tok.lemma in DECIDE_LIKE:
                    add(child)

        add(root)
        # In long clauses the parser hangs ", and demands that ..." under a noun or under an
        # earlier 'that'-clause. A present-tense verb with no subject of its own, outside
        # relative clauses and quotations, is still one of the committee's operative verbs.
        for tok in self.ann.tokens:
            if tok.tag == "VBZ" and tok not in out and not self.has_subject(tok) \
                    and not self.in_quote(tok) and not self._in_relative(tok):
                add(tok)
        return sorted(out, key=lambda t: t.i)

    def _in_relative(self, tok: Token) -> bool:
        hops = 0
        while tok.head != tok.i and hops < 50:
            if tok.dep in ("relcl", "acl", "csubj", "pcomp"):
                return True
            tok, hops = self.ann.tokens[tok.head], hops + 1
        return False

    def objects(self, verb: Token) -> list[Token]:
        """Direct objects of a verb, following prepositions and conjunctions of objects."""
        out = []
        for child in self.children(verb):
            if child.dep in OBJECTS:
                out.append(child)
                out.extend(c for c in self.children(child, "conj"))
        return out

    def phrase_lowers(self, tok: Token) -> list[str]:
        return [t.lower for t in self.subtree(tok)]

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def token_end(self, tok: Token) -> int:
        return tok.idx + len(tok.text)

    def subtree_end(self, tok: Token) -> int:
        return max(self.token_end(t) for t in self.subtree(tok))

    def opening_start(self, verb: Token) -> int:
        """Where the committee's act starts: the clause start for the opening verb (with its
        adverbs: "Strongly demands"), else the verb itself ("..., and demands")."""
        root = self.ann.root()
        if verb == root or (root is not None and verb.head == root.i and verb.dep == "xcomp"):
            return 0
        advs = [c for c in self.children(verb, "advmod") if c.i < verb.i]
        return min([verb.idx] + [a.idx for a in advs])

    def through_verb(self, verb: Token) -> int:
        """End offset of the words from the opening to `verb` ("Decides to impose")."""
        return self.token_end(verb)


def organ_named(view: ClauseView, tokens: list[Token], organs: list[dict]) -> dict | None:
    """The first organ (from mandate.yaml) whose name appears in the given tokens' phrases."""
    for tok in tokens:
        joined = " " + " ".join(t.lower for t in view.subtree(tok)) + " "
        joined = joined.replace(" - ", "-")
        for organ in organs:
            if any(f" {m} " in joined for m in organ.get("match", [])):
                return organ
    return None
