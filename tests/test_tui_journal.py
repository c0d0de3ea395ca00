"""A killed editor loses nothing that was on screen for a second: the real `resedit edit` runs
in a pseudo-terminal, we type, SIGKILL it, and the next start offers the journal back."""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import time
from pathlib import Path

from pty_editor import PtyEditor

from resedit.editor import journal
from resedit.tui.app import make_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
TYPED = "Welcoming the Doha Declaration,"


def test_sigkill_mid_edit_then_recover_from_the_journal(tmp_path):
    paper = tmp_path / "paper.txt"
    shutil.copy(EXAMPLE, paper)
    term = PtyEditor(paper)
    try:
        assert term.wait_started(), "the editor did not start"
        time.sleep(0.5)
        # Enter: a new clause after preambular clause 1; then type into it, key by key
        term.write(b"\r")
        for ch in TYPED:
            term.write(ch.encode())
            time.sleep(0.01)
        assert term.wait_shown("Doha Declaration"), "the typing never reached the screen"
        time.sleep(1.0)  # on screen for a second ...
        os.kill(term.proc.pid, signal.SIGKILL)  # ... then the battery dies
        term.proc.wait(timeout=10)
    finally:
        term.close()
    log = journal.journal_path(paper)
    assert log.is_file(), "no journal beside the paper"
    recovered, _, source = journal.read_journal(log)
    assert TYPED in [c.text for c in recovered.preamble]
    assert source == str(paper.resolve())

    async def reopen():
        app = make_app(paper)
        async with app.run_test(size=(80, 24)) as pilot:
            while not app.session.warm:
                await pilot.pause(0.05)
            assert type(app.screen).__name__ == "ConfirmScreen"  # "Recover it?"
            await pilot.press("enter")  # the default answer: Recover
            await pilot.pause()
            texts = [c.text for c in app.session.document.paper.preamble]
            assert TYPED in texts and app.session.document.dirty
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert not log.exists()  # a clean save retires the journal
    asyncio.run(reopen())
