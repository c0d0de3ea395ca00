"""Word paragraphs laid out as lines of the text layout, for the one reader of both formats.

Usually each Word paragraph is a clause, so paragraphs are set apart by blank lines. A PDF pasted
into Word gives one paragraph per printed line instead: many paragraphs end open (no ",", ";",
".", ":") in mid-sentence. Such a document is laid out as the hard-wrapped text it is (its empty
paragraphs as the blank lines), and the reader decides from the words where a clause begins
(resedit/formats/clause_start.py). A line break inside a paragraph (Shift+Enter) is a line of its
own, with no blank line before it, so a sub-clause typed after one is still a sub-clause.
"""
from __future__ import annotations

from resedit.formats.clause_start import ORGAN_LINE, starts_clause

LINE_MODE_SHARE = 0.3  # of the body's paragraphs ending open, from which each is a printed line
LINE_MODE_MIN = 3


def _ends_open(text: str) -> bool:
    from resedit.formats.text import clause_ending

    return not clause_ending(text)


def one_paragraph_per_line(texts: list[str]) -> bool:
    """Do the paragraphs after the organ's line (or the first clause) look like printed lines?"""
    body = [t.strip() for t in texts if t.strip()]
    start = next((i for i, t in enumerate(body) if ORGAN_LINE.match(t)), None)
    if start is None:
        start = next((i for i, t in enumerate(body) if starts_clause(t, True)), len(body))
    body = body[start + 1:]
    # The next paragraph lower-case, or not starting a clause, after one that ends open.
    open_ended = sum(1 for a, b in zip(body, body[1:])
                     if _ends_open(a.split("\n")[-1]) and not starts_clause(b.lstrip(), False))
    return open_ended >= LINE_MODE_MIN and open_ended >= LINE_MODE_SHARE * len(body)


def layout(items: list[tuple[str, object]], order: dict) -> tuple[list[str], dict[int, int]]:
    """(lines, 1-based line -> 1-based paragraph number) for the paragraphs in `items`."""
    lines_mode = one_paragraph_per_line([text for text, _ in items])
    out: list[str] = []
    paragraph_of_line: dict[int, int] = {}
    for text, elem in items:
        if not text.strip():
            if lines_mode and out and out[-1]:
                out.append("")  # an empty paragraph: the blank line between clauses
            continue
        if out and not lines_mode and out[-1]:
            out.append("")
        for part in text.split("\n"):
            out.append(part)
            if elem is not None and elem in order:
                paragraph_of_line[len(out)] = order[elem]
    return out, paragraph_of_line
