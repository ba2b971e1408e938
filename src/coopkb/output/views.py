"""Query results shaped for display: which columns each listing shows, and its count line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..figures import figure_text
from ..i18n import _, ngettext
from ..labels import field_label, kind_label
from .dates import short_period
from .tables import TableView

Row = dict[str, Any]


def count_line(count: int, singular: str, plural: str) -> str:
    """ "2 cooperatives" / « 2 coopératives » (``singular`` and ``plural`` hold ``{count}``)."""
    return ngettext(singular, plural, count).format(count=count)


def cooperatives_view(found: list[Row], names: dict[str, str] | None = None) -> TableView:
    """The cooperatives, a line each; under them, how many belong to each project, by its
    name and slug (``names``: slug → name): « lesquelles sont du projet » needed a
    `--project` nobody knew to type."""
    rows = [
        {
            **c,
            "kind": c.get("legal_category") or "",
            "place": "\n".join(
                p for p in (c.get("municipality"), c.get("mrc"), c.get("region")) if p
            ),
            # a category the source gives only in its words (« coop de travailleurs ») says so
            "kind_model": "\n".join(
                p
                for p in (
                    c.get("legal_category")
                    or (
                        _("{kind} (as the source words it)").format(kind=c["source_kind"])
                        if c.get("source_kind")
                        else None
                    ),
                    c.get("model"),
                )
                if p
            ),
        }
        for c in found
    ]
    columns = [
        ("slug", _("slug")),
        ("name", _("name")),
        ("place", _("municipality · MRC · region")),
        ("kind_model", _("kind · model")),
    ]
    footer = count_line(len(found), "{count} cooperative", "{count} cooperatives")
    projects: dict[str, int] = {}
    for cooperative in found:
        if isinstance(cooperative.get("project"), str):
            projects[cooperative["project"]] = projects.get(cooperative["project"], 0) + 1
    if projects and names is not None:
        without = len(found) - sum(projects.values())
        footer = "\n".join(
            [
                footer,
                _("By project:"),
                *(
                    _("{name} [{slug}]: {count}").format(
                        name=names.get(slug, slug), slug=slug, count=count
                    )
                    for slug, count in sorted(projects.items(), key=lambda p: -p[1])
                ),
                *([_("no project named: {count}").format(count=without)] if without else []),
            ]
        )
    return TableView(_("Cooperatives"), columns, rows, found, footer, kind="cooperative")


def missions_view(found: list[Row], names: dict[str, str] | None = None) -> TableView:
    """The missions, a line each: when, where, how many went and met; under them, the events
    each attended by name (``names``: slug → name; « à quel grand événement » needed a
    `show`)."""
    names = names or {}
    rows = [
        {
            **m,
            "dates": short_period(m.get("start"), m.get("end")),
            # the size the source gives; else how many members it names (mission 3: « 4 … et
            # 2 … », six names, no total written)
            "size": m["delegation_size"]
            if m.get("delegation_size") is not None
            else len(m.get("delegation") or []) or "",
            # none named is no "0 met" (mission 4 had not taken place): left blank, unknown
            "met": len(m.get("visits") or []) or "",
        }
        for m in found
    ]
    columns = [
        ("number", "#"),
        ("slug", _("slug")),
        ("dates", _("dates")),
        ("destination", _("destination")),
        ("size", _("delegation")),
        ("met", _("met")),
    ]
    footer = count_line(len(found), "{count} mission", "{count} missions")
    # the events by name under the table: a column of their own left 10 characters at 80
    attended = [
        _("Mission {number}: {events}").format(
            number=m.get("number"), events="; ".join(names.get(e, e) for e in m["events"])
        )
        for m in found
        if m.get("events")
    ]
    if attended:
        footer = "\n".join([footer, _("Events attended:"), *attended])
    return TableView(_("Missions"), columns, rows, found, footer, kind="mission")


def members_view(found: list[Row], grouped: bool) -> TableView:
    """Members under their sector's heading in a table; a sector column elsewhere."""
    columns = [("slug", _("slug")), ("name", _("name")), ("body_kind", _("kind"))]
    groups: dict[str, list[Row]] = {}
    for member in found:
        groups.setdefault(member["sector_group"], []).append(member)
    if not grouped:
        columns = [("sector_group", _("sector")), *columns]
    return TableView(
        _("CQCM members by sector"),
        columns,
        found,
        found,
        count_line(len(found), "{count} member", "{count} members"),
        groups=list(groups.items()) if grouped else None,
        kind="member",
    )


def people_view(
    found: list[Row], names: dict[str, str], missions: dict[str, list[Row]]
) -> TableView:
    rows = []
    for person in found:
        roles = [
            " — ".join(
                p for p in (a.get("role"), names.get(a["organisation"], a["organisation"])) if p
            )
            for a in person["affiliations"]
        ]
        went = [
            f"{m['number']} ({short_period(m.get('start'), m.get('end'))})"
            for m in missions.get(person["slug"], [])
        ]
        rows.append({**person, "roles": "\n".join(roles), "missions": ", ".join(went)})
    columns = [
        ("slug", _("slug")),
        ("name", _("name")),
        ("roles", _("role — organisation")),
        ("missions", _("missions")),
    ]
    footer = count_line(len(found), "{count} person", "{count} people")
    return TableView(_("People"), columns, rows, found, footer, kind="person")


def organisations_view(found: list[Row]) -> TableView:
    rows = [
        {
            **o,
            "place": "\n".join(
                p
                for p in (
                    o.get("municipality") or o.get("locality"),
                    o.get("region"),
                    o.get("country"),
                )
                if p
            ),
        }
        for o in found
    ]
    columns = [("slug", _("slug")), ("name", _("name")), ("kind", _("kind")), ("place", _("place"))]
    footer = count_line(len(found), "{count} organisation", "{count} organisations")
    return TableView(_("Organisations"), columns, rows, found, footer, kind="organisation")


def events_view(found: list[Row]) -> TableView:
    rows = [
        {
            **e,
            "dates": short_period(e.get("start"), e.get("end")),
            "place": e.get("municipality") or e.get("locality") or e.get("country") or "",
            "how_many": figure_text(e["participants"]) if e.get("participants") else "",
        }
        for e in found
    ]
    columns = [
        ("slug", _("slug")),
        ("name", _("name")),
        ("dates", _("dates")),
        ("place", _("place")),
        ("how_many", _("participants")),
    ]
    footer = count_line(len(found), "{count} event", "{count} events")
    return TableView(_("Events"), columns, rows, found, footer, kind="event")


def programmes_view(found: list[Row]) -> TableView:
    rows = [
        {
            **p,
            "period": short_period(p.get("start"), p.get("end")),
            "key_figures": "\n".join(figure_text(f) for f in p.get("figures") or []),
        }
        for p in found
    ]
    columns = [
        ("slug", _("slug")),
        ("name", _("name")),
        ("period", _("period")),
        ("funder", _("funder")),
        ("key_figures", _("key figures")),
    ]
    footer = count_line(len(found), "{count} programme", "{count} programmes")
    return TableView(_("Programmes"), columns, rows, found, footer, kind="programme")


def roadmaps_view(found: list[Row]) -> TableView:
    rows = [
        {
            **r,
            # a lever the source numbers is « 2. … »; one it only lists in order is « • … »
            # each lever with its actions under it: what a roadmap proposes is in its actions
            "levers_text": "\n".join(
                line
                for i in r["levers"]
                for line in (
                    f"{i['number']}. {i['name']}" if i.get("number") else f"• {i['name']}",
                    *(f"  – {action}" for action in i.get("actions") or []),
                )
            ),
        }
        for r in found
    ]
    columns = [
        ("slug", _("slug")),
        ("name", _("name")),
        ("date", _("date")),
        ("levers_text", _("levers and actions")),
    ]
    footer = count_line(len(found), "{count} roadmap", "{count} roadmaps")
    return TableView(_("Roadmaps"), columns, rows, found, footer, kind="roadmap")


def search_view(
    hits: Sequence[Any], text: str, partial: Any = None, fixed: dict[str, str] | None = None
) -> TableView:
    """The hits of a search; ``partial`` (a ``query.search.Closest``) when no record held every
    word typed and these hold the most of the words that tell what is asked; ``fixed`` when
    words no record holds were read as the base's words closest to them."""
    records = [h.as_dict() for h in hits]
    rows = [
        {
            **r,
            # where it stands, beside its name: « coop de santé » needed no `show` for its town
            "name": f"{r['name']} — {r['place']}" if r.get("place") else r["name"],
            "kind_label": kind_label(r["kind"]),
            "match": _("{where}: {match}").format(
                where=_path_label(r["field"]), match=r["snippet"]
            ),
        }
        for r in records
    ]
    columns = [
        ("kind_label", _("kind")),
        ("slug", _("slug")),
        ("name", _("name")),
        ("match", _("where: match")),
    ]
    footer = count_line(len(hits), "{count} match", "{count} matches")
    if partial is not None and hits and partial.found == partial.words:
        footer = ngettext(
            "{count} match for the words that tell what is asked: {words}.",
            "{count} matches for the words that tell what is asked: {words}.",
            len(hits),
        ).format(count=len(hits), words=", ".join(partial.telling.split()))
    elif partial is not None and hits:
        footer = ngettext(
            'No record holds every word of "{words}"; {count} holds {found} of them.',
            'No record holds every word of "{words}"; {count} hold {found} of them.',
            len(hits),
        ).format(count=len(hits), found=partial.found, words=partial.telling)
    if fixed and hits:
        from ..matching import quote

        said = " ".join(
            _("No record holds {typed}: searched for {word} instead.").format(
                typed=quote(typed), word=quote(word)
            )
            for typed, word in fixed.items()
        )
        footer = said + (" " + footer if footer else "")
    return TableView(_("Search: {text}").format(text=text), columns, rows, records, footer)


def _path_label(path: str) -> str:
    """A field path as people read it: "collective_action_models.description" → its labels."""
    return " › ".join(field_label(part) for part in path.split("."))


def timeline_view(entries: Sequence[Any]) -> TableView:
    records = [e.as_dict() for e in entries]
    rows = [{**r, "kind_label": kind_label(r["kind"])} for r in records]
    columns = [("when", _("date")), ("what", _("what happened")), ("slug", _("slug"))]
    footer = count_line(len(entries), "{count} dated fact", "{count} dated facts")
    return TableView(_("Timeline"), columns, rows, records, footer)


def values_view(field: str, counts: list[tuple[str, int]]) -> TableView:
    records = [{"value": value, "count": count} for value, count in counts]
    columns = [("value", _("value")), ("count", _("records"))]
    footer = count_line(len(counts), "{count} value", "{count} values")
    return TableView(_("Values of {field}").format(field=field), columns, records, records, footer)
