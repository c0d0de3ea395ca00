"""Precision and recall of the clause-level rules on labelled working papers written for this
project (tests/eval/README.md): the tuning papers exactly, the held-out paper to a floor."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from resedit.committees import load_committee
from resedit.formats import read_paper
from resedit.lint import lint, load_rules

EVAL = Path(__file__).resolve().parent / "eval"
LABELS = yaml.safe_load((EVAL / "labels.yaml").read_text(encoding="utf-8"))
CLAUSE_LEVEL = ("opener", "style", "citation")


def findings(name: str, annotator) -> list[tuple[str, str]]:
    paper = read_paper(EVAL / name)
    rules = [r for r in load_rules() if r.category in CLAUSE_LEVEL or r.id == "PUN020"]
    texts = {(part, pos, path): c.text for part, pos, path, c in paper.clauses()}
    out = []
    for d in lint(paper, rules, load_committee("CCPCJ"), annotator=annotator):
        text = texts[(d.location.part, d.location.clause, tuple(d.location.subclause or ()))]
        out.append((d.code, text[d.location.start:d.location.end]))
    return out


def score(names, annotator) -> tuple[float, float, list, list]:
    hits = wrong = missed = 0
    extra, lost = [], []
    for name in names:
        expected = [tuple(x) for x in LABELS[name]]
        got = findings(name, annotator)
        for item in got:
            if item in expected:
                expected.remove(item)
                hits += 1
            else:
                wrong += 1
                extra.append((name, item))
        missed += len(expected)
        lost += [(name, item) for item in expected]
    return hits / max(1, hits + wrong), hits / max(1, hits + missed), extra, lost


def test_tuning_papers_get_exactly_their_seeded_findings(annotator):
    precision, recall, extra, lost = score(sorted(n for n in LABELS if n.startswith("tune_")), annotator)
    assert (extra, lost) == ([], [])


def test_held_out_paper_precision_and_recall(annotator):
    precision, recall, extra, lost = score(sorted(n for n in LABELS if n.startswith("heldout_")), annotator)
    print(f"held out: precision {precision:.2f} recall {recall:.2f}; extra {extra}; missed {lost}")
    assert precision >= 0.9 and recall >= 0.8, (extra, lost)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_label_names_text_in_its_paper(name):
    text = (EVAL / name).read_text(encoding="utf-8")
    for code, found in LABELS[name]:
        assert found in text, (name, code, found)
