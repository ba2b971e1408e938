"""Every command and option as a user runs them (Typer's CliRunner, 80 columns)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import yaml

from conftest import DATA, Cli

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("COOPKB_UPDATE_GOLDEN") == "1"


def _golden(name: str, output: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8"), f"golden {name} changed"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("list-estrie", ["list", "--region", "Estrie"]),
        ("list-all", ["list"]),
        ("show-la-brunante", ["show", "la-brunante"]),
        ("show-mission-3", ["show", "mission-3"]),
        ("missions", ["missions"]),
        ("federations-travailleurs", ["federations", "--sector", "travailleurs"]),
        ("search-edouard", ["search", "édouard"]),
        ("stats", ["stats"]),
        ("people-mission-3", ["people", "--mission", "3"]),
        ("programmes", ["programmes"]),
        ("timeline-2017", ["timeline", "--year", "2017"]),
        ("search-octobre-2017", ["search", "octobre 2017"]),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_table_output_matches_golden_file_at_80_columns(
    name: str, args: list[str], lang: str, cli: Cli
) -> None:
    result = cli("--lang", lang, *args)
    assert result.code == 0, result
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    _golden(name if lang == "en" else f"{name}.fr", result.stdout)


# --- list -------------------------------------------------------------------------------------


def _slugs(cli: Cli, *args: str) -> list[str]:
    result = cli(*args, "--format", "json")
    assert result.code == 0, result
    return [r["slug"] for r in json.loads(result.stdout)]


def test_region_filter_ignores_accents_case_and_dashes(cli: Cli) -> None:
    expected = ["riviere-aux-saumons"]
    for typed in ("saguenay-lac-saint-jean", "Saguenay–Lac-Saint-Jean", "SAGUENAY LAC SAINT JEAN"):
        assert _slugs(cli, "list", "--region", typed) == expected
    assert _slugs(cli, "list", "--region", "estrie") == [
        "developpement-local-racine",
        "la-brunante",
    ]


def test_list_is_sorted_by_region_then_name(cli: Cli) -> None:
    records = json.loads(cli("list", "--country", "canada", "--format", "json").stdout)
    keys = [(r["region"] or "~", r["name"]) for r in records if r["region"]]
    assert keys == sorted(keys, key=lambda k: (k[0].casefold(), k[1].casefold()))


def test_filters_combine(cli: Cli) -> None:
    assert _slugs(cli, "list", "--region", "mauricie", "--model", "municipal") == ["lac-edouard"]
    assert _slugs(cli, "list", "--mrc", "portneuf", "--kind", "solidarite") == [
        "vallee-du-bras-du-nord"
    ]
    assert _slugs(cli, "list", "--municipality", "racine", "--sector", "habitation pour aînés") == [
        "la-brunante"
    ]
    assert _slugs(cli, "list", "--country", "France", "--kind", "CAE") == ["co-actions"]
    assert len(_slugs(cli, "list", "--project", "recherche-action-proximite-2012-2014")) == 12


def test_a_unique_part_of_a_model_or_kind_is_enough(cli: Cli) -> None:
    assert _slugs(cli, "list", "--model", "organisme") == ["mfr-krtb"]
    assert _slugs(cli, "list", "--kind", "coopérative de travail") == ["la-barberie"]


def test_mrc_filter_accepts_the_source_spelling(cli: Cli) -> None:
    assert _slugs(cli, "list", "--mrc", "MRC d'Autrey") == ["chasse-galerie"]
    assert _slugs(cli, "list", "--mrc", "hors MRC") == ["lac-edouard"]


def test_unknown_region_is_an_error_with_suggestion(cli: Cli) -> None:
    result = cli("list", "--region", "Estri")
    assert result.code == 1
    assert "unknown region 'Estri' (did you mean 'Estrie'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--kind", "solidarte", "solidarité"),
        ("--model", "citoyne", "citoyen"),
        ("--country", "Frnace", "France"),
        ("--mrc", "Portnef", "Portneuf"),
        ("--municipality", "Racin", "Racine"),
        ("--project", "recherche-actoin", "recherche-action-proximite-2012-2014"),
    ],
)
def test_unknown_filter_values_suggest_valid_ones(
    option: str, value: str, hint: str, cli: Cli
) -> None:
    result = cli("list", option, value)
    assert result.code == 1
    assert f"did you mean '{hint}'" in result.stderr or (
        "valid values: " in result.stderr and hint in result.stderr
    )


def test_valid_filter_with_no_result_is_not_an_error(cli: Cli) -> None:
    result = cli("list", "--region", "Laval")
    assert result.code == 0
    assert "No cooperatives match" in result.stderr
    assert cli("list", "--region", "Laval", "--format", "json").stdout.strip() == "[]"


# --- show -------------------------------------------------------------------------------------


def test_show_any_kind_of_record(cli: Cli) -> None:
    for slug, kind in [
        ("la-brunante", "cooperative"),
        ("cqcm", "council"),
        ("agropur", "member"),
        ("mission-2", "mission"),
        ("polecn", "organisation"),
        ("blaise-mercier", "person"),
        ("jeune-coop", "programme"),
        ("feuille-de-route-2022", "roadmap"),
        ("forum-cooperation-territoriale-2017", "event"),
        ("cooperation-coactions-polecn", "cooperation"),
        ("cqcm-2014-territoires", "source"),
    ]:
        payload = json.loads(cli("show", slug, "--format", "json").stdout)
        assert (payload["slug"], payload["type"]) == (slug, kind)


def test_show_csv_keeps_an_organisation_kind_apart_from_the_record_type(cli: Cli) -> None:
    [row] = list(csv.DictReader(io.StringIO(cli("show", "polecn", "--format", "csv").stdout)))
    assert (row["kind"], row["type"]) == ("réseau", "organisation")


def test_show_links_mission_delegation_and_organisations_met(cli: Cli) -> None:
    payload = json.loads(cli("show", "maison-mere", "--format", "json").stdout)
    assert payload["links"]["met during"] == ["mission-1", "mission-3"]
    assert "la-procure" in payload["links"]["hosts"]
    person = json.loads(cli("show", "noemie-escortell", "--format", "json").stdout)
    assert person["links"]["delegation member of"] == ["mission-1", "mission-3"]
    assert "@" not in json.dumps(person)


def test_show_timeline_keeps_undated_steps_undated(cli: Cli) -> None:
    payload = json.loads(cli("show", "la-brunante", "--format", "json").stdout)
    dates = [step["date"] for step in payload["timeline"]]
    assert dates == ["1997", "1998", None, None]
    assert (
        payload["sources"]
        == [s["id"] for s in payload["source_details"]]
        == [
            "cqcm-2014-territoires",
            "cqcm-2014-territoires-transcript",
        ]
    )


def test_unknown_slug_suggests_the_closest(cli: Cli) -> None:
    result = cli("show", "la-brunant")
    assert result.code == 1
    assert "unknown record 'la-brunant' (did you mean 'la-brunante'" in result.stderr


# --- missions, federations, search, stats ----------------------------------------------------


def test_missions_year_keeps_overlapping_missions_in_date_order(cli: Cli) -> None:
    assert _slugs(cli, "missions", "--year", "2017") == ["mission-2", "mission-3"]
    assert _slugs(cli, "missions") == ["mission-1", "mission-2", "mission-3", "mission-4"]
    assert _slugs(cli, "missions", "--country", "france") == ["mission-2", "mission-4"]


def test_missions_in_a_year_without_any_says_so(cli: Cli) -> None:
    result = cli("missions", "--year", "2019")
    assert result.code == 0
    assert "No missions in 2019." in result.stderr


def test_mission_dates_stay_as_precise_as_the_source(cli: Cli) -> None:
    [mission] = json.loads(cli("missions", "--year", "2018", "--format", "json").stdout)
    assert (mission["start"], mission["end"], mission["date_note"]) == (
        "2018-09",
        None,
        "fin septembre 2018",
    )


def test_federations_grouped_by_sector(cli: Cli) -> None:
    members = json.loads(cli("federations", "--format", "json").stdout)
    assert len(members) == 18
    groups = [m["sector_group"] for m in members]
    assert groups == sorted(
        groups,
        key=[
            "Services financiers",
            "Consommateurs",
            "Producteurs agricoles",
            "Travailleurs",
            "Développement régional",
        ].index,
    )
    assert len(_slugs(cli, "federations", "--sector", "travailleurs")) == 4


def test_unknown_sector_suggests(cli: Cli) -> None:
    result = cli("federations", "--sector", "travaileurs")
    assert result.code == 1
    assert "did you mean 'Travailleurs'" in result.stderr


def test_search_ignores_accents_and_ranks_names_first(cli: Cli) -> None:
    hits = json.loads(cli("search", "edouard", "--format", "json").stdout)
    assert [h["slug"] for h in hits[:2]] == ["lac-edouard", "edouard-julien-blanchet"]
    assert {"slug", "kind", "name", "field", "match", "score"} <= set(hits[0])
    assert _slugs(cli, "search", "Balaise Mercier")[0] == "blaise-mercier"


def test_search_with_no_match_is_not_an_error(cli: Cli) -> None:
    result = cli("search", "zzzzzz")
    assert result.code == 0
    assert "Nothing matches" in result.stderr


def test_stats_json_has_every_summary(cli: Cli) -> None:
    summary = json.loads(cli("stats", "--format", "json").stdout)
    assert summary["cooperatives_per_region"]["Capitale-Nationale"] == 4
    assert summary["members_per_sector"]["Consommateurs"] == 6
    assert summary["missions_per_year"] == {"2016": 1, "2017": 2, "2018": 1}
    assert summary["cooperatives_per_model"]["citoyen"] == 1
    assert any(
        f["label"] == "jeunes participants" and f["value"] == 2576
        for f in summary["council_figures"]
    )


# --- formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "la-brunante"],
        ["missions"],
        ["federations"],
        ["search", "coop"],
        ["stats"],
    ],
)
def test_every_query_command_speaks_every_format(command: list[str], cli: Cli) -> None:
    outputs = {
        fmt: cli(*command, "--format", fmt) for fmt in ("table", "json", "csv", "yaml", "markdown")
    }
    assert all(r.code == 0 for r in outputs.values()), outputs
    json.loads(outputs["json"].stdout)
    assert yaml.safe_load(outputs["yaml"].stdout) == json.loads(outputs["json"].stdout)
    rows = list(csv.reader(io.StringIO(outputs["csv"].stdout)))
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
    assert outputs["markdown"].stdout.lstrip().startswith(("###", "|"))
    assert "|---" in outputs["markdown"].stdout


def test_csv_flattens_nested_fields_predictably(cli: Cli) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    brunante = next(r for r in rows if r["slug"] == "la-brunante")
    assert brunante["aliases"] == "La Brunante"
    # one readable line per step, no JSON in a cell (the steps' own table: coopkb export csv)
    assert brunante["timeline"].splitlines()[0] == "1997: Un membre de la Caisse Desjardins."
    assert brunante["project_name"].startswith("Projet de recherche-action")


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("list", "--format", "jsn")
    assert result.code == 2
    assert "did you mean 'json'" in result.stderr


# --- terminal safety, colour, usage -------------------------------------------------------------


def test_markup_in_data_is_printed_literally(data_copy: Path, cli: Cli) -> None:
    coops = data_copy / "cooperatives.yaml"
    evil = "'[bold red]Coop[/bold red] [link=https://evil.example]x[/link] [/x]'"
    coops.write_text(
        coops.read_text().replace("name: Coopérative de santé Robert-Cliche", f"name: {evil}")
    )
    for args in (["list"], ["show", "sante-robert-cliche"], ["search", "evil"]):
        result = cli("--data-dir", str(data_copy), *args, env={"COLUMNS": "200"})
        assert result.code == 0, result
        assert "[bold red]Coop[/bold red] [link=https://evil.example]x[/link] [/x]" in (
            result.stdout
        )


def test_control_characters_never_reach_the_terminal() -> None:
    from coopkb.output.text import safe

    assert safe("a\x1b[31mb\x9bc\u202ed\x07") == "a\ufffd[31mb\ufffdc\ufffdd\ufffd"
    assert safe("ligne\nsuivante\ttab") == "ligne\nsuivante tab"  # a tab would break a row


def test_piped_output_has_no_escape_codes_but_force_color_does(cli: Cli) -> None:
    assert "\x1b[" not in cli("list").stdout
    forced = cli("list", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"}).stdout
    assert "\x1b[" in forced
    no_color = cli("list", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm"}).stdout
    assert "\x1b[3" not in no_color and "\x1b[9" not in no_color


def test_mistyped_command_gets_a_suggestion(cli: Cli) -> None:
    result = cli("lst")
    assert result.code == 2
    assert "(did you mean 'list'?)" in result.stderr


def test_mistyped_option_gets_a_suggestion(cli: Cli) -> None:
    result = cli("list", "--regoin", "Estrie")
    assert result.code == 2
    assert "--region" in result.stderr


@pytest.mark.parametrize(
    "command", ["list", "show", "missions", "federations", "search", "stats", "validate", "schema"]
)
def test_every_command_has_help_with_an_example(command: str, cli: Cli) -> None:
    result = cli(command, "--help")
    assert result.code == 0
    assert "Example: coopkb" in result.stdout


def test_version(cli: Cli) -> None:
    from coopkb import __version__

    assert cli("--version").stdout.strip() == f"coopkb {__version__}"


def test_invalid_data_makes_queries_fail_cleanly(data_copy: Path, cli: Cli) -> None:
    (data_copy / "missions.yaml").write_text("missions: [\n")
    result = cli("--data-dir", str(data_copy), "list")
    assert result.code == 1
    assert "is invalid" in result.stderr and "missions.yaml:2:1" in result.stderr


def test_data_dir_option_is_accepted_after_the_command_too(base_copy: Path, cli: Cli) -> None:
    assert _slugs(cli, "list", "--data-dir", str(base_copy)) == ["la-brunante", "co-actions"]


def test_environment_variable_chooses_the_data(base_copy: Path, cli: Cli) -> None:
    result = cli("list", "--format", "json", env={"COOPKB_DATA_DIR": str(base_copy)})
    assert len(json.loads(result.stdout)) == 2


def test_long_listing_uses_the_light_layout_and_stays_in_80_columns(
    tmp_path: Path, cli: Cli
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate

    data = generate(600, tmp_path / "big", base=DATA)
    result = cli("--data-dir", str(data), "list")
    assert result.code == 0, result
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    rule = next(i for i, line in enumerate(lines) if line.startswith(" ─"))
    header_words = " ".join(lines[2:rule]).split()
    assert sorted(header_words) == sorted(
        ["name", "·", "slug", "municipality", "·", "MRC", "·", "region", "kind", "·", "model"]
    )
    assert "coop-synthetique-599" in result.stdout
    assert "620 cooperatives" in lines  # then the count by project
    as_json = json.loads(cli("--data-dir", str(data), "list", "--format", "json").stdout)
    assert len(as_json) == 620


def test_verbose_says_which_data_and_cache(base_copy: Path, cli: Cli) -> None:
    first = cli("-v", "--data-dir", str(base_copy), "list")
    assert f"data: {base_copy} (from --data-dir); cache: miss, written" in first.stderr
    second = cli("-v", "--data-dir", str(base_copy), "list")
    assert "cache: hit" in second.stderr
    off = cli("-v", "--no-cache", "list")
    assert "data: data (from ./data); cache: off" in off.stderr


def test_show_a_source_lists_what_cites_it(cli: Cli) -> None:
    payload = json.loads(cli("show", "cqcm-relance-2020", "--format", "json").stdout)
    assert payload["type"] == "source"
    assert payload["name"] == "Penser la relance par l'enrichissement collectif"
    assert "feuille-de-route-relance-2020" in payload["links"]["cited by"]


def test_the_named_command_is_found_after_global_options() -> None:
    from coopkb.cli import _named_command

    assert _named_command(["--data-dir", "x", "-v", "--no-cache", "show", "cqcm"]) == "show"
    assert _named_command(["--data-dir=x", "list"]) == "list"
    assert _named_command(["lst"]) is None
    assert _named_command(["--help"]) is None


def test_show_names_the_records_a_record_refers_to(cli: Cli) -> None:
    text = cli("show", "mission-3", "--format", "markdown").stdout
    assert "Cécile Marsan (co-gérante, Co-Actions) [cecile-marsan]" in text  # her role
    # a linked record says where it stands: the visits of a mission mix Quebec and France
    assert "Coopérative artistique Méduse (Canada) [meduse]" in text
    as_json = json.loads(cli("show", "mission-3", "--format", "json").stdout)
    assert as_json["delegation"][0] == "cecile-marsan"  # machine formats keep plain slugs


def test_search_finds_sources_too(cli: Cli) -> None:
    hits = json.loads(cli("search", "territoires vivants", "--format", "json").stdout)
    assert ("cqcm-2014-territoires", "source") in {(h["slug"], h["kind"]) for h in hits}
