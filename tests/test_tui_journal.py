"""A killed editor loses nothing that was on screen for a second: the real `resedit edit` runs
in a pseudo-terminal, we type, SIGKILL it, and the next start offers the journal back."""
from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

from resedit.editor import journal
from resedit.tui.app import make_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
TYPED = "Welcoming the Doha Declaration,"


def _drain(fd: int, seen: bytearray, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)


def _screen_text(seen: bytearray) -> str:
    """What the terminal was sent, without its escape sequences."""
    return re.sub(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])", "",
                  seen.decode("utf-8", "replace"))


def test_sigkill_mid_edit_then_recover_from_the_journal(tmp_path):
    paper = tmp_path / "paper.txt"
    shutil.copy(EXAMPLE, paper)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    proc = subprocess.Popen([sys.executable, "-m", "resedit.cli", "edit", str(paper), "--no-nlp"],
                            stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
                            start_new_session=True)
    os.close(slave)
    seen, stop = bytearray(), threading.Event()
    threading.Thread(target=_drain, args=(master, seen, stop), daemon=True).start()
    try:
        deadline = time.monotonic() + 60
        while b"Outline" not in seen and time.monotonic() < deadline:  # first paint
            time.sleep(0.1)
        assert b"Outline" in seen, "the editor did not start"
        time.sleep(0.5)
        # Enter: a new clause after preambular clause 1; then type into it, key by key
        os.write(master, b"\r")
        for ch in TYPED:
            os.write(master, ch.encode())
            time.sleep(0.01)
        deadline = time.monotonic() + 60  # a loaded machine may take a while to draw it
        while "Doha Declaration" not in _screen_text(seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Doha Declaration" in _screen_text(seen), "the typing never reached the screen"
        time.sleep(1.0)  # on screen for a second ...
        os.kill(proc.pid, signal.SIGKILL)  # ... then the battery dies
        proc.wait(timeout=10)
    finally:
        stop.set()
        os.close(master)
        if proc.poll() is None:
            proc.kill()
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
