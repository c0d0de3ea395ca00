"""`resedit join LINK`: open the editor on a shared paper (or print / watch it headless).

`--watch` reads simple commands from stdin, for trying co-drafting without the editor:
`print`, `set N TEXT` / `append N TEXT` (operative clause N; `pN` for preambular), `add TEXT`,
`sign STATE`, `offline`, `online`, `status`, `quit`.
"""
from __future__ import annotations

import argparse

HELP = "join a shared paper with the link the host printed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("link", help="resedit://HOST:PORT/PAPER?role=...&key=... (quote it in the shell)")
    parser.add_argument("--name", default="", help="your name or delegation, shown to the others "
                        "(a signatory link: the State it signs for)")
    parser.add_argument("--copy", metavar="PATH",
                        help="your durable copy (default: ~/.local/share/resedit/copies/PAPER.collab)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--print", action="store_true", help="print the paper once synced, then exit")
    mode.add_argument("--watch", action="store_true",
                      help="no editor: print the paper when it changes; commands on stdin")
    parser.add_argument("--timeout", type=float, default=10.0, help="--print: seconds to wait for the host")
    parser.add_argument("--no-nlp", action="store_true", help="editor: structural checks only")


def run(args: argparse.Namespace) -> int:
    import asyncio
    import getpass
    import logging
    import sys
    from pathlib import Path

    from resedit.collab.client import Client
    from resedit.collab.link import parse_link
    from resedit.collab.store import CopyStore, Persister, copies_dir

    link = parse_link(args.link)
    if link.role == "sign":  # a signatory link signs for one State, named now
        from resedit.collab.link import LinkError
        from resedit.sponsorship.states import resolve

        found = resolve(args.name)
        if not args.name.strip() or not found.ok:
            raise LinkError("a signatory link signs for one State: join with --name STATE"
                            + (f" ({found.describe()})" if args.name.strip() else ""))
        args.name = found.state.name
    copy_path = Path(args.copy) if args.copy else copies_dir() / f"{link.paper_id}.collab"
    copy_path.parent.mkdir(parents=True, exist_ok=True)
    had_copy = copy_path.exists()
    editor = not (args.print or args.watch) and sys.stdin.isatty() and sys.stdout.isatty()
    # The editor owns the terminal: then the log goes to a file beside the copy.
    log_to = {"filename": str(copy_path) + ".log"} if editor else {"stream": sys.stderr}
    logging.basicConfig(level=logging.INFO if editor else logging.WARNING,
                        format="%(asctime)s resedit join: %(message)s", **log_to)
    store = CopyStore(copy_path)
    name = args.name or getpass.getuser()
    document = store.load(role=link.role, who=name)
    client = Client(document, link, name, Persister(document, store))
    had_copy = had_copy and store.rows() > 0  # an empty copy (an earlier failed join) holds nothing
    client.had_copy = had_copy

    async def main() -> int:
        async with client.running():
            if args.print:
                return await _print_once(client, args.timeout)
            if not editor:
                return await _watch(client)
            await _at_the_door(client, args.timeout)  # a wrong key or no host: say so, open nothing
            from resedit.tui.app import make_app

            app = make_app(document=document, nlp=not args.no_nlp, journal=False)
            await app.run_async()
            return 0

    try:
        code = asyncio.run(main())
    finally:
        empty = not had_copy and store.rows() == 0  # never reached the host, nothing typed
        store.close()
        if empty:  # leave no empty junk copy behind
            for leftover in (copy_path, Path(f"{copy_path}-wal"), Path(f"{copy_path}-shm")):
                leftover.unlink(missing_ok=True)
    if client.error is not None:
        raise client.error
    return code


async def _at_the_door(client, timeout: float) -> None:
    """Wait for the first answer from the host: the paper, or the reason it was refused (raised
    as LinkError). A host that cannot be reached is an error unless there is a copy to edit."""
    import asyncio

    from resedit.collab.link import LinkError

    done = asyncio.ensure_future(client.synced.wait())
    await asyncio.wait([done, client._task], timeout=min(timeout, 5.0), return_when=asyncio.FIRST_COMPLETED)
    done.cancel()
    if client.error is not None:
        raise client.error
    if not client.synced.is_set() and not getattr(client, "had_copy", True):
        raise LinkError(_unreachable(client))


def _unreachable(client) -> str:
    return (f"cannot reach the host at {client.link.host}:{client.link.port}, and there is no local copy of "
            "this paper yet: check that the host is running and reachable, then join again")


def render(document) -> str:
    from resedit.formats.text import write_text

    return write_text(document.paper)


async def _print_once(client, timeout: float) -> int:
    import asyncio
    import sys

    done = asyncio.ensure_future(client.synced.wait())
    stopped = client._task
    await asyncio.wait([done, stopped], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if client.error is not None:
        return 2
    if not client.synced.is_set():
        where = f"{client.link.host}:{client.link.port}"
        if not getattr(client, "had_copy", True):
            print(f"resedit join: {_unreachable(client)}", file=sys.stderr)
            return 2
        print(f"resedit join: could not reach the host at {where}; showing your last copy", file=sys.stderr)
    sys.stdout.write(render(client.document))
    return 0 if client.synced.is_set() else 1


async def _watch(client) -> int:
    """Print the paper whenever it changes (at most every 0.3 s); obey commands on stdin."""
    import asyncio
    import sys

    document = client.document
    changed = asyncio.Event()
    document.add_listener(lambda edit, origin: changed.set())
    document.add_peer_listener(lambda peers: None)
    client.sign_refusal_listeners.append(lambda reason: print(f"sign refused: {reason}", flush=True))

    async def printer():
        last = None
        while True:
            await changed.wait()
            await asyncio.sleep(0.3)
            changed.clear()
            text = render(document)
            if text != last:
                print(f"----- paper ({'online' if client.connected.is_set() else 'offline'}) -----")
                print(text, flush=True)
                last = text

    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    task = asyncio.ensure_future(printer())
    try:  # offline from the start is fine: editing works on the local copy
        await asyncio.wait_for(client.synced.wait(), 3)
    except TimeoutError:
        if getattr(client, "had_copy", True):
            print("not connected yet: editing your copy; it merges when the host is reachable", flush=True)
        else:
            print(f"cannot reach the host at {client.link.host}:{client.link.port} yet, and there is no "
                  "local copy of this paper: waiting for the host (what you add merges when it is reachable)",
                  flush=True)
    changed.set()
    try:
        while client.error is None:
            line = await reader.readline()
            if not line:
                break
            try:
                if not _command(client, line.decode("utf-8", "replace").strip()):
                    break
            except Exception as exc:  # a typo must not end the session
                print(f"error: {exc}", flush=True)
            if line.strip() in (b"offline",):
                await client.go_offline()
                print("offline: keep typing; `online` merges", flush=True)
    finally:
        task.cancel()
    return 2 if client.error else 0


def _command(client, line: str) -> bool:
    from resedit.model.edits import InsertClause, SetText
    from resedit.model.paper import Clause

    document = client.document
    word, _, rest = line.partition(" ")
    if word in ("quit", "exit"):
        return False
    if word == "print":
        print(render(document), flush=True)
    elif word == "status":
        peers = ", ".join(f"{p.name} ({p.role})" for p in document.peers) or "nobody"
        state = "online" if client.connected.is_set() else "offline"
        print(f"{state}; acked {client.acked}/{client.sent}; connected: {peers}", flush=True)
    elif word == "online":
        client.go_online()
    elif word == "sign":
        from resedit.sponsorship.changes import Refused

        try:
            document.sign(rest)
        except Refused as exc:  # an editor signs locally: same rules as the host applies
            print(f"sign refused: {exc}", flush=True)
    elif word in ("set", "append"):
        where, _, text = rest.partition(" ")
        part = "preamble" if where.startswith("p") else "operative"
        clause = document.paper.part(part)[_clause_index(document.paper.part(part), where, part)]
        document.set_cursor(clause.id, len(clause.text))
        document.apply(SetText(clause.id, text if word == "set" else clause.text + " " + text))
    elif word == "add":
        document.apply(InsertClause("operative", None, len(document.paper.operative), Clause(rest)))
    elif word and word != "offline":
        print("commands: print, set N TEXT, append N TEXT (pN: preamble), add TEXT, sign STATE, "
              "offline, online, status, quit", flush=True)
    return True


def _clause_index(clauses, where: str, part: str) -> int:
    """0-based index of clause `where` ("3", "p2"), or a ValueError naming the clauses that exist."""
    kind, p = ("preambular", "p") if part == "preamble" else ("operative", "")
    number, count = where.lstrip("po"), len(clauses)
    if not number.isdigit() or not 1 <= int(number) <= count:
        exist = f"there are no {kind} clauses yet" if count == 0 else \
            f"there is only {kind} clause {p}1" if count == 1 else f"{kind} clauses are {p}1 to {p}{count}"
        raise ValueError(f"no {kind} clause {where or '(no number given)'}: {exist}")
    return int(number) - 1
