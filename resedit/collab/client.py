"""A peer: keeps its SharedDocument in sync with the host, and keeps editing when cut off.

Local edits always land in the local document (and its durable copy); while connected they are
sent at once, and on every (re)connection the Yjs sync exchange sends whatever the other side
misses, so edits made offline merge on return. `acked` counts this connection's messages the host
has durably stored. A refused write (close 4403) makes the peer drop its copy and reload.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from pycrdt import create_sync_message, create_update_message, handle_sync_message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from resedit.collab import protocol
from resedit.collab.document import Peer, SharedDocument
from resedit.collab.link import (
    ENGINE,
    ENGINE_HEADER,
    FORMAT_HEADER,
    KEY_HEADER,
    NAME_HEADER,
    Link,
    LinkError,
    encode_name,
    wire_logger,
)
from resedit.collab.schema import FORMAT_VERSION
from resedit.collab.store import Persister

log = logging.getLogger("resedit.collab.client")


class Client:
    def __init__(self, document: SharedDocument, link: Link, name: str = "", persister: Persister | None = None):
        self.document = document
        self.link = link
        self.name = name or document.who or "anonymous"
        self.persister = persister
        if persister is not None:
            known = persister.store.get("paper_id")
            if known not in (None, link.paper_id):
                raise LinkError(f"{persister.store.path} is a copy of another paper ({known})")
            persister.store.set("paper_id", link.paper_id)
        self.socket: ClientConnection | None = None
        self.connected = asyncio.Event()
        self.synced = asyncio.Event()
        self.online = asyncio.Event()
        self.online.set()
        self.sent = 0
        self.acked = 0
        self.offline_changes = 0  # local changes made while not connected
        self.refusals: list[str] = []
        # Signatures the host did not apply, with its reason ("Lituania: did you mean Lithuania?").
        self.sign_refusals: list[str] = []
        self.sign_refusal_listeners: list = []  # each called with the reason
        self.error: LinkError | None = None
        self.peer_id: int | None = None
        self._outbox: asyncio.Queue | None = None
        self._commands: list[dict] = []
        self._cursor: tuple[str | None, int] = (None, 0)
        self._acked_event = asyncio.Event()
        self._task: asyncio.Task | None = None
        document.add_update_listener(self._on_update)
        document.command_sink = self._command
        document.cursor_sink = self._set_cursor

    # -- lifecycle -------------------------------------------------------------------------
    async def run(self) -> None:
        """Connect, sync, and reconnect after any cut until stopped; fatal errors end it."""
        delay = 0.05
        while True:
            await self.online.wait()
            try:
                await self._session()
                delay = 0.05
            except InvalidStatus as exc:
                body = exc.response.body.decode("utf-8", "replace").strip() if exc.response.body else ""
                self.error = LinkError(f"the host refused to let you join (HTTP {exc.response.status_code}): {body}")
                log.error("%s", self.error)
                return
            except (TimeoutError, OSError, ConnectionClosed) as exc:
                log.info("not connected (%s); retrying", type(exc).__name__)
            except Exception as exc:  # a half-open proxy, a garbled handshake ...: keep trying, never die
                log.warning("connection failed (%s: %s); retrying", type(exc).__name__, exc, exc_info=True)
            finally:
                self._disconnected()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 1.0)

    def start(self) -> asyncio.Task:
        self._task = asyncio.get_running_loop().create_task(self.run())
        return self._task

    async def stop(self) -> None:
        """Leave cleanly (a normal close, then the local copy flushed)."""
        self.online.clear()
        if self.socket is not None:
            try:
                await asyncio.wait_for(self.socket.close(), 1)
            except (TimeoutError, ConnectionClosed, OSError):
                pass
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        if self.persister is not None:
            await self.persister.flush()

    @asynccontextmanager
    async def running(self):
        """`async with client.running():` keeps it connected (and flushing its copy) meanwhile."""
        self.start()
        flusher = asyncio.get_running_loop().create_task(self.persister.run()) if self.persister else None
        try:
            yield self
        finally:
            if flusher is not None:
                flusher.cancel()
                await asyncio.gather(flusher, return_exceptions=True)
            await self.stop()

    async def go_offline(self) -> None:
        """Cut the connection as a network loss would, and stay off until go_online()."""
        self.online.clear()
        self._show_connection()
        if self.socket is not None:
            self.socket.transport.abort()
        while self.connected.is_set():
            await asyncio.sleep(0.01)

    def go_online(self) -> None:
        self.online.set()
        self._show_connection()

    # -- one connection ----------------------------------------------------------------------
    async def _session(self) -> None:
        headers = {KEY_HEADER: self.link.key, ENGINE_HEADER: ENGINE, FORMAT_HEADER: str(FORMAT_VERSION),
                   NAME_HEADER: encode_name(self.name)}
        async with connect(self.link.uri, additional_headers=headers, proxy=None, max_size=protocol.MAX_MESSAGE,
                           compression=None, open_timeout=5, ping_interval=5, ping_timeout=10,
                           logger=wire_logger("client")) as socket:
            self.socket = socket
            self._outbox = asyncio.Queue()
            self.sent = self.acked = 0
            self.connected.set()
            writer = asyncio.create_task(self._write(socket, self._outbox))
            try:
                self._outbox.put_nowait(create_sync_message(self.document.doc))
                for command in self._commands:
                    self._outbox.put_nowait(protocol.control(command))
                self._commands.clear()
                self._outbox.put_nowait(self._presence())
                async for message in socket:
                    if isinstance(message, bytes):
                        await self._handle(message)
            finally:
                writer.cancel()
                await asyncio.gather(writer, return_exceptions=True)

    def _disconnected(self) -> None:
        self.offline_changes += max(0, self.sent - self.acked)  # not stored by the host: resent on return
        self.sent = self.acked = 0
        self.connected.clear()
        self.synced.clear()
        self.socket = None
        self._outbox = None
        self.document.peers = []
        self._show_connection()

    def _show_connection(self) -> None:
        """connected / reconnecting / offline and how many changes wait to be sent, for the editor."""
        if self.synced.is_set():
            state = "connected"
        else:
            state = "reconnecting" if self.online.is_set() else "offline"
        unsent = self.offline_changes + max(0, self.sent - self.acked)
        if self.document.connection != (state, unsent):
            self.document.connection = (state, unsent)
            # Soon, not now: this may run inside a document transaction (a change being made),
            # where listeners cannot read the paper.
            asyncio.get_running_loop().call_soon(self.document.notify_peers)

    async def _write(self, socket: ClientConnection, outbox: asyncio.Queue) -> None:
        while True:
            await socket.send(await outbox.get())

    async def _handle(self, message: bytes) -> None:
        kind = protocol.kind(message)
        if kind == "sync-step1":
            reply = handle_sync_message(message[1:], self.document.doc)
            if self.document.role == "edit":
                self._send_data(reply)
        elif kind in ("sync-step2", "sync-update"):
            update = protocol.update_of(message)
            if update != protocol.EMPTY_UPDATE:
                self.document.apply_remote(update, origin="host")
            if kind == "sync-step2":
                self.synced.set()
                self.offline_changes = 0  # the sync exchange carried them
                self._show_connection()
        elif kind == "control":
            command = protocol.read_control(message)
            what = command.get("t")
            if what == "ack":
                self.acked = int(command["n"])
                self._acked_event.set()
                self._show_connection()
            elif what == "welcome":
                self.peer_id = command.get("you")
                self.document.me = self.peer_id
            elif what == "peers":
                self.document.peers = [Peer(**p) for p in command.get("peers", []) if isinstance(p, dict)]
                self.document.notify_peers()
            elif what == "sign-refused":
                reason = str(command.get("reason", "")) or "the host did not accept the signature"
                log.info("the host refused the signature %r: %s", command.get("state"), reason)
                self.sign_refusals.append(reason)
                for listener in self.sign_refusal_listeners:
                    listener(reason)
                self.document.notice(f"signature refused: {reason}", False)
            elif what == "signed":
                self.document.notice(f"the host added {command.get('state')} as a signatory", True)
            elif what == "comment-refused":
                self.document.notice(f"comment refused: {command.get('reason', '')}", False)
            elif what == "refused":
                await self._refused(str(command.get("reason", "")))

    async def _refused(self, reason: str) -> None:
        """The host refused a write: drop this copy, it reloads on the next connection."""
        log.warning("the host refused a change and cut this peer off: %s", reason)
        self.refusals.append(reason)
        if self.persister is not None:
            await self.persister.reset()
        self.document.reset()

    # -- outgoing ---------------------------------------------------------------------------
    def _send_data(self, message: bytes) -> None:
        if self._outbox is not None:
            self.sent += 1
            self._acked_event.clear()
            self._outbox.put_nowait(message)

    def _on_update(self, update: bytes, origin) -> None:
        # Only this peer's own changes go out; what came from the host or the store is already there.
        if origin != "local":
            return
        if self.connected.is_set():
            self._send_data(create_update_message(update))
        else:
            self.offline_changes += 1
            self._show_connection()

    def _command(self, command: dict) -> None:
        if self._outbox is not None:
            self._outbox.put_nowait(protocol.control(command))
        else:
            self._commands.append(command)  # sent on reconnection

    def _presence(self) -> bytes:
        return protocol.control({"t": "presence", "clause": self._cursor[0], "offset": self._cursor[1]})

    def _set_cursor(self, clause_id: str | None, offset: int) -> None:
        self._cursor = (clause_id, offset)
        if self._outbox is not None:
            self._outbox.put_nowait(self._presence())

    # -- for tests and the headless modes ------------------------------------------------------
    @property
    def all_acked(self) -> bool:
        return self.connected.is_set() and self.synced.is_set() and self.acked >= self.sent

    async def wait_acked(self, timeout: float = 10.0) -> None:
        """Wait until the host has durably stored everything this peer sent on this connection."""
        async def wait():
            while not self.all_acked:
                self._acked_event.clear()
                if self.all_acked:
                    return
                try:
                    await asyncio.wait_for(self._acked_event.wait(), 0.05)
                except TimeoutError:
                    pass
        await asyncio.wait_for(wait(), timeout)
