"""The editor screen's commands (keys in resedit.tui.keys, and the palette): Enter, Backspace,
Tab and the arrows at a clause's edges, undo, moving and deleting clauses, the fix of a finding,
find and replace, pasting several paragraphs, the whole-paper view. A mixin of EditorScreen,
which provides paper, session, editor, index, go_to, _apply."""
from __future__ import annotations

from resedit.editor import outline
from resedit.tui.placing import apply_suggestion, list_fix


class EditorActions:
    # ---- keys the clause editor hands over ------------------------------------------------
    def structural(self, action: str, offset: int) -> None:
        """Enter, Backspace at the start, Tab, Shift+Tab, Up/Down at the edges (clause editor)."""
        self.flush_typing()
        key, paper = self.current, self.paper
        if key is None:
            return
        crows = self.index.rows
        if key.startswith("field:"):
            return self._header_key(action, crows)
        index = self.index.order.get(key)
        if index is None:
            return
        if action == "previous":
            self.go_to(crows[index - 1].key if index > 0 else "field:opening")
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

    # ---- undo ------------------------------------------------------------------------------
    def action_undo(self) -> None:
        self.flush_typing()
        if self.session.document.undo() is None:
            self.notify("Nothing to undo", timeout=2)

    def action_redo(self) -> None:
        self.flush_typing()
        if self.session.document.redo() is None:
            self.notify("Nothing to redo", timeout=2)

    # ---- clauses ---------------------------------------------------------------------------
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
        rows = self.index.rows
        index = self.index.order[key]
        clause = self.paper.find(key)
        survivors = [r for r in rows if r.key == key or clause.find_descendant(r.key) is None]
        after = [r for r in survivors if self.index.order[r.key] > index]
        before = [r for r in survivors if self.index.order[r.key] < index]
        target = after[0] if after else before[-1] if before else None
        from resedit.model.edits import DeleteClause

        if self._apply(DeleteClause(key), focus=target.key if target else "field:topic"):
            self.notify("Clause deleted (Ctrl+Z brings it back)", timeout=3)

    # ---- co-drafting comments -------------------------------------------------------------
    def action_comment(self) -> None:
        from resedit.tui.screens.prompt import Field, PromptScreen

        key = self._clause_key()
        if not key:
            return
        if getattr(self.session.document, "comment", None) is None:
            self.notify("Comments are for shared papers (resedit host / resedit join)", timeout=3)
            return
        place = self.place(key, long=True)
        self.app.push_screen(PromptScreen(f"Comment on {place}", [Field("text", "Comment")]),
                             lambda values: values and values.get("text") and self._send_comment(key, values["text"]))

    def _send_comment(self, key: str, text: str) -> None:
        try:
            self.session.document.comment(key, text)
        except Exception as exc:  # not connected, or refused: say why
            self.notify(str(exc), severity="error")
            return
        self.notify("Comment sent: everyone sees it beside the clause", timeout=3)

    def action_resolve_comments(self) -> None:
        from resedit.tui import codrafting

        key = self._clause_key()
        if not key:
            return
        found = codrafting.open_comments(self.session.document, key)
        if not found:
            self.notify("No open comment on this clause", timeout=2)
            return
        try:
            for item in found:
                self.session.document.resolve_comment(item["id"])
        except Exception as exc:  # the dais and signatories do not resolve
            self.notify(str(exc), severity="error")
            return
        self.notify(f"{len(found)} comment{'s' if len(found) > 1 else ''} resolved", timeout=2)

    # ---- findings --------------------------------------------------------------------------
    def action_fix(self) -> None:
        from resedit.model.edits import SetList, SetText
        from resedit.tui.widgets.findings_panel import FindingsPanel

        self.flush_typing()
        panel = self.query_one(FindingsPanel)
        listing = panel.listing  # None in the frame before the list mounts
        chosen = panel.selected() if listing is not None and listing.has_focus else None
        if chosen is None or not chosen.suggestions:
            chosen = next((d for d in self.session.findings()
                           if d.location.clause_id == self.current and d.suggestions), None)
        if chosen is None or not chosen.suggestions:
            self.notify("No finding with a fix here", timeout=2)
            return
        if not self.session.is_current(chosen):  # a big paper's check is a moment behind the typing
            self.notify("Still checking this clause: Ctrl+F again in a moment", timeout=2)
            return
        listed = list_fix(self.paper, chosen)
        if listed is not None:  # a State's name in the sponsor or signatory list
            name, states = listed
            if self._apply(SetList(name, states)):
                self.notify(f"Applied: {chosen.suggestions[0]} in the {name}", timeout=2)
            return
        clause = self.paper.find(chosen.location.clause_id or "")
        new_text = apply_suggestion(clause.text, chosen) if clause else None
        if new_text is None:
            self.notify(f"{chosen.code}: nothing for Ctrl+F to change here; "
                        f"{chosen.suggestions[0]!r} is what the finding asks for", timeout=4)
            return
        self._apply(SetText(clause.id, new_text), focus=clause.id)
        self.notify(f"Applied: {chosen.suggestions[0]}", timeout=2)

    def action_focus_findings(self) -> None:
        from resedit.tui.widgets.findings_panel import FindingsPanel

        listing = self.query_one(FindingsPanel).listing
        if listing is not None:
            listing.focus()

    # ---- find and replace ------------------------------------------------------------------
    def action_find(self) -> None:
        from resedit.tui.screens.prompt import Field, PromptScreen

        self.flush_typing()
        self.app.push_screen(PromptScreen("Find", [Field("find", "Find (whole paper, from here on)",
                                                         self._last_find)]), self._found)

    def _found(self, values: dict | None) -> None:
        if values and values.get("find"):
            self._last_find = values["find"]
            self.action_find_next()

    def action_find_next(self) -> None:
        """The next clause (after the cursor, wrapping round) with the text; selects it."""
        needle = self._last_find
        if not needle:
            return self.action_find()
        self.flush_typing()
        rows, here = self.index.rows, self.index.order.get(self.current or "", -1)
        offset = self.editor.offset if here >= 0 else 0
        for step in range(len(rows) + 1):
            row = rows[(here + step) % len(rows)] if here >= 0 else rows[step % len(rows)]
            text = self.paper.find(row.key).text
            start = text.lower().find(needle.lower(), offset if step == 0 and here >= 0 else 0)
            if start >= 0:
                self.go_to(row.key, offset=start + len(needle))
                self.editor.select_span(start, start + len(needle))
                return
        self.notify(f"{needle!r} is not in the paper", timeout=3)

    def action_replace(self) -> None:
        from resedit.tui.screens.prompt import Field, PromptScreen

        self.flush_typing()
        fields = [Field("find", "Replace (whole paper, exact case)", self._last_find),
                  Field("with", "With")]
        self.app.push_screen(PromptScreen("Replace everywhere", fields,
                                          note="One Ctrl+Z undoes every replacement"), self._replace)

    def _replace(self, values: dict | None) -> None:
        from resedit.model.edits import Batch, SetField, SetText

        if not values or not values.get("find"):
            return
        old, new = values["find"], values.get("with", "")
        self._last_find = old
        edits, count = [], 0
        for _, _, _, clause in self.paper.clauses():
            if old in clause.text:
                count += clause.text.count(old)
                edits.append(SetText(clause.id, clause.text.replace(old, new)))
        for name, _ in outline.HEADER_ROWS:
            value = getattr(self.paper, name)
            if old in value:
                count += value.count(old)
                edits.append(SetField(name, value.replace(old, new)))
        if not edits:
            self.notify(f"{old!r} is not in the paper", timeout=3)
            return
        if self._apply(Batch(tuple(edits))):
            self.notify(f"Replaced {count} × {old!r} in {len(edits)} "
                        f"{'place' if len(edits) == 1 else 'places'} (Ctrl+Z undoes all)", timeout=4)

    # ---- pasting several paragraphs --------------------------------------------------------
    def pasted(self, text: str) -> bool:
        """Paragraphs pasted into a clause become clauses as the reader reads them (numbers,
        letters, wrapped lines), inserted after this clause as one undo step. False: not several
        clauses (the editor inserts the text itself)."""
        from resedit.formats.text import read_text
        from resedit.model.edits import Batch, DeleteClause, InsertClause, locate

        key = self.current
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # terminals paste line ends as CR
        if "\n" not in text.strip() or not key or key.startswith("field:") or self.paper.find(key) is None:
            return False
        read = read_text(text.strip() + "\n")
        clauses = [(part, c) for part in ("preamble", "operative") for c in read.part(part)]
        if len(clauses) + sum(len(c.children) for _, c in clauses) < 2:
            return False
        self.flush_typing()
        top = key
        while (parent := locate(self.paper, top)[1]) is not None:
            top = parent
        part, _, siblings, at = locate(self.paper, top)
        edits, counts = [], {"preamble": 0, "operative": 0}
        for new_part, clause in clauses:
            if new_part == part:
                index = at + 1 + counts[new_part]
            elif new_part == "operative":
                index = counts[new_part]
            else:
                index = len(self.paper.preamble) + counts[new_part]
            counts[new_part] += 1
            edits.append(InsertClause(new_part, None, index, clause))
        current = self.paper.find(key)
        if not current.text.strip() and not current.children:
            edits.append(DeleteClause(key))  # pasted into an empty clause: the paste replaces it
        self._apply(Batch(tuple(edits)), focus=clauses[-1][1].id)
        self.notify(f"Pasted {len(clauses)} clauses (Ctrl+Z takes them all back)", timeout=3)
        return True

    # ---- other screens ---------------------------------------------------------------------
    def action_paper_view(self) -> None:
        from resedit.tui.screens.paper_view import PaperViewScreen

        self.flush_typing()
        self.app.push_screen(PaperViewScreen(self.paper, self.session.findings(), self.current),
                             lambda key: key and self.go_to(key))

    def action_focus_outline(self) -> None:
        from resedit.tui.widgets.outline_view import OutlineView

        self.query_one(OutlineView).focus()

    def action_help(self) -> None:
        self.app.action_help()

    def action_save(self) -> None:
        self.flush_typing()
        self.app.action_save()

    def action_export(self) -> None:
        self.app.action_export()

    def action_sponsors(self) -> None:
        self.app.action_sponsors()
