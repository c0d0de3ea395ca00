"""What the browser page shows, as JSON: the paper as it will print, its findings, its backers.

The page renders only what is here; it never parses the paper itself, so the host's reader,
numbering and linter are the only ones.
"""
from __future__ import annotations

import copy
from functools import lru_cache

from resedit.formats.labels import sub_label
from resedit.model.paper import WorkingPaper


def _label(part: str, position: int, path: tuple[int, ...]) -> str:
    if path:
        return sub_label(len(path), path[-1])
    return f"{position}." if part == "operative" else ""


@lru_cache(maxsize=4096)
def _opener(text: str) -> int:
    from resedit.formats.docx_out import opener_length

    return opener_length(text)


def paper_view(paper: WorkingPaper) -> dict:
    """Header, opening line and every clause in print order (numbered as the exporters number)."""
    rows = []
    for part, position, path, clause in paper.clauses():
        # The opening phrase is italic where the exporters set it so: top-level clauses.
        rows.append({"id": clause.id, "part": part, "level": len(path), "label": _label(part, position, path),
                     "text": clause.text, "opener": _opener(clause.text) if not path else 0})
    return {"code": paper.code, "committee": paper.committee, "topic": paper.topic, "opening": paper.opening,
            "sponsors": list(paper.sponsors), "signatories": list(paper.signatories), "rows": rows}


def lint_view(paper: WorkingPaper, conference=None) -> dict:
    """Findings of the host's linter (the structural rules; the language model runs in the editors)
    and the sponsorship count against the threshold."""
    from resedit.committees import find_committee, load_committee
    from resedit.lint import lint, load_rules
    from resedit.sponsorship import sponsorship_line, sponsorship_summary

    paper = copy.deepcopy(paper)
    # Numbering is automatic here as in the editor: the labels "as written" are the computed ones.
    for part, position, path, clause in paper.clauses():
        clause.label = _label(part, position, path).strip("().") or None
    committee = (find_committee(paper.committee) if paper.committee else None) or load_committee(None)
    findings = []
    for d in lint(paper, load_rules(), committee, annotator=None, conference=conference):
        findings.append({"code": d.code, "severity": d.severity, "message": d.message,
                         "clause": d.location.clause_id, "part": d.location.part,
                         "position": d.location.clause})
    summary = sponsorship_summary(paper, committee, conference)
    return {"findings": findings, "sponsorship": {**summary, "line": sponsorship_line(paper, committee, conference)}}
