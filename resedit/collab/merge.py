"""Merging two copies of one paper that were edited apart (CRDT merge: nothing typed is lost)."""
from __future__ import annotations

from pathlib import Path

from pycrdt import merge_updates

from resedit.collab.document import SharedDocument
from resedit.collab.store import CopyStore
from resedit.errors import ResEditError


def merge_copies(first: Path, second: Path, force: bool = False) -> tuple[SharedDocument, str, str | None]:
    """(the merged document, the paper id, the host secret if either copy had one)."""
    stores = [CopyStore(first, create=False), CopyStore(second, create=False)]
    try:
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
