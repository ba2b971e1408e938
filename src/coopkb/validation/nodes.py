"""A composed YAML node tree -> plain Python data, with the checks only the nodes can make.

Values become str/int/float/bool/None, dicts and lists (dates stay text); whole numbers must be
plain decimal; keys must be text and unique (PyYAML silently keeps the last of two); nesting is
bounded. Each problem is reported at its node's line and column, and the build goes on.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ..i18n import _
from ..matching import neutral, quote
from ..problems import Problem

MAX_DEPTH = 50  # coopkb's records nest five levels; anything deeper is a mistake or an attack
# YAML 1.1 reads 012 as octal, 0x1 as hex, 1:30 as 90 and 1_000 as 1000: coopkb takes whole
# numbers in plain decimal only, and no longer than any real figure.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_MAX_DIGITS = 15


def plain_data(root: yaml.Node, path: str, problems: list[Problem]) -> Any:
    """The plain data of a file's node tree; problems are appended to ``problems``."""
    return _Builder(path, problems).build(root)


def problem(path: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(path, line, column, code, neutral(message))


class _Builder:
    """Plain data from a node tree: str/int/float/bool/None, dicts and lists; dates stay text."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path, self.problems = path, problems
        self.constructor = SafeConstructor()
        self.too_deep = False

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                mark = node.start_mark
                message = _("collections are nested more than {depth} levels deep").format(
                    depth=MAX_DEPTH
                )
                self.problems.append(
                    problem(self.path, mark.line + 1, mark.column + 1, "too-deep", message)
                )
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth + 1)
        return None  # pragma: no cover - the composer makes only the three kinds

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates are partial ISO text in coopkb, never datetime objects
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:int":
            return self.integer(node)
        if tag == "tag:yaml.org,2002:bool":
            return self.constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:float":
            return self.constructor.construct_yaml_float(node)
        return node.value

    def integer(self, node: yaml.ScalarNode) -> int | str:
        text = str(node.value)
        mark = node.start_mark
        if not _DECIMAL.fullmatch(text):
            message = _(
                "{value} is not a plain decimal whole number (YAML would read it as {read}): "
                "write the number in decimal digits, or quote it if it is text"
            ).format(value=quote(text), read=self.constructor.construct_yaml_int(node))
            code = "non-decimal-number"
        elif len(text.lstrip("+-")) > _MAX_DIGITS:
            message = _("the number has more than {count} digits").format(count=_MAX_DIGITS)
            code = "number-too-large"
        else:
            return int(text)
        self.problems.append(problem(self.path, mark.line + 1, mark.column + 1, code, message))
        return text

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            assert mark is not None  # the composer marks every node
            if not isinstance(key_node, yaml.ScalarNode):
                message = _("mapping keys must be plain text, not a list or mapping")
                self.problems.append(
                    problem(self.path, mark.line + 1, mark.column + 1, "bad-key", message)
                )
                continue
            key = self.scalar(key_node)
            if not isinstance(key, str):
                key = key_node.value
            if key in first_seen:
                first = first_seen[key].start_mark
                message = _("duplicate key {key} (first defined at line {line})").format(
                    key=quote(key), line=first.line + 1
                )
                self.problems.append(
                    problem(self.path, mark.line + 1, mark.column + 1, "duplicate-key", message)
                )
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, depth)
        return result
