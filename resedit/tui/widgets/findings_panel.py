"""FindingsPanel: findings for the clause being edited, then the whole paper, and the detail of
the highlighted one: its own message (a mandate finding's quote included), where it is, and the
exact change Ctrl+F will make. Rows wrap; the highlighted finding stays highlighted when the
list is redrawn (it is found again by what it is, not by its row number).

The list and the detail mount one frame after the first paint (textual.lazy.Lazy): nothing is
checked yet when the editor opens, and mounting them first put ~15 ms before the paper showed.
The panel keeps what it was asked to show meanwhile and shows it when they arrive."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from resedit.model.diagnostic import Diagnostic
from resedit.model.paper import WorkingPaper
from resedit.tui.placing import apply_suggestion, list_fix

ICON = {"error": ("✖", "bold red"), "warning": ("▲", "dark_orange"), "info": ("i", "dodger_blue2")}


def identity(d: Diagnostic) -> tuple:
    loc = d.location
    return (d.code, loc.clause_id, loc.part, loc.line, loc.start, loc.end, d.message)


class FindingList(OptionList):
    pass


class FindingsBody(Vertical):
    """The list and the detail box."""

    class Mounted(Message):
        pass

    def on_mount(self) -> None:
        self.post_message(self.Mounted())


class FindingsPanel(Vertical):
    @dataclass
    class Picked(Message):
        """A finding was chosen (Enter or click): jump to its clause."""

        diagnostic: Diagnostic

    def __init__(self, describe_fix: Callable[[Diagnostic], Text | None] | None = None, **kwargs):
        """`describe_fix(d)`: the change Ctrl+F would make for `d`, or None when it makes none."""
        super().__init__(**kwargs)
        self.describe_fix = describe_fix
        self.findings: list[Diagnostic] = []
        self._where: dict[int, str] = {}
        self._by_option: dict[str, Diagnostic] = {}
        self._signature = None
        self._waiting: tuple | None = None  # what show() was given before the body mounted
        self.listing: FindingList | None = None  # the list, once it has mounted

    def compose(self) -> ComposeResult:
        with Lazy(FindingsBody(id="finding-body")):
            yield FindingList(id="finding-list")
            with VerticalScroll(id="finding-detail-box"):
                yield Static(id="finding-detail")

    def on_mount(self) -> None:
        self.border_title = "Findings"

    def on_findings_body_mounted(self, event: FindingsBody.Mounted) -> None:
        event.stop()
        self.listing = self.query_one(FindingList)
        if self._waiting is not None:
            args, self._waiting = self._waiting, None
            self.show(*args)
        else:
            self._detail()

    def show(self, current: list[Diagnostic], others: list[Diagnostic], where: dict[int, str],
             note: str = "", total: int | None = None) -> None:
        """`where` maps id(diagnostic) to a short place such as "op. 3(b)"; `total`: findings in
        the paper when not all are listed."""
        total = len(current) + len(others) if total is None else total
        if self.listing is None:
            self._waiting = (current, others, where, note, total)
            return
        signature = ([(identity(d), where.get(id(d))) for d in current],
                     [(identity(d), where.get(id(d))) for d in others], note, total)
        if signature == self._signature:
            # same findings: keep the rows, but point at the new Diagnostic objects
            self._by_option = {k: d for k, d in zip(self._by_option, current + others)}
            self.findings, self._where = current + others, where
            self._detail()
            return
        self._signature = signature
        listing = self.listing
        chosen = self.selected()
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
            # the same finding stays highlighted while the delegate is in the list or on its
            # clause (just jumped there); otherwise the first finding of this clause
            keep = chosen is not None and (listing.has_focus or where.get(id(self._same(chosen))) == "here")
            listing.highlighted = self._index_of(chosen) if keep else 0
        listed = "" if total == len(self.findings) else f" ({len(self.findings)} listed; F4 shows all)"
        self.border_title = f"Findings: {len(current)} here, {total} in paper{listed}"
        self.border_subtitle = note
        self._detail()

    def _same(self, chosen: Diagnostic) -> Diagnostic | None:
        wanted = identity(chosen)
        return next((d for d in self.findings if identity(d) == wanted), None)

    def _index_of(self, chosen: Diagnostic) -> int:
        """The row of the finding that was highlighted (the first row when it is gone)."""
        wanted = identity(chosen)
        listing = self.listing
        for option_id, d in self._by_option.items():
            if identity(d) == wanted:
                return listing.get_option_index(option_id)
        return 0

    def selected(self) -> Diagnostic | None:
        listing = self.listing
        if listing is None or listing.highlighted is None or not self._by_option:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self._by_option.get(option.id)

    def _line(self, d: Diagnostic, where: str) -> Text:
        icon, style = ICON.get(d.severity, ("?", ""))
        text = Text()
        text.append(f"{icon} ", style=style)
        text.append(f"{d.code} ", style="bold")
        if where and where != "here":
            text.append(f"{where}: ", style="dim")
        room = 2 * max(self.size.width - 2, 40) - len(text.plain)  # two lines; the detail has all
        message = " ".join(d.message.split())
        text.append(message if len(message) <= room else message[:room - 1] + "…")
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
        text.append("\n" + d.message)
        if d.cite:
            text.append(f"\nSource: {d.cite}", style="dim")
        fix = self.describe_fix(d) if self.describe_fix else None
        if fix is not None:
            text.append("\nCtrl+F: ", style="bold green")
            text.append_text(fix)
        elif d.suggestions:
            text.append("\nSuggested: ", style="bold")
            text.append(" / ".join(d.suggestions))
            text.append(" (Ctrl+F cannot apply this one)", style="dim")
        self._set_detail(detail, text)

    def _set_detail(self, detail: Static, text: Text) -> None:
        if text.plain != getattr(self, "_detail_plain", None):  # skip no-op layout refreshes
            self._detail_plain = text.plain
            detail.update(text)


def fix_preview(paper: WorkingPaper, d: Diagnostic) -> Text | None:
    """Exactly what Ctrl+F will change for finding `d` (None: it changes nothing)."""
    listed = list_fix(paper, d)
    if listed is not None:
        name, states = listed
        before = getattr(paper, name)
        i = next((n for n, (a, b) in enumerate(zip(before, states)) if a != b), None)
        if i is None:
            return None
        return _change(before[i], states[i], f" in the {name}")
    clause = paper.find(d.location.clause_id or "")
    if clause is None or apply_suggestion(clause.text, d) is None:
        return None
    start, end = d.location.start, d.location.end
    if start == end:
        before = clause.text[max(0, start - 24):start]
        return _change("", d.suggestions[0], f" after “…{before}”" if before else " at the start")
    return _change(clause.text[start:end], d.suggestions[0], "")


def _change(old: str, new: str, where: str) -> Text:
    text = Text()
    if old:
        text.append(f"“{old}”", style="red strike")
        text.append(" → ")
    else:
        text.append("insert ")
    text.append(f"“{new}”", style="bold green")
    text.append(where, style="dim")
    return text
