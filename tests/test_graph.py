"""The record graph: graph.py's generated table is the one the models' RefTo marks describe."""

from __future__ import annotations

import shutil
from pathlib import Path

from coopkb import graph
from coopkb.validation.graph import derived_references, rewrite


def test_generated_references_match_the_models() -> None:
    assert graph.REFERENCES == derived_references()


def test_regenerating_graph_py_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "graph.py"
    shutil.copy(graph.__file__, copy)
    assert rewrite(copy) is False


def test_every_reference_field_is_known_per_kind() -> None:
    assert "visits" in graph.REFERENCE_FIELDS["mission"]
    assert "affiliations" in graph.REFERENCE_FIELDS["person"]
