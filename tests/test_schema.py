"""JSON Schemas for editors: generated from the models, kept current, referenced by the data."""

from __future__ import annotations

import json

from conftest import DATA, ROOT, Cli
from coopkb.validation.schema import json_schemas


def test_schema_files_in_the_repo_are_current() -> None:
    for name, schema in json_schemas().items():
        path = ROOT / "schemas" / name.replace(".yaml", ".schema.json")
        assert json.loads(path.read_text(encoding="utf-8")) == schema, (
            f"{path.name} is stale: run `coopkb schema --output-dir schemas`"
        )


def test_every_data_file_points_editors_at_its_schema() -> None:
    for path in sorted(DATA.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = f"# yaml-language-server: $schema=../schemas/{path.stem}.schema.json"
        assert first == expected


def test_schema_command_prints_one_or_all(cli: Cli) -> None:
    every = json.loads(cli("schema").stdout)
    assert list(every) == ["cooperatives.yaml", "federations.yaml", "missions.yaml"]
    one = json.loads(cli("schema", "missions").stdout)
    assert one["title"] == "coopkb missions.yaml"
    assert "missions" in one["properties"]


def test_schema_of_an_unknown_file_suggests(cli: Cli) -> None:
    result = cli("schema", "cooperative.yaml")
    assert result.code == 1
    assert "did you mean 'cooperatives.yaml'" in result.stderr


def test_schema_forbids_unknown_keys() -> None:
    schema = json_schemas()["cooperatives.yaml"]
    cooperative = schema["$defs"]["Cooperative"]
    assert cooperative["additionalProperties"] is False
    assert "region" in cooperative["properties"]
