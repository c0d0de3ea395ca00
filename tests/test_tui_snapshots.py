"""Snapshots of the main screens at 80x24 (the findings panel also at 160x50) (pytest-textual-snapshot). Update deliberately with
`uv run pytest tests/test_tui_snapshots.py --snapshot-update` and look at the SVGs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resedit.tui.app import make_app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


@pytest.fixture
def app(tmp_path):
    target = tmp_path / "trafficking.txt"
    shutil.copy(EXAMPLE, target)
    return make_app(target, journal=False)


async def started(pilot):
    while not pilot.app.linted:  # rules loaded after the first paint, first findings drawn
        await pilot.pause(0.05)
    await pilot.pause()


def test_editor_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=started)


def test_editor_with_a_finding(app, snap_compare):
    async def type_a_clause(pilot):
        await started(pilot)
        app.editor.go_to(app.session.document.paper.operative[0].id)
        await pilot.press("enter", *"Encourages States to share data.")
        await pilot.pause()
    assert snap_compare(app, terminal_size=(80, 24), run_before=type_a_clause)


def test_findings_panel_grows_at_160x50(app, snap_compare):
    async def type_a_clause(pilot):
        await started(pilot)
        app.editor.go_to(app.session.document.paper.operative[0].id)
        await pilot.press("enter", *"Encourages States to share data.")
        await pilot.pause()
    assert snap_compare(app, terminal_size=(160, 50), run_before=type_a_clause)


def test_whole_paper_view(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["f4"], run_before=started)


def test_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["f1"], run_before=started)


def test_sponsors_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["f2"], run_before=started)


def test_editor_screen_on_a_light_terminal(tmp_path, snap_compare, monkeypatch):
    monkeypatch.setenv("COLORFGBG", "0;15")  # what light terminals announce
    target = tmp_path / "trafficking.txt"
    shutil.copy(EXAMPLE, target)
    app = make_app(target, journal=False)
    assert app.theme == "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), run_before=started)
