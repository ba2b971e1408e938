"""Where records live: the data files of a data directory and the sections inside them.

This is the file layout only (official lists are in ``reference.py``; which field refers to which
kind of record is in ``graph.py``). Plain data, no imports: every command reads it.
"""

from __future__ import annotations

# The data files of a coopkb data directory, each a mapping with documented top-level keys.
DATA_FILES: tuple[str, ...] = ("cooperatives.yaml", "federations.yaml", "missions.yaml")
# Sections holding lists of records, and the kind of record each holds.
LIST_SECTIONS: dict[str, str] = {
    "cooperatives": "cooperative",
    "members": "member",
    "missions": "mission",
    "events": "event",
    "organisations": "organisation",
    "people": "person",
}
# Sections holding one record; the council nests its programmes and roadmaps.
SINGLE_SECTIONS: dict[str, str] = {"council": "council", "cooperation": "cooperation"}
NESTED_SECTIONS: dict[str, str] = {"programmes": "programme", "roadmaps": "roadmap"}
# Every kind of record, in presentation order ("source" is a cited document shown like a record).
KINDS: tuple[str, ...] = (
    "council",
    "programme",
    "roadmap",
    "cooperation",
    "cooperative",
    "member",
    "mission",
    "event",
    "organisation",
    "person",
    "source",
)
