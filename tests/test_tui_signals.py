"""SIGTERM and SIGHUP end the real editor (in a pseudo-terminal) as Ctrl+Q would: the terminal
is restored (alternate screen left, mouse reporting off, cursor shown) and what was typed is in
the journal for the next start."""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from pty_editor import PtyEditor

from resedit.editor import journal

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
RESTORED = (b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?25h")  # alt screen off, mouse off, cursor on


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_restores_the_terminal_and_keeps_the_typing(tmp_path, number):
    paper = tmp_path / "paper.txt"
    shutil.copy(EXAMPLE, paper)
    term = PtyEditor(paper)
    seen = term.seen
    try:
        assert term.wait_started(), "the editor did not start"
        time.sleep(1.0)  # the first paint's follow-up (rules loaded)
        term.write(b" Also")
        time.sleep(0.5)
        before = len(seen)
        os.kill(term.proc.pid, number)
        assert term.proc.wait(timeout=20) == 128 + number
        term.reader.join(timeout=5)
    finally:
        term.close()
    after = bytes(seen[before:])
    for sequence in RESTORED:
        assert sequence in after, f"{sequence!r} not written after the signal"
    assert b"Traceback" not in seen
    recovered, _, _ = journal.read_journal(journal.journal_path(paper))
    assert recovered.preamble[0].text.endswith(" Also")
