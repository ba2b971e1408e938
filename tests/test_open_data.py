"""The open-data exports, checked by the formats' own validators: the Frictionless data package
by the real `frictionless validate`, the JSON-LD by rdflib (offline) against the records, the
Murmurations profiles by check-jsonschema against the network's two schemas.

Run on the fixture base (every kind) and, for the validators, on the shipped data too.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import run_coopkb
from coopkb.kinds import RECORD_KINDS
from coopkb.parts import PARTS
from coopkb.publish import jsonld as jsonld_module
from coopkb.publish.murmurations import MAX_TAG_BYTES, MAX_TAGS

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
MURMURATIONS = ROOT.parent / "shared" / "vendor" / "murmurations"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is in the test extra: pip install -e '.[test]'"
    return found


def _export(kind: str, target: Path, data: Path, *extra: str) -> None:
    result = run_coopkb("--data-dir", str(data), "export", kind, str(target), *extra)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def _frictionless(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("frictionless"), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- data package -----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture", "shipped"])
def test_the_data_package_passes_frictionless_validate(
    which: str, base_copy: Path, tmp_path: Path
) -> None:
    data = base_copy if which == "fixture" else SHIPPED
    _export("datapackage", tmp_path / "pkg", data)
    result = _frictionless(tmp_path / "pkg" / "datapackage.json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], json.dumps(report["tasks"])[:3000]
    assert len(report["tasks"]) >= 20  # every table was checked, not just the descriptor


def test_frictionless_catches_a_broken_foreign_key(base_copy: Path, tmp_path: Path) -> None:
    """The validator really reads the rows and the keys the descriptor declares."""
    _export("datapackage", tmp_path / "pkg", base_copy)
    visits = tmp_path / "pkg" / "missions_visits.csv"
    visits.write_text(visits.read_text("utf-8").replace("polecn", "nobody"), "utf-8")
    report = json.loads(_frictionless(tmp_path / "pkg" / "datapackage.json").stdout)
    assert not report["valid"]
    assert "foreign-key" in json.dumps(report)


def test_the_descriptor_is_v2_french_typed_and_licensed(base_copy: Path, tmp_path: Path) -> None:
    _export("datapackage", tmp_path / "pkg", base_copy)
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "documents sources restent" in descriptor["coopkb:licenceNote"]
    assert [s["title"] for s in descriptor["sources"]] == ["Source de test (coopkb)"]
    resources = {r["name"]: r for r in descriptor["resources"]}
    cooperatives = resources["cooperatives"]
    assert cooperatives["title"] == "coopératives"
    assert cooperatives["description"] == "Une ligne par coopérative."
    fields = {f["name"]: f for f in cooperatives["schema"]["fields"]}
    assert fields["region"]["title"] == "région"
    assert cooperatives["schema"]["primaryKey"] == ["slug"]
    assert cooperatives["schema"]["missingValues"] == [""]
    assert {"fields": ["project"], "reference": {"resource": "records", "fields": ["slug"]}} in (
        cooperatives["schema"]["foreignKeys"]
    )
    steps = {f["name"]: f for f in resources["timeline"]["schema"]["fields"]}
    assert steps["date"]["constraints"]["pattern"].startswith("[0-9]{4}")
    assert resources["timeline"]["schema"]["primaryKey"] == ["record", "field", "position"]
    visits = resources["missions_visits"]["schema"]
    assert {
        "fields": ["missions_slug"],
        "reference": {"resource": "missions", "fields": ["slug"]},
    } in (visits["foreignKeys"])
    numbers = {f["name"]: f["type"] for f in resources["missions"]["schema"]["fields"]}
    assert numbers["number"] == "integer" and numbers["delegation_size"] == "integer"
    kinds = {f["name"]: f["type"] for f in resources["records"]["schema"]["fields"]}
    assert kinds == {"slug": "string", "kind": "string", "name": "string"}


def test_the_data_dictionary_is_a_resource_of_every_column(base_copy: Path, tmp_path: Path) -> None:
    _export("datapackage", tmp_path / "pkg", base_copy)
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text("utf-8"))
    with (tmp_path / "pkg" / "dictionnaire.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    listed = {(r["table"], r["column"]) for r in rows}
    declared = {
        (r["name"], f["name"])
        for r in descriptor["resources"]
        if r["name"] != "dictionnaire"
        for f in r["schema"]["fields"]
    }
    assert listed == declared
    meanings = {(r["table"], r["column"]): r["meaning"] for r in rows}
    assert meanings["cooperatives", "municipality"] == "Municipalité (nom officiel)."


def test_the_package_rows_match_the_records(base_copy: Path, tmp_path: Path) -> None:
    _export("datapackage", tmp_path / "pkg", base_copy)
    with (tmp_path / "pkg" / "cooperatives.csv").open(encoding="utf-8") as handle:
        rows = {r["slug"]: r for r in csv.DictReader(handle)}
    records = yaml.safe_load((base_copy / "cooperatives.yaml").read_text("utf-8"))
    for record in records["cooperatives"]:
        row = rows[record["slug"]]
        for key in ("name", "region", "municipality", "legal_category"):
            assert row.get(key, "") == (record.get(key) or "")


# --- JSON-LD ------------------------------------------------------------------------------


# rdflib 7.x's own JSON-LD parser builds a ConjunctiveGraph inside (its deprecation, not ours).
rdflib_internals = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)


def _graph(path: Path) -> Any:
    import rdflib

    graph = rdflib.Graph()
    # The @context is embedded: the document parses with no network.
    graph.parse(data=path.read_text("utf-8"), format="json-ld")
    return graph


def test_every_field_is_published_in_json_ld_or_listed_as_not(tmp_path: Path) -> None:
    """A new field never vanishes silently from the JSON-LD: it gets a property or a reason."""
    for part in PARTS:
        if part.owner in RECORD_KINDS:
            has = jsonld_module.property_of(part.owner, part.field) is not None
            assert has or part.field in jsonld_module.NOT_PUBLISHED, f"{part.owner}.{part.field}"
    for kind in (*RECORD_KINDS, "source"):
        assert kind in jsonld_module.TYPES


@rdflib_internals
def test_json_ld_parses_offline_and_states_the_records(base_copy: Path, tmp_path: Path) -> None:
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD

    _export("jsonld", tmp_path / "kb.jsonld", base_copy)
    graph = _graph(tmp_path / "kb.jsonld")
    schema = Namespace("https://schema.org/")
    brunante = URIRef("urn:coopkb:la-brunante")
    assert (brunante, RDF.type, schema.Organization) in graph
    assert (brunante, RDF.type, URIRef("http://purl.org/essglobal/vocab/SSEInitiative")) in graph
    assert (brunante, schema.name, Literal("La Brunante", lang="fr")) in graph
    address = graph.value(brunante, schema.address)
    assert graph.value(address, schema.addressLocality) == Literal("Racine", lang="fr")
    assert graph.value(address, schema.addressRegion) == Literal("Estrie", lang="fr")
    assert graph.value(address, schema.addressCountry) == Literal("CA", lang="fr")
    assert (brunante, schema.keywords, Literal("coopérative de solidarité", lang="fr")) in graph
    assert (brunante, schema.isBasedOn, URIRef("urn:coopkb:source:source-test")) in graph
    council = URIRef("urn:coopkb:cqcm")
    assert graph.value(council, schema.foundingDate) == Literal("1940", datatype=XSD.gYear)
    assert (URIRef("urn:coopkb:agropur"), schema.memberOf, council) in graph
    mission = URIRef("urn:coopkb:mission-1")
    assert (mission, RDF.type, schema.Event) in graph
    assert graph.value(mission, schema.startDate) == Literal("2016-09-05", datatype=XSD.date)
    assert (mission, schema.attendee, URIRef("urn:coopkb:noemie-escortell")) in graph
    assert (mission, schema.subEvent, URIRef("urn:coopkb:forum-test")) in graph
    cooperation = URIRef("urn:coopkb:cooperation-test")
    assert graph.value(cooperation, schema.startDate) == Literal("2016-09", datatype=XSD.gYearMonth)
    assert (cooperation, schema.funder, URIRef("urn:coopkb:polecn")) in graph
    person = URIRef("urn:coopkb:noemie-escortell")
    role = graph.value(person, schema.affiliation)
    assert graph.value(role, schema.roleName) == Literal("coordinatrice", lang="fr")
    assert graph.value(role, schema.affiliation) == URIRef("urn:coopkb:co-actions")


@rdflib_internals
def test_json_ld_holds_every_record_of_the_shipped_data(tmp_path: Path) -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    _export("jsonld", tmp_path / "kb.jsonld", SHIPPED)
    graph = _graph(tmp_path / "kb.jsonld")
    shipped = json.loads(run_coopkb("--data-dir", str(SHIPPED), "list", "-f", "json").stdout)
    for cooperative in shipped:
        node = URIRef(f"urn:coopkb:{cooperative['slug']}")
        assert (node, RDF.type, None) in graph, cooperative["slug"]


# --- Murmurations -------------------------------------------------------------------------


needs_schemas = pytest.mark.skipif(
    not MURMURATIONS.is_dir(),
    reason="the Murmurations schemas are in ../shared (not in a CI clone)",
)


@needs_schemas
@pytest.mark.parametrize("which", ["fixture", "shipped"])
@pytest.mark.parametrize("schema", ["organizations_schema-v1.0.0", "default-v2.0.0"])
def test_murmurations_profiles_pass_both_schemas(
    which: str, schema: str, base_copy: Path, tmp_path: Path
) -> None:
    data = base_copy if which == "fixture" else SHIPPED
    _export("murmurations", tmp_path / "profiles", data)
    profiles = sorted((tmp_path / "profiles").glob("*.json"))
    assert profiles
    schemas = MURMURATIONS / "schemas"
    result = subprocess.run(
        [
            _tool("check-jsonschema"),
            "--base-uri",
            (schemas / f"{schema}.json").as_uri(),
            "--schemafile",
            str(schemas / f"{schema}.json"),
            *map(str, profiles),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@needs_schemas
def test_check_jsonschema_refuses_a_broken_profile(base_copy: Path, tmp_path: Path) -> None:
    _export("murmurations", tmp_path / "profiles", base_copy)
    broken = tmp_path / "profiles" / "la-brunante.json"
    content = json.loads(broken.read_text("utf-8"))
    content["country_iso_3166"] = "Canada"
    broken.write_text(json.dumps(content), "utf-8")
    schemas = MURMURATIONS / "schemas"
    schema = schemas / "organizations_schema-v1.0.0.json"
    result = subprocess.run(
        [
            _tool("check-jsonschema"),
            "--base-uri",
            schema.as_uri(),
            "--schemafile",
            str(schema),
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1


def test_murmurations_profiles_hold_only_what_is_known(base_copy: Path, tmp_path: Path) -> None:
    _export("murmurations", tmp_path / "profiles", SHIPPED)
    profiles = {
        p.stem: json.loads(p.read_text("utf-8")) for p in (tmp_path / "profiles").glob("*.json")
    }
    shipped = json.loads(run_coopkb("--data-dir", str(SHIPPED), "list", "-f", "json").stdout)
    assert {c["slug"] for c in shipped} <= set(profiles)
    for cooperative in shipped:
        profile = profiles[cooperative["slug"]]
        assert profile["linked_schemas"] == ["organizations_schema-v1.0.0"]
        assert profile["name"] == cooperative["name"]
        assert ("primary_url" in profile) == bool(cooperative.get("website"))
        assert "geolocation" not in profile and "latitude" not in profile
        assert len(profile.get("tags", [])) <= MAX_TAGS
        assert all(len(t.encode("utf-8")) <= MAX_TAG_BYTES for t in profile.get("tags", []))
        if cooperative.get("region"):
            assert cooperative["region"] in profile["tags"]
    brunante = profiles["la-brunante"]
    assert "coopérative de solidarité" in brunante["tags"]
    assert brunante["country_iso_3166"] == "CA" and brunante["locality"] == "Racine"
    assert brunante["full_address"] == "Racine, Estrie, Canada"


# --- as a user runs them ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["datapackage", "murmurations"])
def test_a_folder_export_replaces_nothing_unless_told(
    kind: str, base_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    _export(kind, target, base_copy)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    again = run_coopkb("--data-dir", str(base_copy), "--lang", "fr", "export", kind, str(target))
    assert again.returncode == 1 and "--overwrite" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    _export(kind, target, base_copy, "--overwrite")


def test_an_overwrite_removes_what_the_new_export_no_longer_has(
    base_copy: Path, tmp_path: Path
) -> None:
    missions = base_copy / "missions.yaml"
    original = missions.read_text("utf-8")
    extra = "  - slug: orga-extra\n    name: Orga extra\n    sources: [source-test]\n"
    missions.write_text(original.replace("organisations:\n", "organisations:\n" + extra), "utf-8")
    target = tmp_path / "profiles"
    _export("murmurations", target, base_copy)
    assert (target / "orga-extra.json").exists()
    missions.write_text(original, "utf-8")
    _export("murmurations", target, base_copy, "--overwrite")
    assert not (target / "orga-extra.json").exists()
    assert (target / "la-brunante.json").exists()


def test_a_file_in_the_way_is_refused_in_one_line(base_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("mine", "utf-8")
    result = run_coopkb("--data-dir", str(base_copy), "export", "datapackage", str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_text("utf-8") == "mine"
    existing = tmp_path / "kb.jsonld"
    existing.write_text("mine", "utf-8")
    result = run_coopkb("--data-dir", str(base_copy), "export", "jsonld", str(existing))
    assert result.returncode == 1 and existing.read_text("utf-8") == "mine"
