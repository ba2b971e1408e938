"""The GitHub workflows, read by the tools made for them (they never run here): the workflow
schema through check-jsonschema, and zizmor's audit (script injection, token permissions,
credentials left in the checkout, actions not pinned as .github/zizmor.yml says)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: it is in the test extra (pip install -e '.[test]')")
    return found


def _zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    config = ROOT / ".github" / "zizmor.yml"
    return subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--min-severity", "medium"]
        + ["--config", str(config), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "pages.yml"}


def test_the_workflows_follow_githubs_schema() -> None:
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
        + [str(p) for p in WORKFLOWS],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_at_medium_severity_or_above() -> None:
    """Ad-hoc `pip install` steps (low severity) are what the jobs are for, and stay."""
    result = _zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_does_fail_on_a_workflow_that_injects_a_branch_name(tmp_path: Path) -> None:
    """The audit can fail: the diff step as it was written before (the base branch's name
    expanded into the script) is refused."""
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    before = text.replace('"origin/$BASE_REF"', '"origin/${{ github.base_ref }}"')
    assert before != text
    flows = tmp_path / ".github" / "workflows"
    flows.mkdir(parents=True)
    (flows / "ci.yml").write_text(before, "utf-8")
    result = _zizmor(flows / "ci.yml")
    assert result.returncode != 0
    assert "template-injection" in result.stdout + result.stderr
