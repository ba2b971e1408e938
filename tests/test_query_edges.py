"""Queries that once gave a wrong answer without a word: on the small fixture base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Cli


def _slugs(cli: Cli, base: Path, *args: str) -> list[str]:
    result = cli("--data-dir", str(base), *args, "--format", "json")
    assert result.code == 0, result
    return [hit["slug"] for hit in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("ACTİONS", "actions"),  # the Turkish dotted capital İ lowers to i + U+0307
        ("solidarite\u0301", "solidarité"),  # NFD: e + combining acute
        ("SOLİDARİTÉ", "solidarité"),
    ],
)
def test_a_word_finds_what_its_plain_spelling_finds(
    typed: str, plain: str, base_copy: Path, cli: Cli
) -> None:
    expected = _slugs(cli, base_copy, "search", plain)
    assert expected
    assert _slugs(cli, base_copy, "search", typed) == expected


@pytest.mark.parametrize(
    "text", ["2017-13", "2017-02-30", "2017-00", "31 février 2017", "2018-04-31"]
)
def test_a_date_that_does_not_exist_is_not_read_as_a_date(text: str) -> None:
    from coopkb.query.search import _as_period

    assert _as_period(text) is None


@pytest.mark.parametrize("text", ["2017-02-28", "2016-02-29", "2017-10", "4 octobre 2017"])
def test_a_real_date_is_read_as_one(text: str) -> None:
    from coopkb.query.search import _as_period

    assert _as_period(text) is not None


@pytest.mark.parametrize("other", [("--from", "2018"), ("--to", "2016"), ("--from", "2017")])
def test_year_with_from_or_to_is_a_usage_error(
    other: tuple[str, str], base_copy: Path, cli: Cli
) -> None:
    result = cli("--data-dir", str(base_copy), "timeline", "--year", "2017", *other)
    assert result.code == 2
    assert "--year" in result.stderr and result.stdout == ""


def test_a_suggestion_that_looks_the_same_says_what_differs(base_copy: Path, cli: Cli) -> None:
    import unicodedata

    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    nfd = unicodedata.normalize("NFD", "Le Val-Saint-François")
    coops.write_text(text.replace("mrc: Le Val-Saint-François", f"mrc: {nfd}", 1), "utf-8")
    result = cli("--data-dir", str(base_copy), "validate")
    assert result.code == 1
    assert "NFD" in result.stdout and "did you mean" not in result.stdout, result.stdout


def test_a_non_breaking_space_in_a_value_is_named() -> None:
    from coopkb.matching import did_you_mean

    hint = did_you_mean("Bas-Saint-Laurent\u00a0", ["Bas-Saint-Laurent", "Estrie"])
    assert "U+00A0" in hint and "'Bas-Saint-Laurent'" in hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er octobre 2017", ("2017-10-01", "2017-10-01")),
        ("13/10/2017", ("2017-10-13", "2017-10-13")),
        ("10/2017", ("2017-10", "2017-10")),
        ("31/02/2017", None),
    ],
)
def test_dates_as_quebec_writes_them(text: str, expected: tuple[str, str] | None) -> None:
    from coopkb.query.search import _as_period

    assert _as_period(text) == expected
