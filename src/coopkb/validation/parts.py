"""The base model and the parts every record is made of: a record's name and place, a period
whose end is never before its start, figures, timeline steps, list items and sources.

``Model`` gives each field its meaning from ``meanings.py`` (the JSON Schema description editors
see). The records themselves are in ``models.py``. No I/O here.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..i18n import _
from ..kinds import KINDS
from ..matching import quote
from .fields import (
    Country,
    Mrc,
    Name,
    PartialDate,
    Qualifier,
    Region,
    Slug,
    Text,
    Url,
    fail,
    many,
)
from .meanings import MEANINGS, MEANINGS_OF

# The owner (kinds.py, parts.py) each model describes, for meanings given by kind and field.
OWNER_OF_MODEL: dict[str, str] = {
    **{kind.model: kind.name for kind in KINDS},
    "Step": "step",
    "Figure": "figure",
    "Item": "item",
    "Affiliation": "affiliation",
}


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # Every field's meaning, written once in meanings.py, becomes its description: by the
        # record's kind and field where the name means another thing there, else by name.
        changed = False
        owner = OWNER_OF_MODEL.get(cls.__name__)
        for name, info in cls.model_fields.items():
            meaning = MEANINGS_OF.get((owner, name)) if owner else None
            if meaning is not None and info.description != meaning:
                info.description = meaning
                changed = True
            elif info.description is None and name in MEANINGS:
                info.description = MEANINGS[name]
                changed = True
        if changed:
            cls.model_rebuild(force=True)


class Period(Model):
    """A record or step with a start and an optional end; the end is never before the start.

    Partial dates compare on their common precision: ``2017`` does not end before ``2017-05``.
    """

    _start_field: ClassVar[str] = "start"

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Period:
        start: str | None = getattr(self, self._start_field)
        end: str | None = getattr(self, "end", None)
        if start is not None and end is not None:
            common = min(len(start), len(end))
            if end[:common] < start[:common]:
                message = _("end {end} is before start {start}").format(
                    end=quote(end), start=quote(start)
                )
                raise fail("end-before-start", message, "end")
        return self


class Figure(Model):
    """A number the sources give, with what it counts."""

    label: Text
    value: Annotated[int, Field(ge=0)] | Annotated[float, Field(allow_inf_nan=False, ge=0)]
    unit: Text | None = None
    qualifier: Qualifier | None = None
    date: PartialDate | None = None


class Step(Period):
    """A dated (or undated: the source gives no year) step of a timeline."""

    _start_field: ClassVar[str] = "date"

    event: Text
    date: PartialDate | None = None
    end: PartialDate | None = None


class Item(Model):
    """A named entry of a list: a field of action, a strategic axis, a lever."""

    number: int | None = Field(default=None, ge=1)
    name: Name
    description: Text | None = None
    actions: list[Text] = many()


class Source(Model):
    id: Slug
    title: Name
    author: Name
    date: PartialDate | None = None
    date_note: Text | None = None
    kind: Text
    document: Text
    url: Url | None = None


class Record(Model):
    slug: Slug
    name: Name
    aliases: list[Name] = many()


class Located(Record):
    country: Country | None = None
    region: Region | None = None
    mrc: Mrc | None = None
    municipality: Name | None = None
    locality: Text | None = None
