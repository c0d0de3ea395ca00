"""SIGTERM and SIGHUP end the real editor (in a pseudo-terminal) as Ctrl+Q would: the terminal
is restored (alternate screen left, mouse reporting off, cursor shown) and what was typed is in
the journal for the next start."""
from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from resedit.editor import journal

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"
RESTORED = (b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?25h")  # alt screen off, mouse off, cursor on


def _drain(fd: int, seen: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_restores_the_terminal_and_keeps_the_typing(tmp_path, number):
    paper = tmp_path / "paper.txt"
    shutil.copy(EXAMPLE, paper)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    proc = subprocess.Popen([sys.executable, "-m", "resedit.cli", "edit", str(paper), "--no-nlp"],
                            stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
                            start_new_session=True)
    os.close(slave)
    seen = bytearray()
    reader = threading.Thread(target=_drain, args=(master, seen), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while b"Outline" not in seen and time.monotonic() < deadline:
            time.sleep(0.1)
        assert b"Outline" in seen, "the editor did not start"
        time.sleep(1.0)  # the first paint's follow-up (rules loaded)
        os.write(master, b" Also")
        time.sleep(0.5)
        before = len(seen)
        os.kill(proc.pid, number)
        assert proc.wait(timeout=20) == 128 + number
        reader.join(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    after = bytes(seen[before:])
    for sequence in RESTORED:
        assert sequence in after, f"{sequence!r} not written after the signal"
    assert b"Traceback" not in seen
    recovered, _, _ = journal.read_journal(journal.journal_path(paper))
    assert recovered.preamble[0].text.endswith(" Also")
