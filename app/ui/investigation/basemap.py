"""The map's basemap, configured once per workstation: the squad's own offline tiles — an
MBTiles file or an XYZ tile URL of the police GIS (PGIS) — or, by default, the case's
georeferenced plan image. Tiles in GCJ-02 (most Chinese street maps) are flagged so positions
(stored in WGS-84) are shifted to match them when drawn.

Settings keys (group ``map/``): ``kind`` (plan / mbtiles / xyz), ``mbtiles``, ``xyz_url``
(``{z}``, ``{x}``, ``{y}`` placeholders), ``gcj02`` (bool).
"""

from __future__ import annotations

import sqlite3
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from app.ui.settings import Settings

KINDS = ("plan", "mbtiles", "xyz")


@dataclass(frozen=True)
class BasemapConfig:
    kind: str = "plan"
    mbtiles: str = ""
    xyz_url: str = ""
    gcj02: bool = False

    @property
    def uses_tiles(self) -> bool:
        return (self.kind == "mbtiles" and bool(self.mbtiles)) or \
            (self.kind == "xyz" and bool(self.xyz_url))


def load_config(settings: Settings) -> BasemapConfig:
    kind = settings.value("map/kind", "plan", str)
    return BasemapConfig(kind if kind in KINDS else "plan", settings.value("map/mbtiles", "", str),
                         settings.value("map/xyz_url", "", str),
                         settings.value("map/gcj02", False, bool))


def save_config(settings: Settings, cfg: BasemapConfig) -> None:
    for key, value in (("kind", cfg.kind), ("mbtiles", cfg.mbtiles), ("xyz_url", cfg.xyz_url),
                       ("gcj02", cfg.gcj02)):
        settings.set_value(f"map/{key}", value)


class MBTiles:
    """Read-only tiles of an MBTiles file (rows are TMS: y counted from the south)."""

    def __init__(self, path: str | Path):
        self._con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True,
                                    check_same_thread=False)
        meta = dict(self._con.execute("SELECT name, value FROM metadata").fetchall())
        self.min_zoom = int(meta.get("minzoom", 0))
        self.max_zoom = int(meta.get("maxzoom", 19))

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        row = self._con.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, (1 << z) - 1 - y)).fetchone()
        return bytes(row[0]) if row else None


class XYZTiles:
    """Tiles from an XYZ URL template (the squad's PGIS server); slow: call off the GUI."""

    min_zoom, max_zoom = 0, 19

    def __init__(self, template: str, timeout: float = 4.0):
        self.template, self.timeout = template, timeout

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        url = self.template.format(z=z, x=x, y=y)
        try:
            if url.startswith("file://"):
                p = Path(url[7:])
                return p.read_bytes() if p.is_file() else None
            with urllib.request.urlopen(url, timeout=self.timeout) as r:  # noqa: S310 - squad GIS
                return r.read()
        except OSError:
            return None


def open_source(cfg: BasemapConfig) -> MBTiles | XYZTiles | None:
    """The tile source of ``cfg`` (None for the plan image or a source that cannot be read)."""
    try:
        if cfg.kind == "mbtiles" and cfg.mbtiles:
            return MBTiles(cfg.mbtiles)
        if cfg.kind == "xyz" and cfg.xyz_url:
            return XYZTiles(cfg.xyz_url)
    except (sqlite3.Error, OSError, ValueError):
        return None
    return None


def fetch_tiles(source, z: int, tiles: list[tuple[int, int]], progress=None,
                is_cancelled=None) -> dict[tuple[int, int], bytes]:
    """Tile bytes for ``tiles`` at zoom ``z`` (missing tiles left out); for a worker thread."""
    out = {}
    for i, (x, y) in enumerate(tiles):
        if is_cancelled is not None and is_cancelled():
            break
        data = source.tile(z, x, y)
        if data:
            out[(x, y)] = data
        if progress is not None:
            progress(i + 1, len(tiles))
    return out
