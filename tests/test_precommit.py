"""The `coopkb-validate` hook through the real pre-commit, on a throwaway data repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow
def test_hook_accepts_a_good_edit_and_blocks_a_bad_one(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
    assert pre_commit is not None, "the test extra installs pre-commit: pip install -e '.[test]'"
    repo = tmp_path / "data-repo"
    shutil.copytree(EXAMPLES / "base", repo / "data")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": os.environ.get("PRE_COMMIT_HOME", str(tmp_path / "pc-home")),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "data"]):
        assert _run(*command, cwd=repo, env=env).returncode == 0

    def hook() -> subprocess.CompletedProcess[str]:
        subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
        return _run(pre_commit, "try-repo", str(ROOT), "coopkb-validate", cwd=repo, env=env)

    coops = repo / "data" / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("municipality: Racine", "municipality: Sherbrooke"))
    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "coopkb validate" in good.stdout and "Passed" in good.stdout

    coops.write_text(coops.read_text().replace("region: Estrie", "region: Estri"))
    bad = hook()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "data/cooperatives.yaml:6:13: error: region 'Estri'" in bad.stdout


@pytest.mark.slow
def test_this_repositorys_own_hook_guards_its_data(tmp_path: Path) -> None:
    """The repository's .pre-commit-config.yaml, as an editor of this repository runs it after
    `pre-commit install`: the installed coopkb validates the data folder."""
    pre_commit = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
    assert pre_commit is not None, "the test extra installs pre-commit: pip install -e '.[test]'"
    repo = tmp_path / "checkout"
    shutil.copytree(EXAMPLES / "base", repo / "data")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    env = {
        **os.environ,
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": os.environ.get("PRE_COMMIT_HOME", str(tmp_path / "pc-home")),
        "COOPKB_CACHE_DIR": str(tmp_path / "cache"),
    }
    assert _run("git", "init", "-q", cwd=repo, env=env).returncode == 0
    assert _run("git", "add", ".", cwd=repo, env=env).returncode == 0
    good = _run(pre_commit, "run", "--all-files", cwd=repo, env=env)
    assert good.returncode == 0 and "Passed" in good.stdout, good.stdout + good.stderr
    coops = repo / "data" / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("region: Estrie", "region: Estri"))
    bad = _run(pre_commit, "run", "--all-files", cwd=repo, env=env)
    assert bad.returncode == 1 and "region 'Estri'" in bad.stdout, bad.stdout + bad.stderr
