"""HelpScreen: every key, grouped, built from resedit.tui.keys so it never goes stale."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from resedit.tui.keys import KEYS

INTRO = ("Write the paper one clause at a time. The outline on the left shows the header, the "
         "preamble and the numbered operative clauses; numbers and letters follow position. "
         "Findings update as you type: structure at once, language checks once the model is "
         "loaded. Unsaved work is journalled every half second and offered back if resedit is "
         "killed.")


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help — ↑↓ scroll, Esc closes"
            yield Static(Text(INTRO), classes="help-intro")
            for group, keys in KEYS.items():
                table = Table(title=group, title_justify="left", title_style="bold",
                              show_header=False, box=None, padding=(0, 1), expand=True)
                table.add_column(style="bold", no_wrap=True, width=16)
                table.add_column(ratio=1)
                for key in keys:
                    table.add_row(key.shown, key.description)
                yield Static(table, classes="help-group")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()  # ↑↓ PgUp PgDn scroll at once

    def action_dismiss(self) -> None:
        self.dismiss(None)
