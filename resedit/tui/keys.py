"""Every key the editor answers to, in one table: the screen's bindings, the help screen and the
command palette are all built from it, so none of them disagrees with the keys. No Textual."""
from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    keys: str  # Textual key names, comma-separated; "" for keys the clause editor handles itself
    action: str  # screen action name; "" for keys the clause editor handles itself
    shown: str  # how the help screen writes the key
    description: str
    footer: str = ""  # label in the footer; empty: not shown there
    command: str = ""  # title in the command palette; empty: from the description


EDITING = "Writing a clause"
STRUCTURE = "Clauses and sub-clauses"
FINDINGS = "Findings"
SEARCH = "The whole paper"
FILES = "Files and screens"
SHARED = "Co-drafting (resedit host / join)"

KEYS: dict[str, list[Key]] = {
    EDITING: [
        Key("", "", "type", "write the clause; an opening phrase completes in grey"),
        Key("", "", "Tab or →", "accept the grey opening-phrase completion"),
        Key("", "", "Enter", "new clause after this one (splits at the cursor)"),
        Key("", "", "Backspace", "at the very start: join this clause onto the one above"),
        Key("", "", "↑ / ↓", "at the first / last line: go to the clause above / below"),
        Key("ctrl+z", "undo", "Ctrl+Z", "undo (typing, moves, splits, joins, deletions)", "Undo"),
        Key("ctrl+y", "redo", "Ctrl+Y", "redo"),
    ],
    STRUCTURE: [
        Key("", "", "Tab", "make this clause a sub-clause of the one above: (a), (i) ..."),
        Key("", "", "Shift+Tab", "lift a sub-clause one level up"),
        Key("alt+up,ctrl+up", "move_up", "Alt+↑ / Ctrl+↑", "move the clause up (top: into the preamble)"),
        Key("alt+down,ctrl+down", "move_down", "Alt+↓ / Ctrl+↓",
            "move the clause down (bottom of preamble: into the operative part)"),
        Key("ctrl+o", "switch_part", "Ctrl+O", "switch the clause between preamble and operative"),
        Key("ctrl+n", "new_clause", "Ctrl+N", "new empty clause after this one"),
        Key("ctrl+delete,f8", "delete_clause", "Ctrl+Del / F8", "delete the clause"),
        Key("escape", "focus_outline", "Esc", "go to the outline (↑↓ to pick, Enter to edit)"),
    ],
    SEARCH: [
        Key("ctrl+g", "find", "Ctrl+G", "find text in the whole paper (from the cursor on)"),
        Key("f6", "find_next", "F6", "find the next place"),
        Key("ctrl+r", "replace", "Ctrl+R", "replace everywhere (one Ctrl+Z undoes it all)"),
        Key("f4", "paper_view", "F4", "the whole paper as it will print; Enter jumps to a clause"),
    ],
    FINDINGS: [
        Key("ctrl+f", "fix", "Ctrl+F", "apply the fix of the highlighted finding (or this clause's first)", "Fix"),
        Key("f3", "focus_findings", "F3", "go to the findings list (Enter jumps to the clause)"),
    ],
    SHARED: [
        Key("f9", "comment", "F9", "comment on this clause (the dais too); everyone sees it beside the clause"),
        Key("shift+f9", "resolve_comments", "Shift+F9", "co-sponsors: mark this clause's comments resolved"),
    ],
    FILES: [
        Key("ctrl+s", "save", "Ctrl+S", "save (.resedit; the journal keeps unsaved work safe)", "Save"),
        Key("f5", "export", "F5", "export to .txt or .docx"),
        Key("f2", "sponsors", "F2", "sponsors and signatories", "Sponsors"),
        Key("f1,question_mark", "help", "F1 / ?", "this help", "Help", "Help: every key"),
        Key("ctrl+p", "", "Ctrl+P", "command palette: every command by name"),
        Key("ctrl+q", "", "Ctrl+Q", "quit (asks when there are unsaved changes)"),
    ],
}


# Commands with no key of their own: only in the command palette (Ctrl+P). Their action runs on
# the editor screen; "app." names an action of the app.
PALETTE_ONLY: list[Key] = [
    Key("", "app.save_as", "", "save under a new name", command="Save as…"),
    Key("", "app.edit_field('topic')", "", "edit the topic (header)"),
    Key("", "app.edit_field('committee')", "", "edit the committee (header)"),
    Key("", "app.edit_field('code')", "", "edit the document code (header)"),
]


def _title(key: Key, footer: bool = True) -> str:
    return (footer and key.footer) or key.description.split(" (")[0].split(";")[0].capitalize()


def commands() -> list[tuple[str, str, str]]:
    """(title, help, action) for the command palette: every key with an action, then PALETTE_ONLY."""
    keyed = [key for group in KEYS.values() for key in group if key.action]
    return [(key.command or _title(key, footer=False), key.description, key.action)
            for key in keyed + PALETTE_ONLY]


def bindings() -> list[tuple[str, str, str, bool]]:
    """(keys, action, label, show in footer) for every key the screen binds."""
    out = []
    for group in KEYS.values():
        for key in group:
            if key.keys and key.action:
                out.append((key.keys, key.action, _title(key), bool(key.footer)))
    return out
