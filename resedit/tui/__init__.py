"""The terminal editor (Textual). The only package that imports textual.

`make_app(...)` (resedit.tui.app) builds the app for the CLI and the tests; what it draws (the
document, outline, journal, lint process and session) is in resedit.editor, free of Textual.
"""
