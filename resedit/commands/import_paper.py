"""`resedit import IN.docx [-o OUT]`: a Word document into the text layout (or .resedit)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUTPUT_SUFFIXES = (".txt", ".md", ".resedit", ".docx")
HELP = "import a Word .docx paper: print it in the text layout, or write it with -o"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="IN.docx")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write here (.txt, .md, .resedit or .docx by its suffix) instead of "
                             "printing the text layout")


def run(args) -> int:
    from resedit.formats import read_paper, write_paper
    from resedit.formats.text import write_text
    from resedit.input_paths import output_file, same_file

    if args.output is not None:  # refused before the input is read: nothing half done
        output_file(args.output, OUTPUT_SUFFIXES)
    paper = read_paper(args.source)
    for note in paper.notes:
        print(f"resedit: {args.source}: note: {note}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(write_text(paper))
        return 0
    if same_file(args.output, args.source):
        print("resedit: the output would overwrite the input; choose another -o", file=sys.stderr)
        return 2
    write_paper(paper, args.output)
    print(f"resedit: wrote {args.output}", file=sys.stderr)
    return 0
