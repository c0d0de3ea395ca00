"""Findings as people read them: `resedit check`'s text (file:line, code, message and a hint per
finding) and where a finding is, as the check and the dais review write it."""
from __future__ import annotations

from resedit.model.diagnostic import subclause_label


def _where(d) -> str:
    loc = d.location
    if loc.clause is None:
        return loc.part
    name = {"preamble": "preambular clause", "operative": "operative clause"}.get(loc.part, loc.part)
    sub = subclause_label(loc.subclause)
    return f"{name} {loc.clause}" + (f" ({sub})" if sub else "")


def hint(d, text: str | None) -> str:
    """The first suggestion as a person reads it: what to replace with what, or what to write."""
    suggestion = d.suggestions[0]
    start, end = d.location.start, d.location.end
    if text is None or start is None or end is None:
        return suggestion
    old = text[start:end]
    if old:
        return f"replace “{old}” with “{suggestion}”"
    return f"add “{suggestion}” at the end" if start >= len(text.rstrip()) else f"insert “{suggestion}” at {start}"


def render_file(entry: dict, diagnostics, span_text=lambda d: None) -> list[str]:
    path = entry["path"]
    if "error" in entry:
        return [f"{path}: cannot check: {entry['error']['message']}"]
    lines = [f"{path}: note: {note}" for note in entry.get("notes", [])]
    for d in diagnostics:
        line = f":{d.location.line}" if d.location.line else ""
        lines.append(f"{path}{line}: {d.code} [{d.severity}] {_where(d)}: {d.message}")
        if d.suggestions:
            lines.append(f"    hint: {hint(d, span_text(d))}")
    summary = entry["summary"]
    tail = ", ".join(f"{summary[s]} {s}{'s' if summary[s] != 1 else ''}" for s in summary)
    lines.append(f"{path}: {entry['committee']}: {tail}")
    if entry.get("sponsorship_line"):
        lines.append(f"{path}: {entry['sponsorship_line']}")
    return lines


def where_text(location) -> str:
    """"operative 3(b)", "preamble 2", "header" ... as a dais reads it."""
    if location.clause is None:
        return location.part
    sub = subclause_label(tuple(location.subclause))
    text = f"{location.part} {location.clause}"
    if sub:
        text += "".join(f"({s})" for s in sub.split("."))
    return text
