"""style rule kinds: UN house style that needs no parse, so these answer while the model loads.

Text inside quotation marks is a quoted title ("The Pact for the Future", "We the Peoples") and is
not the paper's own wording, so the first-person, informal and spelling rules skip it.
"""
from __future__ import annotations

import re

from resedit import lexicon
from resedit.lint import acronyms as abbreviations
from resedit.lint import spelling
from resedit.lint.hit import Hit
from resedit.lint.house_spelling import case_like as _case_like
from resedit.lint.house_spelling import un_spelling
from resedit.lint.kinds.base import Kind, in_scope, where
from resedit.lint.memo import memo
from resedit.lint.quotes import quoted_spans

_MEMBER_STATES = re.compile(r"\b(member|Member|MEMBER) (states|States|STATES)\b")
_WORD = re.compile(r"[A-Za-z]+")
# "I"/"my" are left out: "annex I", "Protocol I" make "I" a poor signal, and resolutions that slip
# into the first person do so in the plural.
_FIRST_PERSON = re.compile(r"\b(we|We|our|Our|ours|us|ourselves)\b")
_SUGGEST_PERSON = {"our": "its", "ours": "its"}


def _quoted(text: str) -> list[tuple[int, int]]:
    return quoted_spans(text)


def _outside(spans, start: int) -> bool:
    return not any(a <= start < b for a, b in spans)


def _per_clause(name: str, finder):
    """A kind from a per-clause finder -> [(start, end, values, suggestions)]. Memoized by the
    clause text, so a re-lint after a one-clause edit re-scans only that clause."""
    def run(rule, ctx):
        for part, position, path, clause in in_scope(rule.scope, ctx.paper):
            text = clause.text
            for start, end, values, suggestions in memo((name, text), lambda: finder(text)):
                yield Hit(where(part, position, path, clause, start, end), dict(values), list(suggestions))
    return run


# The clause names the organization whose members it means: "member States of the Union",
# "States members of the Institute", "not yet members of the Institute".
_OTHER_MEMBERS = re.compile(r"\b(?:members?|membership) of the\b|\bmember States of\b")


def _member_states(text: str) -> list:
    out = []
    for m in _MEMBER_STATES.finditer(text):
        if m.group(0) == "Member States":
            continue
        # "member States" is how the UN writes the members of another organization; it is right
        # when the clause says which one, and otherwise most likely means the UN's Member States.
        if m.group(0) == "member States" and _OTHER_MEMBERS.search(text):
            continue
        out.append((m.start(), m.end(), {"found": m.group(0)}, ["Member States"]))
    return out


def _in_name(text: str, m: re.Match) -> bool:
    """A capitalized word inside the clause belongs to a name, and an official name keeps its own
    spelling ("World Organisation for Animal Health", "Pan American Health Organisation")."""
    return m.group(0)[:1].isupper() and bool(text[:m.start()].strip(" \t([“\""))


def _spellings(text: str) -> list:
    quoted, out = _quoted(text), []
    for m in _WORD.finditer(text):
        fix = un_spelling(m.group(0)) if _outside(quoted, m.start()) and not _in_name(text, m) else None
        if fix:
            out.append((m.start(), m.end(), {"found": m.group(0), "suggestion": fix}, [fix]))
    return out


def acronyms(rule, ctx):
    """An abbreviation used before the paper spells it out ("... (UNODC)"); first use only.
    Those listed in lexicon/acronyms.txt, or for this body in acronyms_by_body.yaml, need none."""
    by_body = lexicon.body_acronyms()
    allowed = lexicon.acronyms() | by_body.get(ctx.committee.code.upper(), frozenset()) \
        | by_body.get((ctx.committee.parent or "").upper(), frozenset())
    seen: set[str] = set()
    for part, position, path, clause in ctx.paper.clauses():
        text = clause.text
        uses, defined_here = memo(("acronyms", text), lambda: abbreviations.scan(text))
        for acr, start in uses:
            if acr in allowed or acr in seen or acr in defined_here and defined_here[acr] <= start:
                seen.add(acr)  # in the last case, this is the spelling-out itself: "... (UNODC)"
                continue
            seen.add(acr)
            yield Hit(where(part, position, path, clause, start, start + len(acr)), {"found": acr})
        seen.update(defined_here)


def _first_person(text: str, shared: tuple[str, ...] = ()) -> list:
    quoted, out = _quoted(text), []
    for m in _FIRST_PERSON.finditer(text):
        word = m.group(0)
        # A clause-initial "We" is the clause's subject: the opener rule reports it once.
        if m.start() == 0 or not _outside(quoted, m.start()):
            continue
        # "our global commitment", "our common future": the Assembly speaking for all its
        # members, as adopted texts do; the rule's params list those words.
        following = text[m.end():].split(None, 1)
        if word.lower() == "our" and following and following[0].lower().strip(",;.") in shared:
            continue
        fix = _SUGGEST_PERSON.get(word.lower())
        out.append((m.start(), m.end(), {"found": word}, [fix] if fix else []))
    return out


def first_person(rule, ctx):
    shared = tuple(w.lower() for w in rule.params.get("shared_our", ()))
    for part, position, path, clause in in_scope(rule.scope, ctx.paper):
        text = clause.text
        for start, end, values, fixes in memo(("first-person", text, shared),
                                              lambda: _first_person(text, shared)):
            yield Hit(where(part, position, path, clause, start, end), dict(values), list(fixes))


def _informal(text: str) -> list:
    words = lexicon.informal()
    pattern = _informal_pattern(tuple(sorted(words, key=len, reverse=True)))
    quoted, out = _quoted(text), []
    for m in pattern.finditer(text):
        found = m.group(0)
        key = found if found in words else found.lower()
        if key not in words or not _outside(quoted, m.start()):
            continue  # all-caps entries (OK) match only as written
        better = words[key]
        out.append((m.start(), m.end(), {"found": found, "suggestion": better or "(delete)"},
                    [_case_like(found, better)] if better else []))
    return out


def _misspelt(text: str) -> list:
    return [(start, end, {"found": word, "suggestion": " or ".join(f"“{w}”" for w in fixes)}, fixes)
            for start, end, word, fixes in spelling.misspellings(text)]


def misspelt(rule, ctx):
    for part, position, path, clause in in_scope(rule.scope, ctx.paper):
        text = clause.text
        for start, end, values, fixes in memo(("misspelt", text), lambda: _misspelt(text)):
            # The opener of a top-level clause is the opener rules' (OPN006/OPN007).
            if start == len(text) - len(text.lstrip()) and not path:
                continue
            yield Hit(where(part, position, path, clause, start, end), dict(values), list(fixes))


# The same word twice in a row ("the the"); "that that" and "had had" can be right, so they pass.
_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
_MAY_DOUBLE = {"that", "had", "is"}


def _doubled(text: str) -> list:
    return [(m.start(), m.end(), {"found": m.group(0)}, [m.group(1)])
            for m in _DOUBLED.finditer(text) if m.group(1).lower() not in _MAY_DOUBLE]


# Two ending marks ("fees.;", "report;."): one was left behind when the clause was moved or edited.
_DOUBLE_END = re.compile(r"[.;:,]\s*([.;:,])\s*$")


# A full stop that closes an abbreviation ("Washington, D.C.,", "etc.;") is not an ending mark.
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.)*\b[A-Za-z]$|\b(?:etc|e\.g|i\.e|Inc|Ltd|Co|No|vol)$")


def _double_end(text: str) -> list:
    m = _DOUBLE_END.search(text)
    if m and m.group(0).lstrip().startswith(".") and _ABBREVIATION.search(text[:m.start()]):
        return []
    return [(m.start(), m.end(), {"found": m.group(0).strip()}, [m.group(1)])] if m else []


_PATTERNS: dict = {}


def _informal_pattern(entries: tuple[str, ...]) -> re.Pattern:
    if entries not in _PATTERNS:
        alternatives = "|".join(re.escape(e) if e.isupper() else "(?i:" + re.escape(e) + ")"
                                for e in entries)
        _PATTERNS[entries] = re.compile(rf"\b(?:{alternatives})\b")
    return _PATTERNS[entries]


KINDS: dict[str, Kind] = {
    "member-states": Kind(_per_clause("member-states", _member_states)),
    "un-spelling": Kind(_per_clause("un-spelling", _spellings)),
    "acronym-first-use": Kind(acronyms),
    "first-person": Kind(first_person, params=("shared_our",)),
    "informal-words": Kind(_per_clause("informal-words", _informal)),
    "misspelt-word": Kind(misspelt),
    "doubled-word": Kind(_per_clause("doubled-word", _doubled)),
    "double-ending": Kind(_per_clause("double-ending", _double_end)),
}
