"""Helpers for browser tests: Debian's headless Chromium through Selenium and chromedriver, and a
real host with terminal peers running in an event loop on a thread beside it (127.0.0.1 only)."""
from __future__ import annotations

import asyncio
import os
import shutil
import threading
import time

import pytest
from collab_net import Bloc

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def chromium_driver(width: int = 1280, height: int = 900, mobile: bool = False):
    """A headless Chromium (the system's: nothing is downloaded); skip where it is absent, unless CI."""
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian's chromium and chromium-driver (.ci/run installs them)")
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--no-proxy-server", "--disable-extensions",
                 "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    # The page's viewport exactly (a window's size includes its frame), as a phone or a laptop.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    return driver


class LoopThread:
    """An asyncio loop on its own thread: the host and terminal peers live there."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro, timeout: float = 20):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def call(self, fn, *args):
        async def call():
            return fn(*args)
        return self.run(call())

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class HostedBloc:
    """A Bloc (real host + terminal peers) on a loop thread, for a browser to join."""

    def __init__(self, tmp, paper=None):
        self.loop = LoopThread()
        self.bloc = Bloc(tmp)
        self.host = self.loop.run(self.bloc.start_host(paper))

    def url(self, role: str, name: str = "Browser") -> str:
        from urllib.parse import quote

        from resedit.web.http import browser_url
        return browser_url(self.host.link(role)) + "&name=" + quote(name)

    def join(self, role: str = "edit", name: str = "Terminal"):
        return self.loop.run(self.bloc.join(role=role, name=name))

    def text(self, clause_id: str, document=None) -> str:
        return self.loop.call(lambda: (document or self.host.document).paper.find(clause_id).text)

    def close(self) -> None:
        try:
            self.loop.run(self.bloc.close())
        finally:
            self.loop.stop()


def wait_until(predicate, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def clause_element(driver, clause_id: str):
    """The clause as printed on the page (found afresh: the page redraws the paper on every change)."""
    return driver.find_element("css selector", f'.clause[data-id="{clause_id}"]')


def choose_clause(driver, clause_id: str):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    def click() -> bool:
        try:
            clause_element(driver, clause_id).click()
        except (StaleElementReferenceException, NoSuchElementException):
            return False
        return active(driver, "id") == "editor"

    wait_until(click, what="the clause to open in the editor")
    return driver.find_element("id", "editor")


def active(driver, attribute: str):
    return driver.execute_script("return document.activeElement && document.activeElement.getAttribute(arguments[0])",
                                 attribute)
