"""The site's downloads: the whole base in every form people and programs read, written into
the staged site under ``donnees/`` (and the editors' JSON Schemas at stable addresses under
``schemas/``), each with what it is, for the downloads page."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from ...i18n import N_
from ..datapackage import export_datapackage
from ..jsonld import export_jsonld
from ..spreadsheet import export_csv, export_json
from ..sqlite import export_sqlite


def write_downloads(
    kb: dict[str, Any],
    staging: Path,
    schemas: dict[str, dict[str, Any]],
    kb_schema: dict[str, Any],
    version: str,
    built: str,
) -> list[tuple[str, str, str, str]]:
    """Write the files; (path from the site's root, title, what it is, the file a schema is
    for) for each, in order."""
    from ...writing import FileSet

    data = staging / "donnees"
    data.mkdir(parents=True, exist_ok=True)
    excel = data / "tableaux-excel"
    export_csv(kb, excel, True, False, [])
    _zip(excel, data / "coopkb-excel.zip", _readme(kb, built))
    export_json(kb, data / "coopkb.json", kb_schema, False, [])
    with FileSet(False, []) as files:
        export_sqlite(kb, data / "coopkb.db", files)
        files.commit()
    package = data / "paquet"
    export_datapackage(kb, package, False, [], version)
    _zip(package, data / "coopkb-paquet.zip", _readme(kb, built))
    export_jsonld(kb, data / "coopkb.jsonld", False, [])
    folder = staging / "schemas"
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        target = folder / name.replace(".yaml", ".schema.json")
        target.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return [
        ("donnees/coopkb-excel.zip", N_("CSV tables for Excel (zip archive)"),
         N_("One CSV file per table, ready for a French-locale Excel, and a LISEZMOI.txt."), ""),
        ("donnees/coopkb.json", N_("JSON"), N_("The whole base as one JSON document."), ""),
        ("donnees/coopkb.db", N_("SQLite database"),
         N_("For Datasette and SQL: one table per kind, with links and foreign keys."), ""),
        ("donnees/coopkb-paquet.zip", N_("Data package (Frictionless)"),
         N_("CSV tables, their data dictionary and datapackage.json, for open-data portals."),
         ""),
        ("donnees/paquet/datapackage.json", N_("datapackage.json"),
         N_("The same data package, read by portals and tools at this address."), ""),
        ("donnees/coopkb.jsonld", N_("Linked data (JSON-LD)"),
         N_("The whole base in schema.org terms, for maps and directories."), ""),
        *(
            (f"schemas/{name.replace('.yaml', '.schema.json')}", N_("JSON Schema of {file}"),
             N_("What editors check this data file against."), name)
            for name in schemas
        ),
    ]  # fmt: skip


def _readme(kb: dict[str, Any], built: str) -> str:
    """What travels with an archive: what it is, its date, its licence, its sources."""
    from ..about import DESCRIPTION, LICENCE_NOTE, TITLE

    sources = "\n".join(f"- {s['title']} ({s['author']})" for s in kb.get("sources") or [])
    return (
        f"{TITLE}\n\n{DESCRIPTION}\n\nDonnées en date du {built}.\n{LICENCE_NOTE}\n\n"
        f"Sources :\n{sources}\n"
    )


def _zip(folder: Path, target: Path, readme: str) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder.name}/LISEZMOI.txt", readme)
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, f"{folder.name}/{path.name}")
