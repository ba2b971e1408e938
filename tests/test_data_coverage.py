"""The shipped knowledge base: counts and facts per source, read through the loader."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED
from conftest import SHIPPED as DATA
from coopkb.query import records
from coopkb.storage import knowledge as store
from coopkb.validation.loader import load_file
from coopkb.validation.models import FILE_MODELS


@pytest.fixture(scope="module")
def kb() -> dict[str, Any]:
    knowledge_base, _ = store.load_knowledge_base(store.DataLocation(DATA, "test"), None)
    return knowledge_base


def _get(kb: dict[str, Any], slug: str) -> dict[str, Any]:
    return records.find_record(kb, slug)[1]


# --- cqcm-2014-territoires (+ transcript) ---------------------------------------------------


def test_twelve_research_action_cooperatives_in_seven_regions(kb: dict[str, Any]) -> None:
    project = [
        c for c in kb["cooperatives"] if c["project"] == "recherche-action-proximite-2012-2014"
    ]
    assert len(project) == 12
    assert len({c["region"] for c in project}) == 7
    figures = {
        f["label"]: f["value"] for f in _get(kb, "recherche-action-proximite-2012-2014")["figures"]
    }
    assert figures["promoteurs rencontrés"] == 40


@pytest.mark.parametrize(
    ("slug", "municipality", "mrc", "region"),
    [
        ("vallee-du-bras-du-nord", "Saint-Raymond", "Portneuf", "Capitale-Nationale"),
        ("chasse-galerie", "Lavaltrie", "D'Autray", "Lanaudière"),
        ("lac-edouard", "Lac-Édouard", "hors MRC", "Mauricie"),
        ("riviere-aux-saumons", "La Doré", "Le Domaine-du-Roy", "Saguenay\u2013Lac-Saint-Jean"),
        ("sante-robert-cliche", "Beauceville", "Robert-Cliche", "Chaudière-Appalaches"),
        ("mfr-krtb", "Saint-Clément", "Les Basques", "Bas-Saint-Laurent"),
    ],
)
def test_places_use_official_spellings(
    kb: dict[str, Any], slug: str, municipality: str, mrc: str, region: str
) -> None:
    record = _get(kb, slug)
    assert (record["municipality"], record["mrc"], record["region"]) == (municipality, mrc, region)


def test_source_variant_spellings_are_kept_as_aliases(kb: dict[str, Any]) -> None:
    assert "Balaise Mercier" in _get(kb, "blaise-mercier")["aliases"]
    assert "Coopérative de développement local de Lac-Édouard" in _get(kb, "lac-edouard")["aliases"]


def test_case_studies_have_models_and_timelines_dated_only_as_the_source(
    kb: dict[str, Any],
) -> None:
    models = {c["slug"]: c["model"] for c in kb["cooperatives"] if c["model"]}
    assert models == {
        "la-brunante": "citoyen",
        "mfr-krtb": "organisme du milieu",
        "lac-edouard": "municipal",
    }
    krtb = [(s["date"], s["event"]) for s in _get(kb, "mfr-krtb")["timeline"]]
    assert [d for d, _ in krtb] == ["2003", "2004", None, "2007", "2007", "2007"]
    lac = _get(kb, "lac-edouard")
    assert [s["date"] for s in lac["timeline"]] == [None, "2009", "2009", None, None, None]
    assert [(p["date"], p["event"][:5]) for p in lac["projects"]] == [
        ("2009", "Parc "),
        ("2013", "Magas"),
    ]


def test_legal_category_only_where_stated(kb: dict[str, Any]) -> None:
    assert _get(kb, "action-de-l-est")["legal_category"] is None
    assert _get(kb, "sante-robert-cliche")["legal_category"] is None
    assert _get(kb, "sante-robert-cliche")["sector"] == "santé"
    assert _get(kb, "la-mauve")["legal_category"] == "solidarité"


def test_eighteen_members_grouped_as_in_2014(kb: dict[str, Any]) -> None:
    groups: dict[str, int] = {}
    for member in kb["members"]:
        groups[member["sector_group"]] = groups.get(member["sector_group"], 0) + 1
    assert groups == {
        "Services financiers": 4,
        "Consommateurs": 6,
        "Producteurs agricoles": 2,
        "Travailleurs": 4,
        "Développement régional": 2,
    }
    assert _get(kb, "cqch")["body_kind"] == "confédération"
    assert _get(kb, "reseau-cooperation-travail")["body_kind"] == "réseau"


# --- cqcm-presentation and cqcm-relance-2020 ----------------------------------------------


def test_cqcm_history_programmes_and_figures(kb: dict[str, Any]) -> None:
    cqcm = _get(kb, "cqcm")
    assert cqcm["founded"] == "1940"
    assert "Université Laval" in cqcm["founding_context"]
    assert [f["name"] for f in cqcm["fields_of_action"]] == [
        "Concertation",
        "Représentation",
        "Vigie",
        "Promotion",
        "Éducation",
    ]
    assert [a["number"] for a in cqcm["strategic_axes"]] == [1, 2, 3]
    jeune = {f["label"]: f["value"] for f in _get(kb, "jeune-coop")["figures"]}
    assert jeune == {"Jeune COOP": 180, "jeunes participants": 2576, "écoles": 123}
    ciec = [f["value"] for f in _get(kb, "ciec")["figures"]]
    assert ciec == [13, 40, 66, 388]
    survival = [f["value"] for f in _get(kb, "etude-survie-cooperatives")["figures"]]
    assert survival == [64, 44, 19.5]
    numeric = {f["label"]: f for f in _get(kb, "offensive-transformation-numerique")["figures"]}
    assert (
        numeric["financement sur 3 ans"]["value"] == 8
        and numeric["financement sur 3 ans"]["unit"] == "M$"
    )


def test_roadmaps_2020_and_june_2022_with_their_levers(kb: dict[str, Any]) -> None:
    relance = _get(kb, "feuille-de-route-relance-2020")
    assert relance["date"] == "2020-10" and len(relance["levers"]) == 4
    assert any("5\u00a0000" in a for lever in relance["levers"] for a in lever["actions"])
    roadmap = _get(kb, "feuille-de-route-2022")
    assert roadmap["date"] == "2022-06" and len(roadmap["levers"]) == 5


def test_three_models_and_proximity_milestones(kb: dict[str, Any]) -> None:
    cqcm = _get(kb, "cqcm")
    assert [m["name"] for m in cqcm["collective_action_models"]] == [
        "organisme du milieu",
        "citoyen",
        "municipal",
    ]
    assert [(m["date"], m["end"]) for m in cqcm["proximity_milestones"]] == [
        ("2005", "2006"),
        ("2007", "2008"),
        ("2012", "2014"),
    ]


# --- coactions-polecn-2016-2018 ----------------------------------------------------------------


def test_cooperation_period_partners_and_four_missions(kb: dict[str, Any]) -> None:
    cooperation = kb["cooperation"]
    assert (cooperation["start"], cooperation["end"], cooperation["duration_months"]) == (
        "2016-09",
        "2018-09",
        24,
    )
    assert cooperation["partners"] == ["co-actions", "polecn"]
    dates = [(m["number"], m["start"], m["end"]) for m in kb["missions"]]
    assert dates == [
        (1, "2016-09-05", "2016-09-10"),
        (2, "2017-05-08", "2017-05-12"),
        (3, "2017-10-04", "2017-10-11"),
        (4, "2018-09", None),
    ]
    sizes = [m["delegation_size"] for m in kb["missions"]]
    # mission 3: the source gives « 4 représentantes … et 2 représentants », never a total: the
    # size is left out (its six members are listed, and the note keeps the breakdown)
    assert sizes == [2, 8, None, None]
    assert len(_get(kb, "mission-3")["delegation"]) == 6


def test_coactions_figures_and_forum(kb: dict[str, Any]) -> None:
    figures = {f["label"]: (f["value"], f.get("date")) for f in _get(kb, "co-actions")["figures"]}
    assert figures["entrepreneurs et porteurs de projet"] == (65, "2017")
    assert figures["chiffre d'affaires"] == (960000, "2016")
    forum = _get(kb, "forum-cooperation-territoriale-2017")
    assert forum["start"] == "2017-11-23" and forum["participants"]["value"] == 300


def test_cooperatives_met_during_missions_are_cooperatives(kb: dict[str, Any]) -> None:
    coops = {c["slug"] for c in kb["cooperatives"]}
    for slug in (
        "meduse",
        "espace-koala",
        "la-barberie",
        "coop-de-l-arbre",
        "le-mousse-cafe",
        "cdrq",
        "cooperative-des-tiers-lieux",
        "co-actions",
    ):
        assert slug in coops
    assert _get(kb, "la-barberie")["legal_category"] == "travail"


def test_twenty_two_named_participants_have_roles(kb: dict[str, Any]) -> None:
    participants = [p for p in kb["people"] if "coactions-polecn-2016-2018" in p["sources"]]
    assert len(participants) == 22
    assert all(
        a.get("role") or a.get("organisation") for p in participants for a in p["affiliations"]
    )
    # Two participants' organisations are not named by the source: none is guessed.
    unnamed = {p["slug"] for p in participants if not p["affiliations"][0].get("organisation")}
    assert unnamed == {"sylvain-gendreau", "sylvie-germain"}


# --- hygiene -----------------------------------------------------------------------------------


def test_no_email_address_or_phone_number_anywhere_in_data() -> None:
    for path in sorted(DATA.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), path
        assert not re.search(r"\b0\d(?:[ .]\d{2}){4}\b", text), path


def test_every_record_names_its_sources(kb: dict[str, Any]) -> None:
    ids = {s["id"] for s in kb["sources"]}
    assert len(ids) == 5
    for kind, record in records.iter_records(kb):
        assert record["sources"], (kind, record["slug"])
        assert set(record["sources"]) <= ids


def test_files_are_for_humans_header_and_key_order() -> None:
    from coopkb.layout import DATA_FILES, EVIDENCE_FILES

    for name in EVIDENCE_FILES.values():  # the evidence beside each data file: a header too
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# yaml-language-server: $schema=../schemas/evidence.schema.json"
        assert lines[2].startswith("# coopkb"), name
    for path in (DATA / name for name in DATA_FILES):
        raw = path.read_bytes()
        raw.decode("utf-8")
        lines = raw.decode().splitlines()
        assert lines[0].startswith("# yaml-language-server:") and lines[2].startswith("# coopkb")
        loaded = load_file(path, path.name)
        model = FILE_MODELS[path.name]
        _assert_key_order(loaded.data, model, path.name)


def _assert_key_order(data: Any, model: Any, where: str) -> None:
    """Keys follow the model's field order, at every level, in every record."""
    if not isinstance(data, dict):
        return
    order = list(model.model_fields)
    keys = list(data)
    assert keys == sorted(keys, key=order.index), f"{where}: {keys}"
    for key, value in data.items():
        annotation = model.model_fields[key].annotation
        inner = _model_in(annotation)
        if inner is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            _assert_key_order(item, inner, f"{where}.{key}")


def _model_in(annotation: Any) -> Any:
    from pydantic import BaseModel

    candidates = [annotation, *getattr(annotation, "__args__", ())]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        for arg in getattr(candidate, "__args__", ()):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


@pytest.mark.skipif(
    not (SHARED / "tools" / "check-copied-text").exists(),
    reason="the team's shared tools are not beside this checkout",
)
def test_no_sentence_is_copied_from_the_sources() -> None:
    tool = SHARED / "tools" / "check-copied-text"
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [str(tool), "data", "README.md", "CONTRIBUTING.md", "src"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


# --- only what the sources say (issue 9) ---------------------------------------------------------

SEEDS = SHARED / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seeds are not beside this checkout"
)


def _raw_records() -> list[tuple[str, dict[str, Any]]]:
    from coopkb.graph import walk_records

    found = []
    for path in sorted(DATA.glob("*.yaml")):
        for located in walk_records(load_file(path, path.name).data):
            found.append((path.name, located.record))
    return found


@needs_seeds
def test_every_region_and_mrc_is_stated_by_a_source_or_derived_from_the_official_list() -> None:
    """A region or MRC typed in the data must appear in a source it cites (in some spelling);
    otherwise it must be left out, for the official municipality list to fill in."""
    from coopkb.matching import fold
    from coopkb.reference import MRCS, official_region

    documents = {
        s["id"]: fold((SEEDS / s["document"]).read_text("utf-8"))
        for path in DATA.glob("*.yaml")
        for s in (load_file(path, path.name).data.get("sources") or [])
    }
    for file_name, record in _raw_records():
        cited = " ".join(documents[s] for s in record.get("sources") or [])
        for key in ("region", "mrc"):
            value = record.get(key)
            if not isinstance(value, str):
                continue
            spellings = {value}
            if key == "mrc" and value in MRCS:
                spellings |= set(MRCS[value][1])
            if key == "region":
                spellings |= {
                    v for v in (value, value.replace("\u2013", "-")) if official_region(v)
                }
            assert any(fold(s) in cited for s in spellings), (file_name, record["slug"], key, value)


def test_the_official_list_fills_in_the_places_the_data_leaves_out(kb: dict[str, Any]) -> None:
    for slug in ("boomcoworking", "la-procure", "coop-de-l-arbre", "ville-baie-saint-paul"):
        record = _get(kb, slug)
        assert record["region"] == "Capitale-Nationale", slug
    assert _get(kb, "maison-mere")["mrc"] == "Charlevoix"
    assert _get(kb, "boomcoworking")["mrc"] == "hors MRC"
    assert _get(kb, "tactiq")["municipality"] is None  # the source places the evening, not Tactiq


def test_no_alias_is_a_place_name(kb: dict[str, Any]) -> None:
    from coopkb.reference import is_place_name

    for _kind, record in records.iter_records(kb):
        if record.get("kind") == "collectivité":
            continue
        assert not [a for a in record.get("aliases") or [] if is_place_name(a)], record["slug"]


def test_facts_fixed_by_the_audit(kb: dict[str, Any]) -> None:
    mission_3 = _get(kb, "mission-3")
    assert mission_3["delegation_from"] == ["co-actions", "fabrique-pola"]
    assert _get(kb, "georges-henri-levesque")["name"] == "Georges Henri Lévesque"
    assert _get(kb, "cooperative-des-tiers-lieux")["name"] == "Coopérative des Tiers lieux"
    assert "premier essor" in kb["council"]["founding_context"]
    relance = _get(kb, "feuille-de-route-relance-2020")
    description = relance["description"]
    assert description.index("9 octobre") < description.index("du 11 au 17 octobre")
    assert len(relance["levers"]) == 4 and relance["levers"][1]["name"].startswith("Soutien au")
    gsef = _get(kb, "gsef-2018")
    assert gsef["country"] is None and gsef["locality"] == "Bilbao" and gsef["date_note"]
    for slug in ("groupe-promutuel", "la-coop-federee"):
        assert _get(kb, slug)["body_kind"] is None
    for slug in (
        "pays-quartier-d-aquitaine",
        "solidarite-rurale-du-quebec",
        "investissement-quebec",
        "meie",
    ):
        assert _get(kb, slug)["kind"] is None, slug
    assert _get(kb, "maison-de-la-cooperation")["parent"] is None
    assert _get(kb, "etude-survie-cooperatives")["funder"] is None
    assert "Service Entrepreneuriat" not in _get(kb, "jeune-coop")["description"]
    roles = [a["role"] for a in _get(kb, "noemie-escortell")["affiliations"]]
    assert any("chef de projet" in role for role in roles)


def test_content_the_audit_found_missing(kb: dict[str, Any]) -> None:
    council = kb["council"]
    assert council["activity"] and len(council["cooperative_difference"]) == 3
    assert len(council["innovating_in_collective_action"]) == 3
    assert "organisé, planifié et complémentaire" in council["collective_action"][0]
    assert "point de repère" in council["description"]
    assert _get(kb, "atelier-leadership-territoire-2014")["start"] == "2014-03-27"
    assert "accompagnateurs" in _get(kb, "polecn")["description"]
    assert "collectivités locales" in _get(kb, "co-actions")["description"]
    assert "démocratie" in _get(kb, "gsef")["description"]
    assert "Cassin" in _get(kb, "les-grands-bois")["name"]
    met = {slug for m in kb["missions"] for slug in m["visits"]}
    for coop in kb["cooperatives"]:
        if coop["slug"] in met:
            assert coop["project"] == "cooperation-coactions-polecn", coop["slug"]


@needs_seeds
def test_no_e_mail_or_phone_number_of_the_sources_anywhere_in_the_repository() -> None:
    text = "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    phones = {re.sub(r"\D", "", p) for p in re.findall(r"\b0\d(?:[ .]\d{2}){4}\b", text)}
    assert emails and phones  # the patterns still find what the sources hold
    root = DATA.parent
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=False
    ).stdout.split()
    files = [root / f for f in tracked] or [p for p in root.rglob("*") if p.is_file()]
    for path in files:
        try:
            content = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        digits = re.sub(r"\D", "", content)
        assert not [e for e in emails if e in content], path
        assert not [p for p in phones if p in digits], path
