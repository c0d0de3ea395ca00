"""`resedit new [FILE]`: start a paper from the committee's skeleton in the editor."""
from __future__ import annotations

import argparse

HELP = "start a new working paper in the editor (asks committee and topic)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="where Save writes (.resedit); asked on first save if omitted")
    parser.add_argument("--committee", help="committee code or name, e.g. CCPCJ")
    parser.add_argument("--topic", help="the topic of the paper")
    parser.add_argument("--no-nlp", action="store_true", help="structural checks only")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from resedit.committees import load_committee
    from resedit.errors import InputError
    from resedit.tui.app import make_app

    path = Path(args.file) if args.file else None
    if path is not None and path.exists():
        raise InputError(path, "already exists; open it with `resedit edit`")
    saved = path.with_suffix(".resedit") if path is not None else None
    if saved is not None and saved.exists():  # Save writes there: it would replace that paper
        raise InputError(path, f"{saved.name} (where the editor saves this paper) already exists; "
                               f"open it with `resedit edit {saved}`")
    if args.committee:
        load_committee(args.committee)  # an unknown committee is an error before the screen opens
    app = make_app(path, new=True, committee=args.committee, topic=args.topic,
                   nlp=not args.no_nlp)
    app.run()
    return 0
