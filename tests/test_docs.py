"""The documentation tells the truth: commands, quick start, exit codes, dictionary."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, Cli
from coopkb.cli import app
from coopkb.validation.data_dictionary import markdown, undocumented

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(n for n, c in group.commands.items() if not c.hidden)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_the_readme() -> None:
    commands = _commands()
    assert commands == sorted(
        [
            "diff",
            "events",
            "export",
            "federations",
            "list",
            "missions",
            "new",
            "organisations",
            "people",
            "programmes",
            "roadmaps",
            "schema",
            "search",
            "show",
            "stats",
            "timeline",
            "validate",
            "values",
        ]
    )
    for command in commands:
        assert f"`coopkb {command}" in README or f"`{command}`" in README, command


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", quick, re.S)
    assert [b.strip() for b in blocks] == [
        "pip install . && coopkb list --region Estrie",
        'pip install -e ".[test]" && python -m pytest',
    ]
    assert "<!-- test-command -->\n```bash\n" + blocks[1] in quick
    assert "test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _readme_exit_codes() -> dict[int, str]:
    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = [
        line.strip("|").split("|", 1)
        for line in section.splitlines()
        if line[:3] == "| " + line[2:3]
    ]
    return {int(code): meaning.strip(" |") for code, meaning in rows if code.strip().isdigit()}


def test_exit_codes_in_readme_match_the_cli(cli: Cli) -> None:
    from coopkb import cli as package

    table = _readme_exit_codes()
    assert sorted(table) == [
        package.EXIT_OK,
        package.EXIT_DATA,
        package.EXIT_USAGE,
        package.EXIT_INTERNAL,
    ]
    # each code means what the README says, as a user meets it
    assert table[0].startswith("success") and cli("missions", "--year", "2019").code == 0
    assert table[1].startswith("invalid data") and cli("show", "no-such-coop").code == 1
    assert table[2].startswith("usage error") and cli("list", "--no-such-option").code == 2
    assert table[3].startswith("internal error")


def test_every_model_field_is_described() -> None:
    assert undocumented() == []


def test_contributing_data_dictionary_is_current() -> None:
    section = CONTRIBUTING.split("<!-- data-dictionary:start -->\n", 1)[1]
    section = section.split("<!-- data-dictionary:end -->", 1)[0]
    assert section == markdown(), "regenerate the data dictionary in CONTRIBUTING.md"


def test_contributing_template_is_a_valid_record(data_copy: Path, cli: Cli) -> None:
    template = CONTRIBUTING.split("<!-- template:start -->\n```yaml\n", 1)[1]
    template = template.split("```\n<!-- template:end -->", 1)[0]
    coops = data_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text(encoding="utf-8") + template, encoding="utf-8")
    evidence = CONTRIBUTING.split("<!-- evidence-template:start -->\n```yaml\n", 1)[1]
    evidence = evidence.split("```\n<!-- evidence-template:end -->", 1)[0]
    claims = data_copy / "cooperatives.evidence.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + evidence, encoding="utf-8")
    result = cli("--data-dir", str(data_copy), "validate")
    assert result.code == 0, result.stdout
    assert "21 cooperatives" in result.stdout


def test_readme_validate_example_is_what_validate_prints(data_copy: Path, cli: Cli) -> None:
    """The README's example error line is real output (at the line where Estrie first appears)."""
    coops = data_copy / "cooperatives.yaml"
    text = coops.read_text(encoding="utf-8")
    coops.write_text(text.replace("region: Estrie", "region: Estri", 1), encoding="utf-8")
    result = cli("--data-dir", str(data_copy), "validate")
    line = next(ln for ln in result.stdout.splitlines() if "error:" in ln)
    documented = next(ln for ln in README.splitlines() if "error: region 'Estri'" in ln)
    assert line.split(":", 1)[1] == documented.split(":", 1)[1]


def test_readme_new_example_is_what_new_prints(cli: Cli) -> None:
    """The README's `new person` example is the skeleton as printed, whole (it had drifted: an
    editor pasted an organisation and a source the command no longer fills in)."""
    command = '$ coopkb new person --slug marie-tremblay --name "Marie Tremblay"\n'
    documented = README.split(command, 1)[1].split("```", 1)[0]
    result = cli("new", "person", "--slug", "marie-tremblay", "--name", "Marie Tremblay")
    assert result.code == 0, result
    assert result.stdout == documented


def test_pre_commit_hook_manifest_names_the_documented_hook() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["coopkb-validate"]
    assert hooks[0]["entry"] == "coopkb validate" and hooks[0]["pass_filenames"] is False
    assert "id: coopkb-validate" in README


def test_ci_workflow_validates_pull_requests_with_github_annotations() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    steps = [s.get("run", "") for s in workflow["jobs"]["validate-data"]["steps"]]
    assert "coopkb validate --format github" in steps
    checkout = workflow["jobs"]["validate-data"]["steps"][0]
    # `coopkb diff` reads the base revision: the checkout must bring the history
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    # least privilege for every job; the diff is written even when validation failed
    for name in ("ci.yml", "pages.yml"):
        flow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text("utf-8"))
        assert "permissions" in flow, name
    assert workflow["permissions"] == {"contents": "read"}
    steps_of = workflow["jobs"]["validate-data"]["steps"]
    (diff_step,) = [s for s in steps_of if "diff" in s.get("run", "")]
    assert diff_step["if"] == "${{ !cancelled() }}"


def test_exit_codes_are_in_the_help(cli: Cli) -> None:
    help_text = " ".join(cli("--help").stdout.split())
    assert "Exit codes: 0 success" in help_text and "3 internal error" in help_text


GUIDE = (ROOT / "docs" / "guide.fr.md").read_text(encoding="utf-8")
# examples that need what the guide's reader has and a test has not: a git history to compare, an
# edited copy of the data, a folder of their own, the site's extra; their commands are checked
# by the other tests
_NOT_RUN = re.compile(r"coopkb (?:diff|export site)|après une faute|--data-dir coopkb-donnees")


def test_every_command_has_its_section_in_the_french_guide() -> None:
    """The user guide in French (docs/guide.fr.md) keeps up with the commands: each one, and
    each export, has its own heading."""
    for command in _commands():
        assert re.search(rf"^###+ `coopkb {command}", GUIDE, re.MULTILINE), command
    from coopkb.cli import EXPORTS

    for export in EXPORTS:
        assert re.search(rf"^#### `coopkb export {export}", GUIDE, re.MULTILINE), export


def test_every_example_of_the_french_guide_runs_as_it_says(tmp_path: Path) -> None:
    """Each ``$ coopkb …`` line of the guide runs on the shipped data with the exit code the guide
    gives (« code 1 » in its comment, else 0), in French: its options and values exist."""
    import shlex
    import shutil

    from conftest import DATA, run_coopkb

    shutil.copytree(DATA, tmp_path / "data")
    examples = [line[2:] for line in GUIDE.splitlines() if line.startswith("$ coopkb ")]
    assert len(examples) > 40
    ran = 0
    for example in examples:
        if _NOT_RUN.search(example):
            continue
        command, _hash, comment = example.partition("#")
        words = shlex.split(command.split(">")[0])[1:]
        expected = int(m.group(1)) if (m := re.search(r"code (\d)", comment)) else 0
        result = run_coopkb(*words, cwd=tmp_path, env={"LANG": "fr_CA.UTF-8"})
        assert result.returncode == expected, (example, result.stderr)
        ran += 1
    assert ran > 40
