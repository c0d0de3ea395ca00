"""LintProcess: the editor's side of the lint process (resedit.editor.lint_worker). No Textual.

`start()` must run before the Textual event loop starts (spawning from inside the running app
failed with `bad value(s) in fds_to_keep`). A reader thread turns each reply into a callback;
the app hands those to its own thread with `call_from_thread`. One request is in flight at a time;
a newer paper sent meanwhile replaces any waiting one.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import Callable

from resedit.model.paper import WorkingPaper
from resedit.formats.native import paper_to_dict

Callback = Callable[[str, object], None]  # ("ready" | "error" | "result", payload)


class LintProcess:
    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.ready = False
        self.failed: str | None = None
        self._callback: Callback | None = None
        self._early: list[tuple[str, object]] = []
        self._lock = threading.Lock()
        self._busy = False
        self._waiting: tuple[int, dict] | None = None

    def start(self) -> "LintProcess":
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "resedit.editor.lint_worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
            bufsize=1)
        threading.Thread(target=self._read, name="resedit-lint-reader", daemon=True).start()
        return self

    def set_callback(self, callback: Callback) -> None:
        with self._lock:
            self._callback = callback
            early, self._early = self._early, []
        for kind, payload in early:
            callback(kind, payload)

    def request(self, version: int, paper: WorkingPaper) -> None:
        """Ask for the model rules' findings on `paper` (as it is now) tagged with `version`."""
        message = (version, paper_to_dict(paper))
        with self._lock:
            if self._busy or not self.ready:
                self._waiting = message
                return
            self._busy = True
        self._write(*message)

    def _write(self, version: int, data: dict) -> None:
        try:
            self.proc.stdin.write(json.dumps({"id": version, "paper": data}) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            self._emit("error", "the lint process stopped")

    def _read(self) -> None:
        for line in self.proc.stdout:
            try:
                reply = json.loads(line)
            except json.JSONDecodeError:
                continue
            if reply.get("ready"):
                self.ready = True
                self._emit("ready", None)
                self._next()
            elif "diagnostics" in reply:
                from resedit.editor.findings import diagnostic_from_dict
                found = [diagnostic_from_dict(d) for d in reply["diagnostics"]]
                self._emit("result", (reply["id"], found))
                self._next()
            elif "error" in reply:
                if not self.ready:
                    self.failed = reply["error"]
                self._emit("error", reply["error"])
                self._next()
        if not self.ready and self.failed is None:
            self.failed = "the lint process exited"
            self._emit("error", self.failed)

    def _next(self) -> None:
        with self._lock:
            message, self._waiting = self._waiting, None
            self._busy = message is not None
        if message is not None:
            self._write(*message)

    def _emit(self, kind: str, payload: object) -> None:
        with self._lock:
            callback = self._callback
            if callback is None:
                self._early.append((kind, payload))
                return
        callback(kind, payload)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
