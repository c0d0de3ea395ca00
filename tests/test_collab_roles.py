"""Roles that hold with a real host on 127.0.0.1: a signatory link signs once, for the State it
joined as; one connection's flood of signatures or comments is refused with reasons, and the host
keeps admitting delegates meanwhile."""
from __future__ import annotations

import asyncio
import json
import time

from collab_net import Bloc, run
from websockets.asyncio.client import connect

from resedit.collab import protocol, roles
from resedit.collab.link import ENGINE, ENGINE_HEADER, FORMAT_HEADER, KEY_HEADER, NAME_HEADER, encode_name
from resedit.collab.schema import FORMAT_VERSION


async def _flood(link, name: str, commands: list[dict]) -> list[dict]:
    """A hand-made client (as a tampered resedit would be): send every command at once, return the
    control messages the host answered within a second of the last."""
    headers = {KEY_HEADER: link.key, ENGINE_HEADER: ENGINE, FORMAT_HEADER: str(FORMAT_VERSION),
               NAME_HEADER: encode_name(name)}
    answers = []
    async with connect(link.uri, additional_headers=headers, proxy=None, max_size=None) as socket:
        for command in commands:
            await socket.send(protocol.control(command))
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            try:
                message = await asyncio.wait_for(socket.recv(), deadline - time.monotonic())
            except TimeoutError:
                break
            if isinstance(message, bytes) and protocol.kind(message) == "control":
                answers.append(json.loads(message[1:]))
    return answers


def test_one_signatory_link_signs_once_for_its_own_state_whatever_it_sends(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            states = ["France"] + ["Kenya", "France", "Ghana", "Chile", "Japan"] * 40
            answers = await _flood(host.link("sign"), "Kenya", [{"t": "sign", "state": s} for s in states])
            assert host.document.paper.signatories == ["Türkiye", "Kenya"]
            assert [h.who for h in host.document.paper.history] == ["Kenya"]
            refused = [a["reason"] for a in answers if a.get("t") == "sign-refused"]
            assert len(refused) == len(states) - 1
            assert any("signs for Kenya only" in r for r in refused)
            assert any("already signed for Kenya" in r for r in refused)
            # A link that joined under a name that is no State signs for nobody, and says why.
            answers = await _flood(host.link("sign"), "Delegate of Nowhere", [{"t": "sign", "state": "Peru"}])
            assert "not a State" in next(a["reason"] for a in answers if a.get("t") == "sign-refused")
            assert host.document.paper.signatories == ["Türkiye", "Kenya"]
        finally:
            await bloc.close()
    run(scenario())


def test_a_comment_flood_is_limited_with_reasons_and_the_host_keeps_admitting(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            clause = host.document.paper.operative[1].id
            commands = [{"t": "comment", "clause": clause, "text": f"comment {n}"} for n in range(2000)]
            commands.insert(0, {"t": "comment", "clause": clause, "text": "x" * (roles.MAX_COMMENT_CHARS + 1)})
            flood = asyncio.ensure_future(_flood(host.link("read"), "Dais", commands))
            started = time.monotonic()
            late = await bloc.join(name="late delegate")  # joins while the flood goes on
            joined_in = time.monotonic() - started
            answers = await flood
            texts = [c["text"] for c in host.document.comments()]
            assert texts == [f"comment {n}" for n in range(roles.RATE_COMMENTS)]
            reasons = {a["reason"] for a in answers if a.get("t") == "comment-refused"}
            assert any("at most 2000 characters" in r for r in reasons)
            assert any("comments every 10 seconds" in r for r in reasons)
            assert joined_in < 5
            await bloc.settle()
            assert [c["text"] for c in late.document.comments()] == texts
        finally:
            await bloc.close()
    run(scenario())


def test_the_count_limit_holds_whatever_the_pace():
    limits = roles.CommentLimits()
    now = 0.0
    accepted = 0
    for _ in range(roles.MAX_COMMENTS + 50):
        now += roles.RATE_SECONDS  # slow enough for the rate
        accepted += limits.refuse("a remark", now) is None
    assert accepted == roles.MAX_COMMENTS
    assert "200 comments" in limits.refuse("one more", now + 100)
