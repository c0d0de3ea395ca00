"""Session: what the editor is working on: the document, its files, its journal and its findings.

No Textual here: the app gives the session a `schedule(delay, callback)` for its timers. Fast
(structural) findings are recomputed after every change; findings of the model rules come from
the lint process and are dropped for any clause whose text changed since it was sent.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from resedit.editor import files, journal
from resedit.editor.document import Document
from resedit.editor.paper_json import PaperJson
from resedit.formats.labels import renumber
from resedit.model.diagnostic import Diagnostic
from resedit.model.paper import WorkingPaper

JOURNAL_DELAY = 0.3  # seconds from a change to the journal write (throttled, not debounced)
NLP_DELAY = 0.4  # quiet time before the paper goes to the model process
# The structural lint takes ~0.05 ms a clause once its per-clause analyses are cached: on the UI
# thread up to this many clauses (~50 ms); a bigger paper is linted on a worker thread from a
# snapshot once typing pauses, so a key press never waits for it. A count, not a measured time:
# a loaded machine must not change how the editor behaves.
BIG_PAPER = 1000
FAST_QUIET = 0.3  # seconds without a change before a big paper is checked


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
        # the app's: run a callable on a worker thread / hand (kind, payload) to the UI thread
        self.background: Callable[[Callable[[], None]], None] | None = None
        self.post: Callable[[str, object], None] | None = None
        self.on_findings: Callable[[], None] | None = None
        self.fast_cost: float | None = None  # seconds the last structural lint took
        self._fast_texts: dict[str, str] | None = None  # what a background lint saw
        self._fast_running = False
        self._fast_again = False
        self._fast_timer = None
        self._json = PaperJson()  # journal and model requests: only changed clauses re-encoded
        self._findings_key: tuple | None = None
        self._lint_gen = 0  # counts new sets of findings
        self._findings: list[Diagnostic] = []
        self._journal_due = False
        self._nlp_timer = None
        self.warm = False  # rules, lint kinds and State names loaded (see warm_up)
        self.journal = None
        if use_journal:
            self.journal = journal.Journal(journal_file or journal.journal_path(self.source))

    # ---- findings ------------------------------------------------------------------------
    def warm_up(self, paper_copy) -> None:
        """Load rules, lint kinds, the State list and the spelling check's word lists (a second
        or two of imports and parsing) on a worker thread after the first paint, linting a copy
        of the paper; then `warm` is set and the UI thread's linting is milliseconds (the first
        word typed used to load the spelling check there: a 1.2 s freeze)."""
        import gc

        import resedit.model.edits  # noqa: F401  (the first edit then costs no import)
        from resedit.editor.findings import lint_fast
        from resedit.lint import spelling
        from resedit.lint.engine import collector_paused

        # What loads here lives as long as the editor. The collector is paused while it loads (its
        # full passes over a 5,000-clause paper and the word lists held the interpreter 30-45 ms,
        # keys waiting), then the loaded objects are frozen out of its later full passes until
        # close() (with the pause alone, keys still waited up to 80 ms after the loading).
        with collector_paused():
            try:
                renumber(paper_copy)
                lint_fast(paper_copy).sponsorship  # noqa: B018  (the State list loads here, not on a key)
                spelling.prepare()
            finally:
                gc.freeze()
        self.warm = True

    def relint_fast(self) -> None:
        """Structural findings for the paper as it is now: at once when that is cheap, else from
        a worker thread (the result arrives through `post` as kind "fast")."""
        if not self.warm:
            return
        paper = self.document.paper
        if self.background is not None and self.post is not None and self.is_big():
            # a big paper: checked once typing pauses (a check running meanwhile would compete
            # with the keys for the interpreter), one check at a time
            if self._fast_timer is not None:
                self._fast_timer.stop()
            self._fast_timer = self.schedule(FAST_QUIET, self._relint_in_background)
            return
        checked, error, cost, _ = self._lint_copy(paper)
        self._took(checked, error, cost, None, self.document.version)

    def is_big(self) -> bool:
        def count(clauses) -> int:  # cheaper than paper.clauses(), which builds a path per clause
            return len(clauses) + sum(count(c.children) for c in clauses if c.children)

        paper = self.document.paper
        return count(paper.preamble) + count(paper.operative) > BIG_PAPER

    def _relint_in_background(self) -> None:
        self._fast_timer = None
        if self._fast_running:
            self._fast_again = True
            return
        self._fast_running, self._fast_again = True, False
        copy, version = snapshot(self.document.paper), self.document.version
        self.background(lambda: self.post("fast", (*self._lint_copy(from_snapshot(copy)), version)))

    def _lint_copy(self, paper) -> tuple[object, str, float, dict[str, str]]:
        import time

        from resedit.editor.findings import lint_fast
        started = time.perf_counter()
        texts = {c.id: c.text for _, _, _, c in paper.clauses()}
        renumber(paper)
        try:
            checked, error = lint_fast(paper), ""
        except Exception as exc:  # a broken rule must not take the editor down
            checked, error = None, f"linter error: {exc}"
        return checked, error, time.perf_counter() - started, texts

    def _took(self, checked, error: str, cost: float, texts: dict[str, str] | None,
              version: int) -> None:
        self.checked, self._checked_version = checked, version
        self.fast = checked.findings if checked is not None else []
        self.fast_error, self.fast_cost, self._fast_texts = error, cost, texts
        self._lint_gen += 1

    def fast_arrived(self, result) -> None:
        """A background structural lint finished (on the UI thread)."""
        checked, error, cost, texts, version = result
        self._took(checked, error, cost, texts, version)
        self._fast_running = False
        if self._fast_again:
            self._relint_in_background()

    def findings(self) -> list[Diagnostic]:
        """Structural findings of the last check (a big paper's arrive a moment after typing;
        until then those of the clause being typed are a keystroke behind: see `is_current`)
        and model findings still about their clause's text (computed once per change)."""
        key = (self.document.version if self.nlp else None, self._lint_gen)
        if self._findings_key != key:
            now = {c.id: c.text for _, _, _, c in self.document.paper.clauses()} if self.nlp else {}
            self._findings = self.fast + _current(self.nlp, self._nlp_texts, now)
            self._findings_key = key
        return self._findings

    def is_current(self, d: Diagnostic) -> bool:
        """Whether the finding is about its clause as it is now (its offsets still hold)."""
        texts = self._nlp_texts if any(d is n for n in self.nlp) else self._fast_texts
        clause_id = d.location.clause_id
        if texts is None or clause_id is None:
            return True
        clause = self.document.paper.find(clause_id)
        return clause is not None and clause.text == texts.get(clause_id)

    def model_state(self) -> str:
        if not self.warm:
            return "checking…"
        return self.fast_error or self.nlp_state

    def request_nlp(self) -> None:
        if self.lint_process is None or self.lint_process.failed:
            return
        paper = self.document.paper
        version = self.document.version
        self._sent[version] = {c.id: c.text for _, _, _, c in paper.clauses()}
        for old in [v for v in self._sent if v < version - 20]:
            del self._sent[old]
        self.lint_process.request(version, self._json.paper(paper), len(self._sent[version]))
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
            self.nlp_state = str(payload)  # "the model process stopped; restarting"
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
            self._lint_gen += 1
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
            self.journal.write(self._json.document(journal.fields(self.source),
                                                   self.document.paper).encode("utf-8"))

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
        import gc

        gc.unfreeze()  # what warm_up froze may be collected again (one process may open many editors)


def _current(found: list[Diagnostic], texts: dict[str, str] | None,
             now: dict[str, str]) -> list[Diagnostic]:
    """The findings still about the paper: those on a clause whose text changed since it was
    linted are dropped (their offsets would point at the wrong words)."""
    if texts is None:
        return found
    out = []
    for d in found:
        clause_id = d.location.clause_id
        if clause_id is None:
            out.append(d)
            continue
        if clause_id in now and now[clause_id] == texts.get(clause_id):
            out.append(d)
    return out


def snapshot(paper: WorkingPaper) -> dict:
    """The paper as plain data for another thread while the UI thread edits on: `paper_to_dict`
    takes ~3 ms for 5,000 clauses (copying the Clause objects ~15 ms; copy.deepcopy ~50 ms)."""
    from resedit.formats.native import paper_to_dict

    data = paper_to_dict(paper)
    data["lines"] = dict(paper.lines)  # not in the file format; the rules read it
    return data


def from_snapshot(data: dict) -> WorkingPaper:
    from resedit.formats.native import paper_from_dict

    paper = paper_from_dict(data)
    paper.lines = data["lines"]
    return paper
