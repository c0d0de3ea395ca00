"""A browser on the paper: the browser protocol (JSON over the host's websocket port) bridged to a peer.

The host checks the key in the browser's first message and sends nothing of the paper before.
Then the browser is a peer like any terminal: it gets a copy of the paper (a SharedDocument with
the link's role, kept in the host process) and that copy talks to the host through the host's own
connection handler (`Host._serve`) over an in-process channel, so the same role checks, limits
and fan-out apply to it as to a terminal peer. The browser sends a clause as it had it and as it
has it now; the copy makes that change on top of what others typed meanwhile (resedit.collab.rebase,
as the terminal editor does) and the host gets it as a CRDT update.

Browser -> host: hello {key, name, client}, edit {clause, base, text, seq}, presence {clause,
offset}, sign {state}, comment {clause, text}. Host -> browser: welcome {role, you, name},
paper {...web.view}, lint {findings, sponsorship}, peers, comments, ack {seq, clause, text},
signed {state}, sign-refused / comment-refused / error {reason}. An edit is acked once the host has stored it durably.
"""
from __future__ import annotations

import asyncio
import copy
import json
import logging

from pycrdt import create_sync_message, create_update_message, handle_sync_message
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from resedit.collab import protocol
from resedit.collab.document import SharedDocument
from resedit.collab.link import decode_name, role_for, wire_logger
from resedit.collab.rebase import rebase
from resedit.model.edits import EditError, SetText
from resedit.sponsorship.changes import Refused
from resedit.web.view import lint_view, paper_view

log = logging.getLogger("resedit.web")


class _RedactHello(logging.Filter):
    """websockets logs frames at DEBUG: the browser's hello carries the key, so hide that frame."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 1 and '"key"' in str(args[0]):
            record.args = ("[a browser's hello, with its key: redacted]",)
        return True


_server_log = wire_logger("server")
if not any(isinstance(f, _RedactHello) for f in _server_log.filters):
    _server_log.addFilter(_RedactHello())
HELLO_SECONDS = 10  # a socket that has not shown a key by then is closed
CLOSE_KEY = 4401
MAX_BROWSER_MESSAGE = 1 << 20  # one clause as typed, far below the host's sync limit
LINT_DELAY = 0.25  # seconds of quiet before the findings are recomputed
VIEW_DELAY = 0.01  # the page is redrawn at most this often: the relay to the other peers goes first


class _Channel:
    """What Host._serve sees as this browser's socket: bytes in, bytes out, close."""

    def __init__(self, peer: BrowserPeer, role: str, name: str):
        self.peer = peer
        self.resedit_role, self.resedit_name = role, name
        self.incoming: asyncio.Queue = asyncio.Queue()
        self.remote_address = peer.socket.remote_address

    def __aiter__(self):
        return self

    async def __anext__(self) -> bytes:
        item = await self.incoming.get()
        if item is None:
            raise StopAsyncIteration
        return item

    async def send(self, message: bytes) -> None:
        await self.peer.from_host(message)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.incoming.put_nowait(None)
        await self.peer.socket.close(code, reason)


class BrowserPeer:
    def __init__(self, host, socket: ServerConnection, role: str, name: str, client: str):
        self.host, self.socket, self.role, self.name, self.client = host, socket, role, name, client
        self.document = SharedDocument(role=role, who=name)
        self.document.command_sink = lambda command: self._to_host(protocol.control(command))
        self.document.cursor_sink = lambda clause, offset: self._to_host(
            protocol.control({"t": "presence", "clause": clause, "offset": offset}))
        self.document.add_update_listener(self._on_update)
        self.document.add_listener(lambda edit, origin: self._changed())
        self.channel = _Channel(self, role, name)
        self.synced = False
        self.sent = 0  # sync messages with data sent to the host on this connection
        self.stored = 0  # how many of them the host has stored (its last ack)
        self.waiting: list[tuple[int, dict]] = []  # (sent count to be stored, ack) for the browser
        self._view_due = False
        self._lint_task: asyncio.Task | None = None
        self._outbox: asyncio.Queue = asyncio.Queue()

    # -- to and from the host ------------------------------------------------------------------
    def _to_host(self, message: bytes) -> None:
        self.channel.incoming.put_nowait(message)

    def _on_update(self, update: bytes, origin) -> None:
        if origin == "local":
            self.sent += 1
            self._to_host(create_update_message(update))

    async def from_host(self, message: bytes) -> None:
        kind = protocol.kind(message)
        if kind == "sync-step1":
            reply = handle_sync_message(message[1:], self.document.doc)
            if self.role == "edit":
                self.sent += 1
                self._to_host(reply)
        elif kind in ("sync-step2", "sync-update"):
            update = protocol.update_of(message)
            if update != protocol.EMPTY_UPDATE:
                self.document.apply_remote(update, origin="host")
            if kind == "sync-step2" and not self.synced:
                self.synced = True
                self._changed()
        elif kind == "control":
            command = protocol.read_control(message)
            what = command.get("t")
            if what == "welcome":
                self._send({"t": "welcome", "role": self.role, "you": command.get("you"), "name": self.name})
            elif what == "peers":
                self._send({"t": "peers", "peers": command.get("peers", [])})
            elif what == "ack":
                self._acked(int(command.get("n", 0)))
            elif what in ("sign-refused", "refused", "comment-refused"):
                self._send({"t": what, "reason": str(command.get("reason", ""))})
            elif what == "signed":
                self._send({"t": "signed", "state": str(command.get("state", ""))})

    def _acked(self, stored: int) -> None:
        self.stored = max(self.stored, stored)
        stored = self.stored
        ready = [ack for need, ack in self.waiting if need <= stored]
        self.waiting = [(need, ack) for need, ack in self.waiting if need > stored]
        for ack in ready:
            self._send(ack)

    # -- to the browser --------------------------------------------------------------------------
    def _send(self, payload: dict) -> None:
        self._outbox.put_nowait(json.dumps(payload, ensure_ascii=False))

    async def _write(self) -> None:
        while True:
            text = await self._outbox.get()
            try:
                await self.socket.send(text)
            except ConnectionClosed:
                return

    def _changed(self) -> None:
        if not self.synced or self._view_due:
            return
        self._view_due = True  # one view however many updates came meanwhile
        asyncio.get_running_loop().call_later(VIEW_DELAY, self._send_view)
        if self._lint_task is not None:
            self._lint_task.cancel()
        self._lint_task = asyncio.get_running_loop().create_task(self._lint_later())

    def _send_view(self) -> None:
        self._view_due = False
        self._send({"t": "paper", **paper_view(self.document.paper)})
        self._send({"t": "comments", "comments": self.document.comments()})

    async def _lint_later(self) -> None:
        await asyncio.sleep(LINT_DELAY)
        # A copy made here: typing changes the document's paper in place while the linter runs.
        paper = copy.deepcopy(self.document.paper)
        try:
            result = await asyncio.to_thread(lint_view, paper, self.document.conference)
        except Exception:  # a rule that fails must not take the page's connection with it
            log.exception("linting for the browser page failed")
            return
        self._send({"t": "lint", **result})

    # -- from the browser --------------------------------------------------------------------------
    def handle(self, message: dict) -> None:
        what = message.get("t")
        if what == "edit":
            self._edit(message)
        elif what == "presence":
            clause, offset = message.get("clause"), message.get("offset")
            self.document.set_cursor(clause if isinstance(clause, str) else None,
                                     offset if isinstance(offset, int) else 0)
        elif what == "sign":
            try:
                self.document.sign(str(message.get("state", ""))[:80])
            except Refused as exc:
                self._send({"t": "sign-refused", "reason": str(exc)})
            except EditError as exc:
                self._send({"t": "error", "reason": str(exc)})
        elif what == "comment":
            # Always as a command, whatever the role: the host applies it under its comment limits.
            clause = message.get("clause")
            self._to_host(protocol.control({"t": "comment", "clause": clause if isinstance(clause, str) else None,
                                            "text": str(message.get("text", ""))[:4000]}))

    def _edit(self, message: dict) -> None:
        clause_id, base = message.get("clause"), message.get("base")
        text, seq = message.get("text"), message.get("seq")
        if not (all(isinstance(v, str) for v in (clause_id, base, text)) and isinstance(seq, int)):
            self._send({"t": "error", "reason": "malformed edit"})
            return
        seen = _seen(self.host)
        if seq <= seen.get(self.client, -1):  # resent after a lost connection: already in the paper
            self._ack(seq, clause_id)
            return
        clause = self.document.paper.find(clause_id)
        if clause is None:
            self._send({"t": "error", "reason": "that clause was deleted meanwhile; your text: " + text[:2000]})
            seen[self.client] = seq
            return
        try:
            merged = rebase(base, text, clause.text).text  # the editor's own rebase
            if merged != clause.text:
                self.document.apply(SetText(clause_id, merged), coalesce=None)
        except EditError as exc:
            self._send({"t": "error", "reason": str(exc)})
            return
        seen[self.client] = seq
        self._ack(seq, clause_id)

    def _ack(self, seq: int, clause_id: str) -> None:
        clause = self.document.paper.find(clause_id)
        ack = {"t": "ack", "seq": seq, "clause": clause_id, "text": clause.text if clause else None}
        # Acked when the host has stored it (its ack counts this connection's sync messages).
        self.waiting.append((self.sent, ack))
        self._acked(self.stored)  # at once if the edit changed nothing the host has not stored

    async def run(self) -> None:
        writer = asyncio.create_task(self._write())
        serving = asyncio.create_task(self.host._serve(self.channel))
        self._to_host(create_sync_message(self.document.doc))
        try:
            async for raw in self.socket:
                if not isinstance(raw, str) or len(raw) > MAX_BROWSER_MESSAGE:
                    await self.socket.close(1009, "message too large or not text")
                    break
                try:
                    message = json.loads(raw)
                except ValueError:
                    message = None
                if not isinstance(message, dict):
                    await self.socket.close(1003, "not a browser-protocol message")
                    break
                self.handle(message)
        except ConnectionClosed:
            pass
        finally:
            self.channel.incoming.put_nowait(None)
            await asyncio.gather(serving, return_exceptions=True)
            if self._lint_task is not None:
                self._lint_task.cancel()
            await asyncio.sleep(0)  # let the writer send what is queued (the close reason)
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)


def _seen(host) -> dict[str, int]:
    """The last edit applied per browser (across its reconnections), kept with the host."""
    seen = getattr(host, "_web_seen", None)
    if seen is None:
        seen = host._web_seen = {}
    return seen


async def serve_browser(host, socket: ServerConnection) -> None:
    """One browser: the key first (nothing is sent before it is checked), then the paper."""
    try:
        raw = await asyncio.wait_for(socket.recv(), HELLO_SECONDS)
        hello = json.loads(raw) if isinstance(raw, str) and len(raw) < 4096 else None
    except (TimeoutError, ConnectionClosed, ValueError):
        hello = None
    if not isinstance(hello, dict) or hello.get("t") != "hello":
        await socket.close(CLOSE_KEY, "say hello with the key first")
        return
    role = role_for(host.secret, host.paper_id, str(hello.get("key", "")))
    if role is None:
        log.warning("refused a browser without a valid key")
        await socket.close(CLOSE_KEY, "wrong or missing key: ask the host for the link")
        return
    name = decode_name(str(hello.get("name", ""))[:200])
    client = str(hello.get("client", ""))[:64] or str(id(socket))
    log.info("browser %s joined as %s", name, role)
    await BrowserPeer(host, socket, role, name, client).run()
