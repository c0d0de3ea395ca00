"""Merging two copies of one paper that were edited apart (CRDT merge: nothing typed is lost)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from pycrdt import merge_updates

from resedit.collab.document import SharedDocument
from resedit.collab.store import SUFFIX, CopyStore
from resedit.errors import InputError, ResEditError
from resedit.model.paper import WorkingPaper


def merge_copies(first: Path, second: Path, force: bool = False) -> tuple[SharedDocument, str, str | None]:
    """(the merged document, the paper id, the host secret if either copy had one).

    The inputs are never opened for writing (opening an SQLite file may write to it and leave
    side files): each is read from a private copy of its file (and its side files, if any).
    """
    with tempfile.TemporaryDirectory(prefix="resedit-merge-") as scratch:
        copies = []
        for n, source in enumerate((first, second)):
            if not source.is_file():
                raise InputError(source, "no such copy")
            target = Path(scratch) / f"{n}{SUFFIX}"
            shutil.copyfile(source, target)
            for side in ("-wal", "-journal"):
                if Path(f"{source}{side}").exists():
                    shutil.copyfile(f"{source}{side}", f"{target}{side}")
            copies.append(target)
        try:
            return _merge(copies, (first, second), force)
        except InputError as exc:  # name the user's file, not the private copy
            for mine, theirs in zip(copies, (first, second)):
                if exc.path == str(mine):
                    raise InputError(theirs, exc.reason) from None
            raise


def read_copy(path: Path) -> WorkingPaper:
    """The paper a copy holds, with its comments (for export and review); never writes the copy."""
    document, _, _ = merge_copies(Path(path), Path(path))
    paper = document.paper
    paper.comments = document.comments()
    return paper


def _merge(paths: list[Path], names: tuple[Path, Path], force: bool) -> tuple[SharedDocument, str, str | None]:
    first, second = names
    stores: list[CopyStore] = []
    try:
        for path in paths:
            stores.append(CopyStore(path, create=False))
        ids = [s.get("paper_id") for s in stores]
        if ids[0] and ids[1] and ids[0] != ids[1] and not force:
            raise ResEditError(
                f"{first} and {second} are copies of different papers ({ids[0]}, {ids[1]}): merging "
                "them would show every clause twice. Use --force to merge anyway.")
        updates = [u for s in stores for u in s.updates()]
        document = SharedDocument()
        if updates:
            document.apply_remote(merge_updates(*updates), origin="store")
        secret = next((s.get("secret") for s in stores if s.get("secret")), None)
        return document, ids[0] or ids[1] or "", secret
    finally:
        for store in stores:
            store.close()
