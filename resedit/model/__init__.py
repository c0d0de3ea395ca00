"""The working-paper model: plain dataclasses, standard library only."""
from resedit.model.paper import Clause, HistoryEntry, WorkingPaper, PARTS
from resedit.model.diagnostic import Diagnostic, Location, SEVERITIES, CATEGORIES

__all__ = ["Clause", "HistoryEntry", "WorkingPaper", "PARTS", "Diagnostic", "Location",
           "SEVERITIES", "CATEGORIES"]
