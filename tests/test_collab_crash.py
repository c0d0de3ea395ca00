"""The host process is SIGKILLed mid-typing and restarted from its copy: nothing acknowledged is lost."""
from __future__ import annotations

import asyncio
import os
import signal
import time

from collab_net import Bloc, run, same, sample_paper, start_host

from resedit.collab.link import parse_link
from resedit.formats.text import write_text
from resedit.model.edits import SetText


def test_host_killed_with_sigkill_restarts_from_its_copy_losing_nothing_acknowledged(tmp_path):
    paper_file = tmp_path / "paper.txt"
    paper_file.write_text(write_text(sample_paper()), encoding="utf-8")
    copy = tmp_path / "host.collab"
    process, links, _ = start_host(paper_file, copy)
    port = parse_link(links["edit"]).port

    async def scenario():
        nonlocal process
        bloc = Bloc(tmp_path)
        try:
            typist = await bloc.join(name="typist", link=parse_link(links["edit"]))
            clause = typist.document.paper.operative[1].id
            acknowledged = ""
            for rounds in range(2):
                for i in range(30):
                    text = typist.document.paper.find(clause).text
                    typist.document.apply(SetText(clause, text + f" k{rounds}.{i}é😀"))
                    if i % 10 == 9:
                        await typist.wait_acked()
                        acknowledged = typist.document.paper.find(clause).text
                    await asyncio.sleep(0.002)
                os.kill(process.pid, signal.SIGKILL)  # mid-typing: the last words are not acknowledged
                process.wait()
                await typist.go_offline()  # kept away until the newcomer has read the host's disk
                for i in range(5):  # typing on while the host is down
                    text = typist.document.paper.find(clause).text
                    typist.document.apply(SetText(clause, text + f" down{rounds}.{i}"))
                process, again, lines = start_host(paper_file, copy, port)
                assert again == links and any("Resumed" in line for line in lines)
                # A newcomer with no copy of its own sees what the host's disk kept.
                newcomer = await bloc.join(name=f"newcomer{rounds}", link=parse_link(links["read"]))
                assert newcomer.document.paper.find(clause).text.startswith(acknowledged)
                assert "down" + str(rounds) not in newcomer.document.paper.find(clause).text
                typist.go_online()
                await asyncio.wait_for(typist.synced.wait(), 10)
                await typist.wait_acked()
                await asyncio.sleep(0.3)
                final = typist.document.paper.find(clause).text
                assert f"down{rounds}.4" in final
                deadline = time.monotonic() + 5
                while not same(newcomer.document, typist.document) and time.monotonic() < deadline:
                    await asyncio.sleep(0.02)
                assert same(newcomer.document, typist.document)
        finally:
            await bloc.close()

    try:
        run(scenario(), timeout=90)
    finally:
        process.kill()
        process.wait()
