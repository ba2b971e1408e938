"""Every output whole or not at all, never over what the user did not name (writing.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import Cli, run_coopkb
from coopkb.writing import FileSet, WriteError, clean_leftovers


def _export(cli: Cli, base: Path, *args: str) -> tuple[int, str]:
    result = cli("--data-dir", str(base), "export", *args)
    return result.code, result.stderr


def test_export_json_never_replaces_a_schema_it_was_not_asked_to(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    schema = tmp_path / "cooperatives.schema.json"
    schema.write_text("the editors' schema\n", "utf-8")
    code, err = _export(cli, base_copy, "json", str(tmp_path / "cooperatives.json"))
    assert code == 1 and "cooperatives.schema.json exists" in err
    assert schema.read_text("utf-8") == "the editors' schema\n"
    assert not (tmp_path / "cooperatives.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cooperatives.schema.json"]


def test_the_metadata_is_never_replaced_without_overwrite(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    meta = tmp_path / "kb.metadata.json"
    meta.write_text("mine\n", "utf-8")
    code, err = _export(cli, base_copy, "sqlite", str(tmp_path / "kb.db"))
    assert code == 1 and "kb.metadata.json exists" in err
    assert meta.read_text("utf-8") == "mine\n" and not (tmp_path / "kb.db").exists()


def test_the_metadata_cannot_be_the_database(base_copy: Path, tmp_path: Path, cli: Cli) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    db = tmp_path / "kb3.db"
    code, err = _export(cli, base_copy, "sqlite", str(db), "--metadata", str(db), "--overwrite")
    assert code == 1 and "named twice" in err
    assert list(tmp_path.iterdir()) == []


def test_no_output_goes_through_a_symbolic_link(base_copy: Path, tmp_path: Path, cli: Cli) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    link = tmp_path / "kb.metadata.json"
    link.symlink_to(victim)
    code, err = _export(cli, base_copy, "sqlite", str(tmp_path / "kb.db"), "--overwrite")
    assert code == 1 and "symbolic link" in err
    assert victim.read_text("utf-8") == "keep me\n" and link.is_symlink()
    assert not (tmp_path / "kb.db").exists()


def test_no_output_replaces_a_data_file(base_copy: Path, cli: Cli) -> None:
    data = base_copy / "cooperatives.yaml"
    before = data.read_bytes()
    code, err = _export(
        cli, base_copy, "sqlite", str(base_copy / "kb.db"), "--metadata", str(data), "--overwrite"
    )
    assert code == 1 and "data files" in err
    assert data.read_bytes() == before and not (base_copy / "kb.db").exists()


def test_a_fifo_target_is_refused_without_blocking(base_copy: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "kb.json"
    os.mkfifo(fifo)
    result = run_coopkb(
        "--data-dir", str(base_copy), "export", "json", str(fifo), "--overwrite", timeout=30
    )
    assert result.returncode == 1 and "not an ordinary file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_csv_overwrite_leaves_no_table_of_the_old_export(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    from conftest import DATA

    folder, fresh = tmp_path / "tables", tmp_path / "fresh"
    assert cli("--data-dir", str(DATA), "export", "csv", str(folder)).code == 0
    assert cli("--data-dir", str(DATA), "export", "csv", str(tmp_path / "before")).code == 0
    assert _export(cli, base_copy, "csv", str(fresh))[0] == 0
    assert _export(cli, base_copy, "csv", str(folder), "--overwrite")[0] == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p in fresh.iterdir())
    assert len(names) < len(list((tmp_path / "before").iterdir()))
    for name in names:
        assert (folder / name).read_bytes() == (fresh / name).read_bytes()


def test_a_set_that_fails_replaces_nothing(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("old\n", "utf-8")
    with pytest.raises(WriteError):
        with FileSet(overwrite=True) as files:
            files.add_text(first, "new\n")
            files.add_text(tmp_path / "missing-folder" / "b.csv", "new\n")
            files.commit()
    assert first.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_leftovers_of_a_killed_run_are_cleaned(tmp_path: Path) -> None:
    dead = subprocess.run(["true"], check=True)
    assert dead.returncode == 0
    gone = subprocess.Popen(["true"])
    gone.wait()
    stale = tmp_path / f".kb.db.coopkb-{gone.pid}-0badc0de.tmp"
    live = tmp_path / f".kb.db.coopkb-{os.getppid()}-0badc0de.tmp"
    unrelated = tmp_path / ".kb.db.someone-else.tmp"
    for path in (stale, live, unrelated):
        path.write_bytes(b"x" * 1000)
    clean_leftovers(tmp_path)
    assert not stale.exists() and live.exists() and unrelated.exists()


def test_exports_follow_the_umask(base_copy: Path, tmp_path: Path) -> None:
    import shutil
    import sys

    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable))
    target = tmp_path / "kb.json"
    subprocess.run(
        ["bash", "-c", f"umask 027 && '{exe}' --data-dir '{base_copy}' export json '{target}'"],
        check=True,
        capture_output=True,
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "kb.schema.json").stat().st_mode) == 0o640


def test_a_database_open_in_wal_mode_is_not_overwritten(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    db = tmp_path / "kb.db"
    assert _export(cli, base_copy, "sqlite", str(db))[0] == 0
    holder = sqlite3.connect(db)
    try:
        holder.execute("pragma journal_mode=wal")
        holder.execute("create table mine(x)")
        holder.execute("insert into mine values (1)")
        holder.commit()
        assert (tmp_path / "kb.db-wal").exists()
        code, err = _export(cli, base_copy, "sqlite", str(db), "--overwrite")
        assert code == 1 and "kb.db-wal" in err
        assert holder.execute("pragma integrity_check").fetchone() == ("ok",)
        assert holder.execute("select x from mine").fetchall() == [(1,)]
    finally:
        holder.close()
    # closed, the log is folded back and gone: the export may replace the file
    assert _export(cli, base_copy, "sqlite", str(db), "--overwrite")[0] == 0
    with sqlite3.connect(db) as fresh:
        assert fresh.execute("pragma integrity_check").fetchone() == ("ok",)
        names = {r[0] for r in fresh.execute("select name from sqlite_master")}
    assert "mine" not in names
    json.loads((tmp_path / "kb.metadata.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        ("export", "sqlite", "a" * 300 + ".db"),
        ("export", "csv", "a" * 300),
        ("export", "json", "a" * 300 + ".json"),
    ],
    ids=["sqlite", "csv", "json"],
)
def test_a_name_too_long_is_a_one_line_error(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_coopkb(*args, cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "internal error" not in result.stderr
    french = run_coopkb(
        *args, cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c"), "COOPKB_LANG": "fr"}
    )
    assert "nom de fichier trop long" in french.stderr, french.stderr


@pytest.mark.parametrize(
    "args", [("export", "csv", ""), ("schema", "--output-dir", ""), ("--data-dir", "", "list")]
)
def test_an_empty_folder_name_is_a_usage_error(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_coopkb(*args, cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 2, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "c") == []


def test_schema_says_which_files_it_replaced(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "sd"
    folder.mkdir()
    (folder / "cooperatives.schema.json").write_text("{}\n", "utf-8")
    result = cli("schema", "--output-dir", str(folder))
    assert result.code == 0
    assert f"replaced {folder}/cooperatives.schema.json" in result.stderr
    assert f"wrote {folder}/missions.schema.json" in result.stderr


def test_a_csv_folder_that_is_a_link_or_a_fifo_is_named_as_such(
    base_copy: Path, tmp_path: Path, cli: Cli
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    os.mkfifo(tmp_path / "fifo")
    code, err = _export(cli, base_copy, "csv", str(tmp_path / "link"), "--overwrite")
    assert code == 1 and "symbolic link" in err
    code, err = _export(cli, base_copy, "csv", str(tmp_path / "fifo"))
    assert code == 1 and "pipe" in err
    assert list((tmp_path / "real").iterdir()) == []


def test_file_names_in_messages_are_escaped(base_copy: Path, tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "a\u200b\x1b[31m.json"
    code, err = _export(cli, base_copy, "json", str(target))
    assert code == 0
    assert "\x1b" not in err and "\\x1b" in err


@pytest.mark.parametrize("name", ["p.txt/", "nodir/", ".", ""])
def test_a_file_argument_naming_a_folder_is_refused(
    name: str, base_copy: Path, tmp_path: Path
) -> None:
    (tmp_path / "p.txt").write_text("precious\n", "utf-8")
    for args in (
        ["export", "json", name, "--overwrite"],
        ["export", "sqlite", "kb.db", "--metadata", name],
    ):
        result = run_coopkb(
            "--data-dir",
            str(base_copy),
            *args,
            cwd=tmp_path,
            env={"COOPKB_CACHE_DIR": str(tmp_path / "c")},
        )
        assert result.returncode == 2, result.stderr
        assert repr(name) in result.stderr
    assert (tmp_path / "p.txt").read_text("utf-8") == "precious\n"
    assert not (tmp_path / "nodir").exists() and not (tmp_path / "kb.db").exists()
