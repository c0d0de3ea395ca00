"""The real `resedit edit PAPER --no-nlp` in an 80x24 pseudo-terminal, for tests of what only a
real terminal shows (signals, SIGKILL and the journal). Everything the editor writes is kept."""
from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-_])")


class PtyEditor:
    def __init__(self, paper: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        self.proc = subprocess.Popen([sys.executable, "-m", "resedit.cli", "edit", str(paper), "--no-nlp"],
                                     stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.seen = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:  # ends when the terminal is closed
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.seen.extend(chunk)

    def screen_text(self) -> str:
        """What the terminal was sent, without its escape sequences."""
        return ESCAPES.sub("", self.seen.decode("utf-8", "replace"))

    def wait_started(self, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while b"Outline" not in self.seen and time.monotonic() < deadline:  # first paint
            time.sleep(0.1)
        return b"Outline" in self.seen

    def wait_shown(self, text: str, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds  # a loaded machine may take a while to draw it
        while text not in self.screen_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        return text in self.screen_text()

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        os.close(self.master)
        if self.proc.poll() is None:
            self.proc.kill()
