"""The record graph: graph.py's generated table is the one the models' RefTo marks describe."""

from __future__ import annotations

import shutil
from pathlib import Path

from coopkb import graph, parts
from coopkb.validation.graph import (
    derived_parts,
    derived_references,
    generated_parts_source,
    rewrite,
)


def test_generated_references_match_the_models() -> None:
    assert graph.REFERENCES == derived_references()


def test_regenerating_graph_py_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "graph.py"
    shutil.copy(graph.__file__, copy)
    assert rewrite(copy) is False


def test_every_reference_field_is_known_per_kind() -> None:
    assert "visits" in graph.REFERENCE_FIELDS["mission"]
    assert "affiliations" in graph.REFERENCE_FIELDS["person"]


def test_generated_parts_match_the_models() -> None:
    assert parts.PARTS == derived_parts()


def test_regenerating_parts_py_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "parts.py"
    shutil.copy(parts.__file__, copy)
    assert rewrite(copy, generated_parts_source()) is False


def test_each_part_is_read_as_what_it_is() -> None:
    assert parts.part_of("cooperative", "timeline") == parts.Part(
        "cooperative", "timeline", "mappings", shape="step"
    )
    assert parts.part_of("event", "participants").part == "mapping"  # type: ignore[union-attr]
    assert parts.part_of("cooperation", "funder").part == "reference"  # type: ignore[union-attr]
    assert parts.part_of("programme", "funder").part == "scalar"  # type: ignore[union-attr]
    assert parts.part_of("affiliation", "organisation").targets == graph.ORGS  # type: ignore[union-attr]
    assert parts.part_of("council", "programmes").shape == "programme"  # type: ignore[union-attr]
    assert parts.part_of("figure", "value").type == "number"  # type: ignore[union-attr]
    assert parts.part_of("step", "date").type == "date"  # type: ignore[union-attr]
    assert parts.part_of("cooperative", "website").type == "url"  # type: ignore[union-attr]
    assert parts.part_of("cooperative", "type") is None
