"""Load and validate clause_rules.yaml. A malformed file is refused with file, line and reason."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from resedit.datafile import line_of, read_yaml
from resedit.errors import DataFileError
from resedit.model.diagnostic import CATEGORIES, SEVERITIES
from resedit.paths import rules_file

SCOPES = ("header", "preamble", "operative", "subclause", "clause", "document", "sponsors")
RULES_VERSION = 1
_ID = re.compile(r"^[A-Z]{3}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_REQUIRED = ("id", "name", "category", "severity", "scope", "kind", "message", "explain", "examples")
_OPTIONAL = ("params", "suggest", "cite", "when")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    scope: str
    kind: str
    message: str
    explain: str
    examples: dict = field(hash=False)
    params: dict = field(default_factory=dict, hash=False)
    suggest: str = ""
    cite: str = ""
    when: dict = field(default_factory=dict, hash=False)
    line: int = 0

    def applies_to(self, committee_code: str) -> bool:
        only = [c.upper() for c in self.when.get("committees", [])]
        never = [c.upper() for c in self.when.get("not_committees", [])]
        code = committee_code.upper()
        return (not only or code in only) and code not in never


def _check_rule(path: Path, raw: dict, known_kinds) -> Rule:
    line = line_of(raw)
    where = f"rule {raw.get('id', '?')}"

    def fail(reason: str, key: str | None = None):
        raise DataFileError(path, line_of(raw, key) or line, f"{where}: {reason}")

    for key in _REQUIRED:
        if key not in raw:
            fail(f"missing '{key}'")
    unknown = set(raw) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        fail("'id' must be three capital letters and three digits, e.g. PUN001")
    if not isinstance(raw["name"], str) or not _NAME.match(raw["name"]):
        fail("'name' must be kebab-case, e.g. operative-semicolon")
    for key, allowed in (("category", CATEGORIES), ("severity", SEVERITIES), ("scope", SCOPES)):
        if raw[key] not in allowed:
            fail(f"'{key}' is {raw[key]!r}; expected one of {', '.join(allowed)}", key)
    if raw["kind"] not in known_kinds:
        fail(f"unknown kind {raw['kind']!r}; known kinds: {', '.join(sorted(known_kinds))}", "kind")
    for key in ("message", "explain"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(f"'{key}' must be a non-empty string")
    examples = raw["examples"]
    if not isinstance(examples, dict) or not examples.get("fail") or not examples.get("pass"):
        fail("'examples' needs non-empty 'fail' and 'pass' lists")
    for key in ("params", "when"):
        if key in raw and not isinstance(raw[key], dict):
            fail(f"'{key}' must be a mapping")
    try:
        known_kinds[raw["kind"]].validate(raw.get("params") or {})
    except ValueError as exc:
        fail(f"params: {exc}")
    return Rule(id=raw["id"], name=raw["name"], category=raw["category"],
                severity=raw["severity"], scope=raw["scope"], kind=raw["kind"],
                message=raw["message"].strip(), explain=raw["explain"].strip(),
                examples=raw["examples"], params=raw.get("params") or {},
                suggest=raw.get("suggest", ""), cite=(raw.get("cite") or "").strip(),
                when=raw.get("when") or {}, line=line or 0)


def parse_rules(path: Path, data) -> list[Rule]:
    """Check the parsed rules file (from resedit.datafile.read_yaml) and build the rules."""
    from resedit.lint.kinds import KINDS

    if isinstance(data, dict) and data.get("rules", []) is None:
        data["rules"] = []  # a file whose sections are all still empty
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(path, 1, "expected a mapping with 'version' and a 'rules' list")
    if data.get("version") != RULES_VERSION:
        raise DataFileError(path, 1, f"unsupported rules version {data.get('version')!r} "
                                     f"(this resedit reads version {RULES_VERSION})")
    rules, seen = [], {}
    for raw in data["rules"]:
        if not isinstance(raw, dict):
            raise DataFileError(path, None, f"each rule must be a mapping, got {raw!r}")
        rule = _check_rule(path, raw, KINDS)
        for key in (rule.id, rule.name):
            if key in seen:
                raise DataFileError(path, rule.line, f"'{key}' already used by the rule at line {seen[key]}")
            seen[key] = rule.line
        rules.append(rule)
    return rules


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    path = path or rules_file()
    return tuple(parse_rules(path, read_yaml(path)))
