"""The options the commands share, written once (Typer's ``Annotated`` idiom)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..i18n import N_


class OutputFormat(StrEnum):
    """Formats of the query commands: one for people, four for programs and reports."""

    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    markdown = "markdown"


class ReportFormat(StrEnum):
    """Formats of `validate`: text for people, github/json/sarif for CI and tools."""

    text = "text"
    github = "github"
    json = "json"
    sarif = "sarif"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
]
YearOption = Annotated[
    int | None, typer.Option(help=N_("Keep what overlaps this year."), min=1000, max=9999)
]
CountryOption = Annotated[str | None, typer.Option(help=N_("Country: Canada, France…"))]
RegionOption = Annotated[
    str | None, typer.Option(help=N_("Region (name, code or a unique start)."))
]
