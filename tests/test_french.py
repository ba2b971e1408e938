"""What a French user reads, swept: every command's help, the main outputs and the common errors
under ``LANG=fr_CA.UTF-8`` (no ``--lang``), in real subprocesses on the fixture base. No English
word from a stop list, and every ``:`` that ends a heading has its no-break space (#22).

What is not the interface is left out of the check: the data's own text inside « » (an echoed
value), ``file:line:col:`` locations (editors and CI parse them), addresses and times (``a:b``)
and the YAML that ``coopkb new`` prints (its colons are YAML's).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_coopkb

# English words a French sentence never holds (« type », « options », « arguments » and
# « usage » are French too); command and option names are coopkb's own, in English.
STOP_WORDS = (
    "the and of with to is are not for from error errors warning changed added removed record "
    "records found invalid unknown missing none true false default required command commands "
    "str int bool float list path text integer boolean count slug council member members "
    "cooperative cooperatives person people event events roadmap roadmaps cooperation region "
    "country municipality sector founded kind"
).split()
_NAMES = re.compile(
    r"(?<![\w-])--?[A-Za-z][\w-]*|\bcoopkb(?: [a-z][\w-]*)*|^\s+[a-z][\w-]*(?=\s{2})"
)
_STOP = re.compile(rf"\b({'|'.join(STOP_WORDS)})\b", re.IGNORECASE)
_QUOTED = re.compile(r"«[^»]*»|`[^`]*`|\"[^\"]*\"")
_LOCATION = re.compile(r"^\S+:\d+:\d+: ")
# identifiers and file names are the data's keys, not words: cooperation-test, cooperatives.yaml
_IDS = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[\w-]+\.(?:yaml|json|csv|db)\b")
_URL = re.compile(r"\b(?:https?|file)://\S+|(?<![\w.])(?:/[\w.-]+)+")
_PLAIN_COLON = re.compile(r"(?<!\u00a0):(?=\s|$)")

HELPS = [
    (),
    *[
        (command,)
        for command in (
            "list missions federations people organisations events programmes roadmaps show "
            "search timeline values stats validate diff schema new export"
        ).split()
    ],
    *[("export", what) for what in "csv json sqlite site datapackage jsonld murmurations".split()],
]
OUTPUTS = [
    ("list",),
    ("list", "--region", "Estrie"),
    ("list", "--format", "markdown"),
    ("missions",),
    ("missions", "--format", "markdown"),
    ("federations",),
    ("people",),
    ("organisations",),
    ("events",),
    ("programmes",),
    ("show", "la-brunante"),
    ("show", "cqcm"),
    ("show", "mission-1"),
    ("show", "polecn"),
    ("show", "la-brunante", "--format", "markdown"),
    ("show", "la-brunante", "--evidence"),
    ("search", "brunante"),
    ("timeline",),
    ("timeline", "--format", "markdown"),
    ("values", "region"),
    ("stats",),
    ("stats", "--format", "markdown"),
    ("validate",),
]
ERRORS = [
    ("list", "--region", "Estri"),
    ("list", "--kind", "nope"),
    ("list", "--nope"),
    ("list", "--region"),
    ("list", "--format", "nope"),
    ("show",),
    ("show", "nope"),
    ("show", "la-brunante", "--fields", "nope"),
    ("values", "nope"),
    ("missions", "--year", "x"),
    ("new", "nope"),
    ("search", "--kind", "nope", "x"),
    ("search", "xyzzy"),
    ("bogus",),
    ("export",),
    ("export", "bogus"),
    ("--lang", "de", "list"),
]


def faults(text: str) -> list[str]:
    """English words and colons without their no-break space, line by line."""
    found = []
    for line in text.splitlines():
        checked = _LOCATION.sub("", line)
        checked = _NAMES.sub("", _IDS.sub("", _URL.sub("", _QUOTED.sub("«»", checked))))
        found += [f"English {m.group()!r}: {line.strip()}" for m in _STOP.finditer(checked)]
        if _PLAIN_COLON.search(checked):
            found.append(f"colon without its no-break space: {line.strip()}")
    return found


@pytest.fixture(scope="module")
def french_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(EXAMPLES / "base", tmp_path_factory.mktemp("fr") / "base"))


def _french(base: Path, *args: str) -> str:
    result = run_coopkb(
        "--data-dir",
        str(base),
        *args,
        env={"LANG": "fr_CA.UTF-8", "COLUMNS": "100", "COOPKB_NO_CACHE": "1"},
    )
    assert result.returncode != 3, result.stderr  # never an internal error
    return result.stdout + result.stderr


@pytest.mark.parametrize("args", [(*h, "--help") for h in HELPS], ids=" ".join)
def test_every_help_screen_reads_as_french(args: tuple[str, ...], french_base: Path) -> None:
    out = _french(french_base, *args)
    assert out.startswith("Utilisation\u00a0: coopkb")
    assert faults(out) == []


@pytest.mark.parametrize("args", OUTPUTS + ERRORS, ids=" ".join)
def test_main_outputs_and_errors_read_as_french(args: tuple[str, ...], french_base: Path) -> None:
    assert faults(_french(french_base, *args)) == []


def test_the_sweep_finds_english_and_plain_colons() -> None:
    """The checker itself: it would catch what the review found."""
    assert faults("Usage: coopkb list [OPTIONS]")
    assert faults("erreur de syntaxe YAML : did not find expected ',' or ']'")
    assert faults("--kind <list[str]>")
    assert faults("Format du rapport.  [par défaut\u00a0: text]")
    assert faults("Changes to the knowledge base")
    assert faults("sources   cqcm-2014: Territoires vivants")
    assert not faults("base/missions.yaml:40:18: erreur\u00a0: « a: b » https://x.org/a:b 10:30")


def test_french_names_of_formats_kinds_and_fields_are_accepted_and_listed(
    french_base: Path,
) -> None:
    """« -f texte » as ``-f text`` (in both languages); unknown values listed by their French
    names (« conseil », « région »), which are accepted where the English ids are."""
    assert run_coopkb("--data-dir", str(french_base), "validate", "-f", "texte").returncode == 0
    english = run_coopkb("--lang", "en", "--data-dir", str(french_base), "validate", "-f", "texte")
    assert english.returncode == 0
    refused = _french(french_base, "new", "nope")
    assert "conseil, programme, feuille de route" in refused and "council" not in refused
    assert "« texte »" in _french(french_base, "validate", "-f", "texe").replace("\u00a0", " ")
    assert "région, MRC, municipalité" in _french(french_base, "values", "nope")
    assert _french(french_base, "new", "conseil").startswith("# Fiche unique (conseil)")
    assert "| conseil | 1 |" in _french(french_base, "stats", "--format", "markdown")


@pytest.mark.parametrize(
    ("typed", "command", "args"),
    [
        ("chercher", "search", ["taux de survie"]),
        ("liste", "list", ["--region", "Estrie"]),
        ("afficher", "show", ["la-brunante"]),
        ("Chronologie", "timeline", ["--year", "2017"]),
        ("valider", "validate", []),
        ("exporter", "export", ["csv", "--help"]),
    ],
)
def test_a_french_word_for_a_command_runs_it(typed: str, command: str, args: list[str]) -> None:
    """A French speaker types `coopkb chercher` as readily as `search`: the same output, in a
    real process; help keeps the one name per command."""
    from conftest import run_coopkb

    french = run_coopkb("--lang", "fr", typed, *args, env={"COLUMNS": "80"})
    same = run_coopkb("--lang", "fr", command, *args, env={"COLUMNS": "80"})
    shown = french.stdout.replace(f"coopkb {typed} ", f"coopkb {command} ")  # a usage line
    assert french.returncode == same.returncode and shown == same.stdout, french.stderr
    listed = run_coopkb("--lang", "fr", "--help").stdout
    assert typed.lower() not in listed.split()


def test_a_near_french_word_suggests_its_command() -> None:
    from conftest import run_coopkb

    result = run_coopkb("--lang", "fr", "cherch", "x")
    assert result.returncode == 2 and "«\u00a0search\u00a0»" in result.stderr, result.stderr


def test_the_excel_csv_reads_as_french_for_people_in_a_french_excel() -> None:
    """`--excel` is for people in a French-locale Excel: columns by their French labels,
    steps and figures written as the interface writes them; the plain CSV keeps the keys."""
    import csv
    import io

    from conftest import run_coopkb

    raw = run_coopkb("--lang", "fr", "--excel", "list", "--kind", "CAE", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff")), delimiter=";"))
    co_actions = next(r for r in rows if r["identifiant"] == "co-actions")
    assert co_actions["région"] == "Nouvelle-Aquitaine" and co_actions["projet (nom)"]
    assert co_actions["chronologie"].startswith("2007\u00a0: Étude")
    assert "chiffre d'affaires\u00a0: 960\u00a0000\u00a0€ (2016)" in co_actions["chiffres"]
    plain = run_coopkb("--lang", "fr", "list", "--kind", "CAE", "-f", "csv").stdout
    assert plain.startswith("slug,name,") and "2007: Étude" in plain


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_command_list_wraps_each_summary_rather_than_cut_it(lang: str) -> None:
    from conftest import run_coopkb

    shown = run_coopkb("--lang", lang, "--help", env={"COLUMNS": "80"}).stdout
    commands = shown.split("\n\n", 3)[-1]  # after the usage, the summary and the options
    assert "…\n" not in commands and not commands.rstrip().endswith("…"), commands
    assert all(len(line) <= 80 for line in shown.splitlines())
    if lang == "fr":
        assert "par région puis\n                 par nom." in shown


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (("stats",), "rubrique;libellé;valeur"),
        (("show", "la-brunante"), "identifiant;nom;autres noms"),
        (("search", "brunante"), "type;identifiant;nom;champ\u00a0: extrait"),
        (("timeline", "--year", "2013"), "date;ce qui s'est passé;identifiant"),
        (("values", "région"), "valeur;fiches"),
    ],
)
def test_excel_csv_is_french_for_every_command(args: tuple[str, ...], header: str) -> None:
    """`show` and `stats` ignored --excel; search, timeline and values kept English keys."""
    result = run_coopkb("--lang", "fr", "--excel", *args, "-f", "csv")
    assert result.returncode == 0, result.stderr
    first = result.stdout.split("\r\n", 1)[0]
    assert first.startswith("\ufeff" + header), first
    assert ",cooperative" not in result.stdout and ";cooperative" not in result.stdout
    assert ";council;" not in result.stdout


@pytest.mark.parametrize("value", ["de", "xx", "français"])
def test_a_coopkb_lang_we_do_not_speak_keeps_the_users_locale(value: str) -> None:
    result = run_coopkb(
        "missions",
        "--year",
        "2019",
        env={"LANG": "fr_CA.UTF-8", "LC_ALL": "", "COOPKB_LANG": value},
    )
    assert result.stderr.strip() == "Aucune mission en 2019."


def test_usage_lines_write_an_ellipsis_in_french() -> None:
    french = run_coopkb("--lang", "fr", "validate", "--help").stdout.splitlines()[0]
    english = run_coopkb("--lang", "en", "validate", "--help").stdout.splitlines()[0]
    assert "..." not in french
    # older Click writes no ellipsis after an argument that takes several values
    if english.endswith("[FILE]..."):
        assert french.endswith("[FICHIER]…"), french


def test_export_messages_group_thousands_and_read_as_sentences(tmp_path: Path) -> None:
    sqlite = run_coopkb("--lang", "fr", "export", "sqlite", str(tmp_path / "kb.db"))
    assert sqlite.returncode == 0, sqlite.stderr
    rows = re.search(r"(\d[\d\u00a0]*) lignes", sqlite.stderr)
    assert rows is not None and "\u00a0" in rows.group(1), sqlite.stderr  # 1 713, not 1713
    package = run_coopkb("--lang", "fr", "export", "datapackage", str(tmp_path / "paquet"))
    assert package.stderr.startswith("Paquet de données écrit dans "), package.stderr
    assert package.stderr.rstrip().endswith(" tables)"), package.stderr


def test_the_validate_summary_names_the_folder_as_a_folder(data_copy: Path) -> None:
    """« 2 problèmes dans 2 fichiers du dossier data », not « … de data », whose English
    preposition read as if « data » were a word of the sentence (an editor's session, #21)."""
    cooperatives = data_copy / "cooperatives.yaml"
    text = cooperatives.read_text(encoding="utf-8")
    cooperatives.write_text(text.replace("slug: la-brunante\n", "slug: la-brunantex\n", 1))
    for named in ((), (str(cooperatives),)):
        result = run_coopkb(
            "--lang", "fr", "--data-dir", str(data_copy), "validate", *named, cwd=data_copy.parent
        )
        summary = result.stdout.strip().splitlines()[-1]
        assert result.returncode == 1 and summary.startswith(
            "2 problèmes dans 2 fichiers du dossier "
        ), result.stdout
