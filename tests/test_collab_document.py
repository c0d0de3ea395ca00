"""Co-drafting without the network: offsets, order keys, the CRDT schema and SharedDocument."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pycrdt import Doc, Text

from resedit.collab.document import ReadOnlyError, SharedDocument
from resedit.collab.offsets import byte_offset, set_text, splice
from resedit.collab.order import key_between, keys_for_insert
from resedit.formats import read_paper
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
)
from resedit.model.edits import apply as model_apply
from resedit.model.paper import Clause, HistoryEntry, WorkingPaper
from resedit.sponsorship.changes import Refused

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"
UNICODE = ["é", "😀", "Türkiye", "ñ", "e\u0301", "🇧🇷", "中文", "—", " "]


def paper() -> WorkingPaper:
    return WorkingPaper(
        code="CCPCJ/1/1", committee="Commission", topic="Trafficking", opening="The Commission,",
        sponsors=["Brazil", "Côte d'Ivoire"], signatories=["Türkiye"],
        preamble=[Clause("Recalling its résolution 27/2,"), Clause("Deeply concerned 😀 by,")],
        operative=[Clause("Urges Member States to:", [Clause("Strengthen ...;"), Clause("Consider ...;")]),
                   Clause("Requests the Office.")])


# -- offsets -----------------------------------------------------------------------------
def test_byte_offsets_count_utf8_bytes():
    assert byte_offset("héllo", 2) == 3
    assert byte_offset("a😀b", 2) == 5
    with pytest.raises(IndexError):
        byte_offset("ab", 3)


def pieces(max_size: int) -> st.SearchStrategy[str]:
    """Strings made of ASCII letters, accents, combining marks, emoji (flags too) and CJK."""
    return st.lists(st.sampled_from(list("ab ") + UNICODE), max_size=max_size).map("".join)


@given(pieces(12), pieces(12))
@settings(max_examples=150, deadline=None)
def test_set_text_turns_any_text_into_any_other(old, new):
    doc = Doc()
    text = doc.get("t", type=Text)
    text += old
    start, end, inserted = splice(old, new)
    assert old[:start] + inserted + old[end:] == new
    with doc.transaction():
        set_text(text, new)
    assert str(text) == new


def test_set_text_changes_only_the_middle_so_concurrent_typing_survives():
    a, b = Doc(), Doc()
    a.get("t", type=Text).insert(0, "Urges 😀 States")
    b.apply_update(a.get_update())
    with a.transaction():
        set_text(a.get("t", type=Text), "Urges 😀 all States")
    with b.transaction():
        set_text(b.get("t", type=Text), "Urges 😀 States, é")
    a.apply_update(b.get_update())
    b.apply_update(a.get_update())
    assert str(a.get("t", type=Text)) == str(b.get("t", type=Text)) == "Urges 😀 all States, é"


def test_a_lone_surrogate_is_refused_before_touching_the_text():
    doc = Doc()
    text = doc.get("t", type=Text)
    text += "abc"
    with pytest.raises(UnicodeEncodeError), doc.transaction():
        set_text(text, "ab\ud800c")
    assert str(text) == "abc"


# -- order keys --------------------------------------------------------------------------
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=60))
@settings(max_examples=60, deadline=None)
def test_order_keys_keep_any_insertion_order(positions):
    keys: list[str] = []
    for position in positions:
        index = position % (len(keys) + 1)
        key, rekeyed = keys_for_insert(keys, index)
        assert not rekeyed
        keys.insert(index, key)
        assert keys == sorted(keys) and len(set(keys)) == len(keys)
        assert not key.endswith("0")


def test_order_keys_break_ties_left_by_concurrent_inserts():
    keys = ["a", "k", "k", "k", "m"]
    key, rekeyed = keys_for_insert(keys, 2)
    for index, fresh in rekeyed.items():
        keys[index] = fresh
    keys.insert(2, key)
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    with pytest.raises(ValueError):
        key_between("b", "a")


# -- schema and SharedDocument ---------------------------------------------------------------
def test_a_paper_round_trips_through_the_crdt():
    for original in (paper(), read_paper(EXAMPLE)):
        assert SharedDocument.from_paper(original).paper == original


def test_each_edit_matches_the_model_and_undo_restores_the_paper():
    original = paper()
    shared = SharedDocument.from_paper(original)
    reference = copy.deepcopy(original)
    op = original.operative
    edits = [SetText(original.preamble[1].id, "Deeply concerned 😀😀 by the émigrés,"),
             MoveClause(op[0].children[1].id, "operative", None, 0),
             DeleteClause(op[1].id),
             InsertClause("operative", op[0].id, 1, Clause("Ñew ✓;", [Clause("deeper 中文")])),
             SetList("sponsors", ("Chile", "Brazil")), SetField("topic", "Tráfico"),
             Batch((SetText(original.preamble[0].id, "Recalling"),
                    MoveClause(original.preamble[0].id, "preamble", None, 1)))]
    for edit in edits:
        model_apply(reference, edit)
        shared.apply(edit)
        assert shared.paper == reference
    while shared.can_undo():
        shared.undo()
    assert shared.paper == original


def test_invalid_edits_raise_and_change_nothing():
    shared = SharedDocument.from_paper(paper())
    before = shared.doc.get_update()
    with pytest.raises(EditError):
        shared.apply(SetText("nope", "x"))
    with pytest.raises(EditError):
        shared.apply(Batch((SetText(shared.paper.preamble[0].id, "changed"), DeleteClause("nope"))))
    assert shared.doc.get_update() == before


def test_read_only_copies_refuse_edits():
    shared = SharedDocument.from_paper(paper())
    dais = SharedDocument(role="read")
    dais.apply_remote(shared.doc.get_update())
    with pytest.raises(ReadOnlyError):
        dais.apply(SetText(dais.paper.preamble[0].id, "x"))
    with pytest.raises(ReadOnlyError):
        dais.sign("Chile")


def test_listeners_hear_local_and_remote_changes():
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    b.apply_remote(a.doc.get_update())
    heard = []
    b.add_listener(lambda edit, origin: heard.append((edit, origin)))
    queued: list[bytes] = []
    a.add_update_listener(lambda update, origin: queued.append(update))  # relay outside the observer
    clause = a.paper.operative[1]
    a.apply(SetText(clause.id, "Requests the Office 😀."))
    for update in queued:
        b.apply_remote(update)
    assert heard[-1][1] == "remote"
    assert heard[-1][0] == Batch(())  # "re-read the paper": an editor must not jump to it
    assert b.remote_hints == Batch((SetText(clause.id, "Requests the Office 😀."),))
    assert b.paper == a.paper


def _sync(*docs: SharedDocument) -> None:
    for source in docs:
        for target in docs:
            if source is not target:
                target.apply_remote(source.doc.get_update(target.doc.get_state()))


def test_a_delete_racing_an_edit_keeps_the_edit_visible():
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    _sync(a, b)
    target = a.paper.operative[1].id
    a.apply(DeleteClause(target))
    b.apply(SetText(target, "Requests the Office, urgently 🙂."))
    _sync(a, b)
    assert a.paper == b.paper
    assert a.paper.find(target).text == "Requests the Office, urgently 🙂."
    # A delete of what one saw, with nothing racing it, stays deleted.
    a.apply(DeleteClause(target))
    _sync(a, b)
    assert b.paper.find(target) is None and target in dict(b.deleted_clauses())


def test_a_sub_clause_added_under_a_deleted_clause_keeps_its_parent():
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    _sync(a, b)
    parent = a.paper.operative[0]
    a.apply(DeleteClause(parent.id))
    b.apply(InsertClause("operative", parent.id, 2, Clause("Protect victims 🙏;")))
    _sync(a, b)
    assert a.paper == b.paper
    shown = a.paper.find(parent.id)
    assert [c.text for c in shown.children] == ["Protect victims 🙏;"]


def test_concurrent_moves_into_each_other_do_not_lose_either_clause():
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    _sync(a, b)
    first, second = (c.id for c in a.paper.operative)
    a.apply(MoveClause(first, "operative", second, 0))
    b.apply(MoveClause(second, "operative", first, 0))
    _sync(a, b)
    assert a.paper == b.paper
    ids = [c.id for _, _, _, c in a.paper.clauses()]
    assert first in ids and second in ids


def test_concurrent_moves_of_one_clause_keep_edits_to_it():
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    _sync(a, b)
    moved = a.paper.preamble[0].id
    a.apply(MoveClause(moved, "preamble", None, 1))
    b.apply(SetText(moved, "Recalling its résolution 27/2 and 😀,"))
    _sync(a, b)
    assert a.paper == b.paper
    assert [c.text for c in a.paper.preamble][1] == "Recalling its résolution 27/2 and 😀,"


def test_signing_is_recorded_with_who_and_history():
    shared = SharedDocument.from_paper(paper(), who="Chile delegate")
    assert shared.host_sign("Kenya", "Kenya delegate") == "Kenya"
    with pytest.raises(Refused, match="Kenya is already a signatory"):
        shared.host_sign("Kenya", "again")
    with pytest.raises(Refused, match="Brazil is already a sponsor"):
        shared.host_sign("Brazil", "a sponsor")
    assert shared.paper.signatories == ["Türkiye", "Kenya"]
    assert shared.paper.history[-1].state == "Kenya" and shared.paper.history[-1].who == "Kenya delegate"


def test_signing_applies_the_sponsors_command_name_rules():
    shared = SharedDocument.from_paper(paper(), who="Chile delegate")
    before = shared.paper
    with pytest.raises(Refused, match="Lithuania"):  # misspelt: refused with the suggestion
        shared.host_sign("Lituania", "Ghana")
    with pytest.raises(Refused):
        shared.host_sign("Atlantis", "Ghana")
    assert shared.paper == before
    assert shared.host_sign("  lithuania ", "Ghana") == "Lithuania"  # normalised to the official name
    with pytest.raises(Refused, match="already a signatory"):
        shared.host_sign("Lithuania", "Kenya")
    with pytest.raises(Refused, match="Türkiye is already a signatory"):
        shared.sign("Turkey")  # an editor signing locally goes through the same rules
    assert shared.paper.signatories == ["Türkiye", "Lithuania"]
    assert [(h.state, h.who) for h in shared.paper.history[len(before.history):]] == [("Lithuania", "Ghana")]


@st.composite
def edit_for(draw, shared: SharedDocument):
    current = shared.paper
    clauses = [(part, path, c) for part, _, path, c in current.clauses()]
    choice = draw(st.sampled_from(["text", "text", "insert", "delete", "move", "field", "list", "history", "batch"]))
    words = pieces(4)
    if choice == "text" and clauses:
        _, _, clause = draw(st.sampled_from(clauses))
        i = draw(st.integers(0, len(clause.text)))
        return SetText(clause.id, clause.text[:i] + draw(words) + clause.text[i + draw(st.integers(0, 2)):])
    if choice == "insert" or not clauses:
        part = draw(st.sampled_from(["preamble", "operative"]))
        return InsertClause(part, None, draw(st.integers(0, len(current.part(part)))), Clause(draw(words)))
    if choice == "delete":
        return DeleteClause(draw(st.sampled_from(clauses))[2].id)
    if choice == "move":
        _, _, clause = draw(st.sampled_from(clauses))
        part = draw(st.sampled_from(["preamble", "operative"]))
        siblings = [c for c in current.part(part) if c.id != clause.id]
        return MoveClause(clause.id, part, None, draw(st.integers(0, len(siblings))))
    if choice == "field":
        return SetField(draw(st.sampled_from(["code", "topic"])), draw(words))
    if choice == "list":
        return SetList("sponsors", tuple(draw(st.lists(st.sampled_from(["Brazil", "Chile", "Kenya", "Türkiye"]),
                                                        unique=True, max_size=3))))
    if choice == "history":
        if current.history and draw(st.booleans()):
            return DropHistory(draw(st.sampled_from(current.history)))
        entry = HistoryEntry(f"2026-11-28T15:0{draw(st.integers(0, 2))}:00Z", "ana", "add",
                             draw(st.sampled_from(["Kenya", "Türkiye"])), "sponsor", draw(words))
        return AppendHistory(entry, draw(st.none() | st.integers(0, len(current.history))))
    part, _, clause = draw(st.sampled_from(clauses))
    return Batch((SetText(clause.id, clause.text + "!"), SetField("topic", "😀")))


@given(st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_edit_sequence_matches_the_model(data):
    shared = SharedDocument.from_paper(paper())
    reference = copy.deepcopy(shared.paper)
    for _ in range(data.draw(st.integers(1, 12))):
        edit = data.draw(edit_for(shared))
        model_apply(reference, edit)
        shared.apply(edit)
        assert shared.paper == reference
    replica = SharedDocument()
    replica.apply_remote(shared.doc.get_update())
    assert replica.paper == reference


def test_a_cursor_follows_remote_changes_around_it():
    from resedit.model.text_change import shift_offset

    old = "Children, [Brazil é]"
    new = "Children, [Việt Nam 😀] [Chile ñ] [Brazil é]"
    assert shift_offset(old, new, len(old)) == len(new)  # still at the end of one's own words
    assert shift_offset(old, new, 3) == 3  # before the change: unmoved
    assert shift_offset("abcdef", "abXYZef", 3) == 5  # inside a replaced stretch: after the new text
    assert shift_offset("abc", "abc", 2) == 2


def test_the_collab_package_never_loads_textual_or_spacy():
    import subprocess
    import sys

    code = ("import sys, resedit.collab.host, resedit.collab.client, resedit.collab.merge, resedit.commands.host, "
            "resedit.commands.join, resedit.commands.merge\n"
            "print(sorted(m for m in ('textual', 'spacy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_copy_merges_updates_per_flush_compacts_in_one_transaction_and_reloads(tmp_path, monkeypatch):
    from resedit.collab import store as store_module
    from resedit.collab.store import CopyStore, Persister

    monkeypatch.setattr(store_module, "COMPACT_AFTER_ROWS", 5)
    copy_store = CopyStore(tmp_path / "p.collab")
    shared = SharedDocument.from_paper(paper())
    copy_store.replace(shared.doc.get_update())
    persister = Persister(shared, copy_store)
    clause = shared.paper.operative[1].id
    for flush in range(12):
        for key in range(20):  # 20 keystrokes, one row
            shared.apply(SetText(clause, shared.paper.find(clause).text + f"{flush}.{key}é😀 "))
        persister.flush_now()
        assert copy_store.rows() <= 5
    copy_store.close()
    reloaded = CopyStore(tmp_path / "p.collab").load()
    assert reloaded.paper == shared.paper


def test_a_copy_made_by_another_engine_or_format_is_refused_with_a_clear_message(tmp_path):
    import sqlite3

    from resedit.collab.link import LinkError
    from resedit.collab.store import CopyStore

    CopyStore(tmp_path / "p.collab").close()
    with sqlite3.connect(tmp_path / "p.collab") as db:
        db.execute("UPDATE meta SET value = 'pycrdt 0.99.0' WHERE key = 'engine'")
    with pytest.raises(LinkError, match="same resedit release"):
        CopyStore(tmp_path / "p.collab")
    (tmp_path / "not.collab").write_text("hello")
    with pytest.raises(Exception, match="not a resedit co-drafting copy"):
        CopyStore(tmp_path / "not.collab")


def test_values_that_break_the_schema_never_break_the_paper():
    from pycrdt import Map

    shared = SharedDocument.from_paper(paper())
    clauses = shared.doc.get("clauses", type=Map)
    target = shared.paper.operative[1].id
    with shared.doc.transaction():
        clauses["junk"] = 5
        clauses["odd"] = Map({"place": "nowhere", "body": 7, "deleted": 3})
        clauses[target]["body"] = "a plain string, not a Text"
        shared.doc.get("sponsors", type=Map)["Chile"] = "not a dict"
        shared.doc.get("meta", type=Map)["topic"] = 12
    replica = SharedDocument()
    replica.apply_remote(shared.doc.get_update())
    assert replica.paper.topic == "12.0" and "Chile" in replica.paper.sponsors  # shown, not a crash
    assert replica.paper.find(target).text == "a plain string, not a Text"
    replica.apply(SetText(target, "Requests again é."))
    replica.apply(SetList("sponsors", ("Chile", "Brazil")))
    assert replica.paper.find(target).text == "Requests again é."


def test_undo_in_a_shared_clause_undoes_only_ones_own_words():
    from resedit.collab.offsets import rebase

    assert rebase("abc", "abcX", "Zabc") == "ZabcX"
    assert rebase("abcX", "abc", "ZabcX") == "Zabc"
    assert rebase("abc", "aXc", "abcZ") == "aXcZ"
    assert rebase("abc", "aXc", "aYc") == "aXc"  # the same letter changed by both: one's own wins
    a = SharedDocument.from_paper(paper())
    b = SharedDocument()
    _sync(a, b)
    clause = a.paper.operative[1].id
    a.apply(SetText(clause, "Requests the Office, vite é."))
    _sync(a, b)
    b.apply(SetText(clause, "Also 😀 Requests the Office, vite é."))
    _sync(a, b)
    a.undo()
    assert a.paper.find(clause).text == "Also 😀 Requests the Office."
    a.redo()
    assert a.paper.find(clause).text == "Also 😀 Requests the Office, vite é."
    _sync(a, b)
    assert b.paper == a.paper


@given(pieces(6), pieces(3), pieces(3), pieces(6), st.integers(0, 6), st.integers(0, 6))
@settings(max_examples=150, deadline=None)
def test_rebase_keeps_what_others_typed_away_from_ones_own_change(text, mine_words, their_words, tail, at, their_at):
    from resedit.collab.offsets import rebase

    base = text + "|" + tail
    at, their_at = at % (len(text) + 1), their_at % (len(tail) + 1)
    mine = base[:at] + mine_words + base[at:]  # one's own words before the bar ...
    cut = len(text) + 1 + their_at
    current = base[:cut] + their_words + base[cut:]  # ... theirs after it
    assert rebase(base, mine, current) == mine[:len(mine) - len(base) + cut] + their_words + base[cut:]
    assert rebase(base, base, current) == current and rebase(base, mine, base) == mine


# -- sponsorship history in the CRDT -------------------------------------------------------------
def _entry(state: str, minute: int = 0, who: str = "ana", action: str = "add") -> HistoryEntry:
    return HistoryEntry(f"2026-11-28T15:{minute:02}:00Z", who, action, state, "sponsor")


def _sponsor(shared: SharedDocument, state: str, minute: int = 0, who: str = "ana") -> HistoryEntry:
    """What the editor's sponsors screen applies: the list and its history entry, one step."""
    entry = _entry(state, minute, who)
    shared.apply(Batch((SetList("sponsors", (*shared.paper.sponsors, state)), AppendHistory(entry))))
    return entry


def test_history_round_trips_through_the_crdt_and_undo_takes_back_name_and_entry():
    original = paper()
    original.history = [_entry("Brazil", 1), _entry("Côte d'Ivoire", 2, "bo")]
    shared = SharedDocument.from_paper(original)
    assert shared.paper == original and shared.paper.history == original.history
    entry = _sponsor(shared, "Kenya", 3)
    assert shared.paper.sponsors[-1] == "Kenya" and shared.paper.history[-1] == entry
    shared.undo()
    assert shared.paper == original
    shared.redo()
    assert shared.paper.history[-1] == entry and shared.paper.sponsors[-1] == "Kenya"
    shared.apply(DropHistory(original.history[0]))  # an older entry: its undo puts it back in place
    assert shared.paper.history == [original.history[1], entry]
    shared.undo()
    assert shared.paper.history == [*original.history, entry]
    with pytest.raises(EditError):
        shared.apply(DropHistory(_entry("Nowhere")))


def test_two_copies_sync_history_and_an_undo_drops_only_ones_own_entry():
    a = SharedDocument.from_paper(paper(), who="ana")
    b = SharedDocument(who="bo")
    _sync(a, b)
    mine = _sponsor(a, "Kenya", 1, "ana")
    theirs = _sponsor(b, "Chile", 2, "bo")  # concurrently, before either sees the other
    _sync(a, b)
    assert a.paper == b.paper
    assert sorted(e.state for e in a.paper.history) == ["Chile", "Kenya"]
    assert {"Kenya", "Chile"} <= set(a.paper.sponsors)
    merged = list(a.paper.history)
    a.undo()  # the Kenya step: its name and its entry, not bo's
    _sync(a, b)
    assert a.paper == b.paper and b.paper.history == [theirs]
    assert "Kenya" not in b.paper.sponsors
    a.redo()
    _sync(a, b)
    assert b.paper.history == merged and mine in merged and a.paper == b.paper  # back in its place
    replica = SharedDocument()
    replica.apply_remote(a.doc.get_update())  # a late joiner reads the same history
    assert replica.paper.history == a.paper.history


def test_history_edits_skip_entries_that_break_the_schema():
    from pycrdt import Array

    shared = SharedDocument.from_paper(paper())
    history = shared.doc.get("history", type=Array)
    kenya, chile = _entry("Kenya", 1), _entry("Chile", 2)
    with shared.doc.transaction():
        history.append("junk")
        history.append({"at": "x", "unknown": "field"})
    shared.apply(AppendHistory(kenya))
    with shared.doc.transaction():
        history.append(7)
    shared.apply(AppendHistory(chile, 0))  # before Kenya, among the valid entries
    assert shared.paper.history == [chile, kenya]
    shared.apply(DropHistory(kenya))
    assert shared.paper.history == [chile] and len(history) == 4  # the junk stays, unread
    shared.undo()
    shared.undo()
    assert shared.paper.history == [kenya]


def test_loading_a_recovered_paper_makes_the_shared_history_read_as_its_history():
    shared = SharedDocument.from_paper(paper())
    kept, gone = _sponsor(shared, "Kenya", 1), _sponsor(shared, "Chile", 2)
    recovered = copy.deepcopy(shared.paper)
    recovered.history = [kept, _entry("Chile", 2, action="withdraw")]
    recovered.sponsors.remove("Chile")
    shared.load(recovered)
    assert shared.paper == recovered and gone not in shared.paper.history
    replica = SharedDocument()
    replica.apply_remote(shared.doc.get_update())
    assert replica.paper.history == recovered.history


def test_signing_appends_an_entry_with_the_signers_name():
    shared = SharedDocument.from_paper(paper(), who="Chile delegate")
    assert shared.host_sign("Kenya", "Kenya delegate")
    entry = shared.paper.history[-1]
    assert (entry.who, entry.action, entry.state, entry.role) == ("Kenya delegate", "add", "Kenya", "signatory")
    assert entry.at.endswith("Z")
    shared.sign("Ghana")  # an editor signs itself, under its own name
    assert (shared.paper.history[-1].who, shared.paper.history[-1].state) == ("Chile delegate", "Ghana")
