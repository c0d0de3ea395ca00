"""The paper as JSON text (what `json.dumps(paper_to_dict(paper))` gives, as a value), encoded
clause by clause with each clause's text kept from the last time: the journal (every 0.3 s while
typing) and the lint process's requests re-encode only the clauses that changed. On a
5,000-clause paper that is a few milliseconds on the UI thread instead of ~30 ms in json's C
encoder, which holds the interpreter (and so the keys) for all of it. No Textual."""
from __future__ import annotations

import json

from resedit.formats.native import FORMAT, VERSION
from resedit.model.paper import Clause, WorkingPaper


class PaperJson:
    def __init__(self) -> None:
        self._heads: dict[tuple, str] = {}

    def paper(self, paper: WorkingPaper) -> str:
        """`paper_to_dict(paper)` as JSON text."""
        seen: dict[tuple, str] = {}
        parts = {name: "[" + ", ".join(self._clause(c, seen) for c in paper.part(name)) + "]"
                 for name in ("preamble", "operative")}
        self._heads = seen  # clauses no longer in the paper are forgotten
        dumps = json.dumps
        head = dumps({"format": FORMAT, "version": VERSION, "code": paper.code,
                      "committee": paper.committee, "topic": paper.topic,
                      "sponsors": list(paper.sponsors), "signatories": list(paper.signatories),
                      "opening": paper.opening}, ensure_ascii=False)
        tail = dumps({"history": [vars(h) for h in paper.history],
                      "suppressions": [list(s) for s in paper.suppressions],
                      "notes": list(paper.notes)}, ensure_ascii=False)
        return (f'{head[:-1]}, "preamble": {parts["preamble"]}, '
                f'"operative": {parts["operative"]}, {tail[1:]}')

    def document(self, fields: dict, paper: WorkingPaper) -> str:
        """`fields` as a JSON object with the paper under "paper"."""
        return json.dumps(fields, ensure_ascii=False)[:-1] + f', "paper": {self.paper(paper)}}}'

    def _clause(self, clause: Clause, seen: dict[tuple, str]) -> str:
        key = (clause.id, clause.text, clause.label, clause.line)
        head = self._heads.get(key)
        if head is None:
            head = json.dumps({"id": clause.id, "text": clause.text, "label": clause.label,
                               "line": clause.line}, ensure_ascii=False)[:-1] + ', "children": ['
        seen[key] = head
        return head + ", ".join(self._clause(c, seen) for c in clause.children) + "]}"
