"""`resedit review PATHS...`: the dais view of many papers at once, a table and a report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from resedit.input_paths import positive_int

HELP = "review many papers at once (files or folders): a table, annotated copies, a summary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="papers (.docx, .txt, .md, .resedit) or folders holding them")
    parser.add_argument("--committee", help="lint every paper for this committee (default: the "
                                            "committee each paper names, else CCPCJ)")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table: the dais's table (default); json: the document of "
                             "`resedit check --format json`, one file entry per paper")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write an annotated .docx per paper (findings as Word comments by "
                             "'Dais') and summary.md for the batch into DIR")
    parser.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                        help="worker processes (default: one per core)")
    parser.add_argument("--no-nlp", action="store_true",
                        help="skip the rules that need the language model (faster, fewer checks)")


def run(args) -> int:
    from resedit.committees import load_committee
    from resedit.review import ProgressBar, collect, review_batch, summary_markdown, table

    if args.committee:
        args.committee = load_committee(args.committee).code  # unknown committee: exit 2 now
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        print(f"resedit: --out {args.out} exists and is not a folder", file=sys.stderr)
        return 2
    papers = collect(args.paths, skip=args.out)
    if not papers:
        print("resedit: no papers found (.docx, .txt, .md, .resedit, .collab)", file=sys.stderr)
        return 2
    results = review_batch(papers, committee=args.committee, out_dir=args.out, jobs=args.jobs,
                           use_nlp=not args.no_nlp, progress=ProgressBar())
    if args.format == "json":
        from resedit.report import json_report

        sys.stdout.write(json_report.render([json_report.contract_entry(r) for r in results]))
    else:
        print(table(results))
    if args.out is not None:
        from resedit.formats import atomic_write

        report = args.out / "summary.md"
        atomic_write(report, summary_markdown(results).encode("utf-8"))
        written = sum(1 for r in results if r.get("annotated"))
        print(f"resedit: {written} annotated cop(y/ies) and {report} written", file=sys.stderr)
        for r in results:
            if r.get("annotated_error"):
                print(f"resedit: {r['name']}: annotated copy failed: {r['annotated_error']}",
                      file=sys.stderr)
    for r in results:
        if "error" in r:
            print(f"resedit: {r['path']}: {r['error']}", file=sys.stderr)
    if any("error" in r for r in results):
        return 2
    return 1 if any(d["severity"] == "error" for r in results for d in r["diagnostics"]) else 0
