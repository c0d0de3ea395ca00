"""The terminal editor (Textual). The only package that imports textual.

`make_app(...)` (resedit.tui.app) builds the app for the CLI and the tests; the document,
outline, journal, lint-process and session modules here are free of Textual.
"""
