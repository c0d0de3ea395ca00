"""Autosave journal: the paper as on screen, written atomically shortly after every change.

A paper at PATH journals to PATH's folder as `.NAME.resedit-journal`; a paper never saved
journals under $XDG_STATE_HOME/resedit/journal/ (~/.local/state by default). Writes happen on a
background thread (latest state wins) so the UI thread never waits on fsync. A clean save or a
deliberate discard deletes the journal; anything else leaves it for recovery on the next start.
"""
from __future__ import annotations

import json
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from resedit import formats
from resedit.formats.native import paper_from_dict, paper_to_dict
from resedit.model.paper import WorkingPaper

SUFFIX = ".resedit-journal"


def state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "resedit" / "journal"


def journal_path(paper_path: Path | None) -> Path:
    if paper_path is not None:
        paper_path = Path(paper_path).resolve()
        return paper_path.with_name(f".{paper_path.name}{SUFFIX}")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return state_dir() / f"new-{stamp}-{os.getpid()}{SUFFIX}"


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    formats.atomic_write(path, data)


def fields(source: Path | None) -> dict:
    """The journal's own fields (the paper goes under "paper")."""
    return {"journal": 1, "source": str(source) if source else None,
            "at": datetime.now(UTC).isoformat(timespec="seconds")}


def encode(paper: WorkingPaper, source: Path | None) -> bytes:
    return json.dumps({**fields(source), "paper": paper_to_dict(paper)},
                      ensure_ascii=False).encode("utf-8")


def read_journal(path: Path) -> tuple[WorkingPaper, str, str | None] | None:
    """(paper, when written, source path) or None when absent or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return paper_from_dict(data["paper"]), data.get("at", ""), data.get("source")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def orphan_journals() -> list[Path]:
    """Journals of never-saved papers, newest first."""
    folder = state_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"new-*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


class Journal:
    """Background writer: `write(bytes)` returns at once; the thread persists the latest bytes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._pending: bytes | None = None
        self._cond = threading.Condition()
        self._closed = False
        self._discard = False
        self._busy = False
        self.last_written = 0.0
        self._thread = threading.Thread(target=self._run, name="resedit-journal", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> None:
        with self._cond:
            self._pending = data
            self._cond.notify()

    def discard(self) -> None:
        """Forget the journal: pending writes are dropped and the file removed."""
        with self._cond:
            self._pending = None
            self._discard = True
            self._cond.notify()
        self.flush()

    def flush(self, timeout: float = 2.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._cond:
                if self._pending is None and not self._discard and not self._busy:
                    return
            time.sleep(0.01)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._discard and not self._closed:
                    self._cond.wait()
                if self._closed and self._pending is None:
                    return
                data, self._pending = self._pending, None
                discard, self._discard = self._discard, False
                self._busy = True
            try:
                if discard:
                    self.path.unlink(missing_ok=True)
                elif data is not None:
                    atomic_write(self.path, data)
                    self.last_written = time.monotonic()
            except OSError:
                pass  # the journal is a safety net; the status line still shows "unsaved"
            finally:
                with self._cond:
                    self._busy = False

    def close(self) -> None:
        self.flush()
        with self._cond:
            self._closed = True
            self._cond.notify()
