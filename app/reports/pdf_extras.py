"""Case summary parts beyond the tables: the route map and the signature/approval block."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.i18n import _
from app.reports.case_data import CaseReportData, RouteStop
from app.reports.fonts import register_fonts
from app.reports.labels import fmt_dt
from app.reports.pdf_style import FRAME_WIDTH, Styles, grid, kv_table, para

_PALETTE = ("#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309")


def _position(stop: RouteStop) -> tuple[float, float]:
    """(lat, lon) of a stop that has both (callers keep only those)."""
    if stop.lat is None or stop.lon is None:
        raise ValueError(f"route stop {stop.camera} has no position")
    return stop.lat, stop.lon


def _project(stops: list[RouteStop]) -> dict[tuple[float, float], tuple[float, float]]:
    """Camera positions → metres east/north of the first one (flat-earth; a few km)."""
    lat0, lon0 = _position(stops[0])
    k = math.cos(math.radians(lat0))
    return {(la, lo): ((lo - lon0) * 111_320 * k, (la - lat0) * 110_540)
            for la, lo in map(_position, stops)}


def route_map(data: CaseReportData, height: float = 230.0) -> Flowable | None:
    """A plan of the cameras with each vehicle's legs (None when no camera has a position).
    Cameras at the same spot are drawn once with all their labels, so no leg is hidden."""
    placed = [s for s in data.route if s.lat is not None and s.lon is not None]
    if not placed:
        return None
    pos = _project(placed)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 50.0)
    margin = 28.0
    scale = min((FRAME_WIDTH - 2 * margin) / span, (height - 2 * margin) / span)

    def xy(stop: RouteStop) -> tuple[float, float]:
        x, y = pos[_position(stop)]
        return margin + (x - min(xs)) * scale, margin + (y - min(ys)) * scale

    font = register_fonts()
    d = Drawing(FRAME_WIDTH, height)
    vehicles = list(dict.fromkeys(s.vehicle_id for s in placed))
    for n, vid in enumerate(vehicles):
        colour = colors.HexColor(_PALETTE[n % len(_PALETTE)])
        points = [xy(s) for s in placed if s.vehicle_id == vid]
        offset = 3.0 * n  # parallel routes side by side, not on top of each other
        flat = [c + offset for p in points for c in p]
        if len(points) > 1:
            d.add(PolyLine(flat, strokeColor=colour, strokeWidth=1.6))
        first = next(s for s in placed if s.vehicle_id == vid)
        d.add(String(margin, height - 12 - 11 * n, f"— {first.vehicle}", fontName=font,
                     fontSize=8, fillColor=colour))
    labels: dict[tuple[float, float], list[str]] = {}
    for s in placed:
        names = labels.setdefault(xy(s), [])
        if s.camera not in names:
            names.append(s.camera)
    for (x, y), names in labels.items():
        d.add(Circle(x, y, 3.5, fillColor=colors.white, strokeColor=colors.black))
        for i, name in enumerate(names):
            d.add(String(x + 6, y - 3 - 10 * i, name, fontName=font, fontSize=7.5))
    bar = 100 if span < 1500 else 500 if span < 6000 else 2000
    d.add(Line(FRAME_WIDTH - margin - bar * scale, 8, FRAME_WIDTH - margin, 8))
    d.add(String(FRAME_WIDTH - margin, 11, f"{bar} m", fontName=font, fontSize=7,
                 textAnchor="end"))
    d.add(String(FRAME_WIDTH - margin, height - 12, _("North ↑"), fontName=font, fontSize=8,
                 textAnchor="end"))
    return d


def signatures(data: CaseReportData, st: Styles) -> list[Flowable]:
    """Who approved what, as recorded, and lines to sign the printed copy."""
    tz = data.case.tz
    out: list[Flowable] = [para(_("Review and approval"), st.h2)]
    approvals = [a for a in data.approvals if a.kind == "approve_close"]
    if approvals:
        out.append(grid([_("Time"), _("Reviewer"), _("Decision"), _("Comment")],
                        [[fmt_dt(a.at, tz), a.by, _("Closing approved"), a.text]
                         for a in approvals], [2, 1.6, 1.6, 4.8], st))
    else:
        out.append(para(_("No approval of closing is recorded."), st.small))
    line = "_" * 40
    out += [Spacer(1, 8), kv_table([
        (_("Case officer (signature, date)"), line), (_("Reviewer (signature, date)"), line),
        (_("Approved by (signature, date)"), line)], st, key_width=50 * mm)]
    return [KeepTogether(out)]
