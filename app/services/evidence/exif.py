"""When and where a photo was taken, from its EXIF (DateTimeOriginal, GPS); Pillow, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, DATETIME = 36867, 306


@dataclass(frozen=True)
class PhotoFacts:
    taken_at: datetime | None
    lat: float | None
    lon: float | None
    width: int
    height: int


def _degrees(dms: Iterable[float], ref: str) -> float:
    d, m, s = (float(v) for v in dms)
    value = d + m / 60 + s / 3600
    return -value if ref in ("S", "W") else value


def read_photo(path: Path, tz: str) -> PhotoFacts:
    """EXIF time (camera local time, read in zone ``tz``) and GPS position of a photo.

    Raises ``OSError``/``ValueError`` (Pillow's) when the file is not a readable image.
    """
    from PIL import Image

    with Image.open(path) as img:
        img.verify()
    with Image.open(path) as img:
        exif = img.getexif()
        size = img.size
    stamp = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    taken = None
    if isinstance(stamp, str):
        try:
            taken = datetime.strptime(stamp.strip(), "%Y:%m:%d %H:%M:%S").replace(tzinfo=ZoneInfo(tz))
        except ValueError:
            taken = None
    gps = exif.get_ifd(GPS_IFD)
    lat = lon = None
    try:
        if gps.get(2) and gps.get(4):
            lat = _degrees(gps[2], str(gps.get(1, "N")))
            lon = _degrees(gps[4], str(gps.get(3, "E")))
    except (TypeError, ValueError, ZeroDivisionError):
        lat = lon = None
    return PhotoFacts(taken, lat, lon, size[0], size[1])


def exif_bytes(taken_at: datetime, lat: float, lon: float) -> bytes:
    """EXIF with DateTimeOriginal (local time of ``taken_at``) and GPS (demo and test photos)."""
    from PIL import Image

    def dms(value: float) -> tuple[float, float, float]:
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = round(((value - d) * 60 - m) * 60, 4)
        return (float(d), float(m), float(s))

    exif = Image.Exif()
    stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
    exif[DATETIME] = stamp
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = stamp
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = ("N" if lat >= 0 else "S"), dms(lat)
    gps[3], gps[4] = ("E" if lon >= 0 else "W"), dms(lon)
    return exif.tobytes()
