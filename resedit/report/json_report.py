"""The JSON document of `resedit check --format json`, version 1 (lint-contract.md)."""
from __future__ import annotations

import json

from resedit.model import SEVERITIES

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
