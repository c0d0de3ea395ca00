"""The mandate evaluation set (tests/data/mandate_eval*.yaml) run through the real linter.

Shared by tests/test_mandate_eval.py and benchmarks/bench_mandate_accuracy.py. Each item becomes a
one-clause paper under its committee (a chapeau with its sub-clauses, or a preambular clause when
the text ends in ","); an item counts as flagged when any MAN rule reports on it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from resedit.committees import load_committee
from resedit.formats.text import read_text
from resedit.lint import lint, load_rules

DATA = Path(__file__).resolve().parent / "data"
DEVELOPMENT = DATA / "mandate_eval.yaml"
HELD_OUT = DATA / "mandate_eval_heldout.yaml"


@dataclass(frozen=True)
class Item:
    family: str
    committee: str
    label: bool
    text: str


def load_items(path: Path) -> list[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Item(family, str(code), bool(label), text)
            for family, rows in data["families"].items() for code, label, text in rows]


def paper_for(item: Item):
    committee = load_committee(item.committee)
    head = (f"Code: {committee.code}/1/1\nCommittee: {committee.name}\nTopic: T\n"
            f"Sponsors: Brazil, Viet Nam\n\n{committee.opening},\n\n")
    if item.text.endswith(","):  # a preambular clause
        body = f"Recalling its resolution 27/2 of 18 May 2018,\n\n{item.text}\n\n1. Requests the Secretary-General to report on the matter.\n"
    else:
        first, *subs = item.text.split("\n")
        body = "Recalling its resolution 27/2 of 18 May 2018,\n\n1. " + first + "\n"
        body += "".join(f"\n    {s}\n" for s in subs)
    return read_text(head + body), committee


def run(items: list[Item], annotator) -> list[tuple[Item, list]]:
    rules = [r for r in load_rules() if r.category == "mandate"]
    papers = [paper_for(item) for item in items]
    annotator.annotate_many([c.text for p, _ in papers for _, _, _, c in p.clauses()])
    return [(item, lint(paper, rules, committee, annotator=annotator))
            for item, (paper, committee) in zip(items, papers)]


def scores(results) -> dict[str, dict[str, dict[str, float]]]:
    """Precision and recall overall, per family and per profile: {group: {key: {p, r, tp, ...}}}."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    for item, found in results:
        flagged = bool(found)
        slot = (0 if flagged else 2) if item.label else (1 if flagged else 3)
        for key in (("all", "all"), ("family", item.family), ("profile", item.committee)):
            counts[key][slot] += 1
    out: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    for (group, key), (tp, fp, fn, tn) in sorted(counts.items()):
        out[group][key] = {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
                           "precision": tp / (tp + fp) if tp + fp else 1.0,
                           "recall": tp / (tp + fn) if tp + fn else 1.0}
    return out
