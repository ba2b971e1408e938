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

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import reference
from .matching import did_you_mean, fold

# C0 (except tab and newline), DEL, C1, and the bidi embedding/override/isolate characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w-])\+?\(?\d{1,4}\)?(?:[ .-]\d{2,4}){3,5}(?![\w-])")
_DIGIT = re.compile(r"\d")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def fail(code: str, message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error with our own code and message; ``field`` names the offending key when
    a record-level rule raises it, so the error points at that key rather than the record."""
    context = {"message": message} if field is None else {"message": message, "field": field}
    return PydanticCustomError(code, "{message}", context)


def _clean_text(value: str) -> str:
    # Fast paths first (this runs for every string of every record): printable text has no
    # control or bidi character, and text without '@' or digits holds no e-mail or phone.
    bad = None if value.isprintable() else _CONTROL.search(value)
    if bad:
        raise fail(
            "control-character",
            f"text contains the control character U+{ord(bad.group()):04X} at offset {bad.start()}",
        )
    if "@" in value and _EMAIL.search(value):
        raise fail("personal-data", "e-mail addresses are never stored in coopkb")
    phone = _PHONE.search(value) if _DIGIT.search(value) else None
    if phone and sum(ch.isdigit() for ch in phone.group()) >= 9:
        raise fail("personal-data", "phone numbers are never stored in coopkb")
    if not value.strip():
        raise fail("blank-text", "text must not be blank")
    if value != value.strip():
        raise fail("untrimmed-text", "text must not start or end with spaces")
    return value


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise fail(
            "bad-slug",
            f"slug '{value}' must be lower-case ASCII kebab-case (letters, digits, single hyphens)",
        )
    return value


def _partial_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # an unquoted year in YAML is an integer; it is still a date
    return value


def _check_date(value: str) -> str:
    found = _DATE.fullmatch(value)
    if not found:
        raise fail("bad-date", f"date '{value}' must be ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise fail("bad-date", f"date '{value}' has no month {month}")
    if day is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise fail("bad-date", f"date '{value}' has no day {day} (that month has {last})")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in value:
        raise fail("bad-url", f"'{value}' is not a well-formed http(s) URL")
    return value


def _closed(name: str, choices: tuple[str, ...] | list[str]) -> AfterValidator:
    def check(value: str) -> str:
        if value in choices:
            return value
        hint = did_you_mean(value, choices)
        raise fail(f"unknown-{name.replace(' ', '-')}", f"'{value}' is not a known {name}{hint}")

    return AfterValidator(check)


def _region(value: str) -> str:
    for regions in reference.COUNTRIES.values():
        if value in regions.values():
            return value
    official = reference.official_region(value)
    if official:
        message = f"region '{value}' is not the official spelling (did you mean '{official}'?)"
    else:
        hint = did_you_mean(value, reference.QUEBEC_REGIONS.values())
        if not hint:
            hint = did_you_mean(value, reference.FRENCH_REGIONS.values())
        message = f"region '{value}' is not a Quebec administrative region{hint}"
    raise fail("unknown-region", message)


def _mrc(value: str) -> str:
    if value == reference.OUTSIDE_MRC or value in reference.MRCS:
        return value
    official = reference.official_mrc(value)
    if official:
        raise fail(
            "mrc-spelling",
            f"MRC '{value}' is not the official spelling "
            f"(did you mean '{official}'? keep the variant in 'aliases')",
        )
    near = [m for m in reference.MRCS if fold(m)[:4] == fold(value)[:4]]
    if near and did_you_mean(value, near):
        raise fail("mrc-spelling", f"MRC '{value}' looks misspelled{did_you_mean(value, near)}")
    return value  # an MRC the sources have not named yet: accepted as written


def _enum(values: Iterable[str]) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "enum": list(values)})


_SLUG_SCHEMA = WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
_DATE_SCHEMA = WithJsonSchema(
    {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
)
_QUALIFIERS = ("plus de", "environ", "au moins", "jusqu'à")
_ALL_REGIONS = (*reference.QUEBEC_REGIONS.values(), *reference.FRENCH_REGIONS.values())

Text = Annotated[str, AfterValidator(_clean_text)]
Slug = Annotated[str, AfterValidator(_slug), _SLUG_SCHEMA]
Ref = Annotated[str, AfterValidator(_slug), _SLUG_SCHEMA]
PartialDate = Annotated[
    str, BeforeValidator(_partial_date), AfterValidator(_check_date), _DATE_SCHEMA
]
Url = Annotated[
    str,
    AfterValidator(_clean_text),
    AfterValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
Region = Annotated[str, AfterValidator(_region), _enum(_ALL_REGIONS)]
Mrc = Annotated[str, AfterValidator(_mrc)]
Country = Annotated[str, _closed("country", tuple(reference.COUNTRIES)), _enum(reference.COUNTRIES)]
LegalCategory = Annotated[
    str,
    _closed("legal category", tuple(reference.LEGAL_CATEGORIES)),
    _enum(reference.LEGAL_CATEGORIES),
]
ActionModel = Annotated[
    str,
    _closed("collective-action model", tuple(reference.COLLECTIVE_ACTION_MODELS)),
    _enum(reference.COLLECTIVE_ACTION_MODELS),
]
SectorGroup = Annotated[
    str, _closed("sector group", reference.SECTOR_GROUPS), _enum(reference.SECTOR_GROUPS)
]
BodyKind = Annotated[
    str, _closed("kind of body", reference.BODY_KINDS), _enum(reference.BODY_KINDS)
]
OrganisationKind = Annotated[
    str,
    _closed("kind of organisation", reference.ORGANISATION_KINDS),
    _enum(reference.ORGANISATION_KINDS),
]
Qualifier = Annotated[str, _closed("qualifier", _QUALIFIERS), _enum(_QUALIFIERS)]
