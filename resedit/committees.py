"""Committee profiles: one YAML file per body in lexicon/committees/, loaded by code or name.

A profile is data a dais edits: names, the opening line, what the body can and cannot do (used by
the mandate rules), membership and thresholds. Adding a body is adding a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from resedit.errors import DataFileError, ResEditError
from resedit.paths import lexicon_dir

DEFAULT_COMMITTEE = "CCPCJ"


@dataclass(frozen=True)
class Committee:
    code: str
    name: str
    opening: str  # the organ as the opening line names it, without the comma
    aliases: tuple[str, ...] = ()
    parent: str = ""
    data: dict = field(default_factory=dict, compare=False, hash=False)  # the whole profile

    def names(self) -> tuple[str, ...]:
        return (self.code, self.name, self.opening, *self.aliases)


def _load_file(path: Path) -> Committee:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "a committee profile must be a mapping")
    for key in ("code", "name", "opening"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise DataFileError(path, None, f"committee profile needs a non-empty '{key}'")
    return Committee(code=data["code"], name=data["name"], opening=data["opening"],
                     aliases=tuple(data.get("aliases") or ()), parent=data.get("parent", ""),
                     data=data)


@lru_cache(maxsize=8)
def all_committees(folder: Path | None = None) -> dict[str, Committee]:
    folder = folder or lexicon_dir() / "committees"
    profiles = {}
    for path in sorted(folder.glob("*.yaml")):
        committee = _load_file(path)
        profiles[committee.code.upper()] = committee
    return profiles


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().removeprefix("the ").split()).strip(" ,")


def find_committee(code_or_name: str) -> Committee | None:
    wanted = _key(code_or_name)
    for committee in all_committees().values():
        if wanted in {_key(n) for n in committee.names()}:
            return committee
    return None


def load_committee(code_or_name: str | None) -> Committee:
    """The profile for a code, name or alias; unknown names are an error listing the known codes."""
    committee = find_committee(code_or_name or DEFAULT_COMMITTEE)
    if committee is None:
        known = ", ".join(sorted(all_committees()))
        raise ResEditError(f"unknown committee '{code_or_name}' (known: {known}; add a profile "
                           f"in {lexicon_dir() / 'committees'})")
    return committee
