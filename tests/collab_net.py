"""Helpers for co-drafting tests: a real host and real clients on 127.0.0.1, in one event loop."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

from resedit.collab.client import Client
from resedit.collab.document import SharedDocument
from resedit.collab.host import Host
from resedit.collab.link import Link, parse_link
from resedit.collab.store import CopyStore, Persister
from resedit.model.paper import Clause, WorkingPaper


def sample_paper() -> WorkingPaper:
    return WorkingPaper(
        code="CCPCJ/1/1", committee="Commission on Crime Prevention and Criminal Justice",
        topic="Trafficking in persons — en ligne", opening="The Commission,",
        sponsors=["Brazil", "Côte d'Ivoire"], signatories=["Türkiye"],
        preamble=[Clause("Recalling its résolution 27/2,"), Clause("Deeply concerned 😀 by,")],
        operative=[Clause("Urges Member States to:", [Clause("Strengthen ...;"), Clause("Consider ...;")]),
                   Clause("Requests the Office.")])


class Bloc:
    """A host and its peers, each with its own durable copy under `tmp`."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.host: Host | None = None
        self.clients: list[Client] = []
        self._flushers: list[asyncio.Task] = []

    async def start_host(self, paper: WorkingPaper | None = None, port: int = 0, copy: str = "host.collab") -> Host:
        self.host = Host(CopyStore(self.tmp / copy), paper or sample_paper(), port=port)
        await self.host.start()
        return self.host

    async def join(self, role: str = "edit", name: str = "", link: Link | None = None, copy: str | None = None,
                   wait: bool = True) -> Client:
        name = name or f"peer{len(self.clients) + 1}"
        store = CopyStore(self.tmp / (copy or f"{name}.collab"))
        link = link or self.host.link(role)
        document = store.load(role=link.role, who=name)
        client = Client(document, link, name, Persister(document, store))
        client.start()
        self._flushers.append(asyncio.get_running_loop().create_task(client.persister.run()))
        self.clients.append(client)
        if wait:
            await asyncio.wait_for(client.synced.wait(), 5)
        return client

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every connected peer holds exactly the host's document."""
        deadline = time.monotonic() + timeout
        while True:
            target = self.host.document.doc
            online = [c for c in self.clients if c.online.is_set() and c.error is None]
            if all(c.synced.is_set() and same(c.document, self.host.document) for c in online):
                return
            if time.monotonic() > deadline:
                raise AssertionError("peers did not converge: " + repr([
                    (c.name, c.document.paper == self.host.document.paper) for c in online]))
            await asyncio.sleep(0.02)
            del target

    async def close(self) -> None:
        for task in self._flushers:
            task.cancel()
        for client in self.clients:
            await client.stop()
        if self.host is not None:
            await self.host.stop()


def state_vector(document: SharedDocument) -> dict[int, int]:
    """Decode a Yjs state vector (count, then client/clock pairs as varuints): its order varies."""
    data, i = document.doc.get_state(), 0

    def varuint() -> int:
        nonlocal i
        value = shift = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    return {varuint(): varuint() for _ in range(varuint())}


def same(a: SharedDocument, b: SharedDocument) -> bool:
    return state_vector(a) == state_vector(b) and a.paper == b.paper and \
        sorted(a.deleted_clauses()) == sorted(b.deleted_clauses()) and a.comments() == b.comments()


def run(coro, timeout: float = 60.0):
    return asyncio.run(asyncio.wait_for(coro, timeout))


ROOT = Path(__file__).resolve().parent.parent


def start_host(paper: Path, copy: Path, port: int = 0) -> tuple[subprocess.Popen, dict[str, str], list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "resedit.cli", "host", str(paper), "--bind", f"127.0.0.1:{port}", "--headless",
         "--copy", str(copy)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        text=True, cwd=ROOT)
    links, lines = {}, []
    deadline = time.monotonic() + 20
    while len(links) < 3 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "resedit join '" in line:
            link = line.split("'")[1]
            links[parse_link(link).role] = link
    assert len(links) == 3, lines
    return process, links, lines


