"""The word lists in lexicon/ that a dais edits: phrase lists, acronyms, informal words, UN spelling,
known UN documents. Each loader reads its file once per process (cached) and refuses a malformed
file with file and line, like the rules file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from resedit.errors import DataFileError
from resedit.paths import lexicon_dir

PARTS = {"preamble": "preambulatory.txt", "operative": "operative.txt"}
# Adverbs that may precede an opener's verb or adjective ("Further requests", "Deeply concerned").
# The opener analysis skips them to find the word whose form matters.
OPENER_ADVERBS = frozenset({"further", "also", "strongly", "deeply", "fully", "firmly", "gravely",
                            "solemnly", "once", "again", "hereby", "urgently", "most", "sincerely"})


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the non-blank, non-comment lines of a list file."""
    try:
        raw = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read word list: {exc.strerror}") from exc
    return [(n, line.strip()) for n, line in enumerate(raw, 1)
            if line.strip() and not line.lstrip().startswith("#")]


def word_lines(name: str) -> list[tuple[int, str]]:
    """(line number, text) of the entries of a list file in lexicon/."""
    return _lines(lexicon_dir() / name)


def _yaml(path: Path) -> dict:
    from resedit.datafile import read_yaml  # pyyaml only for the YAML lists (the text reader
    # asks for the opener phrases alone, before the editor's first paint)

    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "expected a mapping")
    return data


@lru_cache(maxsize=2)
def phrases(part: str) -> tuple[str, ...]:
    """Opening phrases of a part ('preamble' or 'operative'), in file order, duplicates refused."""
    path = lexicon_dir() / PARTS[part]
    seen: dict[str, int] = {}
    out = []
    for n, text in _lines(path):
        key = text.lower()
        if key in seen:
            raise DataFileError(path, n, f"'{text}' is already listed at line {seen[key]}")
        seen[key] = n
        out.append(text)
    return tuple(out)


def complete(prefix: str, part: str, limit: int = 8) -> list[str]:
    """Opening phrases of `part` that start with what the delegate typed (for the editor).
    Completing an opening phrase is all resedit proposes, never clause content: NMUN refuses
    pre-written clauses (README)."""
    typed = " ".join(prefix.split()).lower()
    return [p for p in phrases(part) if p.lower().startswith(typed)][:limit] if typed else []


@lru_cache(maxsize=2)
def opener_words(part: str) -> frozenset[str]:
    """Lower-case words an opener of this part is made of: the vocabulary for spelling fixes."""
    return frozenset(w.lower() for p in phrases(part) for w in p.split())


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    return frozenset(text for _, text in _lines(lexicon_dir() / "acronyms.txt"))


@lru_cache(maxsize=1)
def body_acronyms() -> dict[str, frozenset[str]]:
    """Committee code -> abbreviations that body uses without spelling out (acronyms_by_body.yaml)."""
    path = lexicon_dir() / "acronyms_by_body.yaml"
    data = _yaml(path)
    if data.get("version") != 1 or not isinstance(data.get("bodies"), dict):
        raise DataFileError(path, 1, "expected 'version: 1' and a 'bodies' mapping")
    out = {}
    for code, entry in data["bodies"].items():
        if not isinstance(entry, dict) or not entry.get("source") or not isinstance(entry.get("acronyms"), list):
            raise DataFileError(path, None, f"{code}: each body needs a 'source' and an 'acronyms' list")
        out[str(code).upper()] = frozenset(str(a) for a in entry["acronyms"])
    return out


@lru_cache(maxsize=1)
def informal() -> dict[str, str]:
    """Informal word or phrase -> formal replacement ('' when the word just goes)."""
    out = {}
    for _, text in _lines(lexicon_dir() / "informal.txt"):
        word, _, better = text.partition("->")
        word = word.strip()
        # An all-caps entry ("OK") matches only as written; the others in any case.
        out[word if word.isupper() else word.lower()] = better.strip()
    return out


@dataclass(frozen=True)
class Spelling:
    ise_exceptions: frozenset[str]
    replacements: dict


@lru_cache(maxsize=1)
def spelling() -> Spelling:
    path = lexicon_dir() / "spelling.yaml"
    data = _yaml(path)
    exceptions, replacements = data.get("ise_exceptions"), data.get("replacements")
    if not isinstance(exceptions, list) or not isinstance(replacements, dict):
        raise DataFileError(path, None, "needs an 'ise_exceptions' list and a 'replacements' mapping")
    return Spelling(frozenset(str(w).lower() for w in exceptions),
                    {str(k).lower(): str(v) for k, v in replacements.items()})


@dataclass(frozen=True)
class Document:
    symbol: str
    body: str  # GA, SC, ECOSOC, CCPCJ, HRC, COP-UNTOC
    number: str  # as cited in text: "78/228", "1373", "1992/22"
    date: dt.date | None = None  # adoption date, only where taken from the adopted text
    year: int | None = None
    title: str = ""
    source: str = ""

    def citation_date(self) -> str:
        """The date as UN text writes it: '19 December 2023'."""
        return f"{self.date.day} {self.date:%B %Y}" if self.date else ""


_BODIES = ("GA", "SC", "ECOSOC", "CCPCJ", "HRC", "COP-UNTOC")


@lru_cache(maxsize=1)
def documents() -> dict[tuple[str, str], Document]:
    """(body, number) -> Document, from lexicon/documents.yaml."""
    path = lexicon_dir() / "documents.yaml"
    entries = _yaml(path).get("documents")
    if not isinstance(entries, list):
        raise DataFileError(path, None, "expected a 'documents' list")
    out = {}
    for entry in entries:
        if not isinstance(entry, dict) or not {"symbol", "body", "number", "source"} <= set(entry):
            raise DataFileError(path, None, f"each document needs symbol, body, number, source: {entry!r}")
        if entry["body"] not in _BODIES:
            raise DataFileError(path, None, f"{entry['symbol']}: body must be one of {', '.join(_BODIES)}")
        date = entry.get("date")
        if date is not None and not isinstance(date, dt.date):
            raise DataFileError(path, None, f"{entry['symbol']}: date must be YYYY-MM-DD")
        doc = Document(symbol=entry["symbol"], body=entry["body"], number=str(entry["number"]),
                       date=date, year=entry.get("year") or (date.year if date else None),
                       title=str(entry.get("title") or ""), source=str(entry["source"]))
        key = (doc.body, doc.number)
        if key in out:
            raise DataFileError(path, None, f"{doc.symbol} is listed twice")
        out[key] = doc
    return out
