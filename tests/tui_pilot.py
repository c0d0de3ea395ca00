"""Helpers for driving the real editor with Textual's pilot."""
from __future__ import annotations

import asyncio


def run(coro):
    return asyncio.run(coro)


async def started(pilot, app) -> None:
    """Wait for the first paint's follow-up: rules and State list loaded (a worker thread) and
    the first findings drawn (`session.warm` alone comes a moment before the screen shows it)."""
    for _ in range(300):
        await pilot.pause(0.05)
        if app.linted:
            await pilot.pause()
            return
    raise AssertionError("the editor's linter never finished loading")
