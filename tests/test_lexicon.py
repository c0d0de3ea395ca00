"""The lexicon's lists: each entry is the right part of speech for its part (checked with the real
model), every word is one the spelling check knows, and the data files carry their sources."""
from __future__ import annotations

import datetime as dt

import pytest

from resedit import lexicon
from resedit.lint import morph

PREAMBULATORY = lexicon.phrases("preamble")
OPERATIVE = lexicon.phrases("operative")


def _head(annotation):
    """The first word after the opener's leading adverbs ("Further", "Deeply" ...)."""
    words = [t for t in annotation.tokens if not t.is_punct]
    return next(t for t in words if t.lower not in lexicon.OPENER_ADVERBS)


@pytest.mark.parametrize("phrase", OPERATIVE)
def test_operative_entries_open_with_a_third_person_present_verb(annotator, phrase):
    head = _head(annotator.annotate(phrase + " the report;"))
    assert head.tag == "VBZ", (phrase, head.text, head.tag)


@pytest.mark.parametrize("phrase", PREAMBULATORY)
def test_preambulatory_entries_open_with_a_participle_or_adjective(annotator, phrase):
    # Framed as the apposition it is in a resolution: "The Commission, mindful of ..., adopts".
    # (Parsed alone, the small model tags sentence-initial "Mindful"/"Cognizant" as nouns.)
    head = _head(annotator.annotate(", " + phrase[0].lower() + phrase[1:] + " the report, adopts the text."))
    assert head.tag in ("VBG", "VBN", "VBD", "JJ"), (phrase, head.text, head.tag)


def test_known_faults_are_gone():
    lower = {p.lower() for p in PREAMBULATORY + OPERATIVE}
    for fault in ("whereas", "calls", "draws the attention", "seized", "introduces", "repeals",
                  "with satisfaction", "expresses", "takes note", "taking note"):
        assert fault not in lower, fault
    assert {p.lower() for p in PREAMBULATORY}.isdisjoint({p.lower() for p in OPERATIVE})


def test_every_opener_word_is_known_to_the_dictionary():
    """Otherwise the misspelling check would try to 'correct' a listed word."""
    closed = {"of", "in", "to", "for", "with", "the", "its", "upon", "by", "into", "under", "out",
              "on", "that"}
    for part in ("preamble", "operative"):
        for word in lexicon.opener_words(part):
            assert word in closed or morph.is_word(word), word


def test_acronyms_and_informal_lists():
    assert "UN" in lexicon.acronyms()
    assert lexicon.informal()["kids"] == "children"
    assert lexicon.informal()["OK"] == "acceptable"


def test_spelling_exceptions_include_the_un_ones():
    rules = lexicon.spelling()
    assert {"advise", "comprise", "surprise"} <= rules.ise_exceptions
    assert rules.replacements["analyze"] == "analyse"


def test_documents_have_sources_and_consistent_dates():
    docs = lexicon.documents()
    assert docs[("GA", "78/228")].date == dt.date(2023, 12, 19)
    assert docs[("GA", "76/186")].date == dt.date(2021, 12, 16)
    assert docs[("SC", "1373")].year == 2001
    for doc in docs.values():
        assert doc.source.strip(), doc.symbol
        a, _, b = doc.number.partition("/")
        if doc.body == "GA" and doc.year:
            assert doc.year in (1945 + int(a), 1946 + int(a)), doc.symbol
        if doc.body == "ECOSOC":
            assert doc.year == int(a), doc.symbol
        if doc.body == "CCPCJ" and doc.year:
            assert doc.year == 1991 + int(a), doc.symbol  # first session 1992


def test_a_malformed_list_is_refused_with_file_and_line(tmp_path, monkeypatch):
    from resedit.errors import DataFileError

    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "operative.txt").write_text("# list\nUrges\nDecides\nurges\n", encoding="utf-8")
    monkeypatch.setenv("RESEDIT_DATA", str(tmp_path))
    lexicon.phrases.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            lexicon.phrases("operative")
        assert err.value.line == 4 and "already listed at line 2" in str(err.value)
    finally:
        monkeypatch.delenv("RESEDIT_DATA")
        lexicon.phrases.cache_clear()


def test_completion_offers_opening_phrases_only():
    assert lexicon.complete("noting with", "preamble")[:2] == ["Noting with appreciation", "Noting with approval"]
    assert lexicon.complete("Further  re", "operative") == ["Further recommends", "Further reminds",
                                                          "Further requests", "Further resolves"]
    assert lexicon.complete("", "operative") == []
