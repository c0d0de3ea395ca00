"""The page at phone and laptop sizes, in a real headless Chromium: screenshots and their layout.

Set RESEDIT_SCREENSHOTS=DIR to keep the PNGs (phone.png, laptop.png) and look at them.
"""
from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest
from browser_net import HostedBloc, choose_clause, chromium_driver, wait_until

from resedit.formats import read_paper

pytestmark = pytest.mark.browser
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"
SIZES = {"phone": (390, 844), "laptop": (1280, 800)}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def box(driver, element_id: str) -> dict:
    return driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height};", element_id)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_page_at_phone_and_laptop_sizes(tmp_path, size):
    width, height = SIZES[size]
    bloc = HostedBloc(tmp_path, read_paper(EXAMPLE))
    driver = None
    try:
        terminal = bloc.join(name="Viet Nam")
        paper = bloc.host.document.paper
        bloc.loop.call(lambda: terminal.document.set_cursor(paper.operative[1].id, 3))
        dais = bloc.join(role="read", name="Dais")
        bloc.loop.call(lambda: dais.document.comment(paper.operative[0].id, "Name the Office in full."))
        driver = chromium_driver(width, height, mobile=size == "phone")
        driver.get(bloc.url("edit", "Brazil"))
        wait_until(lambda: driver.execute_script("return document.body.dataset.connected") == "yes", what="connect")
        chosen = paper.operative[0].id
        choose_clause(driver, chosen)
        wait_until(lambda: "Viet Nam" in driver.find_element("id", "peers").text, what="presence")
        wait_until(lambda: "Name the Office" in driver.find_element("id", "comments").text, what="the comment")
        wait_until(lambda: "Threshold" in driver.find_element("id", "threshold").text, what="the findings")
        driver.execute_script("window.scrollTo(0, 0)")
        shot = driver.get_screenshot_as_png()
        assert png_size(shot) == (width, height)
        (tmp_path / f"{size}.png").write_bytes(shot)
        keep = os.environ.get("RESEDIT_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(tmp_path / f"{size}.png", Path(keep) / f"{size}.png")
        # Nothing wider than the screen; the clause's text is in the editor.
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        assert driver.find_element("id", "editor").get_attribute("value") == paper.operative[0].text
        edit, page, side = box(driver, "edit-pane"), box(driver, "paper-pane"), box(driver, "side")
        if size == "phone":
            assert edit["y"] + edit["h"] <= page["y"] and page["y"] + page["h"] <= side["y"] + 1  # one column
            assert edit["w"] >= width * 0.9
            # Inputs at 16px or more: a phone does not zoom in when one takes focus.
            assert driver.execute_script(
                "return parseFloat(getComputedStyle(document.getElementById('sign-state')).fontSize)") >= 16
        else:
            assert page["x"] + page["w"] <= edit["x"] and page["x"] + page["w"] <= side["x"]  # paper left
            assert edit["y"] < 200 and page["w"] > width / 2
    finally:
        if driver is not None:
            driver.quit()
        bloc.close()
