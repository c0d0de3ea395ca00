"""The host: serves one paper to the bloc over websockets, enforcing each connection's role.

- The handshake is refused (HTTP 401) without a valid key, (HTTP 404) for another paper and
  (HTTP 426) for another sync-engine or format version, before any document data flows.
- Roles are per connection: only `edit` peers may send updates. A `sign` or `read` peer that
  sends one is cut off (close 4403) and reloads a fresh copy; signing is a command the host
  applies. The host never applies some of a peer's updates and drops others.
- Every applied update is flushed to the host's copy every 100 ms; then each peer gets an ack
  of how many of its sync messages are durably stored.
"""
from __future__ import annotations

import asyncio
import errno
import itertools
import logging
import time
from dataclasses import asdict, dataclass, field
from http import HTTPStatus

from pycrdt import create_sync_message, create_update_message, handle_sync_message
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from resedit.collab import protocol, roles
from resedit.collab.document import Peer, SharedDocument
from resedit.collab.link import (
    ENGINE,
    ENGINE_HEADER,
    FORMAT_HEADER,
    KEY_HEADER,
    NAME_HEADER,
    ROLE_NAMES,
    Link,
    decode_name,
    key_for,
    new_paper_id,
    new_secret,
    role_for,
    wire_logger,
)
from resedit.collab.schema import FORMAT_VERSION
from resedit.collab.store import CopyStore, Persister
from resedit.errors import ResEditError
from resedit.model.paper import WorkingPaper
from resedit.sponsorship.changes import Refused

log = logging.getLogger("resedit.collab.host")
FLUSH_SECONDS = 0.1


@dataclass(eq=False)
class _Conn:
    socket: ServerConnection
    peer: Peer
    outbox: asyncio.Queue = field(default_factory=asyncio.Queue)
    received: int = 0  # sync messages with data applied from this peer
    acked: int = 0
    signed: str | None = None  # a signatory link signs once, for the State it joined as
    limits: roles.CommentLimits = field(default_factory=roles.CommentLimits)


class Host:
    def __init__(self, store: CopyStore, paper: WorkingPaper | None = None, *,
                 host: str = "127.0.0.1", port: int = 8765, name: str = "host"):
        self.store = store
        store.lock_for_hosting()
        self.paper_id = store.get("paper_id") or new_paper_id()
        self.secret = store.get("secret") or new_secret()
        store.set("paper_id", self.paper_id)
        store.set("secret", self.secret)
        self.document = store.load(role="edit", who=name)
        if paper is not None and not self.document.paper.preamble and not self.document.paper.operative \
                and not store.updates():
            self.document = SharedDocument.from_paper(paper, role="edit", who=name)
            store.replace(self.document.doc.get_update())
        self.persister = Persister(self.document, store)
        self.me = Peer(0, name, "edit")  # the host co-drafts too: it shows in everyone's presence
        self.document.me, self.document.connection = 0, ("hosting", 0)
        self.document.cursor_sink = self._host_cursor
        self.document.add_update_listener(self._broadcast)
        self.bind_host, self.port = host, port
        self.conns: dict[ServerConnection, _Conn] = {}
        self._ids = itertools.count(1)
        self._server = None
        self._flusher: asyncio.Task | None = None

    # -- links -----------------------------------------------------------------------------
    def link(self, role: str, host: str | None = None) -> Link:
        return Link(host or self.bind_host, self.port, self.paper_id, role,
                    key_for(self.secret, self.paper_id, role))

    def links(self, host: str | None = None) -> dict[str, Link]:
        return {role: self.link(role, host) for role in ROLE_NAMES}

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        try:
            self._server = await serve(
                self._serve, self.bind_host, self.port, process_request=self._check, compression=None,
                max_size=protocol.MAX_MESSAGE, logger=wire_logger("server"), ping_interval=5, ping_timeout=10)
        except OSError as exc:
            why = ("the port is in use (another program, or another resedit host?): pick another with "
                   "--bind ADDR:PORT") if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            raise ResEditError(f"cannot host on {self.bind_host}:{self.port}: {why}") from None
        self.port = self._server.sockets[0].getsockname()[1]
        self._flusher = asyncio.create_task(self._flush_loop())
        log.info("hosting paper %s on %s:%d", self.paper_id, self.bind_host, self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        if self._flusher is not None:
            self._flusher.cancel()
        await self.persister.flush()

    async def serve_forever(self) -> None:
        await self.start()
        try:
            await asyncio.Future()
        finally:
            await self.stop()

    # -- handshake: nothing of the paper flows before this says yes ---------------------------
    def _check(self, connection: ServerConnection, request):
        from resedit.web import http as web  # the browser page and its socket (issue 17)

        answer = web.route(self, connection, request)
        if answer is not web.PASS:
            return answer
        role = role_for(self.secret, self.paper_id, request.headers.get(KEY_HEADER))
        if role is None:
            log.warning("refused a connection without a valid key")
            return connection.respond(HTTPStatus.UNAUTHORIZED, "wrong or missing key: ask the host for the join link\n")
        if request.path.strip("/") != self.paper_id:
            return connection.respond(HTTPStatus.NOT_FOUND, "this host serves another paper\n")
        engine = request.headers.get(ENGINE_HEADER, "unknown")
        fmt = request.headers.get(FORMAT_HEADER, "?")
        if engine != ENGINE or fmt != str(FORMAT_VERSION):
            return connection.respond(
                HTTPStatus.UPGRADE_REQUIRED,
                f"version mismatch: the host uses sync engine {ENGINE} and paper format {FORMAT_VERSION}, "
                f"you use {engine} and format {fmt}. Install the host's resedit release to join.\n")
        connection.resedit_role = role
        connection.resedit_name = decode_name(request.headers.get(NAME_HEADER))
        return None

    # -- one connection ----------------------------------------------------------------------
    async def _serve(self, socket: ServerConnection) -> None:
        if getattr(socket, "resedit_web", False):  # a browser: it joins through its own bridge
            from resedit.web.bridge import serve_browser

            return await serve_browser(self, socket)
        conn = _Conn(socket, Peer(next(self._ids), socket.resedit_name, socket.resedit_role))
        self.conns[socket] = conn
        log.info("peer %d (%s) joined as %s", conn.peer.id, conn.peer.name, conn.peer.role)
        writer = asyncio.create_task(self._write(conn))
        conn.outbox.put_nowait(protocol.control({
            "t": "welcome", "role": conn.peer.role, "you": conn.peer.id, "paper": self.paper_id,
            "engine": ENGINE, "format": FORMAT_VERSION}))
        conn.outbox.put_nowait(create_sync_message(self.document.doc))
        self._send_peers()
        try:
            async for message in socket:
                if not isinstance(message, bytes) or not await self._handle(conn, message):
                    break
        except ConnectionClosed:
            pass
        finally:
            del self.conns[socket]
            conn.outbox.put_nowait(None)
            await asyncio.gather(writer, return_exceptions=True)
            log.info("peer %d left", conn.peer.id)
            self._send_peers()

    async def _handle(self, conn: _Conn, message: bytes) -> bool:
        """Handle one message; False cuts the peer off."""
        kind = protocol.kind(message)
        if kind == "sync-step1":
            conn.outbox.put_nowait(handle_sync_message(message[1:], self.document.doc))
        elif kind in ("sync-step2", "sync-update"):
            try:
                update = protocol.update_of(message)
            except Exception:
                return await self._cut(conn, protocol.CLOSE_BAD, "malformed sync message")
            if conn.peer.role != "edit":
                if update == protocol.EMPTY_UPDATE:
                    return True
                return await self._cut(conn, protocol.CLOSE_REFUSED,
                                       f"joined as {conn.peer.role}: edits are not accepted from this link")
            if update != protocol.EMPTY_UPDATE:
                try:
                    self.document.apply_remote(update, origin=conn)
                except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
                    raise
                except BaseException:  # a panic inside the Rust engine is a BaseException
                    return await self._cut(conn, protocol.CLOSE_BAD, "an update the paper cannot take")
            conn.received += 1
        elif kind == "control":
            try:
                self._command(conn, protocol.read_control(message))
            except (ValueError, KeyError, TypeError):
                return await self._cut(conn, protocol.CLOSE_BAD, "malformed command")
        return True

    def _command(self, conn: _Conn, command: dict) -> None:
        what = command.get("t")
        if what == "presence":
            clause, offset = command.get("clause"), command.get("offset", 0)
            conn.peer.clause = clause if isinstance(clause, str) else None
            conn.peer.offset = offset if isinstance(offset, int) else 0
            self._send_peers()
        elif what == "sign" and conn.peer.role in ("edit", "sign"):
            typed = str(command.get("state") or conn.peer.name)[:80]
            try:
                if conn.peer.role == "sign":
                    typed = roles.signatory_may_sign(conn.peer.name, typed, conn.signed)
                state = self.document.host_sign(typed, conn.peer.name)
            except Refused as exc:  # tell the signer why; the paper is unchanged
                log.warning("peer %d (%s) could not sign as %r: %s", conn.peer.id, conn.peer.name, typed, exc)
                conn.outbox.put_nowait(protocol.control({"t": "sign-refused", "state": typed, "reason": str(exc)}))
            else:
                conn.signed = state
                log.info("peer %d (%s) signed as %s", conn.peer.id, conn.peer.name, state)
                conn.outbox.put_nowait(protocol.control({"t": "signed", "state": state}))
        elif what == "comment":
            self._comment(conn, command)

    def _comment(self, conn: _Conn, command: dict) -> None:
        """A comment (any role) within this connection's limits; refused with the reason."""
        clause, text = command.get("clause"), str(command.get("text", ""))
        reason = conn.limits.refuse(text, time.monotonic())
        if reason is None and not text.strip():
            reason = "an empty comment"
        if reason is not None:
            log.warning("peer %d (%s): comment refused: %s", conn.peer.id, conn.peer.name, reason)
            conn.outbox.put_nowait(protocol.control({"t": "comment-refused", "reason": reason}))
            return
        self.document.host_comment(clause if isinstance(clause, str) else None, text.strip(), conn.peer.name)

    async def _cut(self, conn: _Conn, code: int, reason: str) -> bool:
        log.warning("cut off peer %d (%s): %s", conn.peer.id, conn.peer.role, reason)
        conn.outbox.put_nowait(protocol.control({"t": "refused", "reason": reason}))
        conn.outbox.put_nowait(("close", code, reason))
        return False

    async def _write(self, conn: _Conn) -> None:
        while True:
            item = await conn.outbox.get()
            if item is None:
                return
            try:
                if isinstance(item, tuple):
                    await conn.socket.close(item[1], item[2])
                    return
                await conn.socket.send(item)
            except ConnectionClosed:
                return

    # -- fan-out, durability, acks ---------------------------------------------------------
    def _broadcast(self, update: bytes, origin) -> None:
        if origin == "store":
            return
        message = create_update_message(update)
        for socket, conn in self.conns.items():
            if conn is not origin and socket is not origin:
                conn.outbox.put_nowait(message)

    def _host_cursor(self, clause_id: str | None, offset: int) -> None:
        if (self.me.clause, self.me.offset) != (clause_id, offset):
            self.me.clause, self.me.offset = clause_id, offset
            self._send_peers()

    def _send_peers(self) -> None:
        peers = [asdict(self.me)] + [asdict(c.peer) for c in self.conns.values()]
        self.document.peers = [Peer(**p) for p in peers]
        self.document.notify_peers()
        message = protocol.control({"t": "peers", "peers": peers})
        for conn in self.conns.values():
            conn.outbox.put_nowait(message)

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            await self.flush()

    async def flush(self) -> None:
        """Write what was applied, then ack to each peer what that write covered."""
        async with self.persister.lock:
            counts = {conn: conn.received for conn in self.conns.values()}
            data, replace = self.persister.take()
            if data is not None:
                await asyncio.to_thread(self.persister.write, data, replace)
        for conn, received in counts.items():
            if received > conn.acked:
                conn.acked = received
                conn.outbox.put_nowait(protocol.control({"t": "ack", "n": received}))
