"""What changed between two validated knowledge bases, record by record and field by field.

A change of order or of formatting is no change: records are compared by slug and value. A record
removed and another added with the same kind and name is a rename (same record, new slug).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from ..parts import fields_of_part
from ..query.records import iter_with_sources


class Change(NamedTuple):
    slug: str
    kind: str
    change: str  # added, removed, renamed, changed, shifted (evidence now on another item)
    field: str | None
    before: Any
    after: Any
    references: int = 0  # a rename: how many records' references to it were updated with it

    def as_dict(self) -> dict[str, Any]:
        found = self._asdict()
        if self.change != "renamed":
            del found["references"]
        return found


def _records(kb: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    out = {}
    for kind, record in iter_with_sources(kb):
        nested = fields_of_part(kind, "records")  # compared as records of their own
        if nested:
            record = {k: v for k, v in record.items() if k not in nested}
        out[record["slug"]] = (kind, record)
    return out


def _same_record(kind: str, old: dict[str, Any], new: tuple[str, dict[str, Any]]) -> bool:
    """A removed and an added record that are one record under a new slug: the same kind, and
    the same name, or a name a few letters apart, or every other fact the same."""
    import difflib

    if new[0] != kind:
        return False
    a, b = old["name"], new[1]["name"]
    if a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85:
        return True
    rest = {k: v for k, v in old.items() if k not in ("slug", "name")}
    return bool(rest) and rest == {k: v for k, v in new[1].items() if k not in ("slug", "name")}


def _renamed_in(value: Any, renames: dict[str, str]) -> Any:
    """``value`` with every slug renamed (a reference that followed its rename is no change)."""
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_renamed_in(v, renames) for v in value]
    if isinstance(value, dict):
        return {k: _renamed_in(v, renames) for k, v in value.items()}
    return value


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every change from ``before`` to ``after``, grouped by kind of record then slug."""
    old, new = _records(before), _records(after)
    removed = [s for s in old if s not in new]
    added = [s for s in new if s not in old]
    changes: list[Change] = []
    renames: dict[str, str] = {}
    for slug in list(removed):
        kind, record = old[slug]
        twin = next((a for a in added if _same_record(kind, record, new[a])), None)
        if twin is not None:  # the same record under a new slug
            removed.remove(slug)
            added.remove(twin)
            renames[slug] = twin
    # references that followed a rename are folded into it: counted, not listed
    followed: dict[str, int] = dict.fromkeys(renames.values(), 0)
    if renames:
        for slug, (kind, record) in list(old.items()):
            updated = _renamed_in(record, {k: v for k, v in renames.items() if k != slug})
            if updated != record:
                for was, now in renames.items():
                    if _mentions(record, was):
                        followed[now] += 1
                old[slug] = (kind, updated)
    for slug, twin in renames.items():
        kind, record = old[slug]
        changes.append(Change(twin, kind, "renamed", "slug", slug, twin, followed[twin]))
        changes += _fields(twin, kind, record, new[twin][1])
    changes += [Change(s, old[s][0], "removed", None, old[s][1]["name"], None) for s in removed]
    for s in added:  # an added record comes with its facts
        changes.append(Change(s, new[s][0], "added", None, None, new[s][1]["name"]))
        changes += _fields(s, new[s][0], {}, {k: v for k, v in new[s][1].items() if k != "name"})
    for slug, (kind, record) in new.items():
        if slug in old and old[slug][0] != kind:  # moved to another kind (a section of its own)
            changes.append(Change(slug, kind, "changed", "type", old[slug][0], kind))
        if slug in old and old[slug][1] != record:
            changes += _fields(slug, kind, old[slug][1], record)
    changes += _evidence_changes(before, after, old, new, renames)
    order = {kind: i for i, kind in enumerate(dict.fromkeys(k for k, _ in new.values()))}
    return sorted(changes, key=lambda c: (order.get(c.kind, 99), c.slug, c.change != "renamed"))


def _mentions(value: Any, slug: str) -> bool:
    if isinstance(value, str):
        return value == slug
    if isinstance(value, list):
        return any(_mentions(v, slug) for v in value)
    if isinstance(value, dict):
        return any(_mentions(v, slug) for k, v in value.items() if k != "slug")
    return False


def _evidence_changes(
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, tuple[str, dict[str, Any]]],
    new: dict[str, tuple[str, dict[str, Any]]],
    renames: dict[str, str],
) -> list[Change]:
    """A claim added or removed is a change of its record (an edited claim is both); a renamed
    record's claims are compared with its old slug's. A claim kept as it was whose path counts
    items (``aliases.2``) and now names another value, because an item before it was added or
    removed, is reported as shifted: evidence points at items by position."""

    def claims(kb: dict[str, Any], renamed: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for claim in (kb.get("evidence") or {}).get("claims", []):
            slug = renamed.get(claim.get("record"), claim.get("record"))
            found.setdefault(slug, []).append({k: v for k, v in claim.items() if k != "record"})
        return found

    was_by_slug, now_by_slug = claims(before, renames), claims(after, {})
    old_records = {renames.get(slug, slug): record for slug, (_kind, record) in old.items()}
    changes: list[Change] = []
    for slug in dict.fromkeys([*was_by_slug, *now_by_slug]):
        if slug not in new:
            continue  # a removed record's evidence goes with it
        kind, record = new[slug]
        was, is_now = was_by_slug.get(slug, []), now_by_slug.get(slug, [])
        was_keys, now_keys = [_key(c) for c in was], [_key(c) for c in is_now]
        changes += [
            Change(slug, kind, "changed", "evidence", c, None)
            for c, key in zip(was, was_keys, strict=True)
            if key not in now_keys
        ]
        changes += [
            Change(slug, kind, "changed", "evidence", None, c)
            for c, key in zip(is_now, now_keys, strict=True)
            if key not in was_keys
        ]
        if slug in old_records:
            kept = [c for c, key in zip(is_now, now_keys, strict=True) if key in was_keys]
            changes += _shifted(slug, kind, kept, old_records[slug], record)
    return changes


def _shifted(
    slug: str, kind: str, kept: list[dict[str, Any]], old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Change]:
    """Kept claims whose counted path now names another item of a list that grew or shrank."""
    from ..evidence_paths import parse_path, value_at

    for claim in kept:
        for written in claim.get("of") or []:
            path = parse_path(written)
            if path is None or len(path) < 2 or not isinstance(path[1], int):
                continue
            items_before, items_after = value_at(old, path[:1]), value_at(new, path[:1])
            if not isinstance(items_before, list) or not isinstance(items_after, list):
                continue
            item_was, item_now = value_at(old, path[:2]), value_at(new, path[:2])
            moved = item_was is not None and item_was in items_after
            if item_was != item_now and (len(items_before) != len(items_after) or moved):
                yield Change(
                    slug, kind, "shifted", written, value_at(old, path), value_at(new, path)
                )


def _fields(slug: str, kind: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return [
        Change(slug, kind, "changed", path, before, after)
        for key in dict.fromkeys([*old, *new])
        if key != "slug"
        for path, before, after in _diff(key, old.get(key), new.get(key))
    ]


def _diff(path: str, old: Any, new: Any) -> Iterator[tuple[str, Any, Any]]:
    if old == new or (_nothing(old) and _nothing(new)):
        return  # an absent field and an empty list both say "the sources say nothing"
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            yield from _diff(f"{path}.{key}", old.get(key), new.get(key))
    elif isinstance(old, list) and isinstance(new, list) and _all_mappings(old, new):
        if len(old) == len(new):
            for index, (a, b) in enumerate(zip(old, new, strict=True)):
                yield from _diff(f"{path}[{index}]", a, b)
        else:
            keys_old = [_key(x) for x in old]
            keys_new = [_key(x) for x in new]
            for index, item in enumerate(new):
                if keys_new[index] not in keys_old:
                    yield f"{path}[{index}]", None, item
            for index, item in enumerate(old):
                if keys_old[index] not in keys_new:
                    yield f"{path}[{index}]", item, None
    elif isinstance(old, list) and isinstance(new, list):
        # a list of names or slugs: the items added and removed, each its own change; a list
        # that only changed order is one change
        gone = [x for x in old if x not in new]
        came = [x for x in new if x not in old]
        if not gone and not came:
            yield path, old, new
        for item in gone:
            yield path, item, None
        for item in came:
            yield path, None, item
    else:
        yield path, old, new


def _nothing(value: Any) -> bool:
    return value is None or value == [] or value == {}


def _all_mappings(*lists: list[Any]) -> bool:
    return all(isinstance(x, dict) for values in lists for x in values)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class LineChange(NamedTuple):
    """A line of a data file that a side could not parse, removed or added: what such a file's
    change is, when its records cannot be compared."""

    sign: str  # "-" (a line of the base) or "+" (a line of the head)
    line: int  # its number in the side it belongs to
    text: str

    def as_change(self, file: str) -> Change:
        """As a ``Change`` (the JSON's one shape): kind "file", field "file:line"."""
        removed = self.sign == "-"
        return Change(
            "",
            "file",
            "removed" if removed else "added",
            f"{file}:{self.line}",
            self.text if removed else None,
            None if removed else self.text,
        )


# A file wholly rewritten (or missing on a side) would list every line: the first ones say it.
MOST_LINE_CHANGES = 200


def line_changes(before: object, after: object) -> list[LineChange]:
    """The lines removed and added between two sides of a file (bytes; anything else, such as
    a missing file, has no lines), in the order a reviewer reads them."""
    import difflib

    old, new = _text_lines(before), _text_lines(after)
    found: list[LineChange] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        found += [LineChange("-", i + 1, old[i]) for i in range(i1, i2)]
        found += [LineChange("+", j + 1, new[j]) for j in range(j1, j2)]
    return found


def _text_lines(content: object) -> list[str]:
    if not isinstance(content, bytes):
        return []
    return content.decode("utf-8", errors="replace").splitlines()
