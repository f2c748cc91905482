"""The sections of the case summary, each a list of ReportLab flowables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Paragraph, Spacer

from app.i18n import _
from app.reports.case_data import (
    CaseReportData,
    Change,
    CustodyInfo,
    KeyFrame,
    PersonInfo,
    VehicleInfo,
)
from app.reports.fonts import register_fonts
from app.reports.frames import RenderedFrame
from app.reports.labels import fmt_dt, label, unrecorded
from app.reports.pdf_extras import route_map, signatures
from app.reports.pdf_investigation import BUILDERS
from app.reports.pdf_style import FRAME_WIDTH, WARN, Styles, chunks, grid, kv_table, para
from app.reports.record_rows import Row, record_rows
from app.reports.recordings import frame_range
from app.services.casefile.dto import CaseInput, PersonInput, VehicleInput
from app.services.casefile.fields import history_label
from app.services.common.anchors import Anchor

MAX_NARRATIVE = 100_000  # characters printed (text layout costs ~30 µs per character)
SECTIONS = ("facts", "persons", "vehicles", "meetings", "timeline", "story", "canvass", "tasks",
            "other_evidence", "key_frames", "routes", "evidence")


def section_titles() -> dict[str, str]:
    return {
        "facts": _("Facts and narrative"), "persons": _("Persons"), "vehicles": _("Vehicles"),
        "meetings": _("Case-analysis meetings and lines of inquiry"),
        "timeline": _("Timeline: observations, inferences, actions"),
        "key_frames": _("Key observations"), "routes": _("Route"),
        "evidence": _("Evidence and chain of custody"),
        "story": _("One timeline: events, CCTV sightings, tasks, evidence, custody"),
        "canvass": _("Canvass map and camera collection"), "tasks": _("Search and canvass tasks"),
        "other_evidence": _("Photos, documents, statements, traces and audio"),
    }


def cover(data: CaseReportData, st: Styles, anonymized: bool) -> list[Flowable]:
    c = data.case
    tz = c.tz
    out: list[Flowable] = [Spacer(1, 30), para(_("Hit-and-run case summary"), st.title),
                           para(c.case_no, st.subtitle), para(c.title, st.subtitle)]
    if anonymized:
        out.append(Paragraph(_("ANONYMIZED copy for circulation: persons and plates are "
                               "replaced."), st.warning))
    if c.is_training:
        out.append(Paragraph(_("Training case (read-only copy)."), st.warning))
    out.append(kv_table([
        (_("Case number"), c.case_no), (_("Title"), c.title),
        (_("Status"), label("status", c.status)),
        (_("Occurred at"), fmt_dt(c.occurred_at, tz)),
        (_("Reported at"), fmt_dt(c.reported_at, tz)),
        (_("Solved at"), fmt_dt(c.solved_at, tz)), (_("Closed at"), fmt_dt(c.closed_at, tz)),
        (_("Lead officer"), c.lead_officer), (_("Squad"), c.squad),
        (_("Place"), c.address or " ".join(x for x in (c.district, c.road) if x)),
    ], st))
    if data.status_changes:
        out += [para(_("Status history"), st.h2), grid(
            [_("Time"), _("From"), _("To"), _("By"), _("Reason")],
            [[fmt_dt(s.at, tz), label("status", s.from_status) if s.from_status else "—",
              label("status", s.to_status), s.by, s.reason] for s in data.status_changes],
            [2.2, 1.6, 1.6, 1.4, 4], st)]
    return out


_CODED = {("person", "role"): "person_role", ("vehicle", "role"): "vehicle_role",
          ("vehicle", "kind"): "vehicle_kind", ("case", "status"): "status"}


def _value(entity: str, field: str, value: str | None, tz: str) -> str:
    """A history value as a reader wants it: labels for codes, yes/no, local times."""
    if value is None or value == "":
        return "—"
    if value in ("true", "false"):
        return _("Yes") if value == "true" else _("No")
    if (entity, field) in _CODED:
        return label(_CODED[(entity, field)], value)
    if field.endswith("_at"):
        try:
            return fmt_dt(datetime.fromisoformat(value), tz)
        except ValueError:
            return value
    return value


def _history(history: tuple[Change, ...], tz: str, st: Styles, entity: str) -> list[Flowable]:
    if not history:
        return []
    return [Spacer(1, 2), para(_("History of this record"), st.small), grid(
        [_("Known at"), _("Field"), _("Before"), _("After"), _("By"), _("Reason")],
        [[fmt_dt(h.known_at, tz), history_label(h.field),
          _value(entity, h.field, h.old, tz), _value(entity, h.field, h.new, tz), h.by,
          h.reason] for h in history], [2, 1.3, 2, 2, 1.2, 2.5], st)]


def facts(data: CaseReportData, st: Styles) -> list[Flowable]:
    c = data.case
    out: list[Flowable] = [kv_table(record_rows(CaseInput, c, c.tz), st),
                           para(_("Narrative"), st.h2)]
    shown = c.narrative[:MAX_NARRATIVE]
    out += [para(p, st.body) for p in (chunks(shown) if shown.strip() else [""])]
    if len(c.narrative) > MAX_NARRATIVE:
        out.append(para(_("The narrative has {n} characters; this report prints the first {shown}. "
                          "The full text is in the case file.", n=len(c.narrative),
                          shown=MAX_NARRATIVE), st.warning))
    return out + _history(data.case_history, c.tz, st, "case")


def _person_rows(tz: str) -> dict[str, Callable[[PersonInfo], Row] | None]:
    """The person fields the PDF prints two to a row."""
    return {
        "identified": lambda p: (_("Identified"), fmt_dt(p.identified_at, tz) if p.identified
                                 else _("Not yet")),
        "identified_at": None,
        "gender": lambda p: (_("Gender / age"),
                             " / ".join(x for x in (p.gender, str(p.age or "")) if x)),
        "age": None,
    }


def persons(data: CaseReportData, st: Styles) -> list[Flowable]:
    if not data.persons:
        return [para("", st.body)]
    out: list[Flowable] = []
    shown = _person_rows(data.case.tz)
    for p in data.persons:
        name = p.name or _("Unidentified")
        out.append(para(f"{label('person_role', p.role)}：{name}", st.h2))
        out.append(kv_table(record_rows(PersonInput, p, data.case.tz, shown), st))
        out += _history(p.history, data.case.tz, st, "person")
    return out


def _plate(v: VehicleInfo) -> str:
    return _("Unlicensed") if v.unlicensed and not v.plate else (v.plate or unrecorded())


def vehicles(data: CaseReportData, st: Styles) -> list[Flowable]:
    if not data.vehicles:
        return [para("", st.body)]
    out: list[Flowable] = []
    shown: dict[str, Callable[[VehicleInfo], Row] | None] = {
        "plate": lambda v: (_("Plate"), _plate(v)), "unlicensed": None}
    for v in data.vehicles:
        plate = _plate(v)
        out.append(para(f"{label('vehicle_role', v.role)}：{v.colour}"
                        f"{label('vehicle_kind', v.kind)}（{plate}）", st.h2))
        out.append(kv_table(record_rows(VehicleInput, v, data.case.tz, shown), st))
        out += _history(v.history, data.case.tz, st, "vehicle")
    return out


def meetings(data: CaseReportData, st: Styles) -> list[Flowable]:
    tz = data.case.tz
    out: list[Flowable] = []
    for m in data.meetings:
        out.append(para(_("Meeting of {time}", time=fmt_dt(m.held_at, tz)), st.h2))
        out.append(kv_table([(_("Place"), m.location), (_("Chair"), m.chair),
                             (_("Attendees"), m.attendees.replace("\n", "、")),
                             (_("Decisions"), m.decisions)], st))
    if data.inquiries:
        out += [para(_("Lines of inquiry"), st.h2), grid(
            [_("Team"), _("Objective"), _("Members"), _("Status"), _("Findings")],
            [[i.team, i.objective, i.members.replace("\n", "、"),
              label("inquiry_status", i.status), i.findings] for i in data.inquiries],
            [1.2, 2.6, 1.6, 1, 3.6], st)]
    return out or [para("", st.body)]


def timeline(data: CaseReportData, st: Styles) -> list[Flowable]:
    if not data.events:
        return [para("", st.body)]
    rows = []
    for e in data.events:
        refs = []
        if e.basis_ids:
            refs.append(_("rests on") + " " + ", ".join(f"E{i}" for i in e.basis_ids))
        if e.observation_ids:
            refs.append(_("observations") + " " + ", ".join(f"O{i}" for i in e.observation_ids))
        detail = "\n".join(x for x in (e.title, e.detail, e.location, "；".join(refs)) if x)
        rows.append([f"E{e.id}", fmt_dt(e.occurred_at, data.case.tz),
                     label("event_kind", e.kind), detail, e.team or "—"])
    return [grid([_("No."), _("Time"), _("Kind"), _("What"), _("Team")], rows,
                 [0.6, 1.7, 1.2, 5.2, 1], st)]


class Placeholder(Flowable):
    """A clearly marked box standing in for a frame that could not be shown."""

    def __init__(self, width: float, height: float, message: str):
        super().__init__()
        self.width, self.height, self.message = width, height, message

    def draw(self) -> None:
        font = register_fonts()
        d = Drawing(self.width, self.height)
        d.add(Rect(0, 0, self.width, self.height, fillColor=colors.HexColor("#f3f3f3"),
                   strokeColor=WARN, strokeWidth=2))
        d.add(Line(0, 0, self.width, self.height, strokeColor=WARN, strokeWidth=1))
        d.add(Line(0, self.height, self.width, 0, strokeColor=WARN, strokeWidth=1))
        d.add(String(self.width / 2, self.height / 2 + 6, self.message, fontName=font,
                     fontSize=16, fillColor=WARN, textAnchor="middle"))
        d.drawOn(self.canv, 0, 0)


def _caption(kf: KeyFrame, rf: RenderedFrame, tz: str) -> str:
    parts = [f"O{kf.observation_id}", kf.camera or _("Camera not recorded"),
             _("corrected time {time}", time=fmt_dt(kf.wall_time, tz, seconds=True)),
             _("frame {index} (pts {pts:.3f} s)", index=kf.frame_index, pts=kf.pts_s),
             f"SHA-256 {kf.sha256[:16]}…"]
    if rf.enhancement:
        parts.append(_("enhanced: {filters}", filters=rf.enhancement))
    text = " · ".join(parts)
    return text + (f"\n{kf.note}" if kf.note else "")


def key_frames(data: CaseReportData, frames: dict[int, RenderedFrame],
               st: Styles) -> list[Flowable]:
    if not data.key_frames:
        return [para("", st.body)]
    out: list[Flowable] = []
    if data.observation_count > len(data.key_frames):
        out.append(para(_("{shown} of {total} observations shown (those tagged key first).",
                          shown=len(data.key_frames), total=data.observation_count), st.small))
    max_h = 95 * 2.83465  # 95 mm
    for kf in data.key_frames:
        rf = frames[kf.observation_id]
        if rf.placeholder:
            pic: Flowable = Placeholder(FRAME_WIDTH, 60 * 2.83465,
                                        _("EVIDENCE FILE UNAVAILABLE — placeholder"))
            note = Paragraph(escape(rf.warning), st.warning)
            out.append(KeepTogether([pic, note, para(_caption(kf, rf, data.case.tz),
                                                     st.caption)]))
            continue
        scale = min(FRAME_WIDTH / rf.width, max_h / rf.height)
        pic = Image(BytesIO(rf.jpeg), width=rf.width * scale, height=rf.height * scale)
        out.append(KeepTogether([pic, para(_caption(kf, rf, data.case.tz), st.caption)]))
    return out


def _num(value: float | None, fmt: str) -> str:
    return "—" if value is None else format(value, fmt)


def routes(data: CaseReportData, st: Styles) -> list[Flowable]:
    if not data.route:
        return [para("", st.body)]
    rows = [[r.vehicle, f"O{r.observation_id}",
             fmt_dt(r.wall_time, data.case.tz, seconds=True), r.camera,
             _num(r.leg_distance_m, ".0f"), _num(r.elapsed_s, ".1f"), _num(r.speed_kmh, ".1f"),
             r.flag or "✓"] for r in data.route]  # ✓ like the review bench: the leg checks out
    plan = route_map(data)
    return ([plan, Spacer(1, 6)] if plan is not None else []) + [grid(
        [_("Vehicle"), _("No."), _("Corrected time"), _("Camera"), _("Leg (m)"),
         _("Elapsed (s)"), _("Speed (km/h)"), _("Check")],
        rows, [1.6, 0.6, 1.7, 1.7, 1.1, 1.1, 1.2, 1.6], st)]


def evidence(data: CaseReportData, st: Styles) -> list[Flowable]:
    if not data.evidence:
        return [para("", st.body)]
    tz = data.case.tz
    out: list[Flowable] = []
    ordered = sorted(data.evidence, key=lambda e: (e.imported_at, e.id))
    for n, ev in enumerate(ordered, 1):
        out.append(para(_("Exhibit {n}: {name} (evidence #{id})", n=n, name=ev.original_name,
                          id=ev.id), st.h2))
        out.append(kv_table([
            ("SHA-256", ev.sha256), (_("Camera"), ev.camera),
            (_("Size"), _("{size} bytes", size=f"{ev.size:,}")),
            (_("Acquisition"), label("acquisition", ev.acquisition)),
            (_("Imported"), fmt_dt(ev.imported_at, tz)),
            (_("File start (camera clock)"), fmt_dt(ev.start_time, tz, seconds=True)),
            (_("Duration"), f"{ev.duration_s:.1f} s" if ev.duration_s else None),
        ], st))
        if ev.recordings:
            out += [Spacer(1, 4), para(_("Recordings joined in this file"), st.small), grid(
                [_("Recording"), _("Start (camera clock)"), _("Start (corrected)"),
                 _("Frame range")],
                [[str(r.number), fmt_dt(r.camera_start, tz, seconds=True),
                  fmt_dt(r.start, tz, seconds=True), frame_range(r)] for r in ev.recordings],
                [0.8, 2, 2, 1.4], st)]
        if ev.custody:
            out.append(grid([_("Time"), _("Action"), _("By"), _("Detail")],
                            custody_rows(ev.custody, tz), [2, 1.3, 1.3, 5], st))
    return out


def custody_rows(entries: tuple[CustodyInfo, ...], tz: str) -> list[list[str]]:
    """One row per custody event, except that a run of views by the same person on the same
    day becomes one row ("viewed 37 times, 08:02–17:40"): reviewing opens a clip often."""
    rows: list[list[str]] = []
    run: list[CustodyInfo] = []

    def flush() -> None:
        if len(run) == 1:
            c = run[0]
            rows.append([fmt_dt(c.at, tz, seconds=True), label("custody", c.action), c.by,
                         c.detail])
        elif run:
            first, last = run[0], run[-1]
            rows.append([fmt_dt(first.at, tz, seconds=True), label("custody", "view"), first.by,
                         _("viewed {n} times, until {last}", n=len(run),
                           last=fmt_dt(last.at, tz, seconds=True)[11:])])
        run.clear()

    for c in entries:
        same_run = (run and c.action == "view" and run[-1].action == "view"
                    and c.by == run[-1].by
                    and fmt_dt(c.at, tz)[:10] == fmt_dt(run[-1].at, tz)[:10])
        if not same_run:
            flush()
        run.append(c)
    flush()
    return rows


def closing(digest: str, warnings: list[str], st: Styles,
            anchor: Anchor | None = None) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 12)]
    if warnings:
        out.append(para(_("Warnings"), st.h2))
        out += [Paragraph(escape("• " + w), st.warning) for w in warnings]
    out += [para(_("Report digest"), st.h2),
            para(_("SHA-256 of the report content (case data, options and key-frame images):"),
                 st.small), para(digest, st.mono)]
    if anchor is not None:  # the signed audit head, so verify can use this report as an anchor
        out += [para(_("Audit anchor: the audit log had {n} rows ending in the hash below, "
                       "signed by key {key} at {at}.", n=anchor.length, key=anchor.key_id,
                       at=anchor.at), st.small), para(anchor.last_hash, st.mono)]
    return out


def build_story(data: CaseReportData, frames: dict[int, RenderedFrame], sections: tuple[str, ...],
                anonymized: bool, digest: str, warnings: list[str],
                anchor: Anchor | None = None) -> list[Flowable]:
    st = Styles()
    titles = section_titles()
    story = cover(data, st, anonymized)
    builders = {"facts": facts, "persons": persons, "vehicles": vehicles, "meetings": meetings,
                "timeline": timeline, "routes": routes, "evidence": evidence} | BUILDERS
    for n, name in enumerate(s for s in SECTIONS if s in sections):
        story.append(PageBreak() if n == 0 or name in ("key_frames", "evidence", "canvass")
                     else Spacer(1, 10))
        story.append(para(f"{n + 1}. {titles[name]}", st.h1))
        story += (key_frames(data, frames, st) if name == "key_frames"
                  else builders[name](data, st))
    return story + signatures(data, st) + closing(digest, warnings, st, anchor)
