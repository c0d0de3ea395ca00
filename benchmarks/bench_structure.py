"""Reading + structural lint of a 60-clause paper, as a ratio to merely reading the file.

Both are measured in the same run, on the same file, best of several repetitions, so the ratio
does not depend on the machine. Run: uv run python benchmarks/bench_structure.py
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.formats.text import write_text
from resedit.lint import lint, load_rules
from resedit.model import Clause, WorkingPaper

REPEAT = 200


def sixty_clause_paper() -> WorkingPaper:
    preamble = [Clause(f"Recalling its resolution {n}/2 of 18 May 2018 on trafficking in persons "
                       f"and the protection of victims in every region,") for n in range(1, 21)]
    operative = []
    for n in range(1, 41):
        children = [Clause(f"Strengthening national legislation in area {k};") for k in range(3)] if n % 8 == 0 else []
        text = ("Urges Member States to:" if children
                else f"Urges Member States to consider measure {n} against trafficking;")
        operative.append(Clause(text, children=children))
    operative[-1].text = "Decides to remain actively seized of the matter."
    return WorkingPaper(code="CCPCJ/1/1", committee="CCPCJ", topic="Trafficking",
                        opening="The Commission on Crime Prevention and Criminal Justice,",
                        preamble=preamble, operative=operative)


def best(fn) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rules = [r for r in load_rules() if r.category in ("structure", "punctuation", "numbering")]
    committee = load_committee("CCPCJ")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.txt"
        path.write_text(write_text(sixty_clause_paper()), encoding="utf-8")
        read_only = best(lambda: path.read_text(encoding="utf-8"))
        parse = best(lambda: read_paper(path))
        parse_lint = best(lambda: lint(read_paper(path), rules, committee))
    print(f"60-clause paper, best of {REPEAT}:")
    print(f"  read the file           {read_only * 1e3:8.3f} ms  (baseline)")
    print(f"  read + parse            {parse * 1e3:8.3f} ms  ratio {parse / read_only:7.1f}")
    print(f"  read + parse + lint     {parse_lint * 1e3:8.3f} ms  ratio {parse_lint / read_only:7.1f}")
    print(f"  lint alone vs parse     ratio {(parse_lint - parse) / parse:5.2f}")


if __name__ == "__main__":
    main()
