"""The toolkit's exception hierarchy: every error a researcher can see derives from ToolkitError."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ToolkitError(Exception):
    """Base class of every error raised on purpose by the toolkit."""


class ParameterError(ToolkitError, ValueError):
    """A function or command was given a value it cannot use."""


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One problem with one input, located by file and line, row or record."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class CorpusError(ToolkitError):
    """A corpus could not be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the corpus:\n{lines}")


class CodebookError(ToolkitError):
    """A codebook file is invalid; carries every problem found (file, line and entry)."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the codebook:\n{lines}")


class ReportError(ToolkitError):
    """One or more report notebooks failed to build."""
