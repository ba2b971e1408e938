"""Matching ignores case, accents and dash/space variants; suggestions find near misses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coopkb.matching import did_you_mean_slug, fold, suggest
from coopkb.reference import QUEBEC_REGIONS, official_mrc, official_region


def test_region_names_match_whatever_dash_case_or_accent() -> None:
    for typed in ("saguenay-lac-saint-jean", "Saguenay–Lac-Saint-Jean", "SAGUENAY LAC SAINT JEAN"):
        assert official_region(typed) == "Saguenay\u2013Lac-Saint-Jean"
    assert official_region("gaspesie-iles-de-la-madeleine") == "Gaspésie\u2013Îles-de-la-Madeleine"
    assert official_region("05") == "Estrie"


def test_source_mrc_variants_resolve_to_official_names() -> None:
    assert official_mrc("MRC d'Autrey") == "D'Autray"
    assert official_mrc("Le Domaine du Roy") == "Le Domaine-du-Roy"
    assert official_mrc("Le-Val-Saint-François") == "Le Val-Saint-François"
    assert official_mrc("hors mrc") == "hors MRC"


def test_suggestion_for_a_typo_is_the_closest_official_name() -> None:
    assert suggest("Estri", QUEBEC_REGIONS.values())[0] == "Estrie"
    assert suggest("monteregie", QUEBEC_REGIONS.values())[0] == "Montérégie"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.sampled_from(list(QUEBEC_REGIONS.values())), st.data())
def test_any_case_and_dash_variant_of_a_region_resolves(region: str, data: st.DataObject) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(region), max_size=len(region)))
    typed = "".join(c.upper() if f else c.lower() for c, f in zip(region, flips, strict=True))
    typed = typed.replace("\u2013", data.draw(st.sampled_from(["-", " ", "\u2013", "--"])))
    assert official_region(typed) == region


_KB = None


def _kb() -> dict[str, object]:
    global _KB
    if _KB is None:
        from conftest import DATA
        from coopkb.storage import knowledge as store

        _KB, _ = store.load_knowledge_base(store.DataLocation(DATA, "test"), None)
    return _KB


@settings(deadline=None)  # the first example loads the base and the stemmer
@given(st.text(max_size=30))
def test_search_and_filters_take_any_text(text: str) -> None:
    """Whatever a user types, a query answers or raises UnknownValue with suggestions."""
    from coopkb import query
    from coopkb.query import filters, records
    from coopkb.query import search as search_module

    kb = _kb()
    hits = search_module.search(kb, text)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)  # best first
    for option in ("region", "mrc", "municipality", "kind", "model", "country", "project"):
        try:
            filters.find_cooperatives(kb, filters.CooperativeFilter(**{option: text}))
        except query.UnknownValue as err:
            assert err.value == text
    try:
        records.find_record(kb, text)
    except (query.UnknownValue, query.Ambiguous):
        pass


def test_an_echoed_value_names_the_spaces_that_only_look_like_spaces() -> None:
    from coopkb.i18n import in_language
    from coopkb.matching import quote

    with in_language("en"):
        assert quote("Estrie\u00a0") == "'Estrie\u00a0' (holds U+00A0, no-break space)"
        assert quote("La Barberie ") == "'La Barberie ' (holds a space at the start or the end)"
        assert quote("Estrie") == "'Estrie'"
    with in_language("fr"):
        assert (
            quote("name\u202f")
            == "«\u00a0name\u202f\u00a0» (contient\u00a0: U+202F, espace fine insécable)"
        )


def test_diff_shows_what_a_change_of_spaces_changed() -> None:
    from coopkb.i18n import in_language
    from coopkb.output.diff import value_text

    with in_language("en"):
        assert value_text("La\u00a0Barberie") == "La\u00a0Barberie (holds U+00A0, no-break space)"
        assert value_text("La Barberie") == "La Barberie"


@given(st.text(alphabet="abcdefghij -", min_size=5, max_size=30), st.integers(0, 29))
def test_within_edits_counts_a_typo_as_near_and_is_symmetric(word: str, at: int) -> None:
    from coopkb.matching import within_edits

    assert within_edits(word, word, 2)
    typo = word[: at % len(word)] + "z" + word[at % len(word) + 1 :]
    assert within_edits(word, typo, 2) and within_edits(typo, word, 2)
    other = word + "-est-et-ouest"
    assert not within_edits(word, other, 2)


def test_typographic_no_break_spaces_are_not_named() -> None:
    """French typography's own no-break spaces (« : », « », thousands) are what they look like:
    a diff of a quote or of our typeset data does not cry wolf; one between two words (a name
    that only looks like the one users type) still is named."""
    from coopkb.matching import spaces_named

    assert spaces_named("«\u00a0La Brunante\u00a0», Historique\u00a0: 3\u00a0000 membres") == ""
    assert "U+00A0" in spaces_named("La\u00a0Barberie")
    assert "U+202F" in spaces_named("name\u202f")


@given(st.text(alphabet="abcdeéèêilnorstuxîç", min_size=1, max_size=14))
def test_inflections_keep_the_word_and_share_its_stem(word: str) -> None:
    from coopkb.query.words import inflections, stem

    forms = inflections(word)
    assert word in forms
    assert {stem(form).accented for form in forms} == {stem(word).accented}


def test_inflections_give_the_plural_and_feminine_french_forms() -> None:
    from coopkb.query.words import inflections

    assert {"aîné", "aînée", "aînées", "aînés"} <= inflections("aînés")
    assert "jeunes" in inflections("jeune")


_SLUG_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)


@given(st.lists(_SLUG_WORD, min_size=1, max_size=3), st.lists(_SLUG_WORD, min_size=1, max_size=3))
def test_a_slug_renamed_by_adding_words_is_offered_for_its_old_references(
    old: list[str], added: list[str]
) -> None:
    """« meduse » → « cooperative-artistique-meduse »: a reference to the old slug is offered
    the new one, whatever the closest spellings among the other slugs."""
    before, after = "-".join(old), "-".join(added + old)
    others = [before[:-1] + "x", "meie", "la-mauve"]
    assert after in did_you_mean_slug(before, [*others, after])


def test_a_slug_suggestion_holds_whole_words_only() -> None:
    """« mauve » is in « la-mauve » but not in « mauvez »: only whole words count, and a
    typo with no renamed slug falls back to the closest spelling."""
    assert "la-mauve" in did_you_mean_slug("mauve", ["la-mauve", "mauvez-coop"])
    assert "mauvez-coop" not in did_you_mean_slug("mauve", ["la-mauve", "mauvez-coop"])
    assert "polecn" in did_you_mean_slug("polecnx", ["polecn", "meduse"])
