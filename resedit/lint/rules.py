"""Load and validate clause_rules.yaml. A malformed file is refused with file, line and reason."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

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


class _LineLoader(yaml.SafeLoader):
    """Records each mapping's 1-based source line under '__line__'."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _check_rule(path: Path, raw: dict, known_kinds) -> Rule:
    line = raw.get("__line__")
    where = f"rule {raw.get('id', '?')}"

    def fail(reason: str):
        raise DataFileError(path, line, f"{where}: {reason}")

    for key in _REQUIRED:
        if key not in raw:
            fail(f"missing '{key}'")
    unknown = set(raw) - set(_REQUIRED) - set(_OPTIONAL) - {"__line__"}
    if unknown:
        fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        fail("'id' must be three capital letters and three digits, e.g. PUN001")
    if not isinstance(raw["name"], str) or not _NAME.match(raw["name"]):
        fail("'name' must be kebab-case, e.g. operative-semicolon")
    for key, allowed in (("category", CATEGORIES), ("severity", SEVERITIES), ("scope", SCOPES)):
        if raw[key] not in allowed:
            fail(f"'{key}' is {raw[key]!r}; expected one of {', '.join(allowed)}")
    if raw["kind"] not in known_kinds:
        fail(f"unknown kind {raw['kind']!r}; known kinds: {', '.join(sorted(known_kinds))}")
    for key in ("message", "explain"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(f"'{key}' must be a non-empty string")
    examples = raw["examples"]
    if not isinstance(examples, dict) or not examples.get("fail") or not examples.get("pass"):
        fail("'examples' needs non-empty 'fail' and 'pass' lists")
    for key in ("params", "when"):
        if key in raw and not isinstance(raw[key], dict):
            fail(f"'{key}' must be a mapping")
    clean = _strip_lines(raw)
    try:
        known_kinds[raw["kind"]].validate(clean.get("params") or {})
    except ValueError as exc:
        fail(f"params: {exc}")
    return Rule(id=clean["id"], name=clean["name"], category=clean["category"],
                severity=clean["severity"], scope=clean["scope"], kind=clean["kind"],
                message=clean["message"].strip(), explain=clean["explain"].strip(),
                examples=clean["examples"], params=clean.get("params") or {},
                suggest=clean.get("suggest", ""), cite=(clean.get("cite") or "").strip(),
                when=clean.get("when") or {}, line=line or 0)


def parse_rules(path: Path, text: str) -> list[Rule]:
    from resedit.lint.kinds import KINDS

    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from exc
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
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read rules file: {exc.strerror}") from exc
    return tuple(parse_rules(path, text))
