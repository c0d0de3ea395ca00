"""Text output of `resedit check` for people: file:line, code, message and a hint per finding."""
from __future__ import annotations

from resedit.model.diagnostic import subclause_label


def _where(d) -> str:
    loc = d.location
    if loc.clause is None:
        return loc.part
    name = {"preamble": "preambular clause", "operative": "operative clause"}.get(loc.part, loc.part)
    sub = subclause_label(loc.subclause)
    return f"{name} {loc.clause}" + (f" ({sub})" if sub else "")


def render_file(entry: dict, diagnostics) -> list[str]:
    path = entry["path"]
    if "error" in entry:
        return [f"{path}: cannot check: {entry['error']['message']}"]
    lines = [f"{path}: note: {note}" for note in entry.get("notes", [])]
    for d in diagnostics:
        line = f":{d.location.line}" if d.location.line else ""
        lines.append(f"{path}{line}: {d.code} [{d.severity}] {_where(d)}: {d.message}")
        if d.suggestions:
            lines.append(f"    hint: {d.suggestions[0]}")
    summary = entry["summary"]
    tail = ", ".join(f"{summary[s]} {s}{'s' if summary[s] != 1 else ''}" for s in summary)
    lines.append(f"{path}: {entry['committee']}: {tail}")
    if entry.get("sponsorship_line"):
        lines.append(f"{path}: {entry['sponsorship_line']}")
    return lines
