"""Basemap tiles for the canvass map, fetched in a worker (the GUI stays free while the PGIS
server answers): first those of the fitted area, then — whenever the officer zooms or pans —
those on screen at the screen's resolution that were not asked for yet. A newly drawn map makes
older fetches moot. Problems (404s, a server that does not
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
        self._asked: set[tuple[int, int, int]] = set()   # (z, x, y) fetched or on the way
        self.source: TileSource | None = None
        self.shown = 0       # tiles drawn by the latest fetch
        self.fetches: list[TileFetch] = []   # what each fetch of this map got
        map_view.view_moved.connect(self.more)

    def load(self, source: TileSource | None) -> None:
        """A new map was drawn: forget its tiles, fetch those of the fitted area."""
        for handle in self._tasks:
            handle.cancel()
        self._generation += 1
        self._asked.clear()
        self.source, self.shown, self.fetches = source, 0, []
        if source is not None:
            self._fetch(*self.map.tiles_needed(source.max_zoom))

    def more(self) -> None:
        """The officer zoomed or panned: the tiles on screen not fetched yet."""
        if self.source is not None:
            self._fetch(*self.map.tiles_needed(self.source.max_zoom, visible=True))

    def _fetch(self, z: int, wanted: list[tuple[int, int]]) -> None:
        source = self.source
        todo = [t for t in wanted if (z, *t) not in self._asked]
        if source is None or not todo:
            return
        self._asked.update((z, *t) for t in todo)
        generation = self._generation
        handle = run_task(lambda ctx: fetch_tiles(source, z, todo, ctx.report,
                                                  ctx.is_cancelled), parent=self)
        handle.succeeded.connect(lambda got: self._fetched(generation, z, got))
        handle.failed.connect(lambda exc, _tb: self.problem.emit(str(exc)))
        handle.finished.connect(lambda: self._tasks.remove(handle))
        self._tasks.append(handle)

    def _fetched(self, generation: int, z: int, got: TileFetch) -> None:
        if generation != self._generation:
            return
        self.shown = self.map.add_tiles(z, got.tiles)
        self.fetches.append(got)
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
