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
