"""resedit.model.edits: every edit applied, then its inverse, gives back the paper; Batches are all or nothing."""
from __future__ import annotations

import copy

import pytest

from resedit.model.edits import (
    AppendHistory,
    Batch,
    DeleteClause,
    DropHistory,
    EditError,
    InsertClause,
    MoveClause,
    SetField,
    SetList,
    SetText,
    apply,
)
from resedit.model.paper import Clause, HistoryEntry, WorkingPaper

KENYA = HistoryEntry("2026-11-28T14:00:00Z", "ana", "add", "Kenya", "sponsor")
CHILE = HistoryEntry("2026-11-28T14:05:00Z", "bo", "withdraw", "Chile", "signatory", "by letter")


def paper() -> WorkingPaper:
    return WorkingPaper(
        code="CCPCJ/1/1", committee="Commission", topic="Trafficking", opening="The Commission,",
        sponsors=["Brazil", "Chile"], signatories=["Türkiye"],
        preamble=[Clause("Recalling its resolution 27/2,"), Clause("Deeply concerned by,")],
        operative=[Clause("Urges Member States to:", [Clause("Strengthen ...;"), Clause("Consider ...;")]),
                   Clause("Requests the Office.")],
        history=[copy.copy(KENYA), copy.copy(CHILE)])


def _ids(p: WorkingPaper) -> list[str]:
    return [c.id for _, _, _, c in p.clauses()]


def round_trip(edit, p: WorkingPaper | None = None):
    """Apply `edit`, check it changed something, undo it, check the paper (ids too) came back; redo."""
    p = p or paper()
    before = copy.deepcopy(p)
    inverse = apply(p, edit)
    after = copy.deepcopy(p)
    assert p != before or _ids(p) != _ids(before)
    redo = apply(p, inverse)
    assert p == before and _ids(p) == _ids(before)
    apply(p, redo)
    assert p == after and _ids(p) == _ids(after)
    return inverse, after


def test_set_text_round_trips():
    p = paper()
    inverse, after = round_trip(SetText(p.preamble[0].id, "Recalling also 😀,"), p)
    assert inverse == SetText(p.preamble[0].id, "Recalling its resolution 27/2,")
    assert after.preamble[0].text == "Recalling also 😀,"


def test_insert_clause_round_trips_also_under_a_parent():
    p = paper()
    new = Clause("Protect victims;", [Clause("deeper")])
    inverse, after = round_trip(InsertClause("operative", p.operative[0].id, 1, new), p)
    assert inverse == DeleteClause(new.id)
    assert [c.text for c in after.operative[0].children] == ["Strengthen ...;", "Protect victims;", "Consider ...;"]


def test_delete_clause_round_trips_with_its_sub_clauses_in_place():
    p = paper()
    target = p.operative[0]
    inverse, after = round_trip(DeleteClause(target.id), p)
    assert inverse == InsertClause("operative", None, 0, target)
    assert [c.text for c in after.operative] == ["Requests the Office."]


def test_move_clause_round_trips_across_parts_and_levels():
    p = paper()
    moved = p.operative[0].children[1]
    inverse, after = round_trip(MoveClause(moved.id, "preamble", None, 1), p)
    assert inverse == MoveClause(moved.id, "operative", p.operative[0].id, 1)
    assert after.preamble[1].id == moved.id


def test_set_field_and_set_list_round_trip():
    inverse, after = round_trip(SetField("topic", "Tráfico"))
    assert inverse == SetField("topic", "Trafficking") and after.topic == "Tráfico"
    inverse, after = round_trip(SetList("sponsors", ("Chile", "Viet Nam")))
    assert inverse == SetList("sponsors", ("Brazil", "Chile")) and after.sponsors == ["Chile", "Viet Nam"]


def test_append_history_round_trips_and_its_inverse_drops_that_entry():
    entry = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Viet Nam", "sponsor")
    inverse, after = round_trip(AppendHistory(entry))
    assert inverse == DropHistory(entry)
    assert after.history == [KENYA, CHILE, entry]


def test_appended_entry_is_a_copy():
    p = paper()
    entry = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Viet Nam", "sponsor")
    apply(p, AppendHistory(entry))
    entry.note = "changed afterwards"
    assert p.history[-1].note == ""


def test_drop_history_round_trips_on_the_newest_entry():
    inverse, after = round_trip(DropHistory(CHILE))
    assert inverse == AppendHistory(CHILE)
    assert after.history == [KENYA]


def test_drop_history_of_an_older_entry_round_trips_to_the_same_place():
    inverse, after = round_trip(DropHistory(KENYA))
    assert inverse == AppendHistory(KENYA, 0)
    assert after.history == [CHILE]


def test_drop_history_removes_the_last_equal_entry_only():
    p = paper()
    again = copy.copy(KENYA)
    p.history.append(again)
    p.history.append(copy.copy(CHILE))
    apply(p, DropHistory(KENYA))
    assert p.history == [KENYA, CHILE, CHILE]
    assert p.history[0] is not again  # the first Kenya entry stays, the second one went


def test_drop_history_of_an_entry_that_is_not_there_is_refused():
    p = paper()
    missing = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Kenya", "sponsor")  # same but time
    with pytest.raises(EditError):
        apply(p, DropHistory(missing))
    with pytest.raises(EditError):
        apply(p, AppendHistory("Kenya added"))  # not a HistoryEntry
    assert p == paper()


def test_a_sponsor_change_batch_round_trips_as_one_step():
    p = paper()
    entry = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Viet Nam", "sponsor")
    edit = Batch((SetList("sponsors", ("Brazil", "Chile", "Viet Nam")), AppendHistory(entry)))
    inverse, after = round_trip(edit, p)
    assert inverse == Batch((DropHistory(entry), SetList("sponsors", ("Brazil", "Chile"))))
    assert after.sponsors[-1] == "Viet Nam" and after.history[-1] == entry


def test_a_mixed_batch_round_trips():
    p = paper()
    edit = Batch((SetText(p.preamble[0].id, "Recalling"), MoveClause(p.preamble[0].id, "preamble", None, 1),
                  InsertClause("operative", None, 2, Clause("Decides to remain seized.")),
                  DeleteClause(p.operative[0].children[0].id), SetField("code", "CCPCJ/1/2"),
                  SetList("signatories", ()), DropHistory(KENYA), AppendHistory(KENYA)))
    inverse, after = round_trip(edit, p)
    assert isinstance(inverse, Batch) and len(inverse.edits) == len(edit.edits)
    assert after.history == [CHILE, KENYA] and after.signatories == []
    assert inverse.edits[0] == DropHistory(KENYA) and inverse.edits[1] == AppendHistory(KENYA, 0)


@pytest.mark.parametrize("failing", [
    DeleteClause("nope"),
    DropHistory(HistoryEntry("2026-01-01T00:00:00Z", "x", "add", "Nowhere", "sponsor")),
    SetList("observers", ()),
    AppendHistory(KENYA, 5),
    SetField("sponsors", "Brazil"),
    InsertClause("operative", None, 99, Clause("too far")),
    MoveClause("nope", "operative", None, 0),
])
def test_a_failing_batch_leaves_the_paper_unchanged(failing):
    p = paper()
    before = copy.deepcopy(p)
    ids = _ids(p)
    entry = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Viet Nam", "sponsor")
    edit = Batch((SetList("sponsors", ("Viet Nam",)), AppendHistory(entry), SetText(p.preamble[0].id, "x"),
                  DropHistory(CHILE), MoveClause(p.operative[1].id, "preamble", None, 0),
                  DeleteClause(p.operative[0].id), failing))
    with pytest.raises(EditError):
        apply(p, edit)
    assert p == before and _ids(p) == ids
    assert p.history == [KENYA, CHILE]


def test_a_nested_batch_undoes_in_reverse_order():
    p = paper()
    first = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Viet Nam", "sponsor")
    second = HistoryEntry("2026-11-28T15:01:00Z", "ana", "remove", "Viet Nam", "sponsor")
    edit = Batch((Batch((SetList("sponsors", ("Brazil", "Chile", "Viet Nam")), AppendHistory(first))),
                  Batch((SetList("sponsors", ("Brazil", "Chile")), AppendHistory(second)))))
    _, after = round_trip(edit, p)
    assert after.history[-2:] == [first, second] and after.sponsors == ["Brazil", "Chile"]


def test_not_an_edit_is_a_type_error():
    with pytest.raises(TypeError):
        apply(paper(), "SetText")
