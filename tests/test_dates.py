"""Periods as a French writer builds them (../shared/notes/french-review.md, « Grammar »), and
as an English one does: one row per construction."""

from __future__ import annotations

import pytest

from coopkb.i18n import in_language
from coopkb.output.dates import human_date, human_period

FRENCH = [
    (("2017-05", "2017-10"), "de mai à octobre 2017"),
    (("2017-04", "2017-08"), "d'avril à août 2017"),
    (("2016-04", "2018-08"), "d'avril 2016 à août 2018"),
    (("2016-09", "2018-09"), "de septembre 2016 à septembre 2018"),
    (("2012", "2014"), "de 2012 à 2014"),
    (("2017-10-04", "2017-10-11"), "du 4 au 11\u00a0octobre 2017"),
    (("2017-10-01", "2017-10-11"), "du 1er au 11\u00a0octobre 2017"),
    (("2017-05-08", "2017-06-02"), "du 8\u00a0mai au 2\u00a0juin 2017"),
    (("2016-09-05", "2018"), "du 5\u00a0septembre 2016 à 2018"),
    (("2016-09", "2018-09-02"), "de septembre 2016 au 2\u00a0septembre 2018"),
    ((None, "2014-03-27"), "jusqu'au 27\u00a0mars 2014"),
    ((None, "2025"), "jusqu'en 2025"),
    ((None, "2025-05"), "jusqu'en mai 2025"),
    (("2017", None), "2017"),
    (("2017-10", "2017-10"), "octobre 2017"),
]
ENGLISH = [
    (("2017-05", "2017-10"), "May – October 2017"),
    (("2017-10-04", "2017-10-11"), "4–11 October 2017"),
    ((None, "2014-03-27"), "until 27 March 2014"),
    (("2012", "2014"), "2012 – 2014"),
]


@pytest.mark.parametrize(("period", "expected"), FRENCH)
def test_french_periods(period: tuple[str | None, str | None], expected: str) -> None:
    with in_language("fr"):
        assert human_period(*period) == expected


@pytest.mark.parametrize(("period", "expected"), ENGLISH)
def test_english_periods(period: tuple[str | None, str | None], expected: str) -> None:
    with in_language("en"):
        assert human_period(*period) == expected


def test_the_first_of_the_month_is_1er_in_french_only() -> None:
    with in_language("fr"):
        assert human_date("2017-10-01") == "1er\u00a0octobre 2017"
    with in_language("en"):
        assert human_date("2017-10-01") == "1 October 2017"


@pytest.mark.parametrize(("lang", "expected"), [("fr", "jusqu'en 2025"), ("en", "until 2025")])
def test_an_end_alone_is_shown_as_the_period_it_closes(lang: str, expected: str) -> None:
    """`show` wrote « fin 2025 » where the tables write « →2025 » and the period builder
    « jusqu'en 2025 »: an end without a start is a period, in prose."""
    from coopkb.output.record import readable_dates

    with in_language(lang):
        shown = readable_dates("programme", {"name": "Offensive", "end": "2025"})
    assert shown == {"name": "Offensive", "period": expected}
