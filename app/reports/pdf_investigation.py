"""Case-summary sections of the investigation around the CCTV: the merged timeline, the
canvass map with the cameras' coverage and deadlines, the search/canvass tasks and the
non-video evidence with its SHA-256 hashes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.i18n import _
from app.reports.case_data import CaseReportData
from app.reports.labels import fmt_dt, label
from app.reports.map_drawing import map_drawing
from app.reports.pdf_style import FRAME_WIDTH, Styles, grid, kv_table, para

SOURCES = ("event", "mark", "task", "evidence", "canvass", "request", "custody")


def _source_labels() -> dict[str, str]:
    return {"event": _("Event"), "mark": _("CCTV sighting"), "task": _("Task"),
            "evidence": _("Other evidence"), "canvass": _("Canvass"), "request": _("Letter"),
            "custody": _("Custody")}


def _empty(st: Styles) -> list[Flowable]:
    return [para("", st.body)]


def story(data: CaseReportData, st: Styles) -> list[Flowable]:
    inv = data.investigation
    if inv is None or not inv.story:
        return _empty(st)
    names = _source_labels()
    rows: list[list[object]] = [[fmt_dt(r.at, data.case.tz, seconds=True), names.get(r.source, r.source),
             r.title + (f"\n{r.detail}" if r.detail and r.source != "mark" else "")]
            for r in inv.story]
    return [grid([_("Time"), _("Source"), _("What")], rows, [1.9, 1.1, 7], st)]


def canvass(data: CaseReportData, st: Styles) -> list[Flowable]:
    inv = data.investigation
    if inv is None or not inv.cameras:
        return _empty(st)
    tz = data.case.tz
    labels = {code: label("coverage", code) for code in
              ("to_ask", "asked", "collected", "reviewed", "nothing_relevant")}
    out: list[Flowable] = []
    drawing = map_drawing(inv, FRAME_WIDTH, 120 * mm, labels | {"scene": _("Scene")})
    if drawing is not None:
        out += [drawing, para(_("Cameras coloured by coverage status; wedges show facing and "
                                "field of view; dashed: where a vehicle vanished."), st.caption)]
    for g in inv.gaps:
        out.append(para(_("Vanished between {a} (last seen {at}) and {b}, {m:.0f} m apart: the "
                          "area to search.", a=g.from_code, b=g.to_code, m=g.distance_m,
                          at=fmt_dt(g.last_seen_at, tz, seconds=True)), st.body))
    rows: list[list[object]] = [[c.code, c.name, c.owner, c.contact, label("coverage", c.status),
             "" if c.retention_days is None else _("{n} days", n=c.retention_days),
             fmt_dt(c.lost_at, tz) if c.lost_at else ""] for c in inv.cameras]
    out.append(grid([_("Camera"), _("Name"), _("Owner"), _("Contact"), _("Coverage"),
                     _("Retention"), _("Footage lost")], rows, [1.3, 2, 1.8, 1.8, 1.1, 0.8, 1.6],
                    st))
    return out


def tasks(data: CaseReportData, st: Styles) -> list[Flowable]:
    inv = data.investigation
    if inv is None or not inv.tasks:
        return _empty(st)
    tz = data.case.tz
    rows: list[list[object]] = []
    for t in inv.tasks:
        where = t.where or (_("area of {n} corners", n=len(t.area)) if t.area else "")
        what = "\n".join(x for x in (t.title, where, _("Because: {w}", w=t.trigger)
                                     if t.trigger else "") if x)
        found = "\n".join(x for x in (t.result, _("Found: {w}", w=t.found) if t.found else "")
                          if x)
        when = " – ".join(fmt_dt(x, tz) for x in (t.started_at, t.finished_at) if x)
        rows.append([label("task_kind", t.kind), what, t.assignee, label("task_status", t.status),
                     when, found])
    return [grid([_("Kind"), _("Task"), _("Officer"), _("Status"), _("When"), _("Result")],
                 rows, [1, 3, 0.9, 0.9, 1.8, 3], st)]


def other_evidence(data: CaseReportData, st: Styles) -> list[Flowable]:
    inv = data.investigation
    if inv is None or not inv.exhibits:
        return _empty(st)
    tz = data.case.tz
    out: list[Flowable] = []
    for x in inv.exhibits:
        out.append(para(f"#{x.id} {label('evidence_kind', x.kind)}：{x.original_name}", st.h2))
        rows: list[tuple[str, object]] = [("SHA-256", x.sha256), (_("Size"), _("{size} bytes", size=f"{x.size:,}")),
                (_("Taken / given at"), fmt_dt(x.taken_at, tz)),
                (_("Position (WGS-84)"), f"{x.lat:.6f}, {x.lon:.6f}" if x.lat is not None
                 else None)]
        rows += [(k, v) for k, v in ((_("Place"), x.place), (_("Witness / given by"), x.person),
                                     (_("Officer"), x.officer), (_("What it is"), x.description),
                                     (_("Statement"), x.text)) if v]
        out += [kv_table(rows, st), Spacer(1, 4)]
    return out


BUILDERS = {"story": story, "canvass": canvass, "tasks": tasks,
            "other_evidence": other_evidence}
