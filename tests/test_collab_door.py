"""Copies that are whole on their own, `merge` that never writes its inputs, and the errors at the
door (wrong key, wrong paper, another release, no host, port in use, a second host on one file):
each one line, exit 2, before any editor opens. Real host processes on 127.0.0.1."""
from __future__ import annotations

import os
import pty
import select
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from collab_net import ROOT, Bloc, run, sample_paper, start_host

from resedit.cli import main
from resedit.collab.link import parse_link
from resedit.formats import read_paper
from resedit.formats.text import write_text
from resedit.model.edits import SetText


def _paper(tmp_path: Path) -> Path:
    paper = tmp_path / "paper.txt"
    paper.write_text(write_text(sample_paper()), encoding="utf-8")
    return paper


def _in_a_terminal(args: list[str], timeout: float = 30.0, engine: str | None = None) -> tuple[int | None, str]:
    """Run `resedit ARGS` in a real pseudo-terminal (so join would open its editor); (exit code or
    None if still running at the timeout, everything it printed). `engine`: as another release."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "resedit.cli", *args]
    if engine is not None:  # the sync-engine version this resedit announces, as an older release would
        command = [sys.executable, "-c", "import sys; import resedit.collab.client as c; "
                   f"c.ENGINE = {engine!r}; from resedit.cli import main; sys.exit(main(sys.argv[1:]))", *args]
    process = subprocess.Popen(command, stdin=follower, stdout=follower,
                               stderr=follower, cwd=ROOT, env={**os.environ, "TERM": "xterm-256color"},
                               close_fds=True)
    os.close(follower)
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                chunk = b""
            out += chunk
            if not chunk and process.poll() is not None:
                break
        elif process.poll() is not None:
            break
    code = process.poll()
    if code is None:
        process.kill()
        process.wait(10)
    os.close(leader)
    return code, out.decode("utf-8", "replace")


def _one_line(text: str) -> str:
    lines = [line for line in text.replace("\r", "").splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_a_copy_carried_away_while_the_host_runs_is_the_whole_paper(tmp_path, capsys):
    paper = _paper(tmp_path)
    process, links, _ = start_host(paper, tmp_path / "host.collab")
    try:
        async def scenario():
            bloc = Bloc(tmp_path)
            try:
                peer = await bloc.join(link=parse_link(links["edit"]), name="Brésil")
                clause = peer.document.paper.operative[1].id
                peer.document.apply(SetText(clause, "Requests the Office — typed while hosting."))
                await peer.wait_acked()
            finally:
                await bloc.close()
        run(scenario())
        # No side file next to the host's copy: what a delegate copies is the whole paper.
        assert sorted(p.name for p in tmp_path.glob("host.collab*")) == ["host.collab", "host.collab.log"] \
            or sorted(p.name for p in tmp_path.glob("host.collab*")) == ["host.collab"]
        shutil.copyfile(tmp_path / "host.collab", tmp_path / "carried.collab")
    finally:
        process.terminate()
        process.wait(10)
    assert main(["merge", str(tmp_path / "carried.collab"), str(tmp_path / "carried.collab")]) == 0
    assert "Requests the Office — typed while hosting." in capsys.readouterr().out


def test_a_copy_missing_its_wal_file_is_refused_with_the_reason(tmp_path, capsys):
    # A copy written by the earlier WAL journal, carried without its -wal file while still open.
    source = tmp_path / "old.collab"
    db = sqlite3.connect(source)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE updates (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    db.execute("INSERT INTO updates (data) VALUES (x'00')")
    db.commit()
    shutil.copyfile(source, tmp_path / "carried.collab")
    db.close()
    before = (tmp_path / "carried.collab").read_bytes()
    assert main(["merge", str(tmp_path / "carried.collab"), str(tmp_path / "carried.collab")]) == 2
    err = capsys.readouterr().err
    assert "carried.collab" in _one_line(err) and "not a complete copy" in err and "-wal" in err
    assert (tmp_path / "carried.collab").read_bytes() == before
    assert main(["host", str(tmp_path / "carried.collab"), "--headless", "--bind", "127.0.0.1:0"]) == 2
    assert "not a complete copy" in _one_line(capsys.readouterr().err)


def test_merge_never_writes_its_inputs(tmp_path, capsys):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            peer = await bloc.join(name="a")
            await peer.go_offline()
            peer.document.apply(SetText(host.document.paper.operative[1].id, "Requests — offline."))
            await peer.persister.flush()
        finally:
            await bloc.close()
    run(scenario())
    inputs = [tmp_path / "host.collab", tmp_path / "a.collab"]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs}
    listing = sorted(p.name for p in tmp_path.iterdir())
    for p in inputs:
        p.chmod(0o400)  # a read-only input is read all the same
    assert main(["merge", *map(str, inputs), "-o", str(tmp_path / "out.txt")]) == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(listing + ["out.txt"])
    assert "Requests — offline." in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_the_hosts_copy_is_readable_by_its_owner_only(tmp_path):
    paper = _paper(tmp_path)
    process, links, _ = start_host(paper, tmp_path / "host.collab")
    try:
        mode = stat.S_IMODE((tmp_path / "host.collab").stat().st_mode)
        assert mode == 0o600, oct(mode)
        assert parse_link(links["edit"]).key not in (tmp_path / "host.collab.log").read_text(encoding="utf-8") \
            if (tmp_path / "host.collab.log").exists() else True
    finally:
        process.terminate()
        process.wait(10)


def test_a_second_host_on_the_same_copy_and_a_port_in_use_are_refused(tmp_path):
    paper = _paper(tmp_path)
    process, links, _ = start_host(paper, tmp_path / "host.collab")
    try:
        second = subprocess.run(
            [sys.executable, "-m", "resedit.cli", "host", str(paper), "--headless", "--bind", "127.0.0.1:0",
             "--copy", str(tmp_path / "host.collab")], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert second.returncode == 2
        assert "already hosted" in _one_line(second.stderr) and "host.collab" in second.stderr
        port = parse_link(links["edit"]).port
        third = subprocess.run(
            [sys.executable, "-m", "resedit.cli", "host", str(paper), "--headless", "--bind", f"127.0.0.1:{port}",
             "--copy", str(tmp_path / "other.collab")], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert third.returncode == 2
        assert "port is in use" in _one_line(third.stderr) and "Traceback" not in third.stderr
    finally:
        process.terminate()
        process.wait(10)


def test_door_errors_are_one_line_before_any_editor_opens(tmp_path):
    paper = _paper(tmp_path)
    process, links, _ = start_host(paper, tmp_path / "host.collab")
    try:
        link = parse_link(links["edit"])
        wrong_key = links["edit"].replace(link.key, "not-the-key")
        wrong_paper = links["edit"].replace(f"/{link.paper_id}?", "/0123456789ab?")
        with socket.socket() as probe:  # a port nobody listens on
            probe.bind(("127.0.0.1", 0))
            free = probe.getsockname()[1]
        nobody = links["edit"].replace(f":{link.port}/", f":{free}/")
        for where, expected, engine in ((wrong_key, "HTTP 401", None), (wrong_paper, "another paper", None),
                                        (nobody, "cannot reach the host", None),
                                        (links["edit"], "Install the host's resedit release", "pycrdt 0.9.0")):
            code, out = _in_a_terminal(["join", where, "--copy", str(tmp_path / "mine.collab"), "--no-nlp"],
                                       engine=engine)
            assert code == 2, out
            assert expected in _one_line(out) and "not-the-key" not in out and "Traceback" not in out
            assert not (tmp_path / "mine.collab").exists()  # no empty copy left behind
    finally:
        process.terminate()
        process.wait(10)


def _editor_then_quit(args: list[str], timeout: float = 60.0) -> tuple[int | None, str]:
    """Open `resedit ARGS` in a pseudo-terminal, wait for the editor, type a word, press Ctrl+Q."""
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    process = subprocess.Popen([sys.executable, "-m", "resedit.cli", *args], stdin=follower, stdout=follower,
                               stderr=follower, cwd=ROOT, env={**os.environ, "TERM": "xterm-256color",
                                                               "COLUMNS": "120", "LINES": "32"}, close_fds=True)
    os.close(follower)
    out, sent = b"", 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                out += os.read(leader, 65536)
            except OSError:
                pass
        if sent == 0 and b"Outline" in out:
            time.sleep(1.0)
            os.write(leader, b" quitting")
            time.sleep(0.3)
            os.write(leader, b"\x11")  # Ctrl+Q
            sent = 1
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return process.returncode, out.decode("utf-8", "replace")


def test_ctrl_q_on_a_joined_editor_quits_cleanly(tmp_path):
    paper = _paper(tmp_path)
    process, links, _ = start_host(paper, tmp_path / "host.collab")
    try:
        for n in range(3):
            code, out = _editor_then_quit(["join", links["edit"], "--name", f"Brazil {n}", "--no-nlp",
                                           "--copy", str(tmp_path / f"b{n}.collab")])
            assert code == 0 and "Traceback" not in out and "Error" not in out, out[-2000:]
    finally:
        process.terminate()
        process.wait(10)
    assert read_paper(paper).preamble[0].text.count(" quitting") == 3
