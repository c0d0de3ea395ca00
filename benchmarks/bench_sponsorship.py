"""Sponsor name resolution and the sponsorship lint, as ratios to a plain dict lookup.

Measured in the same run, best of several repetitions, so the ratios do not depend on the
machine. Run: uv run python benchmarks/bench_sponsorship.py
"""
from __future__ import annotations

import time

from resedit.committees import load_committee
from resedit.lint import lint, load_rules
from resedit.model import WorkingPaper
from resedit.sponsorship.states import state_index

REPEAT = 50
EXACT = ["Viet Nam", "Türkiye", "Brazil", "Republic of Korea", "Côte d'Ivoire"] * 8  # 40 names
VARIANT = ["Vietnam", "Turkey", "brazil", "South Korea", "Ivory Coast"] * 8
MISSPELT = ["Untied States", "Sierra Leona", "Lituania", "Phillipines", "Columbia"] * 8


def best(fn) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    index = state_index()
    table = {name: state for name, state in index.states.items()}
    baseline = best(lambda: [table.get(n) for n in EXACT])
    exact = best(lambda: [index._resolve(n) for n in EXACT])
    variant = best(lambda: [index._resolve(n) for n in VARIANT])
    misspelt = best(lambda: [index._resolve(n) for n in MISSPELT])  # uncached: the first time
    cached = best(lambda: [index.resolve(n) for n in MISSPELT])
    rules = [r for r in load_rules() if r.category == "sponsorship"]
    committee = load_committee("CCPCJ")
    paper = WorkingPaper(code="CCPCJ/1/1", sponsors=VARIANT[:10], signatories=EXACT[:15] + MISSPELT[:15])
    linted = best(lambda: lint(paper, rules, committee))  # names memoised after the first run
    print(f"40 names, best of {REPEAT}:")
    print(f"  dict lookup (baseline)      {baseline * 1e3:8.3f} ms")
    for label, value in (("resolve, official names", exact), ("resolve, variants/case", variant),
                         ("resolve, misspelt (fuzzy)", misspelt),
                         ("resolve, misspelt, again", cached),
                         ("SPO lint, 40-name paper", linted)):
        print(f"  {label:27s} {value * 1e3:8.3f} ms  ({value / baseline:,.0f}x baseline)")


if __name__ == "__main__":
    main()
