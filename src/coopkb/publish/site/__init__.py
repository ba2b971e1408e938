"""`coopkb export site DIR`: the base as a static website for people who never open a terminal.

French first (``<html lang="fr-CA">``, French paths), English beside it under ``en/``. A page for
every record of every kind (its facts by the table of parts, its reverse links, its sources, its
schema.org JSON-LD), a list page per kind (the CQCM's members by sector, the missions with their
delegations), a page per region, the timeline, downloads, and a search page (Pagefind: its index
is built from the record pages, its interface in the page's language, the query read from
``?q=``). No server, nothing loaded from another site, no JavaScript but search.

The site is built in a staging folder beside DIR and put in place in one rename, so DIR holds
the whole new site or the old one, never a mix; an existing DIR is replaced only with
``--overwrite`` and only when a coopkb site is in it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...figures import figure_text
from ...i18n import _, colon, in_language, language, ngettext
from ...kinds import KIND, KINDS
from ...labels import field_label, kind_label
from ...matching import fold
from ...parts import FIELDS_OF, part_of
from ...query.evidence import claims_by_record, derived_fields, official_list_title
from ...query.links import all_links, names_by_slug
from ...query.records import iter_records, source_record
from ...query.timeline import timeline
from ...reference import QUEBEC_REGIONS
from ..about import LICENCE
from ..sqlite import ExportError

HERE = Path(__file__).resolve().parent
MARKER = ".coopkb-site"  # a site coopkb built: what --overwrite may replace
LANGS = ("fr", "en")
LANG_TAGS = {"fr": "fr-CA", "en": "en-CA"}
PREFIX = {"fr": "", "en": "en/"}
# The pages that are not records, by language: their folder.
FOLDERS = {
    "regions": {"fr": "regions", "en": "regions"},
    "timeline": {"fr": "chronologie", "en": "timeline"},
    "search": {"fr": "recherche", "en": "search"},
    "downloads": {"fr": "telechargements", "en": "downloads"},
}
# The columns of each kind's list page, after the name (by field, rendered by their parts).
LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "cooperative": ("region", "municipality", "legal_category", "sector"),
    "member": ("acronym", "body_kind"),
    "mission": ("number", "start", "destination", "delegation_from", "delegation"),
    "event": ("start", "municipality", "country"),
    "organisation": ("kind", "region", "country"),
    "person": ("affiliations",),
    "programme": ("start", "funder"),
    "roadmap": ("date",),
    "council": ("acronym", "founded"),
    "cooperation": ("start", "partners"),
    "source": ("author", "date"),
}


@dataclass
class Page:
    """What the base template needs about the page being written."""

    path: str  # e.g. "cooperatives/la-brunante/index.html"
    lang: str
    title: str
    description: str = ""
    root: str = ""
    nav: list[tuple[str, str]] = field(default_factory=list)
    alternates: list[tuple[str, str]] = field(default_factory=list)
    here: str = ""
    home: str = ""
    search: str = ""
    downloads: str = ""
    other_href: str = ""
    other_lang: str = ""
    other_label: str = ""
    lang_tag: str = ""


@dataclass
class Item:
    html: Any  # markupsafe.Markup
    lines: list[str] = field(default_factory=list)


@dataclass
class Fact:
    label: str
    items: list[Item]
    note: str = ""  # « d'après le Répertoire des municipalités du Québec » for a derived value


@dataclass
class Claim:
    """One claim of a record's evidence, as its page shows it."""

    covers: str  # the labels of the values it covers
    says: str  # the source's own words, or "" for an official list
    source: Item | None  # a link to the source's page
    at: str  # where in the source, or the official list


def region_slug(region: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(region)).split())


def record_path(kind: str, slug: str, lang: str) -> str:
    return f"{PREFIX[lang]}{KIND[kind].pages[LANGS.index(lang)]}/{slug}/index.html"


# Each record's evidence has a page of its own beside the record's (a record page stays light).
EVIDENCE_FOLDER = {"fr": "preuves", "en": "evidence"}


def evidence_path(kind: str, slug: str, lang: str) -> str:
    return record_path(kind, slug, lang).removesuffix("index.html") + (
        f"{EVIDENCE_FOLDER[lang]}/index.html"
    )


def list_path(kind: str, lang: str) -> str:
    return f"{PREFIX[lang]}{KIND[kind].pages[LANGS.index(lang)]}/index.html"


def folder_path(name: str, lang: str) -> str:
    return f"{PREFIX[lang]}{FOLDERS[name][lang]}/index.html"


def relative(from_path: str, to_path: str) -> str:
    """The link from one page to another: relative, so the site works under any address."""
    root = "../" * from_path.count("/")
    target = to_path.removesuffix("index.html")
    return (root + target) or "./"


@dataclass
class SiteData:
    """What every page reads of the base, computed once for both languages and the downloads."""

    kb: dict[str, Any]
    names: dict[str, str]
    kinds_of: dict[str, str]
    linked: dict[str, Any]
    cited: dict[str, Any]
    records: list[tuple[str, dict[str, Any]]]
    sources: list[dict[str, Any]]


def site_data(kb: dict[str, Any]) -> SiteData:
    names = names_by_slug(kb)
    linked, cited = all_links(kb)
    records = list(iter_records(kb))
    sources = [source_record(s) for s in kb.get("sources") or []]
    kinds_of = {record["slug"]: kind for kind, record in records}
    for source in sources:
        kinds_of.setdefault(source["slug"], "source")
        names.setdefault(source["slug"], source["name"])
    return SiteData(kb, names, kinds_of, linked, cited, records, sources)


class Builder:
    """Renders every page of one language into ``files`` (path → bytes)."""

    def __init__(self, data: SiteData, env: Any, files: dict[str, bytes]) -> None:
        self.kb, self.env, self.files = data.kb, env, files
        self.names, self.kinds_of = data.names, data.kinds_of
        self.linked, self.cited = data.linked, data.cited
        self.records, self.sources = data.records, data.sources
        self.claims = claims_by_record(data.kb)

    # --- pages -----------------------------------------------------------------------------

    def build(self, lang: str) -> None:
        self.lang = lang
        self.t = texts()
        self._home()
        by_kind: dict[str, list[dict[str, Any]]] = {k.name: [] for k in KINDS}
        for kind, record in self.records:
            by_kind[kind].append(record)
        by_kind["source"] = self.sources
        for kind, records in by_kind.items():
            if not records:
                continue
            self._listing(kind, records)
            for record in records:
                self._record(kind, record)
        self._regions(by_kind["cooperative"])
        self._timeline()
        self._search()

    def page(self, path: str, title: str, description: str = "") -> Page:
        other = LANGS[1 - LANGS.index(self.lang)]
        twin = _twin(path, self.lang, other)
        nav = [
            (relative(path, list_path("cooperative", self.lang)), _("Cooperatives")),
            (relative(path, folder_path("regions", self.lang)), _("Regions")),
            (relative(path, list_path("member", self.lang)), _("CQCM members")),
            (relative(path, list_path("mission", self.lang)), _("Missions")),
            (relative(path, list_path("programme", self.lang)), _("Programmes")),
            (relative(path, folder_path("timeline", self.lang)), _("Timeline")),
            (relative(path, list_path("source", self.lang)), _("Sources")),
            (relative(path, folder_path("search", self.lang)), _("Search")),
        ]
        return Page(
            path=path,
            lang=self.lang,
            lang_tag=LANG_TAGS[self.lang],
            title=title,
            description=description or title,
            root="../" * path.count("/"),
            nav=nav,
            alternates=[
                (LANG_TAGS[self.lang], relative(path, path)),
                (LANG_TAGS[other], relative(path, twin)),
            ],
            here=relative(path, path),
            home=relative(path, PREFIX[self.lang] + "index.html"),
            search=relative(path, folder_path("search", self.lang)),
            downloads=relative(path, folder_path("downloads", self.lang)),
            other_href=relative(path, twin),
            other_lang=LANG_TAGS[other],
            other_label="English" if other == "en" else "Français",
        )

    def write(self, path: str, template: str, **values: Any) -> None:
        html = self.env.get_template(template).render(t=self.t, **values)
        self.files[path] = html.encode("utf-8")

    def _home(self) -> None:
        path = PREFIX[self.lang] + "index.html"
        counts: dict[str, int] = {}
        for kind, _record in self.records:
            counts[kind] = counts.get(kind, 0) + 1
        counts["source"] = len(self.sources)
        shown = [
            (relative(path, list_path(k.name, self.lang)), _count(k.name, counts[k.name]))
            for k in KINDS
            if counts.get(k.name)
        ]
        self.write(
            path,
            "home.html",
            page=self.page(path, self.t["site"], self.t["home_intro"]),
            counts=shown,
            sources=[self._source(path, s) for s in self.sources],
        )

    def _record(self, kind: str, record: dict[str, Any]) -> None:
        from ...output.record import readable_dates
        from ..jsonld import CONTEXT, record_node

        path = record_path(kind, record["slug"], self.lang)
        if kind == "source":
            linked = self.cited.get(record["slug"], {})
        else:
            linked = self.linked.get(record["slug"], {})
        derived = derived_fields(self.kb, record["slug"])
        facts = self.facts(path, kind, readable_dates(kind, record), derived=derived)
        for label, items in linked.items():
            facts.append(
                Fact(
                    field_label(label),
                    [self._linking(path, k, r, label, record["slug"]) for k, r in items],
                )
            )
        by_id = {s["slug"]: s for s in self.sources}
        sources = [self._source(path, by_id[s]) for s in record.get("sources") or [] if s in by_id]
        evidence = evidence_path(kind, record["slug"], self.lang)
        claims = [self._claim(evidence, kind, c) for c in self.claims.get(record["slug"], [])]
        if claims:
            title = _("{name}: where each value comes from").format(name=record["name"])
            self.write(
                evidence,
                "evidence.html",
                page=self.page(evidence, title),
                record=record,
                kind_label=kind_label(kind),
                back=relative(evidence, path),
                claims=claims,
            )
        node = record_node(kind, record)
        document = json.dumps({"@context": CONTEXT, **node}, ensure_ascii=False)
        self.write(
            path,
            "record.html",
            page=self.page(path, record["name"], f"{record['name']} ({kind_label(kind)})"),
            record=record,
            kind_label=kind_label(kind),
            facts=facts,
            sources=sources,
            evidence=relative(path, evidence) if claims else None,
            jsonld=_markup(document.replace("</", "<\\/")),
        )

    def _claim(self, path: str, kind: str, claim: dict[str, Any]) -> Claim:
        from ...evidence_paths import parse_path

        labels = []
        for text in claim.get("of", []):
            parsed = parse_path(text)
            field_name = str(parsed[0]) if parsed else text
            labels.append(field_label(field_name, kind) + text[len(field_name) :])
        covers = ", ".join(labels)
        if claim.get("official"):
            return Claim(covers, "", None, official_list_title(claim["official"]))
        source = claim.get("source", "")
        link = self.link(path, source) if source in self.names else None
        return Claim(covers, claim.get("says", ""), link, claim.get("at", ""))

    def _listing(self, kind: str, records: list[dict[str, Any]]) -> None:
        path = list_path(kind, self.lang)
        described = KIND[kind]
        columns = [
            _("name"),
            *(
                field_label("period" if f == described.start and described.end else f, kind)
                for f in LIST_FIELDS.get(kind, ())
            ),
        ]
        groups: list[dict[str, Any]] = []
        ordered = sorted(records, key=lambda r: (r.get("number") or 0, fold(r["name"])))
        if kind == "member":  # the CQCM's members by sector, in the list's order
            sectors: dict[str, list[dict[str, Any]]] = {}
            for record in records:
                sectors.setdefault(record.get("sector_group") or "", []).append(record)
            for sector, members in sectors.items():
                groups.append({"title": sector, "rows": [self.row(path, kind, m) for m in members]})
        else:
            groups.append({"title": "", "rows": [self.row(path, kind, r) for r in ordered]})
        title = _("CQCM members by sector") if kind == "member" else _plural(kind)
        self.write(
            path,
            "listing.html",
            page=self.page(path, title),
            intro=_count(kind, len(records)),
            columns=columns,
            groups=groups,
        )

    def row(self, path: str, kind: str, record: dict[str, Any]) -> list[Any]:
        from ...output.record import readable_dates

        cells: list[Any] = [self.link(path, record["slug"]).html]
        shown = readable_dates(kind, record)
        for name in LIST_FIELDS.get(kind, ()):
            key = "period" if name == KIND[kind].start and KIND[kind].end else name
            facts = self.facts(path, kind, {key: shown.get(key)}, keep_all=True)
            cells.append(_join([item.html for f in facts for item in f.items]))
        return cells

    def _regions(self, cooperatives: list[dict[str, Any]]) -> None:
        path = folder_path("regions", self.lang)
        by_region: dict[str, list[dict[str, Any]]] = {}
        for cooperative in cooperatives:
            if cooperative.get("region"):
                by_region.setdefault(cooperative["region"], []).append(cooperative)

        def row(region: str, code: str) -> list[Any]:
            found = by_region.get(region, [])
            name: Any = region
            if found:
                folder = FOLDERS["regions"][self.lang]
                region_page = f"{PREFIX[self.lang]}{folder}/{region_slug(region)}/index.html"
                name = _link(relative(path, region_page), region)
                self._region(region, region_page, found)
            return [code, name, str(len(found))]

        quebec = [row(name, code) for code, name in QUEBEC_REGIONS.items()]
        others = sorted((r for r in by_region if r not in QUEBEC_REGIONS.values()), key=fold)
        groups = [{"title": _("The 17 administrative regions of Quebec"), "rows": quebec}]
        if others:
            groups.append({"title": _("Elsewhere"), "rows": [row(r, "") for r in others]})
        self.write(
            path,
            "listing.html",
            page=self.page(path, _("Cooperatives by region")),
            intro=_("How many cooperatives the sources place in each region."),
            columns=[_("code"), _("region"), _("cooperatives")],
            groups=groups,
        )

    def _region(self, region: str, path: str, cooperatives: list[dict[str, Any]]) -> None:
        fields = ("mrc", "municipality", "legal_category", "sector")
        rows = []
        for record in sorted(cooperatives, key=lambda r: fold(r["name"])):
            cells = [self.link(path, record["slug"]).html]
            for name in fields:
                facts = self.facts(path, "cooperative", {name: record.get(name)}, keep_all=True)
                cells.append(_join([i.html for f in facts for i in f.items]))
            rows.append(cells)
        self.write(
            path,
            "listing.html",
            page=self.page(path, _("Cooperatives in {region}").format(region=region)),
            intro=_count("cooperative", len(cooperatives)),
            columns=[_("name"), *(field_label(f, "cooperative") for f in fields)],
            groups=[{"title": "", "rows": rows}],
        )

    def _timeline(self) -> None:
        from ...output.dates import human_period

        path = folder_path("timeline", self.lang)
        rows = [
            [
                human_period(entry.date, entry.end),
                entry.what,
                self.link(path, entry.slug).html,
            ]
            for entry in timeline(self.kb)
        ]
        self.write(
            path,
            "listing.html",
            page=self.page(path, _("Timeline")),
            intro=_("Every dated fact of the base, oldest first."),
            columns=[_("date"), _("what happened"), _("record")],
            groups=[{"title": "", "rows": rows}],
        )

    def _search(self) -> None:
        path = folder_path("search", self.lang)
        words = {"clear_search": _("Clear")}  # Pagefind's own French says « Nettoyer »
        self.write(
            path,
            "search.html",
            page=self.page(path, _("Search")),
            pagefind_words=_markup(json.dumps(words, ensure_ascii=False)),
        )

    # --- facts -----------------------------------------------------------------------------

    def facts(
        self,
        path: str,
        kind: str,
        shown: dict[str, Any],
        keep_all: bool = False,
        derived: dict[str, str] | None = None,
    ) -> list[Fact]:
        """A record's facts for a page, each by its part: references link to their pages; a
        value taken from an official list (``derived``: field -> list) says so."""
        from ...output.record import brief

        out: list[Fact] = []
        for key, value in shown.items():
            if value in (None, [], {}, "") or (not keep_all and key in ("name", "slug", "sources")):
                continue
            if kind == "source" and key == "document":  # the file coopkb read: not for readers
                continue
            part = part_of(kind, key)
            what = part.part if part is not None else "scalar"
            if what in ("reference", "references"):
                slugs = value if isinstance(value, list) else [value]
                items = [self.link(path, s) for s in slugs]
            elif what == "records":
                items = [self.link(path, v["slug"]) for v in value]
            elif what in ("mapping", "mappings"):
                assert part is not None
                values = value if isinstance(value, list) else [value]
                items = []
                for item in values:
                    if any(p.part == "reference" for p in FIELDS_OF.get(part.shape, ())):
                        items.append(Item(self._linked_sub_record(path, part.shape, item)))
                        continue
                    first, *rest = brief(part.shape, item, self.names).split("\n")
                    html = _escape(first)
                    if part.shape == "figure":
                        html = _figure(item)
                    items.append(Item(html, [line.strip(" –") for line in rest]))
            elif what == "list":
                items = [Item(_escape(str(v))) for v in value]
            elif part is not None and part.type == "url":
                items = [Item(_link(str(value), str(value)))]
            elif what == "sources":
                items = [self.link(path, s) for s in value]
            else:
                items = [Item(_escape(_scalar(value)))]
            note = ""
            if derived and key in derived:
                note = _("(from {list})").format(list=official_list_title(derived[key]))
            out.append(Fact(field_label(key, kind), items, note))
        return out

    def _linking(self, path: str, kind: str, linking: dict[str, Any], link: str, slug: str) -> Item:
        """A record pointing at this page's, linked, and how (an affiliation's role)."""
        from ...output.record import how_linked

        item = self.link(path, linking["slug"])
        for how in how_linked(kind, linking, link, slug):
            item.html = _markup(" — ").join([item.html, _escape(how)])
        return item

    def _linked_sub_record(self, path: str, shape: str, value: dict[str, Any]) -> Any:
        """A sub-record holding references (an affiliation's organisation): its fields in the
        shape's order, each reference a link, joined by " — "."""
        from ...output.dates import human_date

        pieces: list[Any] = []
        for p in FIELDS_OF.get(shape, ()):
            item = value.get(p.field)
            if item in (None, "", []):
                continue
            if p.part == "reference":
                pieces.append(self.link(path, item).html)
            elif p.type == "date":
                pieces.append(_escape(human_date(item)))
            else:
                pieces.append(_escape(str(item)))
        return _markup(" — ").join(pieces)

    def link(self, path: str, slug: str) -> Item:
        kind = self.kinds_of.get(slug)
        name = self.names.get(slug, slug)
        if kind is None:
            return Item(_escape(name))
        return Item(_link(relative(path, record_path(kind, slug, self.lang)), name))

    def _source(self, path: str, source: dict[str, Any]) -> dict[str, Any]:
        from ...output.dates import human_date

        when = human_date(source["date"]) if source.get("date") else _("undated")
        return {
            "href": relative(path, record_path("source", source["slug"], self.lang)),
            "title": source["name"],
            "author": source.get("author", ""),
            "when": when,
        }


def _twin(path: str, lang: str, other: str) -> str:
    """The same page in the other language (record folders and page folders differ)."""
    rest = path.removeprefix(PREFIX[lang])
    head, _sep, tail = rest.partition("/")
    for kind in KINDS:
        if head == kind.pages[LANGS.index(lang)]:
            slug, _sep, rest_of = tail.partition("/")
            if rest_of == f"{EVIDENCE_FOLDER[lang]}/index.html":  # a record's evidence page
                tail = f"{slug}/{EVIDENCE_FOLDER[other]}/index.html"
            return PREFIX[other] + kind.pages[LANGS.index(other)] + "/" + tail
    for folders in FOLDERS.values():
        if head == folders[lang]:
            return PREFIX[other] + folders[other] + "/" + tail
    return PREFIX[other] + rest


def _count(kind: str, count: int) -> str:
    one, many = KIND[kind].counts
    return ngettext(one, many, count).format(count=count)


def _plural(kind: str) -> str:
    one, many = KIND[kind].counts
    text = ngettext(one, many, 2).format(count="").strip()
    return text[:1].upper() + text[1:]


def _scalar(value: Any) -> str:
    from ...figures import number_text

    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return number_text(value)
    return str(value)


def _escape(text: str) -> Any:
    from markupsafe import escape

    return escape(text)


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)


def _link(href: str, text: str) -> Any:
    from markupsafe import Markup

    return Markup('<a href="{}">{}</a>').format(href, text)


def _join(pieces: list[Any]) -> Any:
    from markupsafe import Markup

    return Markup("; ").join(pieces)


def _figure(figure: dict[str, Any]) -> Any:
    """A figure as people read it (« plus de 3 000 … »), with its raw number indexed for search
    (``3000`` finds the CQCM's « 3 000 coopératives »)."""
    from markupsafe import Markup

    raw = figure["value"]
    raw = int(raw) if isinstance(raw, float) and raw.is_integer() else raw
    return Markup('{}<data value="{}" data-pagefind-index-attrs="value"></data>').format(
        figure_text(figure), raw
    )


def texts() -> dict[str, str]:
    """The words of the page frame, in the current language."""
    return {
        "site": _("coopkb — the Quebec cooperative movement"),
        "skip": _("Skip to content"),
        "menu": _("Main menu"),
        "home_title": _("The Quebec cooperative movement, from its own documents"),
        "home_intro": _(
            "Cooperatives, the CQCM and its members, programmes, roadmaps, the "
            "Co-Actions–POLECN cooperation and its missions: every fact taken from a public "
            "document, which each page names."
        ),
        "search_label": _("Search the base"),
        "search_button": _("Find"),
        "holds": _("What the base holds"),
        "sources": _("Sources"),
        "cite_title": _("How to cite"),
        "cite": _(
            "coopkb, the knowledge base of the Quebec cooperative movement, from the documents "
            "cited; data under the CC BY 4.0 licence."
        ),
        "licence": _("Data under the CC BY 4.0 licence; the documents remain their authors'."),
        "downloads": _("Downloads"),
        "evidence": _("Where each value comes from"),
        "record": _("the record"),
        "colon": colon(),
        "open_quote": "«\u00a0" if language() == "fr" else "\u201c",
        "close_quote": "\u00a0»" if language() == "fr" else "\u201d",
        "derived": _("from an official list"),
        "noscript": _("Search needs JavaScript; every page is reachable from the menu without it."),
    }


def _environment() -> Any:
    try:
        from jinja2 import Environment, FileSystemLoader, select_autoescape
    except ImportError:  # pragma: no cover - the site extra is not installed
        raise ExportError(
            _("export site needs Jinja2 and Pagefind: pip install 'coopkb[site]'")
        ) from None
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=False,
        lstrip_blocks=False,
    )


def render_site(data: SiteData) -> dict[str, bytes]:
    """Every page of both languages and the stylesheet (path → content)."""
    env = _environment()
    files: dict[str, bytes] = {"style.css": (HERE / "style.css").read_bytes()}
    for lang in LANGS:
        with in_language(lang):
            Builder(data, env, files).build(lang)
    return files


def export_site(
    kb: dict[str, Any],
    directory: Path,
    overwrite: bool,
    protected: list[Path],
    downloads: Callable[[Path], list[tuple[str, str, str, str]]],
    built: str,
) -> int:
    """Build the site in a staging folder, index it with Pagefind, then put it in place."""
    _check_target(directory, overwrite, protected)
    staging = directory.parent / f".{directory.name}.coopkb-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        data = site_data(kb)
        files = render_site(data)
        for name, content in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        offered = downloads(staging)
        for lang in LANGS:
            with in_language(lang):
                _write_downloads(data, staging, offered, lang, built)
        _index(staging)
        (staging / MARKER).write_text("coopkb site\n", "utf-8")
        _swap(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sum(1 for name in files if name.endswith(".html"))


def _write_downloads(
    data: SiteData,
    staging: Path,
    offered: list[tuple[str, str, str, str]],
    lang: str,
    built: str,
) -> None:
    from ...output.dates import human_date

    env = _environment()
    builder = Builder(data, env, {})
    builder.lang, builder.t = lang, texts()
    path = folder_path("downloads", lang)
    rows = [
        [_link(relative(path, href), _(title).format(file=file)), _(what), _markup(LICENCE_LINK)]
        for href, title, what, file in offered
    ]
    builder.write(
        path,
        "listing.html",
        page=builder.page(path, _("Downloads")),
        intro=_("The whole base, as of {date}: spreadsheets, databases and open data.").format(
            date=human_date(built)
        ),
        columns=[_("file"), _("what it is"), _("licence")],
        groups=[{"title": "", "rows": rows}],
    )
    for name, content in builder.files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


LICENCE_LINK = f'<a href="{LICENCE["path"]}">CC BY 4.0</a>'


def _index(staging: Path) -> None:
    """Pagefind's search index of the record pages, in ``pagefind/``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(staging)]  # output captured
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except OSError as err:  # pragma: no cover - no Python to run
        raise ExportError(str(err)) from None
    if result.returncode != 0 or not (staging / "pagefind" / "pagefind-ui.js").exists():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise ExportError(
            _("Pagefind could not index the site ({detail}): pip install 'coopkb[site]'").format(
                detail=detail[0]
            )
        )


def _check_target(directory: Path, overwrite: bool, protected: list[Path]) -> None:
    if directory.is_symlink():
        raise ExportError(
            _("{path} is a symbolic link; coopkb writes no file through a link").format(
                path=directory
            )
        )
    if directory.exists() and not directory.is_dir():
        raise ExportError(_("{path} is a file, not a folder").format(path=directory))
    resolved = directory.resolve()
    for data in protected:
        if resolved == data.resolve() or resolved in data.resolve().parents:
            raise ExportError(
                _("{path} holds the data files coopkb reads; choose another folder").format(
                    path=directory
                )
            )
    if directory.exists() and any(directory.iterdir()):
        if not (directory / MARKER).is_file():
            raise ExportError(
                _("{path} is not empty and holds no coopkb site; choose another folder").format(
                    path=directory
                )
            )
        if not overwrite:
            raise ExportError(
                _("{path} already holds a site (use --overwrite to replace it)").format(
                    path=directory
                )
            )


def _swap(staging: Path, directory: Path) -> None:
    """Put the staged site at ``directory`` in one rename (the old one set aside, then removed)."""
    old = directory.parent / f".{directory.name}.coopkb-old-{os.getpid()}"
    if directory.exists():
        os.replace(directory, old)
    try:
        os.replace(staging, directory)
    except OSError:
        if old.exists():
            os.replace(old, directory)
        raise
    shutil.rmtree(old, ignore_errors=True)
