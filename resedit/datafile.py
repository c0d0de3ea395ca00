"""Reading the YAML files a dais edits (rules, profiles, word lists): one loader, one error style.

Mappings come back as LineMap, a dict that remembers its own line and each key's, so a checker
can say exactly where a mistake is. A file that cannot be read or parsed is a DataFileError
naming the file and line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from resedit.errors import DataFileError


class LineMap(dict):
    """A YAML mapping that remembers its line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict


class LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = LineMap(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value
                             if isinstance(k, yaml.ScalarNode)}
        return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping)


def line_of(mapping, key=None) -> int | None:
    """The line of `key` in a mapping read by read_yaml (or of the mapping itself)."""
    if not isinstance(mapping, LineMap):
        return None
    return mapping.key_lines.get(str(key), mapping.line) if key is not None else mapping.line


def read_yaml(path: Path, text: str | None = None):
    """Parse a YAML data file (or its given text) with line-aware mappings."""
    path = Path(path)
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, f"not UTF-8 text (byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from exc
