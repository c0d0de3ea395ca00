"""LintProcess: the editor's side of the lint process (resedit.editor.lint_worker). No Textual.

The UI thread only ever puts a request in a one-place slot (the newest paper replaces a waiting
one) and returns: a writer thread sends it when the process is free, a reader thread turns each
reply into `on_event(kind, payload)`, called from those threads (the app posts it on as a
message). Nothing the process does can block or end the editor:
- it dies (EOF), writes garbage, or answers nothing for too long (hang): it is killed and
  started again in the background, after 1, 2, 4 ... s; after MAX_RESTARTS failures in a row
  without one good answer it stays off ("failed");
- every such event is reported as kind "down" with the reason, so the status line says so while
  the structural rules go on.
Kinds: "ready" (model loaded), "result" ((version, diagnostics)), "error" (one request failed),
"down" (reason; restarting), "failed" (reason; given up).
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable

Callback = Callable[[str, object], None]

MAX_RESTARTS = 3
LOAD_TIMEOUT = 180.0  # seconds for the model to load (nice 10 on a busy 2-core machine)
ANSWER_TIMEOUT = 60.0  # seconds for one answer, plus PER_CLAUSE for each clause sent
PER_CLAUSE = 0.05
WORKER = [sys.executable, "-m", "resedit.editor.lint_worker"]


class LintProcess:
    def __init__(self, command: list[str] | None = None, load_timeout: float = LOAD_TIMEOUT,
                 answer_timeout: float = ANSWER_TIMEOUT) -> None:
        self.command = list(command or WORKER)
        self.load_timeout, self.answer_timeout = load_timeout, answer_timeout
        self.proc: subprocess.Popen | None = None
        self.ready = False
        self.failed: str | None = None  # set once it has given up for good
        self.restarts = 0  # failures since the last good answer
        self._on_event: Callback | None = None
        self._early: list[tuple[str, object]] = []
        self._cond = threading.Condition()
        self._waiting: tuple[int, str, int] | None = None  # (version, paper as JSON, clauses)
        self._in_flight: tuple[float, float] | None = None  # (sent at, allowed seconds)
        self._started_at = 0.0
        self._generation = 0  # which process the threads belong to; bumped on every restart
        self._stopped = False
        self._last_sent: tuple[int, str, int] | None = None

    # ---- the UI thread's side: never blocks beyond a slot swap ---------------------------
    def start(self) -> LintProcess:
        self._spawn()
        threading.Thread(target=self._watch, name="resedit-lint-watch", daemon=True).start()
        return self

    def set_callback(self, callback: Callback) -> None:
        with self._cond:
            self._on_event = callback
            early, self._early = self._early, []
        for kind, payload in early:
            callback(kind, payload)

    def request(self, version: int, paper_json: str, clauses: int = 0) -> None:
        """Ask for the model rules' findings on a paper (`paper_to_dict` as JSON text)."""
        with self._cond:
            self._waiting = (version, paper_json, clauses)
            self._cond.notify_all()

    @property
    def state(self) -> str:
        if self.failed:
            return "failed"
        return "ready" if self.ready else "loading"

    def stop(self) -> None:
        """Kill the process (it holds nothing to save); returns at once."""
        with self._cond:
            self._stopped = True
            proc = self.proc
            self._cond.notify_all()
        _kill(proc)

    # ---- threads -------------------------------------------------------------------------
    def _spawn(self) -> None:
        proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        with self._cond:
            if self._stopped:
                _kill(proc)
                return
            self.proc, self.ready, self._in_flight = proc, False, None
            self._started_at = time.monotonic()
            self._generation += 1
            generation = self._generation
        for target, name in ((self._read, "reader"), (self._write, "writer")):
            threading.Thread(target=target, args=(proc, generation), daemon=True,
                             name=f"resedit-lint-{name}").start()

    def _write(self, proc: subprocess.Popen, generation: int) -> None:
        while True:
            with self._cond:
                while not self._stopped and generation == self._generation and not (
                        self.ready and self._in_flight is None and self._waiting is not None):
                    self._cond.wait()
                if self._stopped or generation != self._generation:
                    return
                version, data, clauses = self._last_sent = self._waiting
                self._waiting = None
                self._in_flight = (time.monotonic(), self.answer_timeout + PER_CLAUSE * clauses)
            try:  # may block while the process is busy: only this thread waits
                proc.stdin.write(f'{{"id": {int(version)}, "paper": {data}}}\n')
                proc.stdin.flush()
            except (OSError, ValueError):
                self._down(generation, "the model process stopped")
                return

    def _read(self, proc: subprocess.Popen, generation: int) -> None:
        try:
            for line in proc.stdout:
                if not self._reply(line, generation):
                    return
        except (OSError, ValueError):
            pass
        self._down(generation, "the model process stopped")

    def _reply(self, line: str, generation: int) -> bool:
        """Handle one line; False when it was garbage (the process is then restarted)."""
        try:
            reply = json.loads(line)
            if not isinstance(reply, dict):
                raise ValueError(line)
            if reply.get("ready") is True:
                event = ("ready", None)
            elif "diagnostics" in reply:
                from resedit.report.json_report import from_wire
                event = ("result", (int(reply["id"]), [from_wire(d)
                                                        for d in reply["diagnostics"]]))
            elif "error" in reply and not self.ready:  # the model cannot load: no restart helps
                self._give_up(generation, str(reply["error"]))
                return False
            elif "error" in reply:
                event = ("error", str(reply["error"]))
            else:
                raise ValueError(line)
        except (ValueError, KeyError, TypeError):
            self._down(generation, "the model process answered garbage")
            return False
        with self._cond:
            if generation != self._generation:
                return False
            if event[0] == "ready":
                self.ready = True
            else:
                self._in_flight = None
                self.restarts = 0
            self._cond.notify_all()
        self._emit(*event)
        return True

    def _watch(self) -> None:
        """Kill a process that takes too long to load or to answer (a hang)."""
        while True:
            with self._cond:
                if self._stopped or self.failed:
                    return
                generation, now = self._generation, time.monotonic()
                hung = None
                if not self.ready and self.proc is not None and \
                        now - self._started_at > self.load_timeout:
                    hung = f"the model did not load in {self.load_timeout:.0f} s"
                elif self._in_flight and now - self._in_flight[0] > self._in_flight[1]:
                    hung = f"the model process did not answer in {self._in_flight[1]:.0f} s"
            if hung:
                self._down(generation, hung)
            time.sleep(0.2)

    def _down(self, generation: int, reason: str) -> None:
        with self._cond:
            if generation != self._generation or self._stopped or self.failed:
                return
            self._generation += 1  # the old threads stop; stale replies are ignored
            self.ready, self._in_flight = False, None
            self.restarts += 1
            proc, attempt = self.proc, self.restarts
            self.proc = None
            if self._waiting is None and self._last_sent is not None:
                self._waiting = self._last_sent  # ask again once the new process is ready
        _kill(proc)
        if attempt > MAX_RESTARTS:
            self._give_up(None, f"{reason} ({MAX_RESTARTS} restarts)")
            return
        self._emit("down", f"{reason}; restarting")
        threading.Thread(target=self._restart, args=(2.0 ** (attempt - 1),), daemon=True,
                         name="resedit-lint-restart").start()

    def _restart(self, delay: float) -> None:
        time.sleep(delay)
        with self._cond:
            if self._stopped or self.failed:
                return
        try:
            self._spawn()
        except OSError as exc:
            self._give_up(None, f"the model process cannot start ({exc})")

    def _give_up(self, generation: int | None, reason: str) -> None:
        with self._cond:
            if generation is not None and generation != self._generation:
                return
            self._generation += 1
            self.failed, self.ready = reason, False
            proc, self.proc = self.proc, None
            self._cond.notify_all()
        _kill(proc)
        self._emit("failed", reason)

    def _emit(self, kind: str, payload: object) -> None:
        with self._cond:
            callback = self._on_event
            if callback is None:
                self._early.append((kind, payload))
                return
        callback(kind, payload)


def _kill(proc: subprocess.Popen | None) -> None:
    """Kill without waiting: a thread reaps it and closes its pipes."""
    if proc is None:
        return
    try:
        proc.kill()
    except OSError:
        pass

    def reap() -> None:
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
    threading.Thread(target=reap, daemon=True, name="resedit-lint-reap").start()
