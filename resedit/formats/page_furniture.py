"""What a PDF's pages add to a resolution's text when it is extracted or pasted: not clauses.

Each page of a UN resolution carries a running header (the symbol, the title, often wrapped over
two lines), a footer (the job number "19-01576 (E)", a date code "010219", the barcode
"*1901576*") and, at its foot, footnotes below a separator line ("__________"). Extraction puts
them wherever the page broke, often inside a clause. `furniture(lines, title)` finds them and
returns the 0-based indexes to skip, with notes naming what was skipped, so the reader joins the
two halves of a broken clause and says what it left out.
"""
from __future__ import annotations

import re

from resedit.formats.clause_start import opener_strength
from resedit.formats.labels import parse_number, parse_sub

SEPARATOR = re.compile(r"^\s*(?:_{5,}|—{4,}|-{10,})\s*$")
# Job number with its language and date code, the date code alone, the barcode, the page's
# symbol (with the running title beside it when extracted with the layout), "Page 3", "3/14".
FOOTER = re.compile(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{7,8}[A-Z]?\*)?"
                    r"|\d{6}|\*\d{7,8}[A-Z]?\*|(?:A|S|E|A/C\.\d)/RES/\S+(?:\s{2,}.*)?"
                    r"|Page \d+(?: of \d+)?|\d+/\d+)$")


def _words(text: str) -> list[str]:
    return text.lower().split()


def _is_fragment(words: list[str], title: list[str]) -> bool:
    """Are `words` a run of the title's words?"""
    n = len(words)
    return 0 < n <= len(title) and any(title[i:i + n] == words for i in range(len(title) - n + 1))


def _footnote_ends(line: str) -> bool:
    """A footnote block ends at page furniture or at text that plainly starts a clause."""
    number = parse_number(line)
    return bool(FOOTER.match(line) or (number and number[1]) or parse_sub(line)
                or opener_strength(line) == "listed")


def furniture(lines: list[str], title: str, start: int = 0) -> tuple[set[int], list[str]]:
    """Indexes (0-based) of footnotes, page headers and footers from `start` on, and notes."""
    skip: set[int] = set()
    notes: list[str] = []
    title_words = _words(title)
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if SEPARATOR.match(line):
            first = index
            skip.add(index)
            index += 1
            while index < len(lines) and not _footnote_ends(lines[index].strip()):
                skip.add(index)
                index += 1
            text = " ".join(lines[i].strip() for i in range(first + 1, index) if lines[i].strip())
            notes.append(f"line {first + 1}: skipped a footnote block"
                         + (f" ({text[:60]!r})" if text else ""))
            continue
        if line and FOOTER.match(line):
            skip.add(index)
        index += 1
    if title_words:
        _running_titles(lines, title_words, start, skip)
    return skip, notes


def _running_titles(lines: list[str], title: list[str], start: int, skip: set[int]) -> None:
    """Blocks of lines (between blank lines, furniture aside) that together are part of the title."""
    block: list[int] = []
    for index in range(start, len(lines) + 1):
        line = lines[index].strip() if index < len(lines) else ""
        if line and index in skip:
            continue  # furniture inside the block (the symbol above a wrapped title)
        if line:
            block.append(index)
            continue
        if block:
            words = [w for i in block for w in _words(lines[i])]
            whole = len(words) == len(title)
            if _is_fragment(words, title) and (whole or len(words) >= 3 or len(block) > 1
                                               or any(i - 1 in skip or i + 1 in skip for i in block)):
                skip.update(block)
        block = []
