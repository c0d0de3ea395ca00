"""Abbreviations in a clause: which are used, which are spelled out there, and which spans are not
the paper's own words (quoted titles, document symbols) so an abbreviation inside them is no use.

A use is the whole abbreviation with any numeric or hyphenated suffix ("COVID-19", "AU-PATTEC");
a definition is an abbreviation in parentheses, bare or quoted ("(UNODC)", "(“ECOWAS”)"), and
defines its stem too ("(COVID-19)" defines "COVID").
"""
from __future__ import annotations

import re

from resedit.lint.quotes import quoted_spans

_HYPHENS = "-\u2010\u2011"
_ABBR = rf"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:[{_HYPHENS}][A-Z0-9]+)*"
# "UNODC-led" uses UNODC; "AU-PATTEC" is one abbreviation.
_USE = re.compile(rf"(?<![\w/.{_HYPHENS}])({_ABBR})(s?)(?![\w/]|[{_HYPHENS}][A-Z0-9])")
_DEFINED = re.compile(rf"\(\s*[“\"‘']?({_ABBR})s?[”\"’']?\s*\)")
# Titles in double quotes, and document symbols such as A/RES/78/228, S/2023/833, GC(69)/RES/7.
_SYMBOL = re.compile(r"(?<![\w/])[A-Z][A-Za-z0-9().\-]*(?:/[A-Za-z0-9().\-]+)+")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def not_own_words(text: str) -> list[tuple[int, int]]:
    """Spans of quoted titles and document symbols."""
    return quoted_spans(text) + [m.span() for m in _SYMBOL.finditer(text)]


def _inside(spans, start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def stems(abbr: str) -> set[str]:
    """The abbreviation and what it is before each suffix: "AU-PATTEC-2" -> itself, AU-PATTEC, AU."""
    out = {abbr}
    parts = re.split(f"[{_HYPHENS}]", abbr)
    for n in range(1, len(parts)):
        out.add("-".join(parts[:n]))
    return out


def normal(abbr: str) -> str:
    return re.sub(f"[{_HYPHENS}]", "-", abbr)


def scan(text: str) -> tuple[list[tuple[str, int]], dict[str, int]]:
    """(uses as (abbreviation, start), {abbreviation or stem: where it is spelled out})."""
    skip = not_own_words(text)
    defined: dict[str, int] = {}
    for m in _DEFINED.finditer(text):
        for stem in stems(normal(m.group(1))):
            defined.setdefault(stem, m.start(1))
    uses = [(normal(m.group(1)), m.start(1)) for m in _USE.finditer(text)
            if not _ROMAN.match(m.group(1)) and not _inside(skip, m.start(1))]
    return uses, defined
