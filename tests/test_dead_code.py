"""No dead code: vulture, run as CI runs it, finds nothing beyond what only frameworks use
(the list in .ci/vulture-allowed.py, each line saying where)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vulture_finds_no_dead_code() -> None:
    command = [sys.executable, "-m", "vulture", "src", "tests", ".ci/vulture-allowed.py"]
    result = subprocess.run(
        [*command, "--min-confidence", "60"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_vulture_would_find_a_function_nothing_calls(tmp_path: Path) -> None:
    """The check can fail: a function no one calls is reported."""
    module = tmp_path / "orphan.py"
    module.write_text("def never_called() -> int:\n    return 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "vulture", str(module), "--min-confidence", "60"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "never_called" in result.stdout
