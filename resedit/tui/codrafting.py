"""What the editor shows and asks when the paper is shared (resedit host / join): who is here and
in which clause, the connection, the dais's comments beside their clause. Documents that are not
shared have no peers, connection or comments: then everything here is empty."""
from __future__ import annotations

from collections.abc import Callable

from resedit.model.diagnostic import Diagnostic, Location

STATE_MARK = {"connected": "●", "hosting": "●", "reconnecting": "◌", "offline": "○"}


def is_shared(document) -> bool:
    return hasattr(document, "peers")


def others(document) -> list:
    """The other people on the paper (this editor's own connection left out)."""
    me = getattr(document, "me", None)
    return [p for p in getattr(document, "peers", []) if getattr(p, "id", None) != me or me is None]


def status(document, place: Callable[[str | None], str]) -> str:
    """'● connected · Brazil op. 2 · Ghana pre. 1' or '◌ reconnecting, 3 unsent'."""
    if not is_shared(document):
        return ""
    state, unsent = getattr(document, "connection", ("connected", 0))
    head = f"{STATE_MARK.get(state, '?')} {state}" + (f", {unsent} unsent" if unsent else "")
    people = [f"{p.name} {place(p.clause) or '—'}" for p in others(document)]
    read_only = " (read only)" if getattr(document, "read_only", False) else ""
    return " · ".join([head, *(people or ["alone"])]) + read_only


def outline_notes(document) -> dict[str, str]:
    """Beside each clause: who is in it, and how many open comments it has."""
    notes: dict[str, list[str]] = {}
    for peer in others(document):
        if peer.clause:
            notes.setdefault(peer.clause, []).append(peer.name)
    out = {key: "◆ " + ", ".join(names) for key, names in notes.items()}
    for clause, count in open_comment_counts(document).items():
        out[clause] = (out.get(clause, "") + f" ✎{count}").strip()
    return out


def open_comments(document, clause_id: str | None) -> list[dict]:
    comments = getattr(document, "comments", None)
    if comments is None or clause_id is None:
        return []
    return [c for c in comments() if c.get("clause") == clause_id and not c.get("resolved")]


def open_comment_counts(document) -> dict[str, int]:
    comments = getattr(document, "comments", None)
    counts: dict[str, int] = {}
    for c in comments() if comments is not None else []:
        if c.get("clause") and not c.get("resolved"):
            counts[c["clause"]] = counts.get(c["clause"], 0) + 1
    return counts


def comment_findings(document, clause_id: str | None) -> list[Diagnostic]:
    """The open comments on a clause, listed with its findings (beside the clause)."""
    return [Diagnostic("DAIS", "comment", "comment", "info", f"{c.get('by', '?')}: {c.get('text', '')}",
                       Location("operative", clause_id=clause_id)) for c in open_comments(document, clause_id)]
