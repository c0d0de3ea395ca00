"""The durable local copy every laptop keeps: an SQLite file of CRDT updates.

A rollback journal (journal_mode=DELETE) with synchronous=FULL: after every commit the whole copy
is in its one file and no side file is left, so a copy carried away while resedit runs (or after
a crash) is complete; a WAL journal kept the latest changes in a `-wal` side file, and a copy
carried without it read as an empty paper. A file that holds no paper is refused with the reason.
Rows are ordered by an integer key (never the wall clock), updates merged into one row per flush
(every 50 to 200 ms), compaction is one transaction that replaces all rows by the full state. A
SIGKILL loses at most what was not yet flushed, and the host only acknowledges what was flushed.
The file holds the host's secret: it is created readable by its owner only (0600).
"""
from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
from pathlib import Path

from pycrdt import merge_updates

from resedit.collab.document import SharedDocument
from resedit.collab.link import ENGINE, check_engine
from resedit.collab.schema import FORMAT_VERSION
from resedit.errors import InputError

SUFFIX = ".collab"
COMPACT_AFTER_ROWS = 400
MAGIC = "resedit-collab"


class CopyStore:
    """One paper's copy on disk. Safe to use from one thread at a time (the flusher's lock)."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        self._host_lock: int | None = None
        if not create and not self.path.exists():
            raise InputError(self.path, "no such copy")
        if self.path.exists() and not _is_sqlite(self.path):
            raise InputError(self.path, "not a resedit co-drafting copy (not an SQLite file)")
        if self.path.exists() and self.path.stat().st_size > 0:
            _check_complete(self.path)
        elif not create:
            raise InputError(self.path, "an empty file, not a complete copy" + _CARRIED)
        else:
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self.lock = threading.Lock()
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=DELETE")
        self.db.execute("PRAGMA synchronous=FULL")
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
            if self._get("magic") is None:
                for key, value in (("magic", MAGIC), ("engine", ENGINE), ("format", str(FORMAT_VERSION))):
                    self.db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
            self.db.execute("COMMIT")
        if self._get("magic") != MAGIC:
            raise InputError(self.path, "not a resedit co-drafting copy")
        check_engine(self._get("engine") or "", int(self._get("format") or 0), where=str(self.path))

    def _get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def get(self, key: str) -> str | None:
        with self.lock:
            return self._get(key)

    def set(self, key: str, value: str) -> None:
        with self.lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def updates(self) -> list[bytes]:
        with self.lock:
            return [bytes(row[0]) for row in self.db.execute("SELECT data FROM updates ORDER BY seq")]

    def rows(self) -> int:
        with self.lock:
            return self.db.execute("SELECT COUNT(*) FROM updates").fetchone()[0]

    def append(self, update: bytes) -> None:
        with self.lock:
            self.db.execute("INSERT INTO updates (data) VALUES (?)", (update,))

    def replace(self, full: bytes | None) -> None:
        """Compaction (or a reset when `full` is None): all rows become one, atomically."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.execute("DELETE FROM updates")
                if full is not None:
                    self.db.execute("INSERT INTO updates (data) VALUES (?)", (full,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self.lock:
            self.db.close()
        if self._host_lock is not None:
            os.close(self._host_lock)
            self._host_lock = None

    def lock_for_hosting(self) -> None:
        """One host per copy: a second `resedit host` on the same file would split the bloc into
        two papers without a word. Refused with the reason; the lock ends with the process."""
        import fcntl

        handle = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise InputError(self.path, "already hosted by another resedit on this computer: join it with "
                             "its link, or stop that host first") from None
        self._host_lock = handle
        os.chmod(self.path, 0o600)  # it holds the secret every key is made from

    def load(self, **kwargs) -> SharedDocument:
        """A SharedDocument holding everything in this copy."""
        document = SharedDocument(**kwargs)
        stored = self.updates()
        if stored:
            document.apply_remote(merge_updates(*stored), origin="store")
        return document


_CARRIED = (" (was it copied while resedit was running, without its -wal side file? copy it again "
            "with resedit stopped, or copy the -wal file with it)")


def _check_complete(path: Path) -> None:
    """Refuse a copy that holds no paper, without writing to it."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            rows = probe.execute("SELECT COUNT(*) FROM updates").fetchone()[0] if "updates" in tables else 0
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(path, f"not a complete copy ({exc})" + _CARRIED) from None
    if not {"meta", "updates"} <= tables:
        raise InputError(path, "not a complete copy: it holds no paper" + _CARRIED)
    if rows == 0 and not Path(f"{path}-wal").exists() and _wal_mode(path):
        raise InputError(path, "not a complete copy: it holds no paper" + _CARRIED)


def _wal_mode(path: Path) -> bool:
    """Whether the file says its latest changes live in a -wal side file (header bytes 18, 19)."""
    with open(path, "rb") as handle:
        head = handle.read(20)
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def _is_sqlite(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(16)
    return head == b"SQLite format 3\x00" or head == b""


class Persister:
    """Buffers a document's updates and writes them to its store, merged, one row per flush."""

    def __init__(self, document: SharedDocument, store: CopyStore):
        self.document = document
        self.store = store
        self.pending: list[bytes] = []
        self.rows = store.rows()
        self.lock = asyncio.Lock()
        document.add_update_listener(self._on_update)

    def _on_update(self, update: bytes, origin) -> None:
        if origin != "store":
            self.pending.append(update)

    def flush_now(self) -> None:
        data, replace = self.take()
        if data is not None:
            self.write(data, replace)

    async def flush(self) -> None:
        async with self.lock:
            data, replace = self.take()
            if data is not None:
                await asyncio.to_thread(self.write, data, replace)

    def take(self) -> tuple[bytes | None, bool]:
        """(what to write, whether it replaces all rows); the host pairs this with its ack counts."""
        if not self.pending:
            return None, False
        pending, self.pending = self.pending, []
        if self.rows + 1 >= COMPACT_AFTER_ROWS:
            return self.document.doc.get_update(), True
        return (pending[0] if len(pending) == 1 else merge_updates(*pending)), False

    def write(self, data: bytes, replace: bool) -> None:
        if replace:
            self.store.replace(data)
            self.rows = 1
        else:
            self.store.append(data)
            self.rows += 1

    async def reset(self) -> None:
        """Forget the copy (the host refused this peer's write and it reloads)."""
        async with self.lock:
            self.pending = []
            await asyncio.to_thread(self.store.replace, None)
            self.rows = 0

    async def run(self, interval: float = 0.1) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.flush()


def store_path_for(paper: str | Path) -> Path:
    path = Path(paper)
    return path if path.suffix == SUFFIX else path.with_suffix(SUFFIX)


def copies_dir() -> Path:
    """Where `resedit join` keeps each paper's copy unless told otherwise."""
    import os

    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "resedit" / "copies"
