"""Official reference lists the data is checked against.

Sources of the official lists (not the seeds):
- Quebec's 17 administrative regions: Institut de la statistique du Québec (ISQ), list of
  regions and MRCs; décret sur les limites des régions administratives du Québec (D-11, r. 1).
- MRCs: ISQ list of MRCs and equivalent territories, complete (104), consulted in November 2026;
  the sources' own spellings are kept beside the official names (see ``MRCS``).
- Municipalities: Ministère des Affaires municipales et de l'Habitation (MAMH), Répertoire des
  municipalités du Québec, as consulted in November 2026 (only the municipalities the data names;
  see ``MUNICIPALITIES``): each one's MRC (or none) and administrative region.
- French regions: INSEE, Code officiel géographique (regions since 2016).
- Legal categories: Quebec's Loi sur les coopératives (C-67.2); France's SCOP/SCIC statutes and the
  CAE model (an activity-and-employment cooperative run as a SCOP or SCIC).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .matching import fold

# code -> official name. Note the en dash (U+2013) in 02 and 11.
QUEBEC_REGIONS: dict[str, str] = {
    "01": "Bas-Saint-Laurent",
    "02": "Saguenay\u2013Lac-Saint-Jean",
    "03": "Capitale-Nationale",
    "04": "Mauricie",
    "05": "Estrie",
    "06": "Montréal",
    "07": "Outaouais",
    "08": "Abitibi-Témiscamingue",
    "09": "Côte-Nord",
    "10": "Nord-du-Québec",
    "11": "Gaspésie\u2013Îles-de-la-Madeleine",
    "12": "Chaudière-Appalaches",
    "13": "Laval",
    "14": "Lanaudière",
    "15": "Laurentides",
    "16": "Montérégie",
    "17": "Centre-du-Québec",
}

# INSEE code -> official name, regions of France since 1 January 2016.
FRENCH_REGIONS: dict[str, str] = {
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}

# Countries the sources place records in; only Quebec and France have a region list here.
COUNTRIES: dict[str, dict[str, str]] = {
    "Canada": QUEBEC_REGIONS,
    "France": FRENCH_REGIONS,
    "Espagne": {},
}
# ISO 3166-1 alpha-2 code of each country the data names (the ISO 3166 Maintenance Agency's list).
COUNTRY_CODES: dict[str, str] = {"Canada": "CA", "France": "FR", "Espagne": "ES"}
# What users may type for a country, folded -> official name.
COUNTRY_ALIASES: dict[str, str] = {
    "canada": "Canada",
    "ca": "Canada",
    "quebec": "Canada",
    "france": "France",
    "fr": "France",
    "espagne": "Espagne",
    "spain": "Espagne",
    "es": "Espagne",
}

# Not in any MRC: a real value (Lac-Édouard), distinct from "unknown".
OUTSIDE_MRC = "hors MRC"

# Official name -> (region code, spellings seen in the sources): every MRC and equivalent
# territory of Quebec (87 MRCs and 17 equivalent territories, 104 in all), as the ISQ lists them
# (consulted 2026-11), region by region. Brome-Missisquoi and La Haute-Yamaska belong to Estrie
# since their transfer from Montérégie (2021). A source's own spelling is kept as a variant.
MRCS: dict[str, tuple[str, tuple[str, ...]]] = {
    # 01
    "La Matapédia": ("01", ()),
    "La Matanie": ("01", ()),
    "La Mitis": ("01", ()),
    "Rimouski-Neigette": ("01", ("MRC Rimouski-Neigette",)),
    "Les Basques": ("01", ("MRC Les Basques",)),
    "Rivière-du-Loup": ("01", ()),
    "Témiscouata": ("01", ()),
    "Kamouraska": ("01", ()),
    # 02
    "Le Domaine-du-Roy": ("02", ("Le Domaine du Roy", "MRC Le Domaine du Roy")),
    "Maria-Chapdelaine": ("02", ()),
    "Lac-Saint-Jean-Est": ("02", ()),
    "Saguenay": ("02", ()),
    "Le Fjord-du-Saguenay": ("02", ()),
    # 03
    "Charlevoix-Est": ("03", ()),
    "Charlevoix": ("03", ("MRC de Charlevoix",)),
    "L'Île-d'Orléans": ("03", ()),
    "La Côte-de-Beaupré": ("03", ()),
    "La Jacques-Cartier": ("03", ()),
    "Québec": ("03", ()),
    "Portneuf": ("03", ("MRC de Portneuf",)),
    # 04
    "Mékinac": ("04", ("MRC Mékinac",)),
    "Shawinigan": ("04", ()),
    "Trois-Rivières": ("04", ()),
    "Les Chenaux": ("04", ()),
    "Maskinongé": ("04", ()),
    "La Tuque": ("04", ()),
    # 05
    "Le Granit": ("05", ()),
    "Les Sources": ("05", ()),
    "Le Haut-Saint-François": ("05", ()),
    "Le Val-Saint-François": ("05", ("Le-Val-Saint-François", "MRC Le-Val-Saint-François")),
    "Sherbrooke": ("05", ()),
    "Coaticook": ("05", ()),
    "Memphrémagog": ("05", ()),
    "Brome-Missisquoi": ("05", ()),
    "La Haute-Yamaska": ("05", ()),
    # 06
    "Montréal": ("06", ()),
    # 07
    "Papineau": ("07", ()),
    "Gatineau": ("07", ()),
    "Les Collines-de-l'Outaouais": ("07", ()),
    "La Vallée-de-la-Gatineau": ("07", ()),
    "Pontiac": ("07", ()),
    # 08
    "Témiscamingue": ("08", ()),
    "Rouyn-Noranda": ("08", ()),
    "Abitibi-Ouest": ("08", ()),
    "Abitibi": ("08", ()),
    "La Vallée-de-l'Or": ("08", ()),
    # 09
    "La Haute-Côte-Nord": ("09", ()),
    "Manicouagan": ("09", ()),
    "Sept-Rivières": ("09", ()),
    "Caniapiscau": ("09", ()),
    "Minganie": ("09", ()),
    "Le Golfe-du-Saint-Laurent": ("09", ()),
    # 10
    "Jamésie": ("10", ()),
    "Kativik": ("10", ()),
    "Eeyou Istchee": ("10", ()),
    # 11
    "Les Îles-de-la-Madeleine": ("11", ()),
    "Le Rocher-Percé": ("11", ()),
    "La Côte-de-Gaspé": ("11", ()),
    "La Haute-Gaspésie": ("11", ()),
    "Bonaventure": ("11", ()),
    "Avignon": ("11", ()),
    # 12
    "L'Islet": ("12", ()),
    "Montmagny": ("12", ()),
    "Bellechasse": ("12", ("MRC de Bellechasse",)),
    "La Nouvelle-Beauce": ("12", ()),
    "Robert-Cliche": ("12", ("MRC Robert-Cliche",)),
    "Les Etchemins": ("12", ()),
    "Beauce-Sartigan": ("12", ()),
    "Les Appalaches": ("12", ()),
    "Lotbinière": ("12", ()),
    "Lévis": ("12", ()),
    # 13
    "Laval": ("13", ()),
    # 14
    "D'Autray": ("14", ("d'Autrey", "MRC d'Autrey")),
    "Joliette": ("14", ()),
    "Matawinie": ("14", ()),
    "Montcalm": ("14", ()),
    "Les Moulins": ("14", ()),
    "L'Assomption": ("14", ()),
    # 15
    "Deux-Montagnes": ("15", ()),
    "Thérèse-De Blainville": ("15", ()),
    "Mirabel": ("15", ()),
    "La Rivière-du-Nord": ("15", ()),
    "Argenteuil": ("15", ()),
    "Les Pays-d'en-Haut": ("15", ()),
    "Les Laurentides": ("15", ()),
    "Antoine-Labelle": ("15", ()),
    # 16
    "Acton": ("16", ()),
    "Pierre-De Saurel": ("16", ()),
    "Les Maskoutains": ("16", ()),
    "Rouville": ("16", ()),
    "Le Haut-Richelieu": ("16", ()),
    "La Vallée-du-Richelieu": ("16", ()),
    "Longueuil": ("16", ()),
    "Marguerite-D'Youville": ("16", ()),
    "Roussillon": ("16", ()),
    "Les Jardins-de-Napierville": ("16", ()),
    "Le Haut-Saint-Laurent": ("16", ()),
    "Beauharnois-Salaberry": ("16", ()),
    "Vaudreuil-Soulanges": ("16", ()),
    # 17
    "Arthabaska": ("17", ()),
    "Drummond": ("17", ()),
    "L'Érable": ("17", ()),
    "Nicolet-Yamaska": ("17", ()),
    "Bécancour": ("17", ()),
}
# The equivalent territories among them (a city or an agglomeration, or a northern territory,
# that holds an MRC's powers): a municipality there is « hors MRC » in the data, by our convention.
EQUIVALENT_TERRITORIES: frozenset[str] = frozenset(
    {
        "Saguenay",
        "Québec",
        "Shawinigan",
        "Trois-Rivières",
        "La Tuque",
        "Sherbrooke",
        "Montréal",
        "Gatineau",
        "Rouyn-Noranda",
        "Jamésie",
        "Kativik",
        "Eeyou Istchee",
        "Les Îles-de-la-Madeleine",
        "Lévis",
        "Laval",
        "Mirabel",
        "Longueuil",
    }
)

# Official municipality -> (its MRC, or OUTSIDE_MRC, and its region code). A record naming one of
# these municipalities gets its MRC and region from here when the data does not give them, and
# validation checks that the ones it gives agree. Lac-Édouard (agglomeration of La Tuque) and
# Québec (the city, an equivalent territory) belong to no MRC.
MUNICIPALITIES: dict[str, tuple[str, str]] = {
    "Saint-Raymond": ("Portneuf", "03"),
    "Rivière-à-Pierre": ("Portneuf", "03"),
    "Baie-Saint-Paul": ("Charlevoix", "03"),
    "Québec": (OUTSIDE_MRC, "03"),
    "Racine": ("Le Val-Saint-François", "05"),
    "Rimouski": ("Rimouski-Neigette", "01"),
    "Saint-Clément": ("Les Basques", "01"),
    "Saint-Vallier": ("Bellechasse", "12"),
    "Beauceville": ("Robert-Cliche", "12"),
    "Lavaltrie": ("D'Autray", "14"),
    "Lac-Édouard": (OUTSIDE_MRC, "04"),
    "Notre-Dame-de-Montauban": ("Mékinac", "04"),
    "La Doré": ("Le Domaine-du-Roy", "02"),
}
# Spellings of those municipalities seen in the sources (kept for matching, never as aliases).
MUNICIPALITY_VARIANTS: dict[str, str] = {
    "Baie-St-Paul": "Baie-Saint-Paul",
    "Baie Saint-Paul": "Baie-Saint-Paul",
    "Baie Saint Paul": "Baie-Saint-Paul",
}

LEGAL_CATEGORIES: dict[str, str] = {
    # Quebec, Loi sur les coopératives (C-67.2)
    "consommateurs": "coopérative de consommateurs",
    "producteurs": "coopérative de producteurs",
    "travail": "coopérative de travail",
    "travailleurs actionnaire": "coopérative de travailleurs actionnaire",
    "solidarité": "coopérative de solidarité",
    # France
    "SCOP": "société coopérative et participative",
    "SCIC": "société coopérative d'intérêt collectif",
    "CAE": "coopérative d'activité et d'emploi",
}

COLLECTIVE_ACTION_MODELS: dict[str, str] = {
    "organisme du milieu": "leadership parti des organismes du milieu",
    "citoyen": "leadership parti des citoyens",
    "municipal": "leadership parti de la municipalité",
}

# The sector groups of the CQCM's 2014 member list, in the list's order.
SECTOR_GROUPS: tuple[str, ...] = (
    "Services financiers",
    "Consommateurs",
    "Producteurs agricoles",
    "Travailleurs",
    "Développement régional",
)

BODY_KINDS: tuple[str, ...] = ("fédération", "confédération", "mutuelle", "coopérative", "réseau")

ORGANISATION_KINDS: tuple[str, ...] = (
    "réseau",
    "association",
    "collectif",
    "collectivité",
    "institution publique",
    "université",
    "entreprise",
    "espace de travail partagé",
    "tiers-lieu",
    "fonds",
    "monnaie complémentaire",
    "projet",
    "autre",
)


def official_region(text: str) -> str | None:
    """The official region ``text`` means, ignoring case, accents and dash variants."""
    wanted = fold(text)
    for regions in COUNTRIES.values():
        for code, name in regions.items():
            if wanted in (fold(name), code):
                return name
    return None


def official_mrc(text: str) -> str | None:
    """The official MRC name ``text`` means: the official name or a known source variant, with or
    without « MRC », « MRC de/du/des/de la/d' » before it (« MRC des Maskoutains »)."""
    spellings = _mrc_spellings()
    for form in _mrc_forms(text):
        if form == fold(OUTSIDE_MRC):
            return OUTSIDE_MRC
        if form in spellings:
            return spellings[form]
    return None


def _mrc_forms(text: str) -> list[str]:
    """The folded names ``text`` may mean once « MRC » and its article are taken off."""
    folded = fold(text)
    forms = [folded]
    for prefix in ("mrc ", "municipalite regionale de comte "):
        if folded.startswith(prefix):
            rest = folded.removeprefix(prefix)
            forms.append(rest)
            for article, official in (
                ("de la ", "la "),
                ("de l'", "l'"),
                ("des ", "les "),
                ("du ", "le "),
                ("de ", ""),
                ("d'", ""),
                ("d'", "d'"),
            ):
                if rest.startswith(article):
                    forms.append(official + rest.removeprefix(article))
    return forms


@lru_cache(maxsize=1)
def _mrc_spellings() -> dict[str, str]:
    """Folded official names and source variants -> official name."""
    found: dict[str, str] = {}
    for name, (_code, variants) in MRCS.items():
        found[fold(name)] = name
        for variant in variants:
            found.setdefault(fold(variant), name)
            found.setdefault(fold(variant).removeprefix("mrc "), name)
    return found


def is_place_name(text: str) -> bool:
    """Whether ``text`` names a region, an MRC or a listed municipality (in any known spelling)."""
    wanted = fold(text)
    places = _place_names()
    return wanted in places or wanted.removeprefix("mrc ") in places


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every known spelling of a place, folded (validation asks once per alias: 10^4 times)."""
    names = [
        *QUEBEC_REGIONS.values(),
        *FRENCH_REGIONS.values(),
        *MRCS,
        *(v for _code, variants in MRCS.values() for v in variants),
        *MUNICIPALITIES,
        *MUNICIPALITY_VARIANTS,
    ]
    folded = {fold(name) for name in names}
    return frozenset(folded | {f.removeprefix("mrc ") for f in folded})


class OfficialList(NamedTuple):
    """An official list a value may be taken from, as ``show`` and the exports name it."""

    title: str
    publisher: str
    consulted: str  # when the list was read (ISO date or month)
    fields: tuple[str, ...]  # the fields it can give a value for
    country: str | None = None  # the country it implies, for a ``country`` it gives


# The lists behind the values coopkb derives (at load time) or an evidence claim takes from one
# (``official:`` in an evidence file).
OFFICIAL_LISTS: dict[str, OfficialList] = {
    "repertoire-municipalites": OfficialList(
        "Répertoire des municipalités du Québec",
        "ministère des Affaires municipales et de l'Habitation, MAMH",
        "2026-11",
        ("municipality", "mrc", "region", "country"),
        "Canada",
    ),
    "regions-quebec": OfficialList(
        "Régions administratives du Québec",
        "Institut de la statistique du Québec, ISQ; décret D-11, r. 1",
        "2026-11",
        ("region", "country"),
        "Canada",
    ),
    "mrc-quebec": OfficialList(
        "Liste des MRC et territoires équivalents",
        "Institut de la statistique du Québec, ISQ",
        "2026-11",
        ("mrc", "region", "country"),
        "Canada",
    ),
    "regions-france": OfficialList(
        "Code officiel géographique, régions depuis le 1er janvier 2016",
        "INSEE",
        "2026-11",
        ("region", "country"),
        "France",
    ),
    "loi-cooperatives": OfficialList(
        "Catégories juridiques des coopératives (Loi sur les coopératives, RLRQ c. C-67.2; "
        "statuts SCOP, SCIC et CAE en France)",
        "Gouvernement du Québec; Légifrance",
        "2026-11",
        ("legal_category",),
    ),
}


def official_list_gives(
    list_id: str, field: str, value: object, record: dict[str, object] | None = None
) -> bool:
    """Whether the official list can give ``value`` for ``field``. With ``record``, a country
    must come through a place of the record that the list holds (a Quebec region, MRC or
    municipality gives Canada); validation does not ask that yet (see validation/evidence.py)."""
    found = OFFICIAL_LISTS.get(list_id)
    if found is None or field not in found.fields:
        return False
    if field == "country":
        if value != found.country:
            return False
        if record is None:
            return True
        places = [record.get(f) for f in ("region", "mrc", "municipality")]
        return any(
            official_list_gives(list_id, f, place)
            for f, place in zip(("region", "mrc", "municipality"), places, strict=True)
            if place is not None and f in found.fields
        )
    if field == "region":
        regions = FRENCH_REGIONS if found.country == "France" else QUEBEC_REGIONS
        return value in regions.values()
    if field == "mrc":
        return value in MRCS or value == OUTSIDE_MRC
    if field == "municipality":
        return value in MUNICIPALITIES
    if field == "legal_category":
        return value in LEGAL_CATEGORIES
    return False
