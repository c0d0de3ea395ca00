"""The one editor test that waits for the model: the lint process (started before the app runs,
as the CLI does) finds a wrong opener while typing stays with the UI, and the fix applies."""
from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

from resedit.editor.lint_client import LintProcess
from resedit.tui.app import make_app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


def test_model_findings_arrive_from_the_lint_process_and_their_fix_applies(tmp_path):
    target = tmp_path / "paper.txt"
    shutil.copy(EXAMPLE, target)
    process = LintProcess().start()  # before the event loop, like `resedit edit`
    app = make_app(target, nlp=process, journal=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            while not app.session.warm:
                await pilot.pause(0.05)
            doc = app.session.document
            app.editor.go_to(doc.paper.operative[0].id)
            await pilot.press("enter", *"Urging Member States to share data;")
            await pilot.pause()
            clause = doc.paper.operative[1]
            assert clause.text == "Urging Member States to share data;"
            deadline = time.monotonic() + 90
            found = []
            while time.monotonic() < deadline and not found:
                await pilot.pause(0.2)
                found = [d for d in app.session.findings()
                         if d.location.clause_id == clause.id and d.code == "OPN001"]
            assert found, f"no opener finding; model state {app.session.model_state()!r}"
            assert app.session.model_state() == "ready"
            assert found[0].suggestions == ["Urges"]
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert clause.text == "Urges Member States to share data;"
            # the stale model finding is gone at once (its clause text changed)
            assert not [d for d in app.session.findings()
                        if d.location.clause_id == clause.id and d.code == "OPN001"]
    try:
        asyncio.run(scenario())
    finally:
        process.stop()
