"""The evidence details dialog: no invented start time, 调取方式 shown as stored."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.ui.review.evidence_dialog import EvidenceDialog
from app.ui.review.shown_zone import ShownZone
from tests.formats import DAV_JOINED_STARTS, make_variant
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


def test_a_joined_export_lists_each_recordings_start_and_frames(qtbot, zh_ui, review_world,
                                                                tmp_path):
    """Two recordings, the clock set back 90 s between them: both starts on the case's clock
    (here Asia/Urumqi, two hours behind Beijing), with the frames each one holds."""
    w = review_world
    v = make_variant("dav_joined", frames=100)
    ev = evidence.import_clip(w["factory"], w["paths"], SYSTEM, w["ids"]["case"], v.path).evidence
    second = v.segments[1]
    dialog = EvidenceDialog(w["factory"], SYSTEM, ev, [], shown=ShownZone("Asia/Urumqi"))
    qtbot.addWidget(dialog)
    table = dialog.recordings
    assert table is not None and table.rowCount() == 2
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(2)]
    beijing = [datetime.fromisoformat(c).replace(tzinfo=ZoneInfo(DEFAULT_TZ))
               for c in DAV_JOINED_STARTS]
    local = [b.astimezone(ZoneInfo("Asia/Urumqi")).strftime("%Y-%m-%d %H:%M:%S") for b in beijing]
    assert rows[0] == ["1", local[0], local[0] + ".000", f"0–{second - 1}"]
    assert rows[1] == ["2", local[1], local[1] + ".000", f"{second}–99"]
    assert local[0].endswith("04:00:00")                  # 06:00 in Beijing
    dialog.resize(760, 720)
    dialog.grab().save(str(tmp_path / "joined_evidence.png"))


def test_a_single_recording_lists_none(qtbot, review_world):
    dialog = EvidenceDialog(review_world["factory"], SYSTEM, review_world["ev_a"], [])
    qtbot.addWidget(dialog)
    assert dialog.recordings is None
