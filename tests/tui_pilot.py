"""Helpers for driving the real editor with Textual's pilot."""
from __future__ import annotations

import asyncio


def run(coro):
    return asyncio.run(coro)


async def started(pilot, app) -> None:
    """Wait for the first paint's follow-up: rules and State list loaded (a worker thread)."""
    for _ in range(300):
        await pilot.pause(0.05)
        if app.session.warm:
            await pilot.pause()
            return
    raise AssertionError("the editor's linter never finished loading")
