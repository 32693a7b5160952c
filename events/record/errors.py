"""The one error the record loader raises: it names the file, the row and the problem."""
from __future__ import annotations


class RecordError(Exception):
    """The record cannot be loaded; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Where:
    """A place in the data files, for messages: 'record/x.yaml, events[3] (key foo)'."""

    def __init__(self, file: str, section: str, index: int | None = None, key: str | None = None):
        self.file, self.section, self.index, self.key = file, section, index, key

    def __str__(self) -> str:
        row = self.section if self.index is None else f"{self.section}[{self.index}]"
        return f"{self.file}, {row}" + (f" (key {self.key})" if self.key else "")
