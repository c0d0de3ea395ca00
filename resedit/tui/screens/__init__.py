"""The editor's screens: the main editor and its dialogs (help, confirm, prompt, sponsors, new)."""
