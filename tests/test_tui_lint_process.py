"""The editor survives whatever its lint process does: killed, hung (stopped), garbage on its
stdout. Typing goes on with the structural rules, the status line says what happened, and the
process is started again in the background. Real processes throughout: the real model worker,
killed or stopped with real signals, and a real Python process that writes garbage."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time

from tui_pilot import run, started

from resedit.editor.lint_client import LintProcess
from resedit.tui.app import make_app


def status(app) -> str:
    return str(app.editor.query_one("#status").render())


async def wait_for(pilot, check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        await pilot.pause(0.1)
    raise AssertionError(f"{what} within {seconds} s")


def test_killed_model_process_then_typing_keeps_editing_and_restarts_it(paper_file):
    process = LintProcess().start()
    app = make_app(paper_file, nlp=process, journal=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            await wait_for(pilot, lambda: process.ready, 120, "the model loaded")
            first = process.proc.pid
            shown = set()  # every status line while it happens: the restart can be over in a second

            async def watch():
                while True:
                    shown.add(status(app))
                    await asyncio.sleep(0.03)
            watcher = asyncio.ensure_future(watch())
            os.kill(first, signal.SIGKILL)
            doc = app.session.document
            clause = doc.paper.operative[0]
            app.editor.go_to(clause.id)
            await pilot.press("enter", *"Encourages States to share data.")  # the crash was here
            await pilot.pause(0.3)
            assert doc.paper.operative[1].text == "Encourages States to share data."
            assert app.is_running
            await wait_for(pilot, lambda: any("restarting" in s and "stopped" in s for s in shown), 10,
                           "the status line says so")
            new = doc.paper.operative[1]  # structural findings go on meanwhile
            assert "PUN002" in [d.code for d in app.session.findings() if d.location.clause_id == new.id]
            await wait_for(pilot, lambda: process.ready and process.proc.pid != first, 120,
                           "a new model process became ready")
            await wait_for(pilot, lambda: app.session.model_state() == "ready", 60,
                           "the paper was checked again")
            assert "NLP ready" in status(app)
            watcher.cancel()
    try:
        run(scenario())
    finally:
        process.stop()


def test_hung_model_process_is_replaced(paper_file):
    process = LintProcess().start()
    app = make_app(paper_file, nlp=process, journal=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            await wait_for(pilot, lambda: process.ready and app.session.model_state() == "ready",
                           120, "the model loaded and checked the paper")
            hung = process.proc
            process.answer_timeout = 8.0  # from the next request on (a loaded machine: not before)
            os.kill(hung.pid, signal.SIGSTOP)  # alive, but never answers
            try:
                app.editor.go_to(app.session.document.paper.operative[0].id)
                await pilot.press(*" Also")
                # The UI thread never waits on it: the typing is in before the hang is even noticed
                # (a UI blocked on the stopped process would be freed only by its kill).
                assert app.session.document.paper.operative[0].text.endswith(" Also")
                assert hung.poll() is None and "did not answer" not in status(app)
                await wait_for(pilot, lambda: "did not answer" in status(app), 15,
                               "the hang is reported")
                assert app.session.document.paper.operative[0].text.endswith(" Also")
                await wait_for(pilot, lambda: hung.poll() is not None, 5, "the hung process was killed")
            finally:
                if hung.poll() is None:
                    os.kill(hung.pid, signal.SIGKILL)
    try:
        run(scenario())
    finally:
        process.stop()


GARBAGE = [sys.executable, "-c", "import sys; print('{\"ready\": true}', flush=True)\n"
           "for line in sys.stdin: print('Traceback (most recent call last):', flush=True)"]


def test_garbage_from_the_model_process_restarts_it_then_gives_up(paper_file, monkeypatch):
    monkeypatch.setattr("resedit.editor.lint_client.MAX_RESTARTS", 1)
    process = LintProcess(command=GARBAGE).start()
    app = make_app(paper_file, nlp=process, journal=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            await wait_for(pilot, lambda: "restarting" in status(app), 10, "garbage reported")
            assert "garbage" in status(app)
            await wait_for(pilot, lambda: "NLP off" in status(app), 15, "given up after a restart")
            app.editor.go_to(app.session.document.paper.operative[0].id)
            await pilot.press(*" Also")
            await pilot.pause()
            assert app.session.document.paper.operative[0].text.endswith(" Also")
            assert process.proc is None
    try:
        run(scenario())
    finally:
        process.stop()


def test_quit_without_saving_while_the_model_loads_does_not_wait_for_it(paper_file):
    process = LintProcess().start()
    # Still loading for as long as the test takes: stopped before it can have imported spaCy
    # (letting it load at its own pace made the test depend on how busy the machine was).
    os.kill(process.proc.pid, signal.SIGSTOP)
    app = make_app(paper_file, nlp=process, journal=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press(*"x")
            await pilot.pause(0.5)  # past the quiet time: a request waits for the loading model
            before = time.monotonic()
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("tab", "enter")  # "Quit without saving"
            await pilot.pause()
            assert not app.is_running
            return time.monotonic() - before, process.ready
    try:
        took, model_ready = run(scenario())
        # Quitting did not wait for the loading model (a blocked pipe would have waited for it).
        assert not model_ready and took < 10
        assert process.proc.wait(timeout=5) == -signal.SIGKILL  # closing the editor killed it
    finally:
        process.stop()
