"""The canvass map as a vector drawing for the PDF: the plan image (cropped to the frame),
task areas, camera wedges coloured by coverage status with their numbers, the vanish gap, the
scene, a scale bar and a north arrow. North is up; positions are WGS-84 (the plan is placed by
its own WGS-84 reference points, so no datum shift applies)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Image, Line, Polygon, Rect, String, Wedge
from reportlab.lib import colors

from app.reports.fonts import register_fonts
from app.reports.investigation_data import CameraRow, InvestigationInfo
from app.services.evidence.routes import haversine_m
from app.services.investigation.geo import LocalProjection

STATUS_COLOURS = {
    "to_ask": colors.HexColor("#d62828"), "asked": colors.HexColor("#f08c00"),
    "collected": colors.HexColor("#1e6edc"), "reviewed": colors.HexColor("#149646"),
    "nothing_relevant": colors.HexColor("#828282"),
}
FIT_RADIUS_M = 2000.0
NICE = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


def _placed(info: InvestigationInfo) -> list[tuple[CameraRow, float, float]]:
    """The cameras that have a position, with it."""
    return [(c, c.lat, c.lon) for c in info.cameras if c.lat is not None and c.lon is not None]


def _frame(info: InvestigationInfo, proj: LocalProjection) -> tuple[float, float, float, float]:
    """The drawn area in metres around the scene (``proj``'s origin): near cameras, task areas."""
    pts = [proj(la, lo) for _c, la, lo in _placed(info)
           if haversine_m(proj.lat0, proj.lon0, la, lo) <= FIT_RADIUS_M]
    pts += [proj(la, lo) for t in info.tasks for la, lo in t.area]
    pts.append((0.0, 0.0))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    margin = max(max(xs) - min(xs), max(ys) - min(ys), 200.0) * 0.1
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


def _plan(info: InvestigationInfo, proj: LocalProjection, box: tuple[float, float, float, float],
          to_xy: Callable[[float, float], tuple[float, float]]) -> Image | None:
    if not info.plan_png_b64 or len(info.plan_points) != 2:
        return None
    try:
        img = PILImage.open(io.BytesIO(info.plan_image)).convert("RGB")
    except OSError:
        return None
    (px1, py1, la1, lo1), (px2, py2, la2, lo2) = info.plan_points
    (m1x, m1y), (m2x, m2y) = proj(la1, lo1), proj(la2, lo2)
    sx, sy = (m2x - m1x) / (px2 - px1), (m2y - m1y) / (py2 - py1)
    x0, y0, x1, y1 = box
    # the frame in image pixels, clipped to the image
    left = max(0, int((x0 - m1x) / sx + px1))
    right = min(img.width, int((x1 - m1x) / sx + px1) + 1)
    top = max(0, int((y0 - m1y) / sy + py1))
    bottom = min(img.height, int((y1 - m1y) / sy + py1) + 1)
    if right - left < 2 or bottom - top < 2:
        return None
    crop = img.crop((left, top, right, bottom))
    ax, ay = to_xy(m1x + sx * (left - px1), m1y + sy * (top - py1))
    bx, by = to_xy(m1x + sx * (right - px1), m1y + sy * (bottom - py1))
    return Image(ax, by, bx - ax, ay - by, crop)


def map_drawing(info: InvestigationInfo, width: float, height: float,
                labels: dict[str, str]) -> Drawing | None:
    """The map, or None without a scene position."""
    if info.scene_lat is None or info.scene_lon is None:
        return None
    font = register_fonts()
    proj = LocalProjection(info.scene_lat, info.scene_lon)
    x0, y0, x1, y1 = _frame(info, proj)
    scale = min(width / (x1 - x0), height / (y1 - y0))   # points per metre
    w, h = (x1 - x0) * scale, (y1 - y0) * scale

    def to_xy(mx: float, my: float) -> tuple[float, float]:
        return (mx - x0) * scale, h - (my - y0) * scale

    d = Drawing(w, h)
    d.add(Rect(0, 0, w, h, fillColor=colors.HexColor("#eceee8"), strokeColor=None))
    plan = _plan(info, proj, (x0, y0, x1, y1), to_xy)
    if plan is not None:
        d.add(plan)
    for t in info.tasks:
        if len(t.area) >= 3:
            pts = [c for la, lo in t.area for c in to_xy(*proj(la, lo))]
            d.add(Polygon(pts, fillColor=colors.Color(0.1, 0.6, 0.3, alpha=0.18),
                          strokeColor=colors.HexColor("#149646"), strokeDashArray=[2, 2]))
    where = {c.code: to_xy(*proj(la, lo)) for c, la, lo in _placed(info)}
    for g in info.gaps:
        if g.from_code in where and g.to_code in where:
            (ax, ay), (bx, by) = where[g.from_code], where[g.to_code]
            d.add(Line(ax, ay, bx, by, strokeColor=colors.HexColor("#c80078"), strokeWidth=2,
                       strokeDashArray=[4, 3]))
    radius = max(8.0, min(w, h) * 0.045)
    for c in info.cameras:
        if c.code not in where:
            continue
        cx, cy = where[c.code]
        if not (0 <= cx <= w and 0 <= cy <= h):
            continue
        colour = STATUS_COLOURS.get(c.status, colors.grey)
        if c.facing_deg is not None:
            fov = c.fov_deg or 60.0
            start = 90.0 - c.facing_deg - fov / 2   # ReportLab: 0° = east, counter-clockwise
            d.add(Wedge(cx, cy, radius, start, start + fov, fillColor=colors.Color(
                colour.red, colour.green, colour.blue, alpha=0.35), strokeColor=colour,
                strokeWidth=0.6))
        d.add(Rect(cx - 2.5, cy - 2.5, 5, 5, fillColor=colour, strokeColor=colors.white,
                   strokeWidth=0.5))
        d.add(String(cx + 4, cy + 3, c.code, fontName=font, fontSize=6, fillColor=colour))
    sx, sy = to_xy(0.0, 0.0)
    d.add(Polygon([sx, sy + 6, sx + 5, sy - 4, sx - 5, sy - 4], fillColor=colors.red,
                  strokeColor=colors.white, strokeWidth=0.5))
    d.add(String(sx + 7, sy - 3, labels.get("scene", ""), fontName=font, fontSize=7,
                 fillColor=colors.HexColor("#aa0000")))
    metres = next((n for n in NICE if n * scale >= 50), NICE[-1])
    d.add(Rect(4, 4, metres * scale + 40, 16, fillColor=colors.white, strokeColor=colors.black,
               strokeWidth=0.5))
    d.add(Line(8, 9, 8 + metres * scale, 9, strokeWidth=1.5))
    d.add(String(12 + metres * scale, 7, f"{metres / 1000:g} km" if metres >= 1000
                 else f"{metres} m", fontName=font, fontSize=7))
    ax, ay = w - 14, h - 26
    d.add(Polygon([ax, ay + 16, ax - 5, ay, ax + 5, ay], fillColor=colors.black))
    d.add(String(ax - 3, ay - 9, "N", fontName=font, fontSize=8))
    legend_x = 6
    for code, colour in STATUS_COLOURS.items():
        d.add(Rect(legend_x, h - 12, 6, 6, fillColor=colour, strokeColor=None))
        text = labels.get(code, code)
        d.add(String(legend_x + 8, h - 11.5, text, fontName=font, fontSize=6.5))
        legend_x += 14 + 7 * len(text)
    return d if not math.isnan(w) else None
