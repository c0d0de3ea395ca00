"""PromptScreen: one or more labelled inputs (with optional completion); dismisses with a dict of
values, or None when cancelled."""
from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static


class Field(NamedTuple):
    name: str
    label: str
    value: str = ""
    choices: tuple[str, ...] = ()  # completion (→ accepts)


class PromptScreen(ModalScreen[dict | None]):
    CSS_PATH = "dialogs.tcss"
    # Enter is handled here, synchronously, so keys typed right after it reach the next field.
    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("enter", "next_or_ok", "Next / OK", priority=True)]

    def __init__(self, title: str, fields: list[Field], note: str = "", **kwargs):
        super().__init__(**kwargs)
        self.title_text, self.fields, self.note = title, fields, note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self.title_text
            for field in self.fields:
                yield Label(field.label)
                suggester = SuggestFromList(field.choices, case_sensitive=False) if field.choices else None
                yield Input(field.value, id=f"field-{field.name}", suggester=suggester)
            yield Static(self.note or "Enter: next / OK · Esc: cancel", classes="dim-note")

    def action_next_or_ok(self) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(self.focused) if self.focused in inputs else len(inputs) - 1
        if index + 1 < len(inputs):
            self.set_focus(inputs[index + 1])
            return
        self.dismiss({i.id.removeprefix("field-"): i.value.strip() for i in inputs})

    def action_cancel(self) -> None:
        self.dismiss(None)
