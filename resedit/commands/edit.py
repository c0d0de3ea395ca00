"""`resedit edit PAPER` (or just `resedit PAPER`): open the terminal editor on a paper."""
from __future__ import annotations

import argparse

HELP = "open the editor on a paper (.txt, .docx or .resedit); also `resedit PAPER`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paper", help="the paper to edit (.txt, .md, .docx or .resedit)")
    parser.add_argument("--no-nlp", action="store_true",
                        help="structural checks only: do not start the language model")


def run(args: argparse.Namespace) -> int:
    import gc

    # Start-up allocates hundreds of thousands of objects (Textual, the widgets) and frees few:
    # the collector's passes over them (~50-90 ms, one full pass) would all come before the first
    # paint. The app switches it back on right after that paint (ResEditApp._after_first_paint).
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from resedit.editor.journal import journal_path
    from resedit.errors import InputError
    from resedit.model.paper import WorkingPaper
    from resedit.tui.app import make_app

    path = saved_copy(Path(args.paper))
    paper = None
    if not path.exists():
        if not journal_path(path).is_file():
            raise InputError(path, "no such file (use `resedit new` to start a paper)")
        paper = WorkingPaper()  # never saved, but journalled: the editor offers the journal back
    app = make_app(path, paper=paper, nlp=not args.no_nlp)  # lint process starts before run()
    app.run()
    return app.return_code or 0  # 143 / 129 after SIGTERM / SIGHUP


def saved_copy(path):
    """The paper to open: the editor saves `X.txt` as `X.resedit` beside it, so when that copy is
    newer (or the .txt was never written) it holds the latest work and is opened instead."""
    import sys

    native = path.with_suffix(".resedit")
    if path.suffix.lower() == ".resedit" or not native.is_file():
        return path
    if not path.exists() or native.stat().st_mtime >= path.stat().st_mtime:
        print(f"resedit: opening {native.name}, the editor's saved copy of {path.name} "
              f"(newer); `resedit edit {native}` opens it directly", file=sys.stderr)
        return native
    print(f"resedit: {path.name} is newer than its saved copy {native.name}; opening "
          f"{path.name} (saving asks before replacing {native.name})", file=sys.stderr)
    return path

