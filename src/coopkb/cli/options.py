"""The options the commands share, written once (Typer's ``Annotated`` idiom)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from ..i18n import N_, _
from ..validation.reporters import REPORTERS


class OutputFormat(StrEnum):
    """Formats of the query commands: one for people, four for programs and reports."""

    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"
    markdown = "markdown"


# Formats of `validate` (text for people, github/json/sarif for CI and tools): the reporters'
# registry, so a new reporter is a new choice with no edit here.
ReportFormat = StrEnum(  # type: ignore[misc]
    "ReportFormat", {name: name for name in REPORTERS}
)
TEXT_REPORT = ReportFormat("text")  # the default: findings for people


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help=N_("Output format."), case_sensitive=False),
]


def year(text: str) -> int:
    """A year as the data writes them (four digits): "17" or "2017-05" are refused, not read as
    the year 17 or as nothing."""
    if isinstance(text, int):  # a default, already a year
        return text
    value = text.strip()
    if len(value) == 4 and value.isascii() and value.isdigit() and value[0] != "0":
        return int(value)
    from ..matching import quote

    raise typer.BadParameter(
        _("{value} is not a year (four digits, such as 2017)").format(value=quote(text))
    )


def year_option(help_text: str, *names: str) -> Any:
    """A year option: read by ``year``, shown as YEAR in the help."""
    # an option's value is named as its type is (« --region <texte> »): « --year <année> »
    return typer.Option(*names, help=help_text, parser=year, metavar=N_("<year>"))


YearOption = Annotated[int | None, year_option(N_("Keep what overlaps this year."))]
CountryOption = Annotated[str | None, typer.Option(help=N_("Country: Canada, France…"))]
RegionOption = Annotated[
    str | None, typer.Option(help=N_("Region (name, code or a unique start)."))
]
