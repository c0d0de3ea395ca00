"""What the browser page shows, as JSON: the paper as it will print, its findings, its backers.

The page renders only what is here; it never parses the paper itself, so the host's reader,
numbering (resedit.formats.labels) and lint pipeline are the only ones.
"""
from __future__ import annotations

import copy
from functools import lru_cache

from resedit.formats.labels import label_for, renumber
from resedit.model.paper import WorkingPaper


@lru_cache(maxsize=4096)
def _opener(text: str) -> int:
    from resedit.formats.docx_out import opener_length

    return opener_length(text)


def paper_view(paper: WorkingPaper) -> dict:
    """Header, opening line and every clause in print order (numbered as the exporters number)."""
    rows = []
    for part, position, path, clause in paper.clauses():
        # The opening phrase is italic where the exporters set it so: top-level clauses.
        rows.append({"id": clause.id, "part": part, "level": len(path), "label": label_for(part, position, path),
                     "text": clause.text, "opener": _opener(clause.text) if not path else 0})
    return {"code": paper.code, "committee": paper.committee, "topic": paper.topic, "opening": paper.opening,
            "sponsors": list(paper.sponsors), "signatories": list(paper.signatories), "rows": rows}


def lint_view(paper: WorkingPaper, conference=None) -> dict:
    """Findings of the host's lint pipeline (the rules that need no language model: the model's
    run in the terminal editors) and the sponsorship count against the threshold."""
    from resedit.lint.pipeline import Options, check_paper

    paper = copy.deepcopy(paper)  # the labels below are set on a copy
    renumber(paper)  # numbering is automatic here as in the editor
    checked = check_paper(paper, Options(conference=conference))
    findings = [{"code": d.code, "severity": d.severity, "message": d.message, "clause": d.location.clause_id,
                 "part": d.location.part, "position": d.location.clause} for d in checked.findings]
    analysis = checked.sponsorship
    return {"findings": findings, "sponsorship": {**analysis.summary(), "line": analysis.line()}}
