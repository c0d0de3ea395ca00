"""citation rule kinds: references to UN resolutions are well formed and, for documents listed in
lexicon/documents.yaml, carry the right date and title. Unknown documents are never errors."""
from __future__ import annotations

import datetime as dt

from resedit.lint import citations
from resedit.lint.engine import Hit
from resedit.lint.kinds.base import Kind, in_scope, where
from resedit.lint.memo import memo

# The drafting body's own resolutions ("its resolution 79/42"), by committee profile code.
_OWN = {"GA": "GA", "SC": "SC", "CCPCJ": "CCPCJ", "ECOSOC": "ECOSOC", "HRC": "HRC"}


def _verdicts(text: str, own: str) -> list:
    year = dt.date.today().year
    out = []
    for c in citations.find(text, own):
        verdict = citations.judge(c, own, year)
        if verdict:
            out.append((c, verdict))
    return out


def _runner(problem: str):
    def run(rule, ctx):
        own = _OWN.get(ctx.committee.code.upper(), ctx.committee.code.upper())
        for part, position, path, clause in in_scope(rule.scope, ctx.paper):
            found = memo(("citation", clause.text, own), lambda: _verdicts(clause.text, own))
            for c, (kind, expected, fix) in found:
                if kind != problem:
                    continue
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
