"""How much the mandate rules cost next to parsing the clauses they read (run by hand, not pytest).

Baseline, measured in the same run: one batched spaCy parse of every clause of the papers (what
the engine does once per lint). Then the MAN rules over the already-parsed papers. Reports
both and the ratio, per paper set. Usage: uv run python benchmarks/bench_mandate.py
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules, memo
from resedit.nlp import load_annotator
from resedit.nlp.annotator import Annotator

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "un"
REPEAT = 5


def main() -> None:
    shared = load_annotator()
    rules = [r for r in load_rules() if r.category == "mandate"]
    papers = [(p.name, read_paper(p)) for p in sorted(CORPUS.glob("*.txt"))]
    ccpcj = load_committee("CCPCJ")
    clauses = sum(1 for _, paper in papers for _ in paper.clauses())
    parse, rule_runs = [], []
    for _ in range(REPEAT):
        fresh = Annotator(shared._nlp)  # empty cache: every clause is really parsed
        memo._MEMO.clear()  # and no memoized rule answers: the rules really run
        start = time.perf_counter()
        for _, paper in papers:
            fresh.annotate_many([c.text for _, _, _, c in paper.clauses()])
        parse.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = sum(len(lint(paper, rules, ccpcj, annotator=fresh)) for _, paper in papers)
        rule_runs.append(time.perf_counter() - start)
    p, r = statistics.median(parse), statistics.median(rule_runs)
    print(f"{len(papers)} corpus papers, {clauses} clauses, {REPEAT} runs (median)")
    print(f"baseline: parse every clause        {p * 1000:8.1f} ms")
    print(f"MAN001-MAN016 on the parsed papers  {r * 1000:8.1f} ms  ({found} findings under CCPCJ)")
    print(f"ratio rules/parse                   {r / p:8.2f}")
    print(f"per clause                          {r / clauses * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
