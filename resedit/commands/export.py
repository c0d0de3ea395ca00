"""`resedit export PAPER --to docx|txt [-o OUT]`: write a paper as Word (NMUN layout) or text."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "export a paper as a Word .docx in the NMUN layout, or as plain text"
SUFFIX = {"docx": ".docx", "txt": ".txt"}
WRITES = {"docx": (".docx",), "txt": (".txt", ".md", ".text")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paper", type=Path, metavar="PAPER")
    parser.add_argument("--to", choices=sorted(SUFFIX), required=True, help="output format")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="where to write (default: PAPER with the new suffix; '-' prints "
                             "text to stdout)")


def run(args) -> int:
    from resedit.formats import atomic_write, read_paper, render
    from resedit.input_paths import output_file, same_file

    paper = read_paper(args.paper)
    data = render(paper, SUFFIX[args.to])
    if str(args.output) == "-":
        if args.to == "docx":
            print("resedit: a .docx cannot go to stdout; give -o FILE.docx", file=sys.stderr)
            return 2
        sys.stdout.write(data.decode("utf-8"))
        _say_numbers(paper, args.to)
        return 0
    out = args.output or args.paper.with_suffix(SUFFIX[args.to])
    output_file(out, WRITES[args.to], f" with --to {args.to}")
    if out.exists() and same_file(out, args.paper):
        print(f"resedit: {out} is the paper itself; give -o another file", file=sys.stderr)
        return 2
    atomic_write(out, data)
    print(f"resedit: wrote {out}", file=sys.stderr)
    _say_numbers(paper, args.to)
    return 0


def _say_numbers(paper, to: str) -> None:
    """Numbers out of sequence: the .docx keeps them as written, the text layout renumbers."""
    from resedit.formats.docx_out import numbers_as_written

    changed = numbers_as_written(paper)
    if not changed:
        return
    shown = ", ".join(changed[:6]) + (" ..." if len(changed) > 6 else "")
    if to == "docx":
        print(f"resedit: numbers out of sequence kept as written ({shown}); "
              "`resedit check` says which to fix", file=sys.stderr)
    else:
        print(f"resedit: renumbered the clauses written {shown} (the text layout numbers "
              "clauses by their place)", file=sys.stderr)
