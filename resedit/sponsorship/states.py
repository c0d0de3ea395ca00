"""Member States and observer States: the lexicon data, and resolving what a delegate typed.

`resolve("Vietnam")` answers with the State ("Viet Nam") and how it matched: `exact` (the official
short name as the UN writes it), `folded` (the same name up to case, accents, dots, apostrophes,
hyphens or a leading "The"), `variant` (an old or common name from state_variants.tsv). A name that
matches nothing gets up to three suggestions from fuzzy matching (rapidfuzz) and no State: a
misspelling is never silently taken for a State.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from resedit.errors import DataFileError
from resedit.paths import lexicon_dir

GROUPS = ("African", "Asia-Pacific", "Eastern European", "Latin American and Caribbean",
          "Western European and others")
STATUSES = ("member", "observer")

# Fuzzy matching: a candidate needs this score (0-100, rapidfuzz WRatio on folded names) to be
# offered as a suggestion. 80 keeps "Untied States", "Sierra Leona", "Lituania" and drops noise.
SUGGEST_CUTOFF = 80.0
MAX_SUGGESTIONS = 3
# Suggestions scoring more than this below the best one are dropped ("New Zeland" -> New Zealand,
# not also Papua New Guinea).
SUGGEST_SPREAD = 8.0
MEMO_SIZE = 4096  # resolved names kept per index


@dataclass(frozen=True)
class State:
    name: str  # official UN short name
    group: str  # one of GROUPS, or "" for observer States
    status: str  # member | observer
    note: str = ""

    @property
    def is_member(self) -> bool:
        return self.status == "member"


@dataclass(frozen=True)
class Resolution:
    typed: str
    state: State | None
    how: str  # exact | folded | variant | unknown | empty
    suggestions: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.state is not None

    def describe(self) -> str:
        """A one-line account, e.g. "'Vietnam' is Viet Nam" or "unknown State 'Lituania'; did you mean Lithuania?"."""
        if self.state is not None:
            if self.how == "exact":
                return self.state.name
            return f"'{self.typed}' is {self.state.name}"
        if self.how == "empty":
            return "empty State name"
        if self.suggestions:
            return f"unknown State '{self.typed}'; did you mean {or_list(self.suggestions)}?"
        return f"unknown State '{self.typed}': not a UN Member State or observer State"


def or_list(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


_PUNCT = str.maketrans({"'": "", "’": "", "‘": "", "`": "", "´": "", "–": " ", "—": " ", "-": " ",
                        ".": "", "&": " and "})


def fold(name: str) -> str:
    """The matching key: no accents, case, dots, hyphens, apostrophes, leading "The", extra spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_PUNCT)
    text = " ".join(text.split())
    return re.sub(r"^the ", "", text)


def _rows(path: Path, columns: int):
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror}") from exc
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:  # the first non-comment line names the columns
            header_seen = True
            continue
        if len(cells) < columns:
            raise DataFileError(path, number, f"expected {columns} tab-separated columns, got {len(cells)}")
        yield number, [c.strip() for c in cells]


class StateIndex:
    """All States with the lookup tables built from the two lexicon files."""

    def __init__(self, states_path: Path, variants_path: Path):
        self.states: dict[str, State] = {}
        self.by_key: dict[str, tuple[State, str]] = {}  # folded key -> (state, how)
        for number, cells in _rows(states_path, 3):
            name, group, status = cells[0], cells[1], cells[2]
            note = cells[3] if len(cells) > 3 else ""
            if status not in STATUSES:
                raise DataFileError(states_path, number, f"status {status!r}; expected member or observer")
            if status == "member" and group not in GROUPS:
                raise DataFileError(states_path, number, f"group {group!r}; expected one of {', '.join(GROUPS)}")
            if name in self.states:
                raise DataFileError(states_path, number, f"{name!r} is listed twice")
            state = State(name=name, group=group if status == "member" else "", status=status, note=note)
            self.states[name] = state
            self.by_key[fold(name)] = (state, "folded")
        for number, cells in _rows(variants_path, 2):
            variant, official = cells[0], cells[1]
            if official not in self.states:
                raise DataFileError(variants_path, number, f"{official!r} is not a name in {states_path.name}")
            key = fold(variant)
            if key in self.by_key and self.by_key[key][0].name != official:
                raise DataFileError(variants_path, number,
                                    f"{variant!r} already means {self.by_key[key][0].name}")
            self.by_key.setdefault(key, (self.states[official], "variant"))
        self._keys = list(self.by_key)
        self._memo: dict[str, Resolution] = {}

    @property
    def members(self) -> list[State]:
        return [s for s in self.states.values() if s.is_member]

    @property
    def observers(self) -> list[State]:
        return [s for s in self.states.values() if not s.is_member]

    def resolve(self, typed: str) -> Resolution:
        """Memoised: the editor re-lints on every keystroke, and fuzzy matching costs ~1 ms."""
        found = self._memo.get(typed)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[typed] = self._resolve(typed)
        return found

    def _resolve(self, typed: str) -> Resolution:
        text = " ".join((typed or "").split())
        if not text:
            return Resolution(typed or "", None, "empty")
        if text in self.states:
            return Resolution(text, self.states[text], "exact")
        key = fold(text)
        if key in self.by_key:
            state, how = self.by_key[key]
            return Resolution(text, state, how)
        return Resolution(text, None, "unknown", self.suggest(text))

    def suggest(self, typed: str) -> tuple[str, ...]:
        """Official names close to `typed` (best first), for a name that did not resolve."""
        key = fold(typed)
        if len(key) < 3:
            return ()
        scored: dict[str, float] = {}
        for candidate, score, _ in process.extract(key, self._keys, scorer=fuzz.WRatio,
                                                   processor=None, limit=12,
                                                   score_cutoff=SUGGEST_CUTOFF):
            # WRatio also rewards a short key found inside the input ("russia" in "belarussia");
            # averaging with the plain ratio ranks whole-name likeness first.
            name = self.by_key[candidate][0].name
            combined = (score + fuzz.ratio(key, candidate)) / 2
            scored[name] = max(scored.get(name, 0.0), combined)
        if not scored:
            return ()
        best = max(scored.values())
        found = sorted((n for n, v in scored.items() if v >= best - SUGGEST_SPREAD),
                       key=lambda n: -scored[n])
        return tuple(found[:MAX_SUGGESTIONS])


@lru_cache(maxsize=4)
def _index(folder: Path) -> StateIndex:
    return StateIndex(folder / "member_states.tsv", folder / "state_variants.tsv")


def state_index() -> StateIndex:
    """The index for the current lexicon folder (RESEDIT_DATA respected), built once."""
    return _index(lexicon_dir())


def resolve(typed: str) -> Resolution:
    return state_index().resolve(typed)


_AND = re.compile(r"\s+and\s+(?=[A-Z])")


def split_names(value: str) -> list[str]:
    """Split a header list ("Brazil, Chile and Trinidad and Tobago") into State names.

    Commas and semicolons always separate; "and" separates only where the words around it are not
    one State's name ("Bosnia and Herzegovina", "United Kingdom of Great Britain and Northern
    Ireland" stay whole). Names are kept as typed; resolution happens later.
    """
    index = state_index()
    out: list[str] = []
    for part in re.split(r"[;,]", value):
        part = part.strip().removeprefix("and ").strip().rstrip(".").strip()
        if not part:
            continue
        pieces = _AND.split(part)
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i, -1):  # the longest run of pieces that is one name
                candidate = " and ".join(pieces[i:j])
                if j == i + 1 or index.resolve(candidate).ok:
                    out.append(candidate)
                    i = j
                    break
    return out
