"""citation rule kinds: references to UN resolutions are well formed and, for documents listed in
lexicon/documents.yaml, carry the right date and title. Unknown documents are never errors."""
from __future__ import annotations

import datetime as dt

from resedit.lint import citations
from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, in_scope, where
from resedit.lint.memo import memo

# The drafting body's own resolutions ("its resolution 79/42"), by committee profile code.
_OWN = {"GA": "GA", "SC": "SC", "CCPCJ": "CCPCJ", "ECOSOC": "ECOSOC", "HRC": "HRC"}


def _verdicts(text: str, own: str) -> list:
    """Every citation in the clause with its verdict (None when it is right)."""
    year = dt.date.today().year
    return ([(c, citations.judge(c, own, year)) for c in citations.find(text, own)]
            + citations.malformed_symbols(text))


def _runner(problem: str):
    def run(rule, ctx):
        own = _OWN.get(ctx.committee.code.upper(), ctx.committee.code.upper())
        dated: set[str] = set()  # resolutions already cited with their year
        for part, position, path, clause in in_scope(rule.scope, ctx.paper):
            found = memo(("citation", clause.text, own), lambda: _verdicts(clause.text, own))
            for c, verdict in found:
                cited_before = c.number in dated
                if c.year:
                    dated.add(c.number)
                if verdict is None or verdict[0] != problem:
                    continue
                # A resolution cited with its year earlier in the paper may be named by its number
                # alone afterwards ("paragraph 14 of resolution 2216 (2015)" ... "its resolution 2216").
                if problem == "form" and not c.paren and cited_before:
                    continue
                kind, expected, fix = verdict
                yield Hit(where(part, position, path, clause, c.start, c.end),
                          {"found": c.text, "expected": expected, "suggestion": fix},
                          [fix] if fix else [])
    return run


KINDS: dict[str, Kind] = {
    "citation-date": Kind(_runner("date")),
    "citation-session": Kind(_runner("session")),
    "citation-form": Kind(_runner("form")),
    "citation-title": Kind(_runner("title")),
    "citation-year": Kind(_runner("year")),
}
