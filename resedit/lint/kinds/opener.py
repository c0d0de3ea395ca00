"""opener rule kinds: does each top-level clause open as its part requires?

One analysis per clause (resedit.lint.opening.analyse) gives at most one verdict; each kind
reports one kind of verdict, so a clause never gets two opener findings for one mistake.
Sub-clauses are left alone on purpose: UN sub-paragraphs legitimately open with a participle
("Requesting the Commission to ..."), a base verb ("Strengthen ...") or a subject ("The State of
Palestine may ...").
"""
from __future__ import annotations

from resedit.lint.hit import Hit
from resedit.lint.kinds.base import Kind, in_scope, where
from resedit.lint.memo import memo
from resedit.lint.opening import analyse


def _verdict(ctx, part: str, text: str):
    names = tuple(ctx.committee.names())
    return memo(("opener", part, text, names), lambda: analyse(ctx.annotate(text), part, names))


def _runner(problem: str):
    def run(rule, ctx):
        for part, position, path, clause in in_scope(rule.scope, ctx.paper):
            if path or part not in ("preamble", "operative") or not clause.text.strip():
                continue
            verdict = _verdict(ctx, part, clause.text)
            if verdict.problem != problem:
                continue
            yield Hit(where(part, position, path, clause, verdict.start, verdict.end),
                      {"found": verdict.found, "suggestion": verdict.suggestion,
                       "detail": verdict.detail}, [verdict.suggestion] if verdict.suggestion else [])
    return run


KINDS: dict[str, Kind] = {
    "opener-form": Kind(_runner("form"), needs_nlp=True),
    "opener-subject": Kind(_runner("subject"), needs_nlp=True),
    "opener-whereas": Kind(_runner("whereas"), needs_nlp=True),
    "opener-misspelt": Kind(_runner("misspelt"), needs_nlp=True),
    "opener-noverb": Kind(_runner("noverb"), needs_nlp=True),
    "opener-lowercase": Kind(_runner("lowercase"), needs_nlp=True),
}
