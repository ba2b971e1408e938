"""One real subprocess per command: the installed console script, as a shell runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_coopkb


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["list", "--region", "Estrie"], "la-brunante"),
        (["show", "la-brunante"], "La Brunante"),
        (["missions", "--year", "2017"], "mission-3"),
        (["federations", "--sector", "travailleurs"], "Réseau de la coopération du travail"),
        (["search", "édouard"], "lac-edouard"),
        (["stats"], "Cooperatives per region"),
        (["validate"], "valid: 3 files"),
        (["schema", "missions"], '"title": "coopkb missions.yaml"'),
        (["--version"], "coopkb "),
    ],
    ids=lambda v: v[0] if isinstance(v, list) else None,
)
def test_command_runs_in_a_real_process(args: list[str], expect: str, tmp_path: Path) -> None:
    result = run_coopkb(*args, cwd=ROOT, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 0, result.stderr
    assert expect in result.stdout
    assert "\x1b[" not in result.stdout  # piped: no escape codes


def test_installed_copy_is_used_outside_a_checkout(tmp_path: Path) -> None:
    """From a folder without data/, coopkb falls back to the data bundled with the package."""
    result = run_coopkb("validate", cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 0, result.stderr
    assert "(from bundled)" in result.stdout
    env = {"COOPKB_CACHE_DIR": str(tmp_path / "c")}

    def estrie(cwd: Path) -> list[str]:
        listed = run_coopkb("list", "--region", "estrie", "--format", "json", cwd=cwd, env=env)
        return [r["slug"] for r in json.loads(listed.stdout)]

    bundled = estrie(tmp_path)
    assert "la-brunante" in bundled
    assert bundled == estrie(ROOT)


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    for args, code in (
        (["show", "nope-nope"], 1),
        (["lst"], 2),
        (["list", "--kind", "x"], 1),
        (["validate", "--data-dir", str(tmp_path)], 1),
    ):
        result = run_coopkb(*args, cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess
    import sys

    # Far more than a pipe buffer (64 KiB): the reader has gone long before coopkb is done
    # writing, so the write really meets a closed pipe (8 KB fitted in the buffer, unread).
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "example-files" / "base", data)
    many = "".join(
        f"  - slug: coop-{i}\n    name: Coopérative numéro {i} de la longue liste\n"
        f"    country: Canada\n    region: Estrie\n    sources: [source-test]\n"
        for i in range(3000)
    )
    with (data / "cooperatives.yaml").open("a", encoding="utf-8") as handle:
        handle.write(many)
    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable))
    command = f"'{exe}' --data-dir '{data}' list --format json | head -c 10 >/dev/null"
    full = subprocess.run(
        [exe or "coopkb", "--data-dir", str(data), "list", "--format", "json"],
        capture_output=True,
        check=False,
        env={**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "c")},
    )
    assert full.returncode == 0 and len(full.stdout) > 10 * 65536, full.stderr
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "c")},
    )
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("coopkb li", 1, "list"),
        ("coopkb list --reg", 2, "--region"),
        ("coopkb show la-bru", 2, "la-brunante"),
        ("coopkb list --region Cap", 3, "Capitale-Nationale"),
    ],
)
def test_shell_completion_of_commands_options_slugs_and_regions(
    words: str, cword: int, expected: str, tmp_path: Path
) -> None:
    env = {
        "_COOPKB_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        "COOPKB_CACHE_DIR": str(tmp_path / "c"),
    }
    result = run_coopkb(cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.split()


def _run_in_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run coopkb with a pseudo-terminal as stdout and stderr, as a person at a terminal would."""
    import os
    import pty
    import shutil
    import subprocess
    import sys

    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [exe, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "80", **env},
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return process.wait(timeout=60), output.decode("utf-8", "replace")


def test_validate_shows_its_steps_on_a_terminal(tmp_path: Path) -> None:
    code, output = _run_in_terminal(["validate"], ROOT, {"COOPKB_CACHE_DIR": str(tmp_path)})
    assert code == 0
    assert "━" in output  # the progress bar (small data finishes before a step is redrawn)
    assert "valid: 3 files" in output


def test_colour_on_a_terminal_and_none_with_no_color(tmp_path: Path) -> None:
    env = {"COOPKB_CACHE_DIR": str(tmp_path)}
    code, output = _run_in_terminal(["stats"], ROOT, env)
    assert code == 0 and "\x1b[" in output
    code, plain = _run_in_terminal(["stats"], ROOT, {**env, "NO_COLOR": "1"})
    assert code == 0 and "\x1b[36m" not in plain


def _broken_checkout(root: Path) -> Path:
    """A checkout whose data/cooperatives.yaml has just been broken by an edit."""
    import shutil

    from conftest import EXAMPLES

    data = root / "checkout" / "data"
    shutil.copytree(EXAMPLES / "base", data)
    (root / "checkout" / "docs" / "notes").mkdir(parents=True)
    text = (data / "cooperatives.yaml").read_text("utf-8")
    (data / "cooperatives.yaml").write_text(text + "\nnot-a-field: 1\n", "utf-8")
    return data


@pytest.mark.parametrize("where", ["data", "docs/notes", "."])
def test_validate_checks_the_files_being_edited_from_any_folder(where: str, tmp_path: Path) -> None:
    """``cd data && coopkb validate`` once said "valid" about the bundled copy."""
    data = _broken_checkout(tmp_path)
    cwd = (data.parent / where).resolve()
    result = run_coopkb("validate", cwd=cwd, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cooperatives.yaml" in result.stdout
    assert "bundled" not in result.stdout + result.stderr
    reported = result.stdout.split(":", 1)[0]
    assert (cwd / reported).resolve() == (data / "cooperatives.yaml").resolve()


def test_validate_outside_a_checkout_says_loudly_which_copy(tmp_path: Path) -> None:
    for lang, word in (("en", "Warning: no data folder"), ("fr", "Attention\u00a0: aucun dossier")):
        result = run_coopkb(
            "validate",
            cwd=tmp_path,
            env={"COOPKB_CACHE_DIR": str(tmp_path / "c"), "COOPKB_LANG": lang},
        )
        assert result.returncode == 0
        assert result.stderr.startswith(word), result.stderr
        assert "--data-dir" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_data_dir_that_is_no_folder_is_a_usage_error(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "nope"
    if kind == "file":
        target.write_text("x", "utf-8")
    for args in (["--data-dir", str(target), "list"], ["validate", "--data-dir", str(target)]):
        result = run_coopkb(*args, cwd=tmp_path, env={"COOPKB_CACHE_DIR": str(tmp_path / "c")})
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert str(target) in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3])
def test_ctrl_c_at_any_moment_is_quiet(delay: float, tmp_path: Path) -> None:
    """From the moment coopkb's own code runs (entry.py). Earlier, in the first ~30 ms, CPython is
    still importing its site module, then pip's console-script wrapper its `re`: they report the
    interrupt their own way, and no code of a program can run before them."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    exe = shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"
    env = {**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "c")}
    startup = []  # how long this machine, now, takes to start Python itself
    for _ in range(3):
        began = time.monotonic()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        startup.append(time.monotonic() - began)
    delay += 2 * max(startup) + 0.01
    process = subprocess.Popen(
        [exe, "--no-cache", "list"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert process.returncode in (0, 130, -signal.SIGINT), (process.returncode, err)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_bug_is_one_line_and_exit_3_never_a_traceback(lang: str, tmp_path: Path) -> None:
    """An unexpected exception deep in a command (a bug planted in the real package, in a
    real process) ends as the documented exit 3 with one line asking for a report."""
    import os
    import subprocess
    import sys

    planted = (
        "import sys, coopkb.query.records as records\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('planted bug')\n"
        "records.find_record = broken\n"
        "from coopkb.entry import main\n"
        f"sys.argv = ['coopkb', '--lang', '{lang}', 'show', 'la-brunante']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", planted],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "c")},
    )
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert "planted bug" in result.stderr and "RuntimeError" in result.stderr
    assert ("internal error" if lang == "en" else "erreur interne") in result.stderr
