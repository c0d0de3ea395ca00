"""`resedit host PAPER`: share a paper with the bloc and print the join links."""
from __future__ import annotations

import argparse

HELP = "share a paper for co-drafting: prints join links for co-sponsors, signatories and the dais"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paper", help="the paper (.txt, .md, .docx, .resedit) or a copy (.collab) to host from")
    parser.add_argument("--bind", default="127.0.0.1:8765", metavar="ADDR:PORT",
                        help="where to listen (default 127.0.0.1:8765, this computer only; "
                             "0.0.0.0:8765 serves the room network)")
    parser.add_argument("--copy", metavar="PATH", help="the host's durable copy (default: PAPER with .collab)")
    parser.add_argument("--name", default="host", help="your name or delegation, shown to the others")
    parser.add_argument("--advertise", metavar="ADDR", help="the address to put in the links (default: guessed)")
    parser.add_argument("--headless", action="store_true", help="only serve; do not open the editor")
    parser.add_argument("--no-nlp", action="store_true", help="editor: structural checks only")
    parser.add_argument("--no-qr", action="store_true", help="print the browser links without QR codes")


def parse_bind(text: str) -> tuple[str, int]:
    from resedit.errors import ResEditError

    host, _, port = text.rpartition(":")
    if not _:
        host, port = text, "8765"
    host = host.strip("[]") or "127.0.0.1"
    try:
        number = int(port)
        if not 0 <= number < 65536:
            raise ValueError
    except ValueError:
        raise ResEditError(f"--bind {text}: expected ADDR:PORT, e.g. 0.0.0.0:8765") from None
    return host, number


def room_address() -> str:
    """This computer's address on the room network (no packet is sent to find it)."""
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def print_browser_link(link, out, qr: bool) -> None:
    """The same role's link for a browser (issue 17), and its QR code where the terminal can show it."""
    from resedit.web.http import browser_url
    from resedit.web.qr import qr_text

    url = browser_url(link)
    print(f"    browser: {url}", file=out)
    code = qr_text(url, getattr(out, "encoding", None)) if qr else None
    if code:
        print("\n".join("    " + line for line in code.splitlines()), file=out)


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import signal
    import sys
    from pathlib import Path

    from resedit.collab.host import Host
    from resedit.collab.link import ROLE_NAMES
    from resedit.collab.store import SUFFIX, CopyStore, store_path_for
    from resedit.formats import read_paper, write_paper

    source = Path(args.paper)
    editor = not args.headless and sys.stdin.isatty() and sys.stdout.isatty()
    bind_host, port = parse_bind(args.bind)
    store_path = Path(args.copy) if args.copy else store_path_for(source)
    paper = None
    resumed = store_path.exists() and store_path.stat().st_size > 0
    if source.suffix != SUFFIX and not resumed:
        paper = read_paper(source)
    elif source.suffix == SUFFIX and not source.exists():
        from resedit.errors import InputError
        raise InputError(source, "no such copy")
    store = CopyStore(store_path)
    # The editor owns the terminal: then the log goes to a file beside the copy.
    log_to = {"filename": str(store_path) + ".log"} if editor else {"stream": sys.stderr}
    logging.basicConfig(level=logging.INFO, format="%(asctime)s resedit host: %(message)s", **log_to)
    had_secret = store.get("secret") is not None
    host = Host(store, paper, host=bind_host, port=port, name=args.name)

    async def main() -> None:
        await host.start()
        shown = args.advertise or (room_address() if bind_host in ("0.0.0.0", "::", "") else bind_host)
        paper_now = host.document.paper
        out = sys.stdout
        print(f"Hosting {paper_now.code or source.name} ({paper_now.topic or 'no topic'}) on {bind_host}:{host.port}",
              file=out)
        if resumed:
            print(f"Resumed from {store_path}" + ("" if had_secret else " (a copy: these are new links)"), file=out)
        if bind_host in ("127.0.0.1", "localhost", "::1"):
            print("Only this computer can join; use --bind 0.0.0.0:8765 to host on the room network.", file=out)
        for role, link in host.links(shown).items():
            print(f"  {ROLE_NAMES[role]}:\n    resedit join '{link}'", file=out)
            print_browser_link(link, out, qr=not args.no_qr)
        print("Keep the links private: anyone with one can join with that role.", file=out, flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):
                pass
        try:
            if editor:
                from resedit.tui.app import make_app

                print("Share the links, then press Enter to open the editor (Ctrl+C stops hosting).",
                      file=out, flush=True)
                pressed = asyncio.Event()
                loop.add_reader(sys.stdin.fileno(), pressed.set)
                waiting = [asyncio.ensure_future(pressed.wait()), asyncio.ensure_future(stop.wait())]
                await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
                loop.remove_reader(sys.stdin.fileno())
                for task in waiting:
                    task.cancel()
                if pressed.is_set() and not stop.is_set():
                    sys.stdin.readline()
                    app = make_app(document=host.document, nlp=not args.no_nlp, journal=False)
                    await app.run_async()
                    stop.set()  # quitting the editor stops hosting
            await stop.wait()
        finally:
            await host.stop()
            if source.suffix != SUFFIX and source.suffix.lower() in (".txt", ".md", ".resedit"):
                write_paper(host.document.paper, source)
                print(f"Saved {source}", file=sys.stderr)

    asyncio.run(main())
    store.close()
    return 0
