"""Where records live: the data files of a data directory and the sections inside them.

This is the file layout only, read from the table of kinds (``kinds.py``; official lists are in
``reference.py``; which field refers to which kind of record is in ``graph.py``). Plain data:
every command reads it.
"""

from __future__ import annotations

from .kinds import KINDS as _KINDS

# The data files of a coopkb data directory, each a mapping with documented top-level keys.
DATA_FILES: tuple[str, ...] = ("cooperatives.yaml", "federations.yaml", "missions.yaml")
# Beside each data file, the evidence of its values (optional: see validation/evidence.py).
EVIDENCE_FILES: dict[str, str] = {
    name: name.removesuffix(".yaml") + ".evidence.yaml" for name in DATA_FILES
}
# Sections holding lists of records, and the kind of record each holds (from kinds.py).
LIST_SECTIONS: dict[str, str] = {k.section: k.name for k in _KINDS if k.holder == "list"}
# Sections holding one record; the council nests its programmes and roadmaps.
SINGLE_SECTIONS: dict[str, str] = {k.section: k.name for k in _KINDS if k.holder == "single"}
NESTED_SECTIONS: dict[str, str] = {k.section: k.name for k in _KINDS if k.holder == "nested"}
# Every kind of record, in presentation order ("source" is a cited document shown like a record).
KINDS: tuple[str, ...] = tuple(k.name for k in _KINDS)
