"""`resedit merge A B [-o OUT]`: merge two copies of a shared paper edited apart."""
from __future__ import annotations

import argparse

HELP = "merge two co-drafting copies (.collab) edited apart; nothing either side typed is lost"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", help="a copy (.collab)")
    parser.add_argument("second", help="another copy of the same paper (.collab)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write the merge: a .collab copy, or a paper (.txt, .md, .resedit, .docx); "
                             "default: print the paper")
    parser.add_argument("--force", action="store_true", help="merge copies of different papers anyway")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from resedit.collab.merge import merge_copies
    from resedit.collab.store import SUFFIX, CopyStore
    from resedit.formats import write_paper
    from resedit.formats.text import write_text

    document, paper_id, secret = merge_copies(Path(args.first), Path(args.second), force=args.force)
    if args.output is None:
        sys.stdout.write(write_text(document.paper))
        return 0
    out = Path(args.output)
    if out.suffix == SUFFIX:
        store = CopyStore(out)
        store.set("paper_id", paper_id)
        if secret and store.get("secret") is None:
            store.set("secret", secret)
        store.replace(document.doc.get_update())
        store.close()
    else:
        write_paper(document.paper, out)
    print(f"merged {args.first} and {args.second} into {out}", file=sys.stderr)
    return 0
