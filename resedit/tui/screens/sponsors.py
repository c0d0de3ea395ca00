"""SponsorsScreen: add, remove and withdraw sponsors and signatories, with name completion.

The conference's rules come from resedit.sponsorship (names normalised, misspellings refused with
a suggestion, both roles refused when the profile forbids it). A change is worked out on a copy
of the paper and applied to the document as one Batch of list edits and the change's history
entry (AppendHistory), so one undo takes back both, like any other edit.
"""
from __future__ import annotations

import copy

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from resedit.model.edits import LIST_FIELDS, AppendHistory, Batch, EditError, SetList


class SponsorsScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("delete,r", "remove", "Remove"),
        Binding("w", "withdraw", "Withdraw"),
        # handled here, synchronously: names typed right after Enter go into a cleared field
        Binding("enter", "add", "Add", priority=True),
    ]

    def __init__(self, document, committee, **kwargs):
        super().__init__(**kwargs)
        self.document, self.committee = document, committee

    def compose(self) -> ComposeResult:
        from resedit.sponsorship.states import state_index

        index = state_index()
        names = sorted(index.states)
        with Vertical(id="sponsors-dialog") as box:
            box.border_title = "Sponsors and signatories — Esc closes"
            yield Static(id="sponsor-summary")
            yield OptionList(id="sponsor-list")
            yield Static("On a name: R or Del removes it (a mistake), W records a withdrawal.",
                         classes="dim-note")
            yield Label("Add a sponsor (→ completes, Enter adds):")
            yield Input(id="add-sponsor", suggester=SuggestFromList(names, case_sensitive=False),
                        placeholder="e.g. Viet Nam")
            yield Label("Add a signatory:")
            yield Input(id="add-signatory", suggester=SuggestFromList(names, case_sensitive=False),
                        placeholder="e.g. Chile")
            yield Static(id="sponsor-message")

    def paper_changed(self, notice: str = "", ok: bool = True) -> None:
        """The paper changed under this screen (a signature arrived) or the host answered."""
        if self.is_mounted:
            self._refresh()
            if notice:
                self._say(notice, ok=ok)

    def on_mount(self) -> None:
        self._refresh()
        self.query_one("#add-sponsor", Input).focus()

    def _analysis(self):
        from resedit.sponsorship.analysis import analyse
        return analyse(self.document.paper, self.committee)

    def _refresh(self) -> None:
        analysis = self._analysis()
        self.query_one("#sponsor-summary", Static).update(Text(analysis.line(), style="bold"))
        listing = self.query_one("#sponsor-list", OptionList)
        listing.clear_options()
        for entry in analysis.entries:
            text = Text(f"{entry.role:<10} ", style="dim")
            text.append(entry.typed, style="" if entry.counts else "red")
            if not entry.resolution.ok:
                text.append(f"  {entry.resolution.describe()}", style="red")
            elif not entry.counts:
                text.append("  (not counted)", style="dark_orange")
            listing.add_option(Option(text, id=f"{entry.role}:{entry.index}"))

    def _say(self, message: str, ok: bool) -> None:
        self.query_one("#sponsor-message", Static).update(Text(message, style="green" if ok else "bold red"))

    def _change(self, operation, *args, **kwargs) -> None:
        from resedit.errors import ResEditError

        trial = copy.deepcopy(self.document.paper)
        kwargs.setdefault("who", getattr(self.document, "who", "") or None)  # co-drafting: the peer's name
        try:
            change = operation(trial, *args, committee=self.committee, **kwargs)
        except ResEditError as exc:
            self._say(str(exc), ok=False)
            return
        entry = change.entry
        # One step: the lists that changed and the history entry, so one undo takes back both.
        current = self.document.paper
        edits = [SetList(name, tuple(getattr(trial, name))) for name in LIST_FIELDS
                 if getattr(trial, name) != getattr(current, name)]
        try:
            self.document.apply(Batch((*edits, AppendHistory(entry))))
        except EditError as exc:  # e.g. a read-only shared copy
            self._say(str(exc), ok=False)
            return
        self._say("; ".join([f"{entry.action}: {entry.state} ({entry.role})", *change.warnings]),
                  ok=True)
        self._refresh()

    def action_add(self) -> None:
        from resedit.sponsorship.changes import add

        field = self.focused
        if not isinstance(field, Input) or not field.value.strip():
            return
        role = "sponsor" if field.id == "add-sponsor" else "signatory"
        if getattr(self.document, "read_only", False):  # co-drafting: the host applies a signature
            self._sign(field, role)
            return
        before = self.document.version
        self._change(add, field.value, role)
        if self.document.version != before:
            field.value = ""

    def _sign(self, field: Input, role: str) -> None:
        from resedit.sponsorship.states import state_index

        sign = getattr(self.document, "sign", None)
        found = state_index().resolve(field.value)
        if role != "signatory" or sign is None:
            self._say("This copy is read only: you can only sign (as a signatory).", ok=False)
        elif not found.ok:
            self._say(found.describe(), ok=False)
        else:
            try:
                sign(found.state.name)
            except Exception as exc:  # refused by the host or not connected: say why
                self._say(str(exc), ok=False)
                return
            self._say(f"signature sent to the host: {found.state.name} (its answer shows here)", ok=True)
            field.value = ""

    def _picked(self) -> tuple[str, str] | None:
        listing = self.query_one("#sponsor-list", OptionList)
        if not listing.has_focus or listing.highlighted is None:
            return None
        role, index = listing.get_option_at_index(listing.highlighted).id.split(":")
        names = self.document.paper.sponsors if role == "sponsor" else self.document.paper.signatories
        return role, names[int(index)]

    def action_remove(self) -> None:
        from resedit.sponsorship.changes import remove
        picked = self._picked()
        if picked:
            self._change(remove, picked[1], role=picked[0])

    def action_withdraw(self) -> None:
        from resedit.sponsorship.changes import withdraw
        picked = self._picked()
        if picked:
            self._change(withdraw, picked[1], role=picked[0])

    def action_close(self) -> None:
        self.dismiss(None)
