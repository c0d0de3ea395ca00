"""Opening phrases for completion, read from lexicon/preambulatory.txt and lexicon/operative.txt.

One phrase per line, `#` starts a comment. Completion finishes the opener only: it proposes the
rest of a phrase while what was typed is still a prefix of one, and nothing after that.
"""
from __future__ import annotations

from functools import lru_cache

from resedit.paths import lexicon_dir

FILES = {"preamble": "preambulatory.txt", "operative": "operative.txt"}


@lru_cache(maxsize=4)
def phrases(part: str) -> tuple[str, ...]:
    path = lexicon_dir() / FILES[part]
    if not path.is_file():
        return ()
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase and phrase not in out:
            out.append(phrase)
    return tuple(out)


def complete(part: str, typed: str) -> str:
    """The rest of the shortest phrase that starts with `typed` (case-insensitive), or ''."""
    if len(typed.strip()) < 2 or typed != typed.lstrip():
        return ""
    lowered = typed.lower()
    matches = [p for p in phrases(part) if p.lower().startswith(lowered) and len(p) > len(typed)]
    if not matches:
        return ""
    best = min(matches, key=len)
    return best[len(typed):]
