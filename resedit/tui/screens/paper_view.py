"""PaperViewScreen: the whole paper as it will print (header, opening line, preambular clauses,
numbered operative clauses and their sub-clauses, wrapped and indented), with each clause's
findings marked in the left margin. ↑↓/PgUp/PgDn scroll, Enter (or a click) opens the clause in
the editor, Esc goes back."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from resedit.editor import outline
from resedit.model.diagnostic import Diagnostic
from resedit.model.paper import WorkingPaper

MARK = {"error": ("✖", "bold red"), "warning": ("▲", "dark_orange"), "info": ("i", "dodger_blue2")}
RANK = {"error": 0, "warning": 1, "info": 2}


class PaperViewScreen(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f4", "close", "Back to the editor")]

    def __init__(self, paper: WorkingPaper, findings: list[Diagnostic], current: str | None,
                 **kwargs):
        super().__init__(**kwargs)
        self.paper, self.findings, self.current = paper, findings, current

    def compose(self) -> ComposeResult:
        listing = OptionList(*self._options(), id="paper-view")
        listing.border_title = "The whole paper, as it will print"
        listing.border_subtitle = "Enter: edit this clause · Esc: back"
        yield listing

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        try:
            listing.highlighted = listing.get_option_index(self.current or "")
        except Exception:  # a header field or nothing: start at the top
            listing.highlighted = 0
        listing.focus()

    def _options(self) -> list[Option]:
        worst: dict[str, tuple[str, int]] = {}  # row key -> (worst severity, how many)
        for d in self.findings:
            key = d.location.clause_id or {"header": "field:topic", "sponsors": "sponsors"}.get(
                d.location.part, "")
            severity, count = worst.get(key, ("", 0))
            if not severity or RANK.get(d.severity, 3) < RANK.get(severity, 3):
                severity = d.severity
            worst[key] = (severity, count + 1)
        paper, out = self.paper, []
        for key, label, value in (("field:code", "Code", paper.code),
                                  ("field:committee", "Committee", paper.committee),
                                  ("field:topic", "Topic", paper.topic),
                                  ("sponsors", "Sponsors", ", ".join(paper.sponsors)),
                                  ("sponsors", "Signatories", ", ".join(paper.signatories))):
            if value:
                mark = worst.pop(key, None) if key != "sponsors" or label == "Sponsors" else None
                out.append(Option(_block(mark, "", 0, Text(f"{label}: {value}")),
                                  id=f"{key}:{label}" if key == "sponsors" else key))
        out.append(Option(_block(None, "", 0, Text(paper.opening or "(no opening line)",
                                                   style="" if paper.opening else "dim")),
                          id="field:opening"))
        for row in outline.rows(paper):
            if not row.is_clause:
                continue
            body = Text(row.text or "(empty)", style="" if row.text else "dim italic")
            if row.depth == 0 and row.text:  # the opening phrase, italic as the Word export sets it
                body.stylize("italic", 0, len(row.text.split(" ", 1)[0]))
            out.append(Option(_block(worst.get(row.key), row.label, row.depth, body), id=row.key))
        return out

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        self.dismiss("sponsors" if key.startswith("sponsors:") else key)

    def action_close(self) -> None:
        self.dismiss(None)


def _block(mark: tuple[str, int] | None, label: str, depth: int, body: Text) -> Table:
    """One paragraph: margin (worst finding and how many), then the label hanging in front of
    the wrapped text, indented by level as the text layout writes it."""
    grid = Table.grid(padding=(0, 1, 1, 0))
    grid.add_column(width=4, no_wrap=True)
    if label or depth:
        grid.add_column(width=4 * depth + len(label), no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    margin = Text()
    if mark is not None:
        icon, style = MARK.get(mark[0], ("?", ""))
        margin.append(icon, style=style)
        if mark[1] > 1:
            margin.append(str(mark[1]), style="dim")
    cells = [margin] + ([Text(label, style="bold")] if label or depth else []) + [body]
    grid.add_row(*cells)
    return grid
