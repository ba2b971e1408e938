"""What a query costs at start-up, and the plain option converters that keep it low on Typer 0.29.

Typer 0.29 converts options through Pydantic; coopkb gives its parameters plain converters
(``cli/coercion.py``). These tests pin that a query imports neither Pydantic nor PyYAML, whatever
Typer is installed, and that each plain converter agrees with the adapter Typer would build.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import _click
from typer._click.exceptions import BadParameter
from typer.main import get_command

from conftest import Cli, run_coopkb
from coopkb.cli import make_app
from coopkb.cli.coercion import PlainConversion, converter, give_plain_conversions
from coopkb.cli.options import year

PROBE = """
import sys
from coopkb.cli import main
sys.argv = ["coopkb", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = {"pydantic", "pydantic_core", "yaml"}
loaded = sorted({name.split(".")[0] for name in sys.modules} & heavy)
sys.stderr.write("LOADED " + " ".join(loaded) + "\\n")
"""


def _loaded_by(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    line = next(x for x in result.stderr.splitlines() if x.startswith("LOADED"))
    return line.split()[1:]


@pytest.mark.parametrize(
    "args",
    [
        ("show", "la-brunante"),
        ("list", "--region", "Estrie", "--format", "json"),
        ("missions", "--year", "2017"),
        ("timeline", "--from", "2016", "--to", "2017"),
        ("search", "coop", "--kind", "cooperative", "--kind", "federation"),
        ("people", "--mission", "1"),
        ("--lang", "fr", "list", "--data-dir", "data"),
        ("--no-pager", "-v", "list", "--excel", "-f", "csv"),
    ],
)
def test_a_query_on_a_warm_cache_imports_neither_pydantic_nor_pyyaml(args: tuple[str, ...]) -> None:
    assert run_coopkb("show", "la-brunante").returncode == 0  # fills the cache
    assert _loaded_by(*args) == []


def test_validate_does_import_them_so_the_probe_can_see_an_import() -> None:
    assert _loaded_by("validate") == ["pydantic", "pydantic_core", "yaml"]


# --- the plain converters ---------------------------------------------------------------------

try:
    typer_coercion: Any = importlib.import_module("typer._coercion")
except ImportError:  # Typer < 0.29 converts with Click's types: nothing to compare with
    typer_coercion = None
needs_adapters = pytest.mark.skipif(typer_coercion is None, reason="Typer < 0.29")


def _typer_parameters() -> list[tuple[_click.Command, Any]]:
    found: list[tuple[_click.Command, Any]] = []

    def walk(command: _click.Command) -> None:
        found.extend((command, p) for p in command.params if hasattr(p, "type_descriptor"))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(get_command(make_app()))
    return found


PARAMETERS = _typer_parameters()
# one parameter per kind of conversion, so the property test tries each kind often
KINDS = list(
    {
        (
            repr(p.type_descriptor.annotation),
            p.type_descriptor.parameter_info.parser,
            p.multiple,
        ): (c, p)
        for c, p in PARAMETERS
    }.values()
)


@needs_adapters
def test_every_parameter_coopkb_declares_gets_a_plain_converter() -> None:
    left = [
        f"{command.name} {param.name}"
        for command, param in PARAMETERS
        if converter(param.type_descriptor.annotation, param.type_descriptor.parameter_info) is None
    ]
    assert left == []


@needs_adapters
def test_a_parameter_already_converted_is_left_alone() -> None:
    command, param = next((c, p) for c, p in PARAMETERS if p.name == "region")
    param._runtime_param = None
    give_plain_conversions([param])
    first = param._runtime_param
    assert isinstance(first, PlainConversion)
    give_plain_conversions([param])
    assert param._runtime_param is first


def _outcome(convert: Any, value: Any) -> tuple[str, Any]:
    try:
        return ("value", convert(value))
    except (ValueError, BadParameter):
        return ("refused", None)


def _both(command: _click.Command, param: Any, value: Any) -> tuple[Any, Any]:
    ctx = _click.Context(command)
    convert = converter(param.type_descriptor.annotation, param.type_descriptor.parameter_info)
    assert convert is not None
    ours = PlainConversion(convert)
    theirs = typer_coercion.build_runtime_param(param.type_descriptor)
    return (
        _outcome(lambda v: ours.coerce(v, param=param, ctx=ctx), value),
        _outcome(lambda v: theirs.coerce(v, param=param, ctx=ctx), value),
    )


WORDS = st.one_of(
    st.text(max_size=12),
    st.integers(-10_000, 10_000).map(str),
    st.integers(0, 99_999).map(lambda n: f" {n} "),
    st.sampled_from(
        ["JSON", "Json", "table", "markdown", "sarif", "2017", "1_000", "١٢", "12.0"]
        + ["\x00", "-", "Yes", " off ", "2"]
    ),
)


@needs_adapters
@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, max(len(KINDS) - 1, 0)), word=WORDS)
def test_a_plain_converter_accepts_only_what_typer_accepts_and_gives_the_same_value(
    index: int, word: str
) -> None:
    command, param = KINDS[index]
    if param.multiple:
        word_or_flag: Any = (word, word)
    else:
        word_or_flag = word
    ours, theirs = _both(command, param, word_or_flag)
    if ours[0] == "value":
        assert ours == theirs
    else:
        # stricter than Pydantic on purpose: '12.0' and non-ASCII digits are not whole numbers
        assert param.type_descriptor.annotation is int or theirs[0] == "refused"


@needs_adapters
def test_choices_are_matched_without_case_and_refused_with_the_choices() -> None:
    command, param = next((c, p) for c, p in PARAMETERS if p.name == "output_format")
    ours, theirs = _both(command, param, "YAML")
    assert ours == theirs
    assert isinstance(ours[1], Enum)
    assert ours[1].value == "yaml"
    assert _both(command, param, "xml") == (("refused", None), ("refused", None))


@needs_adapters
@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12), (" 12 ", 12), ("-3", -3), ("١٢", None), ("12.0", None), ("x", None), ("", None)],
)
def test_a_whole_number_is_ascii_digits(text: str, expected: int | None) -> None:
    command, param = next((c, p) for c, p in PARAMETERS if p.name == "mission")
    ours, _theirs = _both(command, param, text)
    assert ours == (("refused", None) if expected is None else ("value", expected))


@needs_adapters
def test_a_path_is_a_path() -> None:
    command, param = next((c, p) for c, p in PARAMETERS if p.name == "data_dir")
    assert _both(command, param, "some/dir") == (("value", Path("some/dir")),) * 2


# --- what the user sees (any Typer) -----------------------------------------------------------


@pytest.mark.parametrize("text", ["2017", " 2017 "])
def test_a_year_is_four_digits(text: str) -> None:
    assert year(text) == 2017


@pytest.mark.parametrize("text", ["17", "0999", "20177", "2017-05", "２０１７", "", "abcd"])
def test_anything_else_is_not_a_year(text: str) -> None:
    with pytest.raises(BadParameter, match="is not a year"):
        year(text)


def test_a_bad_year_is_a_usage_error_in_the_users_language(cli: Cli) -> None:
    english = cli("timeline", "--year", "17")
    assert english.code == 2
    assert "Error: Invalid value for '--year': '17' is not a year (four digits" in english.stderr
    french = cli("--lang", "fr", "missions", "--year", "2017-05")
    assert french.code == 2
    assert "«\u00a02017-05\u00a0» n'est pas une année (quatre chiffres" in french.stderr


def test_a_year_option_filters_as_before(cli: Cli) -> None:
    result = cli("timeline", "--from", "2016", "--to", "2017", "--format", "json")
    assert result.code == 0
    starts = {entry["date"][:4] for entry in json.loads(result.stdout)}
    assert starts == {"2016", "2017"}


def test_years_are_shown_as_year_in_english_and_annee_in_french(cli: Cli) -> None:
    assert "--from <year>" in cli("timeline", "--help").stdout
    french = cli("--lang", "fr", "timeline", "--help").stdout
    assert "--from <année>" in french
    assert "YEAR" not in french


@pytest.mark.parametrize(
    ("args", "french"),
    [
        (("people", "--mission", "x"), "«\u00a0x\u00a0» n'est pas un nombre entier."),
        (("list", "surplus"), "arguments en trop\u00a0: surplus"),
        (("list", "--region"), "l'option «\u00a0--region\u00a0» demande une valeur."),
    ],
)
def test_clicks_own_errors_are_in_french(cli: Cli, args: tuple[str, ...], french: str) -> None:
    result = cli("--lang", "fr", *args)
    assert result.code == 2
    assert french in result.stderr
    assert "Error" not in result.stderr


def test_a_reversed_year_range_is_a_usage_error_not_an_empty_answer(cli: Cli) -> None:
    result = cli("timeline", "--from", "2019", "--to", "2016")
    assert result.code == 2
    assert "Error: --from 2019 is after --to 2016" in result.stderr
    assert cli("timeline", "--from", "2017", "--to", "2017").code == 0
