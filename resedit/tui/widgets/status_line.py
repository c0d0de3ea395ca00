"""StatusLine: committee, sponsors and signatories against the threshold, model state, saved."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    def show(self, committee: str, backers: str, met: bool | None, model: str, saved: bool,
             name: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {committee or 'no committee'} ", style="bold reverse")
        text.append(" ")
        style = "green" if met else ("red" if met is False else "")
        text.append(backers, style=style)
        text.append(f" │ NLP {model}", style="dim" if model != "ready" else "")
        text.append(" │ ")
        text.append("saved" if saved else "● unsaved", style="green" if saved else "bold yellow")
        text.append(f" │ {name}", style="dim")
        self.update(text)
