"""The editor's Textual-free core: document undo/redo, structural operations, journal, phrases."""
from __future__ import annotations

import copy

from resedit.editor import journal, outline, phrases
from resedit.editor.document import LocalDocument
from resedit.model.diagnostic import Diagnostic, Location
from resedit.model.edits import SetText
from resedit.model.paper import Clause, WorkingPaper
from resedit.tui.placing import apply_suggestion


def paper() -> WorkingPaper:
    return WorkingPaper(
        committee="Commission on Crime Prevention and Criminal Justice", topic="Trafficking",
        opening="The Commission on Crime Prevention and Criminal Justice,",
        preamble=[Clause("Recalling its resolution 27/2,"), Clause("Noting the report,")],
        operative=[Clause("Urges Member States to:", [Clause("Strengthen laws;"), Clause("Train judges;")]),
                   Clause("Requests a report.")])


def texts(p: WorkingPaper) -> list[str]:
    return [f"{r.label}{r.text}" for r in outline.clause_rows(p)]


def test_labels_follow_position_and_undo_restores_every_structural_edit():
    doc = LocalDocument(paper())
    original = copy.deepcopy(doc.paper)
    assert texts(doc.paper)[2:] == ["1.Urges Member States to:", "(a)Strengthen laws;",
                                    "(b)Train judges;", "2.Requests a report."]
    train = doc.paper.operative[0].children[1].id
    doc.apply(outline.outdent(doc.paper, train))  # (b) becomes operative 2
    assert texts(doc.paper)[4:] == ["2.Train judges;", "3.Requests a report."]
    doc.apply(outline.move(doc.paper, train, +1))
    assert texts(doc.paper)[-1] == "3.Train judges;"
    doc.apply(outline.indent(doc.paper, train))  # sub-clause of "Requests a report."
    assert texts(doc.paper)[-1] == "(a)Train judges;"
    edit, new_id = outline.split(doc.paper, doc.paper.preamble[0].id, len("Recalling"))
    doc.apply(edit)
    assert [c.text for c in doc.paper.preamble][:2] == ["Recalling", "its resolution 27/2,"]
    merged, target, offset = outline.merge_into_previous(doc.paper, new_id)
    doc.apply(merged)
    assert doc.paper.preamble[0].text == "Recalling its resolution 27/2," and offset == len("Recalling ")
    first_op = doc.paper.operative[0].id
    doc.apply(outline.move(doc.paper, first_op, -1))  # top of the operative part -> preamble
    assert doc.paper.preamble[-1].id == first_op
    while doc.undo() is not None:
        pass
    assert doc.paper == original
    while doc.redo() is not None:
        pass
    assert doc.paper.preamble[-1].id == first_op


def test_typing_coalesces_into_one_undo_step_and_listeners_hear_every_change():
    doc = LocalDocument(paper())
    heard = []
    doc.add_listener(lambda edit, origin: heard.append(origin))
    cid = doc.paper.preamble[1].id
    for text in ("N", "No", "Not"):
        doc.apply(SetText(cid, text), coalesce=("text", cid))
    assert doc.dirty and heard == ["local"] * 3
    doc.undo()
    assert doc.paper.preamble[1].text == "Noting the report,"
    assert heard[-1] == "undo"
    doc.mark_saved()
    assert not doc.dirty


def test_edge_operations_refuse_instead_of_breaking():
    p = paper()
    assert outline.indent(p, p.preamble[0].id) is None  # nothing above to nest under
    assert outline.outdent(p, p.preamble[0].id) is None
    assert outline.move(p, p.operative[-1].id, +1) is None
    assert outline.merge_into_previous(p, p.preamble[0].id) is None


def test_apply_suggestion_replaces_the_span_and_nothing_else():
    def finding(start, end, suggestion):
        return Diagnostic("X", "x", "opener", "error", "", Location("operative", 1, start=start, end=end),
                          suggestions=[suggestion])
    assert apply_suggestion("Urging States to act;", finding(0, 6, "Urges")) == "Urges States to act;"
    assert apply_suggestion("Urges States to act,", finding(19, 20, ";")) == "Urges States to act;"
    assert apply_suggestion("Urges States to act", finding(19, 19, ".")) == "Urges States to act."
    # No span: the suggestion names something the editor sets itself (a number), not clause text.
    assert apply_suggestion("Urges States to act;", finding(None, None, "3.")) is None


def test_opener_completion_from_the_lexicon_for_each_part():
    assert phrases.phrases("operative") and phrases.phrases("preamble")
    assert ("Enc" + phrases.complete("operative", "Enc")).startswith("Encourages")
    assert phrases.complete("preamble", "Recal") == "ling"
    assert phrases.complete("operative", "Bear") == ""  # not an operative opener
    assert phrases.complete("preamble", "Bear") == "ing in mind"
    assert phrases.complete("operative", "Urges Member") == ""  # past the opener: no completion


def test_journal_writes_atomically_in_the_background(tmp_path, monkeypatch):
    import threading

    path = journal.journal_path(tmp_path / "p.resedit")
    assert path.name == ".p.resedit.resedit-journal"
    writer = journal.Journal(path)
    p = paper()
    # The caller never waits for the disk: with the write (and its fsync) held back, write()
    # still returns; the timer only keeps a regression from hanging the suite.
    release, real_write = threading.Event(), journal.atomic_write
    monkeypatch.setattr(journal, "atomic_write", lambda *a: (release.wait(), real_write(*a)))
    failsafe = threading.Timer(10, release.set)
    failsafe.start()
    writer.write(journal.encode(p, tmp_path / "p.resedit"))
    returned_before_the_disk = not release.is_set()
    release.set()
    failsafe.cancel()
    assert returned_before_the_disk
    writer.flush()
    back, at, source = journal.read_journal(path)
    assert back == p and source.endswith("p.resedit") and at
    assert not list(tmp_path.glob("*.tmp"))
    writer.discard()
    assert not path.exists()
    writer.close()
