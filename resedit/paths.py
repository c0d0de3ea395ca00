"""Where resedit's editable data lives: the top-level `lexicon/` folder and `clause_rules.yaml`.

Both sit beside the `resedit/` package in a checkout (and an editable install). RESEDIT_DATA
points elsewhere, e.g. at a dais's own copy of the rules and word lists.
"""
from __future__ import annotations

import os
from pathlib import Path


def data_root() -> Path:
    override = os.environ.get("RESEDIT_DATA")
    return Path(override) if override else Path(__file__).resolve().parent.parent


def lexicon_dir() -> Path:
    return data_root() / "lexicon"


def rules_file() -> Path:
    return data_root() / "clause_rules.yaml"
