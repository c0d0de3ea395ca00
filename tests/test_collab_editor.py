"""The real editor (Textual pilot, real key presses) on a shared paper: make_app(document=SharedDocument)."""
from __future__ import annotations

import asyncio

from collab_net import Bloc, run, same

from resedit.model.edits import SetText
from resedit.tui.app import make_app


def test_the_editor_types_into_the_shared_paper_and_shows_what_others_type(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            mine, theirs = await bloc.join(name="Brésil"), await bloc.join(name="Việt Nam")
            app = make_app(document=mine.document, journal=False)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                target = mine.document.paper.operative[1].id
                other = mine.document.paper.preamble[0].id
                app.editor.go_to(target)
                await pilot.press(*" é ñ")
                app.editor.editor.insert(" 😀")  # the pilot cannot press non-BMP keys: the widget's own edit path
                await pilot.pause()
                await bloc.settle()
                assert host.document.paper.find(target).text == "Requests the Office. é ñ 😀"
                theirs.document.apply(SetText(other, "Recalling — à distance 🛰,"))
                await bloc.settle()
                await pilot.pause()
                assert mine.document.paper.find(other).text == "Recalling — à distance 🛰,"
                assert app.editor.current == target  # someone typing elsewhere does not move my cursor
                app.editor.go_to(other)
                await pilot.pause()
                assert app.editor.editor.text == "Recalling — à distance 🛰,"
                app.editor.go_to(target)
                await pilot.press("end", *" ok")
                await pilot.pause()
                await bloc.settle()
                assert host.document.paper.find(target).text == "Requests the Office. é ñ 😀 ok"
                assert same(theirs.document, host.document)
        finally:
            await bloc.close()
    run(scenario())


def test_the_dais_editor_cannot_change_the_shared_paper(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            dais = await bloc.join(role="read", name="Dais")
            before = host.document.paper
            app = make_app(document=dais.document, journal=False)
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                app.editor.go_to(dais.document.paper.operative[1].id)
                await pilot.press(*"xyz")
                await pilot.pause()
                await asyncio.sleep(0.2)
                assert host.document.paper == before and dais.document.paper == before
                assert not dais.refusals  # refused locally: nothing was sent to be refused
        finally:
            await bloc.close()
    run(scenario())
