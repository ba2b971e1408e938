"""The table of kinds and the table of parts are the one description of records: every layer
covers every kind, every field and link has a label in both languages."""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pytest

from conftest import Cli
from coopkb import graph, labels, layout
from coopkb.i18n import DOMAIN, LOCALE_DIR
from coopkb.kinds import KIND, KINDS, RECORD_KINDS
from coopkb.parts import PARTS, SHAPES
from coopkb.publish.tables import SHAPE_TABLES, TABLE_OF
from coopkb.validation import data_dictionary, models, schema, skeleton

EXAMPLES = Path(__file__).parent / "example-files" / "base"

FRENCH = gettext.translation(DOMAIN, LOCALE_DIR, languages=["fr"])


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_every_layer_covers_every_kind(kind: str) -> None:
    described = KIND[kind]
    assert kind in layout.KINDS
    assert kind in labels.KIND_NAMES and kind in labels.KIND_PLURALS
    assert TABLE_OF[kind] == described.table
    assert any(
        title.endswith(described.section + ("" if described.holder == "single" else "[]"))
        for title in data_dictionary.RECORDS
    )
    if described.holder != "cited":
        assert kind in models.RECORD_MODELS and kind in skeleton.KINDS
        assert any(p.owner == kind for p in PARTS), "the parts table describes its fields"
    if described.holder in ("list", "single", "cited"):
        for file_name in described.files:  # its section stands in each of its files' models
            assert described.section in models.FILE_MODELS[file_name].model_fields
        whole = schema.knowledge_base_schema()["properties"]
        assert described.section in whole


def test_sections_of_the_layout_are_the_kinds_sections() -> None:
    sections = {**layout.LIST_SECTIONS, **layout.SINGLE_SECTIONS, **layout.NESTED_SECTIONS}
    assert set(sections.values()) == set(RECORD_KINDS)


def test_every_shape_has_a_table_and_its_fields_are_described() -> None:
    for shape in SHAPES:
        assert shape in SHAPE_TABLES
        assert any(p.owner == shape for p in PARTS)


def _fields_and_links() -> list[str]:
    fields = {p.field for p in PARTS if p.field not in ("slug", "name", "id", "title")}
    return sorted(fields | {r.link for r in graph.REFERENCES} | {"period"})


def _translated() -> dict[str, str]:
    from babel.messages.pofile import read_po

    from coopkb.i18n.catalog import PO_FILE

    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    return {
        m.id if isinstance(m.id, str) else m.id[0]: str(m.string)
        for m in catalog
        if m.string and all(m.string if isinstance(m.string, tuple) else [m.string])
    }


TRANSLATED = _translated()


@pytest.mark.parametrize("name", _fields_and_links())
def test_every_field_and_link_has_a_label_in_both_languages(name: str) -> None:
    assert name in labels.FIELD_LABELS, f"{name!r} has no label in labels.py"
    assert labels.FIELD_LABELS[name] in TRANSLATED, f"{name!r} has no French label"


@pytest.mark.parametrize(("owner", "name"), sorted(labels.FIELD_LABELS_OF))
def test_labels_by_kind_name_real_fields_and_are_translated(owner: str, name: str) -> None:
    assert any(p.owner == owner and p.field == name for p in PARTS)
    assert labels.FIELD_LABELS_OF[owner, name] in TRANSLATED


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_every_kind_has_a_french_name_and_counts(kind: str) -> None:
    described = KIND[kind]
    assert described.label in TRANSLATED
    assert described.counts[0] in TRANSLATED  # both plural forms of "{count} …"


@pytest.mark.parametrize("kind", [k.name for k in KINDS if k.listing])
def test_each_kinds_listing_command_lists_records_of_that_kind(kind: str, cli: Cli) -> None:
    """The table of kinds names the command that lists each kind: it is a real command, and
    what it lists (JSON, on the fixture base) are records of that kind."""
    described = KIND[kind]
    listed = cli("--data-dir", str(EXAMPLES), described.listing or "", "-f", "json")
    assert listed.code == 0, listed.stderr
    records = json.loads(listed.stdout)
    assert isinstance(records, list)
    slugs = {r["slug"] for r in records}
    from coopkb.query.records import iter_records
    from coopkb.storage.knowledge import DataLocation, load_knowledge_base

    kb, _status = load_knowledge_base(DataLocation(EXAMPLES, "test"), None)
    of_kind = {r["slug"] for k, r in iter_records(kb) if k == kind}
    assert slugs <= of_kind and (slugs or not of_kind)
