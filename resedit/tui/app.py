"""The editor's composition root: `make_app(...)` builds a ResEditApp for the CLI and the tests.

Start the lint process (LintProcess().start()) before `App.run()`: `make_app` does it when asked
with `nlp=True`. Co-drafting passes its own document object (same interface as LocalDocument).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen

from resedit.editor.document import LocalDocument
from resedit.editor.session import Session
from resedit.model.paper import Clause, WorkingPaper


class WarmedUp(Message):
    """The warm-up worker has loaded the rules and linted the paper once."""


class LintEvent(Message):
    """Findings from another thread: the lint process's events (resedit.editor.lint_client
    kinds) or a background structural lint ("fast")."""

    def __init__(self, kind: str, payload: object) -> None:
        super().__init__()
        self.kind, self.payload = kind, payload


class ResEditApp(App):
    CSS_PATH = "resedit.tcss"
    TITLE = "resedit"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, session: Session, ask_new: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.ask_new = ask_new
        self.theme = pick_theme()
        self.linted = False  # the warm-up's first findings are on screen (what tests wait for)

    def get_default_screen(self) -> Screen:
        """The editor is the first screen (no blank default screen painted before it)."""
        from resedit.tui.screens.editor import EditorScreen

        self.editor = EditorScreen(self.session)
        return self.editor

    def on_mount(self) -> None:
        self._ui_thread = threading.get_ident()
        session = self.session
        session.schedule = lambda delay, callback: self.set_timer(delay, callback)
        session.on_findings = self._findings_arrived
        session.background = lambda work: threading.Thread(target=work, daemon=True,
                                                           name="resedit-background").start()
        session.post = lambda kind, payload: self._post(LintEvent(kind, payload))
        session.document.add_peer_listener(lambda peers: self._on_ui(self._peers_changed))
        if hasattr(session.document, "add_notice_listener"):  # the host's answer to a signature, a comment
            session.document.add_notice_listener(lambda text, ok: self._on_ui(self._notice, text, ok))
        if session.lint_process is not None:
            session.lint_process.set_callback(session.post)
        self._catch_signals()
        self.call_after_refresh(self._after_first_paint)

    def _catch_signals(self) -> None:
        """SIGTERM (kill, shutdown) and SIGHUP (terminal window closed): leave as Ctrl+Q would,
        terminal restored and the journal kept, instead of dying mid-screen."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(number, self._signalled, int(number))
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
                pass

    def _signalled(self, number: int) -> None:
        self.session.close()  # unsaved work stays in the journal for the next start
        self.exit(return_code=128 + number)

    def _after_first_paint(self) -> None:
        import copy
        import gc

        gc.enable()  # `resedit edit` starts with the collector off until the first paint

        snapshot = copy.deepcopy(self.session.document.paper)
        self.run_worker(lambda: self._warm_up(snapshot), thread=True, name="warm-up")
        self._show_reader_notes()
        self._startup_questions()

    def _show_reader_notes(self) -> None:
        """What the reader noticed in the file (Windows-1252 text, skipped headings, pending
        Word changes): shown once when the paper opens."""
        notes = self.session.notes_on_open
        if not notes:
            return
        shown = notes[:4] + ([f"and {len(notes) - 4} more"] if len(notes) > 4 else [])
        name = self.session.source.name if self.session.source else "the paper"
        self.notify("\n".join(shown), title=f"Read {name}", timeout=12)

    def _warm_up(self, snapshot) -> None:
        try:
            self.session.warm_up(snapshot)
        except Exception as exc:  # a broken rules file: say so where findings would be
            self.session.warm, self.session.fast_error = True, f"linter error: {exc}"
        self._post(WarmedUp())

    def _post(self, message: Message) -> None:
        """From any thread, the app's own included (call_from_thread raises there): a message to
        a closed app is dropped."""
        try:
            self.post_message(message)
        except RuntimeError:  # the event loop closed between the check and the call
            pass

    @on(WarmedUp)
    def _warmed_up(self) -> None:
        if not self.is_running:  # shutting down: the queue is flushed after the screens are gone
            return
        self.session.relint_fast()
        self.editor.redraw(True)
        self.linted = True

    @on(LintEvent)
    def _lint_event(self, event: LintEvent) -> None:
        if not self.is_running:  # as in _warmed_up
            return
        if event.kind == "fast":
            self.session.fast_arrived(event.payload)
        else:
            self.session.lint_event(event.kind, event.payload)
        self._findings_arrived()

    def _startup_questions(self) -> None:
        from resedit.tui.screens.confirm import ConfirmScreen

        found = self.session.recovery()
        if found is not None:
            paper, at = found
            when = at.replace("T", " ")[:16] + " UTC" if at else "an earlier session"
            question = (f"resedit found unsaved work from {when} "
                        f"(journal {self.session.journal.path.name}). Recover it?")

            def answered(answer: str | None) -> None:
                if answer == "recover":
                    self.session.document.load(paper)
                    self.notify("Recovered. Save with Ctrl+S to keep it.")
                elif answer == "discard":
                    self.session.journal.discard()
                self._ask_new_paper()

            self.push_screen(ConfirmScreen(question, [("recover", "Recover"),
                                                      ("discard", "Discard it"),
                                                      ("later", "Not now")]), answered)
            return
        self._ask_new_paper()

    def _ask_new_paper(self) -> None:
        if not self.ask_new:
            return
        from resedit.committees import all_committees
        from resedit.tui.screens.prompt import Field, PromptScreen

        self.ask_new = False
        committees = all_committees()
        choices = tuple(sorted({n for c in committees.values() for n in (c.code, c.name)}))
        fields = [Field("committee", f"Committee ({', '.join(sorted(committees))}; → completes)",
                        "", choices),
                  Field("topic", "Topic of the paper")]
        self.push_screen(PromptScreen("New working paper", fields), self._start_new)

    def _start_new(self, values: dict | None) -> None:
        from resedit.committees import find_committee
        from resedit.model.edits import Batch, SetField

        if not values:
            return
        committee = find_committee(values.get("committee", "")) if values.get("committee") else None
        if values.get("committee") and committee is None:
            self.notify(f"Unknown committee '{values['committee']}'; set it in the header.",
                        severity="warning")
        edits = [SetField("topic", values.get("topic", ""))]
        if committee is not None:
            edits += [SetField("committee", committee.name), SetField("opening", committee.opening + ",")]
        self.session.document.apply(Batch(tuple(edits)))
        self.editor.go_to(next(iter(c.id for _, _, _, c in self.session.document.paper.clauses())))

    def _on_ui(self, callback, *args) -> None:
        """Run on the UI thread: at once when already there, else via call_from_thread."""
        if threading.get_ident() == self._ui_thread:
            callback(*args)
        else:
            self.call_from_thread(callback, *args)

    def _notice(self, text: str, ok: bool) -> None:
        self.notify(text, severity="information" if ok else "error", timeout=6)
        refresh = getattr(self.screen, "paper_changed", None)
        if refresh is not None:
            refresh(text, ok)

    def _peers_changed(self) -> None:
        if self.editor.ready:
            self.editor.lint_updated()

    def _findings_arrived(self) -> None:
        if self.editor.ready:
            self.editor.lint_updated()

    # ---- commands shared by keys and the palette -----------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from functools import partial

        from resedit.tui.keys import commands

        yield from super().get_system_commands(screen)
        for title, help_text, action in commands():  # the key table's commands (resedit.tui.keys)
            yield SystemCommand(title, help_text, partial(self.editor.run_action, action))

    def action_edit_field(self, name: str) -> None:
        self.editor.go_to(f"field:{name}")

    def action_help(self) -> None:
        from resedit.tui.screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_sponsors(self) -> None:
        from resedit.editor.findings import committee_for
        from resedit.tui.screens.sponsors import SponsorsScreen
        self.push_screen(SponsorsScreen(self.session.document, committee_for(self.session.document.paper)))

    def action_save(self) -> None:
        if self.session.path is None:
            self.action_save_as()
            return
        self._save(self.session.path)

    def action_save_as(self) -> None:
        from resedit.tui.screens.prompt import Field, PromptScreen

        default = str(self.session.path or Path.cwd() / "working-paper.resedit")
        self.push_screen(PromptScreen("Save as", [Field("path", "File (.resedit)", default)]),
                         lambda values: values and values.get("path") and self._save(Path(values["path"]).expanduser()))

    def _save(self, path: Path, replace: bool = False) -> None:
        from resedit.tui.screens.confirm import ConfirmScreen

        target = self.session.save_target(path)
        if not replace and target.exists() and not self.session.owns(target):
            self.push_screen(  # a file this session neither opened nor wrote: never replaced unasked
                ConfirmScreen(f"{target.name} exists and is not the paper you are editing. "
                              "Replace it with this paper?", [("replace", "Replace"), ("cancel", "Cancel")]),
                lambda answer: self._save(path, replace=True) if answer == "replace" else None)
            return
        try:
            written = self.session.save(target)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=8)
            return
        self.notify(f"Saved {written}", timeout=3)
        self.editor.show_status()

    def action_export(self) -> None:
        from resedit.tui.screens.prompt import Field, PromptScreen

        base = self.session.path or Path.cwd() / "working-paper.resedit"
        self.push_screen(
            PromptScreen("Export", [Field("path", "File (.txt or .docx)", str(base.with_suffix(".txt")))]),
            self._export)

    def _export(self, values: dict | None, replace: bool = False) -> None:
        from resedit.tui.screens.confirm import ConfirmScreen

        if not values or not values.get("path"):
            return
        target = Path(values["path"]).expanduser()
        if target.exists() and not replace:  # the default is often the paper's own .txt
            self.push_screen(
                ConfirmScreen(f"{target.name} exists. Replace it with the export?",
                              [("replace", "Replace"), ("cancel", "Cancel")]),
                lambda answer: self._export(values, replace=True) if answer == "replace" else None)
            return
        try:
            written = self.session.export(target)
        except Exception as exc:
            self.notify(f"Not exported: {exc}", severity="error", timeout=8)
            return
        self.notify(f"Exported {written}", timeout=3)

    async def action_quit(self) -> None:
        from resedit.tui.screens.confirm import ConfirmScreen

        if not self.session.document.dirty:
            self.exit()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save()
                if not self.session.document.dirty:
                    self.exit()
            elif answer == "discard":
                self.session.close(discard_journal=True)
                self.exit()

        self.push_screen(ConfirmScreen("The paper has unsaved changes.",
                                       [("save", "Save and quit"), ("discard", "Quit without saving"),
                                        ("cancel", "Keep editing")]), answered)

    def on_unmount(self) -> None:
        self.session.close()


def pick_theme() -> str:
    """Light theme on light terminals (COLORFGBG background 7 or 15), else dark; RESEDIT_THEME wins."""
    wanted = os.environ.get("RESEDIT_THEME", "")
    if wanted:
        return wanted
    background = os.environ.get("COLORFGBG", "").split(";")[-1]
    return "textual-light" if background in ("7", "15") else "textual-dark"


def skeleton(committee_code: str | None = None, topic: str = "") -> WorkingPaper:
    """A new paper: header from the committee's profile and one empty preambular clause."""
    from resedit.committees import load_committee

    paper = WorkingPaper(topic=topic, preamble=[Clause("")])
    if committee_code:
        committee = load_committee(committee_code)
        paper.committee, paper.opening = committee.name, committee.opening + ","
    return paper


def make_app(path: str | os.PathLike | None = None, *, document=None, paper: WorkingPaper | None = None,
             nlp: bool | object = False, new: bool = False, committee: str | None = None,
             topic: str | None = None, journal: bool = True,
             journal_file: Path | None = None) -> ResEditApp:
    """Build the editor.

    path: a .txt/.docx/.resedit paper to open (Save writes the .resedit beside it).
    document: an object with LocalDocument's interface (co-drafting); paper: a paper to edit.
    nlp: True starts the lint process now (call before App.run()); or pass a started LintProcess.
    new: start from the committee's skeleton, asking committee and topic unless given.
    """
    from resedit.editor import files
    from resedit.editor.lint_client import LintProcess

    notes: list[str] = []
    if document is None:
        if paper is None:
            if path is not None and not new:
                paper, notes = files.read(Path(path))
            else:
                paper = skeleton(committee, topic or "")
        document = LocalDocument(paper)
    if nlp is True:
        nlp = LintProcess().start()
    session = Session(document, Path(path) if path else None, lint_process=nlp or None,
                      journal_file=journal_file, use_journal=journal)
    session.notes_on_open = notes
    if new and path is None and journal and journal_file is None:
        from resedit.editor.journal import Journal, orphan_journals
        orphans = orphan_journals()
        if orphans:  # a never-saved paper from a session that died: offer it back
            session.journal.close()
            session.journal = Journal(orphans[0])
    ask = new and not (committee and topic)
    return ResEditApp(session, ask_new=ask)
