"""FindingsPanel: findings for the clause being edited, then the whole paper, and the detail
(where, why, the suggested fix) of the highlighted one."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from resedit.model.diagnostic import Diagnostic

ICON = {"error": ("✖", "bold red"), "warning": ("▲", "dark_orange"), "info": ("i", "dodger_blue2")}


class FindingList(OptionList):
    pass


class FindingsPanel(Vertical):
    @dataclass
    class Picked(Message):
        """A finding was chosen (Enter or click): jump to its clause."""

        diagnostic: Diagnostic

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.findings: list[Diagnostic] = []
        self._where: dict[int, str] = {}
        self._by_option: dict[str, Diagnostic] = {}

    def compose(self) -> ComposeResult:
        yield FindingList(id="finding-list")
        yield Static(id="finding-detail")

    def on_mount(self) -> None:
        self.border_title = "Findings"

    def show(self, current: list[Diagnostic], others: list[Diagnostic], where: dict[int, str],
             note: str = "") -> None:
        """`where` maps id(diagnostic) to a short place such as "op 3(b)"."""
        signature = ([(d.code, d.message, where.get(id(d))) for d in current],
                     [(d.code, d.message, where.get(id(d))) for d in others], note)
        if signature == getattr(self, "_signature", None):
            # same findings: keep the rows, but point at the new Diagnostic objects
            self._by_option = {k: d for k, d in zip(self._by_option, current + others)}
            self.findings, self._where = current + others, where
            self._detail()
            return
        self._signature = signature
        listing = self.query_one(FindingList)
        old = listing.highlighted
        self.findings, self._where = current + others, where
        options: list[Option | None] = []
        self._by_option = {}
        for n, d in enumerate(self.findings):
            if n == len(current) and current and others:
                options.append(None)
            self._by_option[f"f{n}"] = d
            options.append(Option(self._line(d, where.get(id(d), "")), id=f"f{n}"))
        listing.clear_options()
        listing.add_options(options)
        if listing.option_count:
            listing.highlighted = min(old or 0, listing.option_count - 1)
        total = len(self.findings)
        self.border_title = f"Findings: {len(current)} here, {total} in paper"
        self.border_subtitle = note
        self._detail()

    def selected(self) -> Diagnostic | None:
        listing = self.query_one(FindingList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self._by_option.get(option.id)

    def _line(self, d: Diagnostic, where: str) -> Text:
        icon, style = ICON.get(d.severity, ("?", ""))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{icon} ", style=style)
        text.append(f"{d.code} ", style="bold")
        if where and where != "here":
            text.append(f"{where}: ", style="dim")
        text.append(d.message)
        return text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.selected()
        if chosen is not None:
            self.post_message(self.Picked(chosen))

    def _detail(self) -> None:
        detail = self.query_one("#finding-detail", Static)
        d = self.selected() if self.findings else None
        if d is None:
            self._set_detail(detail, Text("No findings. Keep drafting.", style="dim"))
            return
        text = Text()
        text.append(f"{d.code} {d.name}", style="bold")
        place = self._where.get(id(d), "")
        if place:
            text.append(f"  ({'this clause' if place == 'here' else place})", style="dim")
        if d.explain:
            text.append("\n" + " ".join(d.explain.split()))
        if d.suggestions:
            text.append("\nFix (ctrl+f): ", style="bold green")
            text.append(d.suggestions[0])
        self._set_detail(detail, text)

    def _set_detail(self, detail: Static, text: Text) -> None:
        if text.plain != getattr(self, "_detail_plain", None):  # skip no-op layout refreshes
            self._detail_plain = text.plain
            detail.update(text)
