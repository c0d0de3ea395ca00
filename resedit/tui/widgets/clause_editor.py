"""ClauseEditor: a TextArea for one clause's text, with opener completion and structural keys.

Enter splits the clause (a new clause after it), Backspace at the very start merges it into the
one above, Up on the first line and Down on the last move to the neighbouring clause, Tab accepts
the opener completion when one is shown and otherwise makes a sub-clause, Shift+Tab lifts it.
"""
from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from resedit.editor.phrases import complete


class ClauseEditor(TextArea):
    BINDINGS = [
        Binding("ctrl+z", "screen.undo", "Undo", show=False),
        Binding("ctrl+y", "screen.redo", "Redo", show=False),
    ]

    def __init__(self, on_structural: Callable[[str, int], None],
                 on_paste: Callable[[str], bool] | None = None, **kwargs):
        """`on_structural(action, offset)` runs at once, inside the key handler, so keys typed
        right after Enter land in the new clause (a posted message would arrive too late).
        `on_paste(text)` may take a paste of several paragraphs (True) before it is inserted."""
        super().__init__(soft_wrap=True, tab_behavior="focus", show_line_numbers=False, **kwargs)
        self.part = "preamble"  # which phrase list completes the opener; "" for none
        self.on_structural = on_structural
        self.on_paste = on_paste

    async def _on_paste(self, event: events.Paste) -> None:
        # Textual calls TextArea's own _on_paste after this one unless the default is prevented
        if not self.read_only and self.on_paste is not None and self.on_paste(event.text):
            event.stop()
            event.prevent_default()

    @property
    def offset(self) -> int:
        """Cursor as a character offset into the clause text."""
        row, column = self.cursor_location
        lines = self.text.split("\n")
        return sum(len(line) + 1 for line in lines[:row]) + column

    def set_offset(self, offset: int) -> None:
        offset = max(0, min(offset, len(self.text)))
        before = self.text[:offset]
        self.move_cursor((before.count("\n"), len(before) - (before.rfind("\n") + 1)))

    def _location(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        before = self.text[:offset]
        return before.count("\n"), len(before) - (before.rfind("\n") + 1)

    def select_span(self, start: int, end: int) -> None:
        """Select characters start..end of the clause text (a finding's span)."""
        self.selection = Selection(self._location(start), self._location(end))

    def update_suggestion(self) -> None:
        text = self.text
        if not self.part or self.selection.start != self.selection.end or self.offset != len(text):
            self.suggestion = ""
            return
        self.suggestion = complete(self.part, text)

    def _structural(self, event: events.Key, action: str) -> None:
        event.stop()
        event.prevent_default()
        self.on_structural(action, self.offset)

    async def _on_key(self, event: events.Key) -> None:
        start, end = self.selection
        collapsed = start == end
        if event.key == "enter":
            return self._structural(event, "split")
        if event.key == "backspace" and collapsed and self.cursor_location == (0, 0):
            return self._structural(event, "merge")
        if event.key == "tab":
            if self.suggestion:
                event.stop()
                event.prevent_default()
                self.insert(self.suggestion)
                return
            return self._structural(event, "indent")
        if event.key == "shift+tab":
            return self._structural(event, "outdent")
        if event.key == "up" and collapsed and self._at_visual_top():
            return self._structural(event, "previous")
        if event.key == "down" and collapsed and self._at_visual_bottom():
            return self._structural(event, "next")

    def _at_visual_top(self) -> bool:
        return self.wrapped_document.location_to_offset(self.cursor_location).y == 0

    def _at_visual_bottom(self) -> bool:
        last = self.wrapped_document.height - 1
        return self.wrapped_document.location_to_offset(self.cursor_location).y >= last
