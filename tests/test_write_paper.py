"""write_paper: atomic, keeps what the reader needs, and leaves files readable like any other."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from resedit.formats import read_paper, write_paper

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


@pytest.mark.parametrize("suffix", [".txt", ".resedit", ".docx"])
def test_each_format_round_trips_and_leaves_no_temporary_file(tmp_path, suffix):
    paper = read_paper(EXAMPLE)
    out = tmp_path / f"paper{suffix}"
    write_paper(paper, out)
    assert read_paper(out) == paper
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_new_file_is_0644_and_an_existing_file_keeps_its_mode(tmp_path):
    paper = read_paper(EXAMPLE)
    out = tmp_path / "paper.resedit"
    write_paper(paper, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    os.chmod(out, 0o640)
    write_paper(paper, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    paper = read_paper(EXAMPLE)
    out = tmp_path / "paper.txt"
    write_paper(paper, out)
    before = out.read_bytes()

    def crash(*args):  # the disk fills up mid-write
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        write_paper(paper, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["paper.txt"]
