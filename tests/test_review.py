"""Reviewing data edits: `coopkb diff` on real git repositories, and `coopkb new` skeletons."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, Cli, run_coopkb
from coopkb.layout import DATA_FILES
from coopkb.output.diff import LONG_TEXT, changed_words

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.invalid", "-c", "user.name=test", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "base", root / "data")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "base")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _diff(cli: Cli, repo: Path, *args: str) -> list[dict[str, object]]:
    result = cli("--data-dir", str(repo / "data"), "diff", *args, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_changed_field_is_reported_field_by_field(repo: Path, cli: Cli) -> None:
    _edit(repo / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    assert _diff(cli, repo, "HEAD") == [
        {
            "slug": "la-brunante",
            "kind": "cooperative",
            "change": "changed",
            "field": "model",
            "before": "citoyen",
            "after": "municipal",
        }
    ]


def test_added_removed_and_renamed_records(repo: Path, cli: Cli) -> None:
    coops = repo / "data" / "cooperatives.yaml"
    for path in (repo / "data").glob("*.yaml"):  # the slug and every reference to it
        path.write_text(path.read_text("utf-8").replace("co-actions", "co-actions-cae"), "utf-8")
    text = coops.read_text("utf-8")
    text += "  - slug: nouvelle\n    name: Nouvelle coop\n    sources: [source-test]\n"
    coops.write_text(text, "utf-8")
    _git(repo, "commit", "-qam", "edit")
    changes = _diff(cli, repo, "HEAD~1", "HEAD")
    kinds = {(c["slug"], c["change"]) for c in changes}
    assert ("co-actions-cae", "renamed") in kinds and ("nouvelle", "added") in kinds
    removed = _diff(cli, repo, "HEAD", "HEAD~1")
    assert ("nouvelle", "removed") in {(c["slug"], c["change"]) for c in removed}


def test_a_timeline_step_added_is_one_change(repo: Path, cli: Cli) -> None:
    _edit(
        repo / "data" / "cooperatives.yaml",
        "      - event: Création de la coopérative.",
        "      - event: Création de la coopérative.\n      - event: Ouverture.\n        date: 2003",
    )
    [change] = _diff(cli, repo, "HEAD")
    assert change["field"] == "timeline[2]" and change["after"] == {
        "event": "Ouverture.",
        "date": "2003",
        "end": None,
    }
    # read by people: the step added, in French spacing, not « ∅ → 2003: Ouverture. »
    french = cli("--lang", "fr", "--data-dir", str(repo / "data"), "diff", "HEAD").stdout
    assert "la-brunante.chronologie (3) + 2003\u00a0: Ouverture." in french, french
    markdown = cli(
        "--lang", "fr", "--data-dir", str(repo / "data"), "diff", "HEAD", "-f", "markdown"
    )
    assert "| 2003\u00a0: Ouverture. |" in markdown.stdout, markdown.stdout


def test_reordering_and_reindenting_is_no_change(repo: Path, cli: Cli) -> None:
    coops = repo / "data" / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    head, body = text.split("cooperatives:\n", 1)
    records = re.split(r"(?m)^(?=  - slug:)", body)
    records = [r for r in records if r.strip()]
    reordered = "".join(reversed(records))
    reindented = "\n".join("  " + line if line.strip() else line for line in reordered.splitlines())
    coops.write_text(head + "cooperatives:\n" + reindented + "\n", "utf-8")
    assert _diff(cli, repo, "HEAD") == []
    text_out = cli("--data-dir", str(repo / "data"), "diff", "HEAD").stdout
    assert "No change" in text_out


def test_a_head_that_does_not_validate_is_compared_and_exits_1(repo: Path, cli: Cli) -> None:
    _edit(repo / "data" / "cooperatives.yaml", "region: Estrie", "region: Estri")
    result = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", "json")
    assert result.code == 1
    assert "does not validate" in result.stderr
    assert "cooperatives.yaml:" in result.stderr and "Estri" in result.stderr
    changes = json.loads(result.stdout)
    assert [(c["field"], c["before"], c["after"]) for c in changes] == [
        ("region", "Estrie", "Estri")
    ]


def test_a_fix_of_a_broken_base_diffs_and_exits_0(repo: Path, cli: Cli) -> None:
    """A pull request that fixes a broken main: the base does not validate, the head does."""
    coops = repo / "data" / "cooperatives.yaml"
    good = coops.read_text("utf-8")
    _edit(coops, "region: Estrie", "region: Estri")
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "break"], check=True)
    coops.write_text(good, "utf-8")
    result = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", "json")
    assert result.code == 0, result
    assert "the data at HEAD does not validate" in result.stderr
    assert [c["after"] for c in json.loads(result.stdout)] == ["Estrie"]


def test_a_side_that_cannot_be_parsed_shows_its_lines_and_the_other_files_records(
    repo: Path, cli: Cli
) -> None:
    _edit(repo / "data" / "cooperatives.yaml", "cooperatives:", "cooperatives: [")
    _edit(repo / "data" / "missions.yaml", "delegation_size: 1", "delegation_size: 3")
    result = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", "json")
    assert result.code == 1
    changes = json.loads(result.stdout)
    assert [c["field"] for c in changes if c["kind"] != "file"] == ["delegation_size"]
    lines = [(c["change"], c["before"] or c["after"]) for c in changes if c["kind"] == "file"]
    assert lines == [("removed", "cooperatives:"), ("added", "cooperatives: [")]


def test_a_bad_revision_exits_2(repo: Path, cli: Cli) -> None:
    result = cli("--data-dir", str(repo / "data"), "diff", "no-such-branch")
    assert result.code == 2
    assert "unknown revision 'no-such-branch'" in result.stderr


def test_the_default_base_is_the_merge_base_with_the_remote_head(
    repo: Path, cli: Cli, tmp_path: Path
) -> None:
    remote = tmp_path / "remote.git"
    _git(tmp_path, "clone", "-q", "--bare", str(repo), str(remote))
    _git(repo, "remote", "add", "origin", str(remote))
    _git(repo, "fetch", "-q", "origin")
    _git(repo, "remote", "set-head", "origin", "-a")
    _edit(repo / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    _git(repo, "commit", "-qam", "on a branch")
    changes = _diff(cli, repo)  # base: merge base with origin's default branch; head: work tree
    assert [c["field"] for c in changes] == ["model"]


def test_markdown_has_a_table_per_kind(repo: Path, cli: Cli) -> None:
    _edit(repo / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    _edit(repo / "data" / "missions.yaml", "delegation_size: 1", "delegation_size: 2")
    out = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", "markdown").stdout
    lines = out.splitlines()
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### cooperative (1)", "### mission (1)"]
    for heading in headings:
        at = lines.index(heading)
        assert lines[at + 2].startswith("| change | record | field | before | after |")
        assert lines[at + 3] == "|---|---|---|---|---|"
    assert "| ~ changed | `la-brunante` | model | citoyen | municipal |" in out


_REFERENCED = {"cooperation": "cooperation-coactions-polecn"}
_FILLED = {
    "sector_group": "Travailleurs",
    "start": '"2017"',
    "end": '"2018"',
    "date": '"2020"',
    "founded": '"1940"',
    "number": "5",
}


@pytest.mark.parametrize(
    "kind",
    ["cooperative", "person", "organisation", "event", "mission", "member", "programme", "source"],
)
def test_new_prints_a_skeleton_that_pastes_as_printed_and_is_refused_until_filled(
    kind: str, cli: Cli, data_copy: Path
) -> None:
    import re

    result = cli("new", kind, "--slug", f"test-{kind}", "--name", "Essai : test")
    assert result.code == 0, result
    key = "id" if kind == "source" else "slug"
    assert "#" in result.stdout and f"- {key}: test-{kind}" in result.stdout
    section, target = {
        "cooperative": ("cooperatives", "cooperatives.yaml"),
        "person": ("people", "missions.yaml"),
        "organisation": ("organisations", "missions.yaml"),
        "event": ("events", "missions.yaml"),
        "mission": ("missions", "missions.yaml"),
        "member": ("members", "federations.yaml"),
        "programme": ("programmes", "federations.yaml"),
        "source": ("sources", "missions.yaml"),
    }[kind]
    path = data_copy / target
    text = path.read_text("utf-8")
    marker = f"{'  ' if kind == 'programme' else ''}{section}:\n"
    assert marker in text, marker
    # pasted exactly as printed, comments included: the indentation is the file's
    path.write_text(text.replace(marker, marker + result.stdout, 1), "utf-8")
    evidence = data_copy / target.replace(".yaml", ".evidence.yaml")
    if kind != "source":
        assert "Its evidence goes in" in result.stdout and evidence.name in result.stdout
    evidence.unlink(missing_ok=True)
    unfilled = cli("--data-dir", str(data_copy), "validate")
    placeholders = [line for line in unfilled.stdout.splitlines() if "placeholder" in line]
    # every value to write is a placeholder, references and sources included: no real value
    # pre-filled that would let the skeleton pass unfilled
    unfilled_value = re.compile(r"À compléter|\b(?:source-)?a-completer\b")
    left = [
        m for line in result.stdout.splitlines() for m in unfilled_value.findall(line.split("#")[0])
    ]
    assert len(placeholders) == len(left), unfilled.stdout
    assert unfilled.code == 1, unfilled.stdout
    assert "refers to" not in unfilled.stdout and "not defined" not in unfilled.stdout
    for line in placeholders:
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: error: '[^']+' is the placeholder", line)
    filled = re.sub(
        r"(\w+): À compléter",
        lambda m: f"{m.group(1)}: {_FILLED.get(m.group(1), 'Essai')}",
        result.stdout,
    )
    filled = filled.replace("source-a-completer", "cqcm-2014-territoires")
    filled = re.sub(
        r"(\w+): a-completer\b",
        lambda m: f"{m.group(1)}: {_REFERENCED.get(m.group(1), 'cqcm')}",
        filled,
    )
    path.write_text(text.replace(marker, marker + filled, 1), "utf-8")
    validated = cli("--data-dir", str(data_copy), "validate")
    assert validated.code == 0, validated


def test_an_unfilled_skeleton_is_refused_at_its_slug_and_name(cli: Cli, base_copy: Path) -> None:
    result = cli("--lang", "fr", "new", "coopérative")
    path = base_copy / "cooperatives.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("cooperatives:\n", "cooperatives:\n" + result.stdout, 1), "utf-8")
    checked = cli("--lang", "fr", "--data-dir", str(base_copy), "validate")
    assert checked.code == 1
    lines = [line for line in checked.stdout.splitlines() if "texte à remplacer" in line]
    errors = [line.split(": ", 1)[0].rsplit(":", 2)[1:] for line in lines]
    assert errors[:2] == [["6", "11"], ["7", "11"]], checked.stdout  # slug, then name
    assert len(errors) == 3 and "source-a-completer" in lines[2], checked.stdout  # its sources
    assert (
        "«\u00a0cooperative-a-completer\u00a0» est le texte à remplacer de `coopkb new`"
        in checked.stdout
    )


def test_new_never_writes_into_the_data(cli: Cli, base_copy: Path) -> None:
    before = {p.name: p.read_bytes() for p in base_copy.iterdir()}
    cli("--data-dir", str(base_copy), "new", "cooperative")
    assert {p.name: p.read_bytes() for p in base_copy.iterdir()} == before


def test_new_suggests_a_kind(cli: Cli) -> None:
    result = cli("new", "cooperativ")
    assert result.code == 1 and "cooperative" in result.stderr


def test_diff_outside_git_and_with_an_unknown_revision_is_explained_in_french(
    base_copy: Path, repo: Path, cli: Cli
) -> None:
    outside = cli("--lang", "fr", "--data-dir", str(base_copy), "diff")
    assert outside.code == 2
    assert f"Erreur\u00a0: {base_copy} n'est pas dans un dépôt git" in outside.stderr
    unknown = cli("--lang", "fr", "--data-dir", str(repo / "data"), "diff", "pas-une-revision")
    assert unknown.code == 2
    assert "Erreur\u00a0: révision inconnue «\u00a0pas-une-revision\u00a0»" in unknown.stderr


@pytest.mark.parametrize(
    "slug",
    ["x\n  evil: yes", "\x1b[2Jx", "Majuscules", "with space", "a--b", "é-accent", ""],
    ids=repr,
)
def test_new_refuses_a_slug_validate_would_refuse(slug: str, cli: Cli) -> None:
    result = cli("new", "cooperative", "--slug", slug)
    assert result.code == 2, result
    assert result.stdout == "" and "\x1b" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", ["A: b", "x\n  evil: yes", "# not a comment", "'quoted", "- dash"])
def test_a_name_given_to_new_stays_one_value(name: str, cli: Cli) -> None:
    result = cli("new", "cooperative", "--slug", "essai", "--name", name)
    if "\n" in name:
        assert result.code == 2 and result.stdout == ""
        return
    assert result.code == 0, result
    import yaml

    [record] = yaml.safe_load(result.stdout)
    assert record == {
        "slug": "essai",
        "name": name,
        **{k: record[k] for k in record if k not in ("slug", "name")},
    }
    assert record["name"] == name and "evil" not in record


def test_new_council_is_the_mapping_its_file_holds(cli: Cli, base_copy: Path) -> None:
    import yaml

    result = cli("new", "council", "--slug", "conseil-essai", "--name", "Conseil d'essai")
    assert result.code == 0, result
    parsed = yaml.safe_load(result.stdout)
    assert isinstance(parsed, dict) and isinstance(parsed["council"], dict)
    assert parsed["council"]["slug"] == "conseil-essai"


def test_a_record_moved_to_another_kind_is_a_change() -> None:
    from coopkb.review.changes import compare

    record = {"slug": "tactiq", "name": "Tactiq", "sources": ["s"]}
    before = {"organisations": [record], "people": []}
    after = {"organisations": [], "people": [dict(record)]}
    changes = [c.as_dict() for c in compare(before, after)]
    assert {
        "slug": "tactiq",
        "kind": "person",
        "change": "changed",
        "field": "type",
        "before": "organisation",
        "after": "person",
    } in changes


def test_an_empty_base_revision_is_a_usage_error(repo: Path, cli: Cli) -> None:
    result = cli("--data-dir", str(repo / "data"), "diff", "")
    assert result.code == 2 and "empty revision" in result.stderr


def test_a_shallow_clone_says_why_there_is_no_base(repo: Path, tmp_path: Path, cli: Cli) -> None:
    """origin/main moved on, fetched at depth 1: its parent is cut off, no merge base is found,
    and diff once compared with HEAD in silence ("no change")."""
    origin = tmp_path / "origin.git"
    _git(tmp_path, "clone", "-q", "--bare", str(repo), str(origin))
    _git(origin, "symbolic-ref", "HEAD", "refs/heads/main")
    _git(repo, "push", "-q", str(origin), "HEAD:refs/heads/main")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", "-b", "main", f"file://{origin}", str(shallow))
    _git(shallow, "checkout", "-q", "-b", "topic")
    _edit(shallow / "data" / "cooperatives.yaml", "name: La Brunante", "name: La Brunante 2")
    _git(shallow, "commit", "-qam", "topic")
    _edit(repo / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    _git(repo, "commit", "-qam", "main moves on")
    _git(repo, "push", "-q", str(origin), "HEAD:refs/heads/main")
    _git(shallow, "fetch", "-q", "--depth", "1", "origin", "+main:refs/remotes/origin/main")
    _git(shallow, "remote", "set-head", "origin", "main")
    result = cli("--data-dir", str(shallow / "data"), "diff")
    assert result.code == 2, result
    assert "shallow" in result.stderr and "--unshallow" in result.stderr


def test_without_a_remote_head_diff_says_it_compares_with_head(repo: Path, cli: Cli) -> None:
    result = cli("--data-dir", str(repo / "data"), "diff")
    assert result.code == 0
    assert "comparing with HEAD" in result.stderr


def test_git_variables_pointing_elsewhere_are_ignored(repo: Path, tmp_path: Path, cli: Cli) -> None:
    other = tmp_path / "other"
    other.mkdir()
    _git(other, "init", "-q")
    _edit(repo / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    result = cli(
        "--data-dir",
        str(repo / "data"),
        "diff",
        "HEAD",
        "--format",
        "json",
        env={"GIT_DIR": str(other / ".git"), "GIT_WORK_TREE": str(other)},
    )
    assert result.code == 0, result
    assert [c["field"] for c in json.loads(result.stdout)] == ["model"]


def test_a_repository_whose_path_is_not_utf8(tmp_path: Path, repo: Path) -> None:
    import os

    from conftest import run_coopkb

    odd = Path(os.fsdecode(bytes(tmp_path) + b"/d\xe9p\xf4t"))
    shutil.copytree(repo, odd)
    _edit(odd / "data" / "cooperatives.yaml", "model: citoyen", "model: municipal")
    result = run_coopkb("--data-dir", str(odd / "data"), "diff", "HEAD", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [c["field"] for c in json.loads(result.stdout)] == ["model"]


def test_a_blob_larger_than_a_data_file_may_be_is_not_read(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopkb.files import Unreadable
    from coopkb.review import git

    monkeypatch.setattr(git, "MAX_FILE_BYTES", 100)
    contents = git.contents_at(repo, "data", "HEAD")
    read = [contents[name] for name in DATA_FILES]
    assert all(isinstance(c, Unreadable) and c.code == "file-too-large" for c in read)


def test_an_empty_head_revision_is_a_usage_error(repo: Path, cli: Cli) -> None:
    result = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "")
    assert result.code == 2 and "empty revision" in result.stderr


def test_diff_outside_any_data_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "HEAD")
    assert result.code == 2 and "no data folder here" in result.stderr


def test_absent_and_empty_are_the_same_nothing() -> None:
    from coopkb.review.changes import compare

    before = {"organisations": [{"slug": "x", "name": "X", "sources": ["s"]}]}
    after = {"organisations": [{"slug": "x", "name": "X", "sources": ["s"], "timeline": []}]}
    assert compare(before, after) == []


# --- a diff that reads like a review --------------------------------------------------------


def test_one_added_list_item_is_one_change(repo: Path, cli: Cli) -> None:
    _edit(repo / "data" / "missions.yaml", "visits: [polecn]", "visits: [polecn, co-actions]")
    assert [(c["field"], c["before"], c["after"]) for c in _diff(cli, repo, "HEAD")] == [
        ("visits", None, "co-actions")
    ]
    text = cli("--data-dir", str(repo / "data"), "diff", "HEAD").stdout
    assert "mission-1.met + co-actions" in text  # the field by its label


def test_a_rename_folds_the_references_that_followed_it(repo: Path, cli: Cli) -> None:
    data = repo / "data"
    _edit(data / "missions.yaml", "  - slug: polecn\n", "  - slug: le-polecn\n")
    for old, new in (
        ("partners: [co-actions, polecn]", "partners: [co-actions, le-polecn]"),
        ("funder: polecn", "funder: le-polecn"),
        ("visits: [polecn]", "visits: [le-polecn]"),
    ):
        _edit(data / "missions.yaml", old, new)
    changes = _diff(cli, repo, "HEAD")
    assert [(c["change"], c["slug"]) for c in changes] == [("renamed", "le-polecn")]
    assert changes[0]["references"] == 2  # the cooperation and the mission
    text = cli("--data-dir", str(data), "diff", "HEAD").stdout
    assert "polecn → le-polecn (renamed) — 2 references updated with it" in text
    assert "1 record renamed" in text


def test_a_rename_with_a_small_name_change_is_a_rename(repo: Path, cli: Cli) -> None:
    data = repo / "data"
    _edit(
        data / "missions.yaml",
        "  - slug: forum-test\n    name: Forum de test",
        "  - slug: forum-essai\n    name: Forum de tests",
    )
    _edit(data / "missions.yaml", "events: [forum-test]", "events: [forum-essai]")
    changes = _diff(cli, repo, "HEAD")
    assert [(c["change"], c.get("field")) for c in changes] == [
        ("renamed", "slug"),
        ("changed", "name"),
    ]


def test_an_added_record_shows_its_facts(repo: Path, cli: Cli) -> None:
    _edit(
        repo / "data" / "missions.yaml",
        "organisations:\n",
        "organisations:\n  - slug: nouvelle-org\n    name: Nouvelle organisation\n"
        "    kind: réseau\n    sources: [source-test]\n",
    )
    changes = _diff(cli, repo, "HEAD")
    assert ("added", None, "Nouvelle organisation") in [
        (c["change"], c["field"], c["after"]) for c in changes
    ]
    assert ("kind", "réseau") in [(c["field"], c["after"]) for c in changes]


def test_piped_text_keeps_one_line_per_change_and_markdown_is_french(repo: Path, cli: Cli) -> None:
    long_name = "Coopération de test " + "très longue " * 12
    _edit(
        repo / "data" / "missions.yaml", "name: Coopération de test", f"name: {long_name.strip()}"
    )
    result = run_coopkb("--data-dir", str(repo / "data"), "diff", "HEAD", env={"COLUMNS": "80"})
    lines = [x for x in result.stdout.splitlines() if "cooperation-test" in x]
    assert len(lines) == 1 and long_name.strip() in lines[0]
    markdown = run_coopkb(
        "--data-dir", str(repo / "data"), "--lang", "fr", "diff", "HEAD", "--format", "markdown"
    ).stdout
    assert "| ~ modifié" in markdown and "| nom |" in markdown
    assert "| ~ changed" not in markdown


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_a_file_that_cannot_be_parsed_is_named_where_the_changes_are_read(
    repo: Path, cli: Cli, output_format: str
) -> None:
    """Not « no change »: the reader of the review (a pull-request comment) learns that a file
    could not be read, not only the reader of stderr, and reads its changed lines as text (a
    change made in the same commit as the syntax error was hidden)."""
    _edit(repo / "data" / "cooperatives.yaml", "cooperatives:", "cooperatives: [")
    _edit(repo / "data" / "cooperatives.yaml", "region: Estrie", "region: Mauricie")
    args = ("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", output_format)
    result = cli(*args)
    assert result.code == 1
    assert "cooperatives.yaml could not be read at working tree" in result.stdout
    assert "its changed lines follow" in result.stdout
    lines = result.stdout.splitlines()
    assert any(x.strip().startswith("+ ") and "region: Mauricie" in x for x in lines), lines
    assert any(x.strip().startswith("- ") and "region: Estrie" in x for x in lines), lines
    assert any(x.strip().startswith("+ ") and x.endswith("cooperatives: [") for x in lines), lines
    assert "4 lines changed in files that could not be read" in result.stdout
    assert "No change" not in result.stdout
    french = cli("--lang", "fr", *args)
    assert "cooperatives.yaml n'a pas pu être lu dans l'arbre de travail" in french.stdout
    assert "Aucun changement" not in french.stdout


def test_a_file_that_cannot_be_parsed_gives_its_lines_in_json(repo: Path, cli: Cli) -> None:
    _edit(repo / "data" / "cooperatives.yaml", "region: Estrie", "region:Estrie")
    result = cli("--data-dir", str(repo / "data"), "diff", "HEAD", "--format", "json")
    assert result.code == 1
    changes = json.loads(result.stdout)
    assert [(c["kind"], c["change"], c["before"], c["after"]) for c in changes] == [
        ("file", "removed", "    region: Estrie", None),
        ("file", "added", None, "    region:Estrie"),
    ]
    assert changes[0]["field"] == changes[1]["field"]
    assert changes[0]["field"].startswith("cooperatives.yaml:")


@pytest.fixture
def evidence_repo(tmp_path: Path) -> Path:
    """The fixture base with its evidence files, and three aliases, the third one claimed."""
    root = tmp_path / "repo"
    data = root / "data"
    shutil.copytree(EXAMPLES / "base", data)
    for name in ("cooperatives.evidence.yaml", "missions.evidence.yaml"):
        shutil.copy(EXAMPLES / "evidence" / name, data / name)
    _edit(
        data / "cooperatives.yaml",
        "    name: La Brunante\n",
        "    name: La Brunante\n    aliases: [Brunante, Coop Brunante, La B]\n",
    )
    _edit(
        data / "cooperatives.evidence.yaml",
        "    - of: [country]\n      official: regions-quebec\n",
        "    - of: [country]\n      official: regions-quebec\n"
        "    - of: [aliases.1, aliases.2]\n      source: source-test\n"
        "      at: Les coopératives\n      says: Brunante\n"
        "    - of: [aliases.3]\n      source: source-test\n"
        "      at: Les coopératives\n      says: La B\n",
    )
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "base")
    return root


def test_a_renamed_records_evidence_is_no_change(evidence_repo: Path, cli: Cli) -> None:
    """Its claims move with the slug: only the rename is reported, not every claim as new."""
    data = evidence_repo / "data"
    for name in ("cooperatives.yaml", "cooperatives.evidence.yaml"):
        _edit(data / name, "la-brunante", "brunante-racine")
    assert [(c["change"], c["field"]) for c in _diff(cli, evidence_repo, "HEAD")] == [
        ("renamed", "slug")
    ]
    # a claim edited with the rename is still seen, against the old slug's claim
    _edit(data / "cooperatives.evidence.yaml", "says: La B\n", "says: La B.\n")
    changes = _diff(cli, evidence_repo, "HEAD")
    assert [(c["change"], c["field"]) for c in changes] == [
        ("renamed", "slug"),
        ("changed", "evidence"),
        ("changed", "evidence"),
    ]


def test_evidence_lines_name_fields_by_their_labels(evidence_repo: Path, cli: Cli) -> None:
    data = evidence_repo / "data"
    _edit(data / "cooperatives.evidence.yaml", "of: [aliases.3]", "of: [aliases.3, name]")
    french = cli("--lang", "fr", "--data-dir", str(data), "diff", "HEAD").stdout
    assert "autres noms (3), nom ← source-test, Les coopératives — «\u00a0La B\u00a0»" in french
    assert "aliases" not in french and "name," not in french
    english = cli("--lang", "en", "--data-dir", str(data), "diff", "HEAD").stdout
    assert "aliases (3), name ← source-test" in english


def test_evidence_left_on_an_item_that_moved_is_reported(evidence_repo: Path, cli: Cli) -> None:
    """Claims point at items by their rank: removing an alias before a claimed one makes the
    claim cover another value, which diff says, though the evidence file did not change."""
    data = evidence_repo / "data"
    _edit(data / "cooperatives.yaml", "[Brunante, Coop Brunante, La B]", "[Coop Brunante, La B]")
    # the head does not validate (aliases.3 is gone): diff still compares it, and exits 1
    result = cli("--data-dir", str(data), "diff", "HEAD", "--format", "json")
    assert result.code == 1
    changes = json.loads(result.stdout)
    shifted = [(c["field"], c["before"], c["after"]) for c in changes if c["change"] == "shifted"]
    assert shifted == [
        ("aliases.1", "Brunante", "Coop Brunante"),
        ("aliases.2", "Coop Brunante", "La B"),
        ("aliases.3", "La B", None),
    ]
    text = cli("--lang", "fr", "--data-dir", str(data), "diff", "HEAD").stdout
    assert "! la-brunante.autres noms (3)\u00a0: sa preuve ne désigne plus aucune valeur" in text
    assert (
        "! la-brunante.autres noms (2)\u00a0: sa preuve couvre maintenant «\u00a0La B\u00a0», "
        in text
    ), text
    # the claims moved with their values: nothing shifted
    _edit(
        data / "cooperatives.evidence.yaml",
        "of: [aliases.1, aliases.2]",
        "of: [aliases.1]",
    )
    _edit(data / "cooperatives.evidence.yaml", "of: [aliases.3]", "of: [aliases.2]")
    assert not [c for c in _diff(cli, evidence_repo, "HEAD") if c["change"] == "shifted"]
    # a value edited in place is a change of the value, not a shift
    _git(evidence_repo, "checkout", "-q", "data")
    _edit(data / "cooperatives.yaml", "Coop Brunante, La B]", "Coop Brunante, La Bru]")
    assert not [c for c in _diff(cli, evidence_repo, "HEAD") if c["change"] == "shifted"]


_LONG = (
    "Coopérative de solidarité fondée par un groupe de promoteurs du village pour offrir "
    "des logements aux aînés de la municipalité et des environs, avec des services."
)


def test_a_word_changed_in_a_long_text_shows_that_word_not_the_paragraph(
    repo: Path, cli: Cli
) -> None:
    coops = repo / "data" / "cooperatives.yaml"
    _edit(coops, "model: citoyen", f"model: citoyen\n    description: {_LONG}")
    _git(repo, "commit", "-qam", "a description")
    _edit(coops, "groupe de promoteurs", "groupe des promoteurs")
    text = cli("--lang", "fr", "--data-dir", str(repo / "data"), "diff", "HEAD").stdout
    assert (
        "description\u00a0: … fondée par un groupe de promoteurs du village pour … → "
        "… fondée par un groupe des promoteurs du village pour …"
    ) in text, text
    assert "aînés" not in text  # not the whole paragraph, twice
    # JSON, for scripts, keeps both texts whole
    [change] = _diff(cli, repo, "HEAD")
    assert change["before"] == _LONG


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéà", min_size=1, max_size=9)


@given(st.lists(_WORD, min_size=12, max_size=40), st.data())
def test_a_long_texts_change_keeps_the_words_that_changed(
    words: list[str], data: st.DataObject
) -> None:
    at = data.draw(st.integers(min_value=0, max_value=len(words) - 1))
    new_word = data.draw(_WORD.filter(lambda w: w != words[at]))
    before = " ".join(words)
    after = " ".join([*words[:at], new_word, *words[at + 1 :]])
    shown_before, shown_after = changed_words(before, after)
    assert words[at] in shown_before.split(" ") and new_word in shown_after.split(" ")
    if len(before) > LONG_TEXT:
        assert len(shown_before.split(" ")) <= 2 * 4 + 1 + 2  # the word, context, two « … »
    assert shown_before.replace("… ", "").replace(" …", "") in before
