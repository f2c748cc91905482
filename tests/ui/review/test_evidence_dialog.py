"""The evidence details dialog: no invented start time, 调取方式 shown as stored."""

from __future__ import annotations

from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.ui.review.evidence_dialog import EvidenceDialog
from tests.media import make_clip


def test_details_show_unknown_start_and_the_stored_acquisition(qtbot, zh_ui, review_world):
    w = review_world
    ev = evidence.import_clip(w["factory"], w["paths"], SYSTEM, w["ids"]["case"],
                              make_clip("h264_mp4", frames=30), acquisition="owner_sent",
                              acquisition_note="车主微信发来").evidence
    assert ev.start_time is None
    dialog = EvidenceDialog(w["factory"], SYSTEM, ev, [])
    qtbot.addWidget(dialog)
    assert dialog.start.text() == "未记录" and "2000" not in dialog.start.text()
    assert dialog.acquisition.currentText() == "业主提供" and dialog.note.text() == "车主微信发来"
    details = [dialog.log.item(r, 2).text() for r in range(dialog.log.rowCount())]
    assert details and details[0].startswith("已导入")
    dialog.acquisition.setCurrentIndex(dialog.acquisition.findData("dvr_seizure"))
    dialog.save()
    assert dialog.ev.acquisition == "dvr_seizure" and dialog.ev.start_time is None
    dialog.grab().save("/tmp/trust/evidence_dialog.png")
