"""`resedit explain CODE`: why a rule exists, what it flags, and what to write instead.

Works for every rule in clause_rules.yaml, by code (OPN001), name (operative-opener-form) or
family prefix (OPN lists the family). Instant: it reads the rules file only, no language model.
"""
from __future__ import annotations

import sys
import textwrap

HELP = "explain a rule: why it exists, an example and what to write instead"
WIDTH = 88


def add_arguments(parser) -> None:
    parser.add_argument("code", metavar="CODE",
                        help="a rule code (OPN001), its name (operative-opener-form) or a family prefix (OPN)")


def _wrap(text: str, indent: str = "  ") -> str:
    return "\n".join(textwrap.fill(p, WIDTH, initial_indent=indent, subsequent_indent=indent)
                     for p in text.split("\n") if p.strip())


def _example(example) -> str:
    """One example as the reader should see it: a clause, or a whole paper indented."""
    committee = ""
    if isinstance(example, dict):
        committee = f"  (under the {example.get('committee', 'CCPCJ')} profile)"
        example = example.get("text", "")
    text = str(example).strip("\n")
    if "\n" not in text:
        return f"    {text}{committee}"
    body = "\n".join("      " + line if line else "" for line in text.splitlines())
    return f"    a whole paper{committee}:\n{body}"


def render(rule) -> str:
    lines = [f"{rule.id}  {rule.name}",
             f"  category: {rule.category}   severity: {rule.severity}   scope: {rule.scope}"]
    if rule.when:
        lines.append("  applies: " + ", ".join(f"{k}: {', '.join(map(str, v))}" for k, v in rule.when.items()))
    lines += ["", "Why:", _wrap(rule.explain)]
    if rule.cite:
        lines += ["", "Source:", _wrap(rule.cite)]
    lines += ["", "Flagged (the rule fires on):"]
    lines += [_example(e) for e in rule.examples.get("fail") or []]
    lines += ["", "Write instead (the rule accepts):"]
    lines += [_example(e) for e in rule.examples.get("pass") or []]
    return "\n".join(lines) + "\n"


def _close(wanted: str, rules) -> list[str]:
    from rapidfuzz import fuzz, process

    choices = {r.id: r.id for r in rules} | {r.name: r.id for r in rules}
    found = process.extract(wanted, list(choices), scorer=fuzz.WRatio, limit=6, score_cutoff=60)
    return list(dict.fromkeys(choices[c] for c, _, _ in found))[:3]


def run(args) -> int:
    from resedit.errors import ResEditError
    from resedit.lint import load_rules

    rules = load_rules()
    wanted = args.code.strip()
    exact = [r for r in rules if r.id == wanted.upper() or r.name == wanted.lower()]
    if exact:
        sys.stdout.write(render(exact[0]))
        return 0
    family = [r for r in rules if wanted and r.id.startswith(wanted.upper())]
    if family:
        for r in family:
            sys.stdout.write(f"{r.id}  {r.name:34} {r.category:12} {r.severity}\n")
        return 0
    close = _close(wanted, rules)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ResEditError(f"unknown rule code '{wanted}'{hint} (`resedit check` reports each finding's "
                       f"code; family prefixes: {', '.join(sorted({r.id[:3] for r in rules}))})")
