"""Both documents the editor can show satisfy its typed interface (resedit.editor.document.Document),
with the same parameters, so the editor never needs to ask which one it has."""
from __future__ import annotations

import inspect

import pytest

from resedit.collab.document import SharedDocument
from resedit.editor.document import Document, LocalDocument
from resedit.model.edits import SetText
from resedit.model.paper import Clause, WorkingPaper

MEMBERS = [name for name in vars(Document) if not name.startswith("_")] + ["version"]


def _paper() -> WorkingPaper:
    return WorkingPaper(committee="CCPCJ", preamble=[Clause("Recalling its resolution,")],
                        operative=[Clause("Requests a report.")])


@pytest.mark.parametrize("make", [LocalDocument, SharedDocument.from_paper], ids=["local", "shared"])
def test_each_document_satisfies_the_editor_interface(make):
    document = make(_paper())
    assert isinstance(document, Document)
    for name in MEMBERS:
        declared = getattr(Document, name, None)
        if callable(declared):
            wanted = list(inspect.signature(declared).parameters)[1:]
            assert list(inspect.signature(getattr(document, name)).parameters) == wanted, name
    heard = []
    document.add_listener(lambda edit, origin: heard.append(origin))
    document.add_peer_listener(lambda peers: None)
    before = document.version
    clause = document.paper.operative[0]
    document.apply(SetText(clause.id, "Decides to act."))
    assert document.paper.operative[0].text == "Decides to act." and document.version > before
    assert document.can_undo() and document.undo() is not None
    assert document.paper.operative[0].text == "Requests a report."
    assert heard[:2] == ["local", "undo"]


def test_an_object_missing_part_of_the_interface_is_not_a_document():
    class Partial:
        paper = _paper()
        version = 0

        def apply(self, edit, coalesce=None):
            pass

    assert not isinstance(Partial(), Document)
