"""Hostile or accidental inputs: each is reported with its place, never crashes, never hangs,
and nothing it holds reaches the terminal raw."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, Cli, run_coopkb
from coopkb.validation.errors import number_as_written

ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _validate(cli: Cli, data: Path, *options: str) -> tuple[int, str]:
    result = cli("--data-dir", str(data), "validate", *options)
    return result.code, result.stdout + result.stderr


@pytest.mark.parametrize("output_format", ["text", "github", "json", "sarif"])
def test_an_escape_sequence_in_a_slug_never_reaches_the_terminal(
    output_format: str, base_copy: Path, cli: Cli
) -> None:
    _edit(base_copy / "cooperatives.yaml", "slug: la-brunante", 'slug: "\\e[2J\\e[31mpwned"')
    code, output = _validate(cli, base_copy, "--format", output_format)
    assert code == 1
    assert not ESCAPES.search(output)
    assert "control character U+001B" in output


def test_a_name_refuses_invisible_and_line_breaking_characters(base_copy: Path, cli: Cli) -> None:
    _edit(base_copy / "cooperatives.yaml", "name: La Brunante", 'name: "La\\u200bBrunante"')
    code, output = _validate(cli, base_copy)
    assert code == 1
    assert "cooperatives.yaml:4:11: error:" in output and "U+200B" in output


def test_every_record_is_checked_even_when_its_file_fails_its_model(
    base_copy: Path, cli: Cli
) -> None:
    coops = base_copy / "cooperatives.yaml"
    _edit(coops, "region: Estrie", "region: Estri")
    _edit(coops, "project: projet-test", "project: projet-inexistant")
    code, output = _validate(cli, base_copy)
    assert code == 1
    assert "region 'Estri'" in output
    assert "'project' refers to 'projet-inexistant'" in output


def test_a_raw_control_byte_is_reported_at_its_line_and_column(base_copy: Path, cli: Cli) -> None:
    coops = base_copy / "cooperatives.yaml"
    coops.write_bytes(coops.read_bytes().replace(b"name: Co-Actions", b"name: Co-\x1bActions"))
    code, output = _validate(cli, base_copy)
    assert code == 1
    [line] = [x for x in output.splitlines() if "U+001B" in x]
    assert line.startswith(f"{base_copy}/cooperatives.yaml:18:14: error:")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("012", "non-decimal"),
        ("0x1", "non-decimal"),
        ("1:30", "non-decimal"),
        ("9" * 5000, "large"),
    ],
    ids=["octal", "hex", "sexagesimal", "5000-digits"],
)
def test_integers_are_plain_decimal_and_bounded(
    value: str, code: str, base_copy: Path, cli: Cli
) -> None:
    _edit(base_copy / "missions.yaml", "delegation_size: 1", f"delegation_size: {value}")
    result = cli("--data-dir", str(base_copy), "validate", "--format", "json")
    assert result.code == 1
    codes = [p["code"] for p in json.loads(result.stdout)]
    assert any(code in c for c in codes), codes


def test_a_negative_figure_is_refused(base_copy: Path, cli: Cli) -> None:
    _edit(
        base_copy / "cooperatives.yaml",
        "    sources: [source-test]\n  - slug: co-actions",
        "    figures:\n      - {label: participants, value: -300}\n"
        "    sources: [source-test]\n  - slug: co-actions",
    )
    code, output = _validate(cli, base_copy)
    assert code == 1 and "'value' must be at least 0" in output


def test_dates_take_ascii_digits_only(base_copy: Path, cli: Cli) -> None:
    _edit(base_copy / "cooperatives.yaml", "date: 1998", 'date: "١٩٩٨"')
    code, output = _validate(cli, base_copy)
    assert code == 1 and "must be ISO 8601" in output


def test_a_record_cannot_host_itself(base_copy: Path, cli: Cli) -> None:
    _edit(
        base_copy / "cooperatives.yaml",
        "legal_category: CAE",
        "legal_category: CAE\n    hosted_by: co-actions",
    )
    code, output = _validate(cli, base_copy)
    assert code == 1 and "refers to itself" in output


@pytest.mark.parametrize(
    "phone", ["418-555-0123", "(418) 555-0123", "418.555.0123", "4185550123", "+1 418 555 0123"]
)
def test_quebec_phone_numbers_are_refused(phone: str, base_copy: Path, cli: Cli) -> None:
    _edit(
        base_copy / "cooperatives.yaml",
        "event: Groupe de promoteurs.",
        f"event: Appeler le {phone}.",
    )
    code, output = _validate(cli, base_copy)
    assert code == 1 and "phone numbers are never stored" in output


@pytest.mark.parametrize("text", ["Un budget de 1 250 000 000 $.", "Le 2017-05-08 10:00, accueil."])
def test_amounts_and_times_are_not_phone_numbers(text: str, base_copy: Path, cli: Cli) -> None:
    _edit(base_copy / "cooperatives.yaml", "event: Groupe de promoteurs.", f"event: {text}")
    code, output = _validate(cli, base_copy)
    assert code == 0, output


def test_an_absurdly_long_description_is_refused_with_its_place(base_copy: Path, cli: Cli) -> None:
    _edit(
        base_copy / "cooperatives.yaml",
        "name: Co-Actions",
        "name: Co-Actions\n    description: " + "a" * 6000,
    )
    code, output = _validate(cli, base_copy)
    assert code == 1 and "longer than 5000 characters" in output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_data_file_is_refused_without_hanging(base_copy: Path) -> None:
    (base_copy / "missions.yaml").unlink()
    os.mkfifo(base_copy / "missions.yaml")
    result = run_coopkb("--data-dir", str(base_copy), "validate", timeout=20)
    assert result.returncode == 1
    assert "not a regular file" in result.stdout


def test_a_forged_cache_entry_is_a_miss(base_copy: Path, cli: Cli, tmp_path: Path) -> None:
    """Rewriting a cached name and recomputing the digests (without the key) changes nothing."""
    from hashlib import blake2b

    assert cli("--data-dir", str(base_copy), "list").code == 0
    [entry] = (tmp_path / "cache").glob("kb-*.json")
    header_line, payload = entry.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    forged = payload.replace(b"La Brunante", b"Invented Coop")
    offset = 0
    for name, (start, length, _digest) in header["segments"].items():
        raw = payload[start : start + length].replace(b"La Brunante", b"Invented Coop")
        header["segments"][name] = [offset, len(raw), blake2b(raw).hexdigest()]
        offset += len(raw)
    entry.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    result = cli("--data-dir", str(base_copy), "list")
    assert "La Brunante" in result.stdout and "Invented" not in result.stdout


def test_pruning_leaves_files_coopkb_did_not_write(
    data_copy: Path, cli: Cli, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    keep = cache / "notes.txt"
    keep.write_text("mine")
    lookalike = cache / "kb-mine.json"
    lookalike.write_text("{}")
    coops = data_copy / "cooperatives.yaml"
    for index in range(10):
        coops.write_text(coops.read_text("utf-8") + f"# edit {index}\n", "utf-8")
        assert cli("--data-dir", str(data_copy), "list").code == 0
    assert keep.exists() and lookalike.exists()
    assert len(list(cache.glob("kb-*.json"))) == 8 + 1


def test_verbose_says_when_the_cache_could_not_be_written(tmp_path: Path, cli: Cli) -> None:
    result = cli("-v", "list", env={"COOPKB_CACHE_DIR": "/proc/coopkb-cannot-write"})
    assert result.code == 0
    assert "miss, not written" in result.stderr


def test_an_ascii_terminal_gets_replacement_characters_not_a_crash(tmp_path: Path) -> None:
    import os

    from test_pager import _in_a_terminal

    env = {
        "PATH": os.environ["PATH"],
        "PYTHONIOENCODING": "ascii",
        "PAGER": "cat",
        "TERM": "dumb",
        "COOPKB_CACHE_DIR": str(tmp_path / "c"),
        "COOPKB_CONFIG_DIR": str(tmp_path / "cfg"),
    }
    screen = _in_a_terminal(["--no-pager", "show", "la-brunante"], env, rows=60)
    assert b"Coop?rative de solidarit? en habitation" in screen
    assert b"Traceback" not in screen


def test_data_piped_out_is_utf8_whatever_the_output_encoding() -> None:
    """PYTHONIOENCODING=ascii once turned --format json into "Coop?rative", exit 0."""
    for output_format in ("json", "csv", "yaml"):
        result = run_coopkb(
            "show", "la-brunante", "--format", output_format, env={"PYTHONIOENCODING": "ascii"}
        )
        assert result.returncode == 0
        assert "Coopérative de solidarité en habitation pour aînés La Brunante" in result.stdout


@pytest.mark.parametrize("columns", ["0", "20"])
def test_a_tiny_or_zero_width_still_shows_the_names(columns: str, cli: Cli) -> None:
    result = cli("list", "--region", "Estrie", env={"COLUMNS": columns})
    assert result.code == 0
    assert "la-brunante" in result.stdout


def test_periods_keep_the_end_year_when_it_differs() -> None:
    from coopkb.output.dates import short_period

    assert short_period("2017-10-04", "2018-01-03") == "2017-10-04→2018-01-03"
    assert short_period("2016-09-05", "2018") == "2016-09-05→2018"
    assert short_period("2017-05-08", "2017-05-12") == "2017-05-08→2017-05-12"
    assert short_period("2017-05-08", None) == short_period("2017-05-08", "2017-05-08")
    assert short_period(None, "2025") == "→2025" and short_period(None, None) == ""


def test_markdown_escapes_backslashes_and_pipes() -> None:
    from coopkb.output.tables import md_cell

    assert md_cell("a \\| b") == "a \\\\\\| b"


def test_schema_into_a_file_is_a_one_line_error(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "a-file"
    target.write_text("x")
    result = cli("schema", "--output-dir", str(target))
    assert result.code == 1
    assert result.stderr.startswith("Error: cannot write the schemas")


def test_a_closed_pipe_ends_quietly_with_exit_0(tmp_path: Path) -> None:
    """More than a pipe buffer of output, read by a reader that stops at once."""
    script = (
        f"{sys.executable} -m coopkb.cli search coop --format json | head -c 10 >/dev/null;"
        " echo ${PIPESTATUS[0]}"
    )
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "0", result.stderr
    assert "Traceback" not in result.stderr


# --- no hostile character ever reaches the terminal (property test) ---------------------------

from hypothesis import HealthCheck, settings  # noqa: E402

from coopkb.matching import UNSAFE  # noqa: E402

_HOSTILE = st.one_of(
    st.characters(whitelist_categories=("Cc", "Cf", "Zl", "Zp", "Co", "Cn")),
    st.sampled_from(["\x1b", "\u202e", "\u2066", "\u200b", "\ufeff", "\x9b", "\r", "\u061c"]),
)
_FIELDS = ["slug", "name", "region", "mrc", "municipality", "legal_category", "model", "project"]
_COMMANDS = [
    ("validate",),
    ("validate", "--format", "github"),
    ("validate", "--format", "json"),
    ("validate", "--format", "sarif"),
    ("list",),
    ("list", "--format", "json"),
    ("list", "--format", "csv"),
    ("list", "--format", "yaml"),
    ("list", "--format", "markdown"),
    ("show", "la-brunante"),
    ("search", "brunante"),
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    field=st.sampled_from(_FIELDS),
    text=st.text(_HOSTILE, min_size=1, max_size=4).map(lambda bad: f"La {bad} Brunante"),
    command=st.sampled_from(_COMMANDS),
)
def test_no_control_bidi_or_invisible_character_reaches_any_output(
    field: str, text: str, command: tuple[str, ...], base_copy: Path, cli: Cli
) -> None:
    coops = base_copy / "cooperatives.yaml"
    original = (EXAMPLES / "base" / "cooperatives.yaml").read_text("utf-8")
    lines = original.splitlines()
    if field == "slug":
        at = next(i for i, line in enumerate(lines) if "- slug: la-brunante" in line)
        lines[at] = "  - slug: " + json.dumps(text)
    else:
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field}:"))
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = f"{indent}{field}: {json.dumps(text)}"
    coops.write_text("\n".join(lines) + "\n", "utf-8")
    result = cli("--data-dir", str(base_copy), *command)
    for stream in (result.stdout, result.stderr):
        found = UNSAFE.search(stream)
        assert found is None, (field, repr(text), command, repr(found.group()))


def test_every_format_character_of_this_python_is_unsafe() -> None:
    """The whole category Cf, whatever the running Python's Unicode tables, not a list."""
    import sys
    import unicodedata

    missing = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cf", "Zl", "Zp", "Cs")
        and not UNSAFE.fullmatch(chr(cp))
    ]
    assert not missing


# Invisible letters and marks (Default_Ignorable_Code_Point but not Cf): drawn as nothing.
_INVISIBLE_LETTERS = ["\u3164", "\u115f", "\u1160", "\uffa0", "\u034f", "\ufe0f", "\u180b"]
_FORMAT_CHARACTERS = ["\u2062", "\u206b", "\u180e", "\ufffa", "\U000e0041", "\U0001d175"]


@pytest.mark.parametrize(
    "character", _INVISIBLE_LETTERS + _FORMAT_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}"
)
def test_an_invisible_character_in_any_text_is_refused_at_its_place(
    character: str, base_copy: Path, cli: Cli
) -> None:
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    assert "    region: Estrie\n" in text
    coops.write_text(text.replace("region: Estrie", f"region: Es{character}trie", 1), "utf-8")
    code, output = _validate(cli, base_copy)
    assert code == 1, output
    assert f"U+{ord(character):04X}" in output
    assert "cooperatives.yaml:6:13: error:" in output
    assert not UNSAFE.search(output)
    shown = cli("--data-dir", str(base_copy), "list")
    assert shown.code == 1 and not UNSAFE.search(shown.stdout + shown.stderr)


def test_a_data_file_linking_outside_its_folder_is_not_read(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text("council:\n  slug: secret-value-from-elsewhere\n", "utf-8")
    (base_copy / "federations.yaml").unlink()
    (base_copy / "federations.yaml").symlink_to(secret)
    code, output = _validate(cli, base_copy)
    assert code == 1
    assert "outside the data folder" in output and "secret-value" not in output


def test_a_data_file_linking_inside_its_folder_is_read(base_copy: Path, cli: Cli) -> None:
    real = base_copy / "federations.real.yaml"
    (base_copy / "federations.yaml").rename(real)
    (base_copy / "federations.yaml").symlink_to(real.name)
    assert _validate(cli, base_copy)[0] == 0


@pytest.mark.parametrize(
    "character", ["\u2800", "\ue000", "\U000f0000", "\U0001fffe", "\U0010ffff"]
)
def test_blank_private_and_non_characters_are_refused(
    character: str, base_copy: Path, cli: Cli
) -> None:
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    coops.write_text(text.replace("name: La Brunante", f"name: La Bru{character}nante", 1), "utf-8")
    code, output = _validate(cli, base_copy)
    assert code == 1 and f"U+{ord(character):04X}" in output


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_a_figure_typed_as_printed_is_offered_as_yaml_writes_it(number: int, space: str) -> None:
    """« 960 000 » (as show prints it) is offered as 960000; the message must not guess."""
    printed = f"{number:,}".replace(",", space)
    assert number_as_written(printed) == str(number)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2,5", "2.5"),
        ("12,75", "12.75"),
        ("960,000", ""),
        ("beaucoup", ""),
        ("960000", ""),
        (3, ""),
    ],
)
def test_a_figure_is_offered_only_when_its_intent_is_clear(typed: object, meant: str) -> None:
    """« 960,000 » is 960 in French and 960000 in English: no suggestion, the plain message."""
    assert number_as_written(typed) == meant
