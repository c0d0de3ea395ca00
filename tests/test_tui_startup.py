"""Editor start-up: what is loaded before the first paint (see benchmarks/bench_tui.py).

The first frame needs the paper, Textual and the editor's widgets; the linter, the rules, the
State list, YAML and rapidfuzz load on a worker thread after it (ResEditApp._after_first_paint).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resedit.formats.text import split_states
from resedit.sponsorship.states import split_names

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


def test_header_lists_split_as_the_state_list_splits_them():
    for value in ("Brazil, Viet Nam", "Brazil, Chile and Trinidad and Tobago", "and Chile, Peru.",
                  "Bosnia and Herzegovina; Chile", "Brazil and chile", " ; ,", "",
                  "United Kingdom of Great Britain and Northern Ireland and France"):
        assert split_states(value) == split_names(value), value


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Chile", "Peru", "Trinidad", "Tobago", " and ", "and ", " And ",
                                 ",", ";", ".", " ", "\t", "c"]), max_size=12).map("".join))
def test_split_without_the_state_list_agrees(value):
    assert split_states(value) == split_names(value)


def test_building_the_editor_loads_no_linter_or_state_list():
    code = ("import sys\n"
            "from resedit.tui.app import make_app\n"
            f"app = make_app({str(EXAMPLE)!r}, nlp=False, journal=False)\n"
            "app.get_default_screen()\n"
            "heavy = ('resedit.lint', 'resedit.sponsorship', 'resedit.committees', 'yaml', 'rapidfuzz',\n"
            "         'resedit.model.edits')\n"
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_collector_is_back_on_after_the_first_paint():
    """`resedit edit` switches the garbage collector off while starting; the app turns it on."""
    import asyncio
    import gc

    from resedit.tui.app import make_app

    async def scenario():
        app = make_app(EXAMPLE, nlp=False, journal=False)
        gc.disable()
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                for _ in range(100):
                    await pilot.pause(0.02)
                    if gc.isenabled():
                        break
                assert gc.isenabled()
                assert "Outline" in app.editor.query_one("#outline").border_title
        finally:
            gc.enable()

    asyncio.run(scenario())


def test_starting_one_command_loads_only_that_command():
    code = ("import sys\n"
            "import resedit.cli, resedit.commands.edit as edit\n"
            "edit.run = lambda args: print(args.paper, args.no_nlp) or 0\n"
            "assert resedit.cli.main(['paper.txt', '--no-nlp']) == 0\n"
            "print(sorted(m for m in sys.modules if m.startswith('resedit.commands.')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["paper.txt True", "['resedit.commands.edit']"]


def test_help_still_lists_every_command():
    from resedit.cli import COMMANDS

    out = subprocess.run([sys.executable, "-m", "resedit.cli", "--help"], capture_output=True,
                         text=True, check=True)
    for name in COMMANDS:
        assert f"    {name} " in out.stdout


def test_a_warm_up_that_ends_after_the_app_quit_ends_quietly():
    """The warm-up worker thread can finish after the app has quit (the first test above quits
    right after the first paint): it must end quietly, not raise into a closed app (it used to call
    call_from_thread, which raises once the app has gone)."""
    import asyncio
    import copy
    import threading

    from resedit.tui.app import make_app

    app = make_app(EXAMPLE, nlp=False, journal=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()

    asyncio.run(scenario())
    raised = []

    def late_worker():
        try:
            app._warm_up(copy.deepcopy(app.session.document.paper))
        except Exception as exc:  # what the worker thread would have died of
            raised.append(exc)

    thread = threading.Thread(target=late_worker)
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and raised == [] and app.session.warm


def test_the_spelling_check_is_loaded_by_the_warm_up_not_by_the_first_word_typed():
    """The spelling check's word lists and lemminflect's tables load on the warm-up thread before
    the editor lints on the UI thread: the first word a delegate typed used to load them there
    (and build a symspell index), and the screen froze for 1.2 s on that key."""
    import asyncio

    from tui_pilot import started

    from resedit.lint import spelling
    from resedit.tui.app import make_app

    spelling._by_length.cache_clear()  # as in a fresh editor process
    app = make_app(EXAMPLE, nlp=False, journal=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot, app)
            built_before_typing = spelling._by_length.cache_info().currsize == 1
            first = app.session.document.paper.operative[0]
            app.editor.go_to(first.id)
            await pilot.press(*" with the goverment")
            await pilot.pause()
            codes = [d.code for d in app.session.findings() if d.location.clause_id == first.id]
            return built_before_typing, codes

    built_before_typing, codes = asyncio.run(scenario())
    assert built_before_typing
    assert "STY006" in codes  # "goverment", found in the word lists the warm-up loaded


def test_what_the_warm_up_loads_is_kept_out_of_full_collections_until_the_editor_closes():
    """The collector's full passes over what the warm-up loads held keys 30-80 ms right after a
    5,000-clause paper opened (benchmarks/bench_tui.py): those objects are frozen out of them while
    the editor runs, and released when it closes (tests open many editors in one process)."""
    import asyncio
    import gc

    from tui_pilot import started

    from resedit.tui.app import make_app

    app = make_app(EXAMPLE, nlp=False, journal=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot, app)
            return gc.get_freeze_count()

    frozen_while_open = asyncio.run(scenario())
    assert frozen_while_open > 10_000
    assert gc.get_freeze_count() == 0
