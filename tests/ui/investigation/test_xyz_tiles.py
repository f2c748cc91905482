"""The XYZ basemap against a real (local) tile server: tiles are fetched off the GUI thread and
cached on disk; a 404 or a server that does not answer gives a plain message; once shown, the
map works offline from the cache."""

from __future__ import annotations

import io
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from app.ui.investigation.basemap import BasemapConfig, XYZTiles, fetch_tiles, save_config

TILE = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass    # a client that gave up waiting (the timeout test) closes the socket early


class TileServer:
    """``/{z}/{x}/{y}.png`` → a generated PNG; ``gate`` holds answers back, ``missing`` tiles
    get a 404, ``delay_s`` makes every answer slow. ``requests`` lists the paths asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.missing: set[tuple[int, int]] = set()
        self.delay_s = 0.0
        self.html = False          # answer with a web page (a login portal) instead of tiles
        self.gate = threading.Event()
        self.gate.set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.requests.append(self.path)
                server.gate.wait(10)
                time.sleep(server.delay_s)
                m = TILE.match(self.path)
                if m is None or (int(m[2]), int(m[3])) in server.missing:
                    self.send_error(404)
                    return
                buf = io.BytesIO()
                if server.html:
                    buf.write("<html>请先登录</html>".encode())
                else:
                    Image.new("RGB", (256, 256), (int(m[2]) % 200, int(m[3]) % 200, 180)).save(
                        buf, "PNG")
                self.send_response(200)
                self.send_header("Content-Type", "text/html" if server.html else "image/png")
                self.send_header("Content-Length", str(len(buf.getvalue())))
                self.end_headers()
                self.wfile.write(buf.getvalue())

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = TileServer()
    yield s
    s.stop()


def _shown(view) -> int:
    return len(view.map.tile_items())


def _cache_files(view) -> list:
    root = view.context.paths.cache_dir / "tiles"
    return [p for p in root.rglob("*.tile")] if root.exists() else []


def _use(view, server) -> list:
    save_config(view.context.settings, BasemapConfig("xyz", "", server.url))
    view.reload()
    return view.map.tiles_needed()[1]


def test_the_tile_url_is_configured_once_in_the_basemap_dialog(view, qtbot, server):
    from app.ui.investigation.basemap import load_config
    from app.ui.investigation.basemap_dialog import BasemapDialog

    dialog = BasemapDialog(view.context.settings)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("xyz"))
    dialog.url.setText("pgis.local/tiles")
    dialog._save()
    assert dialog.error.text() == "瓦片地址必须以 http://、https:// 或 file:// 开头。"
    dialog.url.setText(server.url.replace("{y}", "y"))
    dialog._save()
    assert "{z}、{x} 和 {y}" in dialog.error.text() and load_config(view.context.settings).kind \
        == "plan"
    dialog.url.setText(server.url)
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_config(view.context.settings).xyz_url == server.url
    view.reload()
    wanted = view.map.tiles_needed()[1]
    qtbot.waitUntil(lambda: view.tiles.shown == len(wanted), timeout=15000)


def test_tiles_are_fetched_off_the_gui_thread_cached_and_shown_offline(view, qtbot, server):
    server.gate.clear()                          # the server holds every answer back
    wanted = _use(view, server)
    assert 0 < len(wanted) <= 120
    # reload() returned while the worker waits for the server: the GUI thread is free
    qtbot.waitUntil(lambda: len(server.requests) == 1, timeout=5000)
    assert _shown(view) == 0
    server.gate.set()
    qtbot.waitUntil(lambda: _shown(view) == len(wanted), timeout=15000)
    assert len(server.requests) == len(wanted) and view.tiles.shown == len(wanted)
    assert len(_cache_files(view)) == len(wanted) and view.message.text() == ""
    server.stop()                                # offline: everything comes from the cache
    view.reload()
    qtbot.waitUntil(lambda: _shown(view) == len(wanted), timeout=10000)
    assert len(server.requests) == len(wanted) and view.message.text() == ""


def test_missing_tiles_and_a_silent_server_give_plain_messages(view, qtbot, server, monkeypatch):
    view.reload()
    z, wanted = view.map.tiles_needed()
    server.missing = set(wanted[:2])
    _use(view, server)
    qtbot.waitUntil(lambda: view.tiles.shown == len(wanted) - 2, timeout=15000)
    assert view.message.text() == "瓦片服务器缺少地图部分区域的瓦片（2 块）。"
    # the cache gets old and the server stops answering in time: the old tiles, and say so
    for p in _cache_files(view):
        os.utime(p, (time.time() - 40 * 86400,) * 2)
    monkeypatch.setattr(XYZTiles, "TIMEOUT_S", 0.3)
    server.delay_s = 2.0
    started = time.monotonic()
    view.reload()
    qtbot.waitUntil(lambda: view.tiles.shown == len(wanted) - 2 and bool(view.message.text()),
                    timeout=15000)
    assert view.message.text() == "瓦片服务器没有及时响应：2 块瓦片无法加载；" \
        f"{len(wanted) - 2} 块取自缓存。"
    assert time.monotonic() - started < 5                  # one timeout, not one per tile


def test_a_refused_connection_and_a_web_page_instead_of_tiles(server, tmp_path):
    server.html = True
    src = XYZTiles(server.url, tmp_path / "cache", timeout=2.0)
    tile = src.get(16, 53000, 27000)
    assert (tile.data, tile.source, tile.error) == (None, "failed", "not_image")
    assert not list((tmp_path / "cache").rglob("*.tile"))          # nothing cached
    server.stop()
    got = fetch_tiles(XYZTiles(server.url, None, timeout=1.0), 16, [(53000, 27000),
                                                                    (53001, 27000)])
    assert got.tiles == {} and got.count("failed") == 2 and got.error == "unreachable"
    assert len(server.requests) == 1                     # one try, then the server is skipped


def test_zooming_in_fetches_finer_tiles_for_the_screen(view, qtbot, server):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    view.show()
    qtbot.waitExposed(view)
    wanted = _use(view, server)
    qtbot.waitUntil(lambda: _shown(view) == len(wanted), timeout=15000)
    first = {i.data(1)[0] for i in view.map.tile_items()}
    asked = len(server.requests)
    centre = QPointF(view.map.viewport().rect().center())
    for _step in range(8):                                  # eight notches of the wheel
        view.map.wheelEvent(QWheelEvent(centre, view.map.mapToGlobal(centre), QPoint(),
                                        QPoint(0, 120), Qt.MouseButton.NoButton,
                                        Qt.KeyboardModifier.NoModifier,
                                        Qt.ScrollPhase.NoScrollPhase, False))
    qtbot.waitUntil(lambda: len(server.requests) > asked and len(view.tiles.fetches) == 2,
                    timeout=15000)
    zooms = {i.data(1)[0] for i in view.map.tile_items()}
    assert max(zooms) > max(first)                          # finer tiles over the coarse ones
    assert 0 < len(server.requests) - asked <= 150 and view.message.text() == ""
    again = len(server.requests)
    view.map.wheelEvent(QWheelEvent(centre, view.map.mapToGlobal(centre), QPoint(),
                                    QPoint(0, -120), Qt.MouseButton.NoButton,
                                    Qt.KeyboardModifier.NoModifier,
                                    Qt.ScrollPhase.NoScrollPhase, False))
    view.map.wheelEvent(QWheelEvent(centre, view.map.mapToGlobal(centre), QPoint(),
                                    QPoint(0, 120), Qt.MouseButton.NoButton,
                                    Qt.KeyboardModifier.NoModifier,
                                    Qt.ScrollPhase.NoScrollPhase, False))
    qtbot.wait(600)                                         # back where it was: nothing new
    assert len(server.requests) == again
