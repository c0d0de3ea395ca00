"""Session: what the editor is working on: the document, its files, its journal and its findings.

No Textual here: the app gives the session a `schedule(delay, callback)` for its timers. Fast
(structural) findings are recomputed after every change; findings of the model rules come from
the lint process and are dropped for any clause whose text changed since it was sent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from resedit.editor import files, journal
from resedit.editor.document import Document
from resedit.editor.outline import renumber
from resedit.model.diagnostic import Diagnostic

JOURNAL_DELAY = 0.3  # seconds from a change to the journal write (throttled, not debounced)
NLP_DELAY = 0.4  # quiet time before the paper goes to the model process


class Session:
    def __init__(self, document: Document, path: Path | None = None, lint_process=None,
                 journal_file: Path | None = None, use_journal: bool = True):
        self.document = document
        self.source = Path(path) if path else None  # the file opened (any format)
        self.path = files.native_path_for(self.source)  # where Save writes
        self._owned = {self.source.resolve()} if self.source else set()
        self.lint_process = lint_process
        self.notes_on_open: list[str] = []  # the reader's notes on the file, shown when it opens
        self.fast: list[Diagnostic] = []
        self.checked = None  # the last fast run (resedit.lint.pipeline.Checked): body, sponsorship
        self._checked_version = -1
        self.fast_error = ""
        self.nlp: list[Diagnostic] = []
        self._nlp_texts: dict[str, str] = {}  # clause id -> text the model findings were about
        self._sent: dict[int, dict[str, str]] = {}
        self.nlp_state = "off" if lint_process is None else "loading…"
        self.schedule: Callable[[float, Callable[[], None]], object] | None = None
        self.on_findings: Callable[[], None] | None = None
        self._journal_due = False
        self._nlp_timer = None
        self.warm = False  # rules, lint kinds and State names loaded (see warm_up)
        self.journal = None
        if use_journal:
            self.journal = journal.Journal(journal_file or journal.journal_path(self.source))

    # ---- findings ------------------------------------------------------------------------
    def warm_up(self, paper_copy) -> None:
        """Load rules, lint kinds and the State list (about a second of imports and parsing) on a
        worker thread after the first paint, linting a copy of the paper; then `warm` is set and
        the UI thread's linting is milliseconds."""
        import resedit.model.edits  # noqa: F401  (the first edit then costs no import)
        from resedit.editor.findings import lint_fast

        renumber(paper_copy)
        lint_fast(paper_copy).sponsorship  # noqa: B018  (the State list loads here, not on a key)
        self.warm = True

    def relint_fast(self) -> None:
        renumber(self.document.paper)
        if not self.warm:
            return
        from resedit.editor.findings import lint_fast
        try:
            self.checked, self._checked_version = lint_fast(self.document.paper), self.document.version
            self.fast = self.checked.findings
            self.fast_error = ""
        except Exception as exc:  # a broken rule must not take the editor down
            self.checked, self.fast, self.fast_error = None, [], f"linter error: {exc}"

    def findings(self) -> list[Diagnostic]:
        paper = self.document.paper
        fresh = []
        for d in self.nlp:
            clause_id = d.location.clause_id
            if clause_id is None:
                fresh.append(d)
                continue
            clause = paper.find(clause_id)
            if clause is not None and clause.text == self._nlp_texts.get(clause_id):
                fresh.append(d)
        return self.fast + fresh

    def model_state(self) -> str:
        if not self.warm:
            return "checking…"
        return self.fast_error or self.nlp_state

    def request_nlp(self) -> None:
        if self.lint_process is None or self.lint_process.failed:
            return
        from resedit.formats.native import paper_to_dict

        paper = self.document.paper
        version = self.document.version
        self._sent[version] = {c.id: c.text for _, _, _, c in paper.clauses()}
        for old in [v for v in self._sent if v < version - 20]:
            del self._sent[old]
        self.lint_process.request(version, paper_to_dict(paper), len(self._sent[version]))
        if self.lint_process.ready:
            self.nlp_state = "checking…"
            if self.on_findings:
                self.on_findings()

    def lint_event(self, kind: str, payload) -> None:
        """From the lint process (handed to the UI thread as one message by the app)."""
        if kind == "ready":
            self.nlp_state = "ready"
            self.request_nlp()
        elif kind == "down":  # died, hung or answered garbage: restarting in the background
            self.nlp_state = f"restarting: {payload}"
        elif kind == "failed":
            self.nlp_state = f"off: {payload}"
        elif kind == "error":
            self.nlp_state = "ready (one check failed)"
        elif kind == "result":
            version, found = payload
            texts = self._sent.get(version)
            if texts is None:
                return
            self.nlp, self._nlp_texts = found, texts
            self.nlp_state = "ready" if version == max(self._sent) else "checking…"

    # ---- change handling -----------------------------------------------------------------
    def changed(self) -> None:
        """Called on every document change: journal soon, model lint after a quiet moment."""
        if self.schedule is None:
            return
        if self.journal is not None and not self._journal_due:
            self._journal_due = True
            self.schedule(JOURNAL_DELAY, self.write_journal)
        if self.lint_process is not None and not self.lint_process.failed:
            if self._nlp_timer is not None:
                self._nlp_timer.stop()
            self._nlp_timer = self.schedule(NLP_DELAY, self.request_nlp)

    def write_journal(self) -> None:
        self._journal_due = False
        if self.journal is not None and self.document.dirty:
            self.journal.write(journal.encode(self.document.paper, self.source))

    def recovery(self):
        """(paper, written at) when the journal holds work that differs from the file, else None."""
        if self.journal is None or not self.journal.path.is_file():
            return None
        found = journal.read_journal(self.journal.path)
        if found is None:
            return None
        paper, at, _ = found
        if paper == self.document.paper:
            self.journal.discard()
            return None
        return paper, at

    # ---- files ---------------------------------------------------------------------------
    @staticmethod
    def save_target(path: Path) -> Path:
        """Where saving under `path` writes: always the native format."""
        path = Path(path)
        return path if path.suffix == files.NATIVE_SUFFIX else path.with_suffix(files.NATIVE_SUFFIX)

    def owns(self, path: Path) -> bool:
        """The file this session opened, or one it has written: saving may replace it."""
        return Path(path).resolve() in self._owned

    def save(self, path: Path | None = None) -> Path:
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name yet")
        target = self.save_target(target)
        files.save(self.document.paper, target)
        self._owned.add(target.resolve())
        self.document.mark_saved()
        if self.journal is not None:
            self.journal.discard()
            new_path = journal.journal_path(target)
            if new_path != self.journal.path:
                self.journal.close()
                self.journal = journal.Journal(new_path)
        self.path = target
        if self.source is None or self.source.suffix == files.NATIVE_SUFFIX:
            self.source = target
        return target

    def export(self, path: Path) -> Path:
        files.export(self.document.paper, Path(path))
        return Path(path)

    def display_name(self) -> str:
        peers = self.peers_line()
        if peers:
            read_only = " (read only)" if getattr(self.document, "read_only", False) else ""
            return peers + read_only
        return self.path.name if self.path else "new paper (not saved yet)"

    def peer_clauses(self) -> set[str]:
        """Clauses other co-drafters are on (documents without peers: none)."""
        return {p.clause for p in getattr(self.document, "peers", []) if getattr(p, "clause", None)}

    def peers_line(self) -> str:
        peers = getattr(self.document, "peers", None)
        if peers is None:
            return ""
        names = ", ".join(p.name for p in peers[:3]) + ("…" if len(peers) > 3 else "")
        return f"{len(peers)} co-drafting: {names}" if peers else "co-drafting: alone"

    def committee_code(self) -> str:
        paper = self.document.paper
        if not paper.committee:
            return "committee?"
        if not self.warm:
            return paper.committee[:20]
        checked = self._current()
        if checked is not None:
            return checked.committee.code
        from resedit.lint.body import choose_body
        return choose_body(paper).code

    def backers(self) -> tuple[str, bool | None]:
        paper = self.document.paper
        try:
            if not self.warm:
                raise RuntimeError("not loaded yet")
            checked = self._current()
            if checked is not None:
                analysis = checked.sponsorship
            else:
                from resedit.lint.body import choose_body
                from resedit.sponsorship.analysis import analyse
                analysis = analyse(paper, choose_body(paper))
        except Exception:
            return f"{len(paper.sponsors)} sp + {len(paper.signatories)} sig", None
        need = analysis.requirement.required
        return (f"{len(analysis.sponsors)} sp + {len(analysis.signatories)} sig / {need} needed",
                analysis.met)

    def _current(self):
        """The last fast check when the paper has not changed since (its body and sponsorship)."""
        if self.checked is not None and self._checked_version == self.document.version \
                and self.checked.paper is self.document.paper:
            return self.checked
        return None

    def close(self, discard_journal: bool = False) -> None:
        if self.journal is not None:
            if discard_journal:
                self.journal.discard()
            else:
                self.write_journal()
            self.journal.close()
            self.journal = None  # closing twice (quit, then unmount) must not write it back
        if self.lint_process is not None:
            self.lint_process.stop()
