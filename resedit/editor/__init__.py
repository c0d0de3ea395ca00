"""The editor's core, free of Textual: the document and its undo history, the outline's edits,
the session (files, journal, findings), the lint process and completion. resedit.tui draws it;
resedit.collab supplies a shared document with the same interface (`Document`).
"""
