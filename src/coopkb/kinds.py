"""The one table of kinds of records: where each lives, what it is called, how it is dated.

Every layer reads this table instead of keeping its own list of kinds: the file layout
(``layout.py``), the models (``validation/models.py``), the labels and their plurals
(``labels.py``), the data dictionary, the relational tables of the exports, the timeline, the
skeleton of ``coopkb new`` and the commands' documentation. ``tests/test_kinds.py`` checks that
each of them covers every kind. Plain data, no imports but the catalog marker: every command
reads it.

Adding a kind: a row here, its model in ``validation/models.py`` (named by ``model``), its
labels in the French catalog (``python -m coopkb.i18n.catalog``), and its records in the data.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from .i18n import N_

Holder = Literal["single", "nested", "list", "cited"]


class Kind(NamedTuple):
    name: str  # the kind's identifier: `show`, `--kind`, the `type` of machine formats
    section: str  # the key holding its records in a data file
    holder: Holder  # one record (single), inside the single record (nested), a list, or cited
    files: tuple[str, ...]  # the data files where the section may stand
    model: str  # the Pydantic model's class name (validation/models.py or validation/parts.py)
    table: str  # its table in SQLite, CSV and data-package exports
    label: str  # singular noun shown for it (English; French in the catalog)
    counts: tuple[str, str]  # "{count} …" singular and plural, for summaries
    start: str | None = None  # the field dating it (the start of its period)
    end: str | None = None  # the field ending its period
    founded: str | None = None  # the field holding its founding date (a timeline fact)
    listing: str | None = None  # the command listing records of this kind
    pages: tuple[str, str] = ("", "")  # the website's folder for its records: French, English


_FED, _MIS, _COOP = "federations.yaml", "missions.yaml", "cooperatives.yaml"

# In presentation order ("source" is a cited document, shown like a record).
KINDS: tuple[Kind, ...] = (
    Kind(
        "council",
        "council",
        "single",
        (_FED,),
        "Council",
        "councils",
        N_("council"),
        ("{count} council", "{count} councils"),
        founded="founded",
        pages=("conseil", "council"),
    ),
    Kind(
        "programme",
        "programmes",
        "nested",
        (_FED,),
        "Programme",
        "programmes",
        N_("programme"),
        ("{count} programme", "{count} programmes"),
        start="start",
        end="end",
        listing="programmes",
        pages=("programmes", "programmes"),
    ),
    Kind(
        "roadmap",
        "roadmaps",
        "nested",
        (_FED,),
        "Roadmap",
        "roadmaps",
        N_("roadmap"),
        ("{count} roadmap", "{count} roadmaps"),
        start="date",
        listing="roadmaps",
        pages=("feuilles-de-route", "roadmaps"),
    ),
    Kind(
        "cooperation",
        "cooperation",
        "single",
        (_MIS,),
        "Cooperation",
        "cooperations",
        N_("cooperation"),
        ("{count} cooperation", "{count} cooperations"),
        start="start",
        end="end",
        pages=("cooperation", "cooperation"),
    ),
    Kind(
        "cooperative",
        "cooperatives",
        "list",
        (_COOP,),
        "Cooperative",
        "cooperatives",
        N_("cooperative"),
        ("{count} cooperative", "{count} cooperatives"),
        founded="founded",
        listing="list",
        pages=("cooperatives", "cooperatives"),
    ),
    Kind(
        "member",
        "members",
        "list",
        (_FED,),
        "Member",
        "members",
        N_("member"),
        ("{count} member", "{count} members"),
        listing="federations",
        pages=("membres", "members"),
    ),
    Kind(
        "mission",
        "missions",
        "list",
        (_MIS,),
        "Mission",
        "missions",
        N_("mission"),
        ("{count} mission", "{count} missions"),
        start="start",
        end="end",
        listing="missions",
        pages=("missions", "missions"),
    ),
    Kind(
        "event",
        "events",
        "list",
        (_FED, _MIS),
        "Event",
        "events",
        N_("event"),
        ("{count} event", "{count} events"),
        start="start",
        end="end",
        listing="events",
        pages=("evenements", "events"),
    ),
    Kind(
        "organisation",
        "organisations",
        "list",
        (_FED, _MIS),
        "Organisation",
        "organisations",
        N_("organisation"),
        ("{count} organisation", "{count} organisations"),
        founded="founded",
        listing="organisations",
        pages=("organisations", "organisations"),
    ),
    Kind(
        "person",
        "people",
        "list",
        (_FED, _MIS),
        "Person",
        "people",
        N_("person"),
        ("{count} person", "{count} people"),
        listing="people",
        pages=("personnes", "people"),
    ),
    Kind(
        "source",
        "sources",
        "cited",
        (_COOP, _FED, _MIS),
        "Source",
        "sources",
        N_("source"),
        ("{count} source", "{count} sources"),
        start="date",
        pages=("sources", "sources"),
    ),
)

KIND: dict[str, Kind] = {kind.name: kind for kind in KINDS}
# The kinds that are records with a slug in a data file's sections (sources are cited).
RECORD_KINDS: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.holder != "cited")
