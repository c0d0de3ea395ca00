"""EditorScreen: outline, clause editor, findings and status line, wired to the document.

The screen never changes the paper itself: each key turns into an Edit (resedit.editor.outline
builds the structural ones) applied through the document. The screen subscribes to the
document's changes: a change made on the UI thread is followed at once (the clause editor must
match before the next key), one from another thread (co-drafting) arrives as a PaperChanged
message. Drawing never lints: findings are recomputed after the change (resedit.editor.session
does it on a worker thread when the paper is big) and arrive as their own message.
"""
from __future__ import annotations

import threading
import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import TextArea

from resedit.editor import outline
from resedit.tui import codrafting
from resedit.tui.keys import bindings
from resedit.tui.placing import PaperIndex, WordCount, touched
from resedit.tui.screens.editor_actions import EditorActions
from resedit.tui.widgets.clause_editor import ClauseEditor
from resedit.tui.widgets.findings_panel import FindingsPanel, fix_preview
from resedit.tui.widgets.outline_view import OutlineView
from resedit.tui.widgets.status_line import KeyHints, StatusLine

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
LISTED = 50  # findings listed in the panel at most (the whole-paper view marks them all)
FIELD_TITLES = dict(outline.HEADER_ROWS)

# resedit.model.edits is imported where edits are made (after the first paint; the app's warm-up
# loads it): creating its dataclasses takes ~10 ms.


class PaperChanged(Message):
    """The document changed on another thread (a co-drafter's edit)."""

    def __init__(self, edit, origin: str) -> None:
        super().__init__()
        self.edit, self.origin = edit, origin


class EditorScreen(EditorActions, Screen):
    BINDINGS = [Binding(keys, action, label, show=footer) for keys, action, label, footer in bindings()]
    AUTO_FOCUS = "#clause"  # what on_mount focuses anyway: no focus hop (and restyle) from the outline

    def __init__(self, session, **kwargs):
        super().__init__(**kwargs)
        self.session = session  # resedit.editor.session.Session: document, linting, files
        self.current: str | None = None  # a clause id or "field:<name>"
        self._redraw_pending = False
        self._structure_changed = True
        self.ready = False  # co-drafting peers and findings may arrive before on_mount: they wait
        self._synced: tuple[str | None, str] = (None, "")  # the clause text the editor last agreed with
        self._index: PaperIndex | None = None
        self._index_of = None  # the paper the index was built from
        self._words = WordCount()
        self._last_find = ""
        self._marks_for: tuple | None = None
        self._header_for: tuple | None = None
        self._shown_for: tuple | None = None
        self._counted = (0, 0, 0.0)  # words, clauses, when
        self._ui_thread = threading.get_ident()

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield OutlineView(id="outline")
            with Vertical(id="right"):
                yield ClauseEditor(self.structural, on_paste=self.pasted, id="clause")
                yield FindingsPanel(describe_fix=self._fix_preview, id="findings")
        yield StatusLine(id="status")
        yield KeyHints(id="keys")

    def on_mount(self) -> None:
        self._ui_thread = threading.get_ident()
        self.session.document.add_listener(self._heard)
        if getattr(self.session.document, "read_only", False):  # co-drafting: dais or signatory
            self.editor.read_only = True
        rows = self.index.rows
        self.go_to(rows[0].key if rows else "field:topic")
        self.redraw(structure=True)
        self.ready = True

    def on_unmount(self) -> None:
        self.ready = False  # co-drafting news arriving while the app closes: nothing to show it on

    @property
    def paper(self):
        return self.session.document.paper

    @property
    def editor(self) -> ClauseEditor:
        return self.query_one(ClauseEditor)

    @property
    def index(self) -> PaperIndex:
        """Clause rows and places, rebuilt after a structural change only."""
        if self._index is None or self._index_of is not self.paper:  # a co-drafted paper is rebuilt
            self._index, self._index_of = PaperIndex.of(self.paper), self.paper
        return self._index

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
        self._synced = (key, text)
        if editor.text != text:
            editor.load_text(text)
        row = self.index.by_key.get(key)
        editor.part = row.part if row is not None and row.depth == 0 else ""  # openers: top level
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
        row = self.index.by_key.get(key)
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
        clause = self.index.clauses.get(key)  # (the index is rebuilt on every structural change)
        return clause.text if clause else ""

    def _title_of(self, key: str) -> str:
        if key.startswith("field:"):
            return f"Header: {FIELD_TITLES[key.removeprefix('field:')]}"
        return self.place(key, long=True) or "Clause"

    def place(self, clause_id: str | None, long: bool = False) -> str:
        """Where a clause is: 'pre. 2' / 'op. 3(b)' (long: 'Operative clause 3 (b)')."""
        return (self.index.long if long else self.index.short).get(clause_id or "", "")

    @on(OutlineView.Picked)
    def _outline_picked(self, event: OutlineView.Picked) -> None:
        event.stop()
        self.go_to(event.key)

    @on(FindingsPanel.Picked)
    def _finding_picked(self, event: FindingsPanel.Picked) -> None:
        loc = event.diagnostic.location
        if loc.clause_id and loc.clause_id in self.index.by_key:
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
        if self.editor.read_only:
            return
        key, text = self.current, self.editor.text
        if key is None or text == self._text_of(key):  # e.g. the clause loaded at the first paint
            self._synced = (key, text)
            return
        from resedit.model.edits import SetField, SetText  # not before: see the module's note
        if self._synced[0] == key and self._text_of(key) != self._synced[1]:
            return self._rebase_typing()  # changed by someone else since: never type over it
        if "\n" in text:  # pasted line breaks: a clause is one paragraph
            text = " ".join(text.split("\n"))
        if key.startswith("field:"):
            self.session.document.apply(SetField(key.removeprefix("field:"), text),
                                        coalesce=("field", key))
        elif key in self.index.by_key:
            self.publish_cursor()  # first: co-drafting anchors the typing where the cursor is
            self.session.document.apply(SetText(key, text), coalesce=("text", key))
        self._synced = (key, self._text_of(key))

    def flush_typing(self) -> None:
        """Apply typing whose Changed message has not been handled yet, before another edit."""
        self._typed()

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
    def _heard(self, edit, origin: str) -> None:
        """The document's listener: on the UI thread handled now, from elsewhere as a message."""
        if threading.get_ident() == self._ui_thread:
            self.document_changed(edit, origin)
        else:
            try:
                self.post_message(PaperChanged(edit, origin))
            except RuntimeError:  # the app closed meanwhile
                pass

    @on(PaperChanged)
    def _paper_changed(self, event: PaperChanged) -> None:
        self.document_changed(event.edit, event.origin)

    def document_changed(self, edit, origin: str) -> None:
        """Every change (also undo, redo, co-drafting peers, a recovered journal)."""
        from resedit.model.edits import SetField, SetText

        self.session.changed()
        if edit is None or not isinstance(edit, (SetText, SetField)):
            self._structure_changed = True
        if edit is None or origin != "local" or not isinstance(edit, (SetText, SetField)):
            self._index = None  # (someone else's change may come with new clause objects)
        if edit is None:  # the whole paper was replaced
            rows = self.index.rows
            self.go_to(rows[0].key if rows else "field:topic")
        elif origin != "local" or not isinstance(edit, (SetText, SetField)):
            self._follow(edit, retarget=origin in ("undo", "redo"))
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_later(self._relint_and_redraw)
        refresh = getattr(self.app.screen, "paper_changed", None)  # e.g. the sponsors screen, open
        if refresh is not None and self.app.screen is not self:
            refresh()

    def _follow(self, edit, retarget: bool) -> None:
        """After undo/redo/remote edits: show the clause that changed, keep the editor in sync."""
        target = touched(edit) if retarget else None
        if target is not None and (target.startswith("field:") or self.paper.find(target)):
            if target != self.current or self.editor.text != self._text_of(target):
                self.go_to(target, offset=None, focus=self.editor.has_focus)
            return
        if self.current and not self.current.startswith("field:") and not self.paper.find(self.current):
            rows = self.index.rows
            self.go_to(rows[-1].key if rows else "field:topic")
        elif self.current and self.editor.text != self._text_of(self.current):
            self._rebase_typing(getattr(self.session.document, "remote_changes", {}).get(self.current))

    def _rebase_typing(self, exact: tuple | None = None) -> None:
        """Someone else changed the clause being typed in: typing not yet applied (its Changed
        message still queued) is rebased onto their change, then applied; the cursor stays at
        the end of one's own typing. Reloading the document's text would lose those keystrokes."""
        from resedit.collab.rebase import rebase

        key, mine, theirs = self.current, self.editor.text, self._text_of(self.current)
        base = self._synced[1] if self._synced[0] == key else mine
        changes = exact[1] if exact is not None and exact[0] == base else None
        merged = rebase(base, mine, theirs, self.editor.offset, changes)
        self.editor.load_text(merged.text)
        self.editor.set_offset(merged.cursor)
        self._synced = (key, theirs)
        if merged.text != theirs and not self.editor.read_only:
            self._typed()  # now based on their text: applies only one's own typing

    def _relint_and_redraw(self) -> None:
        self._redraw_pending = False
        self.session.relint_fast()  # at once for a normal paper; a big one answers later
        self.redraw(structure=self._structure_changed)

    def redraw(self, structure: bool = True) -> None:
        """Show the paper and the findings as they are (no linting here)."""
        self._structure_changed = False
        marks = self._marks()
        view = self.query_one(OutlineView)
        if structure:
            view.notes = codrafting.outline_notes(self.session.document)
            view.show(outline.rows(self.paper), marks, self.current)
            if self.current and not self.current.startswith("field:"):
                self.editor.border_title = self._title_of(self.current)
                self.editor.border_subtitle = self._hint_for(self.current)
        else:
            for key in (self.current, "sponsors"):
                row = self._row(key)
                if row is not None:
                    view.update_row(row, marks.get(row.key))
        self._show_findings()
        self.show_status()

    def _row(self, key: str | None) -> outline.Row | None:
        """The outline row of one key, with its text as it is now."""
        if key is None:
            return None
        if key == "sponsors" or key.startswith("field:"):
            return next((r for r in outline.header_rows(self.paper) if r.key == key), None)
        row = self.index.by_key.get(key)
        return row and outline.Row(row.key, row.part, row.depth, row.label, self._text_of(key))

    def _marks(self) -> dict[str, str]:
        findings, peers = self.session.findings(), self.session.peer_clauses()
        if self._marks_for is not None and self._marks_for[0] is findings and self._marks_for[1] == peers:
            return self._marks_for[2]  # typing: the findings have not changed
        marks: dict[str, str] = {key: "peer" for key in peers}
        for d in findings:
            key = d.location.clause_id or {"header": "field:topic", "sponsors": "sponsors"}.get(
                d.location.part)
            if key and SEVERITY_RANK.get(d.severity, 3) < SEVERITY_RANK.get(marks.get(key), 3):
                marks[key] = d.severity
        self._marks_for = (findings, peers, marks)
        return marks

    def _show_findings(self) -> None:
        findings = self.session.findings()
        comments = codrafting.comment_findings(self.session.document, self.current)  # co-drafting
        shown = (findings, self.current, self.session.model_state(), [d.message for d in comments])
        if self._shown_for is not None and all(a is b or a == b for a, b in zip(shown, self._shown_for)):
            return  # typing: nothing in the panel changed
        self._shown_for = shown
        here = [d for d in findings if d.location.clause_id == self.current
                or (self.current == "field:topic" and d.location.part == "header")]
        mine = {id(d) for d in here}
        # a list of thousands helps nobody and costs a redraw on every key: the first LISTED
        others = [d for d in findings if id(d) not in mine][:max(0, LISTED - len(here))]
        here = comments + here
        where = {id(d): "here" for d in here}
        for d in others:
            where[id(d)] = self.place(d.location.clause_id) or d.location.part
        self.query_one(FindingsPanel).show(here[:LISTED], others, where,
                                           note=self.session.model_state(), total=len(findings))

    def _fix_preview(self, d):
        return fix_preview(self.paper, d) if self.session.is_current(d) else None

    def show_status(self) -> None:
        session, paper = self.session, self.paper
        header = (paper.committee, tuple(paper.sponsors), tuple(paper.signatories), session.warm)
        if self._header_for is None or self._header_for[0] != header:  # not on every key
            self._header_for = (header, session.committee_code(), *session.backers())
        _, committee, backers, met = self._header_for
        words, clauses, at = self._counted
        now = time.monotonic()
        if len(self.index.rows) < 1000 or now - at > 0.5:  # a big paper: recounted twice a second
            words, clauses = self._words.count(paper)
            self._counted = (words, clauses, now)
        self.query_one(StatusLine).show(committee, backers, met,
                                        session.model_state(), not session.document.dirty,
                                        codrafting.status(session.document, self.place) or session.display_name(),
                                        words=words, clauses=clauses)

    def lint_updated(self) -> None:
        """New findings arrived (the model process, or a background structural lint)."""
        view = self.query_one(OutlineView)
        view.notes = codrafting.outline_notes(self.session.document)
        view.set_marks(self._marks())
        self._show_findings()
        self.show_status()

