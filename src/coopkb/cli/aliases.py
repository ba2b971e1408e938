"""French words for the commands: a French speaker types `coopkb chercher` or `coopkb liste`
as readily as `search` or `list`. The commands keep their one name in help and docs; these
words only lead to them (accents and case aside)."""

from __future__ import annotations

from ..matching import fold

# French word (as typed, folded) -> command name.
FRENCH_COMMANDS: dict[str, str] = {
    fold(word): command
    for command, words in {
        "list": ("liste", "lister", "coopératives"),
        "missions": ("mission",),
        "federations": ("fédérations", "membres"),
        "people": ("personnes", "gens"),
        "organisations": ("organismes",),
        "events": ("événements", "évènements"),
        "programmes": ("programme",),
        "roadmaps": ("feuilles-de-route", "feuilles", "leviers"),
        "show": ("afficher", "affiche", "montrer", "montre", "voir", "fiche"),
        "search": ("chercher", "cherche", "rechercher", "recherche", "trouver"),
        "timeline": ("chronologie",),
        "values": ("valeurs",),
        "stats": ("statistiques", "sommaire", "résumé"),
        "validate": ("valider", "valide", "vérifier"),
        "diff": ("différences", "comparer"),
        "schema": ("schéma",),
        "new": ("nouveau", "nouvelle", "modèle"),
        "export": ("exporter", "publier"),
    }.items()
    for word in words
}


def command_for(word: str) -> str | None:
    """The command a French word leads to, or None."""
    return FRENCH_COMMANDS.get(fold(word))
