"""ConfirmScreen: a question with two or three labelled answers; dismisses with the answer key."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "answer('cancel')", "Cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str]], **kwargs):
        """`answers`: (key returned, button label); the first is the default."""
        super().__init__(**kwargs)
        self.question, self.answers = question, answers

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(id="answers"):
                for n, (key, label) in enumerate(self.answers):
                    yield Button(label, id=f"answer-{key}", variant="primary" if n == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id.removeprefix("answer-"))

    def action_answer(self, key: str) -> None:
        self.dismiss(key)
