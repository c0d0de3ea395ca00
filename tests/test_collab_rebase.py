"""The pure rebase of pending typing onto someone else's change (resedit.collab.rebase)."""
from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from resedit.collab.rebase import rebase


def test_words_typed_at_the_same_spot_both_stay_whole_and_mine_come_first():
    merged = rebase("Urges States to ", "Urges States to cooperate", "Urges States to act", 25)
    assert merged.text == "Urges States to cooperate act"
    assert merged.cursor == len("Urges States to cooperate")  # the typist continues their own word


def test_changes_in_different_places_both_apply_and_the_cursor_follows_its_text():
    base = "Recalling its resolution of 2018,"
    mine = "Recalling its resolution 27/2 of 2018,"
    theirs = "Further recalling its resolution of 18 May 2018,"
    merged = rebase(base, mine, theirs, len("Recalling its resolution 27/2"))
    assert merged.text == "Further recalling its resolution 27/2 of 18 May 2018,"
    assert merged.text[:merged.cursor].endswith("27/2")


def test_text_the_other_side_inserts_inside_what_i_deleted_survives():
    merged = rebase("keep the old words here", "keep here", "keep the old new words here", 5)
    assert "new" in merged.text
    assert merged.text.startswith("keep") and merged.text.endswith("here")


def test_accented_and_wide_characters_count_as_one():
    merged = rebase("Côte d'Ivoire", "Côte d'Ivoire 🇨🇮", "République de Côte d'Ivoire", 16)
    assert merged.text == "République de Côte d'Ivoire 🇨🇮"
    assert merged.cursor == len(merged.text)


def test_nothing_changed_on_one_side_gives_the_other_side():
    assert rebase("abc", "abc", "abXc", 1).text == "abXc"
    assert rebase("abc", "abYc", "abc", 3) == rebase("abc", "abYc", "abc", 3)
    assert rebase("abc", "abYc", "abc", 3).text == "abYc"
    assert rebase("abc", "abYc", "abc", 3).cursor == 3


# -- random edit sequences --------------------------------------------------------------------

def _edit(rng: random.Random, words: list[str], tag: str, inserted: list[str]) -> None:
    """One random edit of a clause held as words: type a fresh word somewhere, or delete one."""
    if rng.random() < 0.7 or not words:
        token = f"{tag}{len(inserted)}"
        inserted.append(token)
        words.insert(rng.randint(0, len(words)), token)
    else:
        del words[rng.randrange(len(words))]


@settings(max_examples=400, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), base_words=st.integers(0, 12),
       mine_edits=st.integers(0, 8), their_edits=st.integers(0, 8))
def test_every_word_either_side_kept_is_whole_in_the_merge(seed, base_words, mine_edits, their_edits):
    rng = random.Random(seed)
    base_list = [f"b{i}" for i in range(base_words)]
    mine_list, their_list = list(base_list), list(base_list)
    mine_tokens: list[str] = []
    their_tokens: list[str] = []
    for _ in range(mine_edits):
        _edit(rng, mine_list, "m", mine_tokens)
    for _ in range(their_edits):
        _edit(rng, their_list, "t", their_tokens)
    base, mine, theirs = " ".join(base_list), " ".join(mine_list), " ".join(their_list)
    merged = rebase(base, mine, theirs, rng.randint(0, len(mine)))
    words = merged.text.split()
    for word in mine_list + their_list:
        if not word.startswith("b"):
            assert word in words, (base, mine, theirs, merged)
    for word in base_list:  # a word of the base stays unless one side deleted it
        assert (word in words) == (word in mine_list and word in their_list), (base, mine, theirs, merged)
    # Each side's own order of words is kept.
    for side in (mine_list, their_list):
        kept = [w for w in words if w in side]
        assert kept == [w for w in side if w in kept]


@settings(max_examples=300, deadline=None)
@given(base=st.text(max_size=40), mine=st.text(max_size=40), theirs=st.text(max_size=40), data=st.data())
def test_any_texts_merge_to_one_side_when_the_other_did_nothing(base, mine, theirs, data):
    cursor = data.draw(st.integers(0, len(mine)))
    assert rebase(base, mine, base, cursor).text == mine
    assert rebase(base, mine, base, cursor).cursor == cursor
    assert rebase(base, base, theirs, 0).text == theirs
    merged = rebase(base, mine, theirs, cursor)
    assert 0 <= merged.cursor <= len(merged.text)
    # Nothing in the merge that neither side has, but spaces keeping words apart.
    assert Counter(merged.text.replace(" ", "")) <= Counter(mine) + Counter(theirs)


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), before=st.text("ABCÉ,.;", max_size=30),
       after=st.text("ABCÉ,.;", max_size=30), word=st.text("abcdéf", min_size=1, max_size=12),
       other=st.text("0123", min_size=1, max_size=12))
def test_the_cursor_stays_at_the_end_of_my_typing(seed, before, after, word, other):
    """Whatever the other side typed wherever, my cursor stays right after my own word. (Next to
    equal spaces the texts alone cannot say where a space was typed: the editor passes the
    exact changes then, see test_exact_changes_say_which_of_two_equal_spaces_arrived.)"""
    rng = random.Random(seed)
    word = " " + word
    base = before + after
    mine = before + word + after
    at = rng.randint(0, len(base))
    theirs = base[:at] + other + base[at:]
    merged = rebase(base, mine, theirs, len(before) + len(word))
    assert merged.text[:merged.cursor].endswith(word)
    assert word in merged.text and other in merged.text


def test_exact_changes_say_which_of_two_equal_spaces_arrived():
    # I typed a space at the end and my cursor is after it; someone's space arrived before mine.
    base, theirs = "to: ", "to:  "
    guessed = rebase(base, base, theirs, 4)
    exact = rebase(base, base, theirs, 4, their_changes=[(3, 3, " ")])
    assert exact.text == guessed.text == theirs
    assert exact.cursor == 5  # still right after my own space, which is now the second one
    assert guessed.cursor == 4  # from the texts alone it cannot be told


def test_changes_that_do_not_fit_the_texts_are_not_trusted():
    merged = rebase("abc def", "abc def ghi", "abc XY def", 11, their_changes=[(0, 1, "Z")])
    assert merged.text == "abc XY def ghi"


def test_a_pycrdt_delta_becomes_code_point_changes():
    from pycrdt import Doc, Text

    from resedit.collab.offsets import delta_changes

    one, two = Doc(), Doc()
    text = one.get("t", type=Text)
    text += "Côte d'Ivoire 🇨🇮 et"
    two.apply_update(one.get_update())
    seen = []
    other = two.get("t", type=Text)
    subscription = other.observe(lambda event: seen.append(event.delta))  # kept: dropped, it stops
    before = str(other)
    with one.transaction():
        del text[len("Côte".encode()):len("Côte d'".encode())]
        text.insert(len("Côte".encode()), " de l'")
    two.apply_update(one.get_update(two.get_state()))
    changes = delta_changes(before, seen[0])
    after = str(other)
    other.unobserve(subscription)
    assert rebase(before, before, after, 0, their_changes=changes).text == after
    assert changes == [(4, 7, " de l'")]
