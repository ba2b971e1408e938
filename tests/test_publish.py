"""Publishing: the SQLite database Datasette serves, CSV for spreadsheets, one JSON document."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, Cli
from coopkb.query.records import iter_records
from coopkb.storage import knowledge as store


@pytest.fixture(scope="module")
def kb() -> dict[str, Any]:
    base, _ = store.load_knowledge_base(store.DataLocation(DATA, "test"), None)
    return base


@pytest.fixture
def exported(tmp_path: Path, cli: Cli) -> Path:
    target = tmp_path / "kb.db"
    result = cli("export", "sqlite", str(target))
    assert result.code == 0, result
    return target


def test_the_database_has_a_table_per_kind_with_slug_keys(exported: Path) -> None:
    db = sqlite3.connect(exported)
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    for name in (
        "cooperatives",
        "members",
        "missions",
        "people",
        "organisations",
        "events",
        "programmes",
        "roadmaps",
        "sources",
        "figures",
        "timeline",
    ):
        assert name in tables, name
    pk = [r[1] for r in db.execute("pragma table_info(cooperatives)") if r[5]]
    assert pk == ["slug"]
    rows = db.execute("select slug from cooperatives where region = 'Estrie' order by slug")
    assert [r[0] for r in rows] == ["developpement-local-racine", "la-brunante"]


@pytest.mark.parametrize("words", ["édouard", "edouard", "EDOUARD"])
def test_full_text_search_ignores_accents(words: str, exported: Path) -> None:
    db = sqlite3.connect(exported)
    found = db.execute(
        "select slug from cooperatives where rowid in "
        "(select rowid from cooperatives_fts where cooperatives_fts match ?)",
        [words],
    ).fetchall()
    assert ("lac-edouard",) in found


def test_links_have_foreign_keys_both_ways(exported: Path) -> None:
    db = sqlite3.connect(exported)
    keys = {(r[2], r[3]) for r in db.execute("pragma foreign_key_list(missions_visits)")}
    assert ("missions", "missions_slug") in keys and ("records", "visits_slug") in keys
    met = db.execute(
        "select r.kind from missions_visits v join records r on r.slug = v.visits_slug "
        "where v.missions_slug = 'mission-3' and v.visits_slug = 'meduse'"
    ).fetchall()
    assert met == [("cooperative",)]


def test_figures_keep_unit_and_qualifier(exported: Path) -> None:
    db = sqlite3.connect(exported)
    rows = db.execute(
        "select value, unit, qualifier from figures where record = ?",
        ["offensive-transformation-numerique"],
    ).fetchall()
    assert (8, "M$", None) in rows and (200, None, "plus de") in rows


def test_no_exported_row_invents_a_value(exported: Path, kb: dict[str, Any]) -> None:
    from coopkb.publish.tables import TABLE_OF

    db = sqlite3.connect(exported)
    db.row_factory = sqlite3.Row
    for kind, record in iter_records(kb):
        row = db.execute(
            f"select * from {TABLE_OF[kind]} where slug = ?", [record["slug"]]
        ).fetchone()
        assert row is not None, record["slug"]
        for column in row.keys():
            expected = record.get(column)
            if isinstance(expected, list):
                expected = json.dumps(expected, ensure_ascii=False) if expected else None
            assert row[column] == expected, (record["slug"], column)
    from coopkb.parts import fields_of_part

    steps = db.execute("select count(*) from timeline").fetchone()[0]
    assert steps == sum(
        len(r.get(field) or [])
        for kind, r in iter_records(kb)
        for field in fields_of_part(kind, "mappings", "step")
    )
    assert steps > 20


def test_an_existing_file_is_kept_unless_overwrite(exported: Path, cli: Cli) -> None:
    before = exported.read_bytes()
    result = cli("export", "sqlite", str(exported))
    assert result.code == 1 and "--overwrite" in result.stderr
    assert exported.read_bytes() == before
    assert cli("export", "sqlite", str(exported), "--overwrite").code == 0


def test_a_failed_export_leaves_no_half_file(tmp_path: Path) -> None:
    """A write that fails half way (the file-size limit, which binds root too, where a
    read-only folder does not: CI runs as root) leaves neither the file nor a temporary one."""
    import resource
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "out"
    folder.mkdir()
    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"
    env = {**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "cache")}
    warm = subprocess.run([exe, "validate"], capture_output=True, env=env, check=False)
    assert warm.returncode == 0, warm.stderr  # the cache is written before the limit

    def small_files() -> None:  # Python ignores SIGXFSZ: a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))

    result = subprocess.run(
        [exe, "export", "sqlite", str(folder / "kb.db")],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=small_files,
        check=False,
    )
    assert result.returncode == 1 and result.stderr.startswith("Error:"), result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []
    assert not list(tmp_path.rglob("*.tmp"))


def test_metadata_documents_the_site(exported: Path) -> None:
    metadata = json.loads(exported.with_name("kb.metadata.json").read_text("utf-8"))
    assert metadata["title"] and metadata["license"] and "Territoires vivants" in metadata["source"]
    tables = metadata["databases"]["kb"]["tables"]
    columns = tables["cooperatives"]["columns"]
    assert columns["region"].startswith("Nom officiel")  # French, for Datasette's readers
    assert tables["cooperatives"]["title"] == "coopératives"
    assert tables["cooperatives"]["description"] == "Une ligne par coopérative."
    assert tables["missions_visits"]["hidden"] is True  # link tables stay out of the way
    assert "hidden" not in tables["cooperatives"] and "hidden" not in tables["timeline"]
    assert "peopl." not in json.dumps(metadata)


def _datasette(database: Path, path: str, *extra: str) -> Any:
    exe = shutil.which("datasette", path=os.path.dirname(sys.executable)) or "datasette"
    result = subprocess.run(
        [exe, str(database), *extra, "--get", path],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_datasette_serves_filters_search_links_and_metadata(exported: Path) -> None:
    pytest.importorskip("datasette")
    metadata = str(exported.with_name("kb.metadata.json"))
    rows = _datasette(exported, "/kb/cooperatives.json?region=Estrie&_shape=array")
    assert sorted(r["slug"] for r in rows) == ["developpement-local-racine", "la-brunante"]
    found = _datasette(exported, "/kb/cooperatives.json?_search=edouard&_shape=array")
    assert [r["slug"] for r in found] == ["lac-edouard"]
    visits = _datasette(
        exported, "/kb/missions_visits.json?missions_slug=mission-3&_labels=on&_shape=array"
    )
    assert any(v["visits_slug"]["label"] == "Coopérative artistique Méduse" for v in visits)
    served = _datasette(exported, "/-/metadata.json", "-m", metadata)
    assert served["title"].startswith("coopkb")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "wanted", "unwanted"),
    [
        ("jeunes", "jeune-coop", None),  # the base writes « Jeune COOP » and « jeunes »
        ("aînées", "la-brunante", None),  # written « aînés »: a French inflection of it
        ("aines", "feuille-de-route-relance-2020", "aina-rakotoarinivo"),  # no accents; not Aina
        ("3000", "cqcm", None),
        ("cooperatives estrie", "la-brunante", "lac-edouard"),  # every word, any kind
    ],
)
def test_datasette_search_table_finds_french_word_forms(
    exported: Path, query: str, wanted: str, unwanted: str | None
) -> None:
    pytest.importorskip("datasette")
    from urllib.parse import quote

    rows = _datasette(exported, f"/kb/search.json?_search={quote(query)}&_shape=array")
    found = {r["slug"]: r for r in rows}
    assert wanted in found, sorted(found)
    assert unwanted not in found
    kinds = {r["kind"] for r in rows}
    assert kinds <= {"coopérative", "programme", "conseil", "feuille de route", "personne",
                     "organisation", "événement", "source", "mission", "coopération",
                     "membre"}, kinds  # fmt: skip


def test_search_table_is_described_in_french(exported: Path) -> None:
    metadata = json.loads(exported.with_name("kb.metadata.json").read_text("utf-8"))
    search = metadata["databases"]["kb"]["tables"]["search"]
    assert search["title"] == "recherche dans toute la base"
    assert set(search["columns"]) == {"slug", "kind", "name", "forms"}
    import sqlite3

    with sqlite3.connect(exported) as db:
        count = db.execute("select count(*) from search").fetchone()[0]
        records = db.execute("select count(*) from records").fetchone()[0]
    assert count == records  # every record of every kind, and every source, once


def test_excel_csv_reads_back_as_the_json_says(tmp_path: Path, cli: Cli) -> None:
    raw = cli("list", "--format", "csv", "--excel").stdout
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff")), delimiter=";"))
    records = json.loads(cli("list", "--format", "json").stdout)
    # for people in a French Excel: the columns are named by their labels (English here)
    from coopkb.labels import field_label

    assert [r["identifier"] for r in rows] == [r["slug"] for r in records]
    for row, record in zip(rows, records, strict=True):
        for key, value in record.items():
            column = field_label(key, "cooperative")
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                assert row[column] == str(value), (record["slug"], key)
            elif value is None:
                assert row.get(column, "") == "", (record["slug"], key)
    assert rows[0].get("project (name)")
    plain = cli("list", "--format", "csv").stdout  # without --excel: the stable keys
    assert plain.startswith("slug,name,")


def test_export_csv_writes_a_file_per_table_with_one_row_per_step(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "tables"
    assert cli("export", "csv", str(folder), "--excel").code == 0
    raw = (folder / "timeline.csv").read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    krtb = [r for r in rows if r["record"] == "mfr-krtb"]
    assert [r["date"] for r in krtb] == ["2003", "2004", "", "2007", "2007", "2007"]
    assert cli("export", "csv", str(folder)).code == 1  # exists: --overwrite needed


def test_export_json_is_the_whole_base_with_its_schema(
    tmp_path: Path, cli: Cli, kb: dict[str, Any]
) -> None:
    target = tmp_path / "kb.json"
    assert cli("export", "json", str(target)).code == 0
    document = json.loads(target.read_text("utf-8"))
    assert document.pop("$schema") == "./kb.schema.json"
    with_evidence = store.load(store.DataLocation(DATA, "test"), None, None, True).knowledge_base
    assert document == with_evidence
    assert document["evidence"]["claims"] and "derived" in document
    schema = json.loads((tmp_path / "kb.schema.json").read_text("utf-8"))
    assert set(schema["properties"]) >= {"cooperatives", "missions", "people"}


def test_markdown_puts_several_values_on_lines(cli: Cli) -> None:
    out = cli("programmes", "--format", "markdown").stdout
    assert "12 coopératives de proximité étudiées<br>7 régions du Québec" in out
