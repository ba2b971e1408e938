"""YAML files -> plain Python data, keeping a way back to each value's line and column.

Safety and strictness come first: only the safe, C-accelerated composer runs; anchors, aliases and
tags are refused before anything is built (so an alias bomb never expands); duplicate keys, which
PyYAML silently drops, are reported; a file that cannot be read or parsed becomes a reported
problem, never an exception. Positions are looked up lazily from the composed node tree, so the
fast path pays nothing for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..files import Unreadable, read_data_file
from ..i18n import _, language
from ..matching import neutral, quote
from ..problems import Problem
from .nodes import MAX_DEPTH, plain_data, problem

try:  # PyYAML built against libyaml; fall back to the pure-Python parser where it is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TAG = "tag:yaml.org,2002:"


# A token that could start an anchor, alias or tag: cheap pre-check before an exact event scan.
_MAYBE_NODE_PROPERTY = re.compile(r"(?:^|[\s,\[{])[&*!]", re.MULTILINE)
# libyaml's composer recurses in C and crashes the interpreter past ~10,000 levels, so a cheap
# upper bound on the nesting is checked on the text before composing (see _nesting_bound).
_SCAN_LIMIT = 500
_DEEP_INDENT = re.compile(rf"^[ \t]{{{_SCAN_LIMIT},}}\S", re.MULTILINE)
_COMPACT_NESTING = re.compile(rf"(?:[-?:][ \t]+){{{_SCAN_LIMIT},}}")
_FLOW_BRACKET = re.compile(r"[\[\]{}]")
# What no data file may hold: characters YAML does not allow in a stream (it allows tab, LF, CR
# and printable text), and the line breaks YAML sees but editors, grep and git do not (NEL, line
# and paragraph separators: every position after one would be a line off). Placed by "\n".
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_HIDDEN_BREAKS = "\x85\u2028\u2029"


@dataclass
class LoadedFile:
    """One data file: its plain data (None when unusable) and the node tree behind it."""

    path: str
    data: Any = None
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)
    text: str = ""  # the file as read, to place a finding on one character inside a value

    def position(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``loc`` (or of its key, with ``at_key``).

        A path that does not exist (a missing field) resolves to its closest existing parent.
        """
        node, mark = self._node_at(loc, at_key=at_key)
        if node is None:
            return (1, 1)
        return (mark.line + 1, mark.column + 1)

    def text_position(self, loc: Sequence[str | int], found: str) -> tuple[int, int]:
        """Where ``found`` (a part of the text value at ``loc``) is written: inside a block or
        multi-line value, on its own line rather than on the ``>-`` that opens the value. The
        value's start when it is not written as is (folded across a line break, escaped)."""
        node, mark = self._node_at(loc)
        if node is None:
            return (1, 1)
        written = self.text[mark.index : node.end_mark.index]
        offset = written.find(found) if found else -1
        if offset < 0:
            return (mark.line + 1, mark.column + 1)
        before = written[:offset]
        line = mark.line + before.count("\n")
        column = offset - before.rfind("\n") if "\n" in before else mark.column + offset + 1
        return (line + 1, column)

    def _node_at(
        self, loc: Sequence[str | int], *, at_key: bool = False
    ) -> tuple[yaml.Node | None, Any]:
        """The node at ``loc`` (its closest existing parent) and the mark it starts at."""
        node = self.root
        if node is None:
            return (None, None)
        mark = node.start_mark
        for step in loc:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                        mark = key_node.start_mark if at_key else value_node.start_mark
                        node = value_node
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    break
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return (node, mark)

    def character_position(
        self, loc: Sequence[str | int], character: str, occurrence: int = 0
    ) -> tuple[int, int]:
        """Where the ``occurrence``-th ``character`` stands inside the one-line text value at
        ``loc``, as written: the character itself, or the escape that writes it in a
        double-quoted value (``\\u00a0``, ``\\xa0``, ``\\_``). The value's own start when it
        cannot be told (a value folded over several lines)."""
        line, column = self.position(loc)
        rows = self.text.split("\n")
        if not 0 < line <= len(rows):
            return (line, column)
        row = rows[line - 1]
        code = ord(character)
        spellings = {character, f"\\u{code:04x}", f"\\u{code:04X}"}
        if code < 0x100:
            spellings |= {f"\\x{code:02x}", f"\\x{code:02X}"}
        if character == "\u00a0":
            spellings.add("\\_")
        found = sorted(
            match.start()
            for spelling in spellings
            for match in re.finditer(re.escape(spelling), row[column - 1 :])
        )
        if occurrence < len(found):
            return (line, column + found[occurrence])
        return (line, column)


def load_file(path: Path, display: str, raw: bytes | Unreadable | None = None) -> LoadedFile:
    """Read and parse one file; every failure is recorded on the result, never raised."""
    loaded = LoadedFile(display)
    if raw is None:
        raw = read_data_file(path)
    if isinstance(raw, Unreadable):
        loaded.problems.append(problem(display, 1, 1, raw.code, raw.message))
        return loaded
    text = _decode(raw, loaded)
    if text is None:
        return loaded
    bad = _RAW_CONTROL.search(text)
    if bad:
        line, col = _offset_position(text, bad.start())
        template = (
            _(
                "the file holds U+{code:04X}, a line break to YAML that editors do not show: "
                "every line number after it would be off; remove it"
            )
            if bad.group() in _HIDDEN_BREAKS
            else _(
                "the file holds the control character U+{code:04X}, which YAML does not allow: "
                "remove it"
            )
        )
        message = template.format(code=ord(bad.group()))
        loaded.problems.append(problem(display, line, col, "control-character", message))
        return loaded
    if _MAYBE_NODE_PROPERTY.search(text) and not _refuse_node_properties(text, loaded):
        return loaded
    too_deep_at = _nesting_bound(text)
    if too_deep_at is not None:
        line, col = _offset_position(text, too_deep_at)
        message = _("collections are nested more than {depth} levels deep").format(depth=MAX_DEPTH)
        loaded.problems.append(problem(display, line, col, "too-deep", message))
        return loaded
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        loaded.problems.append(_yamlproblem(display, err, text))
        return loaded
    except (yaml.YAMLError, RecursionError, ValueError) as err:
        loaded.problems.append(problem(display, 1, 1, "yaml-syntax", _invalid_yaml(err)))
        return loaded
    if root is None:
        loaded.problems.append(problem(display, 1, 1, "empty-file", _("data file is empty")))
        return loaded
    loaded.root = root
    loaded.text = text
    loaded.data = plain_data(root, display, loaded.problems)
    return loaded


def _nesting_bound(text: str) -> int | None:
    """Offset where the nesting may exceed what the C composer survives, else None.

    Block nesting needs indentation or compact indicators (``- - -``); flow nesting needs open
    brackets. Each is bounded separately; quoted brackets can only make the bound larger.
    """
    # Block nesting past the limit needs a line of at least _SCAN_LIMIT characters (indentation or
    # one indicator and a space per level): only then are the slower patterns worth running.
    if any(len(line) >= _SCAN_LIMIT for line in text.splitlines()):
        for pattern in (_DEEP_INDENT, _COMPACT_NESTING):
            found = pattern.search(text)
            if found:
                return found.start()
    if text.count("[") + text.count("{") < _SCAN_LIMIT:
        return None
    depth = 0
    for bracket in _FLOW_BRACKET.finditer(text):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > _SCAN_LIMIT:
            return bracket.start()
    return None


def _decode(raw: bytes, loaded: LoadedFile) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        prefix = raw[: err.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix) - (prefix.rfind(b"\n") + 1) + 1
        message = _("file is not UTF-8 (byte 0x{byte:02x} cannot be decoded)").format(
            byte=raw[err.start]
        )
        loaded.problems.append(problem(loaded.path, line, column, "not-utf8", message))
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        loaded.problems.append(problem(loaded.path, 1, 1, "empty-file", _("data file is empty")))
        return None
    return text


def _refuse_node_properties(text: str, loaded: LoadedFile) -> bool:
    """Scan parser events for anchors, aliases and tags; report each. True if there were none."""
    found = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            if isinstance(event, yaml.AliasEvent):
                found = True
                message = _("YAML aliases are not allowed (*{name}): write the value out").format(
                    name=neutral(event.anchor or "")
                )
                loaded.problems.append(problem(loaded.path, line, column, "yaml-alias", message))
                continue
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                found = True
                message = _("YAML anchors are not allowed (&{name}): write each value out").format(
                    name=neutral(anchor)
                )
                loaded.problems.append(problem(loaded.path, line, column, "yaml-anchor", message))
            tag = getattr(event, "tag", None)
            if tag is not None:  # the parser reports a tag only where the text writes one
                found = True
                shown = neutral(tag.replace(_TAG, "!!")) if tag else tag
                message = _("YAML tags are not allowed ({tag}): plain values only").format(
                    tag=shown
                )
                loaded.problems.append(problem(loaded.path, line, column, "yaml-tag", message))
    except yaml.MarkedYAMLError as err:
        loaded.problems.append(_yamlproblem(loaded.path, err, text))
        return False
    except (yaml.YAMLError, RecursionError, ValueError) as err:
        loaded.problems.append(problem(loaded.path, 1, 1, "yaml-syntax", _invalid_yaml(err)))
        return False
    return not found


def _yamlproblem(path: str, err: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """A YAML syntax error placed where the faulty construct opens (the quote, the bracket, the
    line whose ':' lacks its space), never past the end of the file, and explained in the
    reader's language with the fix; libyaml's words follow for the record."""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if err.problem == "but found another document":
        return problem(
            path,
            line,
            column,
            "yaml-syntax",
            _(
                "a second YAML document starts here ('---'): a data file is one document; "
                "remove this line or move what follows into the same document"
            ),
        )
    what = err.problem or "syntax error"
    context = f" {err.context}" if err.context else ""
    detail = f"{what}{context}"
    explained = _explain_syntax(err, text)
    # libyaml's own words are English: they follow the explanation in English only (nothing
    # English reaches a French reader; the position and the fix say what is wrong).
    english = language() == "en"
    if explained is not None:
        line, column, why = explained
        message = _("YAML syntax error: {why}").format(why=why)
        message += f" ({detail})" if english else ""
    elif english:
        message = f"YAML syntax error: {detail}"
    else:
        message = _(
            "YAML syntax error here: check the quotes, brackets, colons and indentation of "
            "this line and of the one above"
        )
    lines = text.split("\n") if text else []
    if lines and line > len(lines):  # libyaml marks the end of the stream: the last line
        line = max(1, len(lines) - (1 if lines[-1] == "" else 0))
        column = 1
    return problem(path, line, column, "yaml-syntax", message)


def _explain_syntax(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """(line, column, explanation) for the common syntax errors; None for the others."""
    problem_text, context = err.problem or "", err.context or ""
    opened = err.context_mark
    at_open = (opened.line + 1, opened.column + 1) if opened is not None else None
    found = err.problem_mark
    at_problem = (found.line + 1, found.column + 1) if found is not None else (1, 1)
    if "quoted scalar" in context and at_open is not None:
        mark = _char_at(text, at_open)
        why = _("the quotation mark {quote} opened here is never closed: close it with {quote}")
        return (*at_open, why.format(quote=mark or '"'))
    unclosed = _unclosed_quote(text, at_problem[0])
    if unclosed is not None:  # libyaml read on to a later quote, and stumbled far below
        line, column, mark = unclosed
        why = _("the quotation mark {quote} opened here is never closed: close it with {quote}")
        return line, column, why.format(quote=mark)
    closed_early = _apostrophe_closing_quote(text, at_problem[0])
    if closed_early is not None:
        line, column, word = closed_early
        why = _(
            "the value in single quotes opened here ends at the apostrophe of {word}: write "
            "that apostrophe twice ({doubled}) or put the value in double quotes"
        )
        return line, column, why.format(word=quote(word), doubled=word.replace("'", "''"))
    if "expected node content" in problem_text and _char_at(text, at_problem) == ",":
        # `[a, , b]`: two commas with nothing between them
        return (
            *at_problem,
            _("an empty item in a list between [ ]: this comma has no value before it; remove it"),
        )
    if "flow sequence" in context and at_open is not None:
        return (*at_open, _("the '[' opened here is never closed: end the list with ']'"))
    if "flow mapping" in context and at_open is not None:
        return (*at_open, _("the '{' opened here is never closed: end it with '}'"))
    if "tab" in problem_text or "'\\t'" in problem_text:
        return (
            *at_problem,
            _("a tab character: YAML indents with spaces only; replace the tab with spaces"),
        )
    if "could not find expected ':'" in problem_text and at_open is not None:
        glued = _colon_without_space(text, at_open[0])
        if glued is not None:
            return (*glued, _("a ':' needs a space after it: write 'field: value'"))
        return (
            *at_open,
            _("this line is no 'field: value' and no list item: add the ':' or the '- '"),
        )
    if "mapping values are not allowed" in problem_text:
        glued = _colon_without_space(text, at_problem[0])
        if glued is not None:
            return (*glued, _("a ':' needs a space after it: write 'field: value'"))
        deeper = _indented_under_a_value(text, at_problem[0])
        if deeper is not None:
            return (
                *deeper,
                _(
                    "this line is indented further than the field above it, so it reads as "
                    "the rest of that field's value: align it with the field above"
                ),
            )
        return (
            *at_problem,
            _("a ':' inside a value: put the whole value in quotes (\"a: b\")"),
        )
    if any(k in problem_text for k in ("expected key", "block end", "'-' indicator")):
        return (
            *at_problem,
            _(
                "this line's indentation matches no field above it: align it with the field "
                "or the list it belongs to"
            ),
        )
    return None


def _char_at(text: str, at: tuple[int, int]) -> str:
    """The character at a 1-based (line, column) of ``text``, or "" past its end."""
    lines = text.split("\n")
    if not 0 < at[0] <= len(lines):
        return ""
    return lines[at[0] - 1][at[1] - 1 : at[1]]


_OPENING_SINGLE_QUOTE = re.compile(r"^\s*(?:- )?(?:[A-Za-z_][A-Za-z0-9_]*:\s+|- )'")
_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


_OPENING_QUOTE = re.compile(r"^( *)(?:- )?(?:[A-Za-z_][A-Za-z0-9_]*: +)?([\"'])")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The first value above ``error_line`` whose opening quote is never closed: neither on
    its line nor on the lines indented under it that continue it (a quoted value may run over
    several lines), before the next line at its own indentation. Its line, column and quote.

    A double quote left open makes libyaml read on to the next quote of the file, hundreds
    of lines below, where it reports a puzzling indentation error."""
    lines = text.split("\n")
    for number in range(1, min(error_line, len(lines)) + 1):
        opening = _OPENING_QUOTE.match(lines[number - 1])
        if opening is None:
            continue
        indent, mark = len(opening.group(1)), opening.group(2)
        if _closes(lines[number - 1][opening.end() :], mark):
            continue
        for later in lines[number:]:
            if not later.strip() or later.lstrip().startswith("#"):
                continue
            if len(later) - len(later.lstrip(" ")) <= indent:  # the next field or item
                return number, opening.end(), mark
            if _closes(later, mark):
                break
        else:
            return number, opening.end(), mark
    return None


def _closes(text: str, mark: str) -> bool:
    """Whether ``text`` holds the quote ``mark`` closing a value (an escaped \\" or a doubled ''
    does not close one)."""
    if mark == '"':
        return re.search(r'(?<!\\)"', text.replace("\\\\", "")) is not None
    return "'" in text.replace("''", "")


def _apostrophe_closing_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """Where a value in single quotes opens, when an apostrophe inside a word (« 'MRC de
    D'Autray ») closed it: libyaml stumbles only where what follows stops making sense, often
    lines later. The line and column of the opening quote, and the word."""
    lines = text.split("\n")
    for number in range(min(error_line, len(lines)), max(0, error_line - 60), -1):
        opening = _OPENING_SINGLE_QUOTE.match(lines[number - 1])
        if opening is None:
            continue
        rest = [lines[number - 1][opening.end() :], *lines[number:error_line]]
        for candidate in rest:
            body = candidate.replace("''", "  ")
            apostrophe = _IN_WORD_APOSTROPHE.search(body)
            closing = body.find("'")
            if closing < 0:
                continue
            if apostrophe is None or apostrophe.start() != closing:
                return None  # closed by a real closing quote: not this mistake
            words = re.findall(r"[\w'’-]+", candidate)
            word = next((w.strip("'") for w in words if "'" in w.strip("'")), candidate.strip())
            return number, opening.end(), word
        return None
    return None


def _indented_under_a_value(text: str, error_line: int) -> tuple[int, int] | None:
    """The line of a ``field: value`` indented further than the ``field: value`` just above:
    YAML reads it as the rest of that value, and stumbles on its ':'."""
    lines = text.split("\n")
    if not 1 < error_line <= len(lines):
        return None
    here = lines[error_line - 1]
    above = next((ln for ln in reversed(lines[: error_line - 1]) if ln.strip()), "")
    field = re.compile(r"^(\s*)(?:- )?[A-Za-z_][A-Za-z0-9_]*:\s+\S")
    found_here, found_above = field.match(here), field.match(above)
    if found_here is None or found_above is None:
        return None
    item = 2 if above.lstrip().startswith("- ") else 0  # `- slug:` holds its fields 2 further
    if len(found_here.group(1)) <= len(found_above.group(1)) + item:
        return None
    return error_line, len(found_here.group(1)) + 1


def _colon_without_space(text: str, before: int) -> tuple[int, int] | None:
    """The line and column of a ``key:value`` (no space after the colon) on the line of the
    error or the lines just above it: libyaml reads it as text and stumbles one line later."""
    lines = text.split("\n")
    for number in range(min(before, len(lines)), max(0, before - 3), -1):
        found = re.match(r"^(\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*):(?=[^\s])", lines[number - 1])
        if found:
            return number, found.end()
    return None


def _invalid_yaml(err: Exception) -> str:
    return _("not valid YAML: {detail}").format(detail=_one_line(err))


def _one_line(err: Exception) -> str:
    return neutral(" ".join(str(err).split()))


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
