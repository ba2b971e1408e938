"""What validation finds: plain records, handed to a reporter per output format."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One finding in one data file. Lines and columns are 1-based, as editors show them.

    A NamedTuple rather than a dataclass: ordered and immutable for free, and cheaper to define
    (every command imports this module, and start-up time counts)."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: str = "error"

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


def reading_order(problem: Problem) -> tuple[str, bool, int, int, str, str]:
    """Files by name, each data file's evidence right after it, then by place: a field
    misspelled in cooperatives.yaml is read before the claims it leaves without a field in
    cooperatives.evidence.yaml (the cause before what follows from it)."""
    evidence = problem.file.endswith((".evidence.yaml", ".evidence.yml"))
    base = problem.file.replace(".evidence.y", ".y") if evidence else problem.file
    return (base, evidence, problem.line, problem.column, problem.code, problem.message)


class DataError(Exception):
    """The knowledge base could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=reading_order)
        first = self.problems[0] if self.problems else None
        summary = f"{first.file}:{first.line}:{first.column}: {first.message}" if first else ""
        super().__init__(f"{len(self.problems)} problem(s) in the data; first: {summary}")
