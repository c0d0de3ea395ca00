"""StatusLine: committee, sponsors and signatories against the threshold, model state, saved;
KeyHints: the few keys a newcomer needs, in one line (lighter to start than Textual's Footer)."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    def show(self, committee: str, backers: str, met: bool | None, model: str, saved: bool,
             name: str, words: int = 0, clauses: int = 0) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {committee or 'no committee'} ", style="bold reverse")
        text.append(" ")
        style = "green" if met else ("red" if met is False else "")
        text.append(backers, style=style)
        text.append(" │ ")
        text.append("saved" if saved else "● unsaved", style="green" if saved else "bold dark_orange")
        text.append(f" │ {words:,} words, {clauses:,} clauses")
        text.append(f" │ NLP {model}", style="dim" if model != "ready" else "")
        text.append(f" │ {name}", style="dim")
        if text.plain != getattr(self, "_plain", None) or text.spans != getattr(self, "_spans", None):
            self._plain, self._spans = text.plain, list(text.spans)
            self.update(text)


class KeyHints(Static):
    """Clickable like the Footer: each hint runs its action."""

    HINTS = (("F1", "Help", "screen.help"), ("^S", "Save", "screen.save"), ("^F", "Fix", "screen.fix"),
             ("^Z", "Undo", "screen.undo"), ("F2", "Sponsors", "screen.sponsors"),
             ("^P", "Commands", "app.command_palette"))

    def on_mount(self) -> None:
        self.update("".join(f"[b reverse] {key} [/] [@click={action}]{label}[/]  "
                            for key, label, action in self.HINTS))
