"""Rules on places: a region is in its country, an MRC only in Quebec and in its region, a listed
municipality agrees with its official MRC and region, and no alias is a place's name.

Only official values are compared; a misspelt region or MRC is the model's to report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import reference
from ..i18n import _
from ..matching import quote
from ..problems import Problem
from .records import RecordAt


def _home_country(region: Any) -> str | None:
    for country, regions in reference.COUNTRIES.items():
        if isinstance(region, str) and region in regions.values():
            return country
    return None


def check_place(record: RecordAt) -> Iterator[Problem]:
    data = record.data
    country, region, mrc = data.get("country"), data.get("region"), data.get("mrc")
    home = _home_country(region)
    if home is not None:  # an unknown region is reported by the model
        if country is None:
            yield record.at(
                ("region",),
                "region-without-country",
                _("region {region} needs a 'country' ({home})").format(
                    region=quote(region), home=home
                ),
            )
        elif isinstance(country, str) and country in reference.COUNTRIES and home != country:
            yield record.at(
                ("region",),
                "region-country-mismatch",
                _("region {region} is in {home}, not {country}").format(
                    region=quote(region), home=quote(home), country=quote(country)
                ),
            )
    yield from check_municipality(record)
    if isinstance(mrc, str):
        if isinstance(country, str) and country in reference.COUNTRIES and country != "Canada":
            yield record.at(("mrc",), "mrc-country-mismatch", _("an MRC exists only in Quebec"))
        known = reference.MRCS.get(mrc)
        if known and home == "Canada":
            expected = reference.QUEBEC_REGIONS[known[0]]
            if expected != region:
                yield record.at(
                    ("mrc",),
                    "mrc-region-mismatch",
                    _("MRC {mrc} is in {expected}, not {region}").format(
                        mrc=quote(mrc), expected=quote(expected), region=quote(region)
                    ),
                )


def check_municipality(record: RecordAt) -> Iterator[Problem]:
    """A listed municipality's MRC and region are official facts: the data may leave them out
    (they are filled in) but may not contradict them."""
    data = record.data
    municipality = data.get("municipality")
    official = reference.MUNICIPALITIES.get(municipality) if isinstance(municipality, str) else None
    if official is None:
        return
    mrc, code = official
    region = reference.QUEBEC_REGIONS[code]
    # Only official values are compared: a misspelt MRC or region is reported by the model.
    given_mrc = data.get("mrc")
    known = given_mrc in reference.MRCS or given_mrc == reference.OUTSIDE_MRC
    # A municipality of an equivalent territory is « hors MRC » by the data's convention; the
    # territory's own name (Québec, La Tuque) says the same place and is accepted too.
    territory = (
        mrc == reference.OUTSIDE_MRC
        and given_mrc in reference.EQUIVALENT_TERRITORIES
        and reference.MRCS[given_mrc][0] == code
    )
    if known and given_mrc != mrc and not territory:
        yield record.at(
            ("mrc",),
            "municipality-mrc-mismatch",
            _("{municipality} is in the MRC {expected}, not {mrc}").format(
                municipality=quote(municipality), expected=quote(mrc), mrc=quote(given_mrc)
            ),
        )
    if data.get("region") in reference.QUEBEC_REGIONS.values() and data["region"] != region:
        yield record.at(
            ("region",),
            "municipality-region-mismatch",
            _("{municipality} is in {expected}, not {region}").format(
                municipality=quote(municipality),
                expected=quote(region),
                region=quote(data["region"]),
            ),
        )


def check_aliases(record: RecordAt) -> Iterator[Problem]:
    """Aliases are other names of the record itself, never a place's spelling (those are kept in
    the official lists, where matching finds them). A local government may bear its place's name."""
    if record.data.get("kind") == "collectivité":
        return
    aliases = record.data.get("aliases")
    for index, alias in enumerate(aliases if isinstance(aliases, list) else []):
        if isinstance(alias, str) and reference.is_place_name(alias):
            yield record.at(
                ("aliases", index),
                "alias-is-a-place",
                _(
                    "alias {alias} is the name of a place, not of this record: a source's "
                    "spelling of a place stays in its evidence (`says`)"
                ).format(alias=quote(alias)),
            )
