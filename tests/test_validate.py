"""`coopkb validate`: one test per fixture file, the output formats, and the files it refuses."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli, run_coopkb

NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))


def _install(fixture: Path, data_dir: Path) -> str:
    """Put ``fixture`` in place of the data file its name starts with; return that file name."""
    target = fixture.name.split(".", 1)[0] + ".yaml"
    shutil.copyfile(fixture, data_dir / target)
    return target


def _expected(fixture: Path) -> list[str]:
    return [
        line.removeprefix("# expect: ")
        for line in fixture.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect: ")
    ]


@pytest.mark.parametrize("fixture", NEGATIVE, ids=[f.stem for f in NEGATIVE])
def test_negative_fixture_reports_exact_place_and_message(
    fixture: Path, base_copy: Path, cli: Cli
) -> None:
    target = _install(fixture, base_copy)
    expected = [e.replace("DATA", str(base_copy)).split(": ", 2) for e in _expected(fixture)]
    result = cli("validate", "--data-dir", str(base_copy))
    assert result.code == 1, result
    found = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert found == [f"{base_copy}/{target}:{at}: error: {message}" for at, _, message in expected]
    count = len(expected)
    warned = sum(": warning: " in line for line in result.stdout.splitlines())
    counted = f"{count} problem{'s' if count > 1 else ''}"
    if warned:  # the summary counts every finding it printed
        counted += f" and {warned} warning{'s' if warned > 1 else ''}"
    assert f"{counted} in 1 file of" in result.stdout
    as_json = json.loads(cli("validate", "--data-dir", str(base_copy), "-f", "json").stdout)
    errors = [p["code"] for p in as_json if p["severity"] == "error"]
    assert errors == [code for _, code, _ in expected]


@pytest.mark.parametrize("fixture", POSITIVE, ids=[f.stem for f in POSITIVE])
def test_positive_fixture_is_valid(fixture: Path, base_copy: Path, cli: Cli) -> None:
    _install(fixture, base_copy)
    result = cli("validate", "--data-dir", str(base_copy))
    assert result.code == 0, result
    assert result.stdout.startswith("valid: 3 files")


def test_a_valid_base_is_reported_with_its_records_counted_per_kind(cli: Cli) -> None:
    result = cli("validate")
    assert result.code == 0, result
    assert result.stdout.startswith("valid: 3 files in data (from ./data): ")
    assert "20 cooperatives, 18 members" in result.stdout and "26 people" in result.stdout


def test_all_problems_of_all_files_in_one_run(base_copy: Path, cli: Cli) -> None:
    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("region: Estrie", "region: Estri"))
    missions = base_copy / "missions.yaml"
    missions.write_text(missions.read_text().replace("visits: [polecn]", "visits: [polecm]"))
    result = cli("validate", "--data-dir", str(base_copy), "--format", "json")
    assert result.code == 1
    found = json.loads(result.stdout)
    assert {(Path(p["file"]).name, p["code"]) for p in found} == {
        ("cooperatives.yaml", "unknown-region"),
        ("missions.yaml", "unresolved-reference"),
    }


def test_json_format_lists_file_line_column_code_message(base_copy: Path, cli: Cli) -> None:
    _install(EXAMPLES / "negative" / "cooperatives.bad-region.yaml", base_copy)
    result = cli("validate", "--data-dir", str(base_copy), "--format", "json")
    [problem] = json.loads(result.stdout)
    assert problem == {
        "file": f"{base_copy}/cooperatives.yaml",
        "line": 8,
        "column": 13,
        "severity": "error",
        "code": "unknown-region",
        "message": "region 'Estri' is not a Quebec administrative region (did you mean 'Estrie'?)",
    }
    assert "1 problem in 1 file of" in result.stderr


def test_github_format_is_a_workflow_command_per_problem(base_copy: Path, cli: Cli) -> None:
    _install(EXAMPLES / "negative" / "cooperatives.bad-region.yaml", base_copy)
    result = cli("validate", "--data-dir", str(base_copy), "--format", "github")
    assert result.code == 1
    [line] = result.stdout.splitlines()
    # https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
    match = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+)::(.+)", line)
    assert match, line
    assert match.groups()[:3] == (f"{base_copy}/cooperatives.yaml", "8", "13")
    assert match.group(4).startswith("region 'Estri'")


def test_github_format_escapes_newlines_and_percent() -> None:
    from coopkb.problems import Problem
    from coopkb.validation.reporters import report

    problem = Problem("a,b:c.yaml", 1, 2, "x", "50% sure\nsecond line")
    assert report([problem], "github") == (
        "::error file=a%2Cb%3Ac.yaml,line=1,col=2::50%25 sure%0Asecond line"
    )


def test_sarif_format_is_sarif_2_1_0_with_locations(base_copy: Path, cli: Cli) -> None:
    _install(EXAMPLES / "negative" / "cooperatives.bad-region.yaml", base_copy)
    result = cli("validate", "--data-dir", str(base_copy), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "coopkb"
    [finding] = run["results"]
    assert finding["ruleId"] == "unknown-region"
    region = finding["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 8, "startColumn": 13}
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids[finding["ruleIndex"]] == "unknown-region"


def test_valid_json_run_prints_empty_list_and_summary_on_stderr(cli: Cli) -> None:
    result = cli("validate", "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout) == []
    assert "valid:" in result.stderr


def test_unknown_validate_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("validate", "--format", "githb")
    assert result.code == 2
    assert "did you mean 'github'" in result.stderr


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "missing-file"),
        (b"", "empty-file"),
        (b"# only a comment\n", "empty-file"),
        (b"cooperatives:\n  - name: Caf\xe9\n", "not-utf8"),
    ],
    ids=["missing", "empty", "comment-only", "latin-1"],
)
def test_missing_empty_or_undecodable_file_is_invalid(
    content: bytes | None, code: str, base_copy: Path, cli: Cli
) -> None:
    target = base_copy / "cooperatives.yaml"
    if content is None:
        target.unlink()
    else:
        target.write_bytes(content)
    result = cli("validate", "--data-dir", str(base_copy), "--format", "json")
    assert result.code == 1
    codes = {p["code"] for p in json.loads(result.stdout)}
    assert code in codes


def test_not_utf8_points_at_the_offending_byte(base_copy: Path, cli: Cli) -> None:
    (base_copy / "cooperatives.yaml").write_bytes(b"cooperatives:\n  - name: Caf\xe9\n")
    result = cli("validate", "--data-dir", str(base_copy))
    assert f"{base_copy}/cooperatives.yaml:2:14: error: file is not UTF-8" in result.stdout


def test_empty_directory_is_invalid_never_all_good(tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", "--data-dir", str(tmp_path))
    assert result.code == 1
    assert result.stdout.count("data file is missing") == 3


def test_alias_bomb_is_refused_quickly(base_copy: Path, cli: Cli) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    (base_copy / "cooperatives.yaml").write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    result = cli("validate", "--data-dir", str(base_copy))
    assert time.perf_counter() - started < 5  # a bound against expansion, not a benchmark
    assert result.code == 1
    assert "YAML anchors are not allowed" in result.stdout


def test_random_bytes_file_is_refused_cleanly(base_copy: Path, cli: Cli) -> None:
    import random

    noise = random.Random(7).randbytes(4096)
    (base_copy / "missions.yaml").write_bytes(noise)
    result = cli("validate", "--data-dir", str(base_copy))
    assert result.code == 1
    assert "missions.yaml:" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_deep_nesting_is_refused_without_crashing(base_copy: Path, cli: Cli) -> None:
    (base_copy / "cooperatives.yaml").write_text("cooperatives: " + "[" * 50_000)
    result = cli("validate", "--data-dir", str(base_copy))
    assert result.code == 1
    assert "nested more than" in result.stdout


def test_validation_reports_each_step_for_a_progress_display(base_copy: Path) -> None:
    from coopkb.storage.knowledge import read_data_files
    from coopkb.validation.pipeline import STEPS, validate_contents

    seen: list[str] = []
    outcome = validate_contents(base_copy, "d", read_data_files(base_copy), seen.append)
    assert seen == list(STEPS) and not outcome.problems


def test_a_file_that_is_not_a_mapping_hides_no_other_problem_behind_unresolved_references(
    base_copy: Path, cli: Cli
) -> None:
    """Its records cannot be read, so references to them are not reported as unresolved: the
    editor sees the one real problem, not a cascade."""
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    coops.write_text(
        text.replace("legal_category: CAE", "legal_category: CAE\n    project: cooperation-test"),
        "utf-8",
    )
    (base_copy / "missions.yaml").write_text("- a\n- b\n", "utf-8")  # holds cooperation-test
    result = cli("--data-dir", str(base_copy), "validate", "--format", "json")
    codes = [p["code"] for p in json.loads(result.stdout)]
    assert result.code == 1
    assert codes and "unresolved-reference" not in codes


def test_text_findings_name_their_severity_in_the_readers_language(tmp_path: Path) -> None:
    """« erreur » in French (with the no-break space French puts before its colon), "error" in
    English; the location keeps the file:line:col: form editors parse."""
    import shutil

    from conftest import EXAMPLES, run_coopkb

    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    text = (data / "cooperatives.yaml").read_text("utf-8")
    (data / "cooperatives.yaml").write_text(text.replace("Estrie", "Estri"), "utf-8")
    french = run_coopkb("--lang", "fr", "--data-dir", str(data), "validate")
    english = run_coopkb("--lang", "en", "--data-dir", str(data), "validate")
    assert french.returncode == english.returncode == 1
    assert "cooperatives.yaml:6:13: erreur\u00a0: la région «\u00a0Estri\u00a0»" in french.stdout
    assert "cooperatives.yaml:6:13: error: region 'Estri'" in english.stdout


@pytest.mark.parametrize(
    ("edit", "where", "french"),
    [
        (("destination: Québec", 'destination: "Québec'), ":40:18:", "jamais fermé"),
        (("visits: [polecn]", "visits: [polecn"), ":44:13:", "crochet «\u00a0[\u00a0»"),
        (("destination: Québec", "destination:Québec"), ":40:16:", "il faut une espace"),
        (("destination: Québec", "destination: Québec: ville"), ":40:24:", "entre guillemets"),
        (("    destination: Québec", "\tdestination: Québec"), ":40:1:", "tabulation"),
    ],
)
def test_yaml_syntax_errors_are_placed_where_they_open_and_explained_in_french(
    edit: tuple[str, str], where: str, french: str, tmp_path: Path
) -> None:
    from conftest import EXAMPLES, run_coopkb

    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    missions = data / "missions.yaml"
    text = missions.read_text("utf-8")
    missions.write_text(text.replace(*edit), "utf-8")
    result = run_coopkb("--lang", "fr", "--data-dir", str(data), "validate")
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert f"missions.yaml{where} erreur\u00a0: syntaxe YAML\u00a0: " in line
    assert french in line
    last = len(text.splitlines())
    assert int(where.split(":")[1]) <= last  # never past the end of the file


def test_every_mrc_and_region_of_the_official_lists_is_accepted(tmp_path: Path) -> None:
    """The lists are complete: one cooperative per MRC or equivalent territory (its region
    given, or left for coopkb to fill in), one per region; all of them validate."""
    from conftest import EXAMPLES, run_coopkb
    from coopkb import reference

    assert len(reference.MRCS) == 104  # 87 MRCs and 17 equivalent territories (ISQ)
    assert len(reference.EQUIVALENT_TERRITORIES) == 17
    assert sorted({code for code, _v in reference.MRCS.values()}) == sorted(
        reference.QUEBEC_REGIONS
    )
    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    cooperatives = data / "cooperatives.yaml"
    added = []
    for number, (mrc, (code, _variants)) in enumerate(reference.MRCS.items()):
        region = f"    region: {json.dumps(reference.QUEBEC_REGIONS[code])}\n" if number % 2 else ""
        added.append(
            f"  - slug: mrc-{number}\n    name: Coop {number}\n    country: Canada\n"
            f"{region}    mrc: {json.dumps(mrc, ensure_ascii=False)}\n    sources: [source-test]\n"
        )
    for code, region in reference.QUEBEC_REGIONS.items():
        added.append(
            f"  - slug: region-{code}\n    name: Coop r{code}\n    country: Canada\n"
            f"    region: {json.dumps(region, ensure_ascii=False)}\n    sources: [source-test]\n"
        )
    text = cooperatives.read_text("utf-8")
    cooperatives.write_text(text.replace("cooperatives:\n", "cooperatives:\n" + "".join(added), 1))
    result = run_coopkb("--lang", "en", "--data-dir", str(data), "validate", "--format", "json")
    assert result.returncode == 0, result.stdout[:2000]
    listed = run_coopkb("--lang", "en", "--data-dir", str(data), "list", "-f", "json")
    regions = {r["slug"]: r.get("region") for r in json.loads(listed.stdout)}
    for number, (_mrc, (code, _v)) in enumerate(reference.MRCS.items()):
        assert regions[f"mrc-{number}"] == reference.QUEBEC_REGIONS[code]


@pytest.mark.parametrize(
    ("mrc", "hint"),
    [
        ("Le Val-Saint-Françoi", "Le Val-Saint-François"),  # typos of listed ones
        ("Les Basque", "Les Basques"),
        ("Charlevoix-Ouest", "Charlevoix-Est"),
        ("Maskoutains", "Les Maskoutains"),  # without its article
        ("Haute-Côte-Nord", "La Haute-Côte-Nord"),
        ("Nulle-Part-Ailleurs", None),  # far from every name: no suggestion
    ],
)
def test_an_mrc_outside_the_list_is_refused_with_the_list_named(
    mrc: str, hint: str | None, tmp_path: Path
) -> None:
    from conftest import EXAMPLES, run_coopkb

    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    cooperatives = data / "cooperatives.yaml"
    text = cooperatives.read_text("utf-8")
    edited = text.replace("mrc: Le Val-Saint-François\n    municipality: Racine\n", f"mrc: {mrc}\n")
    assert edited != text
    cooperatives.write_text(edited, "utf-8")
    result = run_coopkb("--lang", "en", "--data-dir", str(data), "validate")
    assert result.returncode == 1, result.stdout
    (line,) = [x for x in result.stdout.splitlines() if "error:" in x]
    assert "cooperatives.yaml:7:" in line
    assert "Liste des MRC et territoires équivalents (Institut de la statistique du Québec" in line
    if hint is None:
        assert "did you mean" not in line
    else:
        assert f"(did you mean '{hint}'?)" in line
    french = run_coopkb("--lang", "fr", "--data-dir", str(data), "validate")
    assert "ne figure pas dans la liste officielle «\u00a0Liste des MRC" in french.stdout


@pytest.mark.parametrize(
    ("mrc", "official"),
    [
        ("MRC des Maskoutains", "Les Maskoutains"),
        ("MRC de La Jacques-Cartier", "La Jacques-Cartier"),
    ],
)
def test_an_mrc_written_with_its_article_is_told_its_official_name(
    mrc: str, official: str, tmp_path: Path
) -> None:
    from conftest import EXAMPLES, run_coopkb

    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    cooperatives = data / "cooperatives.yaml"
    text = cooperatives.read_text("utf-8")
    edited = text.replace("mrc: Le Val-Saint-François\n    municipality: Racine\n", f"mrc: {mrc}\n")
    cooperatives.write_text(edited, "utf-8")
    result = run_coopkb("--lang", "en", "--data-dir", str(data), "validate")
    assert result.returncode == 1
    assert f"is not the official spelling: write '{official}'" in result.stdout


def test_quebec_as_a_region_is_explained_as_the_province(tmp_path: Path) -> None:
    from conftest import EXAMPLES, run_coopkb

    data = shutil.copytree(EXAMPLES / "base", tmp_path / "data")
    cooperatives = data / "cooperatives.yaml"
    text = cooperatives.read_text("utf-8").replace("region: Estrie", "region: Québec")
    cooperatives.write_text(text, "utf-8")
    result = run_coopkb("--lang", "fr", "--data-dir", str(data), "validate")
    assert result.returncode == 1
    assert "est la province" in result.stdout and "Nord-du-Québec" not in result.stdout


def test_a_name_with_an_odd_space_is_an_error_at_that_character_and_quotes_a_warning(
    base_copy: Path, cli: Cli
) -> None:
    """Users typing « La Brunante » would never find a name holding a no-break space: an error,
    placed on the space itself (written or escaped) and naming it; quotation marks around a
    whole name may be the source's own, so they are only a warning."""
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    text = text.replace("    name: La Brunante", '    name: "La\\u00a0Brunante"', 1)
    text = text.replace("    name: Co-Actions", '    name: "“Co-Actions”"', 1)
    coops.write_text(text, "utf-8")
    result = cli("--data-dir", str(base_copy), "validate")
    assert result.code == 1, result.stdout
    lines = result.stdout.splitlines()
    # column 14: the backslash of the escape, not the value's opening quote at 11
    expected = f"{base_copy}/cooperatives.yaml:4:14: error: 'La\u00a0Brunante' (holds U+00A0"
    assert lines[0].startswith(expected), lines[0]
    assert "retype it as a plain space" in lines[0]
    assert "warning:" in lines[1] and "quotation marks" in lines[1]
    found = json.loads(cli("--data-dir", str(base_copy), "validate", "-f", "json").stdout)
    assert [(p["severity"], p["code"]) for p in found] == [
        ("error", "odd-space"),
        ("warning", "quoted-name"),
    ]
    # written as the character itself, in an alias, after a typographic one: on that character
    text = text.replace(
        '"La\\u00a0Brunante"', 'La Brunante\n    aliases: ["Coop\u00a0: La\u00a0Brunante"]', 1
    )
    coops.write_text(text, "utf-8")
    alias = cli("--data-dir", str(base_copy), "validate").stdout.splitlines()[0]
    assert alias.startswith(f"{base_copy}/cooperatives.yaml:5:25: error: "), alias
    # French typography is no warning: « » with their no-break spaces, before a colon
    text = text.replace(
        'La Brunante\n    aliases: ["Coop\u00a0: La\u00a0Brunante"]',
        '"La Brunante «\\u00a0aînés\\u00a0»"\n    aliases: ["Coop\u00a0: La Brunante"]',
        1,
    )
    coops.write_text(text.replace('"“Co-Actions”"', "Co-Actions", 1), "utf-8")
    assert cli("--data-dir", str(base_copy), "validate").stdout.startswith("valid:")


def test_validate_accepts_data_files_and_reports_on_them(base_copy: Path, tmp_path: Path) -> None:
    """As an editor types it with yamllint or check-jsonschema: the set the files belong to is
    checked; problems of the files named are reported, the others' counted (exit 1 still)."""
    from conftest import run_coopkb

    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text("utf-8").replace("region: Estrie", "region: Estri"), "utf-8")
    named = run_coopkb("--lang", "en", "validate", str(coops))
    assert named.returncode == 1
    assert named.stdout.startswith(f"{coops}:6:13: error: region 'Estri'")
    other = run_coopkb("--lang", "en", "validate", str(base_copy / "missions.yaml"))
    assert other.returncode == 1 and "error:" not in other.stdout
    assert "1 more problem in the other files of the set" in other.stdout
    assert "references of the files named were not checked" not in other.stdout
    coops.write_text(coops.read_text("utf-8").replace("region: Estri", "region: Estrie"), "utf-8")
    fine = run_coopkb("--lang", "fr", "validate", str(coops), str(base_copy / "missions.yaml"))
    assert fine.returncode == 0, fine.stdout
    # what was named, not « 3 fichiers »; the third file was read for the references
    assert fine.stdout.startswith(
        f"Données valides ({coops}, {base_copy / 'missions.yaml'}, avec l'autre fichier du "
        "dossier, lu pour les références)\u00a0: 2 coopératives"
    ), fine.stdout
    one = run_coopkb("--lang", "en", "validate", str(coops))
    # the records of the file named are counted, not those read beside it
    assert one.stdout == (
        f"valid: {coops} (and the other files of its folder, read for references): 2 cooperatives\n"
    ), one.stdout
    # a slug renamed in the file named: the references it broke elsewhere are its problems
    coops.write_text(coops.read_text("utf-8").replace("slug: co-actions", "slug: coactions"))
    renamed = run_coopkb("--lang", "en", "validate", str(coops))
    assert renamed.returncode == 1
    broken = [x for x in renamed.stdout.splitlines() if ": error: " in x]
    assert len(broken) == 3 and all(x.startswith(f"{base_copy}/missions.yaml:") for x in broken)
    assert all("refers to 'co-actions'" in x and "did you mean 'coactions'" in x for x in broken)
    assert "more problem" not in renamed.stdout
    coops.write_text(coops.read_text("utf-8").replace("slug: coactions", "slug: co-actions"))
    for wrong, says in [
        (tmp_path / "absent.yaml", "does not exist"),
        (base_copy, "is a folder"),
        (EXAMPLES / "negative" / "missions.tab-indent.yaml", "is not a coopkb data file"),
    ]:
        refused = run_coopkb("--lang", "en", "validate", str(wrong))
        assert refused.returncode == 2 and says in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    elsewhere = shutil.copytree(base_copy, tmp_path / "other")
    two = run_coopkb("validate", str(coops), str(elsewhere / "missions.yaml"))
    assert two.returncode == 2 and "different data folders" in two.stderr


def test_a_slug_taken_in_two_files_is_reported_at_both(base_copy: Path) -> None:
    """Across files, which record is the new one is unknown: each names the other, so the
    edit is reported whichever file is read first (`validate FILE` of either shows it)."""
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8")
    line = text[: text.index("  - slug: co-actions")].count("\n") + 1
    coops.write_text(text.replace("  - slug: co-actions", "  - slug: polecn"), "utf-8")
    result = run_coopkb("validate", str(coops))
    out = result.stdout + result.stderr
    assert f"{coops}:{line}:11: error: slug 'polecn' is also used by the organisation at " in out
    assert "missions.yaml:" in out and "is already used by the cooperative at" in out


def test_the_summary_counts_the_warnings_it_printed(base_copy: Path) -> None:
    coops = base_copy / "cooperatives.yaml"
    text = coops.read_text("utf-8").replace("    name: La Brunante", '    name: "« La Brunante »"')
    coops.write_text(text.replace("region: Estrie", "region: Estri", 1), "utf-8")
    result = run_coopkb("--lang", "fr", "--data-dir", str(base_copy), "validate")
    assert result.returncode == 1
    assert "1 problème et 1 avertissement dans 1 fichier" in result.stdout, result.stdout


def test_a_data_files_problem_is_read_before_what_it_causes_in_its_evidence(
    data_copy: Path, cli: Cli
) -> None:
    """A misspelled key leaves its claims without a field: the key comes first, for the
    evidence file sorts before the data file by name."""
    coops = data_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("    municipality:", "    municipalty:", 1))
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    files = [line.split(":", 1)[0].rsplit("/", 1)[-1] for line in errors]
    assert "cooperatives.evidence.yaml" in files, errors  # what follows from it is reported too
    assert files[0] == "cooperatives.yaml" and "municipalty" in errors[0], errors
    assert files == sorted(files, key=lambda name: name.replace(".evidence", "~"))


def test_a_syntax_error_says_what_it_hides(data_copy: Path, cli: Cli) -> None:
    """The other files' references to its records wait until it can be read: said, not silent."""
    coops = data_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("region: Estrie", "region:Estrie", 1))
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1
    assert "A file that cannot be parsed hides its own records" in result.stdout
    other = cli("validate", "--data-dir", str(data_copy), "--format", "json")
    assert "hides its own records" not in other.stdout  # the JSON stays a list of findings
    coops.write_text(coops.read_text().replace("region:Estrie", "region: Estri", 1))
    assert "hides its own records" not in cli("validate", "--data-dir", str(data_copy)).stdout


def test_english_quotation_marks_in_a_name_are_a_warning(data_copy: Path, cli: Cli) -> None:
    coops = data_copy / "cooperatives.yaml"
    text = coops.read_text()
    edited = text.replace(
        "name: Coopérative de solidarité de Lac-Édouard", "name: Coopérative “Lac-Édouard”", 1
    )
    assert edited != text
    coops.write_text(edited)
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 0, result
    (line,) = [x for x in result.stdout.splitlines() if "English quotation" in x]
    assert ": warning: " in line and "cooperatives.yaml:" in line
    assert "French writes « »" in line


def test_an_unfilled_skeleton_says_what_each_placeholder_needs(data_copy: Path, cli: Cli) -> None:
    """A slug is written from the name, a required field cannot be deleted: neither is told
    « write what the source says, or delete the line »."""
    printed = cli("--data-dir", str(data_copy), "new", "cooperative").stdout
    record = "".join(
        line + "\n"
        for line in printed.split("# Its evidence")[0].splitlines()
        if not line.startswith("#")
    )
    coops = data_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("cooperatives:\n", "cooperatives:\n" + record, 1))
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1
    placeholders = [x for x in result.stdout.splitlines() if "placeholder of" in x]
    assert len(placeholders) == 3, result.stdout
    assert "write the record's identifier" in placeholders[0]
    assert "(this field is required)" in placeholders[1]  # the name
    # its sources hold a source's id, not a source's words
    assert "write the id of a source that states these facts" in placeholders[2]
    assert "delete the line" not in result.stdout


def test_a_file_named_beside_one_that_cannot_be_parsed_says_its_references_were_not_checked(
    base_copy: Path,
) -> None:
    """A broken reference in the file named is hidden while another file cannot be parsed:
    « 1 more problem in the other files » alone read as « this file is fine »."""
    from conftest import run_coopkb

    missions = base_copy / "missions.yaml"
    missions.write_text(
        missions.read_text("utf-8").replace("funder: polecn", "funder: polecnx", 1), "utf-8"
    )
    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text("utf-8").replace("region: Estrie", 'region: "Estrie'), "utf-8")
    named = run_coopkb("--lang", "en", "validate", str(missions))
    assert named.returncode == 1 and "1 more problem in the other files" in named.stdout
    assert "the references of the files named were not checked" in named.stdout, named.stdout


@pytest.mark.parametrize(
    ("name", "lang", "message"),
    [
        ('La Brunante "', "en", "'La Brunante \"' holds a lone quotation mark (\"): remove it"),
        (
            '"La Brunante',
            "fr",
            '«\u00a0"La Brunante\u00a0» contient un guillemet seul (")\u00a0: retirez-le',
        ),
    ],
)
def test_a_lone_quotation_mark_in_a_name_is_a_warning_at_the_name(
    base_copy: Path, cli: Cli, name: str, lang: str, message: str
) -> None:
    """`name: La Brunante "` is plain YAML, a name ending in a quotation mark: no syntax error
    tells the editor that a quotation was opened or closed by mistake, so validate does."""
    coops = base_copy / "cooperatives.yaml"
    written = name.replace('"', '\\"')
    text = coops.read_text("utf-8").replace("    name: La Brunante", f'    name: "{written}"', 1)
    coops.write_text(text, "utf-8")
    result = cli("--lang", lang, "--data-dir", str(base_copy), "validate")
    assert result.code == 0, result.stdout
    warned = [line for line in result.stdout.splitlines() if message in line]
    assert warned and warned[0].startswith(f"{base_copy}/cooperatives.yaml:4:11: "), result.stdout
