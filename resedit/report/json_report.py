"""The JSON document of `resedit check --format json` and `review --format json`, version 1: the
contract is lint-v1.schema.json beside this module."""
from __future__ import annotations

import json

from resedit.model import SEVERITIES
from resedit.model.diagnostic import Diagnostic, Location

VERSION = 1


def file_entry(path: str, committee: str, diagnostics, sponsorship: dict | None = None,
               notes: list[str] | None = None) -> dict:
    summary = {s: 0 for s in SEVERITIES}
    for d in diagnostics:
        summary[d.severity] += 1
    entry = {"path": path, "committee": committee, "summary": summary,
             "diagnostics": [d.to_json() for d in diagnostics]}
    if sponsorship is not None:
        entry["sponsorship"] = sponsorship
    if notes:
        entry["notes"] = list(notes)
    return entry


def contract_entry(result: dict) -> dict:
    """A `resedit review` result as the file entry of this document: review keeps more per paper
    for its table and summary (name, code, clause count, where each finding is), dropped here."""
    if "error" in result:
        return error_entry(result["path"], result["error"])
    entry = file_entry(result["path"], result["committee"], [], result.get("sponsorship"),
                       result.get("notes"))
    entry["summary"] = dict(result["summary"])
    entry["diagnostics"] = [{k: v for k, v in d.items() if k != "where"} for d in result["diagnostics"]]
    return entry


def error_entry(path: str, message: str, kind: str = "unreadable") -> dict:
    return {"path": path, "error": {"kind": kind, "message": message}}


def render(entries: list[dict]) -> str:
    return json.dumps({"version": VERSION, "files": entries}, ensure_ascii=False, indent=2) + "\n"


def to_wire(d: Diagnostic) -> dict:
    """A finding whole (clause id and citation too) for the editor's lint process; the contract's
    form, for people and tools, is Diagnostic.to_json."""
    loc = d.location
    return {"code": d.code, "name": d.name, "category": d.category, "severity": d.severity,
            "message": d.message, "explain": d.explain, "suggestions": list(d.suggestions),
            "cite": d.cite,
            "location": {"part": loc.part, "clause": loc.clause, "subclause": list(loc.subclause),
                         "line": loc.line, "start": loc.start, "end": loc.end,
                         "clause_id": loc.clause_id}}


def from_wire(data: dict) -> Diagnostic:
    loc = dict(data["location"])
    loc["subclause"] = tuple(loc["subclause"])
    return Diagnostic(**{**data, "location": Location(**loc)})
