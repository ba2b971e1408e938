"""JSON Schemas for editors: generated from the models, kept current, referenced by the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import ROOT, SHIPPED, Cli
from coopkb.validation.schema import json_schemas


def _one_spelling(schema: Any) -> Any:
    """Pydantic before 2.11 wraps a reference that has siblings in ``allOf``; both mean the same
    (JSON Schema 2020-12), so the lowest supported Pydantic is compared on meaning."""
    if isinstance(schema, list):
        return [_one_spelling(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    spelled = {key: _one_spelling(value) for key, value in schema.items()}
    wrapped = spelled.get("allOf")
    if isinstance(wrapped, list) and len(wrapped) == 1 and set(wrapped[0]) == {"$ref"}:
        del spelled["allOf"]
        spelled["$ref"] = wrapped[0]["$ref"]
    return spelled


def test_schema_files_in_the_repo_are_current() -> None:
    from coopkb.i18n import in_language

    with in_language("fr"):
        schemas = json_schemas()
    for name, schema in schemas.items():
        path = ROOT / "schemas" / name.replace(".yaml", ".schema.json")
        in_repo = json.loads(path.read_text(encoding="utf-8"))
        assert _one_spelling(in_repo) == _one_spelling(schema), (
            f"{path.name} is stale: run `coopkb --lang fr schema --output-dir schemas`"
        )


def test_a_reference_wrapped_in_all_of_means_the_reference() -> None:
    wrapped = {"allOf": [{"$ref": "#/$defs/Council"}], "description": "d"}
    assert _one_spelling(wrapped) == {"$ref": "#/$defs/Council", "description": "d"}
    assert _one_spelling({"allOf": [{"$ref": "#/a"}, {"$ref": "#/b"}]})["allOf"]


def test_every_data_file_points_editors_at_its_schema() -> None:
    from coopkb.layout import DATA_FILES, EVIDENCE_FILES

    for name in (*DATA_FILES, *EVIDENCE_FILES.values()):
        first = (SHIPPED / name).read_text(encoding="utf-8").splitlines()[0]
        schema = "evidence" if name.endswith(".evidence.yaml") else name.removesuffix(".yaml")
        assert first == f"# yaml-language-server: $schema=../schemas/{schema}.schema.json"


def test_schema_command_prints_one_or_all(cli: Cli) -> None:
    every = json.loads(cli("schema").stdout)
    assert list(every) == [
        "cooperatives.yaml",
        "federations.yaml",
        "missions.yaml",
        "evidence.yaml",
    ]
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


def test_editors_get_one_error_per_wrong_value_in_their_language(tmp_path: Any, cli: Cli) -> None:
    """Through check-jsonschema itself: an optional field's wrong value is one error (not "is
    not of type 'null'" first), a month 13 is refused; titles are labels, French by default."""
    import shutil
    import subprocess
    import sys

    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert checker is not None
    edited = tmp_path / "cooperatives.yaml"
    text = (ROOT / "tests/example-files/base/cooperatives.yaml").read_text("utf-8")
    edited.write_text(
        text.replace("region: Estrie", "region: Estri")
        .replace("date: 1998", "date: 1998-13")
        .replace("mrc: Le Val-Saint-François", "mrc: Le Val-Saint-Francois")
        .replace(
            "    sources: [source-test]\n", "    sources: [source-test]\n    founded: 19\n", 1
        ),
        "utf-8",
    )
    found = subprocess.run(
        [checker, "--schemafile", str(ROOT / "schemas/cooperatives.schema.json"), str(edited)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 1
    assert "'Estri' is not one of" in found.stdout, found.stdout
    assert "'1998-13' does not match" in found.stdout
    assert "is not of type 'null'" not in found.stdout
    # the MRC list, as validate reads it; a year written as a number has four digits
    assert "'Le Val-Saint-Francois' is not one of" in found.stdout, found.stdout
    assert "19 is less than the minimum of 1000" in found.stdout, found.stdout
    titles = {
        d["title"]
        for d in json.loads((ROOT / "schemas/cooperatives.schema.json").read_text("utf-8"))[
            "$defs"
        ].values()
    }
    assert {"Étape", "Chiffre"} <= titles and not {"Step", "Figure"} & titles
    in_repo = json.loads((ROOT / "schemas/cooperatives.schema.json").read_text("utf-8"))
    mrc = in_repo["$defs"]["Cooperative"]["properties"]["mrc"]
    assert mrc["title"] == "MRC" and mrc["type"] == ["string", "null"]
    assert mrc["description"].startswith("Nom officiel de la MRC")
    assert in_repo["$defs"]["Cooperative"]["title"] == "Coopérative"
    assert in_repo["properties"]["sources"]["description"].startswith("Les documents que citent")
    english = json.loads(cli("--lang", "en", "schema", "cooperatives").stdout)
    mrc_en = english["$defs"]["Cooperative"]["properties"]["mrc"]
    assert mrc_en["description"].startswith("Official MRC name") and mrc_en["title"] == "MRC"
