"""Where a clause quotes: a quoted title or text is not the paper's own wording, so the style,
acronym and mandate checks skip what lies inside quotation marks. One reading for all of them.
"""
from __future__ import annotations

QUOTES = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (“...”, "...", ‘...’, «...»)."""
    spans, i = [], 0
    opening = [k for k in QUOTES if k in text]
    while opening and i < len(text):
        found = [(text.find(k, i), k) for k in opening]
        found = [(at, k) for at, k in found if at != -1]
        if not found:
            break
        i, mark = min(found)
        closing = QUOTES[mark]
        if mark == "‘" and i and text[i - 1].isalnum():
            i += 1
            continue
        end = text.find(closing, i + 1)
        if end == -1:
            spans.append((i, len(text)))
            break
        spans.append((i, end + 1))
        i = end + 1
    return spans
