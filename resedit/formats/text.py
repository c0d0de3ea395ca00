"""The plain-text layout delegates type and paste: a lenient reader and a canonical writer.

The reader takes header fields (Code:, Committee:, Topic:, Sponsors:, Signatories: and common
variants), the organ's opening line, then paragraphs: numbered ones are operative, the unnumbered
ones before them preambular, lettered ones sub-clauses. It copes with what real files carry:
hard-wrapped lines, numbers alone on a line, NMUN line numbers in the margin, running page headers,
section headings, footnotes and annexes (skipped). `write_text` emits the canonical layout, and
reading it back gives the same paper.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from resedit.formats.clause_start import starts_clause
from resedit.formats.labels import parse_number, parse_sub, sub_label
from resedit.formats.page_furniture import furniture
from resedit.formats.sub_levels import deepest, nest
from resedit.model import Clause, HistoryEntry, WorkingPaper

HEADER_ALIASES = {
    "code": ("code", "document code", "symbol", "working paper", "paper"),
    "committee": ("committee", "body", "organ", "submitted to", "commission", "council"),
    "topic": ("topic", "subject", "agenda item", "topic area"),
    "sponsors": ("sponsors", "sponsor", "sponsored by", "submitted by", "co-sponsors",
                 "cosponsors", "co-submitters", "authors"),
    "signatories": ("signatories", "signatory", "signed by", "signatory states",
                    "signatory member states"),
}
_FIELD_OF = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
_HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z -]{1,30}?)\s*:\s*(.*)$")
_FOOTNOTE_REF = re.compile(r"\[\^\d+\]")
_END = re.compile(r"^(---+|\[\^\d+\]:|\d+(st|nd|rd|th) (\(resumed\) )?(plenary )?meeting\b|Annex\b|Annexes\b|"
                  r"Adopted by the Security Council at its)", re.I)
_NOISE = re.compile(r"^(A/RES/\d+/\S+|S/RES/\d+.*|E/RES/\S+|\d{2}-\d{5}.*|\d+/\d+|Page \d+.*)$")
# (page headers and footers, job numbers; a lone number is judged in _paragraphs)
_TITLE = re.compile(r"^\d+/\d+\.\s+(.+)$")  # "80/1. Participation by ..." (the running header)
_OPENING = re.compile(r"^The\s+[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,11},?$")
_MARGIN = re.compile(r"^\s*(\d{1,4})(?:\s+(.*))?$")
_SUPPRESS = re.compile(r"^#\s*resedit-ignore\s*:\s*(.+)$", re.I)
_HISTORY = re.compile(r"^#\s*history\s*:\s*(.+)$", re.I)
TERMINAL = ",;.:"


def clause_ending(text: str) -> str:
    """The clause's final punctuation mark, looking past closing quotes and footnote numbers."""
    stripped = _FOOTNOTE_REF.sub("", text).rstrip()
    stripped = re.sub(r"(?<=[,;.:])\s?\d{1,2}$", "", stripped)  # "Terrorism,1": a footnote number
    stripped = stripped.rstrip("”’\"')] ")
    return stripped[-1] if stripped and stripped[-1] in TERMINAL else ""


@dataclass
class _Para:
    kind: str  # number | sub | plain
    text: str
    line: int
    token: str = ""  # the label as written
    delim: str = ""
    suppress: list[str] = field(default_factory=list)


def _strip_margin_numbers(lines: list[str]) -> list[str]:
    """Remove NMUN margin line numbers when most lines carry rising numbers."""
    numbered = [(i, _MARGIN.match(line)) for i, line in enumerate(lines) if line.strip()]
    hits = [(i, m) for i, m in numbered if m]
    if len(numbered) < 5 or len(hits) < 0.8 * len(numbered):
        return lines
    values = [int(m.group(1)) for _, m in hits]
    rising = sum(b > a for a, b in zip(values, values[1:]))
    if rising < 0.9 * (len(values) - 1):
        return lines
    out = list(lines)
    for i, m in hits:
        out[i] = m.group(2) or ""
    return out


def _header_field(line: str) -> tuple[str, str] | None:
    m = _HEADER.match(line)
    if not m:
        return None
    name = _FIELD_OF.get(" ".join(m.group(1).lower().split()))
    return (name, m.group(2).strip()) if name else None


_STATE_AND = re.compile(r"\s+and\s+(?=[A-Z])")  # as resedit.sponsorship.states.split_names splits


def split_states(value: str) -> list[str]:
    # "and" separates names except inside one ("Trinidad and Tobago"): the State list decides.
    # A list without such an "and" leaves nothing to decide, so the State list (the sponsorship
    # package, rapidfuzz, two data files: ~50 ms) is not loaded and the editor paints sooner.
    if not _STATE_AND.search(value):
        return [name for part in re.split(r"[;,]", value)
                if (name := part.strip().removeprefix("and ").strip().rstrip(".").strip())]
    from resedit.sponsorship.states import split_names

    return split_names(value)


def read_text(text: str, path: str | None = None) -> WorkingPaper:
    paper = WorkingPaper()
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").split("\n")
    lines = _strip_margin_numbers(raw)
    pending_suppress: list[str] = []
    body: list[tuple[int, str, list[str]]] = []  # (line number, text, suppressions before it)
    in_header, list_field, list_start, list_text = True, None, 0, ""
    skipped: list[int] = []
    opening_at = _find_opening(lines)
    title = _masthead_title(lines, opening_at)
    furniture_at, furniture_notes = furniture(lines, title)
    paper.notes.extend(furniture_notes)
    first_clause = opening_at or _first_clause(lines, furniture_at)
    for number, line in enumerate(lines, start=1):
        if number - 1 in furniture_at:
            continue
        stripped = _FOOTNOTE_REF.sub("", line).strip()
        if stripped.startswith("#"):
            if m := _SUPPRESS.match(stripped):
                codes = [c.strip().upper() for c in m.group(1).split(",") if c.strip()]
                if in_header:
                    paper.suppressions.extend((c, None) for c in codes)
                    paper.lines.setdefault("suppress", number)
                else:
                    pending_suppress.extend(codes)
            elif m := _HISTORY.match(stripped):
                paper.history.append(_history_entry(m.group(1)))
            continue
        if in_header:
            found = _header_field(stripped)
            if list_field and not stripped:
                continue  # Word with one paragraph per line: the list goes on after a gap
            if list_field and not found and not starts_clause(stripped, True):
                # A wrapped list ("Saint Vincent and the" / "Grenadines"): split it again whole.
                names, list_text = getattr(paper, list_field), f"{list_text} {stripped}"
                del names[list_start:]
                names.extend(split_states(list_text))
                list_field = list_field if _list_open(stripped) else None
                continue
            list_field = None
            if found:
                name, value = found
                paper.lines[name] = number
                if name in ("sponsors", "signatories"):
                    list_start, list_text = len(getattr(paper, name)), value
                    getattr(paper, name).extend(split_states(value))
                    list_field = name if _list_open(value) else None
                else:
                    setattr(paper, name, value)
                continue
            if number == opening_at:
                paper.opening = stripped
                paper.lines["opening"] = number
                in_header = False
                continue
            # Before a found opening line everything else is preface (the UN's masthead).
            if opening_at or not stripped or (number < first_clause if first_clause
                                              else not _looks_like_clause_start(stripped)):
                if stripped:
                    skipped.append(number)
                continue
            in_header = False  # no opening line: the clauses start here
        if _END.match(stripped):
            paper.notes.append(f"line {number}: stopped reading at {_short(stripped)} "
                               "(footnotes, annexes and closing lines are not clauses)")
            break
        if stripped and (stripped == title or _NOISE.match(stripped)):
            continue
        body.append((number, stripped, pending_suppress))
        if stripped:
            pending_suppress = []
    if skipped:  # said, not silently dropped
        paper.notes.insert(0, f"line{'s' if len(skipped) > 1 else ''} {skipped[0]}"
                              f"{'-' + str(skipped[-1]) if len(skipped) > 1 else ''}: skipped "
                              f"{len(skipped)} line(s) before the opening line, from "
                              f"{_short(lines[skipped[0] - 1].strip())}")
    paras = _paragraphs(body, paper.notes)
    _assemble(paper, paras)
    return paper


def _short(text: str, width: int = 50) -> str:
    return repr(text if len(text) <= width else text[:width - 1] + "…")


def _find_opening(lines: list[str]) -> int | None:
    """1-based line of the organ's opening line, if one comes before the first numbered clause."""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if _OPENING.match(stripped):
            return number
        if parse_number(stripped) and parse_number(stripped)[1]:
            return None
    return None


def _list_open(value: str) -> bool:
    """Does a line of a sponsor list go on to the next (a trailing comma, "and", "the", "of")?"""
    words = value.split()
    return not words or value.endswith(",") or words[-1].lower() in ("and", "the", "of")


def _masthead_title(lines: list[str], opening_at: int | None) -> str:
    """The resolution's title ("80/1. Participation by ..."), joined when it wraps: its running
    header repeats it on every page."""
    for index, line in enumerate(lines[:opening_at or 60]):
        if m := _TITLE.match(line.strip()):
            parts = [m.group(1).strip()]
            for following in lines[index + 1:opening_at or index + 4]:
                if not following.strip() or _OPENING.match(following.strip()):
                    break
                parts.append(following.strip())
            return " ".join(parts)
    return ""


def _first_clause(lines: list[str], furniture_at: set[int]) -> int | None:
    """Without the organ's line (lost in extraction), the first line that starts like a clause:
    the masthead before it is skipped, not read as clauses."""
    for number, line in enumerate(lines[:200], start=1):
        stripped = line.strip()
        if number - 1 not in furniture_at and stripped and not _header_field(stripped) \
                and not stripped.startswith("#") and starts_clause(stripped, True):
            return number
    return None


def _looks_like_clause_start(line: str) -> bool:
    return bool(parse_number(line) or parse_sub(line) or (line[:1].isupper() and len(line.split()) > 2))


def _history_entry(value: str) -> HistoryEntry:
    parts = [p.strip() for p in value.split("|")]
    parts += [""] * (6 - len(parts))
    at, who, action, role, state, note = parts[:6]
    return HistoryEntry(at=at, who=who, action=action, state=state, role=role, note=note)


def _is_heading(line: str, prev_end: str, next_line: str) -> bool:
    """A section heading between operative paragraphs: short, unpunctuated, set apart."""
    words = line.split()
    if len(words) > 10 or clause_ending(line) or not line[:1].isupper() or not next_line:
        return False
    return (bool(prev_end) and parse_number(next_line) is not None) or (
        prev_end in (";", ".") and next_line[:1].isupper())


def _paragraphs(body: list[tuple[int, str, list[str]]], notes: list[str]) -> list[_Para]:
    paras: list[_Para] = []
    gap = True
    awaiting_number: _Para | None = None
    texts = [t for _, t, _ in body]
    for index, (number, line, suppress) in enumerate(body):
        if not line:
            gap = True
            continue
        current = paras[-1] if paras else None
        if awaiting_number is not None:  # "3" alone on its line; its text follows
            awaiting_number.text = line
            awaiting_number = None
            gap = False
            continue
        if (num := parse_number(line)) and not num[1] and int(num[0]) != _next_number(paras):
            continue  # a lone number that is not the next operative number: a page number
        if num:
            para = _Para("number", num[1], number, token=num[0], suppress=suppress)
            paras.append(para)
            awaiting_number = para if not num[1] else None
        elif sub := parse_sub(line):
            paras.append(_Para("sub", sub[2], number, token=sub[0], delim=sub[1], suppress=suppress))
        else:
            next_line = next((t for t in texts[index + 1:] if t), "")
            prev_end = clause_ending(current.text) if current else ":"
            heading = current is not None and _is_heading(line, prev_end, next_line)
            if current is not None and not heading and _continues(current.text, line, gap):
                current.text = f"{current.text} {line}"
                gap = False
                continue
            if heading:
                # Kept visible: a heading is not a clause, but nothing is dropped silently.
                notes.append(f"line {number}: skipped the heading {line!r}")
                gap = True
                continue
            paras.append(_Para("plain", line, number, suppress=suppress))
        gap = False
    return paras


def _next_number(paras: list[_Para]) -> int:
    numbers = [int(p.token) for p in paras if p.kind == "number" and p.token.isdigit()]
    return (numbers[-1] if numbers else 0) + 1


def _continues(previous: str, line: str, gap: bool) -> bool:
    """Does `line` continue the paragraph `previous` (a hard wrap or a page break)?"""
    if line[:1].islower() or line[:1] in "“\"‘(":
        return not line.startswith("(") or parse_sub(line) is None
    closed = bool(clause_ending(previous))
    if gap and closed:
        return False  # a paragraph of its own, set apart and after a finished clause
    return not starts_clause(line, closed)


def _assemble(paper: WorkingPaper, paras: list[_Para]) -> None:
    has_numbers = any(p.kind == "number" for p in paras)
    if not has_numbers:
        # No numbered paragraph: the unnumbered run after the last comma-ended clause is operative
        # (GA 80/9: "Adopts the ... Declaration ..." alone, unnumbered).
        last_comma = max((i for i, p in enumerate(paras) if p.kind == "plain"
                          and clause_ending(p.text) == ","), default=-1)
        tail = paras[last_comma + 1:]
        if tail and all(p.kind == "sub" or clause_ending(p.text) in (";", ".", ":") for p in tail):
            for p in tail:
                if p.kind == "plain":
                    p.kind = "number"
    part = "preamble"
    stack: list[tuple[str, Clause]] = []  # (style, clause): open sub-clause levels
    for para in paras:
        clause = Clause(text=para.text, line=para.line, label=para.token or None)
        paper.suppressions.extend((code, clause.id) for code in para.suppress)
        if para.kind == "number":
            part = "operative"
            paper.operative.append(clause)
            stack = []
        elif para.kind == "sub" and paper.part(part):
            nest(paper.part(part)[-1], stack, clause, para)
        elif part == "operative" and paper.operative and (
                paper.operative[-1].children or clause_ending(deepest(paper.operative[-1]).text) == ":"):
            # An unlettered item under "...:" (extraction lost its letter): a sub-clause, one
            # level below the item that introduced it.
            top, last = paper.operative[-1], deepest(paper.operative[-1])
            if last is not top and stack and stack[-1][1] is last and clause_ending(last.text) == ":":
                last.children.append(clause)
                stack.append(("plain", clause))
            else:
                top.children.append(clause)
                stack = [("plain", clause)]
        else:
            paper.part(part).append(clause)
            stack = []


# ---- writer ----------------------------------------------------------------------------------

def write_text(paper: WorkingPaper) -> str:
    out: list[str] = []
    for name, label in (("code", "Code"), ("committee", "Committee"), ("topic", "Topic")):
        if getattr(paper, name):
            out.append(f"{label}: {getattr(paper, name)}")
    if paper.sponsors:
        out.append("Sponsors: " + ", ".join(paper.sponsors))
    if paper.signatories:
        out.append("Signatories: " + ", ".join(paper.signatories))
    for code, clause_id in paper.suppressions:
        if clause_id is None:
            out.append(f"# resedit-ignore: {code}")
    if out:
        out.append("")
    if paper.opening:
        out += [paper.opening, ""]
    ignores = {}
    for code, clause_id in paper.suppressions:
        if clause_id is not None:
            ignores.setdefault(clause_id, []).append(code)
    for clause in paper.preamble:
        _write_clause(out, clause, "", 0, ignores)
    for number, clause in enumerate(paper.operative, start=1):
        _write_clause(out, clause, f"{number}. ", 0, ignores)
    for entry in paper.history:
        fields = (entry.at, entry.who, entry.action, entry.role, entry.state, entry.note)
        out.append("# history: " + " | ".join(f.replace("|", "/") for f in fields))
    return "\n".join(out).rstrip("\n") + "\n"


def _write_clause(out: list[str], clause: Clause, label: str, depth: int, ignores: dict) -> None:
    indent = "    " * depth
    if clause.id in ignores:
        out.append(f"{indent}# resedit-ignore: {', '.join(ignores[clause.id])}")
    out += [f"{indent}{label}{clause.text}", ""]
    for index, child in enumerate(clause.children):
        _write_clause(out, child, sub_label(depth + 1, index) + " ", depth + 1, ignores)
