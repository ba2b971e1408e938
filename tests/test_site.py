"""`coopkb export site`: the website, as its readers get it.

Built by the real command in a subprocess. The structure is checked on the fixture base and on
the shipped data (every record has its page in both languages, every link resolves, nothing is
loaded from another site, a record page weighs at most 20 KB with its CSS); then, in a real
browser (Debian's Chromium driven by Playwright), axe-core on every page type, a 360 px
viewport, search through its interface, and the pages without JavaScript.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, ROOT, run_coopkb

SHIPPED = ROOT / "data"
# Debian's Chromium (apt-get install chromium); another Chromium-based browser with COOPKB_CHROMIUM.
CHROMIUM = Path(os.environ.get("COOPKB_CHROMIUM", "/usr/bin/chromium"))


def _build(data: Path, target: Path, *extra: str) -> Path:
    result = run_coopkb("--data-dir", str(data), "export", "site", str(target), *extra, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return target


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture base with its evidence (tests/example-files/evidence)."""
    import shutil

    folder = tmp_path_factory.mktemp("fixture")
    shutil.copytree(EXAMPLES / "base", folder / "data")
    for evidence in (EXAMPLES / "evidence").glob("*.evidence.yaml"):
        shutil.copy(evidence, folder / "data" / evidence.name)
    return _build(folder / "data", folder / "site")


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(SHIPPED, tmp_path_factory.mktemp("shipped") / "site")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict[str, str | None]]] = []
        self.lang: str | None = None
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag == "script":
            self.scripts.append(found)
        for name in ("href", "src"):
            if found.get(name):
                self.links.append((tag, str(found[name]), found))


def _parsed(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def _target(page: Path, href: str) -> Path:
    path = (page.parent / href.split("#")[0].split("?")[0]).resolve()
    return path / "index.html" if path.is_dir() or href.split("?")[0].endswith("/") else path


def _records(data: Path) -> list[tuple[str, str]]:
    """(kind, slug) of every record and source of a data folder, read as plain YAML."""
    sections = {
        "cooperatives": "cooperative",
        "members": "member",
        "missions": "mission",
        "events": "event",
        "organisations": "organisation",
        "people": "person",
    }
    found: list[tuple[str, str]] = []
    for name in ("cooperatives.yaml", "federations.yaml", "missions.yaml"):
        content = yaml.safe_load((data / name).read_text("utf-8"))
        for section, kind in sections.items():
            found += [(kind, r["slug"]) for r in content.get(section) or []]
        found += [("source", s["id"]) for s in content.get("sources") or []]
        if "council" in content:
            found.append(("council", content["council"]["slug"]))
            found += [("programme", p["slug"]) for p in content["council"].get("programmes") or []]
            found += [("roadmap", r["slug"]) for r in content["council"].get("roadmaps") or []]
        if "cooperation" in content:
            found.append(("cooperation", content["cooperation"]["slug"]))
    return found


FOLDER = {
    "cooperative": ("cooperatives", "cooperatives"),
    "member": ("membres", "members"),
    "mission": ("missions", "missions"),
    "event": ("evenements", "events"),
    "organisation": ("organisations", "organisations"),
    "person": ("personnes", "people"),
    "source": ("sources", "sources"),
    "council": ("conseil", "council"),
    "programme": ("programmes", "programmes"),
    "roadmap": ("feuilles-de-route", "roadmaps"),
    "cooperation": ("cooperation", "cooperation"),
}


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture", "shipped"])
def test_every_record_has_its_page_in_both_languages(
    which: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(f"{which}_site")
    data = EXAMPLES / "base" if which == "fixture" else SHIPPED
    for kind, slug in _records(data):
        french, english = FOLDER[kind]
        page_fr = site / french / slug / "index.html"
        page_en = site / "en" / english / slug / "index.html"
        assert page_fr.is_file() and page_en.is_file(), (kind, slug)
        fr, en = _parsed(page_fr), _parsed(page_en)
        assert fr.lang == "fr-CA" and en.lang == "en-CA"
        alternates = {
            a.get("hreflang"): _target(page_fr, h)
            for t, h, a in fr.links
            if t == "link" and a.get("hreflang")
        }
        assert alternates == {"fr-CA": page_fr.resolve(), "en-CA": page_en.resolve()}
        back = {
            a.get("hreflang"): _target(page_en, h)
            for t, h, a in en.links
            if t == "link" and a.get("hreflang")
        }
        assert back["fr-CA"] == page_fr.resolve()


@pytest.mark.parametrize("which", ["fixture", "shipped"])
def test_every_link_resolves_and_nothing_loads_from_another_site(
    which: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(f"{which}_site")
    for page in _pages(site):
        parsed = _parsed(page)
        for tag, link, _attrs in parsed.links:
            if re.match(r"[a-z]+:", link):
                assert tag == "a", f"{page}: {tag} loads {link} from another site"
                continue
            assert _target(page, link).exists(), f"{page.relative_to(site)} → {link}"


def test_record_pages_weigh_at_most_20_kb_with_their_css(shipped_site: Path) -> None:
    css = (shipped_site / "style.css").stat().st_size
    heaviest = max(
        (
            p
            for p in _pages(shipped_site)
            if p.parent.parent.name in {f for pair in FOLDER.values() for f in pair}
        ),
        key=lambda p: p.stat().st_size,
    )
    assert heaviest.stat().st_size + css <= 20 * 1024, heaviest


def test_pages_need_no_javascript_but_search(shipped_site: Path) -> None:
    for page in _pages(shipped_site):
        scripts = _parsed(page).scripts
        if page.parent.name in ("recherche", "search"):
            assert scripts
            continue
        assert all(s.get("type") == "application/ld+json" for s in scripts), page


def test_each_record_page_carries_its_json_ld(fixture_site: Path) -> None:
    text = (fixture_site / "cooperatives" / "la-brunante" / "index.html").read_text("utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert found
    node = json.loads(found.group(1))
    assert node["@id"] == "coopkb:la-brunante" and node["name"] == "La Brunante"
    assert node["address"]["addressRegion"] == "Estrie"
    assert node["@context"]["@vocab"] == "https://schema.org/"


def test_a_record_page_shows_its_facts_links_and_sources(fixture_site: Path) -> None:
    text = (fixture_site / "missions" / "mission-1" / "index.html").read_text("utf-8")
    assert "<h1>1re mission</h1>" in text
    assert 'href="../../personnes/noemie-escortell/"' in text  # the delegation, linked
    assert 'href="../../organisations/polecn/"' in text  # the visits, linked
    assert "du 5 au 10\u00a0septembre 2016" in text
    assert 'href="../../sources/source-test/"' in text
    back = (fixture_site / "organisations" / "polecn" / "index.html").read_text("utf-8")
    assert 'href="../../missions/mission-1/"' in back  # linked both ways


def test_a_record_page_says_where_each_value_comes_from(fixture_site: Path) -> None:
    text = (fixture_site / "missions" / "mission-1" / "index.html").read_text("utf-8")
    assert '<p class="evidence"><a href="../../missions/mission-1/preuves/">' in text
    page = fixture_site / "missions" / "mission-1" / "preuves" / "index.html"
    evidence = page.read_text("utf-8")
    assert "«\u00a01re mission du 05 au 10 septembre 2016\u00a0»" in evidence
    assert 'href="../../../sources/source-test/"' in evidence
    assert "Les missions" in evidence  # the place in the source
    assert 'hreflang="en-CA" href="../../../en/missions/mission-1/evidence/"' in evidence
    assert "data-pagefind-body" not in evidence  # search finds the record, not its evidence
    coop = (fixture_site / "cooperatives" / "la-brunante" / "index.html").read_text("utf-8")
    assert (
        "Canada <small>(d&#39;après la liste officielle "
        "«\u00a0Régions administratives du Québec\u00a0»)</small>" in coop
    )
    english = (fixture_site / "en" / "cooperatives" / "la-brunante" / "index.html").read_text(
        "utf-8"
    )
    assert "(from Régions administratives du Québec)" in english
    assert "Where each value comes from" in english
    assert (fixture_site / "en" / "missions" / "mission-1" / "evidence" / "index.html").is_file()


def test_lists_regions_timeline_and_members_by_sector(shipped_site: Path) -> None:
    regions = (shipped_site / "regions" / "index.html").read_text("utf-8")
    assert regions.count('<tr role="row">') >= 18  # the 17 regions of Quebec and the header
    assert "Bas-Saint-Laurent" in regions and "Nouvelle-Aquitaine" in regions
    estrie = (shipped_site / "regions" / "estrie" / "index.html").read_text("utf-8")
    assert "La Brunante" in estrie
    members = (shipped_site / "membres" / "index.html").read_text("utf-8")
    assert members.count("<h2>") >= 4 and "Desjardins" in members
    timeline = (shipped_site / "chronologie" / "index.html").read_text("utf-8")
    assert "1940" in timeline
    missions = (shipped_site / "missions" / "index.html").read_text("utf-8")
    assert "Cécile Marsan" in missions


def test_downloads_are_offered_with_their_date_and_licence(fixture_site: Path) -> None:
    for name in (
        "donnees/coopkb-excel.zip",
        "donnees/coopkb.json",
        "donnees/coopkb.db",
        "donnees/coopkb-paquet.zip",
        "donnees/paquet/datapackage.json",
        "donnees/coopkb.jsonld",
        "schemas/cooperatives.schema.json",
        "schemas/federations.schema.json",
        "schemas/missions.schema.json",
    ):
        assert (fixture_site / name).is_file(), name
    page = (fixture_site / "telechargements" / "index.html").read_text("utf-8")
    assert "CC BY 4.0" in page and "en date du" in page
    assert 'href="../donnees/coopkb.db"' in page


def test_the_site_replaces_only_a_site_and_only_when_told(tmp_path: Path) -> None:
    base = EXAMPLES / "base"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", "utf-8")
    refused = run_coopkb("--data-dir", str(base), "export", "site", str(mine), "--overwrite")
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert (mine / "notes.txt").read_text("utf-8") == "mine"
    site = _build(base, tmp_path / "site")
    again = run_coopkb("--data-dir", str(base), "export", "site", str(site))
    assert again.returncode == 1 and "--overwrite" in again.stderr
    _build(base, site, "--overwrite")
    assert not list(tmp_path.glob(".site.coopkb-*")), "no staging folder left behind"
    inside = run_coopkb("--data-dir", str(base), "export", "site", str(base))
    assert inside.returncode == 1 and (base / "cooperatives.yaml").is_file()


# --- in a real browser ------------------------------------------------------------------------


def _axe_path() -> Path | None:
    given = os.environ.get("COOPKB_AXE_CORE")
    return Path(given) if given else None


def _browser_ready() -> str | None:
    if not CHROMIUM.exists():
        return "Debian's chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    axe = _axe_path()
    if axe is None or not axe.is_file():
        return "axe-core is not installed (npm install axe-core; COOPKB_AXE_CORE=…/axe.min.js)"
    return None


@pytest.fixture(scope="module")
def served(shipped_site: Path) -> Iterator[str]:
    """The shipped site over HTTP on localhost, as a web host serves it."""
    missing = _browser_ready()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {missing}")
        pytest.skip(missing)
    handler = functools.partial(_QuietHandler, directory=str(shipped_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


PAGE_TYPES = [
    "",
    "cooperatives/",
    "cooperatives/la-brunante/",
    "membres/",
    "membres/agropur/",
    "missions/",
    "missions/mission-3/",
    "personnes/cecile-marsan/",
    "organisations/polecn/",
    "evenements/soiree-tactiq-2017/",
    "programmes/jeune-coop/",
    "feuilles-de-route/feuille-de-route-2022/",
    "conseil/cqcm/",
    "conseil/cqcm/preuves/",
    "cooperation/cooperation-coactions-polecn/",
    "sources/cqcm-2014-territoires/",
    "regions/",
    "regions/estrie/",
    "chronologie/",
    "telechargements/",
    "recherche/?q=brunante",
    "en/",
    "en/cooperatives/la-brunante/",
    "en/search/?q=brunante",
]


@pytest.mark.slow
@pytest.mark.parametrize("address", PAGE_TYPES)
def test_axe_core_finds_no_violation(browser: Any, served: str, address: str) -> None:
    page = browser.new_page()
    page.goto(served + address)
    if "?q=" in address:
        page.wait_for_selector(".pagefind-ui__result", timeout=15_000)
    page.add_script_tag(path=str(_axe_path()))
    levels = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']"  # WCAG 2.1 AA, as SGQRI 008 3.0 asks
    result = page.evaluate(f"async () => await axe.run(document, {{runOnly: {levels}}})")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    page.close()
    assert violations == []


@pytest.mark.slow
def test_axe_core_does_report_a_violation(browser: Any, tmp_path: Path) -> None:
    """The check above can fail: an image without a text alternative is reported."""
    page = browser.new_page()
    page.set_content('<html lang="fr"><title>t</title><main><img src="x.png"></main></html>')
    page.add_script_tag(path=str(_axe_path()))
    result = page.evaluate("async () => await axe.run(document)")
    page.close()
    assert "image-alt" in {v["id"] for v in result["violations"]}


@pytest.mark.slow
@pytest.mark.parametrize("address", [a for a in PAGE_TYPES if "?q=" not in a])
def test_readable_at_360_px_without_sideways_scrolling(
    browser: Any, served: str, address: str
) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(served + address)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert width <= 360


def _results(page: Any) -> list[str]:
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    # Pagefind shows each result as its fragment arrives: on a loaded machine the first link was
    # read before the one a test looks for had come (a home-page search for « jeunes »).
    page.wait_for_load_state("networkidle", timeout=15_000)
    titles: list[str] = page.eval_on_selector_all(
        ".pagefind-ui__result-link", "links => links.map(link => link.textContent)"
    )
    return titles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jeunes", "Programme Jeune COOP"),  # a word form
        ("aines", "La Brunante"),  # no accents typed
        ("3000", "Conseil québécois de la coopération et de la mutualité"),  # a figure
        ("Cécile Marsan", "Cécile Marsan"),
    ],
)
def test_search_from_a_link_finds_word_forms_accents_and_figures(
    browser: Any, served: str, query: str, expected: str
) -> None:
    page = browser.new_page()
    page.goto(f"{served}recherche/?q={query}")
    titles = _results(page)
    page.close()
    assert any(expected in title for title in titles[:5]), titles


@pytest.mark.slow
def test_search_typed_in_its_box_updates_the_address(browser: Any, served: str) -> None:
    page = browser.new_page()
    page.goto(served + "recherche/")
    page.fill("#search input", "brunante")
    titles = _results(page)
    assert "q=brunante" in page.url
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert "résultat" in page.inner_text("#search")  # Pagefind's interface speaks French
    page.close()
    assert any("La Brunante" in t for t in titles)
    english = browser.new_page()
    english.goto(served + "en/search/?q=brunante")
    assert any("La Brunante" in t for t in _results(english))
    assert "result" in english.inner_text("#search")
    english.close()


@pytest.mark.slow
def test_the_home_search_box_leads_to_results(browser: Any, served: str) -> None:
    page = browser.new_page()
    page.goto(served)
    page.fill("#q", "jeunes")
    page.press("#q", "Enter")
    titles = _results(page)
    page.close()
    assert any("Jeune COOP" in t for t in titles)


@pytest.mark.slow
def test_pages_read_without_javascript(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "missions/mission-3/")
    assert "Cécile Marsan" in page.inner_text("main")
    page.goto(served + "recherche/")
    assert "JavaScript" in page.inner_text("main")
    context.close()


@pytest.mark.slow
def test_screenshots_of_each_page_type(browser: Any, served: str, tmp_path: Path) -> None:
    """Screenshots for a person to look at (COOPKB_SCREENSHOTS=DIR keeps them)."""
    keep = os.environ.get("COOPKB_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    for address in PAGE_TYPES:
        page.goto(served + address)
        name = re.sub(r"[^a-z0-9]+", "-", address).strip("-") or "home"
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    page.emulate_media(media="print")
    page.goto(served + "cooperatives/la-brunante/")
    assert not page.locator("nav").is_visible()  # printing leaves out the menu
    page.close()
    assert len(list(folder.glob("*.png"))) == len(PAGE_TYPES)
