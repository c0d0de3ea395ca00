"""Commands that read papers also read co-drafting copies (.collab): registered here, above both
resedit.formats (which reads papers) and resedit.collab (which knows the copies)."""
from __future__ import annotations


def read_copies_too() -> None:
    from resedit.collab.merge import read_copy
    from resedit.collab.store import SUFFIX
    from resedit.formats import READERS

    READERS[SUFFIX] = read_copy
