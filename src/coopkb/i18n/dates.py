"""A date in words in the interface's language, exactly as precise as the data. It lives beside
the catalog, below every layer, because validation's messages name dates too (« consultée en
novembre 2026 ») and may not reach up into the output layer."""

from __future__ import annotations

from . import _, language

MONTHS = {
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
    "fr": (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ).split(),
}


def human_date(date: str | None) -> str:
    """``2017-05-08`` → "8 May 2017" / « 8 mai 2017 »; ``2018-09`` → "September 2018"."""
    if not date:
        return _("year unknown")
    parts = date.split("-")
    months = MONTHS["fr" if language() == "fr" else "en"]
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    if language() == "fr":  # a day is never split from its month (« 27 / mars »)
        return f"{'1er' if day == 1 else day}\u00a0{month} {parts[0]}"
    return f"{day} {month} {parts[0]}"
