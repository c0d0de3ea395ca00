"""Find references to UN resolutions in a clause and judge each one.

UN forms (Editorial Manual, see shared/design/mun-facts.md): General Assembly "resolution 78/228 of
19 December 2023" (session/number); Security Council "resolution 1373 (2001)" (number (year));
ECOSOC "resolution 1992/22" (year/number); commissions "resolution 27/2" (session/number). Old GA
and ECOSOC resolutions carry a Roman session: "169 (II)", "2200 A (XXI)".
Each citation gets at most one verdict: date > session-year > form > title > implausible year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from resedit import lexicon

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_BODY = re.compile(r"(General Assembly|Assembly|Security Council|Economic and Social Council|ECOSOC|"
                   r"Human Rights Council|Council|Commission|CCPCJ|its)\s+$")
_BODY_CODE = {"General Assembly": "GA", "Assembly": "GA", "Security Council": "SC", "Council": "SC",
              "Economic and Social Council": "ECOSOC", "ECOSOC": "ECOSOC",
              "Human Rights Council": "HRC", "Commission": "CCPCJ", "CCPCJ": "CCPCJ"}
_HEAD = re.compile(r"\b[Rr]esolutions?\s+")
_ITEM = re.compile(
    r"(?P<num>\d{1,4}(?:/\d{1,4})?)(?:\s?(?P<letter>[A-Z])\b)?"
    r"(?:\s?\((?P<paren>[^)]{1,12})\))?"
    rf"(?:,?\s+of\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+)?(?P<year>\d{{4}})\b)?"
    r"(?:,?\s+(?:entitled|on|titled)\s+[“\"](?P<title>[^”\"]{3,300})[”\"])?")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True)
class Citation:
    body: str  # GA, SC, ECOSOC, HRC, CCPCJ, or "" when the text does not say
    number: str
    start: int
    end: int
    text: str
    paren: str = ""
    date: dt.date | None = None
    year: int | None = None
    title: str = ""


def find(text: str, own_body: str) -> list[Citation]:
    """Every resolution reference in `text`; "its resolution" is the drafting body's own."""
    out = []
    for head in _HEAD.finditer(text):
        before = _BODY.search(text[max(0, head.start() - 40):head.start()])
        body = ""
        if before:
            word = before.group(1)
            body = own_body if word == "its" else _BODY_CODE[word]
        pos = head.end()
        while True:
            m = _ITEM.match(text, pos)
            if not m or not m.group("num"):
                break
            out.append(_citation(text, m, body))
            sep = _SEP.match(text, m.end())
            if not sep or not text[sep.end():sep.end() + 1].isdigit():
                break
            pos = sep.end()
    return out


def _citation(text: str, m: re.Match, body: str) -> Citation:
    year = int(m.group("year")) if m.group("year") else None
    date = None
    if m.group("day"):
        try:
            date = dt.datetime.strptime(f"{m.group('day')} {m.group('month')} {year}", "%d %B %Y").date()
        except ValueError:
            date = None
    paren = m.group("paren") or ""
    if year is None and re.fullmatch(r"\d{4}", paren):
        year = int(paren)
    end = m.end()
    while end > m.start() and text[end - 1] in " ,":
        end -= 1
    return Citation(body=body, number=m.group("num"), start=m.start(), end=end,
                    text=text[m.start():end], paren=paren, date=date, year=year,
                    title=m.group("title") or "")


def known(c: Citation, own_body: str) -> lexicon.Document | None:
    docs = lexicon.documents()
    if c.body:
        return docs.get((c.body, c.number))
    mine = docs.get((own_body, c.number))
    if mine:
        return mine
    matches = [d for (_, number), d in docs.items() if number == c.number]
    return matches[0] if len(matches) == 1 else None


def _proper(doc: lexicon.Document) -> str:
    """How the document's number and date should read in a citation."""
    if doc.body == "SC":
        return f"{doc.number} ({doc.year})" + (f" of {doc.citation_date()}" if doc.date else "")
    return f"{doc.number} of {doc.citation_date()}" if doc.date else doc.number


def judge(c: Citation, own_body: str, this_year: int) -> tuple[str, str, str] | None:
    """(problem, what is expected, suggestion) or None. Problems: date, session, form, title, year."""
    doc = known(c, own_body)
    if doc and (c.date or c.year):
        if (c.date and doc.date and c.date != doc.date) or (c.year and doc.year and c.year != doc.year):
            return "date", f"{doc.number} was adopted on {doc.citation_date() or doc.year}", _proper(doc)
    body = c.body or (doc.body if doc else "")
    a, _, b = c.number.partition("/")
    if body == "GA" and b and c.year and c.year not in (1945 + int(a), 1946 + int(a)):
        return ("session", f"session {a} of the General Assembly ran from {1945 + int(a)} "
                f"to {1946 + int(a)}", "")
    form = _form(c, body, doc)
    if form:
        return form
    if doc and c.title and doc.title:
        from rapidfuzz import fuzz

        if fuzz.token_sort_ratio(c.title.lower(), doc.title.lower()) < 90:
            return "title", f"{doc.number} is entitled “{doc.title}”", doc.title
    if c.year and not 1946 <= c.year <= this_year + 1:
        return "year", "a year between 1946 and now", ""
    return None


def _form(c: Citation, body: str, doc) -> tuple[str, str, str] | None:
    a, slash, b = c.number.partition("/")
    roman = bool(_ROMAN.match(c.paren))
    if body == "SC":
        if slash:
            return "form", "Security Council resolutions are cited as number (year)", ""
        if not c.paren:
            fix = _proper(doc) if doc else f"{c.number} (year)"
            return "form", "a Security Council resolution is cited with its year in parentheses", fix
    elif body == "GA":
        if not slash and not roman:
            return "form", "General Assembly resolutions are cited as session/number: 78/228", ""
        if slash and c.paren and not roman:
            fix = _proper(doc) if doc and doc.date else c.number  # the writer adds "of <date>"
            return "form", "a General Assembly resolution takes its date after 'of', not in parentheses", fix
    elif body == "ECOSOC" and slash and not roman:
        if len(a) != 4 and len(b) == 4:
            return "form", "ECOSOC resolutions are cited as year/number: 1992/22", f"{b}/{a}"
    return None
