"""Dates and periods as people read them, in the interface's language, exactly as precise as
the data (``2018-09`` is "September 2018", never a guessed day)."""

from __future__ import annotations

from ..i18n import _, language
from ..i18n.dates import human_date

__all__ = ["human_date", "human_period", "short_period"]


def human_period(start: str | None, end: str | None) -> str:
    """A period, sharing what the two ends share: "8–12 May 2017" / « du 8 au 12 mai 2017 »;
    in French as a French writer builds it: « de mai à octobre 2017 », « d'avril 2016 à août
    2018 », « jusqu'au 27 mars 2014 », « jusqu'en 2025 »."""
    if not end or end == start:
        return human_date(start)
    french = language() == "fr"
    if not start:
        if french:
            return _until_french(end)
        return _("until {end}").format(end=human_date(end))
    s, e = start.split("-"), end.split("-")
    if len(s) == len(e) == 3 and s[:2] == e[:2]:  # same month
        first = "1er" if french and s[2] == "01" else str(int(s[2]))
        tail = human_date(end)
        return f"du {first} au {tail}" if french else f"{first}–{tail}"
    if len(s) == len(e) and s[0] == e[0] and len(s) >= 2:  # same year
        head = human_date(start).rsplit(" ", 1)[0]
        if french:
            # days take « du … au … »; months « de … à … » (« de mai à octobre 2017 »)
            if len(s) == 3:
                return f"du {head} au {human_date(end)}"
            return f"{_de(head)} à {human_date(end)}"
        return f"{head} – {human_date(end)}"
    if french:  # « du » before a day, « de » before a month or a year; « au »/« à » likewise
        opening = f"du {human_date(start)}" if len(s) == 3 else _de(human_date(start))
        closing = f"au {human_date(end)}" if len(e) == 3 else f"à {human_date(end)}"
        return f"{opening} {closing}"
    return f"{human_date(start)} – {human_date(end)}"


def _de(text: str) -> str:
    """« de » before a date, elided before a vowel: « d'avril 2016 », « de mai 2016 »."""
    return f"d'{text}" if text[:1].lower() in "aeiouyéèêàâîôûh" else f"de {text}"


def _until_french(end: str) -> str:
    """« jusqu'au 27 mars 2014 » (a day), « jusqu'en 2025 » (a year), « jusqu'en mai 2025 »."""
    date = human_date(end)
    if len(end.split("-")) == 3:
        return f"jusqu'au {date}"
    return f"jusqu'en {date}"


def short_period(start: str | None, end: str | None) -> str:
    """A period in a table cell: both ends in full ISO (``2017-05-08→2017-05-12``), the form
    every table uses (the timeline's too), a partial end as it is (``2016-09-05→2018``); prose
    (``show``, the site) writes periods in words (``human_period``)."""
    if not start:
        return f"→{end}" if end else ""
    if not end or end == start:
        return start
    return f"{start}→{end}"
