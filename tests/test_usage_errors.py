"""Every command and sub-command, used wrongly the ways people do, as real subprocesses on the
installed Typer: a required argument left out, an option without its value, an unknown option,
an extra argument. Each gets exit 2 and one line in the user's language, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typer.main

from conftest import ROOT, run_coopkb
from coopkb.cli import app

ENGLISH_WORDS = ("Error:", "Missing", "requires", "No such", "unexpected", "Try ")


def _commands() -> Iterator[tuple[list[str], object]]:
    """(path, Click command) of every visible leaf command, ``export sqlite`` included."""
    root = typer.main.get_command(app)
    stack: list[tuple[list[str], object]] = [([], root)]
    while stack:
        path, command = stack.pop()
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                if not getattr(child, "hidden", False):
                    stack.append(([*path, name], child))
        elif path:
            yield path, command


def _cases() -> list[tuple[str, list[str]]]:
    cases: list[tuple[str, list[str]]] = []
    for path, command in sorted(_commands(), key=lambda item: item[0]):
        params = list(getattr(command, "params", []))
        arguments = [p for p in params if p.param_type_name == "argument"]
        required = [p for p in arguments if p.required]
        filled = ["x"] * len(required)
        name = " ".join(path)
        if required:
            cases.append((f"{name}: argument missing", path))
        takes_value = [
            p
            for p in params
            if p.param_type_name == "option" and not p.is_flag and not p.count and p.opts
        ]
        for option in takes_value:
            cases.append(
                (f"{name}: {option.opts[0]} without value", [*path, *filled, option.opts[0]])
            )
        cases.append((f"{name}: unknown option", [*path, *filled, "--zzz-nope"]))
        if not any(p.nargs == -1 for p in arguments):
            optional = len(arguments) - len(required)
            extra = [*filled, *(["y"] * optional), "extra-word"]
            cases.append((f"{name}: extra argument", [*path, *extra]))
    # global options after the command, their value forgotten or given to a flag
    cases += [
        ("global --data-dir at the end", ["list", "--region", "Estrie", "--data-dir"]),
        ("global --lang at the end", ["list", "--lang"]),
        ("global flag given a value", ["list", "--no-pager=yes"]),
        ("global flag given a value, before", ["--no-pager=yes", "list"]),
        ("no such command", ["lisst"]),
    ]
    return cases


CASES = _cases()


def test_the_cases_cover_every_command() -> None:
    names = {" ".join(path) for path, _command in _commands()}
    assert {
        "show",
        "search",
        "values",
        "new",
        "export sqlite",
        "export json",
        "export csv",
    } <= names
    covered = {label.split(":")[0] for label, _args in CASES}
    assert names <= covered


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_misuse_is_one_line_exit_2(lang: str, tmp_path: Path) -> None:
    env = {"COOPKB_CACHE_DIR": str(tmp_path / "cache"), "COOPKB_LANG": lang, "PAGER": "cat"}

    def run(case: tuple[str, list[str]]) -> tuple[str, list[str], int, str, str]:
        label, args = case
        result = run_coopkb(*args, cwd=tmp_path, env=env)
        return label, args, result.returncode, result.stdout, result.stderr

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(run, CASES))
    failures = []
    for label, args, code, stdout, stderr in outcomes:
        lines = stderr.splitlines()
        wrong = (
            code != 2
            or "Traceback" in stderr
            or len(lines) != 1
            or stdout
            or (lang == "fr" and any(word in stderr for word in ENGLISH_WORDS))
            or (lang == "fr" and not stderr.startswith("Erreur\u00a0: "))
            or (lang == "en" and not stderr.startswith("Error: "))
        )
        if wrong:
            failures.append(f"{label} {args}: exit {code}, stderr {stderr!r}, stdout {stdout!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.slow
def test_missing_arguments_name_the_argument_in_each_language(tmp_path: Path) -> None:
    env = {"COOPKB_CACHE_DIR": str(tmp_path / "cache")}
    english = run_coopkb("show", cwd=ROOT, env={**env, "COOPKB_LANG": "en"})
    french = run_coopkb("show", cwd=ROOT, env={**env, "COOPKB_LANG": "fr"})
    assert english.stderr.startswith("Error: Missing argument 'NAME'.")
    assert french.stderr.startswith("Erreur\u00a0: argument manquant\u00a0: «\u00a0NOM\u00a0».")


def _shell(command: str, tmp_path: Path) -> tuple[int, str, str]:
    import os
    import subprocess
    import sys

    exe = os.path.join(os.path.dirname(sys.executable), "coopkb")
    env = {**os.environ, "COOPKB_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        ["bash", "-c", command.replace("coopkb", f"'{exe}'")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.slow
def test_closed_streams(tmp_path: Path) -> None:
    code, out, _err = _shell("coopkb list --format json 2>&-", tmp_path)
    assert code == 0 and out.startswith("[")
    code, _out, err = _shell("coopkb --lang fr list --bogus >&-", tmp_path)
    assert code == 2 and err.startswith("Erreur\u00a0: option inconnue")
    code, _out, err = _shell("coopkb --lang fr list >&-", tmp_path)
    assert (
        code == 1
        and err == "Erreur\u00a0: impossible d'écrire la sortie\u00a0: la sortie est fermée.\n"
    )


@pytest.mark.slow
def test_groups_without_their_command(tmp_path: Path) -> None:
    code, out, err = _shell("coopkb --lang fr export", tmp_path)
    assert code == 2 and err.count("\n") == 1 and "commande manquante" in err
    code, out, err = _shell("coopkb --lang fr export bogus", tmp_path)
    assert code == 2 and "commande inconnue «\u00a0bogus\u00a0»" in err
    code, out, err = _shell("coopkb", tmp_path)
    assert code == 0 and "Usage: coopkb" in out and err == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "line", ["coopkb --lang fr --lang xx show zzz", "coopkb --lang fr list --lang xx"]
)
def test_every_language_given_is_checked(line: str, tmp_path: Path) -> None:
    code, _out, err = _shell(line, tmp_path)
    assert code == 2 and "'xx'" in err
