"""Two real editors (Textual pilot, real key presses) joined to a real host on 127.0.0.1, typing
at the same moment: every word typed arrives whole at every peer (issue 15: words were lost when
a remote change reloaded the clause before the pending keystrokes were applied)."""
from __future__ import annotations

import asyncio
import random
import re

from collab_net import Bloc, run, same

from resedit.tui.app import make_app


async def _type(pilot, app, clause_id: str, words: list[str]) -> None:
    """Go to the end of the clause and type the words, key by key."""
    app.editor.go_to(clause_id)
    for word in words:
        await pilot.press(*f" {word}")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_two_editors_typing_bursts_at_once_lose_no_word(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            first, second = await bloc.join(name="Brésil"), await bloc.join(name="Việt Nam")
            one = make_app(document=first.document, journal=False, nlp=False)
            two = make_app(document=second.document, journal=False, nlp=False)
            rng = random.Random(15)
            typed: dict[str, list[str]] = {}
            async with one.run_test(size=(100, 30)) as p1, two.run_test(size=(100, 30)) as p2:
                await p1.pause()
                await p2.pause()
                clauses = [c.id for c in first.document.paper.operative]
                for n in range(20):
                    # Even rounds: both in the same clause; odd rounds: each in its own.
                    a = clauses[0] if n % 2 == 0 else clauses[0]
                    b = clauses[0] if n % 2 == 0 else clauses[1]
                    words_a = [f"a{n}x{i}" for i in range(rng.randint(1, 3))]
                    words_b = [f"b{n}y{i}" for i in range(rng.randint(1, 3))]
                    typed.setdefault(a, []).extend(words_a)
                    typed.setdefault(b, []).extend(words_b)
                    await asyncio.gather(_type(p1, one, a, words_a), _type(p2, two, b, words_b))
                await p1.pause()
                await p2.pause()
                await bloc.settle()
                await p1.pause()
                await p2.pause()
                for document in (host.document, first.document, second.document):
                    for clause_id, words in typed.items():
                        present = _words(document.paper.find(clause_id).text)
                        missing = [w for w in words if w not in present]
                        assert not missing, (document.who, missing, document.paper.find(clause_id).text)
                assert same(first.document, host.document) and same(second.document, host.document)
                # Each editor shows what its document holds: nothing pending, nothing stale.
                for app in (one, two):
                    key = app.editor.current
                    assert app.editor.editor.text == app.editor.paper.find(key).text
        finally:
            await bloc.close()
    run(scenario(), timeout=240)
