"""The dais review: lint many papers at once, in parallel, and summarise them.

`review_batch(paths, ...)` reads and lints every paper (.docx, .txt, .md, .resedit) on all cores,
one process per core, each loading the language model once; a file that cannot be read becomes an
`unreadable` result and the batch goes on. With `out_dir`, every worker also writes the paper's
annotated copy (.docx, each finding a Word comment by "Dais" on its clause). The results are plain
dicts (picklable, JSON-ready): `table(results)` renders the dais's table and `summary_markdown`
the batch report.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from resedit.errors import ResEditError
from resedit.model.diagnostic import CATEGORIES, SEVERITIES

PAPER_SUFFIXES = {".docx", ".txt", ".md", ".resedit", ".collab"}
# Mandate findings first: what a committee cannot do is what a dais must catch.
CATEGORY_ORDER = ("mandate",) + tuple(c for c in CATEGORIES if c != "mandate")
PARALLEL_FROM = 3  # fewer papers than this are not worth starting worker processes for
CHUNK = 16  # papers per task: their clauses are parsed in one spaCy batch

_WORKER: dict = {}


def collect(paths: Iterable[str | os.PathLike], skip: Path | None = None) -> list[Path]:
    """The papers named: files as given, folders searched (recursively) for paper files, leaving
    out an earlier review's own output (resedit/input_paths.py)."""
    from resedit.input_paths import collect_papers

    return collect_papers(paths, PAPER_SUFFIXES, skip)[0]


def _init_worker(committee: str | None, use_nlp: bool) -> None:
    """Load the rules and the language model once per process."""
    from resedit.lint import load_rules

    _WORKER["rules"] = load_rules()
    _WORKER["committee"] = committee
    _WORKER["annotator"] = None
    if use_nlp:
        from resedit.nlp import load_annotator

        _WORKER["annotator"] = load_annotator()


def review_chunk(jobs: list[tuple[Path, Path | None]]) -> list[dict]:
    """Review a few papers: read them all, parse all their clauses in one batch (spaCy is much
    faster on one large batch than on many small ones), then lint and annotate each."""
    read = [_read(path) for path, _ in jobs]
    annotator = _WORKER.get("annotator")
    if annotator is not None:
        annotator.annotate_many([c.text for paper, _ in read if paper is not None
                                 for _, _, _, c in paper.clauses()])
    results = []
    for (path, out_path), (paper, error) in zip(jobs, read):
        try:
            results.append(_lint(path, out_path, paper, error))
        except Exception as exc:  # a bug tripped by one paper must not lose the others
            results.append({"path": str(path), "name": path.name,
                            "error": f"internal error: {type(exc).__name__}: {exc}"})
    return results


def review_paper(path: Path, out_path: Path | None = None) -> dict:
    """Read, lint and (optionally) annotate one paper; never raises for a bad input file."""
    return review_chunk([(path, out_path)])[0]


def _read(path: Path):
    from resedit.formats import read_paper

    try:
        return read_paper(path), None
    except ResEditError as exc:
        return None, getattr(exc, "reason", None) or str(exc)
    except Exception as exc:  # an unexpected failure on one file: report it, go on
        return None, f"internal error while reading: {type(exc).__name__}: {exc}"


def _lint(path: Path, out_path: Path | None, paper, error: str | None) -> dict:
    from resedit.committees import load_committee
    from resedit.lint.pipeline import Options, check_paper
    from resedit.report.json_report import file_entry
    from resedit.report.text_report import where_text

    result = {"path": str(path), "name": path.name}
    try:
        if paper is None:
            raise ResEditError(error)
        wanted = _WORKER.get("committee")
        checked = check_paper(paper, Options(committee=load_committee(wanted) if wanted else None,
                                             rules=_WORKER["rules"], annotator=_WORKER.get("annotator")))
    except ResEditError as exc:
        result["error"] = getattr(exc, "reason", None) or str(exc)
        return result
    diagnostics = checked.findings
    result.update(file_entry(str(path), checked.committee.code, diagnostics,
                             checked.sponsorship.summary()))
    result.update(code=paper.code, notes=list(paper.notes), clauses=sum(1 for _ in paper.clauses()))
    for finding, data in zip(diagnostics, result["diagnostics"]):
        data["where"] = where_text(finding.location)
    if out_path is not None:
        from resedit.formats.docx_comments import annotated_copy

        try:
            fallback = annotated_copy(paper, diagnostics, path, out_path)
            result["annotated"] = str(out_path)
            if fallback:
                result["notes"].append(fallback)
        except Exception as exc:  # python-docx refuses some files docx2python reads (.docm)
            result["annotated_error"] = f"{type(exc).__name__}: {exc}"
    return result


def review_batch(paths: list[Path], committee: str | None = None, out_dir: Path | None = None,
                 jobs: int | None = None, use_nlp: bool = True,
                 progress: Callable[[int, int, str], None] | None = None) -> list[dict]:
    """Review every paper; results in the order of `paths`."""
    outputs = _output_paths(paths, out_dir) if out_dir is not None else {}
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: dict[Path, dict] = {}
    done = 0
    serial = jobs == 1 or len(paths) < PARALLEL_FROM
    workers = 1 if serial else min(jobs, len(paths))
    # Chunks small enough that every worker gets several (balance), large enough to batch well.
    size = max(1, min(CHUNK, -(-len(paths) // (workers * 4)))) if workers > 1 else CHUNK
    chunks = [[(p, outputs.get(p)) for p in paths[i:i + size]] for i in range(0, len(paths), size)]

    def finished(chunk, chunk_results):
        nonlocal done
        for (path, _), result in zip(chunk, chunk_results):
            results[path] = result
            done += 1
            if progress:
                progress(done, len(paths), path.name)

    if serial:
        _init_worker(committee, use_nlp)
        for chunk in chunks:
            finished(chunk, review_chunk(chunk))
    else:
        context = None
        if sys.platform.startswith("linux"):
            # Load the model once here and fork: the workers share it instead of each loading
            # it again (2 to 4 s each). Elsewhere (spawn) each worker loads it in _init_worker.
            context = multiprocessing.get_context("fork")
            _init_worker(committee, use_nlp)
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(committee, use_nlp), mp_context=context) as pool:
            futures = {pool.submit(review_chunk, chunk): chunk for chunk in chunks}
            for future in as_completed(futures):
                chunk = futures[future]
                try:
                    chunk_results = future.result()
                except Exception as exc:  # a crash in one chunk must not lose the batch
                    chunk_results = [{"path": str(p), "name": p.name, "error": "internal error: "
                                      f"{type(exc).__name__}: {exc}"} for p, _ in chunk]
                finished(chunk, chunk_results)
    return [results[p] for p in paths]


def _output_paths(paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Each paper's annotated copy: NAME.docx in out_dir, numbered when two papers share a name."""
    taken: set[str] = set()
    inputs = {os.path.realpath(p) for p in paths}  # never write over a paper under review
    out = {}
    for path in paths:
        stem, candidate, n = path.stem, path.stem + ".docx", 1
        while candidate.lower() in taken or os.path.realpath(out_dir / candidate) in inputs:
            n += 1
            candidate = f"{stem}-{n}.docx"
        taken.add(candidate.lower())
        out[path] = out_dir / candidate
    return out


# ---- rendering --------------------------------------------------------------------------------

def counts(result: dict) -> dict[str, dict[str, int]]:
    """category -> severity -> number of findings."""
    out: dict[str, dict[str, int]] = {}
    for d in result.get("diagnostics", []):
        by = out.setdefault(d["category"], {})
        by[d["severity"]] = by.get(d["severity"], 0) + 1
    return out


def _cell(by_severity: dict[str, int]) -> str:
    parts = [f"{by_severity[s]}{s[0].upper()}" for s in SEVERITIES if by_severity.get(s)]
    return " ".join(parts) or "-"


def _sponsor_cell(s: dict) -> tuple[str, str]:
    counted = f"{s['sponsors']}+{s['signatories']}"
    if s.get("required") is None:
        return counted, "?"
    return counted, f"{s['required']} " + ("met" if s.get("met") else "SHORT")


def table_rows(results: list[dict]) -> tuple[list[str], list[list[str]]]:
    used = [c for c in CATEGORY_ORDER if any(c in counts(r) for r in results)]
    header = ["paper", "committee", "spons+sign", "needed", "errors", "warnings", *used]
    rows = []
    for r in results:
        if "error" in r:
            rows.append([r["name"], "UNREADABLE", "-", "-", "-", "-", *(["-"] * len(used))])
            continue
        c = counts(r)
        errors = sum(v.get("error", 0) for v in c.values())
        warnings = sum(v.get("warning", 0) for v in c.values())
        rows.append([r["name"], r["committee"], *_sponsor_cell(r["sponsorship"]), str(errors),
                     str(warnings), *[_cell(c.get(cat, {})) for cat in used]])
    return header, rows


def table(results: list[dict]) -> str:
    """The dais's table: one row per paper; unreadable files listed under it with the reason."""
    header, rows = table_rows(results)
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) if rows else len(header[i])
              for i in range(len(header))]
    numeric = set(range(4, len(header)))

    def fmt(row):
        return "  ".join(v.rjust(w) if i in numeric else v.ljust(w)
                         for i, (v, w) in enumerate(zip(row, widths))).rstrip()

    lines = [fmt(header), "  ".join("-" * w for w in widths)]
    lines += [fmt(row) for row in rows]
    broken = [r for r in results if "error" in r]
    if broken:
        lines.append("")
        lines += [f"unreadable: {r['name']}: {r['error']}" for r in broken]
    readable = [r for r in results if "error" not in r]
    total_e = sum(d["severity"] == "error" for r in readable for d in r["diagnostics"])
    lines.append("")
    lines.append(f"{len(results)} paper(s): {len(readable)} reviewed, {len(broken)} unreadable; "
                 f"{total_e} error(s). Cells: E errors, W warnings, I notes.")
    return "\n".join(lines)


def _ordered(diagnostics: list[dict]) -> list[dict]:
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    sev = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(diagnostics, key=lambda d: (rank.get(d["category"], 99), sev.get(d["severity"], 9)))


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def summary_markdown(results: list[dict], title: str = "Dais review") -> str:
    """The batch report: the table, then each paper's findings (mandate first)."""
    header, rows = table_rows(results)
    out = [f"# {title}", "", f"{len(results)} paper(s). Cells count findings: E errors, "
           "W warnings, I notes. Sponsorship: distinct States counted (sponsors+signatories) "
           "against the number needed.", ""]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(_md(v) for v in row) + " |" for row in rows]
    for r in results:
        out += ["", f"## {r['name']}", ""]
        if "error" in r:
            out.append(f"**Unreadable:** {_md(r['error'])}")
            continue
        s = r["sponsorship"]
        met = "" if s.get("required") is None else (
            f", {s['required']} needed: {'met' if s.get('met') else 'not met'}")
        out.append(f"Committee {r['committee']}; code {r.get('code') or '(none)'}; "
                   f"{r['clauses']} clause(s); {s['sponsors']} sponsor(s), "
                   f"{s['signatories']} signator(y/ies){met}.")
        if r.get("annotated"):
            out.append(f"Annotated copy: `{Path(r['annotated']).name}`")
        for note in r.get("notes", []):
            out.append(f"- Note: {_md(note)}")
        if not r["diagnostics"]:
            out += ["", "No findings."]
            continue
        out += ["", "| where | code | severity | category | message |", "|---|---|---|---|---|"]
        for d in _ordered(r["diagnostics"]):
            out.append(f"| {_md(d['where'])} | {d['code']} | {d['severity']} | {d['category']} "
                       f"| {_md(d['message'])} |")
    return "\n".join(out) + "\n"


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None, width: int = 28):
        self.stream = stream or sys.stderr
        self.width = width
        self.active = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.active:
            return
        filled = int(self.width * done / max(total, 1))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
        if done == total:
            self.stream.write("\r" + " " * (self.width + 52) + "\r")
        self.stream.flush()
