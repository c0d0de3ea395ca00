"""The editor at the desk: findings panel (own message, the exact Ctrl+F change, stable
selection), the whole-paper view, find and replace as one undo step, several pasted paragraphs
as clauses, word and clause count. Real key presses through Textual's pilot."""
from __future__ import annotations

import io

from rich.console import Console
from textual import events
from tui_pilot import run, started

from resedit.tui.app import make_app


def status(app) -> str:
    return str(app.editor.query_one("#status").render())


def detail(app) -> str:
    return str(app.editor.query_one("#finding-detail").render())


def test_panel_shows_the_findings_own_message_and_the_exact_fix_for_a_state_name(paper_file):
    text = paper_file.read_text(encoding="utf-8").replace("Viet Nam", "Vietnam")
    paper_file.write_text(text, encoding="utf-8")

    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            await pilot.press("f3")
            listing = app.editor.query_one("#finding-list")
            index = next(i for i in range(listing.option_count)
                         if "SPO003" in str(listing.get_option_at_index(i).prompt))
            listing.highlighted = index
            await pilot.pause()
            shown = " ".join(detail(app).split())
            assert "'Vietnam' is not how the UN writes this State's name; write 'Viet Nam'." in shown
            assert "Ctrl+F: “Vietnam” → “Viet Nam” in the sponsors" in shown
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert "Viet Nam" in app.session.document.paper.sponsors
            assert "Vietnam" not in app.session.document.paper.sponsors
            assert not [d for d in app.session.findings() if d.code == "SPO003"]
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert "Vietnam" in app.session.document.paper.sponsors
    run(scenario())


def test_a_picked_finding_stays_selected_after_the_jump(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            doc = app.session.document
            app.editor.go_to(doc.paper.preamble[1].id)
            await pilot.press("backspace", ".")  # PUN001 on preambular clause 2
            app.editor.go_to(doc.paper.operative[0].id)
            await pilot.press("end", "backspace", ".")  # PUN002 on operative 1
            await pilot.pause()
            await pilot.press("f3")
            listing = app.editor.query_one("#finding-list")
            index = next(i for i in range(listing.option_count)
                         if "PUN001" in str(listing.get_option_at_index(i).prompt))
            listing.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert app.editor.current == doc.paper.preamble[1].id
            panel = app.editor.query_one("#findings")
            assert panel.selected().code == "PUN001"  # the list re-sorted; the choice held
            assert "PUN001" in detail(app) and "Ctrl+F: “.” → “,”" in detail(app)
    run(scenario())


def test_whole_paper_view_shows_every_clause_marks_findings_and_jumps(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot, app)
            doc = app.session.document
            target = doc.paper.operative[1].children[1]  # 2 (b)
            app.editor.go_to(target.id)
            await pilot.press("backspace", ".")
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            assert type(app.screen).__name__ == "PaperViewScreen"
            view = app.screen.query_one("#paper-view")
            printed = [view.get_option_at_index(i) for i in range(view.option_count)]
            clause_ids = [c.id for _, _, _, c in doc.paper.clauses()]
            assert [o.id for o in printed if o.id in clause_ids] == clause_ids  # all, in order
            assert view.highlighted_option.id == target.id  # opens where the delegate was
            row = printed[[o.id for o in printed].index(target.id)]
            console = Console(width=60, record=True, file=io.StringIO())
            console.print(row.prompt)
            lines = console.export_text().splitlines()
            assert lines[0].startswith("✖") and "(b) Cooperate with" in lines[0]  # margin, label
            assert lines[1].startswith(" " * len(lines[0].split("(b)")[0] + "(b) "))  # hanging
            first_op = doc.paper.operative[0].id
            view.highlighted = [o.id for o in printed].index(first_op)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "EditorScreen"
            assert app.editor.current == first_op
    run(scenario())


def test_replace_everywhere_is_one_undo_step_and_find_selects(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            paper = app.session.document.paper
            before = [c.text for _, _, _, c in paper.clauses()]
            having = sum(t.count("Member States") for t in before)
            assert having >= 2
            await pilot.press("ctrl+r")
            await pilot.press(*"Member States", "enter", *"States Members", "enter")
            await pilot.pause()
            after = [c.text for _, _, _, c in paper.clauses()]
            assert sum(t.count("States Members") for t in after) == having
            assert not any("Member States" in t for t in after)
            await pilot.press("ctrl+z")  # one step takes back every replacement
            await pilot.pause()
            assert [c.text for _, _, _, c in paper.clauses()] == before
            await pilot.press("ctrl+g", *"office on drugs", "enter")
            await pilot.pause()
            clause = next(c for _, _, _, c in paper.clauses() if "Office on Drugs" in c.text)
            assert app.editor.current == clause.id
            assert app.editor.editor.selected_text == "Office on Drugs"
    run(scenario())


PASTED = """Welcoming the work of the Office,

Noting the reports of
Member States,

5. Invites Member States to:

(a) Share data;

(b) Report annually;

6. Decides to remain seized of the matter.
"""


def test_pasting_several_paragraphs_makes_clauses_as_the_reader_reads_them(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            paper = app.session.document.paper
            pre, ops = len(paper.preamble), len(paper.operative)
            app.editor.go_to(paper.operative[-1].id)
            app.post_message(events.Paste(PASTED.replace("\n", "\r")))  # as a terminal
            await pilot.pause()
            assert [c.text for c in paper.preamble[-2:]] == [
                "Welcoming the work of the Office,", "Noting the reports of Member States,"]
            assert [c.text for c in paper.operative[ops:]] == [
                "Invites Member States to:", "Decides to remain seized of the matter."]
            assert [c.text for c in paper.operative[ops].children] == ["Share data;", "Report annually;"]
            assert not any("5." in c.text for _, _, _, c in paper.clauses())
            assert f"{len(list(paper.clauses()))} clauses" in status(app)
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert (len(paper.preamble), len(paper.operative)) == (pre, ops)
            app.editor.go_to(paper.operative[0].id, offset=0)
            app.post_message(events.Paste("Also "))  # one line: typed in, once (the app hands a paste to the focused widget, as from the terminal)
            await pilot.pause()
            assert paper.operative[0].text.startswith("Also Calls upon")
    run(scenario())


def test_status_line_counts_words_and_clauses_as_the_delegate_types(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot, app)
            paper = app.session.document.paper
            words = sum(len(c.text.split()) for _, _, _, c in paper.clauses())
            clauses = len(list(paper.clauses()))
            assert f"{words} words, {clauses} clauses" in status(app)
            app.editor.go_to(paper.operative[-1].id)
            await pilot.press("enter", *"Requests a report on it.")
            await pilot.pause()
            assert f"{words + 5} words, {clauses + 1} clauses" in status(app)
    run(scenario())


def test_findings_given_before_the_list_mounts_are_shown_once_it_does():
    """The list mounts a frame after the first paint: what the screen showed meanwhile is kept."""
    from textual.app import App
    from textual.screen import Screen

    from resedit.model.diagnostic import Diagnostic, Location
    from resedit.tui.widgets.findings_panel import FindingsPanel

    finding = Diagnostic("OPR001", "operative-opening", "structure", "error",
                         "Operative clause 2 does not open with a verb.", Location("operative", 2))
    early: dict = {}

    class Early(Screen):
        def compose(self):
            yield FindingsPanel(id="findings")

        def on_mount(self) -> None:
            panel = self.query_one(FindingsPanel)
            early["listing"], early["selected"] = panel.listing, panel.selected()
            panel.show([finding], [], {id(finding): "here"})

    class Host(App):
        def get_default_screen(self):
            return Early()

    async def scenario():
        app = Host()
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            await pilot.pause()
            panel = app.screen.query_one(FindingsPanel)
            assert early == {"listing": None, "selected": None}  # shown before the list existed
            assert panel.listing.option_count == 1
            assert "OPR001" in str(panel.listing.get_option_at_index(0).prompt)
            assert panel.selected() is finding
            assert "does not open with a verb" in str(app.screen.query_one("#finding-detail").render())
            assert panel.border_title == "Findings: 1 here, 1 in paper"

    run(scenario())
