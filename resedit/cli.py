"""The `resedit` command: parses arguments, dispatches to resedit/commands/, owns exit codes.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage/rules/input error, 130 interrupted.
stdout carries only the chosen output; messages go to stderr. Each command module provides HELP,
add_arguments(parser) and run(args) -> int, and imports its heavy dependencies inside run().
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from resedit.errors import ResEditError

COMMANDS = {
    "edit": "resedit.commands.edit",
    "new": "resedit.commands.new",
    "check": "resedit.commands.check",
    "explain": "resedit.commands.explain",
    "sponsors": "resedit.commands.sponsors",
    "import": "resedit.commands.import_paper",
    "export": "resedit.commands.export",
    "review": "resedit.commands.review",
    "host": "resedit.commands.host",
    "join": "resedit.commands.join",
    "merge": "resedit.commands.merge",
}


def _available() -> dict[str, object]:
    return {name: importlib.import_module(mod) for name, mod in COMMANDS.items()
            if importlib.util.find_spec(mod) is not None}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resedit")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "(not installed)"


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked: reading the installed metadata costs ~25 ms,
    which every start (the editor's first paint included) would otherwise pay."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"resedit {_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser(commands: dict) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resedit", description="Draft and check Model UN working papers, offline.",
        epilog="`resedit PAPER` opens the editor on PAPER.")
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in commands.items():
        command_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
    return parser


def _read_copy(path):
    """A co-drafting copy (.collab) read as a paper, for every command that reads papers."""
    from resedit.collab.merge import read_copy

    return read_copy(path)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    present = [name for name, mod in COMMANDS.items() if importlib.util.find_spec(mod) is not None]
    # `resedit PAPER` is `resedit edit PAPER`: the editor is the default command.
    if argv and argv[0] not in present and not argv[0].startswith("-") and "edit" in present:
        argv.insert(0, "edit")
    if argv and argv[0] in present:  # a named command needs only its own module and sub-parser
        commands = {argv[0]: importlib.import_module(COMMANDS[argv[0]])}  # (all: ~20 ms of start)
    else:  # help and usage errors list every command
        commands = _available()
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    import resedit.formats

    resedit.formats.READERS.setdefault(".collab", _read_copy)
    try:
        return commands[args.command].run(args)
    except ResEditError as exc:
        print(f"resedit: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
