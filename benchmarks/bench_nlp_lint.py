"""The NLP clause linter's cost against its floor: bare spaCy over the same clause texts.

For a 40- and a 100-clause paper built from real adopted clauses (../shared/corpus/un/):
- full lint (every rule in clause_rules.yaml, cold clause caches) / bare `nlp.pipe` over the same
  clause texts with the same pipeline (target <= 1.25);
- re-lint after editing one clause (warm caches) / full lint (target <= 0.05);
- peak memory: tracemalloc peak during a full lint, and the process's peak RSS.
Minimum of 5 interleaved runs (medians printed too), bounded for a shared 2-core machine
(about a minute).

Then long papers: 1,000 / 5,000 / 10,000 clauses, each a real clause made unique by a place name
and a number (so every clause is parsed, as in a real paper), one run each: CPU time per clause of
the full lint and of bare `nlp.pipe`, their ratio, and the re-lint of one edited clause. The time
per clause should stay within 1.3x across the three sizes (a cache that thrashes would not).
Run: uv run python benchmarks/bench_nlp_lint.py [--long-only | --short-only]
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules, memo
from resedit.model import Clause, WorkingPaper
from resedit.nlp import Annotator, load_annotator

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "un"
RUNS = 5


def real_clauses() -> tuple[list[str], list[str]]:
    preamble, operative = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        paper = read_paper(path)
        preamble += [c.text for c in paper.preamble]
        operative += [c.text for c in paper.operative if not c.text.startswith("We ")]
    return list(dict.fromkeys(preamble)), list(dict.fromkeys(operative))


def make_paper(size: int, preamble: list[str], operative: list[str]) -> WorkingPaper:
    n_pre = size * 2 // 5
    return WorkingPaper(code="CCPCJ/1/1", committee="Commission on Crime Prevention and Criminal Justice",
                        topic="Trafficking", opening="The Commission on Crime Prevention and Criminal Justice,",
                        sponsors=["Brazil", "Viet Nam"],
                        preamble=[Clause(t) for t in preamble[:n_pre]],
                        operative=[Clause(t) for t in operative[:size - n_pre]])


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench(size: int, nlp, rules, committee, pre, ops) -> dict:
    paper = make_paper(size, pre, ops)
    texts = [c.text for _, _, _, c in paper.clauses()]
    assert len(texts) == size, (size, len(texts))
    def full():
        memo._MEMO.clear()  # cold: a fresh annotator cache and no memoized clause analyses
        lint(paper, rules, committee, annotator=Annotator(nlp))

    # Interleaved, so the baseline and the lint see the same load on a shared machine; the
    # minimum of the runs is the least disturbed measurement of each.
    bare_times, full_times = [], []
    for _ in range(RUNS):
        bare_times.append(timed(lambda: list(nlp.pipe(texts))))
        full_times.append(timed(full))
    annotator = Annotator(nlp)
    lint(paper, rules, committee, annotator=annotator)  # warm
    relint_times = []
    for i in range(RUNS):
        target = paper.operative[i]
        target.text = target.text.replace(";", f" (edit {i});", 1) if ";" in target.text else target.text + " x"
        before = annotator.parses
        relint_times.append(timed(lambda: lint(paper, rules, committee, annotator=annotator)))
        assert annotator.parses - before == 1
    # What a re-lint costs without any parse: the rules re-run over every clause.
    noedit = min(timed(lambda: lint(paper, rules, committee, annotator=annotator)) for _ in range(RUNS))
    memo._MEMO.clear()
    tracemalloc.start()
    lint(paper, rules, committee, annotator=Annotator(nlp))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"size": size, "words": sum(len(t.split()) for t in texts), "bare": min(bare_times),
            "full": min(full_times), "relint": min(relint_times),
            "full_median": statistics.median(full_times), "bare_median": statistics.median(bare_times),
            "noedit": noedit, "peak": peak}


PLACES = ("the Sahel", "the Andean region", "the Mekong subregion", "the Caribbean", "the Balkans",
          "West Africa", "Central Asia", "the Pacific islands", "the Great Lakes region", "the Gulf")


def long_paper(size: int, pre: list[str], ops: list[str]) -> WorkingPaper:
    """`size` distinct clauses: real ones, each with "in <place> (<n>)" before its ending."""
    def vary(text: str, n: int) -> str:
        body, end = (text[:-1], text[-1]) if text[-1:] in ",;." else (text, "")
        return f"{body} in {PLACES[n % len(PLACES)]} ({n}){end}"
    n_pre = size * 2 // 5
    return WorkingPaper(code="CCPCJ/1/1", committee="Commission on Crime Prevention and Criminal Justice",
                        topic="Trafficking", opening="The Commission on Crime Prevention and Criminal Justice,",
                        sponsors=["Brazil", "Viet Nam"],
                        preamble=[Clause(vary(pre[i % len(pre)], i)) for i in range(n_pre)],
                        operative=[Clause(vary(ops[i % len(ops)], i)) for i in range(size - n_pre)])


def cpu_timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def bench_long(size: int, nlp, rules, committee, pre, ops) -> dict:
    """CPU time of this process: one run of each is too long to repeat, and on a shared machine
    wall time mostly measures the other processes."""
    paper = long_paper(size, pre, ops)
    texts = [c.text for _, _, _, c in paper.clauses()]
    assert len(set(texts)) == size
    bare = cpu_timed(lambda: list(nlp.pipe(texts)))
    memo._MEMO.clear()
    annotator = Annotator(nlp)
    full = cpu_timed(lambda: lint(paper, rules, committee, annotator=annotator))
    target = paper.operative[size // 3]
    target.text = target.text[:-1] + " (edited);"
    before = annotator.parses
    relint = cpu_timed(lambda: lint(paper, rules, committee, annotator=annotator))
    assert annotator.parses - before == 1, annotator.parses - before  # nothing else re-parsed
    return {"size": size, "bare": bare, "full": full, "relint": relint}


def long_rows(nlp, rules, committee, pre, ops) -> None:
    print(f"\n{'clauses':>7} {'nlp.pipe/clause':>16} {'lint/clause':>12} {'ratio':>6} {'re-lint':>8} {'ratio':>6}"
          "   (CPU time)")
    per_clause = []
    for size in (1000, 5000, 10000):
        r = bench_long(size, nlp, rules, committee, pre, ops)
        per_clause.append(r["full"] / size)
        print(f"{size:>7} {r['bare'] / size * 1000:>14.2f}ms {r['full'] / size * 1000:>10.2f}ms "
              f"{r['full'] / r['bare']:>6.2f} {r['relint'] * 1000:>6.0f}ms {r['relint'] / r['full']:>6.3f}")
    print(f"lint time per clause, largest / smallest across 1k-10k: {max(per_clause) / min(per_clause):.2f} "
          f"(target <= 1.3)")


def main() -> None:
    nlp = load_annotator()._nlp  # the same verified pipeline the linter uses
    rules, committee = load_rules(), load_committee("CCPCJ")
    pre, ops = real_clauses()
    lint(make_paper(10, pre, ops), rules, committee, annotator=Annotator(nlp))  # imports, lazy loads
    if "--long-only" not in sys.argv:
        short_rows(nlp, rules, committee, pre, ops)
    if "--short-only" not in sys.argv:
        long_rows(nlp, rules, committee, pre, ops)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process (model loaded): {peak:.0f} MiB")


def short_rows(nlp, rules, committee, pre, ops) -> None:
    print(f"{'clauses':>7} {'words':>6} {'nlp.pipe':>9} {'full lint':>10} {'ratio':>6} "
          f"{'re-lint':>8} {'ratio':>6} {'tracemalloc peak':>17}")
    for size in (40, 100):
        r = bench(size, nlp, rules, committee, pre, ops)
        print(f"{r['size']:>7} {r['words']:>6} {r['bare'] * 1000:>7.0f}ms {r['full'] * 1000:>8.0f}ms "
              f"{r['full'] / r['bare']:>6.2f} {r['relint'] * 1000:>6.1f}ms {r['relint'] / r['full']:>6.3f} "
              f"{r['peak'] / 2**20:>14.1f}MiB   (medians: {r['bare_median'] * 1000:.0f} / "
              f"{r['full_median'] * 1000:.0f} ms; re-lint without an edit {r['noedit'] * 1000:.1f} ms)")
    print(f"rules: {len(rules)} (all families); targets: full/bare <= 1.25, re-lint/full <= 0.05")


if __name__ == "__main__":
    main()
