"""The editor's widgets: outline, clause editor, findings panel, status line."""
