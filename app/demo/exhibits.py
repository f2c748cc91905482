"""Small non-video exhibits for the demo, made on the fly (milliseconds): scene and trace photos
with EXIF time and GPS, a witness statement, a hospital document, the 110 call recording, and the
georeferenced plan of the Tianqiao Street area (the map's fallback basemap)."""

from __future__ import annotations

import io
import math
import wave
from datetime import datetime
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.config import RESOURCES_DIR
from app.services.evidence.exif import exif_bytes

FONT = RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
# The plan covers this WGS-84 box; pixel (0, 0) is its north-west corner.
PLAN_BOX = (27.8870, 113.1500, 27.8590, 113.1660)   # north, west, south, east
PLAN_SIZE = (900, 1400)
ROADS = (  # name, (lat, lon) polyline
    ("天桥街", ((27.8870, 113.1538), (27.8850, 113.1545), (27.8790, 113.1561),
                (27.8735, 113.1574), (27.8655, 113.1590), (27.8610, 113.1610),
                (27.8590, 113.1616))),
    ("报亭路", ((27.8850, 113.1500), (27.8850, 113.1545), (27.8858, 113.1660))),
    ("建设路", ((27.8738, 113.1500), (27.8735, 113.1574), (27.8731, 113.1660))),
    ("和平路", ((27.8632, 113.1500), (27.8632, 113.1600), (27.8640, 113.1660))),
)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size, index=0)


def plan_pixel(lat: float, lon: float) -> tuple[float, float]:
    north, west, south, east = PLAN_BOX
    w, h = PLAN_SIZE
    return (lon - west) / (east - west) * w, (north - lat) / (north - south) * h


def plan_points() -> list[list[float]]:
    """Two reference points [[px, py, lat, lon], ...] placing the plan (its corners)."""
    north, west, south, east = PLAN_BOX
    w, h = PLAN_SIZE
    return [[0.0, 0.0, north, west], [float(w), float(h), south, east]]


def plan_png() -> bytes:
    img = Image.new("RGB", PLAN_SIZE, (238, 236, 228))
    draw = ImageDraw.Draw(img)
    for x in range(0, PLAN_SIZE[0], 60):                     # blocks of buildings
        for y in range(0, PLAN_SIZE[1], 70):
            draw.rectangle((x + 8, y + 8, x + 50, y + 58), fill=(226, 222, 212))
    draw.ellipse((40, 640, 260, 820), fill=(200, 222, 200))   # a park
    font = _font(22)
    for name, line in ROADS:
        pts = [plan_pixel(*p) for p in line]
        draw.line(pts, fill=(255, 255, 255), width=26, joint="curve")
        draw.line(pts, fill=(200, 196, 184), width=2)
        (x0, y0), (x1, y1) = pts[1], pts[2]
        draw.text(((x0 + x1) / 2 + 16, (y0 + y1) / 2), name, fill=(90, 90, 90), font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def photo(path: Path, taken: datetime, lat: float, lon: float, caption: str,
          stain: bool = False, fragments: bool = False) -> Path:
    """A dark roadside photo (a blood stain, or plastic fragments) with EXIF time and GPS."""
    rng = np.random.default_rng(len(caption))
    arr = (rng.normal(48, 6, (360, 480, 3))).clip(0, 255).astype(np.uint8)
    img = Image.fromarray(arr)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 250, 480, 262), fill=(150, 150, 140))            # kerb
    if stain:
        draw.ellipse((170, 150, 300, 215), fill=(70, 8, 10))
        draw.ellipse((280, 190, 320, 210), fill=(80, 10, 12))
    if fragments:
        for i in range(7):
            x, y = 120 + 40 * i, 160 + int(25 * math.sin(i))
            draw.polygon(((x, y), (x + 22, y + 6), (x + 8, y + 18)), fill=(205, 205, 210))
    draw.rectangle((360, 200, 440, 214), fill=(230, 200, 40))           # evidence marker
    draw.text((12, 12), caption, fill=(240, 240, 240), font=_font(20))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=80, exif=exif_bytes(taken, lat, lon))
    return path


def text_file(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def call_recording(path: Path, seconds: float = 2.0) -> Path:
    """A short 8 kHz mono WAV standing in for the 110 call (a ring tone, then noise)."""
    rate = 8000
    t = np.arange(int(rate * seconds)) / rate
    ring = (np.sin(2 * np.pi * 440 * t) * (t < 0.6) * 6000).astype(np.int16)
    noise = (np.random.default_rng(110).normal(0, 500, t.size) * (t >= 0.6)).astype(np.int16)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((ring + noise).tobytes())
    return path
