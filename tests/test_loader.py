"""The loader never raises on bad input: random and mutated YAML become reported problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES
from coopkb.validation.loader import load_file
from coopkb.validation.pipeline import validate_contents

BASE_FILES = {p.name: p.read_bytes() for p in (EXAMPLES / "base").glob("*.yaml")}
YAML_PIECES = st.sampled_from(
    [
        ": ",
        "- ",
        "\n",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!str ",
        "!t ",
        "'",
        '"',
        "#",
        "? ",
        "|",
        ">",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "\t",
        "\\",
        "é",
        "\x00",
        "\x1b",
        "slug",
        "name",
        "region",
        "cooperatives",
        "1998-13",
        "yes",
        "null",
        "~",
        "0x1f",
    ]
)


def _check_never_raises(raw: bytes) -> None:
    loaded = load_file(Path("x.yaml"), "x.yaml", raw)
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    _check_never_raises(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES, max_size=80).map("".join))
def test_random_yaml_tokens_never_raise(text: str) -> None:
    _check_never_raises(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(BASE_FILES)),
    st.integers(min_value=0, max_value=2000),
    st.integers(min_value=0, max_value=40),
    st.text(max_size=12),
)
def test_mutated_data_files_validate_without_raising(
    name: str, at: int, cut: int, insert: str
) -> None:
    """Deleting and inserting text anywhere in a valid file yields problems or a valid base."""
    original = BASE_FILES[name].decode()
    at = min(at, len(original))
    mutated = original[:at] + insert + original[at + cut :]
    contents: dict[str, bytes | None] = {**BASE_FILES, name: mutated.encode("utf-8", "replace")}
    outcome = validate_contents(Path("d"), "d", contents)
    assert (outcome.knowledge_base is None) == bool(outcome.problems)
    for problem in outcome.problems:
        assert problem.file.startswith("d/") and problem.line >= 1 and problem.column >= 1


def test_dates_stay_text_and_years_are_integers_before_models() -> None:
    loaded = load_file(Path("x"), "x.yaml", b"a: 2016-09-05\nb: 2018-09\nc: 1997\n")
    assert loaded.data == {"a": "2016-09-05", "b": "2018-09", "c": 1997}


def test_position_of_a_missing_key_is_its_record() -> None:
    loaded = load_file(Path("x"), "x.yaml", b"items:\n  - slug: a\n    region: Estri\n")
    assert loaded.position(("items", 0, "region")) == (3, 13)
    assert loaded.position(("items", 0, "region"), at_key=True) == (3, 5)
    assert loaded.position(("items", 0, "name")) == (2, 5)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: Écrire à x@y.org svp\n", (1, 13)),
        ('a: "Écrire à x@y.org"\n', (1, 14)),
        ("a: >-\n  Une ligne, puis\n  écrire à x@y.org.\n", (3, 12)),
        ("a: |\n  un\n  deux x@y.org\n", (3, 8)),
        ("b: x@y.org\na: >-\n  rien ici\n", (2, 4)),  # not in the value: the value's start
    ],
)
def test_text_position_finds_the_part_where_it_is_written(
    text: str, where: tuple[int, int]
) -> None:
    loaded = load_file(Path("x"), "x.yaml", text.encode())
    assert loaded.text_position(("a",), "x@y.org") == where


def test_loader_matches_pyyaml_on_the_shipped_data() -> None:
    """The fast builder reads the real files exactly as PyYAML's safe loader would (dates aside)."""
    for path in sorted(DATA.glob("*.yaml")):
        ours = load_file(path, path.name)
        assert not ours.problems
        theirs = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        assert _as_text(ours.data) == theirs


def _as_text(value: object) -> object:
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return value if isinstance(value, str) else str(value)
