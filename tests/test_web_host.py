"""The host's browser side without a browser: links and QR codes, the page's HTTP answers, the browser
protocol spoken by a websockets client (roles, key, rebase, resends)."""
from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import segno
from collab_net import ROOT, Bloc, run, sample_paper
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from resedit.formats.text import write_text
from resedit.web.qr import qr_text


def start_cli_host(paper, copy, *extra) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "resedit.cli", "host", str(paper), "--bind", "127.0.0.1:0", "--headless",
         "--copy", str(copy), *extra], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    lines = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if line.startswith("Keep the links private"):
            break
    return process, lines


def matrix_of(block: list[str]) -> list[list[int]]:
    """Read a half-block QR code back into modules (1 dark); the terminal shows dark as blank."""
    rows = []
    for line in block:
        top = [0 if ch in "█▀" else 1 for ch in line]
        bottom = [0 if ch in "█▄" else 1 for ch in line]
        rows += [top, bottom]
    return rows


def get(url: str):
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_host_prints_a_browser_link_and_its_qr_code_per_role_and_serves_the_page(tmp_path):
    paper_file = tmp_path / "paper.txt"
    paper_file.write_text(write_text(sample_paper()), encoding="utf-8")
    process, lines = start_cli_host(paper_file, tmp_path / "host.collab")
    try:
        browser = [line.split("browser: ", 1)[1] for line in lines if "browser: " in line]
        assert [url.split("#role=")[1].split("&")[0] for url in browser] == ["edit", "sign", "read"]
        joins = [line.split("'")[1] for line in lines if "resedit join '" in line]
        for url, join in zip(browser, joins):
            key = join.split("key=")[1]
            assert url.endswith(f"#role={url.split('#role=')[1].split('&')[0]}&key={key}")
            # The QR code under the link holds exactly that link.
            start = lines.index(f"    browser: {url}") + 1
            block = []
            while start < len(lines) and lines[start].startswith("    ") and set(lines[start].strip()) <= set("█▀▄ "):
                block.append(lines[start][4:])
                start += 1
            expected = segno.make(url, error="l")
            printed = matrix_of(block)
            width = len(expected.matrix)
            inner = [row[2:2 + width] for row in printed[2:2 + width]]
            assert inner == [list(row) for row in expected.matrix]
        page_url = browser[0].split("#")[0]
        status, headers, body = get(page_url)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
        assert b"Recalling" not in body and b"CCPCJ" not in body  # the page holds none of the paper
        assert get(page_url.rstrip("/") + "/../static/app.js")[0] in (200, 404)
        origin = page_url.split("/", 3)
        root = f"{origin[0]}//{origin[2]}"
        status, headers, script = get(root + "/static/app.js")
        assert status == 200 and b"new WebSocket" in script and "Content-Security-Policy" in headers
        assert get(root + "/static/../../pyproject.toml")[0] == 404
        assert get(root + "/0000/")[0] == 404  # another paper's page
        assert get(root + "/")[0] == 404
    finally:
        process.terminate()
        process.wait(10)


def test_no_qr_and_a_terminal_that_cannot_draw_it_leave_the_plain_link(tmp_path):
    paper_file = tmp_path / "paper.txt"
    paper_file.write_text(write_text(sample_paper()), encoding="utf-8")
    process, lines = start_cli_host(paper_file, tmp_path / "host.collab", "--no-qr")
    try:
        assert sum("browser: http://127.0.0.1:" in line for line in lines) == 3
        assert not any("█" in line for line in lines)
    finally:
        process.terminate()
        process.wait(10)
    assert qr_text("http://127.0.0.1:1/x/#key=y", "ascii") is None
    assert qr_text("http://127.0.0.1:1/x/#key=y", "utf-8")


async def browser_session(host, role: str, messages: list[dict], until: str, name: str = "b", key: str | None = None):
    """Speak the browser protocol as app.js does; returns what came back and the close code."""
    url = f"ws://127.0.0.1:{host.port}/{host.paper_id}/web"
    got = []
    async with connect(url, proxy=None, origin=f"http://127.0.0.1:{host.port}") as socket:
        await socket.send(json.dumps({"t": "hello", "key": key or host.link(role).key, "name": name,
                                      "client": name}))
        pending = list(messages)
        try:
            async for raw in socket:
                message = json.loads(raw)
                got.append(message)
                if message["t"] == "paper" and pending:
                    for m in pending:
                        await socket.send(json.dumps(m))
                    pending = []
                if message["t"] == until:
                    break
        except Exception:
            pass
        return got, socket.close_code


def test_browser_protocol_roles_key_rebase_and_resends(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="resedit.collab.wire")
    caplog.set_level(logging.DEBUG, logger="resedit.web")

    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            terminal = await bloc.join(name="Chile")
            clause = host.document.paper.preamble[0].id
            base = host.document.paper.find(clause).text
            # A page from another site cannot even open the socket (before any key is looked at).
            with pytest.raises(InvalidStatus) as refused:
                async with connect(f"ws://127.0.0.1:{host.port}/{host.paper_id}/web", proxy=None,
                                   origin="http://attacker.invalid"):
                    pass
            assert refused.value.response.status_code == 403
            # A wrong key: closed with 4401 and not one message.
            got, code = await browser_session(host, "edit", [], "paper", key="wrong")
            assert got == [] and code == 4401
            # Someone types at the end while the browser's edit (made on the old text) is on its way.
            terminal.document.apply(SetText(clause, base + " TERMINAL"))
            await bloc.settle()
            edit = {"t": "edit", "clause": clause, "base": base, "text": "BROWSER " + base, "seq": 1}
            got, _ = await browser_session(host, "edit", [edit], "ack", name="br")
            ack = got[-1]
            assert ack == {"t": "ack", "seq": 1, "clause": clause, "text": "BROWSER " + base + " TERMINAL"}
            assert [m["t"] for m in got[:1]] == ["welcome"]
            await bloc.settle()
            assert terminal.document.paper.find(clause).text == "BROWSER " + base + " TERMINAL"
            # The same edit sent again after a lost connection is not applied twice.
            got, _ = await browser_session(host, "edit", [edit], "ack", name="br")
            assert got[-1]["text"] == "BROWSER " + base + " TERMINAL"
            # The dais: its edit is refused and the paper is unchanged.
            forged = {"t": "edit", "clause": clause, "base": base, "text": base + " DAIS", "seq": 1}
            got, _ = await browser_session(host, "read", [forged], "error", name="dais")
            assert got[-1]["t"] == "error" and "read" in got[-1]["reason"]
            assert host.document.paper.find(clause).text == "BROWSER " + base + " TERMINAL"
            # The dais comments; everyone sees it.
            note = {"t": "comment", "clause": clause, "text": "Cite the resolution's date."}
            got, _ = await browser_session(host, "read", [note], "comments", name="dais")
            await asyncio.sleep(0.2)
            assert [c["text"] for c in host.document.comments()] == ["Cite the resolution's date."]
            # websockets logged every frame at DEBUG: the keys are in none of the lines.
            logged = "\n".join(r.getMessage() for r in caplog.records)
            assert "TEXT" in logged and "redacted" in logged
            assert all(host.link(role).key not in logged for role in ("edit", "sign", "read"))
        finally:
            await bloc.close()
    from resedit.model.edits import SetText
    run(scenario())
