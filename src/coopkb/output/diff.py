"""`coopkb diff` in its three formats: text (coloured on a terminal), Markdown (a pull-request
comment or GitHub's job summary) and JSON (a list of {slug, kind, change, field, before, after})."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..i18n import _, colon, ngettext
from ..labels import kind_label
from ..matching import spaces_named
from ..parts import part_of
from ..review.changes import MOST_LINE_CHANGES
from .machine import sub_record_line
from .tables import md_cell
from .text import safe

if TYPE_CHECKING:
    from rich.console import RenderableType

_STYLES = {
    "added": "green",
    "removed": "red",
    "renamed": "cyan",
    "changed": "yellow",
    "shifted": "magenta",
}
_SIGNS = {"added": "+", "removed": "-", "renamed": "→", "changed": "~", "shifted": "!"}


def value_text(value: Any, shape: str = "") -> str:
    """A value before or after a change; a sub-record (``shape``: step, figure…) on one line."""
    if value is None:
        return "∅"
    if isinstance(value, dict):
        return sub_record_line(shape, value, {}, for_people=True)  # « 2010 : », as show writes
    if isinstance(value, list):
        return "; ".join(value_text(v, shape) for v in value) or "∅"  # empty is empty
    if isinstance(value, str):  # « La Barberie → La Barberie » says what changed
        return value + spaces_named(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        from ..figures import number_text

        return number_text(value)  # « 960 000 », as show writes it
    return str(value)


def claim_text(kind: str, claim: dict[str, Any]) -> str:
    """An evidence claim on one line, its values by their labels: « nom, région ← source-test,
    Les coopératives — « La Brunante (Racine » »."""
    from ..labels import path_label

    covered = ", ".join(path_label(str(p), kind) for p in claim.get("of") or [])
    if claim.get("official"):
        return f"{covered} ← {claim['official']}"
    # a claim missing its place or words (an editor's slip) shows what it has, never "None"
    line = f"{covered} ← {claim.get('source') or '?'}"
    if claim.get("at"):
        line += f", {claim['at']}"
    if claim.get("says"):
        line += f" — «\u00a0{claim['says']}\u00a0»"
    return line


def _values(change: Any) -> tuple[str, str]:
    """The before and after of a change as text (a claim by its labels)."""
    if change.field == "evidence":
        return tuple(  # type: ignore[return-value]
            claim_text(change.kind, v) if isinstance(v, dict) else value_text(v)
            for v in (change.before, change.after)
        )
    shape = _shape(change)
    if isinstance(change.before, str) and isinstance(change.after, str):
        return changed_words(value_text(change.before), value_text(change.after))
    return value_text(change.before, shape), value_text(change.after, shape)


# A text longer than this is shown by the words that changed, with a few words around them.
LONG_TEXT = 80
_CONTEXT_WORDS = 4


def changed_words(before: str, after: str) -> tuple[str, str]:
    """A long text's change as its changed words with a little context (« … groupe de
    promoteurs … → … groupe des promoteurs … »): a one-word fix in a description printed
    the whole paragraph twice, and a reviewer had to find the word."""
    if len(before) <= LONG_TEXT and len(after) <= LONG_TEXT:
        return before, after
    old, new = before.split(" "), after.split(" ")
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    first = max(start - _CONTEXT_WORDS, 0)
    last = max(end - _CONTEXT_WORDS, 0)

    def cut(words: list[str]) -> str:
        middle = " ".join(words[first : len(words) - last])
        return ("… " if first else "") + middle + (" …" if last else "")

    return cut(old), cut(new)


def _shape(change: Any) -> str:
    """The shape of sub-record a changed field holds (``timeline[2]`` of a cooperative: step)."""
    top = (change.field or "").split(".")[0].split("[")[0]
    part = part_of(change.kind, top)
    return part.shape if part is not None else ""


def _groups(changes: Sequence[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for change in changes:
        groups.setdefault(change.kind, []).append(change)
    return groups


def _summary(
    changes: Sequence[Any],
    unread: Sequence[tuple[str, str]] = (),
    lines_of: Mapping[str, Sequence[Any]] | None = None,
) -> str:
    """« 1 fiche ajoutée, 1 fiche modifiée »: each record counted once, by what happened to it
    (added, removed, renamed, else changed); and the lines changed in files not read."""
    count = sum(len(lines) for lines in (lines_of or {}).values())
    in_text = (
        ngettext(
            "{count} line changed in a file that could not be read",
            "{count} lines changed in files that could not be read",
            count,
        ).format(count=count)
        if count
        else ""
    )
    if not changes and in_text:
        return in_text
    if not changes and unread:  # not "no change": a file that could not be read hides its own
        return _("No change in the files that could be read.")
    if not changes:
        return _("No change to the knowledge base.")
    if in_text:
        return f"{_summary(changes)}; {in_text}"
    fate: dict[tuple[str, str], str] = {}
    for c in changes:
        key = (c.kind, c.slug)
        if c.change in ("added", "removed", "renamed"):
            fate[key] = c.change
        else:
            fate.setdefault(key, "changed")
    counts = {what: sum(1 for f in fate.values() if f == what) for what in _SUMMARY_WORDS}
    return ", ".join(
        _SUMMARY_WORDS[what](counts[what]).format(count=counts[what])
        for what in _SUMMARY_WORDS
        if counts[what]
    )


_SUMMARY_WORDS: dict[str, Callable[[int], str]] = {
    "added": lambda n: ngettext("{count} record added", "{count} records added", n),
    "removed": lambda n: ngettext("{count} record removed", "{count} records removed", n),
    "renamed": lambda n: ngettext("{count} record renamed", "{count} records renamed", n),
    "changed": lambda n: ngettext("{count} record changed", "{count} records changed", n),
}


def _added_facts(changes: Sequence[Any]) -> set[int]:
    """The changes that are the facts of an added record (shown under it as « pays : Canada »,
    not as « ~ modifiée : ∅ → Canada »)."""
    added = {(c.kind, c.slug) for c in changes if c.change == "added"}
    return {
        id(c)
        for c in changes
        if (c.kind, c.slug) in added and c.change == "changed" and c.before is None
    }


def _what(change: Any) -> str:
    return {
        "added": _("added"),
        "removed": _("removed"),
        "renamed": _("renamed"),
        "changed": _("changed"),
        "shifted": _("evidence shifted"),
    }[change.change]


def field_text(change: Any) -> str:
    """The changed field by its labels (« chronologie (3) › date »), in the interface's
    language."""
    from ..labels import path_label

    field = change.field or ""
    if change.change == "shifted":  # a claim's path: « autres noms (2) »
        return path_label(field, change.kind)
    if not field:
        return ""
    # each item by its number from 1, as `show --evidence` counts (« chiffres (3) › valeur »;
    # « chiffres[2].value » was a Python index and an English key)
    counted = re.sub(r"\[(\d+)\]", lambda m: f".{int(m.group(1)) + 1}", field)
    return path_label(counted, change.kind)


def _line(change: Any) -> str:
    what = _what(change)
    if change.change == "renamed":
        line = f"{change.before} → {change.after} ({what})"
        if change.references:
            line += " — " + ngettext(
                "{count} reference updated with it",
                "{count} references updated with it",
                change.references,
            ).format(count=change.references)
        return line
    if change.change in ("added", "removed"):
        name = change.after if change.change == "added" else change.before
        return f"{change.slug} ({what}){colon()} {name}"
    before, after = _values(change)
    if change.change == "shifted":
        said = (
            _("its claim now names no value (it covered {was}): move it with its value")
            if change.after is None
            else _("its claim now covers {now}, no longer {was}: move it with its value")
        )
        from ..matching import quote

        shown = {"now": quote(after), "was": quote(before)}
        return f"{change.slug}.{field_text(change)}{colon()} " + said.format(**shown)
    if change.before is None and _is_item(change):
        return f"{change.slug}.{field_text(change)} + {after}"
    if change.after is None and _is_item(change):
        return f"{change.slug}.{field_text(change)} − {before}"
    return f"{change.slug}.{field_text(change)}{colon()} {before} → {after}"


def _is_item(change: Any) -> bool:
    """Whether the change adds or removes one item of a list (of names, slugs, or sub-records:
    a timeline's step reads « + 2010 : … », not « ∅ → 2010 : … »)."""
    field = change.field or ""
    part = part_of(change.kind, field.split(".")[0].split("[")[0])
    if part is None or "." in field:
        return False
    return part.part in ("list", "references") or (part.part == "mappings" and field.endswith("]"))


def _unread_lines(
    unread: Sequence[tuple[str, str]], lines_of: Mapping[str, Sequence[Any]] | None = None
) -> list[tuple[str, list[Any]]]:
    """Each file a side could not parse, said, with its changed lines (once per file)."""
    shown: set[str] = set()
    out: list[tuple[str, list[Any]]] = []
    for revision, file in unread:
        lines = list((lines_of or {}).get(file) or []) if file not in shown else []
        shown.add(file)
        said = (
            _("{file} could not be read at {revision}: its changed lines follow, as text")
            if lines
            else _("{file} could not be read at {revision}: its changes are not shown")
        )
        out.append((said.format(file=file, revision=revision), lines[:MOST_LINE_CHANGES]))
        if len(lines) > MOST_LINE_CHANGES:
            more = len(lines) - MOST_LINE_CHANGES
            out[-1][1].append(
                ngettext("… and {count} more line", "… and {count} more lines", more).format(
                    count=more
                )
            )
    return out


def _line_text(line: Any) -> str:
    """« - 12 : texte » for a changed line; the closing « … and N more lines » as it is."""
    if isinstance(line, str):
        return line
    return f"{line.sign} {line.line}{colon()} {line.text}"


def render_diff(
    changes: Sequence[Any],
    output_format: str,
    unread: Sequence[tuple[str, str]] = (),
    notes: Sequence[str] = (),
    lines_of: Mapping[str, Sequence[Any]] | None = None,
) -> RenderableType | str:
    """The changes; ``unread`` (revision, file) names each data file a side could not parse,
    its records compared as unchanged: said where the changes are read, not only in a note on
    stderr, with its changed lines (``lines_of``: file → ``review.changes.LineChange``)."""
    lines_of = lines_of or {}
    if output_format == "json":
        as_lines = [
            line.as_change(file).as_dict()
            for file, lines in lines_of.items()
            for line in lines[:MOST_LINE_CHANGES]
        ]
        return json.dumps(
            [*(c.as_dict() for c in changes), *as_lines], ensure_ascii=False, indent=2
        )
    groups = _groups(changes)
    facts = _added_facts(changes)
    unread_said = _unread_lines(unread, lines_of)
    if output_format == "markdown":
        lines = [f"## {md_cell(_('Changes to the knowledge base'))}", ""]
        for said, changed in unread_said:
            lines.append(f"> **{md_cell(said)}**\n")
            if changed:
                # four backticks: a data line may hold three
                lines += ["````diff", *(_line_text(c) for c in changed), "````", ""]
        lines += [
            *(f"> {md_cell(note)}\n" for note in notes),
            md_cell(_summary(changes, unread, lines_of)),
        ]
        for kind, items in groups.items():
            count = len({c.slug for c in items})
            lines += ["", f"### {md_cell(kind_label(kind))} ({count})", ""]
            lines += [
                f"| {_('change')} | {_('record')} | {_('field')} | {_('before')} | {_('after')} |"
            ]
            lines.append("|---|---|---|---|---|")
            for c in items:
                before, after = _values(c)
                what = _what(c) if id(c) not in facts else _("added")
                sign = _SIGNS["added" if id(c) in facts else c.change]
                if id(c) in facts:
                    before = ""
                lines.append(
                    f"| {sign} {what} | `{c.slug}` | {md_cell(field_text(c))} | "
                    f"{md_cell(before)} | {md_cell(after)} |"
                )
        return "\n".join(lines)
    from rich.text import Text

    facts = _added_facts(changes)
    out = Text(no_wrap=True, overflow="ignore")  # one line per change, piped or not
    for said, changed in unread_said:
        out.append("! ", style="bold red")
        out.append(safe(said) + "\n", style="bold")
        for line in changed:
            style = (
                "" if isinstance(line, str) else _STYLES["removed" if line.sign == "-" else "added"]
            )
            out.append(f"    {safe(_line_text(line))}\n", style=style)
        out.append("\n")
    for kind, items in groups.items():
        count = len({c.slug for c in items})
        out.append(f"{kind_label(kind)} ({count})\n", style="bold")
        for c in items:
            if id(c) in facts:  # a fact of the record added just above
                _before, after = _values(c)
                out.append(f"      {field_text(c)}{colon()} {safe(after)}\n", style="green")
                continue
            out.append(f"  {_SIGNS[c.change]} ", style=_STYLES[c.change])
            out.append(safe(_line(c)) + "\n")
        out.append("\n")
    out.append(_summary(changes, unread, lines_of))
    return out
