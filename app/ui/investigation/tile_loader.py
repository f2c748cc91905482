"""Basemap tiles for the canvass map, fetched in a worker (the GUI stays free while the PGIS
server answers); a newer load makes an older one moot. Problems (404s, a server that does not
answer, tiles from the cache only) are reported in words through :attr:`TileLoader.problem`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.ui.investigation.basemap import TileFetch, TileSource, fetch_tiles
from app.ui.investigation.map_view import MapView
from app.ui.workers import TaskHandle, run_task


class TileLoader(QObject):
    problem = Signal(str)    # a plain-words message for the view's message line

    def __init__(self, map_view: MapView, parent: QObject | None = None):
        super().__init__(parent)
        self.map = map_view
        self._tasks: list[TaskHandle] = []
        self._generation = 0
        self.shown = 0       # tiles drawn by the latest fetch

    def load(self, source: TileSource) -> None:
        """Fetch the visible tiles in a worker; a newer reload makes older results moot."""
        for handle in self._tasks:
            handle.cancel()
        z, wanted = self.map.tiles_needed(source.max_zoom)
        if not wanted:
            return
        self._generation += 1
        generation, self.shown = self._generation, 0
        handle = run_task(lambda ctx: fetch_tiles(source, z, wanted, ctx.report,
                                                  ctx.is_cancelled), parent=self)
        handle.succeeded.connect(lambda got: self._fetched(generation, z, got))
        handle.failed.connect(lambda exc, _tb: self.problem.emit(str(exc)))
        handle.finished.connect(lambda: self._tasks.remove(handle))
        self._tasks.append(handle)

    def _fetched(self, generation: int, z: int, got: TileFetch) -> None:
        if generation != self._generation:
            return
        self.shown = self.map.add_tiles(z, got.tiles)
        failed, missing = got.count("failed"), got.count("missing")
        why = self._tile_error(got.error)
        if failed:
            self.problem.emit(self.tr(
                "The tile server {why}: {failed} tiles could not be loaded; {cached} shown from "
                "the cache.").format(why=why, failed=failed, cached=got.count("cache")))
        elif got.error:
            self.problem.emit(self.tr("The tile server {why}; the map shows tiles from the "
                                      "cache.").format(why=why))
        elif missing:
            self.problem.emit(self.tr("The tile server has no tiles for part of the map "
                                      "({n} missing).").format(n=missing))

    def _tile_error(self, code: str) -> str:
        if code == "timeout":
            return self.tr("does not answer in time")
        if code == "unreachable":
            return self.tr("cannot be reached")
        if code == "not_image":
            return self.tr("sends something that is not a map tile")
        return self.tr("refuses the request ({code})").format(code=code.replace("http:", "HTTP "))
