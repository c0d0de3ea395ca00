"""Plain records for an analysed clause, so no caller depends on spaCy's types."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    i: int  # index in the clause
    text: str
    lower: str
    lemma: str
    tag: str  # fine-grained Penn tag: VBZ, VBG, NNP ...
    pos: str  # universal POS: VERB, NOUN ...
    dep: str  # dependency label: ROOT, nsubj, ccomp ...
    head: int  # index of the head token (itself for the root)
    morph: str  # e.g. "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    idx: int  # character offset in the clause text
    is_punct: bool = False

    def has_morph(self, feature: str, value: str) -> bool:
        return f"{feature}={value}" in self.morph.split("|")


@dataclass(frozen=True)
class Annotation:
    text: str
    tokens: tuple[Token, ...]

    def children(self, token: Token) -> list[Token]:
        return [t for t in self.tokens if t.head == token.i and t.i != token.i]

    def subtree(self, token: Token) -> list[Token]:
        out, stack = [], [token]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(self.children(t))
        return sorted(out, key=lambda t: t.i)

    def root(self) -> Token | None:
        for t in self.tokens:
            if t.dep == "ROOT":
                return t
        return None
