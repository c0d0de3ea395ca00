"""Word's automatic numbering, resolved: numbering.xml levels and the styles that carry them.

A paragraph is numbered by its own numPr or by its style's (following basedOn); the level's format
(decimal, lowerLetter, lowerRoman, bullet) and start give the label the paragraph shows. The style
names are kept too ("List Number 2" stands for a level below the first).
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def int_value(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class Level:
    fmt: str = "decimal"
    start: int = 1


@dataclass
class Numbering:
    """numbering.xml resolved: numId -> its levels; styleId -> (numId, ilvl) for style-linked lists."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)
    parents: int = 0  # first-level paragraphs so far
    sub_counts: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    style_names: dict[str, str] = field(default_factory=dict)  # styleId -> name ("List Number 2")
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> Level:
        return self.levels.get(num_id, {}).get(ilvl, Level())

    def depth(self, num_id: str, ilvl: int) -> int:
        """Clause depth: a list whose first level is numbered 1, 2, 3 holds operative clauses at
        ilvl 0; a separate list of letters or bullets holds sub-clauses one level down."""
        return ilvl + (0 if self.level(num_id, 0).fmt == "decimal" else 1)

    def count(self, num_id: str, ilvl: int) -> int:
        counter = self.counters.setdefault(num_id, {})
        counter[ilvl] = counter.get(ilvl, self.level(num_id, ilvl).start - 1) + 1
        for deeper in [k for k in counter if k > ilvl]:
            del counter[deeper]
        return counter[ilvl]


# The parts were checked by docx_safety (no DOCTYPE, bounded size and depth); lxml is then only
# the fast parser, still told never to resolve entities or touch the network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def xml_part(data: bytes):
    return etree.fromstring(data, _PARSER)


def _related_parts(archive: zipfile.ZipFile, main_part: str) -> dict[str, str]:
    """Relationship type suffix (numbering, styles) -> part name, from the main part's .rels."""
    main = PurePosixPath(main_part)
    rels_name = str(main.parent / "_rels" / (main.name + ".rels"))
    found = {"numbering": str(main.parent / "numbering.xml"), "styles": str(main.parent / "styles.xml")}
    if rels_name not in archive.namelist():
        return found
    for rel in xml_part(archive.read(rels_name)).iter(REL + "Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in found and rel.get("TargetMode") != "External" and target:
            found[kind] = target.lstrip("/") if target.startswith("/") else str(main.parent / target)
    return found


def read_numbering(path: Path, main_part: str) -> Numbering:
    """numbering.xml and styles.xml (already checked by docx_safety)."""
    numbering = Numbering()
    with zipfile.ZipFile(path) as archive:
        parts = _related_parts(archive, main_part)
        names = set(archive.namelist())
        if parts["numbering"] in names:
            root = xml_part(archive.read(parts["numbering"]))
            abstract = {a.get(W + "abstractNumId"): _levels(a) for a in root.iter(W + "abstractNum")}
            for num in root.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                levels = dict(abstract.get(ref.get(W + "val") if ref is not None else None, {}))
                for override in num.iter(W + "lvlOverride"):
                    ilvl = int_value(override.get(W + "ilvl"))
                    level = Level(**vars(levels.get(ilvl, Level())))
                    start = override.find(W + "startOverride")
                    if start is not None:
                        level.start = int_value(start.get(W + "val"), 1)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        level = _level(lvl)
                    levels[ilvl] = level
                numbering.levels[num.get(W + "numId")] = levels
        if parts["styles"] in names:
            root = xml_part(archive.read(parts["styles"]))
            based_on, direct = {}, {}
            for style in root.iter(W + "style"):
                sid = style.get(W + "styleId")
                name = style.find(W + "name")
                numbering.style_names[sid] = name.get(W + "val", "") if name is not None else ""
                base = style.find(W + "basedOn")
                based_on[sid] = base.get(W + "val") if base is not None else None
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_el, lvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
                    if num_el is not None:
                        level = int_value(lvl_el.get(W + "val")) if lvl_el is not None else 0
                        direct[sid] = (num_el.get(W + "val"), level)
            for sid in based_on:
                seen, current = set(), sid
                while current is not None and current not in seen:  # follow basedOn, no cycles
                    seen.add(current)
                    if current in direct:
                        numbering.styles[sid] = direct[current]
                        break
                    current = based_on.get(current)
    return numbering


def _levels(abstract) -> dict[int, Level]:
    return {int_value(lvl.get(W + "ilvl")): _level(lvl) for lvl in abstract.iter(W + "lvl")}


def _level(lvl) -> Level:
    fmt = lvl.find(W + "numFmt")
    start = lvl.find(W + "start")
    return Level(fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                 start=int_value(start.get(W + "val"), 1) if start is not None else 1)
