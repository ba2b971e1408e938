"""Numbers and figures as people read them, in the interface's language: "plus de 200 participants",
« 19,5 % », "8 M$". Shared by search (a hit on a figure shows it so) and the output layer."""

from __future__ import annotations

from typing import Any

from .i18n import language

# Approximate numbers written as words: « une quarantaine d'organisations » states 40, and a
# search for « quarantaine » finds « environ 40 ». Read by evidence matching and by search.
ABOUT_NUMBERS = {
    "dizaine": "10",
    "douzaine": "12",
    "quinzaine": "15",
    "vingtaine": "20",
    "trentaine": "30",
    "quarantaine": "40",
    "cinquantaine": "50",
    "soixantaine": "60",
    "centaine": "100",
}


def number_text(value: int | float) -> str:
    """French groups thousands with a no-break space (U+00A0, as the data and CONTRIBUTING.md
    write them) and writes a decimal comma; English uses a comma and a point. Whole floats lose
    their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    french = language() == "fr"
    if isinstance(value, int):
        grouped = f"{value:,}"
        return grouped.replace(",", "\u00a0") if french else grouped
    shown = repr(value)
    return shown.replace(".", ",") if french else shown


def figure_text(figure: dict[str, Any], with_label: bool = True) -> str:
    """A figure with its qualifier, unit and label. A count reads as a phrase (« plus de 200
    participants »); a measure, a figure with a unit, is its label then its value (« taux de
    survie après cinq ans : 64 % », « financement sur 3 ans : 8 M$ »): « 8 M$ financement »
    glued a value to a noun."""
    value = number_text(figure["value"])
    unit = figure.get("unit")
    if unit:
        # French puts a no-break space before %, $ and € alike; "M$" reads as a unit too.
        value = f"{value}\u00a0{unit}" if language() == "fr" or unit != "%" else f"{value}{unit}"
    amount = " ".join(str(p) for p in (figure.get("qualifier"), value) if p)
    if not with_label:
        text = amount
    elif unit:
        colon = "\u00a0:" if language() == "fr" else ":"
        text = f"{figure['label']}{colon} {amount}"
    else:
        text = f"{amount} {figure['label']}"
    return f"{text} ({figure['date']})" if figure.get("date") else text
