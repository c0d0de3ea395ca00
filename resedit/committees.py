"""Committee profiles: one YAML file per body in lexicon/committees/, loaded by code or name.

A profile is data a dais edits: names, the opening line, what the body can and cannot do (quoted
from its mandate, with the source of each statement), the overreach constructions the mandate
rules check for it, and its membership. Adding a body is adding a file: copy a profile, change
what differs. `lexicon/mandate.yaml` holds the default vocabulary of each construction; a
profile's `overreach:` entry switches a construction on for its body and may replace any list.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from resedit.datafile import read_yaml
from resedit.errors import DataFileError, ResEditError
from resedit.paths import lexicon_dir

DEFAULT_COMMITTEE = "CCPCJ"
VOCABULARY_FILE = "mandate.yaml"
# keys of an overreach entry that are not vocabulary
_ENTRY_KEYS = ("cannot", "suggest", "suggest_that", "suggest_noun", "suggest_directive",
               "suggest_decided")


@dataclass(frozen=True)
class Committee:
    code: str
    name: str
    opening: str  # the organ as the opening line names it, without the comma
    aliases: tuple[str, ...] = ()
    parent: str = ""
    data: dict = field(default_factory=dict, compare=False, hash=False)  # the whole profile
    path: str = field(default="", compare=False, hash=False)  # the profile file, for messages
    vocabulary: dict = field(default_factory=dict, compare=False, hash=False)  # mandate.yaml

    def names(self) -> tuple[str, ...]:
        return (self.code, self.name, self.opening, *self.aliases)

    @property
    def binds_member_states(self) -> bool:
        return bool(self.data.get("binds_member_states", False))

    @property
    def mandate(self) -> dict:
        """{'summary': str, 'can': [{text, source}], 'cannot': {key: {what, text, source}}}."""
        return self.data.get("mandate") or {}

    @property
    def sources(self) -> dict:
        return self.data.get("sources") or {}

    @property
    def membership(self) -> dict:
        return self.data.get("membership") or {}

    def cite(self, source_key: str) -> str:
        """The short citation of one of the profile's sources ("ECOSOC resolution 1992/22 ...")."""
        source = self.sources.get(source_key) or {}
        return source.get("cite", source_key) if isinstance(source, dict) else str(source)

    def cannot(self, key: str) -> dict:
        """One 'cannot' statement with its citation resolved: {what, text, source, cite}."""
        entry = dict((self.mandate.get("cannot") or {}).get(key) or {})
        entry["text"] = " ".join(str(entry.get("text", "")).split())
        entry["cite"] = self.cite(entry.get("source", ""))
        return entry

    def overreach(self, construction: str) -> dict | None:
        """The construction's vocabulary for this body (defaults merged with the profile's
        entry), or None when the construction is not overreach for this body."""
        entry = (self.data.get("overreach") or {}).get(construction)
        if entry is None:
            return None
        merged = dict((self.vocabulary.get("constructions") or {}).get(construction) or {})
        merged.update(entry or {})
        merged.setdefault("organs", self.vocabulary.get("organs") or [])
        return merged

    def other_organs(self) -> list[dict]:
        """The organs in mandate.yaml that are not this body (matched by its names)."""
        own = {n.lower().removeprefix("the ") for n in self.names()}
        return [o for o in self.vocabulary.get("organs") or []
                if not own & {m.lower() for m in o.get("match", [])}
                and o.get("name", "").lower().removeprefix("the ") not in own]

    def roster(self) -> list[str] | None:
        """The member States the dais loaded (membership.roster), or None when there is none."""
        name = self.membership.get("roster")
        if not name:
            return None
        path = Path(name)
        if not path.is_absolute():
            path = Path(self.path).parent / path
        return load_roster(path)


def load_roster(path: Path) -> list[str]:
    """A roster file: one State per line; blank lines and '#' comments ignored."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(Path(path), None, f"cannot read roster: {exc.strerror}") from exc
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line and line not in out:
            out.append(line)
    return out


def _check_mandate(path: Path, data: dict, vocabulary: dict) -> None:
    """Every statement names a known source; every overreach entry a known construction and a
    known 'cannot' statement. Errors name the file and the key."""
    sources = data.get("sources") or {}
    mandate = data.get("mandate") or {}
    cannot = mandate.get("cannot") or {}
    if not isinstance(sources, dict) or not isinstance(mandate, dict) or not isinstance(cannot, dict):
        raise DataFileError(path, None, "'sources', 'mandate' and 'mandate.cannot' must be mappings")
    statements = [(f"mandate.can[{i}]", s) for i, s in enumerate(mandate.get("can") or [])]
    statements += [(f"mandate.cannot.{k}", s) for k, s in cannot.items()]
    for where, statement in statements:
        if not isinstance(statement, dict) or not str(statement.get("text", "")).strip():
            raise DataFileError(path, None, f"{where} needs a quoted 'text'")
        if statement.get("source") not in sources:
            raise DataFileError(path, None, f"{where}: source {statement.get('source')!r} is not "
                                            f"under 'sources' ({', '.join(sources) or 'none'})")
    known = (vocabulary.get("constructions") or {})
    overreach = data.get("overreach") or {}
    if not isinstance(overreach, dict):
        raise DataFileError(path, None, "'overreach' must map construction names to entries")
    for name, entry in overreach.items():
        if name not in known:
            raise DataFileError(path, None, f"overreach.{name}: unknown construction (known: "
                                            f"{', '.join(known)})")
        if not isinstance(entry, dict) or entry.get("cannot") not in cannot:
            raise DataFileError(path, None, f"overreach.{name}: 'cannot' must name a statement "
                                            f"under mandate.cannot ({', '.join(cannot) or 'none'})")
        for key in _ENTRY_KEYS[1:]:
            if key in entry and not (isinstance(entry[key], list)
                                     and all(isinstance(s, str) for s in entry[key])):
                raise DataFileError(path, None, f"overreach.{name}.{key} must be a list of texts")
        for key, value in entry.items():
            if key not in _ENTRY_KEYS and key in known[name] and \
                    not isinstance(value, type(known[name][key])):
                raise DataFileError(path, None, f"overreach.{name}.{key} must be a "
                                                f"{type(known[name][key]).__name__} like the default")


def _load_file(path: Path, vocabulary: dict | None = None) -> Committee:
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary()
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "a committee profile must be a mapping")
    for key in ("code", "name", "opening"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise DataFileError(path, None, f"committee profile needs a non-empty '{key}'")
    _check_mandate(path, data, vocabulary)
    return Committee(code=data["code"], name=data["name"], opening=data["opening"],
                     aliases=tuple(data.get("aliases") or ()), parent=data.get("parent") or "",
                     data=data, path=str(path), vocabulary=vocabulary)


_VOCABULARY_CACHE: dict = {}
_PROFILE_CACHE: dict = {}


def _stamp(paths) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


def load_vocabulary(path: Path | None = None) -> dict:
    """lexicon/mandate.yaml: the default words of each overreach construction and the organs."""
    path = path or lexicon_dir() / VOCABULARY_FILE
    if not path.is_file():
        return {"constructions": {}, "organs": []}
    key = _stamp([path])
    if key not in _VOCABULARY_CACHE:
        data = read_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("constructions"), dict):
            raise DataFileError(path, 1, "expected a mapping with a 'constructions' mapping")
        _VOCABULARY_CACHE.clear()
        _VOCABULARY_CACHE[key] = data
    return _VOCABULARY_CACHE[key]


def all_committees(folder: Path | None = None) -> dict[str, Committee]:
    """Every profile in the folder by upper-case code. Re-read when a file is added or changed,
    so a profile a dais drops in is picked up without a restart."""
    folder = folder or lexicon_dir() / "committees"
    paths = sorted(folder.glob("*.yaml"))
    vocab_path = folder.parent / VOCABULARY_FILE
    key = (str(folder), _stamp(paths), _stamp([vocab_path]) if vocab_path.is_file() else ())
    if key not in _PROFILE_CACHE:
        vocabulary = load_vocabulary(vocab_path)
        profiles: dict[str, Committee] = {}
        for path in paths:
            committee = _load_file(path, vocabulary)
            if committee.code.upper() in profiles:
                raise DataFileError(path, None, f"code {committee.code!r} is already used by "
                                                f"{profiles[committee.code.upper()].path}")
            profiles[committee.code.upper()] = committee
        if len(_PROFILE_CACHE) > 8:
            _PROFILE_CACHE.clear()
        _PROFILE_CACHE[key] = profiles
    return _PROFILE_CACHE[key]


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
