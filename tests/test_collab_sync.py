"""A real host and real clients on 127.0.0.1: convergence, offline work, roles, logs, versions."""
from __future__ import annotations

import asyncio
import logging

import pytest
from collab_net import Bloc, run, same
from pycrdt import create_update_message
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from resedit.collab import protocol
from resedit.collab.document import ReadOnlyError
from resedit.collab.link import ENGINE, ENGINE_HEADER, FORMAT_HEADER, KEY_HEADER, parse_link, wire_logger
from resedit.collab.merge import merge_copies
from resedit.collab.schema import FORMAT_VERSION
from resedit.model.edits import AppendHistory, Batch, DeleteClause, InsertClause, MoveClause, SetList, SetText
from resedit.model.paper import Clause, HistoryEntry


async def type_into(client, clause_id: str, words: list[str], at_end: bool = True) -> None:
    """Type word by word, as keystrokes arrive, yielding to the network in between."""
    for word in words:
        text = client.document.paper.find(clause_id).text
        client.document.apply(SetText(clause_id, text + word if at_end else word + text))
        await asyncio.sleep(0)


def test_concurrent_typing_in_one_clause_and_in_different_clauses_converges(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            a, b, c = [await bloc.join(name=n) for n in ("Brésil", "Việt Nam", "Chile")]
            target = host.document.paper.operative[1].id
            other = host.document.paper.preamble[0].id
            words_a = [f" a{i}é" for i in range(40)]
            words_b = [f"b{i}😀 " for i in range(40)]
            words_c = [f" c{i}ñ" for i in range(40)]
            await asyncio.gather(type_into(a, target, words_a), type_into(b, target, words_b, at_end=False),
                                 type_into(c, other, words_c))
            await bloc.settle()
            text = host.document.paper.find(target).text
            assert all(w in text for w in words_a + words_b)
            assert all(w in host.document.paper.find(other).text for w in words_c)
            for client in (a, b, c):
                assert same(client.document, host.document)
                await client.wait_acked()
        finally:
            await bloc.close()
    run(scenario())


def test_moves_and_deletes_racing_edits_lose_nothing(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            mover, writer = await bloc.join(name="mover"), await bloc.join(name="writer")
            paper = host.document.paper
            moved, deleted = paper.preamble[0].id, paper.operative[1].id
            parent = paper.operative[0]
            await writer.go_offline()
            mover.document.apply(MoveClause(moved, "preamble", None, 1))
            mover.document.apply(DeleteClause(deleted))
            mover.document.apply(DeleteClause(parent.id))
            writer.document.apply(SetText(moved, "Recalling its résolution 27/2 and 2024 😀,"))
            writer.document.apply(SetText(deleted, "Requests the Office to report — vite 🚀."))
            writer.document.apply(InsertClause("operative", parent.id, 2, Clause("Protect victims 🙏;")))
            writer.go_online()
            await asyncio.wait_for(writer.synced.wait(), 5)
            await bloc.settle()
            final = host.document.paper
            assert [c.text for c in final.preamble][1] == "Recalling its résolution 27/2 and 2024 😀,"
            assert final.find(deleted).text == "Requests the Office to report — vite 🚀."
            assert [c.text for c in final.find(parent.id).children] == ["Protect victims 🙏;"]
            assert same(mover.document, writer.document)
        finally:
            await bloc.close()
    run(scenario())


def test_an_offline_peer_keeps_editing_and_merges_on_reconnect(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            online, away = await bloc.join(name="online"), await bloc.join(name="away")
            clause = host.document.paper.operative[1].id
            await away.go_offline()
            assert not away.connected.is_set()
            await type_into(away, clause, [" hors", " ligne", " ✈"])
            away.document.apply(InsertClause("operative", None, 2, Clause("Decides to remain seized 🇧🇷.")))
            await type_into(online, clause, [" en", " ligne"], at_end=False)
            await asyncio.sleep(0.2)
            assert "ligne ✈" not in host.document.paper.find(clause).text
            away.go_online()
            await asyncio.wait_for(away.synced.wait(), 5)
            await bloc.settle()
            text = host.document.paper.find(clause).text
            assert text == " ligne enRequests the Office. hors ligne ✈"
            assert host.document.paper.operative[2].text == "Decides to remain seized 🇧🇷."
            assert same(online.document, away.document)
        finally:
            await bloc.close()
    run(scenario())


async def _raw(link, key: str | None, engine: str = ENGINE, fmt: str = str(FORMAT_VERSION)):
    headers = {ENGINE_HEADER: engine, FORMAT_HEADER: fmt}
    if key is not None:
        headers[KEY_HEADER] = key
    # A hand-made client (as a tampered resedit would be); it logs through resedit's wire logger.
    return connect(link.uri, additional_headers=headers, proxy=None, logger=wire_logger("raw"))


def test_wrong_or_missing_key_is_refused_at_the_handshake_with_401(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            link = host.link("edit")
            for key in (None, "", link.key[:-1] + ("A" if link.key[-1] != "A" else "B"), "x" * 500):
                with pytest.raises(InvalidStatus) as refused:
                    async with await _raw(link, key):
                        pass
                assert refused.value.response.status_code == 401
                assert b"Urges" not in (refused.value.response.body or b"")
            client = await bloc.join(link=parse_link(str(link).replace(link.key, "wrongkey")), wait=False)
            await asyncio.wait_for(client._task, 5)
            assert "401" in str(client.error) and client.document.paper.operative == []
        finally:
            await bloc.close()
    run(scenario())


def test_another_engine_or_format_version_gets_a_clear_message(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            link = host.link("edit")
            for engine, fmt in (("pycrdt 0.13.0", str(FORMAT_VERSION)), (ENGINE, "99")):
                with pytest.raises(InvalidStatus) as refused:
                    async with await _raw(link, link.key, engine, fmt):
                        pass
                body = refused.value.response.body.decode()
                assert refused.value.response.status_code == 426
                assert ENGINE in body and "Install the host's resedit release" in body
        finally:
            await bloc.close()
    run(scenario())


@pytest.mark.parametrize("role", ["read", "sign"])
def test_raw_writes_from_the_dais_or_a_signatory_are_refused_and_cut_off(tmp_path, role):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            editor = await bloc.join(name="editor")
            before = host.document.doc.get_update()
            link = host.link(role)
            # A forged update: what an edit would send, sent through the read-only link.
            forger = await bloc.join(role="edit", name="forger", wait=True)
            await forger.go_offline()
            forger.document.apply(SetText(forger.document.paper.operative[1].id, "Hijacked 😈"))
            forged = forger.document.doc.get_update(host.document.doc.get_state())
            async with await _raw(link, link.key) as socket:
                await socket.send(create_update_message(forged))
                messages = []
                with pytest.raises(ConnectionClosed):
                    while True:
                        messages.append(await asyncio.wait_for(socket.recv(), 5))
                assert socket.close_code == protocol.CLOSE_REFUSED
            assert any(protocol.kind(m) == "control" and protocol.read_control(m)["t"] == "refused"
                       for m in messages)
            await asyncio.sleep(0.2)
            assert "Hijacked" not in host.document.paper.operative[1].text
            assert host.document.doc.get_update() == before
            assert same(editor.document, host.document)
        finally:
            await bloc.close()
    run(scenario())


def test_a_refused_peer_reloads_a_fresh_copy(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            dais = await bloc.join(role="read", name="dais")
            # A dais copy that diverged (edited by other means) must not leak into the paper.
            dais.document.role = "edit"
            dais.document.apply(SetText(dais.document.paper.operative[1].id, "Dais edit ✍"))
            dais.document.role = "read"
            await dais.socket.send(create_update_message(dais.document.doc.get_update()))
            await asyncio.sleep(0.1)
            await asyncio.wait_for(dais.synced.wait(), 5)
            await bloc.settle()
            assert dais.refusals and dais.document.paper == host.document.paper
            assert "Dais edit" not in host.document.paper.operative[1].text
        finally:
            await bloc.close()
    run(scenario())


def test_signatories_sign_by_command_and_the_dais_comments(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            editor = await bloc.join(name="editor")
            signer = await bloc.join(role="sign", name="Kenya")
            dais = await bloc.join(role="read", name="Dais")
            signer.document.sign("Kenya")
            dais.document.comment(host.document.paper.operative[1].id, "Cite the resolution, s'il vous plaît")
            with pytest.raises(ReadOnlyError, match="does not sign"):
                dais.document.sign("France")
            await asyncio.sleep(0.3)
            await bloc.settle()
            assert host.document.paper.signatories == ["Türkiye", "Kenya"]
            entry = editor.document.paper.history[-1]
            assert (entry.who, entry.action, entry.state, entry.role) == ("Kenya", "add", "Kenya", "signatory")
            assert signer.document.paper.history == host.document.paper.history  # the signer sees it too
            assert editor.document.comments()[-1]["text"] == "Cite the resolution, s'il vous plaît"
            assert {p.name for p in editor.document.peers} == {"host", "editor", "Kenya", "Dais"}  # the host too
            editor.document.set_cursor(host.document.paper.operative[0].id, 3)
            await asyncio.sleep(0.2)
            where = {p.name: (p.clause, p.offset) for p in dais.document.peers}
            assert where["editor"] == (host.document.paper.operative[0].id, 3)
        finally:
            await bloc.close()
    run(scenario())


def test_the_host_refuses_a_misspelt_or_sponsor_signature_and_tells_the_signer(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="resedit.collab")

    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            editor = await bloc.join(name="editor")
            signer = await bloc.join(role="sign", name="Lithuania")
            before = host.document.paper
            heard: list[str] = []
            signer.sign_refusal_listeners.append(heard.append)
            signer.document.sign("Lituania")
            signer.document.sign("Brazil")  # not the State this link joined as
            for _ in range(200):
                if len(signer.sign_refusals) == 2:
                    break
                await asyncio.sleep(0.02)
            assert signer.sign_refusals == heard and len(heard) == 2
            assert "Lituania" in heard[0] and "did you mean Lithuania?" in heard[0]
            assert "this link joined as Lithuania: it signs for Lithuania only" in heard[1]
            await bloc.settle()
            assert host.document.paper == before and editor.document.paper == before
            assert not signer.refusals  # not cut off: only the signature was refused
            signer.document.sign("lithuania")  # the corrected name goes in as the official one
            for _ in range(200):
                if "Lithuania" in host.document.paper.signatories:
                    break
                await asyncio.sleep(0.02)
            await bloc.settle()
            assert editor.document.paper.signatories == ["Türkiye", "Lithuania"]
            assert [(h.state, h.who) for h in editor.document.paper.history[len(before.history):]] == \
                [("Lithuania", "Lithuania")]
            with pytest.raises(Exception, match="already a signatory"):
                editor.document.sign("Lithuania")  # an editor signs locally under the same rules
            return host.secret
        finally:
            await bloc.close()
    secret = run(scenario())
    logged = [r.getMessage() for r in caplog.records if r.name == "resedit.collab.host"]
    assert any("could not sign as 'Lituania'" in m and "did you mean Lithuania?" in m for m in logged)
    assert any("could not sign as 'Brazil'" in m for m in logged)
    assert not any(secret in m for m in logged)


def test_a_sponsor_change_and_its_history_reach_every_peer_and_one_undo_takes_both_back(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            ana, bo = await bloc.join(name="ana"), await bloc.join(name="bo")
            before = host.document.paper
            mine = HistoryEntry("2026-11-28T15:00:00Z", "ana", "add", "Kenya", "sponsor")
            theirs = HistoryEntry("2026-11-28T15:00:01Z", "bo", "add", "Chile", "signatory")
            ana.document.apply(Batch((SetList("sponsors", (*before.sponsors, "Kenya")), AppendHistory(mine))))
            bo.document.apply(Batch((SetList("signatories", (*before.signatories, "Chile")), AppendHistory(theirs))))
            await bloc.settle()
            for peer in (host, ana, bo):
                assert sorted(e.state for e in peer.document.paper.history) == ["Chile", "Kenya"]
                assert "Kenya" in peer.document.paper.sponsors and "Chile" in peer.document.paper.signatories
            ana.document.undo()
            await bloc.settle()
            for peer in (host, ana, bo):
                assert peer.document.paper.history == [theirs] and "Kenya" not in peer.document.paper.sponsors
        finally:
            await bloc.close()
    run(scenario())


def test_the_key_never_appears_in_logs(tmp_path, caplog):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            editor = await bloc.join(name="editor")
            editor.document.apply(SetText(host.document.paper.operative[1].id, "Logged é"))
            await bloc.join(role="read", name="dais")
            bad = await bloc.join(link=parse_link(str(host.link("edit")).replace(host.link("edit").key, "nope")),
                                  wait=False)
            await asyncio.wait_for(bad._task, 5)
            link = host.link("sign")
            async with await _raw(link, link.key) as socket:
                await socket.send(create_update_message(editor.document.doc.get_update()))
                with pytest.raises(ConnectionClosed):
                    while True:
                        await asyncio.wait_for(socket.recv(), 5)
            await bloc.settle()
            return host
        finally:
            await bloc.close()

    with caplog.at_level(logging.DEBUG):
        host = run(scenario())
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "X-Resedit-Key" in logged  # the headers were logged (at DEBUG) ...
    assert host.secret not in logged  # ... without the secret or any key derived from it
    for role in ("edit", "sign", "read"):
        assert host.link(role).key not in logged
    assert repr(host.link("edit")).count(host.link("edit").key) == 0


def test_two_copies_edited_apart_merge_and_a_peer_can_take_over_as_host(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            a, b = await bloc.join(name="a"), await bloc.join(name="b")
            clause = host.document.paper.operative[1].id
            await a.wait_acked()
            await a.go_offline()
            await b.go_offline()
            a.document.apply(SetText(clause, "Requests the Office — from a 🅰."))
            b.document.apply(InsertClause("preamble", None, 0, Clause("Guided by the Charter (b) 🅱,")))
            await a.persister.flush()
            await b.persister.flush()
            merged, paper_id, secret = merge_copies(tmp_path / "a.collab", tmp_path / "b.collab")
            assert paper_id == host.paper_id and secret is None  # a peer's copy holds no secret
            assert merged.paper.find(clause).text == "Requests the Office — from a 🅰."
            assert merged.paper.preamble[0].text == "Guided by the Charter (b) 🅱,"
        finally:
            await bloc.close()
        # The host is gone: b takes over from its own copy and a rejoins it with a new link.
        takeover = Bloc(tmp_path)
        try:
            new_host = await takeover.start_host(copy="b.collab")
            assert new_host.paper_id == host.paper_id and new_host.secret != host.secret
            rejoined = await takeover.join(name="a", link=new_host.link("edit"))
            await takeover.settle()
            final = new_host.document.paper
            assert final.find(clause).text == "Requests the Office — from a 🅰."
            assert final.preamble[0].text == "Guided by the Charter (b) 🅱,"
            assert same(rejoined.document, new_host.document)
        finally:
            await takeover.close()
    run(scenario())


class Relay:
    """A TCP relay on 127.0.0.1 standing for the room network: it can forward, drop or cut."""

    def __init__(self, port: int):
        self.port, self.mode, self.server, self.writers = port, "forward", None, []

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _handle(self, reader, writer):
        self.writers.append(writer)
        if self.mode == "drop":  # accepts, then hangs up mid-handshake
            writer.close()
            return
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writers.append(up_writer)

        async def pipe(source, sink):
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except OSError:
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        self.mode = "drop"
        for writer in self.writers:
            writer.transport.abort()
        self.writers.clear()

    async def close(self) -> None:
        self.cut()
        self.server.close()


def test_a_peer_cut_off_by_the_network_keeps_retrying_and_merges_when_it_returns(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        relay = None
        try:
            host = await bloc.start_host()
            relay = Relay(host.port)
            port = await relay.start()
            link = host.link("edit")
            via = parse_link(str(link).replace(f":{link.port}/", f":{port}/"))
            roaming = await bloc.join(name="roaming", link=via)
            staying = await bloc.join(name="staying")
            clause = host.document.paper.operative[1].id
            relay.cut()
            await asyncio.sleep(0.3)  # several reconnection attempts hang up mid-handshake
            assert not roaming.connected.is_set() and roaming._task is not None and not roaming._task.done()
            await type_into(roaming, clause, [" coupé", " 📵"])
            await type_into(staying, clause, ["Still ", "here: "], at_end=False)
            relay.mode = "forward"
            await asyncio.wait_for(roaming.synced.wait(), 5)
            await bloc.settle()
            assert host.document.paper.find(clause).text == "here: Still Requests the Office. coupé 📵"
        finally:
            if relay is not None:
                await relay.close()
            await bloc.close()
    run(scenario())


def test_garbage_from_an_editor_link_cuts_that_peer_off_and_harms_no_one(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            editor = await bloc.join(name="editor")
            before = host.document.paper
            link = host.link("edit")
            for junk in (create_update_message(b"\x07\xff\x00garbage"), bytes([protocol.CONTROL]) + b"{not json",
                         bytes([0, 2, 200])):
                async with await _raw(link, link.key) as socket:
                    await socket.send(junk)
                    with pytest.raises(ConnectionClosed):
                        while True:
                            await asyncio.wait_for(socket.recv(), 5)
                    assert socket.close_code == protocol.CLOSE_BAD
            assert host.document.paper == before
            editor.document.apply(SetText(before.operative[1].id, "Still fine ✓"))
            await bloc.settle()
            assert host.document.paper.operative[1].text == "Still fine ✓"
        finally:
            await bloc.close()
    run(scenario())
