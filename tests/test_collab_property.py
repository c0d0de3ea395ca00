"""Property: random edits by several peers with random disconnects end with every peer equal and
nothing anyone typed lost (not even text typed into a clause someone else deleted)."""
from __future__ import annotations

import asyncio
import os
import re

from collab_net import Bloc, run, same
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resedit.collab.store import CopyStore
from resedit.model.edits import DeleteClause, EditError, InsertClause, MoveClause, SetText
from resedit.model.paper import Clause

ACTIONS = ["type", "type", "type", "insert", "delete", "move", "offline", "online", "pause"]
steps = st.lists(st.tuples(st.integers(0, 2), st.sampled_from(ACTIONS), st.integers(0, 1000), st.integers(0, 1000)),
                 min_size=5, max_size=30)


def apply_step(client, action: str, a: int, b: int, marker: str) -> bool:
    """Apply one random action; True when `marker` was typed into the paper."""
    document = client.document
    clauses = [c for _, _, _, c in document.paper.clauses()]
    try:
        if action == "type" and clauses:
            clause = clauses[a % len(clauses)]
            inside = {i for m in re.finditer("«[^»]*»", clause.text) for i in range(m.start() + 1, m.end())}
            spots = [i for i in range(len(clause.text) + 1) if i not in inside]  # never split a marker
            at = spots[b % len(spots)]
            document.apply(SetText(clause.id, clause.text[:at] + marker + clause.text[at:]))
            return True
        if action == "insert" or (action == "type" and not clauses):
            part = "preamble" if a % 2 else "operative"
            document.apply(InsertClause(part, None, b % (len(document.paper.part(part)) + 1), Clause(marker)))
            return True
        if action == "delete" and clauses:
            document.apply(DeleteClause(clauses[a % len(clauses)].id))
        elif action == "move" and clauses:
            clause = clauses[a % len(clauses)]
            parent = clauses[b % len(clauses)] if b % 3 == 0 else None
            part = "preamble" if b % 2 else "operative"
            siblings = parent.children if parent else document.paper.part(part)
            document.apply(MoveClause(clause.id, part, parent.id if parent else None,
                                      len([c for c in siblings if c.id != clause.id])))
    except EditError:
        pass  # e.g. a move into its own sub-clause: refused locally, nothing sent
    return False


@given(steps)
@settings(max_examples=int(os.environ.get("RESEDIT_COLLAB_EXAMPLES", "6")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_random_edits_and_disconnects_converge_without_losing_text(tmp_path_factory, plan):
    tmp = tmp_path_factory.mktemp("bloc")

    async def scenario():
        bloc = Bloc(tmp)
        typed: list[str] = []
        try:
            host = await bloc.start_host()
            peers = [await bloc.join(name=name) for name in ("Brésil", "Việt Nam", "Türkiye")]
            for n, (who, action, a, b) in enumerate(plan):
                peer = peers[who]
                if action == "offline" and peer.online.is_set():
                    await peer.go_offline()
                elif action == "online":
                    peer.go_online()
                elif action == "pause":
                    await asyncio.sleep(0.02)
                else:
                    marker = f"«{who}·{n}é😀»"
                    if apply_step(peer, action, a, b, marker):
                        typed.append(marker)
                await asyncio.sleep(0)
            for peer in peers:
                peer.go_online()
            for peer in peers:
                await asyncio.wait_for(peer.synced.wait(), 5)
            await bloc.settle()
            for peer in peers:
                await peer.wait_acked()
                assert same(peer.document, host.document)
            everything = " ".join([c.text for _, _, _, c in host.document.paper.clauses()]
                                  + [text for _, text in host.document.deleted_clauses()])
            lost = [m for m in typed if m not in everything]
            assert not lost
            await host.flush()
            return host
        finally:
            await bloc.close()

    host = run(scenario())
    host.store.close()
    reloaded = CopyStore(tmp / "host.collab").load()  # what the host acknowledged is on its disk
    assert same(reloaded, host.document)
