"""Opening and saving in the editor: any paper opens (empty, header only), the reader's notes are
shown, and saving never replaces a file the delegate did not open or confirm."""
from __future__ import annotations

import subprocess
import sys

from tui_pilot import run, started

from resedit.formats import read_paper
from resedit.tui.app import make_app


def toasts(app) -> str:
    """The notifications shown (run_test hides the toast widgets themselves)."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def test_an_empty_file_opens_and_the_delegate_starts_writing(tmp_path):
    empty = tmp_path / "paper.txt"
    empty.write_text("")

    async def scenario():
        app = make_app(empty, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            assert "paper.txt is empty" in toasts(app)
            await pilot.press(*"Recal", "tab", *" its resolution 27/2,")
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert read_paper(tmp_path / "paper.resedit").preamble[0].text == "Recalling its resolution 27/2,"
        assert empty.read_text() == ""  # the file opened is not written over
    run(scenario())


def test_a_header_only_export_reopens_with_its_header(tmp_path):
    exported = tmp_path / "started.txt"

    async def export_before_any_clause():
        app = make_app(tmp_path / "new.resedit", new=True, committee="CCPCJ", topic="Cybercrime",
                       journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press("f5")
            await pilot.pause()
            app.screen.query_one("Input").value = str(exported)
            await pilot.press("enter")
            await pilot.pause()
    run(export_before_any_clause())
    assert "Topic: Cybercrime" in exported.read_text()

    async def reopen():
        app = make_app(exported, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            paper = app.session.document.paper
            assert paper.topic == "Cybercrime"
            assert paper.opening == "The Commission on Crime Prevention and Criminal Justice,"
            assert "no clause yet" in toasts(app)
            await pilot.press(*"Noting with concern the rise of cybercrime,")
            await pilot.pause()
            assert paper.preamble[0].text == "Noting with concern the rise of cybercrime,"
    run(reopen())


def test_text_that_is_not_a_paper_is_still_refused(tmp_path):
    prose = tmp_path / "notes.txt"
    prose.write_text("Lunch at noon, then the caucus\nBring the draft\n")
    out = subprocess.run([sys.executable, "-m", "resedit.cli", "edit", str(prose), "--no-nlp"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"resedit: {prose}: no recognisable clauses (expected "
                                               "preambular paragraphs and numbered operative "
                                               "paragraphs after the opening line)"]


def test_windows_1252_note_shows_when_the_paper_opens(paper_file):
    text = paper_file.read_text(encoding="utf-8").replace("Viet Nam", "Côte d’Ivoire")
    paper_file.write_bytes(text.encode("cp1252"))

    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            assert "read as Windows-1252" in toasts(app)
            assert "Côte d’Ivoire" in app.session.document.paper.sponsors
    run(scenario())


def test_new_refuses_a_name_whose_saved_copy_exists(tmp_path):
    (tmp_path / "paper.resedit").write_text("{}")
    before = (tmp_path / "paper.resedit").read_bytes()
    out = subprocess.run([sys.executable, "-m", "resedit.cli", "new", str(tmp_path / "paper.txt"),
                          "--committee", "CCPCJ", "--topic", "T", "--no-nlp"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "paper.resedit" in lines[0] and "already exists" in lines[0]
    assert (tmp_path / "paper.resedit").read_bytes() == before


def test_save_as_onto_an_existing_file_asks_and_cancel_keeps_it(paper_file, tmp_path):
    other = tmp_path / "other.resedit"
    other.write_text("someone else's paper")

    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press(*" x")
            for answer in ("escape", "enter"):  # first back out, then the first button: Replace
                app.action_save_as()
                await pilot.pause()
                app.screen.query_one("Input").value = str(other)
                await pilot.press("enter")
                await pilot.pause()
                assert type(app.screen).__name__ == "ConfirmScreen"
                assert "other.resedit exists" in str(app.screen.query_one("#question").render())
                await pilot.press(answer)
                await pilot.pause()
                if answer == "escape":
                    assert other.read_text() == "someone else's paper"
                    assert app.session.document.dirty
            assert not app.session.document.dirty
            await pilot.press(*"y", "ctrl+s")  # now its own file: saved without asking
            await pilot.pause()
            assert type(app.screen).__name__ == "EditorScreen" and not app.session.document.dirty
        assert read_paper(other) == app.session.document.paper
    run(scenario())


def test_first_save_over_a_saved_copy_that_was_not_opened_asks(paper_file):
    saved_copy = paper_file.with_suffix(".resedit")
    saved_copy.write_text("an older paper")

    async def scenario():
        app = make_app(paper_file, journal=False)  # the .txt was opened, not its .resedit
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press(*" x", "ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmScreen"
            await pilot.press("escape")
            await pilot.pause()
            assert saved_copy.read_text() == "an older paper" and app.session.document.dirty
    run(scenario())
