"""The native `.resedit` file: the whole paper as versioned JSON, ids and history included."""
from __future__ import annotations

import json

from resedit.model import Clause, HistoryEntry, WorkingPaper

FORMAT = "resedit-paper"
VERSION = 1


def clause_to_dict(clause: Clause) -> dict:
    return {"id": clause.id, "text": clause.text, "label": clause.label, "line": clause.line,
            "children": [clause_to_dict(c) for c in clause.children]}


def clause_from_dict(data: dict) -> Clause:
    return Clause(text=data["text"], id=data["id"], label=data.get("label"), line=data.get("line"),
                  children=[clause_from_dict(c) for c in data.get("children", [])])


def paper_to_dict(paper: WorkingPaper) -> dict:
    return {
        "format": FORMAT, "version": VERSION,
        "code": paper.code, "committee": paper.committee, "topic": paper.topic,
        "sponsors": list(paper.sponsors), "signatories": list(paper.signatories),
        "opening": paper.opening,
        "preamble": [clause_to_dict(c) for c in paper.preamble],
        "operative": [clause_to_dict(c) for c in paper.operative],
        "history": [vars(h) for h in paper.history],
        "suppressions": [list(s) for s in paper.suppressions],
        "notes": list(paper.notes),
    }


def paper_from_dict(data: dict) -> WorkingPaper:
    if data.get("format") != FORMAT:
        raise ValueError("not a resedit paper (no 'format': 'resedit-paper')")
    if data.get("version") != VERSION:
        raise ValueError(f"paper format version {data.get('version')!r}; this resedit reads {VERSION}")
    return WorkingPaper(
        code=data.get("code", ""), committee=data.get("committee", ""), topic=data.get("topic", ""),
        sponsors=list(data.get("sponsors", [])), signatories=list(data.get("signatories", [])),
        opening=data.get("opening", ""),
        preamble=[clause_from_dict(c) for c in data.get("preamble", [])],
        operative=[clause_from_dict(c) for c in data.get("operative", [])],
        history=[HistoryEntry(**h) for h in data.get("history", [])],
        suppressions=[(s[0], s[1]) for s in data.get("suppressions", [])],
        notes=list(data.get("notes", [])),
    )


def read_native(text: str) -> WorkingPaper:
    try:
        return paper_from_dict(json.loads(text))
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"damaged .resedit file ({exc})") from exc


def write_native(paper: WorkingPaper) -> str:
    return json.dumps(paper_to_dict(paper), ensure_ascii=False, indent=1) + "\n"
