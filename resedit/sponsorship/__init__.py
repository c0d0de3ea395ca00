"""Sponsors and signatories: State names, conference rules, the lists' analysis and changes.

Entry points: `resolve(name)` (states), `load_conference(code)` (conference), `analyse(...)` and
`sponsorship_summary(paper, committee, conference=None)` (analysis), `add` / `remove` / `withdraw`
(changes).
"""
from resedit.sponsorship.analysis import Analysis, analyse, sponsorship_line, sponsorship_summary
from resedit.sponsorship.conference import Conference, load_conference
from resedit.sponsorship.states import Resolution, State, resolve, state_index

__all__ = ["Analysis", "analyse", "sponsorship_line", "sponsorship_summary", "Conference",
           "load_conference", "Resolution", "State", "resolve", "state_index"]
