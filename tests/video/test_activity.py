"""Activity scan (ROI, cancel, both cores), JSON round trip, colour ranking."""

from __future__ import annotations

import numpy as np
import pytest

from app.video import (
    ActivityResult,
    Segment,
    VideoCancelled,
    VideoError,
    rank_segments_by_colour,
    scan_activity,
)
from tests.media import make_clip

# the mover crosses the frame during frames 100..160 → 4.0 s .. 6.4 s at 25 fps


def test_segment_found_where_the_block_moves(mover_clip):
    result = scan_activity(mover_clip, workers=1)
    assert len(result.segments) == 1
    seg = result.segments[0]
    assert 3.0 <= seg.start_s <= 4.0 and 6.4 <= seg.end_s <= 8.0
    assert seg.start_frame <= 100 and seg.end_frame >= 160
    assert seg.peak > 0.5
    assert result.per_second.shape == (10,)
    assert result.per_second[:3].max() < 0.05 and result.per_second[8:].max() < 0.05
    assert ((result.per_second >= 0) & (result.per_second <= 1)).all()


def test_two_worker_processes_give_the_same_answer(mover_clip):
    seen = []
    single = scan_activity(mover_clip, workers=1)
    double = scan_activity(mover_clip, workers=2, progress=lambda d, t: seen.append((d, t)))
    assert double.segments == single.segments
    assert np.allclose(double.per_second, single.per_second)
    assert seen[-1] == (250, 250)


def test_roi_excluding_the_mover_finds_nothing(mover_clip):
    top = scan_activity(mover_clip, roi=(0, 0, 320, 100), workers=1)     # the mover is at y≈144
    assert top.segments == []
    road = scan_activity(mover_clip, roi=[(0, 130), (320, 130), (320, 190), (0, 190)], workers=1)
    assert len(road.segments) == 1


def test_roi_mask_and_bad_roi(mover_clip):
    mask = np.zeros((240, 320), dtype=np.uint8)
    mask[130:190] = 255
    assert len(scan_activity(mover_clip, roi=mask, workers=1).segments) == 1
    with pytest.raises(VideoError):
        scan_activity(mover_clip, roi=(400, 400, 10, 10), workers=1)
    with pytest.raises(VideoError):
        scan_activity(mover_clip, roi=np.zeros((10, 10)), workers=1)


def test_cancel_stops_the_scan(mover_clip):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(VideoCancelled):
        scan_activity(mover_clip, workers=1, cancel=cancel)
    with pytest.raises(VideoCancelled):
        scan_activity(mover_clip, workers=2, cancel=lambda: True)


def test_result_round_trips_through_json(mover_clip):
    result = scan_activity(mover_clip, workers=1, roi=(0, 100, 320, 140))
    again = ActivityResult.from_json(result.to_json())
    assert again.segments == result.segments
    assert np.allclose(again.per_second, result.per_second, atol=1e-4)
    assert again.roi == [0, 100, 320, 140] and again.frame_count == 250


def test_raw_stream_scan():
    path = make_clip("h264_raw", frames=250, mover=(100, 160), marker=False)
    result = scan_activity(path, workers=1)
    assert len(result.segments) == 1 and result.segments[0].start_frame <= 100


def test_blue_mover_ranks_above_red():
    blue = make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False,
                     mover_colour=(200, 60, 20))
    red = make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False,
                    mover_colour=(30, 30, 210))
    seg_blue = scan_activity(blue, workers=1).segments[0]
    seg_red = scan_activity(red, workers=1).segments[0]
    ranked_blue = rank_segments_by_colour(blue, [seg_blue])
    ranked_red = rank_segments_by_colour(red, [seg_red])
    assert ranked_blue[0][1] > 0.3 > ranked_red[0][1]
    by_name = rank_segments_by_colour(red, [seg_red], hue="red")
    assert by_name[0][1] > 0.3


def test_colour_rank_orders_segments():
    path = make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False)
    moving = scan_activity(path, workers=1).segments[0]
    idle = Segment(0.0, 2.0, 0, 49, 0.0)
    ranked = rank_segments_by_colour(path, [idle, moving], hue=(100, 130))
    assert ranked[0][0] == moving and ranked[1] == (idle, 0.0)
    with pytest.raises(VideoError):
        rank_segments_by_colour(path, [moving], hue="plaid")


def test_white_and_black_are_colours_too():
    """The commonest vehicle colours are neutral: white, silver, grey, black."""
    from app.video.colour import COLOURS

    assert {"white", "silver", "grey", "black"} <= set(COLOURS)
    white = make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False,
                      mover_colour=(245, 245, 245))
    blue = make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False,
                     mover_colour=(200, 60, 20))
    seg_white = scan_activity(white, workers=1).segments[0]
    seg_blue = scan_activity(blue, workers=1).segments[0]
    as_white = rank_segments_by_colour(white, [seg_white], hue="white")[0][1]
    blue_as_white = rank_segments_by_colour(blue, [seg_blue], hue="white")[0][1]
    assert as_white > 0.3 > blue_as_white
    assert rank_segments_by_colour(white, [seg_white], hue="black")[0][1] < 0.1
