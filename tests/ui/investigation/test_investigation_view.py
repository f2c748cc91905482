"""The investigation view: change a camera's coverage status in the canvass table; create a
task from an inference; the map draws wedges, the scene and the urgent list."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from app.demo import CASE_A_NO
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.investigation import canvass, tasks
from app.ui.investigation.map_items import STATUS_COLOURS

TZ = ZoneInfo("Asia/Shanghai")


def test_changing_coverage_status_saves_and_recolours(view, qtbot):
    panel = view.canvass
    codes = [e.camera.code for e in panel.entries]
    row = codes.index("SF-TQ-012")
    assert panel.entries[row].status == "to_ask"
    assert view.map.wedges[panel.entries[row].camera.id].brush().color().rgb() == \
        STATUS_COLOURS["to_ask"].rgb()
    combo = panel.status_combo(row)
    combo.setCurrentIndex(combo.findData("collected"))
    qtbot.waitUntil(lambda: any(e.camera.code == "SF-TQ-012" and e.status == "collected"
                                for e in view.canvass.entries), timeout=3000)
    with unit_of_work(view.context.sessions) as s:
        stored = canvass.list_canvass(s, SYSTEM, view.case_id)
    assert {e.camera.code: e.status for e in stored}["SF-TQ-012"] == "collected"
    cam_id = next(e.camera.id for e in stored if e.camera.code == "SF-TQ-012")
    assert view.map.wedges[cam_id].brush().color().rgb() == STATUS_COLOURS["collected"].rgb()
    assert view.message.text() == ""


def test_urgent_list_and_map_furniture(view):
    texts = [view.canvass.urgent.item(i).text() for i in range(view.canvass.urgent.count())]
    assert len(texts) == 1 and "SF-TQ-012" in texts[0] and "天后" in texts[0]
    assert set(view.map.wedges) and view.map.proj is not None
    assert view.heading.text().startswith(CASE_A_NO)


def test_camera_codes_on_the_map_never_cover_each_other(view):
    """Two lenses on one pole (a third camera 1 m from SF-TQ-003): every code stays readable."""
    from app.services.evidence import cameras
    from app.ui.widgets.map_labels import view_rect
    with unit_of_work(view.context.sessions) as s:
        cam = cameras.create_camera(s, SYSTEM, cameras.CameraInput(
            code="SF-TQ-003B", name="同杆第二镜头", lat=27.87351, lon=113.15751))
        canvass.add_camera(s, SYSTEM, view.case_id, cam.id)
    view.reload()
    view.resize(1200, 800)
    view.show()
    view.map.lay_out_labels()
    shown = [lb for lb in view.map.labels if lb.item.isVisible()]
    assert {lb.shown for lb in shown} >= {"SF-TQ-003", "SF-TQ-003B", "SF-TQ-012"}
    rects = [view_rect(view.map, lb.item) for lb in shown]
    assert not any(a.intersects(b) for n, a in enumerate(rects) for b in rects[n + 1:])


def test_creating_a_task_from_an_inference(view, qtbot, monkeypatch):
    inference = next(e for e in view.board.events if e.kind == "inference"
                     and "损坏" in e.title)

    def answer(dialog):
        assert dialog.trigger.currentData() == inference.id   # prefilled from the inference
        dialog.address.setText("天桥街南段和平路口一带")
        dialog.assignee.setCurrentIndex(1)
        dialog._accept()
        return dialog.result_input is not None

    monkeypatch.setattr(view, "_exec", answer)
    assert view.task_from_inference(inference.id)
    with unit_of_work(view.context.sessions) as s:
        saved = tasks.list_tasks(s, SYSTEM, view.case_id)
    assert len(saved) == 1 and saved[0].trigger_event_id == inference.id
    assert saved[0].assignee_name and saved[0].status == "planned"
    column = view.task_board.columns["planned"]
    assert column.count() == 1 and inference.title in column.item(0).text()


def test_drawing_an_area_on_the_map_makes_a_grid_search_task(view, qtbot, monkeypatch):
    from PySide6.QtCore import QPoint, Qt

    def answer(dialog):
        assert dialog.kind.currentData() == "grid_search" and dialog.trigger.currentData()
        dialog.title.setText("菜市场一带地毯式搜查")
        dialog._accept()
        return dialog.result_input is not None

    monkeypatch.setattr(view, "_exec", answer)
    view.show()
    qtbot.waitExposed(view)
    view._start_area()
    port = view.map.viewport()
    corners = [QPoint(200, 200), QPoint(300, 200), QPoint(300, 300)]
    for p in corners:
        qtbot.mouseClick(port, Qt.MouseButton.LeftButton, pos=p)
    expected = [view.map.latlon_of(view.map.mapToScene(p)) for p in corners]  # before reload
    qtbot.mouseClick(port, Qt.MouseButton.RightButton, pos=corners[-1])
    with unit_of_work(view.context.sessions) as s:
        saved = tasks.list_tasks(s, SYSTEM, view.case_id)
    assert len(saved) == 1 and len(saved[0].area) == 3
    flat = [v for corner in saved[0].area for v in corner]
    assert flat == pytest.approx([v for corner in expected for v in corner], abs=2e-6)
    assert view.map.dragMode() == view.map.DragMode.ScrollHandDrag


def _mbtiles(path, z, tiles):
    import io
    import sqlite3

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 240)).save(buf, "PNG")
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    con.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB)")
    con.executemany("INSERT INTO metadata VALUES (?, ?)", [("minzoom", "0"), ("maxzoom", "18")])
    con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    [(z, x, (1 << z) - 1 - y, buf.getvalue()) for x, y in tiles])
    con.commit()
    con.close()


def test_mbtiles_basemap_in_gcj02(view, qtbot, tmp_path):
    from app.services.investigation.geo import wgs84_to_gcj02
    from app.ui.investigation.basemap import BasemapConfig, save_config

    cam = next(e.camera for e in view.board.entries if e.camera.code == "SF-TQ-012")
    plain = view.map.pos_of(cam.lat, cam.lon)
    tiles = tmp_path / "pgis.mbtiles"
    save_config(view.context.settings, BasemapConfig("mbtiles", str(tiles), "", gcj02=True))
    view.reload()                       # no file yet: a plain message, the plan image instead
    assert view.message.text()
    _mbtiles(tiles, 0, [])                # an empty tile set: positions shift to GCJ-02
    view.reload()
    z, wanted = view.map.tiles_needed()
    assert 12 <= z <= 18 and 0 < len(wanted) <= 120
    tiles.unlink()
    _mbtiles(tiles, z, wanted)
    view.reload()
    qtbot.waitUntil(lambda: len(view.map.tile_items()) == len(wanted), timeout=10000)
    shifted = view.map.pos_of(cam.lat, cam.lon)
    glat, glon = wgs84_to_gcj02(cam.lat, cam.lon)
    assert (glat, glon) != (cam.lat, cam.lon)
    assert 300 < ((shifted.x() - plain.x()) ** 2 + (shifted.y() - plain.y()) ** 2) ** 0.5 < 800
    assert view.map.latlon_of(shifted) == pytest.approx((cam.lat, cam.lon), abs=1e-6)
