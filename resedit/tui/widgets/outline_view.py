"""OutlineView: the paper as a list of rows (header, preamble, operative and sub-clauses)."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resedit.tui.outline import Row

SEVERITY_MARK = {"error": ("●", "bold red"), "warning": ("●", "yellow"), "info": ("·", "cyan")}
PART_TITLE = {"preamble": "Preamble", "operative": "Operative"}


class OutlineView(OptionList):
    """Selecting a row (Enter or click) opens it in the clause editor."""

    BORDER_TITLE = "Outline"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rows: list[Row] = []

    def show(self, rows: list[Row], marks: dict[str, str], current: str | None) -> None:
        """Redraw every row; `marks` maps a row key to the worst severity found there."""
        self._rows = rows
        options: list[Option | None] = []
        for row in rows:
            options.append(Option(self._prompt(row, marks.get(row.key)), id=row.key))
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        self.select_key(current, fallback=highlighted)

    def update_row(self, row: Row, severity: str | None) -> None:
        try:
            self.replace_option_prompt(row.key, self._prompt(row, severity))
        except Exception:  # the row vanished meanwhile: the next full redraw fixes it
            pass

    def select_key(self, key: str | None, fallback: int | None = None) -> None:
        if key is not None:
            try:
                self.highlighted = self.get_option_index(key)
                return
            except Exception:
                pass
        if fallback is not None and self.option_count:
            self.highlighted = min(fallback, self.option_count - 1)

    def _prompt(self, row: Row, severity: str | None) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        mark, style = SEVERITY_MARK.get(severity, (" ", ""))
        text.append(mark, style=style)
        if row.part == "header":
            text.append(f"{row.label}: ", style="bold")
            text.append(row.text or "—", style="" if row.text else "dim")
            return text
        indent = "  " * row.depth
        label = row.label or "¶"
        text.append(f"{indent}{label} ", style="bold" if row.part == "operative" else "dim")
        text.append(row.text or "(empty)", style="" if row.text else "dim italic")
        return text
