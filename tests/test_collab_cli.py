"""The co-drafting commands as a user runs them: host (a real process), join --print, merge."""
from __future__ import annotations

from collab_net import Bloc, run, sample_paper, start_host

from resedit.cli import main
from resedit.collab.link import parse_link
from resedit.formats import read_paper
from resedit.formats.text import write_text
from resedit.model.edits import SetText


def test_host_prints_links_and_join_prints_the_shared_paper(tmp_path, capsys):
    paper_file = tmp_path / "paper.txt"
    paper_file.write_text(write_text(sample_paper()), encoding="utf-8")
    process, links, lines = start_host(paper_file, tmp_path / "host.collab")
    try:
        text = "".join(lines)
        assert "Only this computer can join" in text and "127.0.0.1" in text
        assert main(["join", links["read"], "--print", "--copy", str(tmp_path / "dais.collab")]) == 0
        shown = capsys.readouterr().out
        assert shown == write_text(sample_paper())
        wrong = links["edit"].replace(parse_link(links["edit"]).key, "not-the-key")
        assert main(["join", wrong, "--print", "--copy", str(tmp_path / "x.collab")]) == 2
        err = capsys.readouterr().err
        assert "HTTP 401" in err and "not-the-key" not in err
    finally:
        process.terminate()  # a clean stop saves the paper back to its file
        process.wait(10)
    assert read_paper(paper_file) == sample_paper()


def test_join_rejects_a_malformed_link(capsys):
    assert main(["join", "http://example.org/x", "--print"]) == 2
    assert "not a resedit join link" in capsys.readouterr().err


def test_merge_two_copies_edited_apart_into_a_paper_and_a_copy(tmp_path, capsys):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            a, b = await bloc.join(name="a"), await bloc.join(name="b")
            await a.go_offline()
            await b.go_offline()
            first, second = host.document.paper.preamble[0].id, host.document.paper.operative[1].id
            a.document.apply(SetText(first, "Recalling — côté A 🅰,"))
            b.document.apply(SetText(second, "Requests — côté B 🅱."))
            await a.persister.flush()
            await b.persister.flush()
        finally:
            await bloc.close()
    run(scenario())
    out = tmp_path / "merged.txt"
    assert main(["merge", str(tmp_path / "a.collab"), str(tmp_path / "b.collab"), "-o", str(out)]) == 0
    merged = read_paper(out)
    assert merged.preamble[0].text == "Recalling — côté A 🅰," and merged.operative[1].text == "Requests — côté B 🅱."
    assert main(["merge", str(tmp_path / "a.collab"), str(tmp_path / "b.collab"), "-o",
                 str(tmp_path / "m.collab")]) == 0
    capsys.readouterr()
    assert main(["merge", str(tmp_path / "m.collab"), str(tmp_path / "a.collab")]) == 0
    assert "côté B 🅱" in capsys.readouterr().out
    other = tmp_path / "other.collab"
    async def another():
        bloc = Bloc(tmp_path)
        try:
            await bloc.start_host(copy="other.collab")
        finally:
            await bloc.close()
    run(another())
    assert main(["merge", str(tmp_path / "a.collab"), str(other)]) == 2
    assert "copies of different papers" in capsys.readouterr().err
    assert main(["merge", str(tmp_path / "a.collab"), str(tmp_path / "missing.collab")]) == 2


def test_links_round_trip_and_bind_addresses_parse():
    import pytest

    from resedit.collab.link import Link, LinkError, key_for, role_for
    from resedit.commands.host import parse_bind
    from resedit.errors import ResEditError

    for host in ("127.0.0.1", "192.168.1.20", "::1"):
        link = Link(host, 8765, "abc123", "sign", key_for("s3cret", "abc123", "sign"))
        assert parse_link(str(link)) == link
        assert link.key not in link.uri and link.key not in repr(link) and link.key not in link.redacted()
    assert role_for("s3cret", "abc123", key_for("s3cret", "abc123", "read")) == "read"
    assert role_for("s3cret", "abc123", key_for("other", "abc123", "edit")) is None
    assert role_for("s3cret", "other-paper", key_for("s3cret", "abc123", "edit")) is None
    for bad in ("resedit://h:1/p?role=edit", "resedit://h:1/p?role=chair&key=k", "resedit://h/p?role=edit&key=k"):
        with pytest.raises(LinkError):
            parse_link(bad)
    assert parse_bind("0.0.0.0:9000") == ("0.0.0.0", 9000)
    assert parse_bind(":9000") == ("127.0.0.1", 9000)
    assert parse_bind("[::1]:9000") == ("::1", 9000)
    with pytest.raises(ResEditError):
        parse_bind("127.0.0.1:http")


class _Watch:
    """`resedit join LINK --watch` as a real process: send a line, wait for what it prints."""

    def __init__(self, link: str, copy, name: str):
        import queue
        import subprocess
        import sys
        import threading

        from collab_net import ROOT

        self.process = subprocess.Popen(
            [sys.executable, "-m", "resedit.cli", "join", link, "--watch", "--name", name, "--copy", str(copy)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()

    def expect(self, wanted: str, timeout: float = 20.0) -> str:
        import queue
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if wanted in line:
                return line
        raise AssertionError(f"{wanted!r} not printed; got {''.join(self.seen)!r}")

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.send("quit")
        self.process.stdin.close()
        self.process.wait(10)


def test_watch_reports_refused_signatures_and_names_the_clauses_that_exist(tmp_path):
    paper_file = tmp_path / "paper.txt"
    paper_file.write_text(write_text(sample_paper()), encoding="utf-8")
    process, links, _ = start_host(paper_file, tmp_path / "host.collab")
    watches = []
    try:
        signer = _Watch(links["sign"], tmp_path / "ghana.collab", "Ghana")
        watches.append(signer)
        signer.expect("Requests the Office.")  # synced: the paper was printed
        signer.send("sign Lituania")
        line = signer.expect("sign refused")
        assert "Lituania" in line and "did you mean Lithuania?" in line
        signer.send("sign Brazil")  # a signatory link signs for the State it joined as, only
        assert "it signs for Ghana only" in signer.expect("sign refused")
        signer.send("sign Ghana")
        signer.expect("Signatories: Türkiye, Ghana")
        signer.send("sign Ghana")  # once
        assert "already signed for Ghana" in signer.expect("sign refused")
        sponsor = _Watch(links["sign"], tmp_path / "brazil.collab", "Brazil")
        watches.append(sponsor)
        sponsor.expect("Requests the Office.")
        sponsor.send("sign")
        assert "Brazil is already a sponsor" in sponsor.expect("sign refused")
        editor = _Watch(links["edit"], tmp_path / "editor.collab", "editor")
        watches.append(editor)
        editor.expect("Requests the Office.")
        editor.send("set 9 foo")
        line = editor.expect("error:")
        assert "no operative clause 9: operative clauses are 1 to 2" in line and "out of range" not in line
        editor.send("set p5 foo")
        assert "no preambular clause p5: preambular clauses are p1 to p2" in editor.expect("error:")
        editor.send("sign Turkey")  # an editor signs locally: same rules
        assert "Türkiye is already a signatory" in editor.expect("sign refused")
        editor.send("print")
        editor.expect("Signatories: Türkiye")
    finally:
        for watch in watches:
            watch.close()
        process.terminate()
        process.wait(10)
    saved = read_paper(paper_file)
    assert saved.signatories == ["Türkiye", "Ghana"]  # nothing refused reached the paper
    assert [h.who for h in saved.history if h.state == "Ghana"] == ["Ghana"]  # the link's name


def test_join_without_a_host_or_a_copy_says_so_and_leaves_no_copy(tmp_path, capsys):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    link = f"resedit://127.0.0.1:{port}/abc123?role=edit&key=k"
    copy = tmp_path / "copies" / "abc123.collab"
    assert main(["join", link, "--print", "--timeout", "1", "--copy", str(copy)]) == 2
    captured = capsys.readouterr()
    assert "cannot reach the host" in captured.err and "no local copy" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "showing your last copy" not in captured.err and captured.out == ""
    assert list(copy.parent.iterdir()) == []
