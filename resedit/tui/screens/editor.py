"""EditorScreen: outline, clause editor, findings and status line, wired to the document.

The screen never changes the paper itself: each key turns into an Edit (resedit.editor.outline
builds the structural ones) applied through the document, whose change callback redraws, relints
and schedules the journal. Undo and redo are the document's.
"""
from __future__ import annotations


from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, TextArea

from resedit.model.diagnostic import Diagnostic
from resedit.editor import outline
from resedit.tui.keys import bindings
from resedit.tui.widgets.clause_editor import ClauseEditor
from resedit.tui.widgets.findings_panel import FindingList, FindingsPanel
from resedit.tui.widgets.outline_view import OutlineView
from resedit.tui.widgets.status_line import KeyHints, StatusLine

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FIELD_TITLES = dict(outline.HEADER_ROWS)

# resedit.model.edits is imported where edits are made (after the first paint; the app's warm-up
# loads it): creating its dataclasses takes ~10 ms.


class EditorScreen(Screen):
    BINDINGS = [Binding(keys, action, label, show=footer) for keys, action, label, footer in bindings()]
    AUTO_FOCUS = "#clause"  # what on_mount focuses anyway: no focus hop (and restyle) from the outline

    def __init__(self, session, **kwargs):
        super().__init__(**kwargs)
        self.session = session  # resedit.tui.app.Session: document, linting, files
        self.current: str | None = None  # a clause id or "field:<name>"
        self._redraw_pending = False
        self._structure_changed = True

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield OutlineView(id="outline")
            with Vertical(id="right"):
                yield ClauseEditor(self.structural, id="clause")
                yield FindingsPanel(id="findings")
        yield StatusLine(id="status")
        yield KeyHints(id="keys")

    def on_mount(self) -> None:
        if getattr(self.session.document, "read_only", False):  # co-drafting: dais or signatory
            self.editor.read_only = True
        rows = outline.clause_rows(self.paper)
        self.go_to(rows[0].key if rows else "field:topic")
        self.redraw(structure=True)

    @property
    def paper(self):
        return self.session.document.paper

    @property
    def editor(self) -> ClauseEditor:
        return self.query_one(ClauseEditor)

    # ---- moving around -------------------------------------------------------------------
    def go_to(self, key: str, offset: int | None = None, focus: bool = True) -> None:
        """Open a clause (or header field) in the clause editor, cursor at `offset` (end if None)."""
        if key == "sponsors":
            self.action_sponsors()
            return
        self.session.document.break_coalescing()
        self.current = key
        editor = self.editor
        text = self._text_of(key)
        if editor.text != text:
            editor.load_text(text)
        editor.part = self._part_of(key) if self._completes(key) else ""
        editor.set_offset(len(text) if offset is None else offset)
        editor.update_suggestion()
        editor.border_title = self._title_of(key)
        editor.border_subtitle = self._hint_for(key)
        if focus:
            editor.focus()
        self.query_one(OutlineView).select_key(key)
        self._show_findings()
        self.publish_cursor()

    def publish_cursor(self) -> None:
        """Co-drafting: tell the others which clause this delegate is on (if the document can)."""
        set_cursor = getattr(self.session.document, "set_cursor", None)
        if set_cursor is not None and self.current and not self.current.startswith("field:"):
            set_cursor(self.current, self.editor.offset)

    def _hint_for(self, key: str) -> str:
        """The keys a newcomer needs next, in the editor's bottom border."""
        if key.startswith("field:"):
            return "Enter next field · F1 help"
        row = next((r for r in outline.clause_rows(self.paper) if r.key == key), None)
        if row is None:
            return "F1 help"
        if row.depth:
            return "Enter new · Shift+Tab lift · F1 help"
        if row.part == "preamble":
            return "Enter new · Ctrl+O to operative · F1 help"
        return "Enter new · Tab sub-clause · F1 help"

    def _text_of(self, key: str) -> str:
        if key.startswith("field:"):
            return getattr(self.paper, key.removeprefix("field:"))
        clause = self.paper.find(key)
        return clause.text if clause else ""

    def _part_of(self, key: str) -> str:
        for row in outline.clause_rows(self.paper):
            if row.key == key:
                return row.part
        return "header"

    def _completes(self, key: str) -> bool:
        """Openers complete on top-level clauses only (sub-clauses start with other verbs)."""
        row = next((r for r in outline.clause_rows(self.paper) if r.key == key), None)
        return row is not None and row.depth == 0

    def _title_of(self, key: str) -> str:
        if key.startswith("field:"):
            return f"Header: {FIELD_TITLES[key.removeprefix('field:')]}"
        return self.place(key, long=True) or "Clause"

    def place(self, clause_id: str | None, long: bool = False) -> str:
        """Where a clause is: 'preamble ¶2' / 'op. 3(b)' (long: 'Operative clause 3 (b)')."""
        for part, position, path, clause in self.paper.clauses():
            if clause.id != clause_id:
                continue
            subs = "".join(outline.label_for(part, position, path[:n + 1]) for n in range(len(path)))
            if part == "preamble":
                return f"Preambular clause {position}{' ' + subs if subs else ''}" if long \
                    else f"pre. {position}{subs}"
            return f"Operative clause {position}{' ' + subs if subs else ''}" if long \
                else f"op. {position}{subs}"
        return ""

    @on(OutlineView.OptionSelected)
    def _outline_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.go_to(event.option.id)

    @on(FindingsPanel.Picked)
    def _finding_picked(self, event: FindingsPanel.Picked) -> None:
        loc = event.diagnostic.location
        if loc.clause_id and self.paper.find(loc.clause_id):
            self.go_to(loc.clause_id, offset=loc.start)
            if loc.start is not None and loc.end is not None and loc.end > loc.start:
                self.editor.select_span(loc.start, loc.end)  # show where the finding is
        elif loc.part == "sponsors":
            self.action_sponsors()
        elif loc.part == "header":
            self.go_to("field:topic")

    # ---- typing ---------------------------------------------------------------------------
    @on(TextArea.Changed, "#clause")
    def _typed(self, event: TextArea.Changed | None = None) -> None:
        """Bring the paper up to the editor's text (always the live text, never the event's)."""
        from resedit.model.edits import SetField, SetText

        if self.editor.read_only:
            return
        key, text = self.current, self.editor.text
        if key is None or text == self._text_of(key):
            return
        if "\n" in text:  # pasted line breaks: a clause is one paragraph
            text = " ".join(text.split("\n"))
        if key.startswith("field:"):
            self.session.document.apply(SetField(key.removeprefix("field:"), text),
                                        coalesce=("field", key))
        elif self.paper.find(key) is not None:
            self.session.document.apply(SetText(key, text), coalesce=("text", key))
            self.publish_cursor()

    def flush_typing(self) -> None:
        """Apply typing whose Changed message has not been handled yet, before another edit."""
        self._typed()

    def structural(self, action: str, offset: int) -> None:
        """Enter, Backspace at the start, Tab, Shift+Tab, Up/Down at the edges (clause editor)."""
        self.flush_typing()
        key, paper = self.current, self.paper
        if key is None:
            return
        crows = outline.clause_rows(paper)
        if key.startswith("field:"):
            return self._header_key(action, crows)
        index = next((i for i, r in enumerate(crows) if r.key == key), None)
        if index is None:
            return
        if action == "previous":
            if index > 0:
                self.go_to(crows[index - 1].key)
            else:
                self.go_to("field:opening")
        elif action == "next":
            if index + 1 < len(crows):
                self.go_to(crows[index + 1].key, offset=0)
        elif action == "split":
            edit, new_id = outline.split(paper, key, offset)
            self._apply(edit, focus=new_id, offset=0)
        elif action == "merge":
            merged = outline.merge_into_previous(paper, key)
            if merged:
                edit, target, offset = merged
                self._apply(edit, focus=target, offset=offset)
        elif action == "indent":
            self._apply(outline.indent(paper, key), focus=key, offset=offset,
                        refused="Nothing above at this level to become a sub-clause of")
        elif action == "outdent":
            self._apply(outline.outdent(paper, key), focus=key, offset=offset,
                        refused="Already a top-level clause")

    def _header_key(self, action: str, crows) -> None:
        fields = [name for name, _ in outline.HEADER_ROWS]
        name = self.current.removeprefix("field:")
        i = fields.index(name)
        if action in ("next", "split"):
            if i + 1 < len(fields):
                self.go_to(f"field:{fields[i + 1]}")
            elif crows:
                self.go_to(crows[0].key, offset=0)
            else:
                edit, new_id = outline.new_clause_after(self.paper, None, "preamble")
                self._apply(edit, focus=new_id)
        elif action == "previous" and i > 0:
            self.go_to(f"field:{fields[i - 1]}")

    def _apply(self, edit, focus: str | None = None, offset: int | None = None,
               refused: str = "") -> bool:
        from resedit.model.edits import EditError

        if edit is None:
            if refused:
                self.notify(refused, severity="warning", timeout=3)
            return False
        try:
            self.session.document.apply(edit)
        except EditError as exc:
            self.notify(str(exc), severity="error")
            return False
        if focus is not None:
            self.go_to(focus, offset=offset)
        return True

    # ---- document changes -----------------------------------------------------------------
    def document_changed(self, edit, origin: str) -> None:
        """The document's change callback (also for undo, redo and co-drafting peers)."""
        from resedit.model.edits import SetField, SetText

        if not isinstance(edit, (SetText, SetField)):
            self._structure_changed = True
        if origin != "local" or not isinstance(edit, (SetText, SetField)):
            self._follow(edit, retarget=origin in ("undo", "redo"))
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_later(self._redraw_now)

    def _follow(self, edit, retarget: bool) -> None:
        """After undo/redo/remote edits: show the clause that changed, keep the editor in sync."""
        target = _touched(edit) if retarget else None
        if target is not None and (target.startswith("field:") or self.paper.find(target)):
            if target != self.current or self.editor.text != self._text_of(target):
                self.go_to(target, offset=None, focus=self.editor.has_focus)
            return
        if self.current and not self.current.startswith("field:") and not self.paper.find(self.current):
            rows = outline.clause_rows(self.paper)
            self.go_to(rows[-1].key if rows else "field:topic")
        elif self.current and self.editor.text != self._text_of(self.current):
            old, new = self.editor.text, self._text_of(self.current)
            offset = shift_offset(old, new, self.editor.offset)
            self.editor.load_text(new)
            self.editor.set_offset(offset)

    def _redraw_now(self) -> None:
        self._redraw_pending = False
        self.redraw(structure=self._structure_changed)

    def redraw(self, structure: bool = True) -> None:
        self._structure_changed = False
        self.session.relint_fast()
        marks = self._marks()
        view = self.query_one(OutlineView)
        rows = outline.rows(self.paper)
        if structure:
            view.show(rows, marks, self.current)
            if self.current and not self.current.startswith("field:"):
                self.editor.border_title = self._title_of(self.current)
                self.editor.border_subtitle = self._hint_for(self.current)
        else:
            for row in rows:
                if row.key == self.current or row.key == "sponsors":
                    view.update_row(row, marks.get(row.key))
        self._show_findings()
        self.show_status()

    def _marks(self) -> dict[str, str]:
        marks: dict[str, str] = {key: "peer" for key in self.session.peer_clauses()}
        for d in self.session.findings():
            key = d.location.clause_id or {"header": "field:topic", "sponsors": "sponsors"}.get(
                d.location.part)
            if key and SEVERITY_RANK.get(d.severity, 3) < SEVERITY_RANK.get(marks.get(key), 3):
                marks[key] = d.severity
        return marks

    def _show_findings(self) -> None:
        findings = self.session.findings()
        here = [d for d in findings if d.location.clause_id == self.current
                or (self.current == "field:topic" and d.location.part == "header")]
        others = [d for d in findings if not any(d is h for h in here)]
        where = {id(d): "here" for d in here}
        for d in others:
            where[id(d)] = self.place(d.location.clause_id) or d.location.part
        self.query_one(FindingsPanel).show(here, others, where, note=self.session.model_state())

    def show_status(self) -> None:
        session = self.session
        backers, met = session.backers()
        self.query_one(StatusLine).show(session.committee_code(), backers, met,
                                        session.model_state(), not session.document.dirty,
                                        session.display_name())

    def lint_updated(self) -> None:
        """The session got new findings from the model process."""
        self.query_one(OutlineView).show(outline.rows(self.paper), self._marks(), self.current)
        self._show_findings()
        self.show_status()

    # ---- actions (keys from resedit.tui.keys) ---------------------------------------------
    def action_undo(self) -> None:
        self.flush_typing()
        if self.session.document.undo() is None:
            self.notify("Nothing to undo", timeout=2)

    def action_redo(self) -> None:
        self.flush_typing()
        if self.session.document.redo() is None:
            self.notify("Nothing to redo", timeout=2)

    def _clause_key(self) -> str | None:
        self.flush_typing()
        key = self.current
        if key is None or key.startswith("field:") or self.paper.find(key) is None:
            self.notify("Pick a clause first (Esc, then ↑↓ and Enter in the outline)", timeout=3)
            return None
        return key

    def action_move_up(self) -> None:
        key = self._clause_key()
        if key:
            self._apply(outline.move(self.paper, key, -1), focus=key, offset=self.editor.offset,
                        refused="Already first")

    def action_move_down(self) -> None:
        key = self._clause_key()
        if key:
            self._apply(outline.move(self.paper, key, +1), focus=key, offset=self.editor.offset,
                        refused="Already last")

    def action_switch_part(self) -> None:
        key = self._clause_key()
        if key:
            self._apply(outline.switch_part(self.paper, key), focus=key, offset=self.editor.offset,
                        refused="Sub-clauses stay with their clause; lift it first (Shift+Tab)")

    def action_new_clause(self) -> None:
        self.flush_typing()
        key = self.current if self.current and self.paper.find(self.current) else None
        part = "operative" if self.paper.operative and not key else "preamble"
        edit, new_id = outline.new_clause_after(self.paper, key, part)
        self._apply(edit, focus=new_id)

    def action_delete_clause(self) -> None:
        key = self._clause_key()
        if not key:
            return
        rows = outline.clause_rows(self.paper)
        index = next(i for i, r in enumerate(rows) if r.key == key)
        survivors = [r for r in rows if not self._inside(r.key, key)]
        after = [r for r in survivors if rows.index(r) > index]
        target = (after[0] if after else survivors[-1] if survivors else None)
        from resedit.model.edits import DeleteClause

        self._apply(DeleteClause(key), focus=target.key if target else "field:topic")
        self.notify("Clause deleted (Ctrl+Z brings it back)", timeout=3)

    def _inside(self, key: str, ancestor: str) -> bool:
        clause = self.paper.find(ancestor)
        return clause is not None and clause.find_descendant(key) is not None

    def action_focus_outline(self) -> None:
        self.query_one(OutlineView).focus()

    def action_focus_findings(self) -> None:
        self.query_one(FindingList).focus()

    def action_fix(self) -> None:
        self.flush_typing()
        panel = self.query_one(FindingsPanel)
        chosen = panel.selected() if self.query_one(FindingList).has_focus else None
        if chosen is None or not chosen.suggestions:
            chosen = next((d for d in self.session.findings()
                           if d.location.clause_id == self.current and d.suggestions), None)
        if chosen is None or not chosen.suggestions:
            self.notify("No finding with a fix here", timeout=2)
            return
        clause = self.paper.find(chosen.location.clause_id or "")
        new_text = apply_suggestion(clause.text, chosen) if clause else None
        if new_text is None:
            self.notify("This finding has no fix to apply here (numbers and letters are set "
                        "when the paper is saved)", timeout=3)
            return
        from resedit.model.edits import SetText

        self._apply(SetText(clause.id, new_text), focus=clause.id)
        self.notify(f"Applied: {chosen.suggestions[0]}", timeout=2)

    def action_help(self) -> None:
        self.app.action_help()

    def action_save(self) -> None:
        self.flush_typing()
        self.app.action_save()

    def action_export(self) -> None:
        self.app.action_export()

    def action_sponsors(self) -> None:
        self.app.action_sponsors()


def _touched(edit) -> str | None:
    """The clause (or header field) an edit is mainly about, for placing the cursor."""
    from resedit.model.edits import Batch, InsertClause, MoveClause, SetField, SetText

    if isinstance(edit, SetText):
        return edit.clause_id
    if isinstance(edit, SetField):
        return f"field:{edit.field}"
    if isinstance(edit, (InsertClause,)):
        return edit.clause.id
    if isinstance(edit, MoveClause):
        return edit.clause_id
    if isinstance(edit, Batch):
        for sub in edit.edits:
            if isinstance(sub, (InsertClause, MoveClause)):
                return _touched(sub)
        for sub in edit.edits:
            found = _touched(sub)
            if found:
                return found
    return None


def shift_offset(old: str, new: str, offset: int) -> int:
    """Where a cursor at `offset` in `old` belongs after someone else turned it into `new`:
    text changed before the cursor moves it, text after it does not."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    if offset <= prefix:
        return offset
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    if offset >= len(old) - suffix:
        return offset + len(new) - len(old)
    return len(new) - suffix  # the cursor was inside the changed stretch: put it after the change


def apply_suggestion(text: str, finding: Diagnostic) -> str | None:
    """The clause text with the finding's first suggestion put in place, or None when it has none
    to put: a suggestion replaces the finding's start..end span of the clause text (the lint
    contract); without a span it names something the editor does itself (a number, a letter)."""
    start, end = finding.location.start, finding.location.end
    if not finding.suggestions or start is None or end is None:
        return None
    return text[:start] + finding.suggestions[0] + text[end:]
