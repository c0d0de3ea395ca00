"""Find references to UN resolutions in a clause and judge each one.

UN forms (UN Editorial Manual, DGACM): General Assembly "resolution 78/228 of
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
                   r"Human Rights Council|Council|Commission|CCPCJ|Conference of the Parties|its)\s+$")
_BODY_CODE = {"General Assembly": "GA", "Security Council": "SC", "Economic and Social Council": "ECOSOC",
              "ECOSOC": "ECOSOC", "Human Rights Council": "HRC", "CCPCJ": "CCPCJ",
              "Conference of the Parties": "COP"}
# "Council", "Commission", "Assembly" alone: the drafting body when it is one of that kind.
_KIND_OF = {"Council": ("SC", "ECOSOC", "HRC"), "Commission": ("CCPCJ", "CND"), "Assembly": ("GA",)}
# What "its" may refer to: the last body the clause names before "its resolution", unless a
# citation label comes after it ("General Assembly resolution 78/228 and its resolution 27/2").
_NAMED = re.compile(r"\b(General Assembly|Security Council|Economic and Social Council|Human Rights "
                    r"Council|Conference of the Parties(?: to the United Nations Convention against "
                    r"Transnational Organized Crime)?|Commission on Crime Prevention and Criminal "
                    r"Justice|Commission on Narcotic Drugs)\b(\s+(?:resolutions?|decisions?)\b)?")
_NAMED_CODE = {"Commission on Crime Prevention and Criminal Justice": "CCPCJ",
               "Commission on Narcotic Drugs": "CND",
               "Conference of the Parties to the United Nations Convention against Transnational "
               "Organized Crime": "COP-UNTOC"}
_HEAD = re.compile(r"\b[Rr]esolutions?\s+")
_ITEM = re.compile(
    r"(?P<num>\d{1,4}(?:/\d{1,4})?)(?:\s?(?P<letter>[A-Z])\b)?"
    r"(?:\s?\((?P<paren>[^)]{1,12})\))?"
    rf"(?:,?\s+of\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\s+)?(?P<year>\d{{4}})\b)?"
    r"(?:,?\s+(?:entitled|on|titled)\s+[“\"](?P<title>[^”\"]{3,300})[”\"])?")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_ROMAN = re.compile(r"^[IVXLC]+$")
_NAMES = {"GA": "General Assembly", "SC": "Security Council", "ECOSOC": "Economic and Social Council",
          "HRC": "Human Rights Council", "CCPCJ": "Commission"}
_SESSIONAL = {"HRC": "Human Rights Council", "CCPCJ": "Commission", "CND": "Commission"}
# Resolution symbols as the UN writes them; anything else that starts like one is malformed.
_SYMBOL_START = re.compile(r"(?<![\w/])(?:A/HRC|A|S|E)/RES/\S*")
_SYMBOL_FORMS = {
    "A": (re.compile(r"A/RES/\d{1,2}/\d{1,3}(?: ?[A-Z])?|A/RES/\d{1,4} ?\([IVXLC]+\)"),
          "A/RES/session/number, e.g. A/RES/78/228"),
    "A/HRC": (re.compile(r"A/HRC/RES/\d{1,2}/\d{1,3}"), "A/HRC/RES/session/number, e.g. A/HRC/RES/8/12"),
    "S": (re.compile(r"S/RES/\d{1,4}(?: ?\(\d{4}\))?"), "S/RES/number (year), e.g. S/RES/1373 (2001)"),
    "E": (re.compile(r"E/RES/(?:19|20)\d\d/\d{1,3}"), "E/RES/year/number, e.g. E/RES/1992/22"),
}


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


def _body(text: str, before: str, at: int, own_body: str, number: str) -> str:
    """Whose resolution: the body word before "resolution", resolved against the drafting body."""
    if before == "its":
        named = list(_NAMED.finditer(text, 0, at))
        if not named or named[-1].group(2):
            return own_body
        name = named[-1].group(1)
        return _NAMED_CODE.get(name) or _BODY_CODE.get(name, "")
    if before in _KIND_OF:
        if own_body in _KIND_OF[before]:
            return own_body
        if before == "Council":  # another council: the form of the number tells which
            return "SC" if "/" not in number else "ECOSOC" if len(number.split("/")[0]) == 4 else ""
        return "GA" if before == "Assembly" else ""
    return _BODY_CODE.get(before, "")


def find(text: str, own_body: str) -> list[Citation]:
    """Every resolution reference in `text`; "its resolution" is the drafting body's own unless
    the clause has just named another ("the Conference of the Parties ..., in particular its")."""
    out = []
    for head in _HEAD.finditer(text):
        before = _BODY.search(text[max(0, head.start() - 40):head.start()])
        pos = head.end()
        while True:
            m = _ITEM.match(text, pos)
            if not m or not m.group("num"):
                break
            body = _body(text, before.group(1), head.start(), own_body, m.group("num")) if before else ""
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
    if c.title:
        from rapidfuzz import fuzz

        def same(a: str, b: str) -> bool:
            return fuzz.token_sort_ratio(a.lower(), b.lower()) >= 90

        if not (doc and doc.title and same(c.title, doc.title)):
            # A title that is another known resolution's: the number or the title is wrong.
            # Only a title one known resolution bears: recurring items share theirs across years.
            owners = [d for d in lexicon.documents().values() if d.title and same(c.title, d.title)]
            other = owners[0] if len(owners) == 1 and owners[0] is not doc else None
            if other:
                return "title", (f"“{other.title}” is the title of {_NAMES.get(other.body, other.body)}"
                                 f" resolution {other.number}, not of {c.number}"), ""
        if doc and doc.title and not same(c.title, doc.title):
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
    elif body in _SESSIONAL and not slash:
        return "form", f"{_SESSIONAL[body]} resolutions are cited as session/number: 27/2", ""
    elif body == "ECOSOC" and slash and not roman:
        if len(a) != 4 and len(b) == 4:
            return "form", "ECOSOC resolutions are cited as year/number: 1992/22", f"{b}/{a}"
    return None


def malformed_symbols(text: str) -> list[tuple[Citation, tuple[str, str, str]]]:
    """Resolution symbols ("A/RES/78228", "S/RES/2139 (14)") that match no UN symbol form."""
    out = []
    for m in _SYMBOL_START.finditer(text):
        series = m.group(0).split("/RES/")[0]
        form, expected = _SYMBOL_FORMS[series]
        # The symbol runs to the first character no symbol contains; a year may follow in brackets.
        whole = re.match(r"\S*?(?: ?\([^)\s]{1,6}\))?(?=[\s,;.:]*(?:\s|$))", text[m.start():])
        symbol = whole.group(0).rstrip(",;.:") if whole else m.group(0).rstrip(",;.:")
        if not form.fullmatch(symbol):
            c = Citation(body="", number=symbol, start=m.start(), end=m.start() + len(symbol), text=symbol)
            out.append((c, ("form", f"a resolution symbol reads {expected}", "")))
    return out
