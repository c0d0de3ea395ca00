"""Where things are in the paper, for the editor screen: an index of the rows (rebuilt only when
the structure changes, so a key press on a 5,000-clause paper never walks it), cursor shifting
after someone else's change, and fixes put in place. No Textual."""
from __future__ import annotations

from dataclasses import dataclass, field

from resedit.editor import outline
from resedit.model.diagnostic import Diagnostic
from resedit.model.paper import Clause, WorkingPaper


@dataclass
class PaperIndex:
    """Clause rows by key with their short and long places ("op. 3(b)", "Operative clause 3 (b)")."""

    rows: list[outline.Row] = field(default_factory=list)
    by_key: dict[str, outline.Row] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    long: dict[str, str] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)  # typing changes their text in place

    @classmethod
    def of(cls, paper: WorkingPaper) -> PaperIndex:
        index = cls()
        for part, position, path, clause in paper.clauses():
            row = outline.Row(clause.id, part, len(path), outline.label_for(part, position, path), "")
            index.order[clause.id] = len(index.rows)
            index.rows.append(row)
            index.by_key[clause.id] = row
            index.clauses[clause.id] = clause
            subs = "".join(outline.label_for(part, position, path[:n + 1]) for n in range(len(path)))
            word = "Preambular" if part == "preamble" else "Operative"
            index.long[clause.id] = f"{word} clause {position}{' ' + subs if subs else ''}"
            index.short[clause.id] = f"{'pre' if part == 'preamble' else 'op'}. {position}{subs}"
        return index


class WordCount:
    """Words and clauses in the paper; each clause's count is kept by its text, so a recount
    after typing only splits the clause that changed."""

    def __init__(self) -> None:
        self._by_text: dict[str, int] = {}

    def count(self, paper: WorkingPaper) -> tuple[int, int]:
        words = clauses = 0
        seen: dict[str, int] = {}
        for _, _, _, clause in paper.clauses():
            text = clause.text
            n = self._by_text.get(text)
            if n is None:
                n = len(text.split())
            seen[text] = n
            words += n
            clauses += 1
        self._by_text = seen
        return words, clauses


def touched(edit) -> str | None:
    """The clause (or header field) an edit is mainly about, for placing the cursor."""
    from resedit.model.edits import Batch, InsertClause, MoveClause, SetField, SetText

    if isinstance(edit, SetText):
        return edit.clause_id
    if isinstance(edit, SetField):
        return f"field:{edit.field}"
    if isinstance(edit, InsertClause):
        return edit.clause.id
    if isinstance(edit, MoveClause):
        return edit.clause_id
    if isinstance(edit, Batch):
        for sub in edit.edits:
            if isinstance(sub, (InsertClause, MoveClause)):
                return touched(sub)
        for sub in edit.edits:
            found = touched(sub)
            if found:
                return found
    return None


def apply_suggestion(text: str, finding: Diagnostic) -> str | None:
    """The clause text with the finding's first suggestion put in place, or None when it has none
    to put: a suggestion replaces the finding's start..end span of the clause text (the lint
    contract); without a span it names something the editor does itself (a number, a letter)."""
    start, end = finding.location.start, finding.location.end
    if not finding.suggestions or start is None or end is None:
        return None
    return text[:start] + finding.suggestions[0] + text[end:]


def list_fix(paper: WorkingPaper, finding: Diagnostic) -> tuple[str, tuple[str, ...]] | None:
    """A sponsorship finding's fix as (list field, new names): its span is in the list as
    written, names joined by ", " (the lint contract). The list is the one whose span holds the
    name the message quotes."""
    loc = finding.location
    if loc.part != "sponsors" or not finding.suggestions or loc.start is None or loc.end is None:
        return None
    candidates = []
    for name in ("sponsors", "signatories"):
        names = list(getattr(paper, name))
        starts = [sum(len(n) + 2 for n in names[:i]) for i in range(len(names))]
        if loc.start in starts:
            i = starts.index(loc.start)
            if starts[i] + len(names[i]) == loc.end:
                candidates.append((f"'{names[i]}'" in finding.message, name, names, i))
    if not candidates:
        return None
    _, name, names, i = max(candidates, key=lambda c: c[0])
    names[i] = finding.suggestions[0]
    return name, tuple(names)
