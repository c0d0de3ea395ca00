"""OutlineView: the paper as a list of rows (header, preamble, operative and sub-clauses)."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resedit.editor.outline import Row

SEVERITY_MARK = {"error": ("●", "bold red"), "warning": ("●", "dark_orange"), "info": ("·", "dodger_blue2"),
                 "peer": ("◆", "bold magenta")}  # a co-drafter is on this clause
PART_TITLE = {"preamble": "Preamble", "operative": "Operative"}


class OutlineView(OptionList):
    """Selecting a row (Enter or click) opens it in the clause editor."""

    BORDER_TITLE = "Outline"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rows: list[Row] = []
        self._shown: dict[str, tuple] = {}  # key -> what its prompt shows, to skip no-op redraws

    def show(self, rows: list[Row], marks: dict[str, str], current: str | None) -> None:
        """Redraw every row; `marks` maps a row key to the worst severity found there."""
        signature = {row.key: self._visible(row, marks.get(row.key)) for row in rows}
        if list(signature.items()) == list(self._shown.items()):
            self.select_key(current)
            return
        self._rows, self._shown = rows, signature
        options: list[Option | None] = []
        for row in rows:
            options.append(Option(self._prompt(row, marks.get(row.key)), id=row.key))
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        self.select_key(current, fallback=highlighted)

    def _visible(self, row: Row, severity: str | None) -> tuple:
        width = max(self.size.width, 80)  # a row never shows more than the widget is wide
        return (row.label, row.depth, row.text[:width], severity)

    def update_row(self, row: Row, severity: str | None) -> None:
        visible = self._visible(row, severity)
        if self._shown.get(row.key) == visible:
            return  # typing past what the row can show: nothing to redraw
        self._shown[row.key] = visible
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
