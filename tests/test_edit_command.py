"""`resedit edit X.txt` opens the editor's saved copy X.resedit when that holds the latest work."""
from __future__ import annotations

import os
import time
from pathlib import Path

from resedit.commands.edit import saved_copy

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ccpcj_trafficking.txt"


def test_newer_saved_copy_is_opened_instead_of_the_text(tmp_path, capsys):
    text = tmp_path / "mine.txt"
    text.write_bytes(EXAMPLE.read_bytes())
    assert saved_copy(text) == text  # nothing saved yet
    native = tmp_path / "mine.resedit"
    native.write_text("{}", encoding="utf-8")
    later = time.time() + 5
    os.utime(native, (later, later))
    assert saved_copy(text) == native
    assert "opening mine.resedit" in capsys.readouterr().err


def test_a_text_edited_after_the_save_wins_and_says_so(tmp_path, capsys):
    native = tmp_path / "mine.resedit"
    native.write_text("{}", encoding="utf-8")
    text = tmp_path / "mine.txt"
    text.write_bytes(EXAMPLE.read_bytes())
    later = time.time() + 5
    os.utime(text, (later, later))
    assert saved_copy(text) == text
    assert "saving asks before replacing mine.resedit" in capsys.readouterr().err


def test_a_new_paper_saved_only_natively_reopens_by_its_text_name(tmp_path):
    native = tmp_path / "new1.resedit"
    native.write_text("{}", encoding="utf-8")
    assert saved_copy(tmp_path / "new1.txt") == native
