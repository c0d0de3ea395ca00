"""Errors a user can act on: each says what is wrong and where. The CLI prints them and exits 2."""


class ResEditError(Exception):
    """Base for errors that are the input's fault, not resedit's."""


class InputError(ResEditError):
    """A paper file could not be read (missing, binary, too large, no clauses ...)."""

    def __init__(self, path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.reason = message


class DataFileError(ResEditError):
    """A data file a dais edits (rules, lexicon, profiles) is malformed: names file and line."""

    def __init__(self, path, line: int | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.reason = str(path), line, message
