"""What every export says about the base: its title, what it holds, its licence, its sources.

Said once here so that Datasette's metadata, the data package, the JSON-LD and the website say
the same thing. French first: the base is for Quebec readers.
"""

from __future__ import annotations

from typing import Any

TITLE = "coopkb — le mouvement coopératif québécois"
DESCRIPTION = (
    "Base de connaissances tirée de cinq documents publics du CQCM et de la coopération "
    "Co-Actions/POLECN (2014–2023) : coopératives, membres du CQCM, programmes, feuilles de "
    "route, missions, personnes et organisations. Chaque fait nomme sa source."
)
# The data is ours to licence as a compilation; the documents it cites remain their authors'.
LICENCE: dict[str, str] = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.fr",
    "title": "Creative Commons Attribution 4.0 International",
}
LICENCE_NOTE = (
    "Données sous licence CC BY 4.0 "
    "(attribution\u00a0: «\u00a0coopkb, d'après les documents cités\u00a0»). "
    "Les documents sources restent la propriété de leurs auteurs (CQCM, Co-Actions, POLECN); "
    "le code de coopkb est sous licence MIT."
)


def source_list(sources: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The cited documents as the data package's ``sources`` (title, and path when public)."""
    out = []
    for source in sources:
        entry = {"title": f"{source['title']} ({source['author']})"}
        if source.get("url"):
            entry["path"] = source["url"]
        out.append(entry)
    return out
