"""Precision and recall of the MAN rules on the labelled evaluation set (run by hand, not pytest).

The set is tests/data/mandate_eval.yaml (development) and tests/data/mandate_eval_heldout.yaml
(held out while tuning); each is reported on its own, overall, per family and per profile.
Usage: uv run python benchmarks/bench_mandate_accuracy.py [--misses]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mandate_eval import DEVELOPMENT, HELD_OUT, load_items, run, scores  # noqa: E402

from resedit.nlp import load_annotator  # noqa: E402


def report(name: str, results) -> None:
    table = scores(results)
    total = table["all"]["all"]
    print(f"== {name}: {len(results)} clauses, {total['tp'] + total['fn']} overreach")
    print(f"   overall   precision {total['precision']:.3f}  recall {total['recall']:.3f}  "
          f"(tp {total['tp']} fp {total['fp']} fn {total['fn']} tn {total['tn']})")
    for group in ("family", "profile"):
        for key, s in table[group].items():
            print(f"   {group:7} {key:20} precision {s['precision']:.2f}  recall {s['recall']:.2f}  "
                  f"(tp {s['tp']} fp {s['fp']} fn {s['fn']} tn {s['tn']})")


def main() -> None:
    annotator = load_annotator()
    misses = "--misses" in sys.argv
    for name, path in (("development set", DEVELOPMENT), ("held-out set", HELD_OUT)):
        results = run(load_items(path), annotator)
        report(name, results)
        if misses:
            for item, found in results:
                if bool(found) != item.label:
                    what = "MISSED" if item.label else "FALSE " + ",".join(d.code for d in found)
                    print(f"   {what:12} {item.family:18} {item.committee:6} {item.text[:110]!r}")


if __name__ == "__main__":
    main()
