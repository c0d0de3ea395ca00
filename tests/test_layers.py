"""The layers of the README's "Layout" section, held: every import inside resedit/, including those
written inside functions, points to the importer's own layer or one below it, and the modules
import each other without a cycle."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "resedit"

# Lowest first; each layer lists its groups of modules (a group: one package, or a few small
# modules that work as one). A module belongs to the longest prefix that names it ("resedit"
# itself names only resedit/__init__.py, so a new top-level module must be given a layer here).
LAYERS = [
    ("model", [("resedit", "resedit.model", "resedit.errors", "resedit.paths", "resedit.datafile",
                "resedit.input_paths")]),
    ("lexicon", [("resedit.lexicon",)]),
    ("nlp and committees", [("resedit.nlp",), ("resedit.committees",), ("resedit.sponsorship",)]),
    ("lint and formats", [("resedit.formats",), ("resedit.lint",)]),
    ("report and collab", [("resedit.report",), ("resedit.collab", "resedit.web"), ("resedit.review",)]),
    ("editor core", [("resedit.editor",)]),
    ("tui", [("resedit.tui",)]),
    ("commands", [("resedit.commands", "resedit.cli")]),
]
# Within a layer the groups stay apart, but for these (importer, imported) pairs.
WITHIN = {("resedit.sponsorship", "resedit.committees"), ("resedit.lint", "resedit.formats"),
          ("resedit.review", "resedit.report")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str) -> list[tuple[str, int]]:
    """(module imported, line) for every resedit import in a module, wherever it is written."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:  # `from pkg import module` imports that module
                sub = f"{base}.{alias.name}"
                out.append((sub if sub in MODULES else base, node.lineno))
    return [(target, line) for target, line in out if target.split(".")[0] == "resedit"]


def owner(name: str) -> tuple[int, str]:
    """(layer index, group) of a module; a group is named by its first prefix."""
    found = [(len(prefix), i, group[0]) for i, (_, groups) in enumerate(LAYERS) for group in groups
             for prefix in group if name == prefix or (prefix != "resedit" and name.startswith(prefix + "."))]
    if not found:
        raise AssertionError(f"{name} has no layer: add it to LAYERS in {Path(__file__).name} "
                             "and to the README's Layout section")
    _, layer, group = max(found)
    return layer, group


def test_every_module_has_a_layer():
    assert [name for name in MODULES if not owner(name)] == []


def test_the_check_sees_imports_written_inside_functions():
    engine = ast.parse(MODULES["resedit.lint.engine"].read_text(encoding="utf-8"))
    inside = {node.lineno for fn in ast.walk(engine) if isinstance(fn, ast.FunctionDef)
              for node in ast.walk(fn) if isinstance(node, ast.ImportFrom)}
    assert inside and inside <= {line for _, line in imports("resedit.lint.engine")}


def test_no_import_goes_up_a_layer_or_across_a_layer():
    wrong = []
    for name in sorted(MODULES):
        layer, package = owner(name)
        for target, line in imports(name):
            their_layer, their_package = owner(target)
            if their_layer > layer:
                wrong.append(f"{name}:{line} imports {target} ({LAYERS[their_layer][0]} is above "
                             f"{LAYERS[layer][0]})")
            elif (their_layer == layer and their_package != package
                  and (package, their_package) not in WITHIN):
                wrong.append(f"{name}:{line} imports {target} (beside it in {LAYERS[layer][0]})")
    assert wrong == []


def test_no_import_cycle():
    graph = {name: {t for t, _ in imports(name) if t in MODULES and t != name} for name in MODULES}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
