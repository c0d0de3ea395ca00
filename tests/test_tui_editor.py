"""The editor driven through Textual's pilot with real key presses (structural rules only)."""
from __future__ import annotations

from tui_pilot import run, started

from resedit.formats import read_paper
from resedit.tui.app import make_app


def test_type_a_clause_see_the_finding_fix_it_move_undo_save_and_reopen(paper_file):
    async def scenario():
        app = make_app(paper_file, journal_file=paper_file.with_name("journal"))
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            editor = app.editor
            doc = app.session.document
            first_op = doc.paper.operative[0].id
            editor.go_to(first_op)  # "1. Calls upon Member States ...;" cursor at the end
            await pilot.press("enter")  # new operative clause 2
            await pilot.press(*"Enc")
            await pilot.pause()
            assert editor.editor.suggestion == "ourages"  # opener completion from the lexicon
            await pilot.press("tab")
            await pilot.press(*" States to share data.")  # wrong ending: not the last clause
            await pilot.pause()
            new = doc.paper.operative[1]
            assert new.text == "Encourages States to share data."
            codes = [d.code for d in app.session.findings() if d.location.clause_id == new.id]
            assert "PUN002" in codes
            listing = editor.query_one("#finding-list")
            assert "PUN002" in str(listing.get_option_at_index(0).prompt)
            await pilot.press("ctrl+f")  # the fix: a semicolon
            await pilot.pause()
            assert new.text == "Encourages States to share data;"
            assert not [d for d in app.session.findings() if d.location.clause_id == new.id]
            await pilot.press("alt+up")  # becomes operative 1
            await pilot.pause()
            assert doc.paper.operative[0].id == new.id
            assert "Operative clause 1" in str(editor.editor.border_title)
            await pilot.press("ctrl+z")  # undo the move
            await pilot.pause()
            assert doc.paper.operative[1].id == new.id and doc.paper.operative[0].id == first_op
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not doc.dirty
            saved = app.session.path
            expected = [c.text for c in doc.paper.operative]
        assert saved == paper_file.with_suffix(".resedit") and saved.is_file()
        reopened = make_app(saved, journal=False)
        async with reopened.run_test(size=(80, 24)) as pilot:
            await started(pilot, reopened)
            assert [c.text for c in reopened.session.document.paper.operative] == expected
            assert read_paper(saved) == reopened.session.document.paper
    run(scenario())


def test_subclauses_indent_outdent_split_merge_and_delete_with_keys(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            doc, editor = app.session.document, app.editor
            clause = doc.paper.operative[2]  # "3. Requests the United Nations Office ..."
            editor.go_to(clause.id)
            await pilot.press("enter", *"Invites States to report;", "tab")  # (a) of clause 3
            await pilot.pause()
            assert [c.text for c in clause.children] == ["Invites States to report;"]
            row = next(r for r in __import__("resedit.editor.outline", fromlist=["rows"]).rows(doc.paper)
                       if r.key == clause.children[0].id)
            assert row.label == "(a)"
            await pilot.press("shift+tab")
            await pilot.pause()
            assert not clause.children and doc.paper.operative[3].text == "Invites States to report;"
            await pilot.press("home", "backspace")  # join onto the clause above
            await pilot.pause()
            assert doc.paper.operative[2].text.endswith("Member States; Invites States to report;")
            assert len(doc.paper.operative) == 4
            await pilot.press("ctrl+z")  # the join comes undone
            await pilot.pause()
            assert len(doc.paper.operative) == 5
            await pilot.press("f8")  # delete the clause being edited
            await pilot.pause()
            assert len(doc.paper.operative) == 4
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert doc.paper.operative[3].text == "Invites States to report;"
    run(scenario())


def test_help_palette_sponsors_and_quit_guard(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press("f1")
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen"
            await pilot.press("escape")
            await pilot.press("f2")
            await pilot.pause()
            assert type(app.screen).__name__ == "SponsorsScreen"
            await pilot.press(*"Untied States", "enter")  # misspelt: refused with a suggestion
            await pilot.pause()
            message = str(app.screen.query_one("#sponsor-message").render())
            assert "United States" in message
            assert "Untied States" not in app.session.document.paper.sponsors
            await pilot.press(*["backspace"] * 13, *"Ivory Coast", "enter")  # a variant: normalised
            await pilot.pause()
            assert app.session.document.paper.sponsors[-1] == "Côte d'Ivoire"
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+z")  # list changes undo like any edit
            await pilot.pause()
            assert "Côte d'Ivoire" not in app.session.document.paper.sponsors
            await pilot.press("ctrl+a")  # any change -> quitting asks first
            await pilot.press("x")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmScreen"
            await pilot.press("escape")
            await pilot.pause()
            assert type(app.screen).__name__ == "EditorScreen"
    run(scenario())


def test_new_paper_asks_committee_and_topic_and_starts_from_the_skeleton(tmp_path):
    async def scenario():
        app = make_app(tmp_path / "new.resedit", new=True, journal_file=tmp_path / "j")
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            assert type(app.screen).__name__ == "PromptScreen"
            await pilot.press(*"CCPCJ", "enter", *"Trafficking in persons", "enter")
            await pilot.pause()
            paper = app.session.document.paper
            assert paper.committee == "Commission on Crime Prevention and Criminal Justice"
            assert paper.opening == "The Commission on Crime Prevention and Criminal Justice,"
            assert paper.topic == "Trafficking in persons"
            await pilot.press(*"Recal", "tab", *" its resolution 27/2,")
            await pilot.pause()
            assert paper.preamble[0].text == "Recalling its resolution 27/2,"
    run(scenario())


def test_export_to_word_and_text_from_the_editor(paper_file, tmp_path):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            for name in ("out.docx", "out.txt"):
                await pilot.press("f5")
                await pilot.pause()
                field = app.screen.query_one("Input")
                field.value = str(tmp_path / name)
                await pilot.press("enter")
                await pilot.pause()
            expected = [c.text for c in app.session.document.paper.operative]
        for name in ("out.docx", "out.txt"):
            assert [c.text for c in read_paper(tmp_path / name).operative] == expected
    run(scenario())


class _PeerDocument:
    """A document with LocalDocument's interface whose changes can also come from 'elsewhere'
    (what co-drafting's SharedDocument does): the editor must follow without losing the cursor."""

    def __init__(self, paper):
        from resedit.editor.document import LocalDocument
        self._local = LocalDocument(paper)
        self.peers, self.cursors = [], []

    def __getattr__(self, name):
        return getattr(self._local, name)

    def set_cursor(self, clause_id, offset=0):
        self.cursors.append((clause_id, offset))

    def remote(self, edit):
        from resedit.model.edits import Batch, apply
        apply(self._local.paper, edit)
        self._local.version += 1
        for listener in self._local._listeners:
            listener(Batch(()), "remote")


def test_remote_changes_keep_the_local_cursor_and_typing_in_place(paper_file):
    from resedit.model.edits import SetText

    async def scenario():
        doc = _PeerDocument(read_paper(paper_file))
        app = make_app(document=doc, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            clause = doc.paper.operative[0]
            app.editor.go_to(clause.id, offset=len("Calls upon"))
            assert doc.cursors[-1] == (clause.id, len("Calls upon"))
            doc.remote(SetText(clause.id, "Also " + clause.text))  # a co-drafter types before us
            await pilot.pause()
            assert app.editor.editor.text.startswith("Also Calls upon")
            await pilot.press(*" urgently")
            await pilot.pause()
            assert doc.paper.operative[0].text.startswith("Also Calls upon urgently Member States")
            other = doc.paper.operative[2]
            doc.remote(SetText(other.id, "Requests a report;"))  # elsewhere: the editor stays put
            await pilot.pause()
            assert app.editor.current == clause.id
    run(scenario())


def test_quit_without_saving_leaves_no_journal_and_quit_keeps_one_otherwise(paper_file):
    from resedit.editor.journal import journal_path

    async def scenario(answer_keys):
        app = make_app(paper_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            await pilot.press(*"Also ")
            await pilot.pause(0.6)  # the journal is written within half a second
            assert journal_path(paper_file).is_file()
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press(*answer_keys)
            await pilot.pause()
    run(scenario(["tab", "enter"]))  # "Quit without saving"
    assert not journal_path(paper_file).exists()
    run(scenario(["escape"]))  # keep editing; the test harness then closes the app
    assert journal_path(paper_file).is_file()  # unsaved work stays recoverable


def test_picking_a_finding_jumps_to_its_clause_and_selects_where_it_is(paper_file):
    async def scenario():
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            doc = app.session.document
            clause = doc.paper.preamble[2]
            app.editor.go_to(clause.id)
            await pilot.press("backspace", ".")  # "... trafficking." : PUN001 on this clause
            await pilot.pause()
            app.editor.go_to(doc.paper.operative[0].id)
            await pilot.press("f3")  # the findings list; the paper's findings are listed
            await pilot.pause()
            listing = app.editor.query_one("#finding-list")
            index = next(i for i in range(listing.option_count)
                         if "PUN001" in str(listing.get_option_at_index(i).prompt))
            listing.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert app.editor.current == clause.id
            assert app.editor.editor.selected_text == "."
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert clause.text.endswith("trafficking,")
    run(scenario())


def test_export_over_an_existing_file_asks_first(paper_file):
    # Not in the canonical layout (extra blank lines), so an export would change the bytes.
    paper_file.write_text(paper_file.read_text(encoding="utf-8").replace("\n\n", "\n\n\n"), encoding="utf-8")

    async def scenario():
        before = paper_file.read_bytes()
        app = make_app(paper_file, journal=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            for answer in ("escape", "enter"):  # first: back out; then: the first button, Replace
                await pilot.press("f5")
                await pilot.pause()
                app.screen.query_one("Input").value = str(paper_file)  # the paper's own .txt
                await pilot.press("enter")
                await pilot.pause()
                assert any("exists. Replace it" in str(w.render()) for w in app.screen.query("Static"))
                await pilot.press(answer)
                await pilot.pause()
                if answer == "escape":
                    assert paper_file.read_bytes() == before  # nothing written without a yes
        assert paper_file.read_bytes() != before  # replaced by the canonical export
        assert read_paper(paper_file) == app.session.document.paper
    run(scenario())
