"""The editor on co-drafting's SharedDocument (pycrdt), with a second peer wired by its updates:
typing in the editor reaches the peer, the peer's typing shows in the editor, undo stays local."""
from __future__ import annotations

import asyncio
from pathlib import Path

from resedit.collab.document import SharedDocument
from resedit.formats import read_paper
from resedit.model.edits import SetText
from resedit.tui.app import make_app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


def test_editor_and_a_peer_converge_through_the_crdt():
    mine = SharedDocument.from_paper(read_paper(EXAMPLE), who="Brazil")
    peer = SharedDocument(who="Chile")
    peer.apply_remote(mine.doc.get_update())
    mine.add_update_listener(lambda update, origin: origin != "remote" and peer.apply_remote(update))
    peer.add_update_listener(lambda update, origin: origin != "remote" and mine.apply_remote(update))
    app = make_app(document=mine, journal=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            while not app.session.warm:
                await pilot.pause(0.05)
            first = mine.paper.operative[0]
            app.editor.go_to(first.id, offset=len("Calls upon Member States"))
            await pilot.press(*" urgently")
            await pilot.pause()
            assert peer.paper.operative[0].text.startswith("Calls upon Member States urgently to")
            # the peer types at the start of the same clause: our cursor moves with our words
            theirs = peer.paper.operative[0]
            peer.apply(SetText(theirs.id, "Also " + theirs.text))
            await pilot.pause()
            await pilot.press(*" and")
            await pilot.pause()
            text = mine.paper.operative[0].text
            assert text.startswith("Also Calls upon Member States urgently and to"), text
            await pilot.press("enter", *"Invites States to report;")
            await pilot.pause()
            assert [c.text for c in peer.paper.operative] == [c.text for c in mine.paper.operative]
            await pilot.press("ctrl+z")  # undo our new clause; the peer's "Also" stays
            await pilot.pause()
            assert peer.paper.operative[0].text.startswith("Also ")
            assert [c.text for c in peer.paper.operative] == [c.text for c in mine.paper.operative]
    asyncio.run(scenario())
