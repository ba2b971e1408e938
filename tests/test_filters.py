"""Filters and the values users type for them, called as the query layer (no CLI): each test pins
one behaviour the mutation run found untested."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import DATA
from coopkb.query import UnknownValue
from coopkb.query import filters as f
from coopkb.storage import knowledge as store


@pytest.fixture(scope="module")
def kb() -> dict[str, Any]:
    base, _ = store.load_knowledge_base(store.DataLocation(DATA, "test"), None)
    return base


def _slugs(records: list[dict[str, Any]]) -> list[str]:
    return [r["slug"] for r in records]


def test_people_of_an_organisation_by_slug_or_name(kb: dict[str, Any]) -> None:
    by_slug = _slugs(f.find_people(kb, organisation="polecn"))
    assert by_slug == ["charles-demers", "felix-bussieres", "yannick-fortier"]
    assert _slugs(f.find_people(kb, organisation="POLECN")) == by_slug
    assert _slugs(f.find_people(kb, organisation="Fabrique POLA")) == [
        "blaise-mercier",
        "magali-novion",
    ]


def test_people_of_a_mission_and_of_an_unknown_one(kb: dict[str, Any]) -> None:
    assert _slugs(f.find_people(kb, mission=1)) == ["cecile-marsan", "noemie-escortell"]
    with pytest.raises(UnknownValue) as err:
        f.find_people(kb, mission=9)
    assert "unknown mission '9'" in str(err.value) and err.value.valid == ["1", "2", "3", "4"]
    with pytest.raises(UnknownValue, match="unknown organisation 'nulle part'"):
        f.find_people(kb, organisation="nulle part")


def test_organisations_filtered_by_kind_country_and_region(kb: dict[str, Any]) -> None:
    networks = f.find_organisations(kb, kind="réseau")
    assert networks and all(o["kind"] == "réseau" for o in networks)
    french = f.find_organisations(kb, country="France")
    assert french and all(o["country"] == "France" for o in french)
    quebec = f.find_organisations(kb, region="capitale nationale")
    assert "boomcoworking" in _slugs(quebec)
    assert all(o["region"] == "Capitale-Nationale" for o in quebec)
    from coopkb.matching import fold

    names = [fold(o["name"]) for o in f.find_organisations(kb)]
    assert len(names) > 40 and names == sorted(names)  # by name, accents and case aside
    with pytest.raises(UnknownValue, match="unknown kind of organisation"):
        f.find_organisations(kb, kind="vaisseau")


def test_dated_records_overlap_the_year(kb: dict[str, Any]) -> None:
    assert _slugs(f.find_dated(kb, "event", 2017)) == [
        "rencontre-reseaux-cae-2017",
        "soiree-tactiq-2017",
        "forum-cooperation-territoriale-2017",
    ]
    spanning = _slugs(f.find_dated(kb, "programme", 2013))
    assert "recherche-action-proximite-2012-2014" in spanning  # 2012–2014 overlaps 2013
    assert _slugs(f.find_dated(kb, "roadmap", 2022, start="date")) == ["feuille-de-route-2022"]
    undated = f.find_dated(kb, "programme")
    assert _slugs(undated)[-1] in {p["slug"] for p in undated if not p.get("start")}


def test_years_of_a_record() -> None:
    assert f.years_of({"start": "2016-09", "end": "2018-09"}) == range(2016, 2019)
    assert f.years_of({"start": "2017"}) == range(2017, 2018)
    assert f.years_of({}) == range(0)
    assert f.years_of({"date": "2020-10"}, start="date") == range(2020, 2021)


@pytest.mark.parametrize(
    ("filter_name", "typed", "message"),
    [
        ("mrc", "Nulle-Part", "unknown MRC 'Nulle-Part'"),
        ("municipality", "Atlantide", "unknown municipality 'Atlantide'"),
        ("project", "projet-fantome", "unknown project 'projet-fantome'"),
        ("sector", "aérospatial", "unknown sector 'aérospatial'"),
        ("kind", "anonyme", "unknown legal category 'anonyme'"),
        ("model", "royal", "unknown model 'royal'"),
        ("country", "Atlantide", "unknown country 'Atlantide'"),
    ],
)
def test_an_unknown_value_names_what_it_is(
    filter_name: str, typed: str, message: str, kb: dict[str, Any]
) -> None:
    with pytest.raises(UnknownValue) as err:
        f.find_cooperatives(kb, f.CooperativeFilter(**{filter_name: typed}))
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(
    ("filter_name", "typed", "expected"),
    [
        ("mrc", "MRC de Portneuf", {"vallee-du-bras-du-nord", "alimentaire-riviere-a-pierre"}),
        ("mrc", "hors MRC", {"lac-edouard"}),
        ("municipality", "la dore", {"riviere-aux-saumons"}),
        ("sector", "santé", {"sante-robert-cliche"}),
        (
            "project",
            "Projet de recherche-action sur la proximité et les coopératives innovantes",
            None,
        ),
        ("kind", "coopérative de solidarité", None),
        ("model", "leadership parti des citoyens", {"la-brunante"}),
    ],
)
def test_values_match_by_any_of_their_spellings(
    filter_name: str, typed: str, expected: set[str] | None, kb: dict[str, Any]
) -> None:
    found = set(_slugs(f.find_cooperatives(kb, f.CooperativeFilter(**{filter_name: typed}))))
    if expected is None:
        assert len(found) >= 8
    else:
        assert found == expected


def test_cooperatives_sort_by_region_then_name_with_unplaced_last(kb: dict[str, Any]) -> None:
    found = f.find_cooperatives(kb, f.CooperativeFilter())
    regions = [c.get("region") for c in found]
    placed = [r for r in regions if r]
    assert regions[: len(placed)] == placed  # no region: at the end
    assert placed == sorted(placed, key=lambda r: r.casefold().replace("é", "e"))


@pytest.mark.parametrize(
    ("function", "typed", "official"),
    [
        (f.resolve_country, "quebec", "Canada"),
        (f.resolve_kind, "CAE", "CAE"),
        (f.resolve_model, "municipal", "municipal"),
        (f.resolve_sector, "travailleurs", "Travailleurs"),
        (f.resolve_region, "05", "Estrie"),
    ],
)
def test_resolvers(function: Any, typed: str, official: str) -> None:
    assert function(typed) == official


def test_an_exact_spelling_wins_over_a_longer_name_it_starts() -> None:
    choices: dict[str, list[str]] = {"Saint": [], "Saint Jean": [], "Laval": []}
    assert f.resolve("place", "saint", choices) == "Saint"
    assert f.resolve("place", "SAINT-JEAN", choices) == "Saint Jean"


def test_a_unique_whole_word_start_or_inner_words_select_a_value() -> None:
    choices: dict[str, list[str]] = {"Saint Jean": [], "Laval": [], "Le Val Saint-François": []}
    assert f.resolve("place", "saint", choices) == "Saint Jean"  # starts one, inside another
    assert f.resolve("place", "val saint", choices) == "Le Val Saint-François"
    with pytest.raises(UnknownValue):
        f.resolve("place", "sain", choices)  # not a whole word
    with pytest.raises(UnknownValue):
        f.resolve("place", "saint", {"Saint Jean": [], "Saint Paul": []})  # two starts


def test_references_resolve_by_alias_and_acronym(kb: dict[str, Any]) -> None:
    by_alias = f.CooperativeFilter(project="Projet de recherche-action")
    assert len(f.find_cooperatives(kb, by_alias)) == 12
    cooperation = f.CooperativeFilter(project="Coopération Nouvelle-Aquitaine – Québec")
    assert "co-actions" in _slugs(f.find_cooperatives(kb, cooperation))
    assert _slugs(f.find_people(kb, organisation="CDRQ")) == [
        "francoise-forestier",
        "sebastien-girard",
    ]
