"""The files a command is given and the files it writes, checked before anything opens them.

Every command reads papers through `resedit.formats.read_paper`, which calls `regular_file`
first: a named pipe or a device called `paper.docx` would block the first read forever, and a
symbolic-link loop is not "no such file". Outputs go through `output_file`: the folder must exist
and the suffix must be one the command writes. Each refusal is an InputError naming the file and
the reason (the CLI prints one line and exits 2; `check` and `review` go on with the other files).
"""
from __future__ import annotations

import argparse
import errno
import os
import stat
from pathlib import Path

from resedit.errors import InputError

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def regular_file(path: Path) -> os.stat_result:
    """The file's status if it is a regular file (after symbolic links); InputError otherwise."""
    try:
        status = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "symbolic link loop (the link leads back to itself)") from exc
        if exc.errno == errno.ENOENT:
            dangling = os.path.islink(path)
            raise InputError(path, f"symbolic link to {os.readlink(path)}, which does not exist"
                             if dangling else "no such file") from exc
        raise InputError(path, f"cannot read: {exc.strerror}") from exc
    if stat.S_ISDIR(status.st_mode):
        raise InputError(path, "is a directory, not a paper")
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a regular file")
        raise InputError(path, f"is {kind}, not a regular file; refused (reading it could wait forever)")
    return status


def output_file(path: Path, suffixes: tuple[str, ...], what: str = "") -> Path:
    """A file the command may write: its folder exists and its suffix is one it writes."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        shown = path.suffix or "no suffix"
        raise InputError(path, f"cannot write {shown}{what}: give a name ending in "
                               f"{', '.join(s for s in suffixes if s)}")
    folder = path.parent
    if not folder.is_dir():
        reason = "is not a folder" if folder.exists() else "does not exist"
        raise InputError(path, f"the folder {folder} {reason}; create it first or choose another")
    if path.is_dir():
        raise InputError(path, "is a folder; give a file name")
    if path.exists() and not path.is_file():
        raise InputError(path, "exists and is not a regular file; refused")
    return path


def same_file(a: Path, b: Path) -> bool:
    """Do two paths name one file? (realpath: a symbolic-link loop does not raise.)"""
    return os.path.realpath(a) == os.path.realpath(b)


def positive_int(value: str) -> int:
    """argparse type for counts such as --jobs: 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return number


# Annotated copies written by `resedit review` carry this in their core properties
# (docProps/core.xml, contentStatus), so a later review of the same folder leaves them out.
ANNOTATED_MARK = "resedit review: annotated copy"
SUMMARY_NAME = "summary.md"


def is_annotated_copy(path: Path) -> bool:
    """Is this .docx an annotated copy from `resedit review` (its own output, not a paper)?"""
    import zipfile

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return False
            return ANNOTATED_MARK.encode() in archive.read(info)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError):
        return False  # read as a paper, and any problem reported there


def collect_papers(paths, suffixes: set[str], out_dir: Path | None = None) -> tuple[list[Path], list[Path]]:
    """The papers named: files as given, folders searched (recursively, not into linked folders,
    so a link loop cannot recurse) for files with a paper suffix. Whatever is found is returned,
    pipes and broken links too, for the reader to refuse with the reason. Returns (papers, own
    outputs left out: annotated copies and the summary of an earlier review)."""
    found: list[Path] = []
    own: list[Path] = []
    summary = os.path.realpath(out_dir / SUMMARY_NAME) if out_dir is not None else None
    out_real = os.path.realpath(out_dir) if out_dir is not None else None
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append(path)  # a missing file is reported as unreadable, not dropped
            continue
        inside = out_real if out_real != os.path.realpath(path) else None
        for folder, dirs, files in os.walk(path, followlinks=False):
            if inside and (os.path.realpath(folder) + os.sep).startswith(inside + os.sep):
                own.extend(Path(folder) / f for f in files if Path(f).suffix.lower() in suffixes)
                dirs[:] = []
                continue  # the --out folder inside the reviewed one: an earlier run's copies
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]):
                file = Path(folder) / name
                if Path(name).suffix.lower() not in suffixes or name.startswith(("~$", ".")):
                    continue
                if os.path.realpath(file) == summary or (
                        file.suffix.lower() == ".docx" and is_annotated_copy(file)):
                    own.append(file)
                    continue
                found.append(file)
    return list(dict.fromkeys(found)), own
