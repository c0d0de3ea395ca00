"""What a Word paragraph shows, run by run: hidden and struck-through text left out, line breaks
kept, text boxes recognised.

docx2python joins every run of a paragraph, hidden (w:vanish) and struck-through (w:strike,
w:dstrike) ones included, and turns a line break (Shift+Enter, w:br) into "\n". A dais reads
neither hidden nor struck text as the paper's wording, so for the paragraphs that have such runs
the importer takes the text from here instead, and notes what it left out. resedit's own exports
carry suppression comments and history as hidden "# ..." paragraphs; those are kept.
"""
from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = {"0", "false", "off", "none"}
_DELETED = {W + "del", W + "moveFrom"}


def _on(rpr, tag: str) -> bool:
    mark = rpr.find(W + tag) if rpr is not None else None
    if mark is None:
        return False
    return (mark.get(W + "val") or "true").lower() not in _OFF


def _dropped(run) -> str:
    """'hidden', 'struck-through' or '' for one w:r."""
    rpr = run.find(W + "rPr")
    if _on(rpr, "vanish"):
        return "hidden"
    if _on(rpr, "strike") or _on(rpr, "dstrike"):
        return "struck-through"
    return ""


def _runs(paragraph):
    """The paragraph's own runs (not those of a text box inside it), deletions left out."""
    for run in paragraph.iter(W + "r"):
        ancestor, own = run.getparent(), True
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in _DELETED or ancestor.tag == W + "txbxContent":
                own = False
                break
            ancestor = ancestor.getparent()
        if own:
            yield run


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "tab":
            parts.append("\t")
        elif child.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif child.tag == W + "noBreakHyphen":
            parts.append("\u2011")
    return "".join(parts)


def has_dropped_runs(paragraph) -> bool:
    return any(_dropped(run) for run in _runs(paragraph))


def needs_own_reading(paragraph) -> bool:
    """Hidden or struck runs to leave out, or a non-breaking hyphen ("non\u2011proliferation",
    as LibreOffice writes it) that docx2python drops."""
    return has_dropped_runs(paragraph) or next(paragraph.iter(W + "noBreakHyphen"), None) is not None


def visible_text(paragraph) -> tuple[str, list[tuple[str, str]]]:
    """(the text a reader sees, [(why, text) left out]). A paragraph of resedit's own hidden
    "# ..." lines is read whole."""
    shown, dropped = [], []
    for run in _runs(paragraph):
        text = _run_text(run)
        why = _dropped(run)
        if why and text.strip():
            dropped.append((why, text))
        elif not why:
            shown.append(text)
    if not "".join(shown).strip() and all(t.lstrip().startswith("#") for _, t in dropped):
        return "".join(t for _, t in dropped), []  # resedit's hidden comment lines
    return "".join(shown), dropped


def in_text_box(paragraph) -> bool:
    ancestor = paragraph.getparent()
    while ancestor is not None:
        if ancestor.tag == W + "txbxContent":
            return True
        ancestor = ancestor.getparent()
    return False
