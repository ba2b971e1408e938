"""Official reference lists the data is checked against.

Sources of the official lists (not the seeds):
- Quebec's 17 administrative regions: Institut de la statistique du Québec (ISQ), list of
  regions and MRCs; décret sur les limites des régions administratives du Québec (D-11, r. 1).
- MRC spellings: ISQ list of MRCs (only the MRCs the sources mention are listed; see ``MRCS``).
- French regions: INSEE, Code officiel géographique (regions since 2016).
- Legal categories: Quebec's Loi sur les coopératives (C-67.2); France's SCOP/SCIC statutes and the
  CAE model (an activity-and-employment cooperative run as a SCOP or SCIC).
"""

from __future__ import annotations

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

# Official MRC name -> (region code, spellings seen in the sources).
MRCS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Portneuf": ("03", ("MRC de Portneuf",)),
    "Le Val-Saint-François": ("05", ("Le-Val-Saint-François", "MRC Le-Val-Saint-François")),
    "Rimouski-Neigette": ("01", ("MRC Rimouski-Neigette",)),
    "Bellechasse": ("12", ("MRC de Bellechasse",)),
    "D'Autray": ("14", ("d'Autrey", "MRC d'Autrey")),
    "Les Basques": ("01", ("MRC Les Basques",)),
    "Mékinac": ("04", ("MRC Mékinac",)),
    "Le Domaine-du-Roy": ("02", ("Le Domaine du Roy", "MRC Le Domaine du Roy")),
    "Robert-Cliche": ("12", ("MRC Robert-Cliche",)),
    "Charlevoix": ("03", ("MRC de Charlevoix",)),
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


def official_region(text: str, country: str | None = None) -> str | None:
    """The official region ``text`` means, ignoring case, accents and dash variants."""
    wanted = fold(text)
    tables = [COUNTRIES[country]] if country in COUNTRIES else list(COUNTRIES.values())
    for regions in tables:
        for code, name in regions.items():
            if wanted in (fold(name), code):
                return name
    return None


def official_mrc(text: str) -> str | None:
    """The official MRC name ``text`` means (official name or a known source variant)."""
    wanted = fold(text.removeprefix("MRC ").removeprefix("mrc "))
    if wanted == fold(OUTSIDE_MRC):
        return OUTSIDE_MRC
    for name, (_code, variants) in MRCS.items():
        spellings = {fold(name), *(fold(v) for v in variants)}
        if wanted in spellings or fold(text) in spellings:
            return name
    return None


def official_country(text: str) -> str | None:
    return COUNTRY_ALIASES.get(fold(text))
