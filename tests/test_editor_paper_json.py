"""The editor's clause-by-clause JSON (journal and model requests) says exactly what
paper_to_dict says, before and after edits, for any text."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from resedit.editor import journal
from resedit.editor.paper_json import PaperJson
from resedit.formats import read_paper
from resedit.formats.native import paper_to_dict
from resedit.model.paper import Clause, HistoryEntry, WorkingPaper


def test_the_example_paper_and_its_edits(paper_file):
    paper = read_paper(paper_file)
    paper.history.append(HistoryEntry("2026-01-01T00:00:00Z", "Ana", "add", "Chile", "signatory"))
    paper.suppressions.append(("STY001", paper.operative[0].id))
    paper.notes.append("a note with “quotes” and \\ backslash")
    encoder = PaperJson()
    assert json.loads(encoder.paper(paper)) == paper_to_dict(paper)
    paper.operative[1].children[0].text += " and report"  # a sub-clause changes
    paper.operative.insert(0, Clause("Urges States to act;"))
    del paper.preamble[1]
    assert json.loads(encoder.paper(paper)) == paper_to_dict(paper)
    written = encoder.document(journal.fields(paper_file), paper).encode("utf-8")
    path = paper_file.with_name("journal")
    path.write_bytes(written)
    recovered, _, source = journal.read_journal(path)  # what recovery reads back
    assert recovered == paper and source == str(paper_file)
    data = json.loads(written)
    assert data["journal"] == 1 and data["source"] == str(paper_file)
    assert data["paper"] == paper_to_dict(paper)


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXT, st.lists(TEXT, max_size=3)), max_size=6), TEXT, TEXT)
def test_any_text_encodes_as_json_does(clauses, topic, sponsor):
    paper = WorkingPaper(topic=topic, sponsors=[sponsor],
                         operative=[Clause(t, [Clause(k) for k in kids]) for t, kids in clauses])
    encoder = PaperJson()
    first = encoder.paper(paper)
    assert "\n" not in first  # one line: the lint process reads requests line by line
    assert json.loads(first) == paper_to_dict(paper)
    for clause in paper.operative:
        clause.text = clause.text[::-1]
    assert json.loads(encoder.paper(paper)) == paper_to_dict(paper)
