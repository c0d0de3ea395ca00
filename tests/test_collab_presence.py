"""What a bloc sees in the editor (Textual pilot, real key presses, a real host on 127.0.0.1): who
is here and where, the connection and what waits to be sent, the dais's comments beside their
clause (F9, resolved with Shift+F9) and in Word, signatures arriving in the open sponsors screen."""
from __future__ import annotations

import docx
from collab_net import Bloc, run

from resedit.cli import main
from resedit.tui.app import make_app
from resedit.tui.widgets.status_line import StatusLine


def _status(app) -> str:
    return str(app.editor.query_one(StatusLine).render())


def _outline_note(app, key: str) -> str:
    from resedit.tui.widgets.outline_view import OutlineView

    return app.editor.query_one(OutlineView).notes.get(key, "")


async def _until(pilot, check, what: str, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{what} within {seconds} s")


def test_every_peer_sees_who_is_where_and_the_connection(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            brazil, ghana = await bloc.join(name="Brazil"), await bloc.join(name="Ghana")
            apps = {"host": make_app(document=host.document, journal=False, nlp=False),
                    "Brazil": make_app(document=brazil.document, journal=False, nlp=False),
                    "Ghana": make_app(document=ghana.document, journal=False, nlp=False)}
            first, second = host.document.paper.operative[0].id, host.document.paper.operative[1].id
            async with apps["host"].run_test(size=(120, 30)) as p0, \
                    apps["Brazil"].run_test(size=(120, 30)) as p1, apps["Ghana"].run_test(size=(120, 30)) as p2:
                apps["host"].editor.go_to(first)
                apps["Brazil"].editor.go_to(second)
                apps["Ghana"].editor.go_to(first)
                for name, app, pilot in (("host", apps["host"], p0), ("Brazil", apps["Brazil"], p1),
                                         ("Ghana", apps["Ghana"], p2)):
                    others = {"host": "op. 1", "Brazil": "op. 2", "Ghana": "op. 1"}
                    others.pop(name)
                    await _until(pilot, lambda: all(f"{who} {where}" in _status(app) for who, where in others.items()),
                                 f"{name} seeing the others in the status line")
                    assert f"{name} op." not in _status(app)  # not oneself
                    where = {"op. 1": first, "op. 2": second}
                    for who, place in others.items():
                        assert who in _outline_note(app, where[place])
                assert "● hosting" in _status(apps["host"]) and "● connected" in _status(apps["Brazil"])
                # Ghana loses the network and keeps typing: offline, with the changes waiting.
                await ghana.go_offline()
                await p2.press(*" offline words")
                await _until(p2, lambda: "○ offline" in _status(apps["Ghana"]) and "unsent" in _status(apps["Ghana"]),
                             "the offline indicator with unsent changes")
                ghana.go_online()
                await _until(p2, lambda: "● connected" in _status(apps["Ghana"]) and "unsent" not in _status(apps["Ghana"]),
                             "connected again, nothing waiting", seconds=20)
                await bloc.settle()
                assert host.document.paper.find(first).text.endswith(" offline words")
        finally:
            await bloc.close()
    run(scenario(), timeout=180)


def test_dais_comments_from_the_editor_reach_everyone_resolve_and_go_to_word(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            dais, brazil = await bloc.join(role="read", name="Dais"), await bloc.join(name="Brazil")
            clause = host.document.paper.operative[1].id
            reader = make_app(document=dais.document, journal=False, nlp=False)
            sponsor = make_app(document=brazil.document, journal=False, nlp=False)
            async with reader.run_test(size=(120, 30)) as p1, sponsor.run_test(size=(120, 30)) as p2:
                reader.editor.go_to(clause)
                sponsor.editor.go_to(clause)
                await p1.press("f9")
                await p1.pause()
                await p1.press(*"Cite the resolution's date.", "enter")
                await _until(p2, lambda: "✎1" in _outline_note(sponsor, clause), "the comment mark beside the clause")
                panel = str(sponsor.editor.query_one("#findings").query_one("OptionList").get_option_at_index(0).prompt)
                assert "Dais: Cite the resolution's date." in panel
                await p1.press("f8")  # the dais cannot delete: told why, nothing deleted
                await p1.pause()
                assert host.document.paper.find(clause) is not None
                await p2.press("shift+f9")
                await _until(p1, lambda: "✎" not in _outline_note(reader, clause), "the resolution reaching the dais")
                assert host.document.comments()[0]["resolved"]["by"] == "Brazil"
        finally:
            await bloc.close()
    run(scenario(), timeout=180)
    out = tmp_path / "paper.docx"
    assert main(["export", str(tmp_path / "host.collab"), "--to", "docx", "-o", str(out)]) == 0
    comments = list(docx.Document(str(out)).comments)
    assert [(c.author, c.text.splitlines()[0]) for c in comments] == [("Dais", "Cite the resolution's date.")]
    assert "Resolved by Brazil." in comments[0].text
    review = tmp_path / "review"
    assert main(["review", str(tmp_path / "host.collab"), "--out", str(review), "--no-nlp"]) in (0, 1)
    annotated = [p for p in review.glob("*.docx")]
    assert annotated and any(c.author == "Dais" and "Cite the resolution's date." in c.text
                             for c in docx.Document(str(annotated[0])).comments)


def test_the_open_sponsors_screen_shows_a_signature_as_it_arrives_and_a_refusal_with_its_reason(tmp_path):
    async def scenario():
        bloc = Bloc(tmp_path)
        try:
            host = await bloc.start_host()
            brazil = await bloc.join(name="Brazil")
            kenya = await bloc.join(role="sign", name="Kenya")
            sponsor = make_app(document=brazil.document, journal=False, nlp=False)
            signer = make_app(document=kenya.document, journal=False, nlp=False)
            async with sponsor.run_test(size=(120, 36)) as p1, signer.run_test(size=(120, 36)) as p2:
                await p1.press("f2")
                await p2.press("f2")
                await p1.pause()
                await p2.pause()
                signer.screen.query_one("#add-signatory").focus()
                await p2.press(*"Ghana", "enter")
                message = lambda: str(signer.screen.query_one("#sponsor-message").render())  # noqa: E731
                await _until(p2, lambda: "signs for Kenya only" in message(), "the refusal's reason at the signer")
                signer.screen.query_one("#add-signatory").value = ""
                signer.screen.query_one("#add-signatory").focus()
                await p2.press(*"Kenya", "enter")
                summary = lambda: str(sponsor.screen.query_one("#sponsor-list").get_option_at_index(  # noqa: E731
                    sponsor.screen.query_one("#sponsor-list").option_count - 1).prompt)
                await _until(p1, lambda: "Kenya" in summary(), "the signature in the open sponsors screen")
                assert host.document.paper.signatories[-1] == "Kenya"
        finally:
            await bloc.close()
    run(scenario(), timeout=180)
