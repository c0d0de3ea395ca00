"""The per-clause caches grow to fit the paper being linted, so a long paper does not evict its own
clauses (the thrashing that made 5,000 clauses take minutes), and stay bounded."""
from __future__ import annotations

from resedit.lint import memo
from resedit.nlp import Annotator


def test_memo_keeps_a_lint_larger_than_its_floor_for_the_next_lint():
    size = memo.FLOOR + 3000
    computed = []

    def one_lint():
        with memo.run():
            for n in range(size):
                memo.memo(("test-cache", n), lambda n=n: computed.append(n) or n)

    one_lint()
    assert len(computed) == size
    one_lint()  # every answer from the memo: nothing computed again
    assert len(computed) == size
    assert memo.LIMIT <= 2 * size + memo.FLOOR  # bounded by the work, not unbounded


def test_memo_keeps_a_long_paper_through_a_small_lint_and_shrinks_after_many():
    size = memo.FLOOR + 100
    with memo.run():
        for n in range(size):
            memo.memo(("test-shrink", n), lambda: 0)
    with memo.run():  # another, small paper in between
        memo.memo(("test-shrink", "small"), lambda: 0)
    assert memo.LIMIT >= 2 * size and ("test-shrink", 0) in memo._MEMO
    for _ in range(memo.RECENT):
        with memo.run():
            memo.memo(("test-shrink", "small"), lambda: 0)
    assert memo.LIMIT == memo.FLOOR and len(memo._MEMO) <= memo.FLOOR


def test_annotator_cache_grows_to_the_batch_so_rules_never_reparse(annotator):
    small = Annotator(annotator._nlp, cache_size=2)
    texts = [f"Urges Member States to cooperate in region {n};" for n in range(6)]
    small.annotate_many(texts)
    for text in texts:  # what each rule does after the engine's batched parse
        small.annotate(text)
    assert small.parses == len(texts)
