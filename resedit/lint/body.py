"""Which body a paper is checked under: one rule for `check`, `review`, the editor and co-drafting.

Three places in a paper name its body: the `Committee:` line, the code's prefix ("CCPCJ/1/1") and
the opening line ("The Commission on Crime Prevention and Criminal Justice,"). The body used is
the one `--committee` names; else the one the code and the opening line agree on (a wrong
`Committee:` line must not switch the mandate profile and the sponsorship threshold); else the
`Committee:` line's; else the body the opening line or the code names; else the default. The
findings that say when these disagree (STR012) or name an unknown body (STR013) are rules in
clause_rules.yaml (resedit.lint.kinds.structure).
"""
from __future__ import annotations

import re

from resedit.committees import Committee, all_committees, find_committee, load_committee
from resedit.model.paper import WorkingPaper


def organ(text: str) -> str:
    """An organ's name as compared: no leading "The", no closing comma, case and spaces folded."""
    return " ".join(re.sub(r"^the\s+", "", text.strip().rstrip(",:;. "), flags=re.I).lower().split())


def opens_for(paper: WorkingPaper, committee: Committee) -> bool:
    """The paper's opening line names this body's organ."""
    return bool(paper.opening) and organ(paper.opening) == organ(committee.opening)


def named_in_header(paper: WorkingPaper) -> Committee | None:
    return find_committee(paper.committee) if paper.committee.strip() else None


def named_by_code(paper: WorkingPaper) -> Committee | None:
    prefix = paper.code.split("/", 1)[0].strip()
    return find_committee(prefix) if prefix else None


def named_by_opening(paper: WorkingPaper) -> Committee | None:
    """The first profile whose organ the opening line names (GA and GA3 share theirs)."""
    if not paper.opening:
        return None
    return next((c for c in all_committees().values() if opens_for(paper, c)), None)


def header_disagrees(paper: WorkingPaper) -> tuple[Committee, Committee] | None:
    """(header's body, opening's body) when both are known and the opening is not the header's."""
    header = named_in_header(paper)
    opening = named_by_opening(paper)
    if header is None or opening is None or opens_for(paper, header):
        return None
    return header, opening


def choose_body(paper: WorkingPaper, forced: Committee | None = None) -> Committee:
    if forced is not None:
        return forced
    code = named_by_code(paper)
    if code is not None and opens_for(paper, code):
        return code
    return (named_in_header(paper) or named_by_opening(paper) or code
            or load_committee(None))
