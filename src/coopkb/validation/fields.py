"""Field types of the data: text, slugs, partial dates, URLs, places and closed vocabularies.

Each type validates one value and reports a problem in the words an editor needs ("region 'Estri'
is not a Quebec administrative region (did you mean 'Estrie'?)"); each also describes itself to
JSON Schema, so editors get the same vocabulary while they type.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .. import reference
from ..i18n import N_, _
from ..i18n.dates import human_date
from ..matching import UNSAFE, did_you_mean, fold, quote, same_looking, within_edits
from ..parts import Scalar
from ..placeholders import is_placeholder, placeholder_message

# Characters no field may hold: C0 controls but tab and newline, DEL, C1, bidi controls, line and
# paragraph separators, non-characters. Names and one-line values refuse more (see _INVISIBLE).
_CONTROL = UNSAFE
# Invisible or line-breaking: they break table rows and make two names look alike.
_INVISIBLE = re.compile("[\t\n\r\u00ad\u200b-\u200d\u2060\ufeff]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The same address spelt to dodge harvesters: « nom [at] site.org », « nom (arobase) site (point)
# org », « nom at site dot org ».
_AT = r"(?:\s*[\[(]\s*(?:at|arobase|arrobas)\s*[\])]\s*|\s+(?:at|arobase|arrobas)\s+)"
_DOT = r"(?:\s*[\[(]\s*(?:dot|point)\s*[\])]\s*|\s+(?:dot|point)\s+|\.)"
_SPELT_EMAIL = re.compile(rf"(?i)\b[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,}}\b")
# North American numbers as Quebec writes them (418-555-0123, (418) 555-0123, 418.555.0123,
# 4185550123, +1 418 555 0123), French ones (06 12 34 56 78, +33 6 12 34 56 78) and other
# international ones (a leading +). Amounts (1 250 000 000 $) and times (2017-05-08 10:00) pass.
_PHONE = re.compile(
    r"(?<![\w.,+-])(?:"
    r"(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .-]?[0-9]{3}[ .-]?[0-9]{4}"
    r"|0[1-9](?:[ .-]?[0-9]{2}){4}"
    r"|\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,5}"
    r")(?![\w-])",
    re.ASCII,
)
_DIGIT = re.compile(r"[0-9]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Far above any real record; they keep a pasted file or an attack from stalling every command.
MAX_NAME = 300
MAX_TEXT = 5_000
MAX_ITEMS = 1_000


def fail(code: str, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error with our own code and message; ``field`` names the offending key when
    a record-level rule raises it, so the error points at that key rather than the record."""
    context = {"message": message} if field is None else {"message": message, "field": field}
    return PydanticCustomError(code, "{message}", context)


def _no_control(value: str) -> str:
    """Every text value of every field: no control, bidi or invisible formatting character."""
    # Fast path first (this runs for every string of every record): printable text has none.
    # (Hangul fillers and variation selectors are "printable" yet drawn as nothing.)
    bad = None if value.isascii() and value.isprintable() else _CONTROL.search(value)
    if bad:
        raise fail(
            "control-character",
            _(
                "text contains the invisible or control character U+{code:04X} at offset {offset}"
            ).format(code=ord(bad.group()), offset=bad.start()),
        )
    return value


def _one_line(value: str) -> str:
    """Names and other one-line values: nothing invisible, no line break or tab."""
    bad = None if value.isprintable() and value.isascii() else _INVISIBLE.search(value)
    if bad:
        raise fail(
            "invisible-character",
            _(
                "a name must not hold the invisible or line-breaking character U+{code:04X} "
                "(offset {offset})"
            ).format(code=ord(bad.group()), offset=bad.start()),
        )
    return value


def personal_data_written(value: str) -> str:
    """The address or number that makes ``value`` refused, as written, so the report points at it
    (inside a long description, not at its first line); empty when there is none."""
    for pattern in (_EMAIL, _SPELT_EMAIL, _PHONE):
        found = pattern.search(value)
        if found:
            return found.group().strip()
    return ""


def personal_data(value: str) -> str | None:
    """Why ``value`` cannot be stored, when it holds an e-mail address or a phone number (in
    a record's text or in an evidence claim's anchor alike); None when it holds neither."""
    # Text without '@' or digits holds no e-mail or phone: skip the patterns.
    if "@" in value and _EMAIL.search(value):
        return _("e-mail addresses are never stored in coopkb: remove it")
    if ("at" in value or "ob" in value or "AT" in value) and _SPELT_EMAIL.search(value):
        return _(
            "e-mail addresses are never stored in coopkb, however spelt ([at], arobase): remove it"
        )
    if _DIGIT.search(value) and _PHONE.search(value):
        return _("phone numbers are never stored in coopkb: remove it")
    return None


def _clean_text(value: str) -> str:
    _no_control(value)
    refused = personal_data(value)
    if refused is not None:
        raise fail("personal-data", refused)
    if not value.strip():
        raise fail("blank-text", _("text must not be blank"))
    if value != value.strip():
        raise fail("untrimmed-text", _("text must not start or end with spaces"))
    if is_placeholder(value):
        raise fail("placeholder", placeholder_message(value))
    return value


def _slug(value: str) -> str:
    if is_placeholder(value):
        raise fail("placeholder", placeholder_message(value))
    if not _SLUG.fullmatch(value):
        raise fail(
            "bad-slug",
            _(
                "slug {value} must be lower-case ASCII kebab-case (letters, digits, single hyphens)"
            ).format(value=quote(value)),
        )
    return value


def check_slug(value: str) -> str:
    """A slug as validate checks it (for ``coopkb new --slug``)."""
    return _slug(value)


def check_one_line_text(value: str) -> str:
    """A name as validate checks it (for ``coopkb new --name``)."""
    return _one_line(_clean_text(value))


def _partial_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # an unquoted year in YAML is an integer; it is still a date
    return value


def _check_date(value: str) -> str:
    found = _DATE.fullmatch(value)
    if not found and re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]", value):
        message = _("date {value} holds a time: coopkb keeps the day only (write {day})")
        raise fail("bad-date", message.format(value=quote(value), day=quote(value[:10])))
    if not found:
        message = _("date {value} must be ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD")
        raise fail("bad-date", message.format(value=quote(value)))
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        message = _("date {value} has no month {month}")
        raise fail("bad-date", message.format(value=quote(value), month=month))
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            message = _("date {value} has no day {day} (that month has {last})")
            raise fail("bad-date", message.format(value=quote(value), day=day, last=last))
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in value:
        message = _("{value} is not a well-formed http(s) URL")
        raise fail("bad-url", message.format(value=quote(value)))
    return value


def _closed(name: str, choices: tuple[str, ...] | list[str]) -> AfterValidator:
    def check(value: str) -> str:
        if value in choices:
            return value
        hint = did_you_mean(value, choices)
        message = _("{value} is not a known {what}").format(value=quote(value), what=_(name))
        raise fail(f"unknown-{name.replace(' ', '-')}", message + hint)

    return AfterValidator(check)


def _region(value: str) -> str:
    for regions in reference.COUNTRIES.values():
        if value in regions.values():
            return value
    official = reference.official_region(value)
    if fold(value) in ("quebec", "province de quebec"):  # the province, or the city
        raise fail(
            "unknown-region",
            _(
                "region {value} is the province (or the city of Québec, in the "
                "Capitale-Nationale region), not one of its 17 administrative regions"
            ).format(value=quote(value)),
        )
    if official:
        message = _("region {value} is not the official spelling").format(value=quote(value))
        message += did_you_mean(value, [official])
    else:
        hint = did_you_mean(value, reference.QUEBEC_REGIONS.values())
        if hint:
            message = _("region {value} is not a Quebec administrative region").format(
                value=quote(value)
            )
            message += hint
        else:
            hint = did_you_mean(value, reference.FRENCH_REGIONS.values())
            message = _(
                "region {value} is neither a Quebec administrative region nor a region of France"
            ).format(value=quote(value))
            message += hint
    raise fail("unknown-region", message)


def _mrc(value: str) -> str:
    if value == reference.OUTSIDE_MRC or value in reference.MRCS:
        return value
    official = reference.official_mrc(value)
    if official and same_looking(value, [official]):
        message = _("MRC {value} is not the official spelling").format(value=quote(value))
        raise fail("mrc-spelling", message + str(same_looking(value, [official])))
    if official:
        raise fail(
            "mrc-spelling",
            _(
                "MRC {value} is not the official spelling: write {official} (the source's own "
                "spelling stays in its evidence)"
            ).format(value=quote(value), official=quote(official)),
        )
    # The list is complete (every MRC and equivalent territory): anything else is refused, with
    # the list named; a name is suggested only when it is a typo or two away.
    listed = reference.OFFICIAL_LISTS["mrc-quebec"]
    message = _(
        "MRC {value} is not in the {title} ({publisher}, consulted in {consulted}): write the "
        "official name, or `hors MRC` for a municipality outside any MRC"
    ).format(
        value=quote(value),
        title=listed.title,
        publisher=listed.publisher,
        consulted=human_date(listed.consulted),
    )
    typed = fold(value)
    near = [m for m in reference.MRCS if within_edits(typed, fold(m), 2)]
    # the official name with its article (« Maskoutains » is Les Maskoutains)
    near += [
        m
        for m in reference.MRCS
        if any(fold(m) == article + typed for article in ("le ", "la ", "les ", "l'", "l’"))
    ]
    raise fail("unknown-mrc", message + did_you_mean(value, near))


def _enum(values: Iterable[str]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


_SLUG_SCHEMA = WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
_DATE_SCHEMA = WithJsonSchema(
    {
        "type": ["string", "integer"],
        "pattern": r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        # a year written as a number has four digits too (`founded: 19` is refused)
        "minimum": 1000,
        "maximum": 9999,
    }
)
_QUALIFIERS = ("plus de", "environ", "au moins", "jusqu'à")
_ALL_REGIONS = (*reference.QUEBEC_REGIONS.values(), *reference.FRENCH_REGIONS.values())

_CLEAN = AfterValidator(_no_control)
_ONE_LINE = AfterValidator(_one_line)

Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_clean_text)]
Name = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_clean_text), _ONE_LINE]
Slug = Annotated[str, Field(max_length=MAX_NAME), _CLEAN, AfterValidator(_slug), _SLUG_SCHEMA]
PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    Field(max_length=MAX_NAME),  # the shape is checked below, a time included
    _CLEAN,
    AfterValidator(_check_date),
    _DATE_SCHEMA,
    Scalar("date"),
]
Url = Annotated[
    str,
    Field(max_length=MAX_NAME),
    AfterValidator(_clean_text),
    _ONE_LINE,
    AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
    Scalar("url"),
]


def _vocabulary(name: str, choices: tuple[str, ...]) -> Any:
    """A closed vocabulary: one of ``choices``, with a "did you mean" hint otherwise."""
    return Annotated[
        str, Field(max_length=MAX_NAME), _CLEAN, _closed(name, choices), _enum(choices)
    ]


Region = Annotated[
    str, Field(max_length=MAX_NAME), _CLEAN, AfterValidator(_region), _enum(_ALL_REGIONS)
]
Mrc = Annotated[
    str,
    Field(max_length=MAX_NAME),
    AfterValidator(_clean_text),
    _ONE_LINE,
    AfterValidator(_mrc),
    # the editor's completion and check offer the official list, as validate does
    _enum((*reference.MRCS, reference.OUTSIDE_MRC)),
]
Country = _vocabulary(N_("country"), tuple(reference.COUNTRIES))
LegalCategory = _vocabulary(N_("legal category"), tuple(reference.LEGAL_CATEGORIES))
ActionModel = _vocabulary(N_("collective-action model"), tuple(reference.COLLECTIVE_ACTION_MODELS))
SectorGroup = _vocabulary(N_("sector group"), reference.SECTOR_GROUPS)
BodyKind = _vocabulary(N_("kind of body"), reference.BODY_KINDS)
OrganisationKind = _vocabulary(N_("kind of organisation"), reference.ORGANISATION_KINDS)
Qualifier = _vocabulary(N_("qualifier"), _QUALIFIERS)


def many(**kwargs: Any) -> Any:
    """An optional list field (empty by default), bounded in length."""
    return Field(default_factory=list, max_length=MAX_ITEMS, **kwargs)


def some(min_length: int = 1, **kwargs: Any) -> Any:
    """A required list field with at least ``min_length`` items, bounded in length."""
    return Field(min_length=min_length, max_length=MAX_ITEMS, **kwargs)


# The slug of another record; a field of this type says which kinds with ``RefTo`` (models.py).
Ref = Annotated[str, Field(max_length=MAX_NAME), _CLEAN, AfterValidator(_slug), _SLUG_SCHEMA]
