"""Shared fixtures: the real data, isolated caches, and the CLI run as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopkb.cli import app

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"  # read by the data tests only (tests/test_data_coverage.py)
KB_ROOT = Path(__file__).resolve().parent / "kb"
DATA = KB_ROOT / "data"  # the code tests' knowledge base: a frozen copy, see tests/kb/README.md
EXAMPLES = Path(__file__).resolve().parent / "example-files"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache, a fixed 80-column terminal and no colour by default, and runs
    from tests/kb, so that the data a command finds from here (./data) is the tests' own base, not
    the shipped data an editor may have just changed."""
    monkeypatch.chdir(KB_ROOT)
    monkeypatch.setenv("COOPKB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.setenv("COOPKB_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LANG", "C.UTF-8")  # English unless a test asks for French
    from coopkb.i18n import set_language

    set_language("en")  # a French CLI run before must not leak into a direct call
    for name in (
        "COOPKB_DATA_DIR",
        "COOPKB_NO_CACHE",
        "NO_COLOR",
        "FORCE_COLOR",
        "COOPKB_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    """A private copy of the minimal valid fixture set."""
    target = tmp_path / "base"
    shutil.copytree(EXAMPLES / "base", target)
    return target


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Result:
        result = self.runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)


class Result:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def __repr__(self) -> str:
        return f"Result(code={self.code}, stdout={self.stdout[-400:]!r}, stderr={self.stderr!r})"


@pytest.fixture
def cli() -> Iterator[Cli]:
    yield Cli()


def run_coopkb(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The installed console script in a real subprocess (as a shell would run it)."""
    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [exe, *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests (real subprocesses, pre-commit, Datasette) run in CI and when asked for
    (``-m slow``, or ``COOPKB_SLOW=1``); a local run leaves them out to stay quick."""
    if os.environ.get("CI") or os.environ.get("COOPKB_SLOW") or config.getoption("markexpr"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
