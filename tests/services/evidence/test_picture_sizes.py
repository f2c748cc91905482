"""An evidence file's picture sizes as the officer sees them: where a camera's settings changed
mid-export, and phone footage turned upright. A vehicle marked on any frame is checked against
that frame's own picture."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from app.services.evidence import clips as evidence
from app.services.evidence import observations, picture_sizes
from app.services.evidence.observations import ObservationInput
from tests.formats import make_variant
from tests.helpers.evidence import case_with_vehicles


def _imported(factory, paths, name: str):
    ids = case_with_vehicles(factory)
    v = make_variant(name, frames=60)
    return v, evidence.import_clip(factory, paths, SYSTEM, ids["case"], v.path).evidence


def _mark(factory, ev, frame: int, roi: tuple[int, int, int, int]):
    return observations.add_observation(factory(), SYSTEM, ObservationInput(
        evidence_id=ev.id, frame_index=frame, pts_s=frame / 25, roi=roi, tags=("vehicle",)))


def test_import_keeps_each_picture_size_and_checks_marks_against_their_own_frame(
        session_factory, paths):
    v, ev = _imported(session_factory, paths, "ts_h264_resized")    # 320×240, then 400×300
    assert [list(r) for r in ev.sizes] == [list(r) for r in v.sizes]
    assert (ev.width, ev.height) == (320, 240)
    assert ev.size_at(29) == (320, 240) and ev.size_at(30) == (400, 300)
    lower_right = (300, 220, 90, 70)                 # inside 400×300 only
    assert _mark(session_factory, ev, 45, lower_right).roi == lower_right
    with pytest.raises(ValidationError) as exc:
        _mark(session_factory, ev, 10, lower_right)
    assert set(exc.value.errors) == {"roi"}


def test_rotated_phone_footage_is_recorded_upright(session_factory, paths):
    v, ev = _imported(session_factory, paths, "mp4_rotated")
    assert (ev.width, ev.height) == (320, 240)       # as shown, not as stored (240×320)
    assert ev.sizes == ()
    wide = (250, 150, 60, 60)                        # right of a stored 240-pixel width
    assert _mark(session_factory, ev, 5, wide).roi == wide


def test_stored_runs_round_trip_and_unreadable_text_is_one_size():
    runs = ((0, 704, 576), (1500, 352, 288))
    assert picture_sizes.decode(picture_sizes.encode(runs)) == runs
    assert picture_sizes.encode(runs[:1]) == ""
    assert picture_sizes.decode("") == () and picture_sizes.decode("[{") == ()
    assert picture_sizes.size_at(runs, 1499, 1, 1) == (704, 576)
    assert picture_sizes.size_at(runs, 1500, 1, 1) == (352, 288)
    assert picture_sizes.size_at((), 7, 640, 480) == (640, 480)


def test_sizes_of_turned_footage_are_kept_as_shown():
    info = SimpleNamespace(width=240, height=320, rotation=90, sizes=((0, 240, 320), (9, 120, 160)))
    assert picture_sizes.shown_runs(info) == ((320, 240), ((0, 320, 240), (9, 160, 120)))
    info = SimpleNamespace(width=240, height=320, rotation=180, sizes=())
    assert picture_sizes.shown_runs(info) == ((240, 320), ())
