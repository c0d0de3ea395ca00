"""The sponsors screen (F2) records each change in the paper's history, saved with it, undone with it."""
from __future__ import annotations

from tui_pilot import run, started

from resedit.formats import read_paper
from resedit.tui.app import make_app


def test_adding_a_sponsor_records_history_that_is_saved_and_undone_with_the_name(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            doc = app.session.document
            sponsors, history = list(doc.paper.sponsors), list(doc.paper.history)
            await pilot.press("f2")
            await pilot.pause()
            assert type(app.screen).__name__ == "SponsorsScreen"
            await pilot.press(*"Ivory Coast", "enter")
            await pilot.pause()
            assert doc.paper.sponsors == [*sponsors, "Côte d'Ivoire"]
            assert len(doc.paper.history) == len(history) + 1
            entry = doc.paper.history[-1]
            assert (entry.action, entry.state, entry.role) == ("add", "Côte d'Ivoire", "sponsor")
            assert "Ivory Coast" in entry.note and entry.who and entry.at.endswith("Z")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+z")  # one undo: the name and its record
            await pilot.pause()
            assert doc.paper.sponsors == sponsors and doc.paper.history == history
            await pilot.press("ctrl+y")
            await pilot.pause()
            assert doc.paper.sponsors[-1] == "Côte d'Ivoire" and doc.paper.history[-1] == entry
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not doc.dirty
            saved = app.session.path
        assert saved.suffix == ".resedit" and read_paper(saved).history[-1] == entry

        reopened = make_app(saved, journal=False)
        async with reopened.run_test(size=(80, 24)) as pilot:
            await started(pilot, reopened)
            doc = reopened.session.document
            assert doc.paper.history[-1] == entry and doc.paper.sponsors[-1] == "Côte d'Ivoire"
            await pilot.press("f2")
            await pilot.pause()
            listing = reopened.screen.query_one("#sponsor-list")
            listing.focus()
            listing.highlighted = next(i for i in range(listing.option_count)
                                       if "Côte d'Ivoire" in str(listing.get_option_at_index(i).prompt))
            await pilot.pause()
            await pilot.press("w")  # a withdrawal, recorded as one
            await pilot.pause()
            assert "Côte d'Ivoire" not in doc.paper.sponsors
            withdrawn = doc.paper.history[-1]
            assert (withdrawn.action, withdrawn.state, withdrawn.role) == ("withdraw", "Côte d'Ivoire", "sponsor")
            assert doc.paper.history[-2] == entry
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert doc.paper.sponsors[-1] == "Côte d'Ivoire" and doc.paper.history[-1] == entry
    run(scenario())
