"""A real headless Chromium on the host's page, against a real host and terminal peers on 127.0.0.1."""
from __future__ import annotations

import asyncio
import json

import pytest
from browser_net import HostedBloc, active, choose_clause, chromium_driver, wait_until

from resedit.model.edits import SetText

pytestmark = pytest.mark.browser


@pytest.fixture
def bloc(tmp_path):
    hosted = HostedBloc(tmp_path)
    yield hosted
    hosted.close()


@pytest.fixture
def browser():
    driver = chromium_driver()
    yield driver
    driver.quit()


def connected(driver) -> bool:
    return driver.execute_script("return document.body.dataset.connected") == "yes"


def test_browser_and_terminal_type_in_one_clause_at_once_and_every_word_arrives_at_both(bloc, browser):
    terminal = bloc.join(name="Chile")
    clause = bloc.host.document.paper.operative[1].id
    browser.get(bloc.url("edit", "Brazil"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    editor = choose_clause(browser, clause)
    browser_words = [f" brz{i}é" for i in range(12)]
    terminal_words = [f" chl{i}ñ" for i in range(12)]

    async def terminal_types():
        for word in terminal_words:
            text = terminal.document.paper.find(clause).text
            terminal.document.apply(SetText(clause, text + word))
            await asyncio.sleep(0.03)

    typing = asyncio.run_coroutine_threadsafe(terminal_types(), bloc.loop.loop)
    for word in browser_words:
        editor.send_keys(word)
    typing.result(30)
    words = browser_words + terminal_words

    def has_all(text: str) -> bool:
        return all(word in text for word in words)

    wait_until(lambda: has_all(bloc.text(clause)), what="every word at the host")
    wait_until(lambda: has_all(bloc.text(clause, terminal.document)), what="every word at the terminal peer")
    wait_until(lambda: has_all(editor.get_attribute("value")), what="every word in the browser")
    wait_until(lambda: editor.get_attribute("value") == bloc.text(clause) == bloc.text(clause, terminal.document),
               what="the three to agree")
    final = bloc.text(clause)
    assert final.startswith("Requests the Office.")
    assert all(final.count(word) == 1 for word in words)  # nothing twice either
    # What the page shows as the printed paper is the same text.
    printed = browser.execute_script(
        "return document.querySelector(`.clause[data-id='${arguments[0]}']`).textContent", clause)
    assert all(word.strip() in printed for word in words)


def test_a_read_link_cannot_edit(bloc, browser):
    clause = bloc.host.document.paper.preamble[0].id
    before = bloc.text(clause)
    browser.get(bloc.url("read", "Dais"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    assert browser.execute_script("return document.body.dataset.role") == "read"
    editor = choose_clause(browser, clause)
    assert editor.get_attribute("readonly") is not None
    editor.send_keys(" typed by the dais")
    # A page that ignores its own read-only editor: the host refuses the edit all the same.
    replies = browser.execute_async_script("""
        const [paperId, key, clause, base, done] = arguments;
        const got = [];
        const ws = new WebSocket(`ws://${location.host}/${paperId}/web`);
        ws.onopen = () => ws.send(JSON.stringify({t: "hello", key, name: "forger", client: "forger"}));
        ws.onmessage = (e) => {
          const m = JSON.parse(e.data); got.push(m.t);
          if (m.t === "paper") ws.send(JSON.stringify({t: "edit", clause, base, text: base + " forged", seq: 1}));
          if (m.t === "error") { ws.close(); done(got); }
        };
        setTimeout(() => done(got), 8000);
    """, bloc.host.paper_id, bloc.host.link("read").key, clause, before)
    assert "error" in replies
    assert bloc.text(clause) == before
    assert "dais" not in browser.find_element("id", "editor").get_attribute("value")


def test_a_wrong_key_gets_nothing_of_the_paper(bloc, browser):
    good = bloc.url("edit")
    wrong = good.replace("key=", "key=X")
    browser.get(wrong)
    wait_until(lambda: "refused" in browser.find_element("id", "status").text, what="the refusal")
    assert browser.find_elements("css selector", ".clause") == []
    page = browser.find_element("tag name", "body").text
    assert "Recalling" not in page and "CCPCJ/1/1" not in page
    # At the socket: not one message before the close.
    result = browser.execute_async_script("""
        const [paperId, done] = arguments;
        const got = [];
        const ws = new WebSocket(`ws://${location.host}/${paperId}/web`);
        ws.onopen = () => ws.send(JSON.stringify({t: "hello", key: "not-the-key", name: "x", client: "x"}));
        ws.onmessage = (e) => got.push(e.data);
        ws.onclose = (e) => done({messages: got, code: e.code});
    """, bloc.host.paper_id)
    assert result == {"messages": [], "code": 4401}


def test_a_browser_that_lost_the_host_sends_its_edits_when_it_returns(bloc, browser):
    terminal = bloc.join(name="Chile")
    clause = bloc.host.document.paper.operative[0].id
    browser.get(bloc.url("edit", "Brazil"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    editor = choose_clause(browser, clause)
    bloc.loop.run(bloc.host.stop())
    wait_until(lambda: not connected(browser), what="the page to notice")
    editor.send_keys(" typed while the host was away")
    lost = browser.find_element("id", "lost")
    wait_until(lambda: "unsent edits are kept" in lost.text or "Lost the host" in lost.text, what="the banner")
    assert "Lost the host" in lost.text
    assert "typed while the host was away" not in bloc.text(clause)
    bloc.loop.run(bloc.host.start())
    wait_until(lambda: "typed while the host was away" in bloc.text(clause), what="the edit at the host")
    wait_until(lambda: "typed while the host was away" in bloc.text(clause, terminal.document),
               what="the edit at the terminal peer")
    wait_until(lambda: lost.get_attribute("hidden") is not None, what="the banner to go")
    assert bloc.text(clause).count("typed while the host was away") == 1


def test_a_page_reloaded_while_the_host_was_away_still_sends_what_was_typed(bloc, browser):
    clause = bloc.host.document.paper.preamble[0].id
    url = bloc.url("edit", "Brazil")
    browser.get(url)
    wait_until(lambda: connected(browser), what="the browser to connect")
    editor = choose_clause(browser, clause)
    bloc.loop.run(bloc.host.stop())
    wait_until(lambda: not connected(browser), what="the page to notice")
    editor.send_keys(" typed before the reload")
    browser.refresh()  # the host is away: the tab shows the browser's own error page
    assert "typed before the reload" not in bloc.text(clause)
    bloc.loop.run(bloc.host.start())
    browser.get(url)
    wait_until(lambda: "typed before the reload" in bloc.text(clause), what="the edit at the host")
    wait_until(lambda: connected(browser), what="the page to connect")
    choose_clause(browser, clause)
    wait_until(lambda: browser.find_element("id", "editor").get_attribute("value") == bloc.text(clause),
               what="the page and the host to agree")
    assert bloc.text(clause).count("typed before the reload") == 1


def test_signing_from_the_browser_follows_the_sponsors_rules(bloc, browser):
    browser.get(bloc.url("sign", "Kenya"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    field = browser.find_element("id", "sign-state")
    assert field.get_attribute("value") == "Kenya"  # a signatory link signs as the State it joined as
    field.clear()
    field.send_keys("Kenia\n")
    message = browser.find_element("id", "sign-message")
    wait_until(lambda: "Not signed" in message.text, what="the refusal")
    assert "Kenya" in message.text  # the suggestion
    field.clear()
    field.send_keys("Kenya\n")
    wait_until(lambda: "Kenya" in bloc.loop.call(lambda: bloc.host.document.paper.signatories), what="the signature")
    wait_until(lambda: "Kenya" in browser.find_element("id", "signatories").text, what="the page to show it")


def test_keyboard_alone_reaches_a_clause_edits_it_and_returns(bloc, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    clause = bloc.host.document.paper.preamble[1].id
    browser.get(bloc.url("edit", "Brazil"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    wait_until(lambda: browser.find_elements("css selector", ".clause"), what="the paper")
    body = browser.find_element("tag name", "body")
    body.click()
    for _ in range(40):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if active(browser, "data-id") == clause:
            break
    assert active(browser, "data-id") == clause
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_until(lambda: active(browser, "id") == "editor", what="the editor to take focus")
    ActionChains(browser).send_keys(" by keys").perform()
    wait_until(lambda: bloc.text(clause).endswith(" by keys"), what="the edit at the host")
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    wait_until(lambda: active(browser, "data-id") == clause, what="focus back on the clause")


def test_a_finding_of_the_paper_opens_its_clause(bloc, browser):
    clause = bloc.host.document.paper.operative[0].id
    bloc.loop.call(lambda: bloc.host.document.apply(SetText(clause, "urges Member States to act")))
    browser.get(bloc.url("read", "Dais"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    place = "operative 1 of 2"
    wait_until(lambda: place in browser.find_element("id", "findings").text, what="the finding with its clause")
    for button in browser.find_elements("css selector", "#findings button.place"):
        if button.text == place:
            button.click()
            break
    wait_until(lambda: browser.find_element("id", "editor").get_attribute("value") == "urges Member States to act",
               what="the clause in the editor")
    assert browser.find_elements("css selector", "#clause-findings li.error, #clause-findings li.warning")


def test_the_page_loads_nothing_from_elsewhere_and_sends_the_key_in_no_request(bloc, browser):
    browser.get(bloc.url("edit", "Brazil"))
    wait_until(lambda: connected(browser), what="the browser to connect")
    entries = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    origin = f"http://127.0.0.1:{bloc.host.port}/"
    assert entries and all(name.startswith(origin) or name.startswith(origin.replace("http", "ws")) for name in entries)
    key = bloc.host.link("edit").key
    assert all(key not in name for name in entries)
    assert json.dumps(browser.get_log("browser")).count("Content Security Policy") == 0
