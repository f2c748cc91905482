"""The review bench's area image lives in the database now (backups, other workstations)."""

from __future__ import annotations

from PIL import Image
from sqlalchemy import select

from app.demo import CASE_A_NO
from app.models import Case
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.investigation import case_map


def test_area_dialog_pins_the_image_in_the_database(qtbot, zh_ui, demo_db, ui_settings, tmp_path):
    from app.ui.context import AppContext
    from app.ui.review.area_dialog import AreaDialog
    from app.ui.review.route_view import load_area

    paths, engine, factory = demo_db
    context = AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                         settings=ui_settings)
    with unit_of_work(factory) as s:
        case_id = s.scalar(select(Case.id).where(Case.case_no == CASE_A_NO))
    image = tmp_path / "平面图.png"
    Image.new("RGB", (120, 80), (230, 230, 220)).save(image)
    dialog = AreaDialog(context, case_id, [])
    qtbot.addWidget(dialog)
    dialog.path.setText(str(image))
    for boxes, values in zip(dialog.points, ([0, 0, 27.88, 113.15], [120, 80, 27.86, 113.17]),
                             strict=True):
        for box, v in zip(boxes, values, strict=True):
            box.setValue(v)
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    image.unlink()                                    # the file may go: the DB keeps it
    area = load_area(context, case_id)
    assert area["name"] == "平面图.png" and area["image"][:4] == b"\x89PNG"
    again = AreaDialog(context, case_id, [])          # reopened: the pinned image is kept
    qtbot.addWidget(again)
    assert again.path.text() == "平面图.png"
    again._save()
    assert again.result() == again.DialogCode.Accepted
    with unit_of_work(factory) as s:
        assert case_map.get_map(s, SYSTEM, case_id).points[1] == (120, 80, 27.86, 113.17)
