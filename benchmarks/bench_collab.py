"""Co-drafting on loopback: edit-to-visible latency, convergence, late joiner, memory per peer.

The host runs as its own process (`resedit host --headless`), the peers in this process, all on
127.0.0.1. Baselines measured in the same run: a websocket ping round trip to the same host
(the floor for any edit relayed through it) and reading the same 60-clause paper from its text
file (the floor for a late joiner). Bounded for a shared 2-core machine: a few hundred edits.
A peer speaking the browser protocol (the page's, over the same port) gets its own row.
Run: uv run python benchmarks/bench_collab.py
"""
from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resedit.collab.client import Client
from resedit.collab.link import parse_link
from resedit.collab.store import CopyStore, Persister
from resedit.formats import read_paper, write_paper
from resedit.model.edits import InsertClause, MoveClause, SetText
from resedit.model.paper import Clause, WorkingPaper

ROOT = Path(__file__).resolve().parent.parent
EDITS = 150
BROWSER_EDITS = 100  # each waits for the host's durable ack (it flushes every 100 ms), as the page does


def paper(clauses: int = 60) -> WorkingPaper:
    words = "the Commission urges Member States to strengthen cooperation on trafficking in persons".split()
    rng = random.Random(7)

    def text() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(15, 40))) + " — é 😀;"

    half = clauses // 2
    return WorkingPaper(code="CCPCJ/1/1", committee="Commission on Crime Prevention and Criminal Justice",
                        topic="Trafficking", opening="The Commission on Crime Prevention and Criminal Justice,",
                        sponsors=["Brazil", "Viet Nam"], preamble=[Clause(text()) for _ in range(half)],
                        operative=[Clause(text(), [Clause(text()), Clause(text())]) for _ in range(half // 3)]
                        + [Clause(text()) for _ in range(half - half // 3)])


def rss_kb(pid: str | int = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_host(paper_file: Path, copy: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    process = subprocess.Popen([sys.executable, "-m", "resedit.cli", "host", str(paper_file), "--headless",
                                "--bind", "127.0.0.1:0", "--copy", str(copy), "--no-qr"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True, cwd=ROOT)
    links: dict[str, str] = {}
    while len(links) < 4:  # three join links and the co-sponsors' browser link
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the host did not start")
        if "resedit join '" in line:
            link = line.split("'")[1]
            links[parse_link(link).role] = link
        elif "browser: http" in line and "browser" not in links:
            links["browser"] = line.split("browser: ", 1)[1].strip()  # the co-sponsors' page
    return process, links


async def join(link: str, tmp: Path, name: str) -> Client:
    store = CopyStore(tmp / f"{name}.collab")
    parsed = parse_link(link)
    document = store.load(role=parsed.role, who=name)
    client = Client(document, parsed, name, Persister(document, store))
    client.start()
    await asyncio.wait_for(client.synced.wait(), 30)
    return client


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def latency(peers: list[Client], edits: int) -> tuple[list[float], list[float]]:
    """(each arrival at one peer, the arrival at the last peer) per edit, in ms."""
    writer, readers = peers[0], peers[1:]
    clause = writer.document.paper.operative[0].id
    arrivals: list[float] = []
    everyone: list[float] = []
    for n in range(edits):
        marker = f"·{n}é"
        seen: dict[int, float] = {}
        done = asyncio.Event()

        def listener_for(i: int):
            def heard(edit, origin):
                text = readers[i].document.paper.find(clause).text
                if i not in seen and origin == "remote" and text.endswith(marker):
                    seen[i] = time.perf_counter()
                    if len(seen) == len(readers):
                        done.set()
            return heard

        for i, reader in enumerate(readers):
            reader.document._listeners = [listener_for(i)]
        text = writer.document.paper.find(clause).text
        start = time.perf_counter()
        writer.document.apply(SetText(clause, text + marker))
        await asyncio.wait_for(done.wait(), 10)
        arrivals += [(t - start) * 1000 for t in seen.values()]
        everyone.append((max(seen.values()) - start) * 1000)
        await asyncio.sleep(0.005)
    for reader in readers:
        reader.document._listeners = []
    return arrivals, everyone


async def browser_latency(url: str, reader: Client, edits: int) -> list[float]:
    """A peer speaking the browser protocol (resedit/web/bridge.py) as the page's script does: one
    edit in flight, the next after the host's ack. Each edit's arrival at a terminal peer, in ms."""
    import json

    from websockets.asyncio.client import connect

    address, fragment = url.split("#", 1)
    key = dict(part.split("=", 1) for part in fragment.split("&"))["key"]
    hostport, paper_id = address.split("//", 1)[1].split("/")[:2]
    clause = reader.document.paper.operative[1].id
    arrivals: list[float] = []
    async with connect(f"ws://{hostport}/{paper_id}/web", proxy=None, origin=f"http://{hostport}") as socket:
        await socket.send(json.dumps({"t": "hello", "key": key, "name": "browser", "client": "bench"}))
        texts: dict[str, str] = {}
        acked = asyncio.Event()
        ready = asyncio.Event()

        async def receive():
            async for raw in socket:
                message = json.loads(raw)
                if message["t"] == "paper":
                    texts.update({row["id"]: row["text"] for row in message["rows"]})
                    ready.set()
                elif message["t"] == "ack":
                    texts[message["clause"]] = message["text"]
                    acked.set()

        receiving = asyncio.create_task(receive())
        await asyncio.wait_for(ready.wait(), 10)
        for n in range(edits):
            marker = f"·b{n}é"
            seen = asyncio.Event()
            arrived: list[float] = []

            def heard(edit, origin, marker=marker, seen=seen, arrived=arrived):
                if not arrived and origin == "remote" and reader.document.paper.find(clause).text.endswith(marker):
                    arrived.append(time.perf_counter())
                    seen.set()

            reader.document._listeners = [heard]
            base = texts[clause]
            acked.clear()
            start = time.perf_counter()
            await socket.send(json.dumps({"t": "edit", "clause": clause, "base": base, "text": base + marker,
                                          "seq": n + 1}))
            await asyncio.wait_for(seen.wait(), 10)
            arrivals.append((arrived[0] - start) * 1000)
            await asyncio.wait_for(acked.wait(), 10)
        reader.document._listeners = []
        receiving.cancel()
    return arrivals


async def ping_ms(client: Client, n: int = 50) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        await (await client.socket.ping())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def converge(peers: list[Client], operations: int) -> tuple[float, float]:
    """(seconds to issue `operations` random concurrent edits, seconds from the last to convergence)."""
    rng = random.Random(3)
    start = time.perf_counter()
    for n in range(operations):
        peer = peers[n % len(peers)]
        document = peer.document
        clauses = [c for _, _, _, c in document.paper.clauses()]
        roll = rng.random()
        clause = rng.choice(clauses)
        if roll < 0.85:
            at = rng.randint(0, len(clause.text))
            document.apply(SetText(clause.id, clause.text[:at] + rng.choice("aé😀 ") + clause.text[at:]))
        elif roll < 0.93:
            at = rng.randint(0, len(document.paper.operative))
            document.apply(InsertClause("operative", None, at, Clause("new ✓")))
        else:
            top = document.paper.operative
            moving = rng.choice(top)
            document.apply(MoveClause(moving.id, "operative", None, rng.randint(0, len(top) - 1)))
        if n % 10 == 0:
            await asyncio.sleep(0)
    issued = time.perf_counter()
    target = None
    while True:
        papers = [p.document.paper for p in peers]
        if all(p == papers[0] for p in papers[1:]):
            target = papers[0]
            break
        await asyncio.sleep(0.005)
    assert target is not None
    return issued - start, time.perf_counter() - issued


async def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-collab-"))
    paper_file = tmp / "paper.txt"
    write_paper(paper(60), paper_file)
    start = time.perf_counter()
    for _ in range(5):
        read_paper(paper_file)
    read_ms = (time.perf_counter() - start) / 5 * 1000
    process, links = start_host(paper_file, tmp / "host.collab")
    try:
        results = {}
        base_rss = rss_kb()
        peers: list[Client] = []
        for count in (3, 20):
            while len(peers) < count:
                peers.append(await join(links["edit"], tmp, f"peer{len(peers)}"))
            await asyncio.sleep(0.3)
            ping = await ping_ms(peers[0])
            arrivals, everyone = await latency(peers, EDITS)
            results[count] = (ping, arrivals, everyone)
            if count == 3:
                browser_ms = await browser_latency(links["browser"], peers[1], BROWSER_EDITS)
        per_peer_kb = (rss_kb() - base_rss) / len(peers)
        # Late joiner: the 60-clause paper after 20 peers' edits, from an empty copy.
        times = []
        for n in range(5):
            start = time.perf_counter()
            late = await join(links["read"], tmp, f"late{n}")
            late.document.paper  # noqa: B018 (built, as the editor would show it)
            times.append((time.perf_counter() - start) * 1000)
            await late.stop()
        state_kb = len(peers[0].document.doc.get_update()) / 1024
        for peer in peers[3:]:
            await peer.stop()
        issue_s, converge_s = await converge(peers[:3], 1000)
        print("Co-drafting on loopback (host process + peers in this process, 2-core shared machine)")
        for count, (ping, arrivals, everyone) in results.items():
            print(f"  {count:2d} peers: edit visible at a peer: median {statistics.median(arrivals):.2f} ms, "
                  f"p99 {pct(arrivals, 99):.2f} ms; at all {count - 1} others: median "
                  f"{statistics.median(everyone):.2f} ms, p99 {pct(everyone, 99):.2f} ms "
                  f"(websocket ping {ping:.2f} ms: median/ping = {statistics.median(arrivals) / ping:.1f}x)")
        terminal_median = statistics.median(results[3][1])
        print(f"  browser-protocol peer (+2 terminal peers): edit visible at a terminal peer: median "
              f"{statistics.median(browser_ms):.2f} ms, p99 {pct(browser_ms, 99):.2f} ms "
              f"({statistics.median(browser_ms) / terminal_median:.1f}x a terminal peer's median, "
              f"{statistics.median(browser_ms) / results[3][0]:.1f}x the ping)")
        print(f"  1,000 concurrent operations by 3 peers: issued in {issue_s:.2f} s, "
              f"converged {converge_s * 1000:.0f} ms after the last")
        print(f"  late joiner, 60-clause paper ({state_kb:.0f} KB of CRDT state): median "
              f"{statistics.median(times):.0f} ms (reading the text file: {read_ms:.1f} ms, "
              f"ratio {statistics.median(times) / read_ms:.1f}x)")
        print(f"  memory: {per_peer_kb / 1024:.2f} MB per in-process peer (20 peers); host process "
              f"{rss_kb(process.pid) / 1024:.0f} MB RSS; this process {rss_kb() / 1024:.0f} MB")
        for peer in peers[:3]:
            await peer.stop()
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    asyncio.run(main())
