"""coopkb in French: the language is chosen as documented, every message shown to users is in
the French catalog, and machine formats and findings do not depend on the language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHIPPED, Cli, run_coopkb
from coopkb.i18n import choose_language

FRENCH = {"LANG": "fr_CA.UTF-8"}
NEGATIVE = sorted((EXAMPLES / "negative").glob("*.yaml"))


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "fr_CA.UTF-8"}, "fr"),
        (None, {"LANG": "fr_FR"}, "fr"),
        (None, {"LANG": "fr"}, "fr"),
        (None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        (None, {"LC_MESSAGES": "fr_CA", "LANG": "en_CA"}, "fr"),
        (None, {"LANGUAGE": "fr_CA:en", "LANG": "en_US"}, "fr"),
        (None, {"LANGUAGE": "de:fr", "LANG": "en_US"}, "fr"),
        (None, {"COOPKB_LANG": "en", "LANG": "fr_CA.UTF-8"}, "en"),
        ("fr", {"COOPKB_LANG": "en"}, "fr"),
        ("en", {"LANG": "fr_CA.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_option_then_coopkb_lang_then_locale(
    option: str | None, env: dict[str, str], expected: str
) -> None:
    assert choose_language(option, env) == expected


def test_every_message_has_a_french_translation() -> None:
    pytest.importorskip("babel")
    from babel.messages.pofile import read_po

    from coopkb.i18n.catalog import PO_FILE, messages

    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    missing = []
    for message in messages():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        translated = entry is not None and all(
            entry.string if isinstance(entry.string, tuple) else [entry.string]
        )
        if not translated:
            missing.append(key)
    assert missing == [], "run python -m coopkb.i18n.catalog and translate these"


def test_the_compiled_catalog_is_current() -> None:
    """The .mo serves every translation of the .po, and nothing else. Compared as messages read
    back with the stdlib (what coopkb itself uses), not as bytes: each Babel release may lay out
    the same catalog in other bytes (2.19 differs from 2.18)."""
    pytest.importorskip("babel")
    import gettext
    import struct

    from babel.messages.pofile import read_po

    from coopkb.i18n.catalog import MO_FILE, PO_FILE

    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    with MO_FILE.open("rb") as handle:
        served = gettext.GNUTranslations(handle)
    entries = 0
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        entries += 1
        if isinstance(message.id, tuple | list):
            for count, text in zip((1, 2), message.string, strict=False):
                got = served.ngettext(message.id[0], message.id[1], count)
                assert got == text, (
                    f"stale .mo for {message.id[0]!r}: run python -m coopkb.i18n.catalog"
                )
        else:
            got = served.gettext(message.id)
            assert got == message.string, (
                f"stale .mo for {message.id!r}: run python -m coopkb.i18n.catalog"
            )
    # the GNU .mo header: magic, revision, then the number of strings (the header entry is one)
    magic, _revision, strings = struct.unpack("<3I", MO_FILE.read_bytes()[:12])
    assert magic == 0x950412DE
    assert strings == entries + 1, "the .mo has other messages: run python -m coopkb.i18n.catalog"


COMMANDS = [
    ("list", "--region", "Estrie"),
    ("show", "mission-2"),
    ("missions", "--year", "2017"),
    ("federations", "--sector", "travailleurs"),
    ("search", "édouard"),
    ("stats",),
    ("people", "--mission", "3"),
    ("organisations", "--country", "France"),
    ("events",),
    ("programmes",),
    ("roadmaps",),
    ("timeline", "--year", "2017"),
    ("values", "region"),
    ("validate",),
    ("new", "person"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_answers_in_both_languages(command: tuple[str, ...], cli: Cli) -> None:
    french = cli(*command, env=FRENCH)
    english = cli("--lang", "en", *command, env=FRENCH)
    assert french.code == english.code == 0
    assert french.stdout != english.stdout or command[0] == "new"


@pytest.mark.parametrize(
    ("command", "english", "french"),
    [
        (("list", "--region", "Estrie"), "2 cooperatives", "2 coopératives"),
        (("missions", "--year", "2019"), "No missions in 2019.", "Aucune mission en 2019."),
        (
            ("list", "--region", "Estri"),
            "unknown region 'Estri' (did you mean 'Estrie'?)",
            "région inconnue «\u00a0Estri\u00a0» (vouliez-vous dire «\u00a0Estrie\u00a0»?)",
        ),
        (("show", "mission-2"), "8–12 May 2017", "du 8 au 12\u00a0mai 2017"),
        (("--help",), "Usage:", "Utilisation\u00a0:"),
        (
            ("list", "--nope"),
            "No such option: --nope",
            "option inconnue «\u00a0--nope\u00a0»",
        ),
        (("stats",), "Cooperatives per region", "Coopératives par région"),
    ],
)
def test_messages_read_naturally_in_each_language(
    command: tuple[str, ...], english: str, french: str, cli: Cli
) -> None:
    en = cli("--lang", "en", *command)
    fr = cli(*command, "--lang", "fr")
    assert english in en.stdout + en.stderr
    assert french in fr.stdout + fr.stderr
    assert en.code == fr.code


def test_french_help_of_every_command_is_french(cli: Cli) -> None:
    from coopkb.cli import COMMANDS as ALL

    for name in ALL:
        out = cli(name, "--help", env=FRENCH).stdout
        assert "Exemple\u00a0: coopkb" in out, name
        assert "Utilisation\u00a0: coopkb" in out, name


@pytest.mark.parametrize(
    "command", [("export", "sqlite"), ("export", "csv"), ("export", "site"), ("schema",)]
)
def test_file_and_folder_arguments_are_paths_in_help(command: tuple[str, ...], cli: Cli) -> None:
    """« FICHIER <chemin> », not « FICHIER <texte> » (a copy editor's finding)."""
    french = cli(*command, "--help", env=FRENCH).stdout
    english = cli("--lang", "en", *command, "--help").stdout
    assert re.search(r"(FICHIER|DOSSIER) <chemin>", french), french
    assert "<texte>" not in french.split("Options")[0], french
    assert re.search(r"(FILE|FOLDER) <path>", english), english


def test_a_decimal_comma_and_narrow_spaces_in_french() -> None:
    from coopkb.figures import number_text
    from coopkb.i18n import set_language

    try:
        set_language("fr")
        assert number_text(19.5) == "19,5"
        assert number_text(3000) == "3\u00a0000"
    finally:
        set_language("en")
    assert number_text(19.5) == "19.5"
    assert number_text(3000) == "3,000"


@pytest.mark.parametrize("fixture", NEGATIVE, ids=lambda p: p.stem)
def test_validate_finds_the_same_problems_in_both_languages(
    fixture: Path, base_copy: Path, cli: Cli
) -> None:
    target = base_copy / fixture.name.split(".", 1)[0]
    target = target.with_suffix(".yaml")
    target.write_bytes(fixture.read_bytes())
    runs = {
        lang: cli("--lang", lang, "--data-dir", str(base_copy), "validate", "--format", "json")
        for lang in ("en", "fr")
    }
    findings = {
        lang: [(p["file"], p["line"], p["column"], p["code"]) for p in json.loads(r.stdout)]
        for lang, r in runs.items()
    }
    assert runs["en"].code == runs["fr"].code == 1
    assert findings["en"] == findings["fr"] and findings["en"]


@pytest.mark.parametrize(
    "command",
    [("list", "--format", "json"), ("stats", "--format", "json"), ("list", "--format", "csv")],
)
def test_machine_formats_do_not_change_with_the_language(
    command: tuple[str, ...], cli: Cli
) -> None:
    assert cli("--lang", "fr", *command).stdout == cli("--lang", "en", *command).stdout


def test_an_unknown_language_is_a_usage_error(cli: Cli) -> None:
    result = cli("--lang", "de", "list")
    assert result.code == 2
    assert "unknown language 'de'" in result.stderr
    # a French user is told in French, whatever language they asked for
    french = run_coopkb("--lang", "de", "list", env={"LANG": "fr_CA.UTF-8", "LC_ALL": ""})
    assert french.returncode == 2
    assert french.stderr == "Erreur\u00a0: langue inconnue «\u00a0de\u00a0»; choisissez fr ou en.\n"


@pytest.mark.slow
def test_the_installed_command_speaks_french_without_a_system_locale() -> None:
    result = run_coopkb("missions", "--year", "2019", env={"LANG": "fr_CA.UTF-8", "LC_ALL": ""})
    assert result.returncode == 0
    assert result.stderr.strip() == "Aucune mission en 2019."


def test_a_search_with_no_match_quotes_the_words_as_each_language_does(cli: Cli) -> None:
    assert (
        "Rien ne correspond à «\u00a0xyzzy\u00a0»." in cli("--lang", "fr", "search", "xyzzy").stderr
    )
    assert "Nothing matches 'xyzzy'." in cli("search", "xyzzy").stderr


def test_an_export_that_would_replace_files_says_so_in_french(tmp_path: Path, cli: Cli) -> None:
    folder, database = tmp_path / "tableaux", tmp_path / "kb.db"
    assert cli("export", "csv", str(folder)).code == 0
    assert cli("export", "sqlite", str(database)).code == 0
    csv_again = cli("--lang", "fr", "export", "csv", str(folder))
    assert csv_again.code == 1
    assert f"Erreur\u00a0: {folder} contient déjà records.csv" in csv_again.stderr
    assert "(ajoutez --overwrite pour les remplacer)" in csv_again.stderr
    sqlite_again = cli("--lang", "fr", "export", "sqlite", str(database))
    assert sqlite_again.code == 1
    assert (
        f"Erreur\u00a0: {database} existe déjà (ajoutez --overwrite pour le remplacer)"
        in sqlite_again.stderr
    )


def test_a_period_ending_before_it_starts_is_reported_in_french(base_copy: Path, cli: Cli) -> None:
    missions = base_copy / "missions.yaml"
    missions.write_text(
        missions.read_text(encoding="utf-8").replace("end: 2016-09-10", "end: 2016-09-01"),
        encoding="utf-8",
    )
    result = cli("--lang", "fr", "--data-dir", str(base_copy), "validate")
    assert (
        "la fin «\u00a02016-09-01\u00a0» précède le début «\u00a02016-09-05\u00a0»" in result.stdout
    )


def test_french_help_headings_take_their_colon_apart_and_types_are_french() -> None:
    from conftest import run_coopkb

    out = run_coopkb("--lang", "fr", "list", "--help", env={"COLUMNS": "100"}).stdout
    assert "Options\u00a0:" in out and "Options:" not in out
    # the value's type as this Typer names it (<str> since 0.29, TEXT before), in French
    assert ("--region <texte>" in out or "--region TEXTE" in out) and "<str>" not in out
    assert "--region TEXT " not in out
    english = run_coopkb("--lang", "en", "list", "--help", env={"COLUMNS": "100"}).stdout
    assert "Options:" in english and ("--region <text>" in english or "--region TEXT" in english)


def test_rich_never_breaks_a_line_at_a_no_break_space() -> None:
    """The guard of cli/terminal.py: Rich's private word pattern is still the one it replaces
    (this fails on a Rich release that changes it), and a wrapped line keeps « 1997 : » whole."""
    import io

    from rich import _wrap
    from rich.console import Console
    from rich.text import Text

    from coopkb.cli.terminal import KEPT_WORD_PATTERN, RICH_WORD_PATTERN, keep_no_break_spaces

    assert _wrap.re_word.pattern in (RICH_WORD_PATTERN, KEPT_WORD_PATTERN)
    assert keep_no_break_spaces()
    out = io.StringIO()
    console = Console(file=out, width=21, highlight=False)
    console.print(Text("abc defgh ijklmn 1997\u00a0: création"))
    lines = out.getvalue().splitlines()
    assert any(line.startswith("1997\u00a0:") for line in lines), lines
    assert not any(line.rstrip().endswith("1997") for line in lines), lines


def test_every_french_translation_follows_the_typography_convention() -> None:
    """No plain space before « : », none before « ; ! ? », no-break spaces inside « » — in every
    translation (python -m coopkb.i18n.typography applies it)."""
    pytest.importorskip("babel")
    from babel.messages.pofile import read_po

    from coopkb.i18n.catalog import PO_FILE
    from coopkb.i18n.typography import faults

    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    wrong = {
        str(message.id): found
        for message in catalog
        for text in (message.string if isinstance(message.string, tuple) else [message.string])
        if isinstance(text, str) and text and (found := faults(text))
    }
    assert wrong == {}


def test_our_own_words_in_the_data_follow_the_same_convention() -> None:
    """The data's own text (names, summaries, notes) is typeset as the interface is; what the
    evidence files quote (``says``, ``at``) stays as its source writes it."""
    import yaml

    from coopkb.i18n.typography import faults

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return []

    wrong = [
        (path.name, text)
        for path in sorted(SHIPPED.glob("*.yaml"))
        if not path.name.endswith(".evidence.yaml")
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if faults(text)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("plain", "typeset_text"),
    [
        ("Erreur : « x » ; voyez", "Erreur\u00a0: «\u00a0x\u00a0»; voyez"),
        ("Pourquoi ? Voilà !", "Pourquoi? Voilà!"),
        ("« Territoires innovants ! »", "«\u00a0Territoires innovants!\u00a0»"),
        ("https://example.org : 10:30", "https://example.org\u00a0: 10:30"),
        ("already\u00a0: fine", "already\u00a0: fine"),
    ],
)
def test_typeset_spaces_french_punctuation(plain: str, typeset_text: str) -> None:
    from coopkb.i18n.typography import faults, typeset

    assert typeset(plain) == typeset_text
    assert faults(typeset_text) == [] and (plain == typeset_text or faults(plain))
