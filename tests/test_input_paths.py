"""Bad paths given to check, import, export and review: one line naming the file and the reason,
exit 2, the other files still processed, and nothing that can hang (a pipe named .docx)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resedit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ccpcj_trafficking.txt"


def resedit(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real command in its own process: a hang fails the test instead of blocking the suite."""
    return subprocess.run([sys.executable, "-m", "resedit.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def lines_naming(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if str(path) in line]


@pytest.fixture
def folder(tmp_path):
    """A committee's folder: one good paper, a pipe named .docx, a link loop, a dangling link."""
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(papers / "pipe.docx")
    (papers / "loop.docx").symlink_to("loop.docx")
    (papers / "gone.txt").symlink_to("nowhere.txt")
    (papers / "back").symlink_to("..")  # a folder link back up: walking it would never end
    return papers


def test_check_refuses_a_pipe_and_a_link_loop_and_checks_the_rest(folder):
    pipe, loop, good = folder / "pipe.docx", folder / "loop.docx", folder / "good.txt"
    done = resedit("check", "--no-nlp", pipe, loop, good, timeout=60)
    assert done.returncode == 2
    assert lines_naming(done.stderr, pipe) == [
        f"resedit: {pipe}: is a named pipe, not a regular file; refused (reading it could wait forever)"]
    assert lines_naming(done.stderr, loop) == [
        f"resedit: {loop}: symbolic link loop (the link leads back to itself)"]
    assert f"{good}: CCPCJ:" in done.stdout  # the good paper was still checked


@pytest.mark.parametrize("command", ["import", "export"])
def test_a_pipe_is_refused_by_import_and_export(folder, command):
    pipe = folder / "pipe.docx"
    extra = ["--to", "txt", "-o", folder / "out.txt"] if command == "export" else []
    done = resedit(command, pipe, *extra, timeout=60)
    assert done.returncode == 2
    assert len(lines_naming(done.stderr, pipe)) == 1 and "named pipe" in done.stderr
    assert "Traceback" not in done.stderr and not (folder / "out.txt").exists()


def test_review_lists_bad_files_with_reasons_and_reviews_the_good_one(folder, capsys):
    code = main(["review", "--no-nlp", "--jobs", "1", str(folder)])
    out, err = capsys.readouterr()
    assert code == 2
    rows = {line.split()[0]: line for line in out.splitlines() if line.split()
            and line.split()[0].endswith((".txt", ".docx"))}
    assert set(rows) == {"good.txt", "pipe.docx", "loop.docx", "gone.txt"}  # "back" not walked
    assert "UNREADABLE" not in rows["good.txt"] and "CCPCJ" in rows["good.txt"]
    for name, reason in (("pipe.docx", "named pipe"), ("loop.docx", "symbolic link loop"),
                         ("gone.txt", "nowhere.txt, which does not exist")):
        assert "UNREADABLE" in rows[name]
        said = [line for line in err.splitlines() if f"{folder / name}:" in line]
        assert len(said) == 1 and reason in said[0], said


def test_review_into_its_own_folder_twice_never_reviews_its_output(tmp_path, capsys):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    tables = []
    for _ in range(2):
        code = main(["review", "--no-nlp", "--jobs", "1", str(papers), "--out", str(papers)])
        out, _ = capsys.readouterr()
        assert code == 0
        tables.append(out)
    assert sorted(p.name for p in papers.iterdir()) == ["good.docx", "good.txt", "summary.md"]
    assert tables[0] == tables[1]
    assert "good.docx" not in tables[1] and "summary.md" not in tables[1]


@pytest.mark.parametrize("command", [["import"], ["export", "--to", "docx"]])
def test_output_into_a_missing_folder_is_refused(tmp_path, capsys, command):
    target = tmp_path / "missing" / "paper.docx"
    code = main([command[0], str(EXAMPLE), *command[1:], "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"resedit: {target}: the folder {target.parent} does not exist; "
                                "create it first or choose another"]
    assert not target.parent.exists()


def test_import_refuses_an_output_it_cannot_write(tmp_path, capsys):
    target = tmp_path / "paper.pdf"
    code = main(["import", str(EXAMPLE), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"resedit: {target}: cannot write .pdf: give a name ending in "
                                ".txt, .md, .resedit, .docx"]
    assert not target.exists()


def test_export_refuses_a_suffix_that_is_not_its_format(tmp_path, capsys):
    target = tmp_path / "paper.txt"
    code = main(["export", str(EXAMPLE), "--to", "docx", "-o", str(target)])
    assert code == 2 and not target.exists()
    assert "cannot write .txt with --to docx" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_jobs_must_be_one_or_more(jobs, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["review", "--jobs", jobs, str(EXAMPLE)])
    assert exit_info.value.code == 2
    assert "argument --jobs" in capsys.readouterr().err
