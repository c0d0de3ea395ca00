"""The command palette is built from the key table (resedit.tui.keys): every command it offers
runs, and choosing one by name does what its key does."""
from __future__ import annotations

from textual.actions import parse
from tui_pilot import run, started

from resedit.tui.app import make_app
from resedit.tui.keys import KEYS, commands


def _method(app, action: str):
    target, name, _ = parse(action)
    owner = app if target == "app" else app.editor
    return getattr(owner, f"action_{name}", None)


def test_every_key_with_an_action_is_in_the_palette_and_every_command_runs(paper_file):
    keyed = {key.action for group in KEYS.values() for key in group if key.action}
    offered = {action for _, _, action in commands()}
    assert keyed <= offered
    app = make_app(paper_file, journal=False)
    app.editor = app.get_default_screen()
    assert [a for a in offered if _method(app, a) is None] == []


def test_choosing_a_command_by_name_runs_it(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            titles = [title for title, _, _ in await _palette_titles(app)]
            assert "Edit the topic" in titles and "Undo" in titles
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Edit the topic")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert app.editor.current == "field:topic"
    run(scenario())


async def _palette_titles(app):
    return [(c.title, c.help, c.callback) for c in app.get_system_commands(app.screen)]
