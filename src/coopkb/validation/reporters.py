"""Validation findings, one reporter per output format: text, github, json, sarif."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import __version__
from ..i18n import N_, _, colon
from ..problems import Problem


def report(problems: Sequence[Problem], output_format: str) -> str:
    """Findings in ``output_format`` (a key of :data:`REPORTERS`); an empty string when
    text/github have nothing to say."""
    return REPORTERS[output_format](problems)


def _text(problems: Sequence[Problem]) -> str:
    # French puts a no-break space before the colon (« erreur : »); the location keeps the
    # file:line:col: form editors and CI parse.
    return "\n".join(
        f"{p.file}:{p.line}:{p.column}: {_(SEVERITIES.get(p.severity, p.severity))}{colon()} "
        f"{p.message}"
        for p in problems
    )


def _json(problems: Sequence[Problem]) -> str:
    import json  # only the machine formats need it: text, the default, starts without it

    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


def _sarif_text(problems: Sequence[Problem]) -> str:
    import json

    return json.dumps(_sarif(problems), ensure_ascii=False, indent=2)


def _github_lines(problems: Sequence[Problem]) -> str:
    return "\n".join(_github(p) for p in problems)


# The text format's severities, in the reader's language (« erreur », « avertissement »); the
# machine formats (github, json, sarif) keep the words their readers parse.
SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command; data and properties escaped as the runner expects."""
    props = f"file={_escape_property(problem.file)},line={problem.line},col={problem.column}"
    return f"::{problem.severity} {props}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _sarif(problems: Sequence[Problem]) -> dict[str, object]:
    codes = sorted({p.code for p in problems})
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "coopkb",
                        "version": __version__,
                        "informationUri": "https://github.com/coopkb/coopkb",
                        "rules": [
                            {"id": code, "shortDescription": {"text": code.replace("-", " ")}}
                            for code in codes
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": p.code,
                        "ruleIndex": codes.index(p.code),
                        "level": "error" if p.severity == "error" else "warning",
                        "message": {"text": p.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": p.file},
                                    "region": {"startLine": p.line, "startColumn": p.column},
                                }
                            }
                        ],
                    }
                    for p in problems
                ],
            }
        ],
    }


# The one registry of reporters: `validate --format` offers its keys, in this order (text, for
# people, first and the default).
REPORTERS: dict[str, Callable[[Sequence[Problem]], str]] = {
    "text": _text,
    "github": _github_lines,
    "json": _json,
    "sarif": _sarif_text,
}
