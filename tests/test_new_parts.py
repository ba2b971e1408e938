"""The dry run of CONTRIBUTING.md ("Adding a field or a kind"): a reference inside a timeline
step (``Step.partner``) and a new kind of record (``publication``), added with edits to the
models, the table of kinds, the labels and the data only, are handled by every command and
export.

The package is copied to a temporary folder, edited there as a maintainer would, its generated
tables regenerated (``python -m coopkb.validation.graph``), and the copy run in real
subprocesses on the fixture base.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import coopkb

EXAMPLES = Path(__file__).parent / "example-files" / "base"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path.name}: {old!r} is no longer there; update the dry run"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _edited_package(root: Path) -> Path:
    package = root / "coopkb"
    shutil.copytree(
        Path(coopkb.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    # 1. the models: a reference inside a step, and the new kind's model in its file's model
    step = (
        "    event: Text\n    date: PartialDate | None = None\n    end: PartialDate | None = None\n"
    )
    _edit(
        package / "validation" / "parts.py",
        step,
        step + '    partner: Annotated[Ref, RefTo(ORGS, "step partner of")] | None = None\n',
    )
    _edit(
        package / "validation" / "parts.py",
        "from ..i18n import _\n",
        "from ..graph import ORGS, RefTo\nfrom ..i18n import _\n",
    )
    _edit(package / "validation" / "parts.py", "    PartialDate,\n", "    PartialDate,\n    Ref,\n")
    _edit(
        package / "validation" / "models.py",
        "class CooperativesFile(Model):",
        "class Publication(Record):\n"
        "    date: PartialDate | None = None\n"
        '    publisher: Annotated[Ref, RefTo(ORGS, "publications")] | None = None\n'
        "    description: Text | None = None\n"
        "    sources: list[Slug] = some()\n\n\n"
        "class CooperativesFile(Model):",
    )
    _edit(
        package / "validation" / "models.py",
        "    events: list[Event] = many()\n\n\nclass MissionsFile(Model):",
        "    events: list[Event] = many()\n    publications: list[Publication] = many()\n\n\n"
        "class MissionsFile(Model):",
    )
    # 2. the table of kinds: one row
    _edit(
        package / "kinds.py",
        '    Kind(\n        "source",',
        '    Kind("publication", "publications", "list", (_FED,), "Publication", "publications",\n'
        '         N_("publication"), ("{count} publication", "{count} publications"),\n'
        '         start="date"),\n'
        '    Kind(\n        "source",',
    )
    # 3. the meanings and labels of the new fields and links
    _edit(
        package / "validation" / "meanings.py",
        "MEANINGS: dict[str, str] = {\n",
        "MEANINGS: dict[str, str] = {\n"
        '    "partner": "Slug of the organisation the step was taken with.",\n'
        '    "publisher": "Slug of the organisation that published it.",\n'
        '    "publications": "The list of publications.",\n',
    )
    _edit(
        package / "labels.py",
        "FIELD_LABELS: dict[str, str] = {\n",
        "FIELD_LABELS: dict[str, str] = {\n"
        '    "partner": N_("partner"),\n'
        '    "publisher": N_("publisher"),\n'
        '    "publications": N_("publications"),\n'
        '    "step partner of": N_("step partner of"),\n',
    )
    # 4. the generated tables (graph.py, parts.py), as CONTRIBUTING.md says
    subprocess.run(
        [sys.executable, "-m", "coopkb.validation.graph"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=True,
        capture_output=True,
    )
    return root


def _edited_data(folder: Path) -> Path:
    shutil.copytree(EXAMPLES, folder)
    _edit(
        folder / "cooperatives.yaml",
        "      - event: Groupe de promoteurs.\n        date: 1998\n",
        "      - event: Groupe de promoteurs.\n        date: 1998\n        partner: polecn\n",
    )
    with (folder / "federations.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "publications:\n"
            "  - slug: guide-test\n"
            "    name: Guide de démarrage\n"
            "    date: 2019-05\n"
            "    publisher: cqcm\n"
            "    sources: [source-test]\n"
        )
    return folder


@pytest.fixture(scope="module")
def dry_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("dry-run")
    return _edited_package(root / "src"), _edited_data(root / "data")


def _run(
    dry: tuple[Path, Path], *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    package, data = dry
    env = {
        **os.environ,
        "PYTHONPATH": str(package),
        "COOPKB_DATA_DIR": str(data),
        "COOPKB_NO_CACHE": "1",
        "COLUMNS": "100",
        "LANG": "C.UTF-8",
    }
    env.pop("COOPKB_LANG", None)
    code = "import sys; from coopkb.entry import main; sys.argv[0] = 'coopkb'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "--lang", "en", *args],
        cwd=cwd or package,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_copy_runs_the_edited_models(dry_run: tuple[Path, Path]) -> None:
    package, _data = dry_run
    generated = (package / "coopkb" / "parts.py").read_text("utf-8")
    assert 'Part("step", "partner", "reference"' in generated
    assert 'Part("publication", "publisher", "reference"' in generated


def test_validate_checks_the_new_reference_and_kind(
    dry_run: tuple[Path, Path], tmp_path: Path
) -> None:
    _ok(_run(dry_run, "validate"))
    broken = shutil.copytree(dry_run[1], tmp_path / "broken")
    _edit(broken / "cooperatives.yaml", "partner: polecn", "partner: polecm")
    result = _run(dry_run, "--data-dir", str(broken), "validate")
    assert result.returncode == 1
    assert "cooperatives.yaml:" in result.stdout + result.stderr
    assert "polecn" in result.stdout + result.stderr  # did you mean


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "yaml", "csv"])
def test_show_prints_the_step_partner_in_every_format(
    dry_run: tuple[Path, Path], output_format: str
) -> None:
    out = _ok(_run(dry_run, "show", "la-brunante", "--format", output_format))
    assert "polecn" in out
    if output_format == "csv":
        assert "POLECN [polecn]" in out  # the reference read by name, as every reference
    elif output_format in ("table", "markdown"):  # and, for people, where it stands
        assert re.search(r"POLECN \([^)]*Canada\) \[polecn\]", out.replace("\n", " ")), out


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "yaml", "csv"])
def test_show_prints_a_record_of_the_new_kind(
    dry_run: tuple[Path, Path], output_format: str
) -> None:
    out = _ok(_run(dry_run, "show", "guide-test", "--format", output_format))
    assert "Guide de démarrage" in out
    if output_format in ("table", "markdown"):
        assert "publication" in out and "Conseil québécois" in out


def test_reverse_links_name_the_new_references(dry_run: tuple[Path, Path]) -> None:
    out = _ok(_run(dry_run, "show", "polecn"))
    assert "step partner of" in out and "La Brunante" in out
    out = _ok(_run(dry_run, "show", "cqcm"))
    assert "publications" in out and "Guide de démarrage" in out


def test_list_csv_keeps_the_steps_readable(dry_run: tuple[Path, Path]) -> None:
    out = _ok(_run(dry_run, "list", "--format", "csv"))
    assert "1998: Groupe de promoteurs. — POLECN [polecn]" in out


def test_exports_hold_the_new_reference_and_kind(
    dry_run: tuple[Path, Path], tmp_path: Path
) -> None:
    _ok(_run(dry_run, "export", "sqlite", str(tmp_path / "kb.db")))
    db = sqlite3.connect(tmp_path / "kb.db")
    steps = db.execute(
        "select record, event, partner_slug from timeline order by position"
    ).fetchall()
    assert ("la-brunante", "Groupe de promoteurs.", "polecn") in steps
    foreign = {tuple(row[2:5]) for row in db.execute("pragma foreign_key_list(timeline)")}
    assert ("records", "partner_slug", "slug") in foreign
    assert db.execute("select name, publisher from publications").fetchall() == [
        ("Guide de démarrage", "cqcm")
    ]
    db.close()
    _ok(_run(dry_run, "export", "csv", str(tmp_path / "csv")))
    assert "guide-test" in (tmp_path / "csv" / "publications.csv").read_text("utf-8")
    assert "partner_slug" in (tmp_path / "csv" / "timeline.csv").read_text("utf-8")
    _ok(_run(dry_run, "export", "json", str(tmp_path / "kb.json")))
    whole = json.loads((tmp_path / "kb.json").read_text("utf-8"))
    assert whole["publications"][0]["slug"] == "guide-test"


def test_queries_find_the_new_kind(dry_run: tuple[Path, Path]) -> None:
    assert "Guide de démarrage" in _ok(_run(dry_run, "search", "guide"))
    assert "Guide de démarrage" in _ok(_run(dry_run, "timeline", "--from", "2019"))
    assert "Guide de démarrage" in _ok(_run(dry_run, "search", "mai 2019"))
    assert "publication" in _ok(_run(dry_run, "stats"))
    assert "publisher" in _ok(_run(dry_run, "new", "publication"))


def test_diff_reads_a_change_of_the_step_partner(
    dry_run: tuple[Path, Path], tmp_path: Path
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    data = shutil.copytree(dry_run[1], tmp_path / "repo")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=data, check=True)
    subprocess.run([*git, "add", "."], cwd=data, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=data, check=True)
    _edit(data / "cooperatives.yaml", "partner: polecn", "partner: co-actions")
    result = _run(dry_run, "--data-dir", str(data), "diff", "HEAD", cwd=data)
    assert "la-brunante.timeline (1) › partner: polecn → co-actions" in _ok(result)
