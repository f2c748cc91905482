"""The map's basemap, configured once per workstation: the squad's own offline tiles — an
MBTiles file or an XYZ tile URL of the police GIS (PGIS) — or, by default, the case's
georeferenced plan image. Tiles in GCJ-02 (most Chinese street maps) are flagged so positions
(stored in WGS-84) are shifted to match them when drawn.

XYZ tiles are cached on disk (``AppPaths.cache_dir / "tiles"``, one folder per URL) and read
from there for ``CACHE_DAYS``; an unreachable server falls back to older cached tiles, so the
map works offline once an area has been shown.

Settings keys (group ``map/``): ``kind`` (plan / mbtiles / xyz), ``mbtiles``, ``xyz_url``
(``{z}``, ``{x}``, ``{y}`` placeholders), ``gcj02`` (bool).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
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

    def __init__(self, path: str | Path) -> None:
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


IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"RIFF", b"GIF8")
CACHE_DAYS = 30   # a cached tile younger than this is used without asking the server


@dataclass(frozen=True)
class Tile:
    """One tile's bytes (None if none) and where they came from: ``server``, ``cache``,
    ``file`` (MBTiles / file URL), ``missing`` (404 / not in the set) or ``failed``; ``error``
    says why the server was not used: ``timeout``, ``unreachable``, ``not_image``,
    ``http:<status>``."""

    data: bytes | None
    source: str
    error: str = ""


def _is_image(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC)


class XYZTiles:
    """Tiles from an XYZ URL template (the squad's PGIS server), kept in an on-disk cache so
    the map works offline afterwards. Slow: call off the GUI thread. After a timeout or a
    refused connection the server is taken as unreachable: later tiles come from the cache
    only (no waiting ``timeout`` for every tile)."""

    min_zoom, max_zoom = 0, 19
    TIMEOUT_S = 4.0

    def __init__(self, template: str, cache_dir: Path | None = None,
                 timeout: float | None = None):
        self.template = template
        self.timeout = self.TIMEOUT_S if timeout is None else timeout
        self.cache_dir = None
        if cache_dir is not None:
            key = hashlib.sha1(template.encode("utf-8")).hexdigest()[:16]  # noqa: S324 - a name
            self.cache_dir = Path(cache_dir) / key
        self.unreachable = ""     # "timeout" / "unreachable" once the server failed to answer

    def _cached(self, z: int, x: int, y: int) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / str(z) / str(x) / f"{y}.tile"

    def _read_cache(self, path: Path | None, fresh_only: bool) -> bytes | None:
        if path is None or not path.is_file():
            return None
        if fresh_only and time.time() - path.stat().st_mtime > CACHE_DAYS * 86400:
            return None
        return path.read_bytes()

    def _write_cache(self, path: Path | None, data: bytes) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{threading.get_ident()}.part")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            pass                 # a full or read-only cache only costs a re-fetch

    def get(self, z: int, x: int, y: int) -> Tile:
        url = self.template.format(z=z, x=x, y=y)
        if url.startswith("file://"):
            p = Path(url[7:])
            return Tile(p.read_bytes(), "file") if p.is_file() else Tile(None, "missing")
        path = self._cached(z, x, y)
        data = self._read_cache(path, fresh_only=True)
        if data is not None:
            return Tile(data, "cache")
        if not self.unreachable:
            try:
                with urllib.request.urlopen(url, timeout=self.timeout) as r:  # noqa: S310 - PGIS
                    data = r.read()
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return Tile(None, "missing", "HTTP 404")
                return self._stale(path, f"http:{exc.code}")
            except (OSError, ValueError) as exc:     # timeout, refused, bad URL
                slow = isinstance(exc, TimeoutError) or isinstance(
                    getattr(exc, "reason", None), TimeoutError)
                self.unreachable = "timeout" if slow else "unreachable"
                return self._stale(path, self.unreachable)
            if not _is_image(data):
                return self._stale(path, "not_image")
            self._write_cache(path, data)
            return Tile(data, "server")
        return self._stale(path, self.unreachable)

    def _stale(self, path: Path | None, error: str) -> Tile:
        """The server failed: an older cached copy if there is one."""
        data = self._read_cache(path, fresh_only=False)
        return Tile(data, "cache" if data is not None else "failed", error)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        return self.get(z, x, y).data


TileSource = MBTiles | XYZTiles


def open_source(cfg: BasemapConfig, cache_dir: Path | None = None) -> TileSource | None:
    """The tile source of ``cfg`` (None for the plan image or a source that cannot be read);
    XYZ tiles are cached under ``cache_dir``."""
    try:
        if cfg.kind == "mbtiles" and cfg.mbtiles:
            return MBTiles(cfg.mbtiles)
        if cfg.kind == "xyz" and cfg.xyz_url:
            return XYZTiles(cfg.xyz_url, cache_dir)
    except (sqlite3.Error, OSError, ValueError):
        return None
    return None


@dataclass
class TileFetch:
    """What a fetch got: the tiles by (x, y) and how many came from where."""

    tiles: dict[tuple[int, int], bytes] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)   # Tile.source → how many
    error: str = ""                                          # the last failure (Tile.error)

    def count(self, source: str) -> int:
        return self.counts.get(source, 0)


def fetch_tiles(source: TileSource, z: int, tiles: list[tuple[int, int]],
                progress: Callable[[int, int], None] | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> TileFetch:
    """Tiles ``tiles`` at zoom ``z`` (missing ones left out); for a worker thread."""
    out = TileFetch()
    for i, (x, y) in enumerate(tiles):
        if is_cancelled is not None and is_cancelled():
            break
        tile = source.get(z, x, y) if isinstance(source, XYZTiles) else \
            Tile(source.tile(z, x, y), "file")
        kind = tile.source if tile.data or tile.source != "file" else "missing"
        out.counts[kind] = out.counts.get(kind, 0) + 1
        if tile.data:
            out.tiles[(x, y)] = tile.data
        if tile.error and tile.source != "missing":
            out.error = tile.error
        if progress is not None:
            progress(i + 1, len(tiles))
    return out
