"""Finding anything on the first try: every kind browsable, `show` by any name, search that
understands French, figures and dates, values as users type them, a timeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Cli, run_coopkb


def _slugs(cli: Cli, *args: str) -> list[str]:
    result = cli(*args, "--format", "json")
    assert result.code == 0, result
    return [r["slug"] for r in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("krtb", "mfr-krtb"),
        ("MFR du KRTB", "mfr-krtb"),
        ("brunante", "la-brunante"),
        ("lac edouard", "lac-edouard"),
        ("LAC-ÉDOUARD", "lac-edouard"),
        ("Coopérative de développement local de Lac-Édouard", "lac-edouard"),
        ("CQCM", "cqcm"),
        ("Balaise Mercier", "blaise-mercier"),
    ],
)
def test_show_takes_any_name_a_user_knows(typed: str, slug: str, cli: Cli) -> None:
    result = cli("show", typed, "--format", "json")
    assert result.code == 0, result
    assert json.loads(result.stdout)["slug"] == slug


def test_show_lists_the_records_an_ambiguous_name_matches(cli: Cli) -> None:
    result = cli("show", "mission")
    assert result.code == 1
    assert "matches" in result.stderr
    for number in range(1, 5):
        assert f"mission-{number}  (mission)" in result.stderr


def test_show_fields_keeps_only_those_fields(cli: Cli) -> None:
    payload = json.loads(cli("show", "la-brunante", "--fields", "region,mrc", "-f", "json").stdout)
    assert {k for k in payload if k not in ("type", "links", "source_details")} == {
        "slug",
        "name",
        "region",
        "mrc",
    }
    # the values are the record's own, not just the keys
    assert payload["region"] == "Estrie" and payload["mrc"] == "Le Val-Saint-François"
    assert payload["name"].endswith("La Brunante")


def test_show_puts_list_items_one_per_line_as_bullets(cli: Cli) -> None:
    out = cli("show", "feuille-de-route-relance-2020").stdout
    assert "• 1. Reprise collective" in out


@pytest.mark.parametrize("typed", ["3000", "3 000", "3,000", "3\u202f000"])
def test_search_finds_a_figure_whatever_its_spacing(typed: str, cli: Cli) -> None:
    hits = json.loads(cli("search", typed, "--format", "json").stdout)
    assert hits and hits[0]["slug"] == "cqcm"
    assert "coopératives et mutuelles" in hits[0]["match"]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("octobre 2017", "mission-3"),
        ("2017-10", "mission-3"),
        ("novembre 2017", "forum-cooperation-territoriale-2017"),
    ],
)
def test_search_understands_french_and_iso_dates(typed: str, slug: str, cli: Cli) -> None:
    assert slug in _slugs(cli, "search", typed)


def test_search_matches_whole_words_with_accents_as_typed(cli: Cli) -> None:
    found = _slugs(cli, "search", "aînés")
    assert found[0] == "la-brunante"
    assert "sylvain-gendreau" not in found  # Franciscaines
    assert "aina-rakotoarinivo" not in found


def test_search_meets_french_word_forms(cli: Cli) -> None:
    assert "auberge-le-balcon" in _slugs(cli, "search", "jeune")  # Auberge de jeunesse
    assert "blaise-mercier" in _slugs(cli, "search", "directrice")  # directeur
    assert set(_slugs(cli, "search", "coopérative")) == set(_slugs(cli, "search", "coopératives"))


def test_search_ranks_a_name_above_a_description(cli: Cli) -> None:
    hits = json.loads(cli("search", "edouard", "--format", "json").stdout)
    assert all("douard" in h["name"] for h in hits[:2])  # the names holding the word first
    # the excerpt is the text beyond the name (the name has its own column) when one matches
    assert hits[0]["field"] == "municipality" and "Lac-Édouard" in hits[0]["match"]
    assert hits[-1]["slug"] == "cqcm"


def test_search_kind_restricts_the_hits(cli: Cli) -> None:
    assert _slugs(cli, "search", "edouard", "--kind", "person") == ["edouard-julien-blanchet"]


def test_search_snippets_never_cut_a_number() -> None:
    from coopkb.query.words import snippet, wanted_words

    text = "Un long texte " * 10 + "qui compte 1 250 000 000 $ de chiffre d'affaires " + "fin " * 20
    shown = snippet(text, wanted_words("affaires"))
    assert shown.startswith("… 1 250 000 000 $ de chiffre d'affaires")  # moved back to the start


@pytest.mark.parametrize("width", range(20, 60))
def test_a_snippet_shows_an_amount_after_the_word_whole_or_not_at_all(width: int) -> None:
    from coopkb.query.words import snippet, wanted_words

    text = "Avant " * 10 + "le chiffre grimpe à 1 250 000 000 $ cette année " + "fin " * 20
    shown = snippet(text, wanted_words("chiffre"), width=width)
    assert "chiffre" in shown
    assert "1 250 000 000 $" in shown or not any(c.isdigit() or c == "$" for c in shown)


@pytest.mark.parametrize(
    ("option", "typed", "slug"),
    [
        ("--region", "Bas St-Laurent", "mfr-krtb"),
        ("--region", "Lac St-Jean", "riviere-aux-saumons"),
        ("--region", "saguenay", "riviere-aux-saumons"),
        ("--region", "02", "riviere-aux-saumons"),
    ],
)
def test_values_as_users_type_them(option: str, typed: str, slug: str, cli: Cli) -> None:
    assert slug in _slugs(cli, "list", option, typed)


def test_an_unknown_value_with_nothing_close_lists_the_valid_ones(cli: Cli) -> None:
    result = cli("federations", "--sector", "foo")
    assert result.code == 1
    for sector in ("Services financiers", "Consommateurs", "Travailleurs"):
        assert sector in result.stderr


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("people", "--mission", "3"), "cecile-marsan"),
        (("organisations", "--country", "France"), "cap-solidaire"),
        (("organizations", "--country", "France"), "cap-solidaire"),
        (("events", "--year", "2017"), "forum-cooperation-territoriale-2017"),
        (("programmes",), "jeune-coop"),
        (("roadmaps",), "feuille-de-route-relance-2020"),
    ],
)
def test_every_kind_of_record_can_be_browsed(
    command: tuple[str, ...], expected: str, cli: Cli
) -> None:
    assert expected in _slugs(cli, *command)


def test_values_lists_the_regions_in_use(cli: Cli) -> None:
    rows = json.loads(cli("values", "region", "--format", "json").stdout)
    assert {"value": "Estrie", "count": 2} in rows


def test_timeline_is_a_chronology_with_filters(cli: Cli) -> None:
    rows = json.loads(cli("timeline", "--year", "2017", "--kind", "mission", "-f", "json").stdout)
    assert [r["slug"] for r in rows] == ["mission-2", "mission-3"]
    everything = json.loads(cli("timeline", "--format", "json").stdout)
    dates = [r["date"] for r in everything]
    assert dates == sorted(dates) and len(everything) > 30
    estrie = json.loads(cli("timeline", "--region", "Estrie", "-f", "json").stdout)
    assert estrie and {r["slug"] for r in estrie} <= {"la-brunante", "developpement-local-racine"}
    assert "la-brunante" in {r["slug"] for r in estrie}
    assert len(estrie) < len(everything)


def test_help_groups_the_commands(cli: Cli) -> None:
    out = cli("--help").stdout
    assert out.index("Browse:") < out.index("Look up:") < out.index("Edit and check the data:")


@pytest.mark.parametrize(
    "command",
    [
        "list",
        "people",
        "organisations",
        "events",
        "programmes",
        "roadmaps",
        "show",
        "search",
        "timeline",
        "values",
        "stats",
        "validate",
        "schema",
        "new",
    ],
)
def test_every_command_help_has_an_example(command: str, cli: Cli) -> None:
    assert "Example: coopkb" in cli(command, "--help").stdout


def test_an_unknown_field_far_from_any_lists_the_records_fields(cli: Cli) -> None:
    result = cli("show", "co-actions", "--fields", "partners")
    assert result.code == 1
    assert "unknown field 'partners'; valid values: name, aliases, country, region" in result.stderr
    assert "figures, sources" in result.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_missions_at_80_columns_keep_every_word_whole(lang: str) -> None:
    """« Nouvelle-Aquitaine » was cut into « Nouvelle-Aquitai » / « ne »: columns now give way
    down to their longest word, then with narrower gaps, before any word is cut."""
    from conftest import run_coopkb

    result = run_coopkb("--lang", lang, "missions", env={"COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert sum("Nouvelle-Aquitaine" in line for line in lines) == 2
    fourth = next(line for line in lines if "mission-4" in line)
    assert fourth.rstrip().endswith("Nouvelle-Aquitaine")  # none met is not « 0 met »


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_fact_dated_by_decades_is_in_the_timeline_of_those_decades(lang: str) -> None:
    """The CQCM's first growth is dated « les années 50 et 60 » by its source: a step from 1950
    to 1969 (the documents check accepts the decades as stating both years), found by a
    timeline of the 1950s and 60s and by one of the 1960s alone."""
    from conftest import run_coopkb

    for span in (("1950", "1969"), ("1960", "1965")):
        result = run_coopkb(
            "--lang", lang, "timeline", "--from", span[0], "--to", span[1], env={"COLUMNS": "80"}
        )
        assert result.returncode == 0, result.stderr
        assert "1950→1969" in result.stdout and "cqcm" in result.stdout
    assert "cqcm" not in run_coopkb("timeline", "--from", "1970", "--to", "1979").stdout


def test_a_decade_states_the_years_that_start_and_end_it() -> None:
    from coopkb.validation.documents import phrase, states

    passage = phrase("Son premier essor vient dans les années 50 et 60, après la guerre")
    assert [
        y for y in ("1940", "1950", "1955", "1959", "1960", "1969", "1970") if states(passage, y)
    ] == [
        "1950",
        "1959",
        "1960",
        "1969",
    ]
    assert states(phrase("dans les années 1990"), "1999")
    assert not states(phrase("en 1950"), "1959")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_of_an_organisation_says_each_persons_role(lang: str, cli: Cli) -> None:
    result = cli("--lang", lang, "show", "polecn")
    assert result.code == 0
    assert "Félix Bussièrès [felix-bussieres] — directeur général" in result.stdout
    assert "Charles Demers [charles-demers] — co-président" in result.stdout


def test_search_reads_a_records_text_not_the_slugs_it_refers_to(cli: Cli) -> None:
    """« proximité » found the 12 cooperatives of the proximity study through their project's
    slug; a reference is a link to follow, not a word of the record."""
    hits = json.loads(cli("--lang", "fr", "search", "proximité", "-f", "json").stdout)
    assert all(hit["field"] != "project" for hit in hits)
    assert "recherche-action-proximite-2012-2014" in {hit["slug"] for hit in hits}
    assert "la-brunante" in _slugs(cli, "search", "brunante")  # names and text still found


def test_stats_narrow_to_the_cooperatives_a_filter_keeps(cli: Cli) -> None:
    """The proximity study's 12 cooperatives in 7 regions, counted by `stats`, not by hand."""
    study = "recherche-action-proximite-2012-2014"
    summary = json.loads(cli("stats", "--project", study, "-f", "json").stdout)
    per_region = summary["cooperatives_per_region"]
    assert sum(per_region.values()) == 12 and len(per_region) == 7
    assert "(sans précision)" not in per_region and "Nouvelle-Aquitaine" not in per_region
    estrie = json.loads(cli("stats", "--region", "Estrie", "-f", "json").stdout)
    assert estrie["cooperatives_per_region"] == {"Estrie": 2}
    # Narrowed, the summary is about those cooperatives only: no member, mission or figure of
    # the whole base mixed in (a reader took « 20 coopératives » for the study's count).
    assert summary["totals"] == {"cooperative": 12} and estrie["totals"] == {"cooperative": 2}
    assert not {"members_per_sector", "missions_per_year", "council_figures"} & summary.keys()
    shown = cli("--lang", "fr", "stats", "--project", study).stdout
    assert "Membres par secteur" not in shown and "Chiffres clés" not in shown
    assert "coopérative" in shown and "12" in shown
    whole = json.loads(cli("stats", "-f", "json").stdout)
    assert whole["totals"]["cooperative"] > 12 and "members_per_sector" in whole
    wrong = cli("--lang", "fr", "stats", "--region", "Estri")
    assert wrong.code == 1 and "Estrie" in wrong.stderr


@pytest.mark.parametrize(
    ("lang", "query", "slug", "field"),
    [
        ("fr", "objectifs spécifiques", "cooperation-coactions-polecn", "specific_objectives"),
        ("fr", "perspectives d'avenir", "cqcm", "outlook"),
        ("en", "specific objectives", "cooperation-coactions-polecn", "specific_objectives"),
    ],
)
def test_search_knows_what_fields_are_called(
    lang: str, query: str, slug: str, field: str, cli: Cli
) -> None:
    """A field's label finds the record through that field, its value as the excerpt."""
    hits = json.loads(cli("--lang", lang, "search", query, "-f", "json").stdout)
    assert (hits[0]["slug"], hits[0]["field"]) == (slug, field)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_french_names_are_accepted_where_users_type_names(lang: str, cli: Cli) -> None:
    """`--fields "axes stratégiques"`, `--kind conseil`, `values région`: the names the
    interface shows in French work in both languages, as the keys do."""
    shown = cli("--lang", lang, "show", "cqcm", "--fields", "axes stratégiques", "-f", "json")
    assert shown.code == 0 and "strategic_axes" in json.loads(shown.stdout)
    by_kind = json.loads(
        cli("--lang", lang, "search", "coop", "--kind", "conseil", "-f", "json").stdout
    )
    assert by_kind and {hit["kind"] for hit in by_kind} == {"council"}
    french = json.loads(cli("--lang", lang, "values", "région", "-f", "json").stdout)
    assert french == json.loads(cli("--lang", lang, "values", "region", "-f", "json").stdout)
    legal = json.loads(cli("--lang", lang, "values", "catégorie juridique", "-f", "json").stdout)
    assert {row["value"] for row in legal} >= {"solidarité"}


def test_values_titles_name_the_field_in_french(cli: Cli) -> None:
    assert cli("--lang", "fr", "values", "region").stdout.startswith(
        "Valeurs du champ «\u00a0région\u00a0»"
    )
    assert cli("--lang", "fr", "values", "kind").stdout.startswith(
        "Valeurs du champ «\u00a0catégorie juridique\u00a0»"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("query", "answer"),
    [
        # the lever's action ends with where the money comes from: a 70-character window cut it
        ("fonds d'acquisition", "PARC"),
        # found by its name, the study shows the figure that also holds the words, not its name
        ("taux de survie", "64"),
    ],
)
def test_a_search_excerpt_holds_the_answer_at_80_columns(
    lang: str, query: str, answer: str
) -> None:
    result = run_coopkb("--lang", lang, "search", query, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert answer in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


@pytest.mark.parametrize("typed", ["23 novembre 2017", "2017-11-23", "23/11/2017"])
def test_a_date_finds_that_days_fact_before_a_period_holding_it(typed: str, cli: Cli) -> None:
    slugs = _slugs(cli, "search", typed)
    assert slugs[0] == "forum-cooperation-territoriale-2017"
    assert "cooperation-coactions-polecn" in slugs[1:]  # the 2016–2018 cooperation, after


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_linked_records_say_where_they_stand_at_80_columns(lang: str) -> None:
    """Mission 2's visits and the cooperation's partners mix Quebec and France: each says its
    place and country."""
    shown = run_coopkb("--lang", lang, "show", "mission-2", env={"COLUMNS": "80"}).stdout
    flat = " ".join(shown.split())
    assert "Cap Solidaire (Sud-Gironde, Nouvelle-Aquitaine, France) [cap-solidaire]" in flat
    partners = run_coopkb("--lang", lang, "show", "cooperation-coactions-polecn").stdout
    flat = " ".join(partners.split())
    assert re.search(r"\(Capitale-Nationale, Canada\) \[polecn\]", flat)
    assert re.search(r"Co-Actions \([^)]*France\) \[co-actions\]", flat)
    csv = run_coopkb("show", "mission-2", "-f", "csv").stdout  # machine formats keep names
    assert "(Sud-Gironde" not in csv


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_programmes_give_their_key_figures_room_at_80_columns(lang: str) -> None:
    """The name column is no longer as wide as the longest slug (the slug has its own line):
    each key figure of the proximity study holds on one line."""
    shown = run_coopkb("--lang", lang, "programmes", env={"COLUMNS": "80"}).stdout
    lines = shown.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert any(line.rstrip().endswith("1 comité scientifique") for line in lines)
    assert any(line.strip() == "recherche-action-proximite-2012-2014" for line in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_list_found_by_its_label_shows_its_items_not_the_first(lang: str) -> None:
    query = "perspectives d'avenir" if lang == "fr" else "outlook"
    result = run_coopkb("--lang", lang, "search", query, "-f", "json")
    hit = json.loads(result.stdout)[0]
    assert hit["slug"] == "cqcm" and hit["field"] == "outlook"
    assert hit["match"].count(" • ") >= 2, hit  # several items, not one


def test_show_evidence_reads_a_list_value_item_by_item() -> None:
    shown = run_coopkb(
        "--lang",
        "fr",
        "show",
        "feuille-de-route-relance-2020",
        "--evidence",
        env={"COLUMNS": "200"},
    ).stdout
    assert '["' not in shown and "['" not in shown
    assert "du PARC (Investissement Québec). • Financer" in " ".join(shown.split())


@pytest.mark.parametrize(
    ("lang", "typed", "slug"),
    [
        ("fr", "coopération", "cooperation-coactions-polecn"),
        ("en", "cooperation", "cooperation-coactions-polecn"),
        ("fr", "conseil", "cqcm"),
    ],
)
def test_the_name_of_a_kind_with_one_record_opens_it(lang: str, typed: str, slug: str) -> None:
    """`show coopération` means the cooperation (the only record of that kind), not a list of
    the 12 records whose names hold the word."""
    shown = run_coopkb("--lang", lang, "show", typed, "-f", "json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["slug"] == slug, shown.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_ambiguous_name_lists_its_candidates_within_80_columns(lang: str) -> None:
    result = run_coopkb("--lang", lang, "show", "mission", env={"COLUMNS": "80"})
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) > 4 and all(len(line) <= 80 for line in lines), result.stderr
    assert any(line.strip().startswith("mission-4") for line in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_roadmaps_list_each_levers_actions_at_80_columns(lang: str) -> None:
    """What a roadmap proposes is in its actions: the listing shows them under their lever,
    each wrapped line hanging under its dash."""
    shown = run_coopkb("--lang", lang, "roadmaps", env={"COLUMNS": "80"}).stdout
    lines = shown.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "PARC" in shown and "– Créer un fonds d'acquisition" in shown
    first = next(i for i, line in enumerate(lines) if "– Créer un fonds" in line)
    dash = lines[first].index("–")
    assert lines[first + 1][: dash + 2].strip() == "" and lines[first + 1][dash + 2] != " "


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_sources_words_find_the_record_and_show_ours(lang: str) -> None:
    """« vision à court et à long terme » is how the 2020 roadmap's source puts it (an
    evidence quote); the hit shows the record's own field it states, in our words."""
    result = run_coopkb("--lang", lang, "search", "vision à court et à long terme", "-f", "json")
    hits = json.loads(result.stdout)
    assert hits and hits[0]["slug"] == "feuille-de-route-relance-2020", hits
    assert hits[0]["field"] == "description" and "long terme" in hits[0]["match"]


@pytest.mark.parametrize("typed", ["Baie-St-Paul", "baie st paul", "Baie-Saint-Paul"])
def test_saint_abbreviated_finds_the_place(typed: str, cli: Cli) -> None:
    assert "ville-baie-saint-paul" in _slugs(cli, "search", typed)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("pole des entreprises d'economie sociale de la capitale-nationale", "polecn"),
        ("maison cooperation quebec", "maison-de-la-cooperation"),
    ],
)
def test_show_finds_a_name_typed_with_words_left_out(typed: str, slug: str, cli: Cli) -> None:
    shown = cli("show", typed, "-f", "json")
    assert shown.code == 0 and json.loads(shown.stdout)["slug"] == slug, shown.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_fields_takes_the_period_it_prints(lang: str) -> None:
    word = "période" if lang == "fr" else "period"
    shown = run_coopkb("--lang", lang, "show", "mission-3", "--fields", word, "-f", "json")
    payload = json.loads(shown.stdout)
    assert payload["start"] == "2017-10-04" and payload["end"] == "2017-10-11", shown.stderr


def test_a_hit_found_by_its_name_says_what_tells_the_record(cli: Cli) -> None:
    """« nom : Miel » repeated the name: the hit shows who refers to it instead (the mission
    that met it), and a source's quote listing several records finds none by one word."""
    hits = json.loads(cli("--lang", "fr", "search", "miel", "-f", "json").stdout)
    assert [h["slug"] for h in hits] == ["miel"]
    assert hits[0]["field"] != "name" and "2e mission" in hits[0]["match"]


def test_a_category_only_the_source_words_shows_in_the_listing(cli: Cli) -> None:
    shown = cli("--lang", "fr", "list", env={"COLUMNS": "80"}).stdout
    assert "coop de travailleurs" in shown and "(selon la source)" in shown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_delegation_the_source_does_not_name_says_so(lang: str) -> None:
    result = run_coopkb("--lang", lang, "people", "--mission", "2")
    assert result.returncode == 0 and result.stdout == ""
    said = (
        "ne nomme aucun membre de la délégation de la mission 2"
        if lang == "fr"
        else ("names no member of the delegation of mission 2")
    )
    assert said in result.stderr and "POLECN" in result.stderr, result.stderr


@pytest.mark.parametrize("typed", ["coworking", "Coworking", "cotravail"])
def test_a_word_finds_its_synonym_and_the_part_of_a_name_in_capitals(typed: str, cli: Cli) -> None:
    """« coworking » found nothing: the data says « cotravail » (the French term), and the one
    name holding the word writes it inside another (BoomCoworking)."""
    found = set(_slugs(cli, "--lang", "fr", "search", typed))
    assert {"boomcoworking", "la-ruche-bordeaux", "l-arret-minute"} <= found
    assert "la-brunante" not in found


def test_a_name_in_capitals_is_found_by_its_parts_only_where_a_capital_starts_one(
    cli: Cli,
) -> None:
    assert "boomcoworking" in _slugs(cli, "search", "boom")
    assert "boomcoworking" not in _slugs(cli, "search", "oomco")  # a part starts at a capital


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Aucun événement en 2013. La chronologie compte 4 faits datés de 2013"),
        ("en", "No events in 2013. The timeline holds 4 dated facts of 2013"),
    ],
)
def test_an_empty_year_of_one_kind_leads_to_that_years_timeline(lang: str, said: str) -> None:
    result = run_coopkb("--lang", lang, "events", "--year", "2013", env={"COLUMNS": "80"})
    assert result.returncode == 0 and result.stdout == ""
    assert said in result.stderr, result.stderr
    assert "`coopkb timeline --year 2013`" in result.stderr
    quiet = run_coopkb("--lang", lang, "events", "--year", "1800")
    assert "1800" in quiet.stderr and "timeline" not in quiet.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_timeline_puts_each_slug_under_its_text_at_80_columns(lang: str) -> None:
    """A slug column of its own (36 characters) left the text 27 at 80 columns."""
    shown = run_coopkb("--lang", lang, "timeline", "--year", "2013", env={"COLUMNS": "80"}).stdout
    lines = shown.splitlines()
    assert all(len(line) <= 80 for line in lines)
    slug = next(i for i, line in enumerate(lines) if "recherche-action-proximite-2012-2014" in line)
    assert lines[slug].strip() == "recherche-action-proximite-2012-2014"
    assert "Projet de recherche-action sur la proximité et les coopératives" in lines[slug - 2]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_member_groups_stand_apart_from_members_without_colour(lang: str) -> None:
    shown = run_coopkb("--lang", lang, "federations", env={"COLUMNS": "80"}).stdout
    lines = shown.splitlines()
    heading = "  Services financiers (4)"
    at = lines.index(heading)
    consumers = next(i for i, line in enumerate(lines) if line.startswith("  Consommateurs ("))
    assert lines[consumers - 1] == "" and consumers > at


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "fr",
            "Aucune fiche ne contient «\u00a0koalla\u00a0»\u00a0: "
            "recherche faite avec «\u00a0koala\u00a0».",
        ),
        ("en", "No record holds 'koalla': searched for 'koala' instead."),
    ],
)
def test_a_typo_in_a_search_is_read_as_the_bases_closest_word(lang: str, said: str) -> None:
    result = run_coopkb("--lang", lang, "search", "koalla", env={"COLUMNS": "80"})
    assert "espace-koala" in result.stdout
    assert said in " ".join(result.stdout.split("\n")).replace("  ", " "), result.stdout


def test_a_typo_beside_words_the_base_holds_is_corrected_first(cli: Cli) -> None:
    """« monaies complementaires Aquitaine » found nothing, not even the records with the
    other words; the typo read as « monnaie », the complementary currencies are found."""
    found = _slugs(cli, "search", "monaies complementaires")
    assert {"miel", "cigales"} <= set(found)
    assert _slugs(cli, "search", "Espace Koalla")[0] == "espace-koala"
    assert _slugs(cli, "search", "zzzqqq") == []  # nothing near: nothing read instead


def test_question_words_are_never_corrected() -> None:
    from conftest import DATA
    from coopkb.query.search import corrections
    from coopkb.storage import knowledge as store

    kb, _ = store.load_knowledge_base(store.DataLocation(DATA, "test"), None)
    assert corrections(kb, "quelles sont les coopératives") == {}
    assert corrections(kb, "monaies") == {"monaies": "monnaie"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_suggests_the_name_a_typo_stands_for(lang: str) -> None:
    result = run_coopkb("--lang", lang, "show", "koalla")
    assert result.returncode == 1
    assert "Espace Koala" in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_about_so_many_finds_the_figure(cli: Cli) -> None:
    """« quarantaine » is about 40: the 40 promoters met by the proximity study."""
    assert "recherche-action-proximite-2012-2014" in _slugs(cli, "search", "quarantaine")


def test_a_project_filter_reads_the_projects_cooperatives_take_part_in_first(cli: Cli) -> None:
    assert len(_slugs(cli, "list", "--project", "proximite")) == 12
    # a programme no cooperative takes part in is still a valid project: none listed
    result = cli("list", "--project", "guide-services-proximite-2008")
    assert result.code == 0 and "No cooperatives" in result.stderr


@pytest.mark.parametrize(
    ("args", "ends"),
    [
        (("show", "nope-nope"), "« nope-nope »."),
        (("timeline", "--from", "2020", "--to", "2010"), "(2010)."),
    ],
)
def test_a_one_line_error_ends_as_a_sentence(args: tuple[str, ...], ends: str) -> None:
    result = run_coopkb("--lang", "fr", *args)
    assert result.returncode != 0
    assert result.stderr.rstrip("\n").replace("\u00a0", " ").endswith(ends), result.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_hit_found_by_its_place_also_says_what_the_record_is(lang: str) -> None:
    """Seven hits of « municipalité : Baie-Saint-Paul » told where, not what."""
    hits = json.loads(run_coopkb("--lang", lang, "search", "Baie-Saint-Paul", "-f", "json").stdout)
    mother = next(h for h in hits if h["slug"] == "maison-mere")
    assert mother["field"] == "municipality"
    assert "Tiers-lieu" in mother["match"] and mother["match"].startswith("Baie-Saint-Paul — ")


def test_a_field_named_by_every_telling_word_ranks_first(cli: Cli) -> None:
    """« innover dans l'action collective »: the CQCM's field of that name came third, below a
    programme whose name holds two of the words and a description holding « dans »."""
    hits = json.loads(
        cli("--lang", "fr", "search", "innover dans l'action collective", "-f", "json").stdout
    )
    assert (hits[0]["slug"], hits[0]["field"]) == ("cqcm", "innovating_in_collective_action")


def test_a_name_the_base_lacks_beside_words_it_holds_is_no_typo(cli: Cli) -> None:
    """« Montreal » read as « montrer » (0.8 alike) turned a partial match into a wrong one:
    the words as typed keep their partial hits, and nothing is said to be read otherwise."""
    shown = cli("search", "forum mondial economie sociale Montreal").stdout
    assert "gsef" in shown and "searched for" not in shown and "montrer" not in shown


@pytest.mark.parametrize(
    ("lang", "query", "answers"),
    [
        # the words held only as the labels of fields ask for those fields
        ("fr", "Maison Mere Baie-Saint-Paul site web", ["maisonmere.ca"]),
        ("en", "Maison Mere Baie-Saint-Paul website", ["maisonmere.ca"]),
        ("fr", "coop sante beauceville MRC region", ["Robert-Cliche", "Chaudière-Appalaches"]),
        ("en", "coop sante beauceville MRC region", ["Robert-Cliche", "Chaudière-Appalaches"]),
    ],
)
def test_a_field_named_in_the_query_is_the_excerpt(
    lang: str, query: str, answers: list[str]
) -> None:
    result = run_coopkb("--lang", lang, "search", query, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    shown = " ".join(result.stdout.split())
    for answer in answers:
        assert answer in shown, result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_people_named_with_one_more_word_are_both_offered(lang: str) -> None:
    """Each person holds two of the five words: under half, yet what was asked."""
    query = "Delphine Empio Juliette Giraud spécialités"
    result = run_coopkb("--lang", lang, "search", query, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert "delphine-empio" in result.stdout and "juliette-giraud" in result.stdout
    # found by their names, they show what tells them: not their names again
    assert "Consultante en innovation" in " ".join(result.stdout.split())
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_typo_is_read_as_the_bases_word_when_that_holds_more_of_the_words(lang: str) -> None:
    """No record holds every word either way: read as « URSCOP », the union holds three of the
    four words, typed it held two."""
    result = run_coopkb(
        "--lang", lang, "search", "URSCOOP union régionale tortue", env={"COLUMNS": "80"}
    )
    assert result.returncode == 0, result.stderr
    shown = " ".join(result.stdout.split())
    assert "urscop" in shown.lower()
    assert "3" in shown.rsplit("urscop union régionale tortue", 1)[-1], shown


# --- the first command answers: the place beside a hit, the record a search points to ---------


def _flat(text: str) -> str:
    """Lines wrapped at 80 columns joined again; a no-break space stays one."""
    return re.sub(r"[ \n]+", " ", text).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_search_hit_says_where_its_record_stands_with_its_mrc(lang: str) -> None:
    """« une coop à La Doré … dans quelle MRC? » and « la coop de santé, dans quelle ville? »
    each needed a `show` after the search: the hit now names the municipality, MRC, region."""
    result = run_coopkb("--lang", lang, "search", "coop de santé", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    # the name column wraps beside the excerpts: its pieces, each on its line
    assert re.search(r"Robert-Cliche — Beauceville +\S", result.stdout)
    assert re.search(r"\n +\(MRC Robert-Cliche\),", result.stdout)
    edouard = run_coopkb("--lang", lang, "search", "Lac-Édouard", env={"COLUMNS": "80"}).stdout
    outside = "hors MRC" if lang == "fr" else "outside any MRC"
    assert f"({outside}), Mauricie" in edouard
    hits = json.loads(run_coopkb("search", "La Doré", "-f", "json").stdout)
    assert hits[0]["place"] == "La Doré (MRC Le Domaine-du-Roy), Saguenay–Lac-Saint-Jean"
    # a record of France keeps its country: the list mixes both sides of the cooperation
    cap = json.loads(run_coopkb("search", "Cap Solidaire", "-f", "json").stdout)
    assert cap[0]["place"].endswith("France")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("query", "slug", "answer"),
    [
        ("La Brunante", "la-brunante", "1998"),  # two hits: the council's case study names it
        ("Maison familiale rurale KRTB", "mfr-krtb", "Saint-Clément"),  # the only hit
        ("Lac-Édouard", "lac-edouard", "Parc écotouristique"),
    ],
)
def test_a_search_pointing_to_one_record_shows_that_record_under_its_hits(
    lang: str, query: str, slug: str, answer: str
) -> None:
    """The year a group formed, the projects a village's coop started: the record's timeline
    follows the hits when the words typed name one record, as `show` would print it."""
    result = run_coopkb("--lang", lang, "search", query, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    heading = "Sa fiche" if lang == "fr" else "Its record"
    assert f"{heading} (coopkb show {slug})" in out
    shown = run_coopkb("--lang", lang, "show", slug, env={"COLUMNS": "80"}).stdout
    assert out.endswith(shown) and answer in shown
    # machine formats stay the hits alone
    assert json.loads(run_coopkb("search", query, "-f", "json").stdout)[0]["slug"] == slug


@pytest.mark.parametrize("query", ["coopérative", "octobre 2017", "santé"])
def test_a_search_naming_several_records_shows_no_record(query: str) -> None:
    out = run_coopkb("--lang", "fr", "search", query).stdout
    assert "Sa fiche" not in out and "résultats" in out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_missions_name_the_events_each_attended(lang: str) -> None:
    """« à quel grand événement Co-Actions a-t-elle participé » needed `show mission-1`."""
    result = run_coopkb("--lang", lang, "missions", env={"COLUMNS": "80"})
    assert result.returncode == 0
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    flat = _flat(result.stdout)
    colon = "\u00a0:" if lang == "fr" else ":"
    assert f"Mission 1{colon} Forum mondial de l'économie sociale" in flat
    assert f"Mission 4{colon} Forum mondial de l'économie sociale (Bilbao)" in flat
    assert "(Tactiq) (Québec, Capitale-Nationale, Canada)" in flat


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_missions_delegation_gives_each_persons_role(lang: str) -> None:
    """« qui est venu de France, et quel était leur rôle » needed `people` after the mission."""
    flat = _flat(run_coopkb("--lang", lang, "show", "mission-1", env={"COLUMNS": "80"}).stdout)
    assert re.search(r"Cécile Marsan \(co-?gérante, Co-Actions\) \[cecile-marsan\]", flat)
    # two roles at one organisation name it once
    three = _flat(run_coopkb("--lang", lang, "show", "mission-3").stdout)
    both = "et" if lang == "fr" else "and"
    assert f"coordinatrice du projet de coopération {both} chef de projet" in three
    assert three.count("partenariats européens, Co-Actions)") == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_list_counts_its_cooperatives_by_project(lang: str) -> None:
    """« combien en Mauricie, et lesquelles sont du projet » needed `list --project`, whose
    slug nobody knew: the listing says each project by name and slug."""
    result = run_coopkb("--lang", lang, "list", "--region", "Mauricie", env={"COLUMNS": "80"})
    flat = _flat(result.stdout)
    colon = "\u00a0:" if lang == "fr" else ":"
    assert f"coopératives innovantes [recherche-action-proximite-2012-2014]{colon} 2" in flat
    everything = _flat(run_coopkb("--lang", lang, "list").stdout)
    assert f"[recherche-action-proximite-2012-2014]{colon} 12" in everything
    assert f"[cooperation-coactions-polecn]{colon} 8" in everything


def test_a_slug_guessed_from_a_village_suggests_the_record_standing_there() -> None:
    result = run_coopkb("--lang", "fr", "show", "cooperative-la-dore")
    assert result.returncode == 1
    assert "« riviere-aux-saumons »" in result.stderr.replace("\u00a0", " ")
    two = run_coopkb("--lang", "en", "show", "coop-racine").stderr
    assert "'developpement-local-racine' or 'la-brunante'" in two


def test_a_person_linked_with_an_affiliation_saying_no_role_shows_the_organisation(
    data_copy: Path,
) -> None:
    """An affiliation may name the organisation without a role: the delegation still reads."""
    path = data_copy / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("        role: co-gérante\n", "", 1), encoding="utf-8")
    result = run_coopkb("--data-dir", str(data_copy), "show", "mission-1")
    assert result.returncode == 0, result.stderr
    assert "Cécile Marsan (Co-Actions) [cecile-marsan]" in _flat(result.stdout)
