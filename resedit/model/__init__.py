"""The working-paper model: plain dataclasses, standard library only."""
from resedit.model.diagnostic import CATEGORIES, SEVERITIES, Diagnostic, Location
from resedit.model.paper import PARTS, Clause, HistoryEntry, WorkingPaper

__all__ = ["Clause", "HistoryEntry", "WorkingPaper", "PARTS", "Diagnostic", "Location",
           "SEVERITIES", "CATEGORIES"]
