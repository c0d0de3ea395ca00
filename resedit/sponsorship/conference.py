"""Conference profiles: the sponsorship rules of one conference, as data in lexicon/conferences/.

A dais changes the threshold, who may sponsor or sign, and attendance by editing the YAML file; no
code changes. `load_conference(None)` picks $RESEDIT_CONFERENCE, else NMUN•NY.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from resedit.datafile import line_of, read_yaml
from resedit.errors import DataFileError, ResEditError
from resedit.paths import lexicon_dir

DEFAULT_CONFERENCE = "nmun-ny"
ROUNDINGS = ("up", "down", "nearest")
BASES = ("present", "membership")
COUNTS = ("combined", "signatories")
# Size of the whole UN membership, used when neither profile nor roster says how big a body is.
ALL_MEMBERS = 193


@dataclass(frozen=True)
class Threshold:
    value: Fraction  # a percentage when percent is True, else a number of delegations
    percent: bool
    of: str = "present"  # present | membership (percentages only)
    rounding: str = "up"

    def text(self) -> str:
        return f"{_num(self.value)}%" if self.percent else str(_num(self.value))


def _num(value: Fraction):
    return int(value) if value.denominator == 1 else float(value)


@dataclass(frozen=True)
class Requirement:
    required: int
    basis: str  # how it was computed, for people: "20% of 40 members, rounded up"


@dataclass(frozen=True)
class CommitteeSettings:
    membership: int | None = None  # seats on the body
    present: int | None = None  # members present, as the dais announced
    roster: tuple[str, ...] = ()  # official names of the members, when the dais loaded them
    threshold: Threshold | None = None  # overrides the conference threshold for this body


@dataclass(frozen=True)
class Conference:
    code: str
    name: str
    threshold: Threshold
    counts: str = "combined"  # combined: sponsors and signatories together; signatories: only them
    min_sponsors: int = 1
    both_roles: bool = False
    observers_sponsor: bool = False
    observers_sign: bool = True
    non_members_sponsor: bool = False
    non_members_sign: bool = False
    committees: dict = field(default_factory=dict, compare=False, hash=False)  # CODE -> CommitteeSettings
    path: str = ""

    def settings(self, committee_code: str) -> CommitteeSettings:
        return self.committees.get(committee_code.upper(), CommitteeSettings())

    def may(self, role: str, observer: bool, non_member: bool) -> bool:
        """Whether a delegation of this kind may hold `role` (sponsor | signatory)."""
        if observer:
            return self.observers_sponsor if role == "sponsor" else self.observers_sign
        if non_member:
            return self.non_members_sponsor if role == "sponsor" else self.non_members_sign
        return True

    def requirement(self, committee, present: int | None = None) -> Requirement:
        """How many delegations must back a paper in `committee` (a Committee or a code)."""
        code = getattr(committee, "code", committee) or ""
        settings = self.settings(code)
        threshold = settings.threshold or self.threshold
        who = "sponsors and signatories" if self.counts == "combined" else "signatories"
        if not threshold.percent:
            return Requirement(int(threshold.value), f"{self.name}: a fixed {threshold.text()} {who}")
        membership = _membership(committee, settings)
        present = present if present is not None else settings.present
        if threshold.of == "present" and present is not None:
            base, base_text = present, f"{present} members present"
        elif threshold.of == "present":
            base, base_text = membership, f"{membership} members, as attendance is not set"
        else:
            base, base_text = membership, f"{membership} members"
        exact = threshold.value * base / 100
        required = _round(exact, threshold.rounding)
        rounded = "" if exact.denominator == 1 else f", rounded {threshold.rounding}"
        return Requirement(required, f"{self.name}: {threshold.text()} of {base_text}{rounded}")


def _round(value: Fraction, how: str) -> int:
    if how == "up":
        return math.ceil(value)
    if how == "down":
        return math.floor(value)
    return math.floor(value + Fraction(1, 2))


def _membership(committee, settings: CommitteeSettings) -> int:
    if settings.membership:
        return settings.membership
    if settings.roster:
        return len(settings.roster)
    size = committee.membership.get("size")  # from the committee's profile
    return size if isinstance(size, int) else ALL_MEMBERS


def full_roster(conference: Conference, committee) -> frozenset[str]:
    """The official names of all of `committee`'s members, or an empty set when the whole
    membership is not known: only then can a Member State be called a non-member. The roster is
    the conference profile's (committees.CODE.roster), else the committee profile's file
    (membership.roster). A roster shorter than the body's seats (the Security Council's permanent
    five without the elected ten) is partial: nobody is a non-member by it."""
    code = (getattr(committee, "code", committee) or "").upper()
    settings = conference.settings(code)
    names = list(settings.roster)
    profile = committee if hasattr(committee, "membership") else None
    if profile is None and code:
        try:
            from resedit.committees import load_committee
            profile = load_committee(code)
        except ResEditError:
            profile = None
    if not names and profile is not None and hasattr(profile, "roster"):
        from resedit.sponsorship.states import state_index

        index = state_index()
        for typed in profile.roster() or []:
            found = index.resolve(typed)
            names.append(found.state.name if found.ok else typed)
    if not names:
        return frozenset()
    size = settings.membership
    if not size and profile is not None:
        size = profile.membership.get("size")
    if isinstance(size, int) and len(set(names)) < size:
        return frozenset()
    return frozenset(names)


TOP_KEYS = {"code", "name", "threshold", "counts", "min_sponsors", "both_roles", "observers",
            "non_members", "committees"}


def _only(mapping, allowed, path: Path, where: str) -> None:
    unknown = sorted(str(k) for k in set(mapping) - set(allowed))
    if unknown:
        raise DataFileError(path, line_of(mapping, unknown[0]),
                            f"{where}: unknown setting(s) {', '.join(unknown)}; "
                            f"expected {', '.join(sorted(allowed))}")


def parse_threshold(raw, path: Path, where: str, line: int | None = None) -> Threshold:
    if not isinstance(raw, dict) or "value" not in raw:
        raise DataFileError(path, line_of(raw) or line, f"{where}: needs 'value' (e.g. 20% or 8)")
    _only(raw, ("value", "of", "rounding"), path, where)
    value = raw["value"]
    at = line_of(raw, "value") or line
    percent = isinstance(value, str) and value.strip().endswith("%")
    try:
        number = Fraction(str(value).strip().rstrip("%").strip())
    except ValueError:
        raise DataFileError(path, at, f"{where}: value {value!r} is neither a percentage nor a number") from None
    if number <= 0 or (percent and number > 100) or (not percent and number.denominator != 1):
        raise DataFileError(path, at, f"{where}: value {value!r} out of range")
    of = raw.get("of", "present")
    rounding = raw.get("rounding", "up")
    if of not in BASES:
        raise DataFileError(path, line_of(raw, "of"), f"{where}: 'of' is {of!r}; expected one of {', '.join(BASES)}")
    if rounding not in ROUNDINGS:
        raise DataFileError(path, line_of(raw, "rounding"),
                            f"{where}: 'rounding' is {rounding!r}; expected one of {', '.join(ROUNDINGS)}")
    return Threshold(value=number, percent=percent, of=of, rounding=rounding)


def _flag(data: dict, section: str, key: str, default: bool, path: Path) -> bool:
    part = data.get(section) or {}
    if not isinstance(part, dict):
        raise DataFileError(path, line_of(data, section), f"'{section}' must be a mapping with sponsor and sign")
    _only(part, ("sponsor", "sign"), path, section)
    value = part.get(key, default)
    if not isinstance(value, bool):
        raise DataFileError(path, line_of(part, key), f"'{section}.{key}' must be true or false, got {value!r}")
    return value


def _count(value, path: Path, where: str, line: int | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DataFileError(path, line, f"{where} must be a whole number, got {value!r}")
    return value


def _committees(raw, path: Path, line: int | None) -> dict[str, CommitteeSettings]:
    from resedit.sponsorship.states import state_index

    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DataFileError(path, line, "'committees' must map committee codes to settings")
    out = {}
    index = state_index()
    for code, entry in raw.items():
        where, at = f"committees.{code}", line_of(raw, code)
        entry = entry if entry is not None else {}
        if not isinstance(entry, dict):
            raise DataFileError(path, at, f"{where} must be a mapping")
        _only(entry, ("membership", "present", "roster", "threshold"), path, where)
        roster = []
        for typed in entry.get("roster") or []:
            found = index.resolve(str(typed))
            if not found.ok:
                raise DataFileError(path, line_of(entry, "roster"), f"{where}.roster: {found.describe()}")
            roster.append(found.state.name)
        threshold = entry.get("threshold")
        if threshold is not None and not isinstance(threshold, dict):
            threshold = {"value": threshold}
        out[str(code).upper()] = CommitteeSettings(
            membership=_count(entry.get("membership"), path, f"{where}.membership", line_of(entry, "membership")),
            present=_count(entry.get("present"), path, f"{where}.present", line_of(entry, "present")),
            roster=tuple(roster),
            threshold=parse_threshold(threshold, path, f"{where}.threshold", line_of(entry, "threshold"))
            if threshold else None)
    return out


def load_conference_file(path: Path) -> Conference:
    """Read and check one profile; a mistake is refused with the file, the line and the reason."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "a conference profile must be a mapping")
    _only(data, TOP_KEYS, path, "profile")
    for key in ("code", "name"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise DataFileError(path, line_of(data, key), f"conference profile needs a non-empty '{key}'")
    counts = data.get("counts", "combined")
    if counts not in COUNTS:
        raise DataFileError(path, line_of(data, "counts"),
                            f"'counts' is {counts!r}; expected one of {', '.join(COUNTS)}")
    min_sponsors = _count(data.get("min_sponsors", 1), path, "'min_sponsors'", line_of(data, "min_sponsors"))
    both = data.get("both_roles", False)
    if not isinstance(both, bool):
        raise DataFileError(path, line_of(data, "both_roles"), f"'both_roles' must be true or false, got {both!r}")
    return Conference(
        code=data["code"], name=data["name"],
        threshold=parse_threshold(data.get("threshold"), path, "threshold", line_of(data, "threshold")),
        counts=counts, min_sponsors=min_sponsors, both_roles=both,
        observers_sponsor=_flag(data, "observers", "sponsor", False, path),
        observers_sign=_flag(data, "observers", "sign", True, path),
        non_members_sponsor=_flag(data, "non_members", "sponsor", False, path),
        non_members_sign=_flag(data, "non_members", "sign", False, path),
        committees=_committees(data.get("committees"), path, line_of(data, "committees")),
        path=str(path))


def all_conferences(folder: Path | None = None) -> dict[str, Conference]:
    """Every profile in the folder (default: lexicon/conferences), by code and by file name."""
    return _all_conferences(folder or lexicon_dir() / "conferences")


@lru_cache(maxsize=8)
def _all_conferences(folder: Path) -> dict[str, Conference]:
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        conference = load_conference_file(path)
        out[conference.code.lower()] = conference
        out.setdefault(path.stem.lower(), conference)
    return out


def load_conference(name: str | None = None) -> Conference:
    """A profile by code or file name; a path to a .yaml file also works (a dais's own copy)."""
    if isinstance(name, Conference):
        return name
    wanted = name or os.environ.get("RESEDIT_CONFERENCE") or DEFAULT_CONFERENCE
    if wanted.endswith((".yaml", ".yml")) and Path(wanted).is_file():
        return load_conference_file(Path(wanted))
    known = all_conferences()
    found = known.get(wanted.lower())
    if found is None:
        codes = ", ".join(sorted({c.code for c in known.values()}))
        raise ResEditError(f"unknown conference '{wanted}' (known: {codes}; add a profile in "
                           f"{lexicon_dir() / 'conferences'})")
    return found
