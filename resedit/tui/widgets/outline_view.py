"""OutlineView: the paper as a list of rows (header, preamble, operative and sub-clauses).

One line per row, drawn only when on screen (Textual's line API): OptionList measures every
option whenever the list changes, which took seconds per redraw for a 5,000-clause paper.
↑↓/PgUp/PgDn/Home/End move the highlight; Enter or a click opens the row in the clause editor.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from resedit.editor.outline import Row

SEVERITY_MARK = {"error": ("●", "bold red"), "warning": ("●", "dark_orange"), "info": ("·", "dodger_blue2"),
                 "peer": ("◆", "bold magenta")}  # a co-drafter is on this clause
PART_TITLE = {"preamble": "Preamble", "operative": "Operative"}


class OutlineView(ScrollView, can_focus=True):
    """Selecting a row (Enter or click) posts Picked(key): the screen opens it."""

    BORDER_TITLE = "Outline"
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "pick", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"outline--cursor"}
    DEFAULT_CSS = """
    OutlineView > .outline--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
    }
    OutlineView:focus > .outline--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    @dataclass
    class Picked(Message):
        key: str

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rows: list[Row] = []
        self._marks: dict[str, str] = {}
        self.notes: dict[str, str] = {}  # co-drafting: who is in a clause, its open comments
        self._notes_shown: dict[str, str] = {}
        self._index: dict[str, int] = {}
        self.highlighted: int | None = None

    # ---- what the screen calls -------------------------------------------------------------
    def show(self, rows: list[Row], marks: dict[str, str], current: str | None) -> None:
        """Show these rows; `marks` maps a row key to the worst severity found there."""
        if rows != self._rows or marks != self._marks or self.notes != self._notes_shown:
            self._rows, self._marks, self._notes_shown = rows, dict(marks), dict(self.notes)
            self._index = {row.key: n for n, row in enumerate(rows)}
            self.virtual_size = Size(self.size.width, len(rows))
            self.refresh()
        self.select_key(current, fallback=self.highlighted)

    def set_marks(self, marks: dict[str, str]) -> None:
        """New findings: redraw the rows whose mark changed."""
        if self.notes != self._notes_shown:  # co-drafting: someone moved, a comment came
            self._notes_shown = dict(self.notes)
            self._marks = dict(marks)
            self.refresh()
            return
        if marks == self._marks:
            return
        changed = {k for k in marks.keys() | self._marks.keys() if marks.get(k) != self._marks.get(k)}
        self._marks = dict(marks)
        for key in changed:
            if key in self._index:
                self._refresh_row(self._index[key])

    def update_row(self, row: Row, severity: str | None) -> None:
        """One row changed (typing): redraw that line only."""
        n = self._index.get(row.key)
        if n is None:
            return
        if self._rows[n] == row and self._marks.get(row.key) == severity:
            return
        self._rows[n] = row
        if severity is None:
            self._marks.pop(row.key, None)
        else:
            self._marks[row.key] = severity
        self._refresh_row(n)

    def select_key(self, key: str | None, fallback: int | None = None) -> None:
        n = self._index.get(key) if key is not None else None
        if n is None and fallback is not None and self._rows:
            n = min(fallback, len(self._rows) - 1)
        if n is not None:
            self._highlight(n)

    @property
    def option_count(self) -> int:
        return len(self._rows)

    def row_text(self, n: int) -> str:
        """Row `n` as shown (without the highlight)."""
        return self._prompt(self._rows[n], self._marks.get(self._rows[n].key)).plain

    # ---- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        n = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if n >= len(self._rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        row = self._rows[n]
        text = self._prompt(row, self._marks.get(row.key))
        text.truncate(width, overflow="ellipsis")
        base = self.rich_style
        if n == self.highlighted:
            base = base + self.get_component_rich_style("outline--cursor")
        segments = [Segment(s.text, base + s.style if s.style else base)
                    for s in text.render(self.app.console)]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _prompt(self, row: Row, severity: str | None) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        mark, style = SEVERITY_MARK.get(severity, (" ", ""))
        text.append(mark, style=style)
        if self.notes.get(row.key):
            text.append(f"{self.notes[row.key]} ", style="bold magenta")
        if row.part == "header":
            text.append(f"{row.label}: ", style="bold")
            text.append(row.text or "—", style="" if row.text else "dim")
            return text
        indent = "  " * row.depth
        label = row.label or "¶"
        text.append(f"{indent}{label} ", style="bold" if row.part == "operative" else "dim")
        text.append(row.text or "(empty)", style="" if row.text else "dim italic")
        return text

    def _refresh_row(self, n: int) -> None:
        y = n - self.scroll_offset.y
        if 0 <= y < self.scrollable_content_region.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _highlight(self, n: int) -> None:
        old, self.highlighted = self.highlighted, n
        if old is not None and old != n:
            self._refresh_row(old)
        self._refresh_row(n)
        if self.size.height:  # keep it in view
            top, height = self.scroll_offset.y, self.scrollable_content_region.height
            if n < top:
                self.scroll_to(y=n, animate=False)
            elif n >= top + height:
                self.scroll_to(y=n - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))

    # ---- keys and mouse ----------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self._rows:
            self._highlight(max(0, min(len(self._rows) - 1, (self.highlighted or 0) + step)))

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, n: int) -> None:
        if self._rows:
            self._highlight(n % len(self._rows))

    def action_pick(self) -> None:
        if self.highlighted is not None and self._rows:
            self.post_message(self.Picked(self._rows[self.highlighted].key))

    def on_click(self, event: events.Click) -> None:
        n = self.scroll_offset.y + event.y
        if 0 <= n < len(self._rows):
            self._highlight(n)
            self.action_pick()
