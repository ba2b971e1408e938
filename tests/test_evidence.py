"""Evidence: every value tied to a source's words, checked against the documents.

Run on a fixture base (tests/example-files/base plus the evidence files and a synthetic document
in tests/example-files/evidence), as a user runs coopkb: real subprocesses. The shipped data's
evidence is checked against the real sources in test_shipped_evidence_* (skipped where the
sources are not beside the repository).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES, SHIPPED, run_coopkb
from coopkb.evidence_paths import parse_path, written_path
from coopkb.validation.documents import Document, phrase, states, words

EVIDENCE = EXAMPLES / "evidence"
DOCUMENTS = EVIDENCE / "documents"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", target)
    for name in ("cooperatives.evidence.yaml", "missions.evidence.yaml"):
        shutil.copy(EVIDENCE / name, target / name)
    return target


def _validate(data: Path, *extra: str) -> tuple[int, str]:
    result = run_coopkb("--data-dir", str(data), "validate", *extra)
    return result.returncode, result.stdout + result.stderr


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) and return the 1-based line it stood on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_the_fixture_is_valid_with_and_without_documents(base: Path) -> None:
    assert _validate(base) == (0, _validate(base)[1])
    code, out = _validate(base, "--documents", str(DOCUMENTS))
    assert code == 0, out
    assert "3 files" in out


@pytest.mark.parametrize(
    ("file", "old", "new", "what"),
    [
        ("missions.yaml", "delegation_size: 1", "delegation_size: 3", "delegation_size"),
        ("cooperatives.yaml", "date: 1998", "date: 1997", "timeline.1.date"),
        ("cooperatives.yaml", "municipality: Racine", "municipality: Sherbrooke", "municipality"),
        ("missions.yaml", "start: 2016-09-05", "start: 2016-09-06", "start"),
        ("missions.yaml", "duration_months: 24", "duration_months: 36", "duration_months"),
        ("missions.yaml", "name: Noémie Escortell", "name: Noémie Dupont", "name"),
        ("missions.yaml", "role: coordinatrice", "role: présidente", "affiliations.1.role"),
        ("missions.yaml", "destination: Québec", "destination: Bordeaux", "destination"),
    ],
)
def test_a_value_no_source_states_fails_at_its_line(
    base: Path, file: str, old: str, new: str, what: str
) -> None:
    line = _edit(base / file, old, new)
    code, out = _validate(base, "--documents", str(DOCUMENTS))
    assert code == 1
    found = [x for x in out.splitlines() if x.startswith(f"{base}/{file}:{line}:")]
    assert len(found) == 1, out
    assert "not stated" in found[0] and what in found[0]
    # without the documents, evidence is only checked for presence and form
    assert _validate(base)[0] == 0


def test_a_value_without_evidence_is_reported_at_its_line(base: Path) -> None:
    line = (
        _edit(
            base / "cooperatives.yaml",
            "    model: citoyen\n",
            "    model: citoyen\n    sector: santé\n",
        )
        + 1
    )
    code, out = _validate(base)
    assert code == 1
    assert f"cooperatives.yaml:{line}:" in out
    assert "no evidence for 'sector' of 'la-brunante'" in out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("says: La Brunante (Racine", "says: La Brunante (Rimouski", "is not in source-test"),
        (
            "at: Les coopératives\n      says: La Brunante",
            "at: Les fédérations\n      says: La Brunante",
            "the locator 'Les fédérations'",
        ),
        (
            "says: La Brunante (Racine",
            "says: un deux trois quatre cinq six sept huit neuf dix",
            "at most 9",
        ),
        (
            "source: source-test\n      at: Les coopératives\n      says: La Brunante",
            "source: autre\n      at: Les coopératives\n      says: La Brunante",
            "unknown source 'autre'",
        ),
        (
            "official: regions-quebec",
            "official: regions-du-quebec",
            "did you mean 'regions-quebec'",
        ),
        (
            "official: regions-france",
            "official: regions-quebec",
            "the official list 'Régions administratives du Québec' does not give 'France' as "
            "'country'",
        ),
        (
            "of: [country]\n      official: regions-quebec",
            "of: [pays]\n      official: regions-quebec",
            "has no value 'pays'",
        ),
        ("of: [timeline]", "of: [timeline.3]", "has no value 'timeline.3'"),
        # past the end of a list: an item removed shifts every claim after it
        (
            "of: [timeline]",
            "of: [timeline.3]",
            "('timeline' has 2 items now: an item removed or moved shifts the claims after it",
        ),
        ("of: [timeline]", "of: [timeline.0]", "is not a value's path"),
        (
            "  la-brunante:",
            "  la-brunant:",
            "no record 'la-brunant' in cooperatives.yaml; 'la-brunante' has no claim: if these "
            "are its claims (a renamed record, a typo), write 'la-brunante' here",
        ),
        (
            "      official: regions-quebec",
            "      officiel: regions-quebec",
            "unknown key 'officiel'",
        ),
    ],
)
def test_a_wrong_claim_is_reported_in_the_evidence_file(
    base: Path, old: str, new: str, message: str
) -> None:
    line = _edit(base / "cooperatives.evidence.yaml", old, new)
    code, out = _validate(base, "--documents", str(DOCUMENTS))
    assert code == 1
    assert message in out, out
    reported = [x for x in out.splitlines() if message in x]
    assert reported[0].startswith(f"{base}/cooperatives.evidence.yaml:")
    assert abs(int(reported[0].split(":")[1]) - line) <= 3


@pytest.mark.parametrize("documents", [False, True])
def test_an_unfilled_claim_reports_each_placeholder_and_still_covers_its_values(
    base: Path, documents: bool
) -> None:
    """A claim pasted from `coopkb new` and left unfilled is one thing to finish: each of its
    placeholders is named at its line, and its values are not also reported as unevidenced."""
    line = _edit(
        base / "cooperatives.evidence.yaml",
        "source: source-test\n      at: Les coopératives\n      says: La Brunante (Racine",
        "source: source-a-completer\n      at: À compléter\n      says: À compléter",
    )
    extra = ("--documents", str(DOCUMENTS)) if documents else ()
    code, out = _validate(base, *extra)
    assert code == 1
    errors = [x for x in out.splitlines() if ": error: " in x]
    where = f"{base}/cooperatives.evidence.yaml"
    assert [x.split(": error: ")[0] for x in errors] == [
        f"{where}:{line}:15",
        f"{where}:{line + 1}:11",
        f"{where}:{line + 2}:13",
    ], out
    assert all("is the placeholder of `coopkb new`" in x for x in errors), out
    assert "write the id of a source" in errors[0] and "what the source says" in errors[2], out


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("Contact info@lacoop.ca", "e-mail addresses are never stored in coopkb: remove it"),
        ("Tél. 450 538-1234", "phone numbers are never stored in coopkb: remove it"),
    ],
)
@pytest.mark.parametrize("key", ["says", "at"])
def test_an_anchor_holding_personal_data_is_refused_at_its_line(
    base: Path, key: str, anchor: str, message: str
) -> None:
    """A claim quoting a contact line (the sources hold personal addresses and a phone number)
    is refused where it stands, once: its values are not also reported as unevidenced."""
    old = "      says: La Brunante (Racine" if key == "says" else "      at: Les coopératives"
    line = _edit(base / "cooperatives.evidence.yaml", old, f"      {key}: {anchor}")
    code, out = _validate(base)
    assert code == 1
    errors = [x for x in out.splitlines() if ": error: " in x]
    assert errors == [
        f"{base}/cooperatives.evidence.yaml:{line}:{len(key) + 9}: error: {message}"
    ], out


def test_a_missing_document_and_a_bad_folder_are_clear_errors(base: Path, tmp_path: Path) -> None:
    empty = tmp_path / "docs"
    empty.mkdir()
    code, out = _validate(base, "--documents", str(empty))
    assert code == 1
    assert "document test.txt is not in" in out
    assert "federations.yaml:7:" in out
    code, out = _validate(base, "--documents", str(tmp_path / "nowhere"))
    assert code == 2
    assert "is not a folder" in out
    assert "Traceback" not in out


def test_every_reporter_carries_evidence_findings(base: Path) -> None:
    _edit(base / "missions.yaml", "delegation_size: 1", "delegation_size: 3")
    for fmt in ("github", "json", "sarif"):
        result = run_coopkb(
            "--data-dir", str(base), "validate", "--documents", str(DOCUMENTS), "-f", fmt
        )
        assert result.returncode == 1
        assert "delegation_size" in result.stdout
    found = json.loads(
        run_coopkb(
            "--data-dir", str(base), "validate", "--documents", str(DOCUMENTS), "-f", "json"
        ).stdout
    )
    assert [p["code"] for p in found] == ["evidence-not-stated"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "yaml", "csv"])
@pytest.mark.parametrize("slug", ["la-brunante", "mission-1", "noemie-escortell", "polecn"])
def test_show_evidence_in_every_format(base: Path, fmt: str, slug: str) -> None:
    result = run_coopkb("--data-dir", str(base), "show", slug, "--evidence", "-f", fmt)
    assert result.returncode == 0, result.stderr
    assert "source-test" in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)["evidence"]
        assert all(row["claims"] or row["official"] for row in rows)


def test_show_evidence_names_each_value_and_its_anchor(base: Path) -> None:
    out = run_coopkb(
        "--data-dir", str(base), "--lang", "fr", "show", "la-brunante", "--evidence"
    ).stdout
    assert "municipalité\u00a0: Racine" in out
    assert "«\u00a0La Brunante (Racine\u00a0»" in out
    one_line = re.sub(r" *\n *", " ", out)  # the note wraps at 80 columns
    assert "d'après la liste officielle «\u00a0Régions administratives du Québec\u00a0»" in one_line
    rows = json.loads(
        run_coopkb("--data-dir", str(base), "show", "mission-1", "--evidence", "-f", "json").stdout
    )["evidence"]
    paths = [row["path"] for row in rows]
    assert paths[:2] == ["name", "country"]
    assert "delegation.1" in paths and "visits.1" in paths


def test_plain_show_marks_values_from_an_official_list(base: Path) -> None:
    out = run_coopkb("--data-dir", str(base), "--lang", "fr", "show", "la-brunante").stdout
    out = re.sub(r" *\n *| {2,}", " ", out)  # the note wraps at 80 columns; label columns
    # the value carries a mark, and the list is named once under the facts
    assert re.search(r"pays +Canada¹", out)
    assert (
        "officielles ¹ d'après la liste officielle «\u00a0Régions administratives du "
        "Québec\u00a0»" in out
    )
    # a value filled in from the official list at load time says so too
    _edit(base / "cooperatives.yaml", "    mrc: Le Val-Saint-François\n", "")
    _edit(
        base / "cooperatives.evidence.yaml",
        "of: [name, municipality, mrc,",
        "of: [name, municipality,",
    )
    out = run_coopkb(
        "--data-dir", str(base), "--lang", "fr", "show", "la-brunante", env={"COLUMNS": "160"}
    ).stdout
    assert "Le Val-Saint-François²" in out and "Canada¹" in out  # two lists, two marks
    assert (
        "² d'après la liste officielle «\u00a0Répertoire des municipalités du Québec\u00a0»" in out
    )
    payload = json.loads(
        run_coopkb("--data-dir", str(base), "show", "la-brunante", "-f", "json").stdout
    )
    assert payload["derived_from"]["mrc"] == "Répertoire des municipalités du Québec"


def test_the_sqlite_export_has_an_evidence_table(base: Path, tmp_path: Path) -> None:
    target = tmp_path / "kb.db"
    assert run_coopkb("--data-dir", str(base), "export", "sqlite", str(target)).returncode == 0
    with sqlite3.connect(target) as db:
        rows = db.execute(
            "select path, value, source, says, official from evidence where record = 'la-brunante'"
        ).fetchall()
    assert ("municipality", "Racine", "source-test", "La Brunante (Racine", None) in rows
    assert any(r[0] == "country" and r[4] and "Régions administratives" in r[4] for r in rows)


def test_the_json_export_carries_the_evidence(base: Path, tmp_path: Path) -> None:
    target = tmp_path / "kb.json"
    assert run_coopkb("--data-dir", str(base), "export", "json", str(target)).returncode == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    claims = exported["evidence"]["claims"]
    assert {"record": "la-brunante", "of": ["country"], "official": "regions-quebec"} in claims
    assert exported["derived"]["la-brunante"] == {"country": "regions-quebec"}


def test_a_base_without_evidence_files_needs_none(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", target)
    assert _validate(target, "--documents", str(DOCUMENTS))[0] == 0


# --- the matching itself -------------------------------------------------------------------


def test_words_ignore_case_accents_dashes_markup_and_grouped_thousands() -> None:
    assert list(words("1^{ère} MISSION : 05 AU 10 SEPTEMBRE")) == [
        "1",
        "e",
        "mission",
        "5",
        "au",
        "10",
        "septembre",
    ]
    assert words("960 000 €") == ("960000",)
    assert words("Saguenay–Lac-Saint-Jean") == words("saguenay-lac-saint-jean")
    assert words("l’économie") == words("l'economie")
    assert words("1re") == words("1ère") == words("1er") == words("1^{er}")
    assert words("3e mission") == words("3ème MISSION") == words("3^{ème} mission")
    assert words("Agentes de recherche") == words("agente de recherche")  # plural, singular
    assert words("une quarantaine d'organisations") == ("une", "40", "d", "organisation")
    assert words("mars") == ("mars",) and words("mais") != words("mai")


def test_a_document_finds_anchors_across_broken_lines() -> None:
    doc = Document.read(
        "d.txt", "# Titre\n\nLa coopération réunit\nCo-Actions et POLECN.\n\nAutre ligne.\n"
    )
    assert [(doc.line_of(a), doc.line_of(b)) for a, b in doc.find("réunit Co-Actions")] == [(3, 4)]
    first, last = next(doc.find("réunit Co-Actions"))
    assert states(doc.passage(first, last), "POLECN")
    assert not states(doc.passage(first, last), "Autre ligne")
    assert list(doc.find("absent")) == []
    assert doc.locates("titre")


@given(
    st.lists(
        st.sampled_from(["timeline", "figures", "name", "delegation"]), min_size=1, max_size=1
    ),
    st.integers(0, 30),
    st.sampled_from(["", "date", "value"]),
)
def test_paths_read_back_as_written(field: list[str], index: int, sub: str) -> None:
    path: tuple[str | int, ...] = (field[0], index, sub) if sub else (field[0], index)
    assert parse_path(written_path(path)) == path


@given(st.text(max_size=40))
def test_parse_path_never_raises(text: str) -> None:
    path = parse_path(text)
    assert path is None or parse_path(written_path(path)) == path


@given(st.text(max_size=60))
def test_a_text_states_itself(text: str) -> None:
    if words(text):
        assert states(phrase(text), text)


# --- the shipped data against the real sources ---------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sources are not beside the repository")
def test_shipped_evidence_is_green_against_the_sources() -> None:
    result = run_coopkb("--data-dir", str(SHIPPED), "validate", "--documents", str(SEEDS))
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sources are not beside the repository")
def test_shipped_data_has_an_evidence_file_for_every_data_file() -> None:
    from coopkb.layout import EVIDENCE_FILES

    assert all((SHIPPED / name).is_file() for name in EVIDENCE_FILES.values())


def test_show_evidence_covers_every_value_of_a_record_of_every_kind() -> None:
    """On the shipped data: one record of each kind, every value with a claim or a list."""
    from coopkb.graph import walk_records
    from coopkb.storage import knowledge as store

    kb = store.load(store.DataLocation(SHIPPED, "test"), None, None, True).knowledge_base
    first: dict[str, str] = {}
    for found in walk_records(kb):
        first.setdefault(found.kind, found.record["slug"])
    assert len(first) == 10  # every kind with records (sources are cited, not claimed)
    for kind, slug in first.items():
        result = run_coopkb("--data-dir", str(SHIPPED), "show", slug, "--evidence", "-f", "json")
        assert result.returncode == 0, (kind, result.stderr)
        rows = json.loads(result.stdout)["evidence"]
        assert rows, kind
        assert [r["path"] for r in rows if not (r["claims"] or r["official"])] == [], kind


def test_an_items_number_is_stated_by_its_rank_in_a_listed_order() -> None:
    from coopkb.validation.evidence import _rank

    assert _rank(("levers", 1, "number"), "number", 2)
    assert not _rank(("levers", 1, "number"), "number", 3)  # then its passage must say 3
    assert not _rank(("figures", 1, "value"), "value", 2)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sources are not beside the repository")
@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("federations.yaml", "      value: 3000\n", "      value: 3100\n"),  # a figure
        ("cooperatives.yaml", "municipality: Racine", "municipality: Magog"),  # a municipality
        ("cooperatives.yaml", "        date: 1998", "        date: 1999"),  # a year
        ("missions.yaml", "delegation_size: 8", "delegation_size: 9"),  # a delegation size
    ],
)
def test_a_shipped_value_changed_to_one_no_source_states_fails(
    tmp_path: Path, file: str, old: str, new: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    line = _edit(data / file, old, new)
    result = run_coopkb("--data-dir", str(data), "validate", "--documents", str(SEEDS))
    assert result.returncode == 1
    assert any(
        x.startswith(f"{data}/{file}:{line}:") and "not stated" in x
        for x in result.stdout.splitlines()
    ), result.stdout


def test_a_record_renamed_without_its_claims_is_two_problems_not_a_flood(base: Path) -> None:
    """Renaming a record in its data file leaves its claims under the old slug: the claims'
    key is named with the new slug to write, the record gets one problem (not one per value),
    and `validate FILE` on the data file shows the claims' problem too."""
    line = _edit(
        base / "cooperatives.yaml", "  - slug: la-brunante\n", "  - slug: la-brunante-racine\n"
    )
    code, out = _validate(base)
    assert code == 1
    errors = [x for x in out.splitlines() if ": error: " in x]
    assert errors == [  # the data file's problem first, then its evidence's
        f"{base}/cooperatives.yaml:{line}:11: error: no evidence for any value of "
        "'la-brunante-racine': claims in cooperatives.evidence.yaml stand under a slug no "
        "record has (renamed?)",
        f"{base}/cooperatives.evidence.yaml:3:3: error: no record 'la-brunante' in "
        "cooperatives.yaml; 'la-brunante-racine' has no claim: if these are its claims (a "
        "renamed record, a typo), write 'la-brunante-racine' here",
    ], out
    one = run_coopkb("--data-dir", str(base), "validate", str(base / "cooperatives.yaml"))
    assert "cooperatives.evidence.yaml:3:3:" in one.stdout + one.stderr


def test_a_record_without_any_claim_is_one_problem_at_its_slug(base: Path) -> None:
    text = (base / "cooperatives.yaml").read_text(encoding="utf-8")
    added = (
        "  - slug: coop-neuve\n    name: Coop neuve\n    country: Canada\n"
        "    sources: [source-test]\n"
    )
    (base / "cooperatives.yaml").write_text(text + added, encoding="utf-8")
    line = text.count("\n") + 1
    code, out = _validate(base)
    errors = [x for x in out.splitlines() if ": error: " in x]
    assert code == 1 and errors == [
        f"{base}/cooperatives.yaml:{line}:11: error: no evidence for 'coop-neuve' (2 values): "
        "add its claims to cooperatives.evidence.yaml (coopkb new prints a claim to fill)"
    ], out


def test_validate_an_evidence_file_counts_its_claims(base: Path) -> None:
    """`validate cooperatives.evidence.yaml` says how many claims that file holds, not the
    records of the data files read beside it (nor an empty list after the colon)."""
    claims = (base / "cooperatives.evidence.yaml").read_text(encoding="utf-8").count("- of:")
    result = run_coopkb("--lang", "en", "validate", str(base / "cooperatives.evidence.yaml"))
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith(f"read for references): {claims} evidence claims\n")


def test_a_claim_missing_a_key_names_it_with_what_it_holds(base: Path) -> None:
    """« il manque les clés says » (a plural for one, a bare English word) now names the key as
    it is typed and what it holds, in the singular."""
    claims = base / "cooperatives.evidence.yaml"
    text = claims.read_text(encoding="utf-8")
    says = next(line for line in text.splitlines() if line.strip().startswith("says:"))
    claims.write_text(text.replace(says + "\n", "", 1), encoding="utf-8")
    english = run_coopkb("--lang", "en", "--data-dir", str(base), "validate")
    french = run_coopkb("--lang", "fr", "--data-dir", str(base), "validate")
    assert "a claim needs the key 'says' (the source's own words)" in english.stdout
    assert (
        "il manque la clé «\u00a0says\u00a0» (les mots mêmes de la source) dans cette preuve"
        in french.stdout
    ), french.stdout


def test_a_claim_left_without_its_field_by_a_typo_says_it_follows_from_that_typo(
    base: Path,
) -> None:
    """`regoin: Estrie` is one mistake: the claim on `region` that no longer finds its value is
    reported as its consequence, pointing at the typo, not as a second thing to fix."""
    line = _edit(base / "cooperatives.yaml", "    region: Estrie", "    regoin: Estrie")
    code, out = _validate(base)
    assert code == 1
    assert f"cooperatives.yaml:{line}:5: error: unknown field 'regoin'" in out, out
    assert (
        "has no value 'region': a consequence of the unknown field 'regoin' "
        f"({base}/cooperatives.yaml:{line}:5); correct that field" in out
    ), out
    # a claim on a field simply absent stays a plain error, with no false cause
    _edit(base / "cooperatives.yaml", "    regoin: Estrie", "    region: Estrie")
    _edit(base / "cooperatives.evidence.yaml", "of: [country]", "of: [pays]")
    code, out = _validate(base)
    assert "has no value 'pays'" in out and "consequence" not in out, out
