"""The review bench's controllers against minimal hosts that only have what their Protocol
declares (no ReviewPanel): the contract is the Protocol, not the panel."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from app.ui.review.dialog_controller import DialogController
from app.ui.review.export_controller import ExportController
from app.ui.review.observation_controller import ObservationController


class _Calls:
    def __init__(self) -> None:
        self.log: list[tuple] = []

    def record(self, *entry: object) -> None:
        self.log.append(entry)


def _view(qtbot) -> QWidget:
    view = QWidget()
    qtbot.addWidget(view)
    return view


def test_dialog_controller_reopens_the_clip_after_an_evidence_edit(qtbot):
    calls = _Calls()
    host = SimpleNamespace(
        player=SimpleNamespace(evidence=SimpleNamespace(id=42)),
        reload=lambda: calls.record("reload"), close_clip=lambda: calls.record("close"),
        open_evidence=lambda i, frame=None: calls.record("open", i))
    DialogController(host, _view(qtbot))._after_evidence_edit()
    assert calls.log == [("reload",), ("close",), ("open", 42)]  # new offset: corrected times
    host.player = None
    calls.log.clear()
    DialogController(host, _view(qtbot))._after_evidence_edit()
    assert calls.log == [("reload",)]


def test_dialog_controller_needs_a_case_to_import_into(qtbot):
    host = SimpleNamespace(case_id=None, context=None)
    assert DialogController(host, _view(qtbot)).show_import_dialog(["/tmp/a.mp4"]) is None


def test_observation_controller_jumps_and_refuses_without_a_clip(qtbot):
    calls = _Calls()
    rows = [SimpleNamespace(evidence_id=3, frame_index=12), SimpleNamespace(evidence_id=4,
                                                                          frame_index=0)]
    host = SimpleNamespace(
        context=None, player=None, links=None, case_id=1, obs_model=SimpleNamespace(rows=rows),
        open_evidence=lambda i, frame=None: calls.record("open", i, frame),
        show_status=lambda text: calls.record("status"))
    marks = ObservationController(host, _view(qtbot))
    marks.jump_to_observation(0)
    marks.jump_to_observation(5)  # past the end: nothing
    assert calls.log == [("open", 3, 12)]
    assert marks.mark_observation() is None  # no clip open: no dialog
    assert marks.record_inference([]) is None


def test_export_controller_in_and_out_follow_the_player(qtbot):
    marks: list[tuple] = []

    def set_in_out(a, b):
        timeline.in_out = (a, b)
        marks.append((a, b))

    timeline = SimpleNamespace(in_out=(None, None), set_in_out=set_in_out)
    host = SimpleNamespace(player=SimpleNamespace(index=10),
                           clip_view=SimpleNamespace(timeline=timeline))
    exports = ExportController(host, _view(qtbot))
    exports.set_in()
    host.player.index = 40
    exports.set_out()
    assert timeline.in_out == (10, 40) and marks == [(10, None), (10, 40)]
    host.player = None
    exports.set_in()  # no clip: nothing moves
    assert exports.export_snapshot() is None and exports.export_range() is None
    assert marks == [(10, None), (10, 40)]
