"""Which frames may be built on damaged data (app.video.taint), in decode and output order, and
H.264 pictures that follow pictures lost whole."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

import av
import pytest

from app.video.nal import Framing, framing_of, stream_framing
from app.video.taint import Losses, Taint
from tests.formats import make_variant


def packet(pts: int, key: bool = False, corrupt: bool = False, size: int = 100):
    return SimpleNamespace(pts=pts, is_keyframe=key, is_corrupt=corrupt, size=size)


def frame(pts: int | None, corrupt: bool = False):
    return SimpleNamespace(pts=pts, is_corrupt=corrupt)


def feed(taint: Taint, *packets) -> None:
    for p in packets:
        taint.fed(p)


def test_nothing_damaged_flags_nothing():
    t = Taint()
    feed(t, packet(0, key=True), packet(2), packet(1))
    assert not any(t.judge(frame(n), n == 0) for n in (0, 1, 2))
    assert not t.on


def test_frames_fed_after_a_damaged_packet_are_flagged_until_a_keyframe_fed_after_it():
    t = Taint()
    feed(t, packet(0, key=True), packet(1), packet(2))
    bad = packet(3, corrupt=True)
    t.damaged(bad)
    feed(t, bad, packet(4), packet(10, key=True), packet(11))
    # output comes late (frame threads, reordering): 1 and 2 were fed before the damage
    assert [t.judge(frame(n), False) for n in (1, 2)] == [False, False]
    assert [t.judge(frame(n), False) for n in (3, 4)] == [True, True]
    assert t.judge(frame(10), True) is False          # fed after the damage: sound, clears
    assert t.judge(frame(11), False) is False and not t.on


def test_a_keyframe_fed_before_the_damage_clears_nothing():
    t = Taint()
    feed(t, packet(0, key=True), packet(5, key=True))
    t.damaged(packet(6, corrupt=True))
    feed(t, packet(6), packet(7))
    assert t.judge(frame(5), True) is False          # (itself sound: fed before the damage)
    assert t.on and t.judge(frame(7), False) is True


def test_a_damaged_keyframe_is_flagged_and_clears_nothing():
    t = Taint()
    key = packet(0, key=True, corrupt=True)
    t.damaged(key)
    feed(t, key, packet(1))
    assert t.judge(frame(0), True) is True
    assert t.judge(frame(1), False) is True


def test_a_packet_the_decoder_refused_after_it_was_fed():
    t = Taint()
    feed(t, packet(0, key=True), packet(1))
    refused = packet(2)
    feed(t, refused)
    t.damaged(refused)
    feed(t, packet(3))
    assert [t.judge(frame(n), n == 0) for n in (0, 1, 2, 3)] == [False, False, True, True]


def test_a_frame_the_decoder_flags_taints_what_follows_it():
    t = Taint()
    feed(t, packet(0, key=True), packet(1), packet(2), packet(3))
    assert t.judge(frame(1, corrupt=True), False) is True
    assert t.judge(frame(0), True) is False           # fed before the damaged frame
    assert t.judge(frame(2), False) is True
    feed(t, packet(9, key=True))
    assert t.judge(frame(9), True) is False and not t.on


def _open_gop(leading_bound: bool) -> Taint:
    """GOP 0-4 (packet 4 damaged), then a CRA (8) whose leading pictures 5-7, decoded after
    it, come out flagged by the decoder (they refer to the damaged GOP), then 12."""
    t = Taint(leading_bound=leading_bound)
    feed(t, packet(0, key=True))
    bad = packet(4)
    t.damaged(bad)
    feed(t, bad, packet(2), packet(1), packet(3), packet(8, key=True), packet(6), packet(5),
         packet(7), packet(12))
    return t


def test_leading_pictures_flagged_by_the_decoder_do_not_outlast_their_keyframe():
    """HEVC: no picture after a CRA refers to its leading pictures (H.265 8.3.2)."""
    t = _open_gop(leading_bound=True)
    assert [t.judge(frame(n, corrupt=4 < n < 8), n in (0, 8)) for n in range(9)] == \
        [False] + [True] * 7 + [False]
    assert t.judge(frame(12), False) is False and not t.on


def test_without_that_bound_they_taint_on_past_the_keyframe():
    t = _open_gop(leading_bound=False)
    assert [t.judge(frame(n, corrupt=4 < n < 8), n in (0, 8)) for n in range(9)] == [False] + \
        [True] * 8
    assert t.judge(frame(12), False) is True


def test_a_flagged_picture_after_its_keyframe_came_out_taints_as_ever():
    t = Taint(leading_bound=True)
    feed(t, packet(0, key=True), packet(1), packet(2), packet(9, key=True), packet(10))
    assert t.judge(frame(0), True) is False
    assert t.judge(frame(1, corrupt=True), False) is True      # a trailing picture of 0
    assert t.judge(frame(2), False) is True
    assert t.judge(frame(9), True) is False and not t.on        # fed after it: clears
    feed(t, packet(11), packet(12))
    assert t.judge(frame(11, corrupt=True), False) is True      # 9 came out: not leading
    assert t.judge(frame(10), False) is False                   # fed before 11
    assert t.judge(frame(12), False) is True


def test_a_flagged_leading_picture_of_the_first_keyframe_fed():
    """The keyframe is the first packet fed: its leading pictures are bounded all the same."""
    t = Taint(leading_bound=True)
    feed(t, packet(4, key=True), packet(2), packet(1), packet(3), packet(8))
    assert t.judge(frame(1, corrupt=True), False) is True
    assert t.judge(frame(2), False) is True                    # fed after the keyframe
    assert t.judge(frame(4), True) is False and not t.on        # the keyframe still clears
    assert t.judge(frame(8), False) is False


def test_a_leading_picture_flagged_during_damage_starts_it_just_before_its_keyframe():
    """Damage just before a keyframe (fed while it lasts, so nothing is forgotten): a leading
    picture flagged after the keyframe takes the damage back to the packet before it only."""
    t = Taint(leading_bound=True)
    feed(t, packet(0, key=True), packet(4))
    bad = packet(2)
    t.damaged(bad)
    feed(t, bad, packet(8, key=True), packet(6))
    assert t.judge(frame(6, corrupt=True), False) is True
    assert t.judge(frame(4), False) is False                    # fed before the damage
    assert t.judge(frame(2), False) is True


def test_without_any_keyframe_fed_a_flagged_frame_taints_from_its_own_packet():
    t = Taint(leading_bound=True)
    feed(t, packet(1), packet(2), packet(3))
    assert t.judge(frame(2, corrupt=True), False) is True
    assert t.judge(frame(1), False) is False and t.judge(frame(3), False) is True


def test_a_frame_without_a_known_packet_is_flagged_while_damage_lasts():
    t = Taint()
    t.damaged(packet(4, corrupt=True))
    feed(t, packet(4), packet(5))
    assert t.judge(frame(None), False) is True
    assert t.judge(frame(99), True) is True          # (a keyframe never fed clears nothing)


def test_a_packet_left_out_taints_from_the_next_one_fed():
    t = Taint()
    feed(t, packet(0, key=True), packet(1))
    t.left_out()
    feed(t, packet(3), packet(4), packet(9, key=True), packet(10))
    assert [t.judge(frame(n), False) for n in (1, 3, 4)] == [False, True, True]
    assert t.judge(frame(9), True) is False and t.judge(frame(10), False) is False


def test_a_damaged_packet_without_a_time_taints_from_where_it_came():
    t = Taint()
    feed(t, packet(0, key=True), packet(1))
    t.damaged(packet(None, corrupt=True))
    feed(t, packet(2))
    assert [t.judge(frame(n), False) for n in (1, 2)] == [False, True]


def test_a_flagged_frame_whose_packet_is_not_known_taints_from_now():
    t = Taint()
    feed(t, packet(0, key=True), packet(1), packet(2))
    assert t.judge(frame(7, corrupt=True), False) is True     # (never fed: its place unknown)
    assert [t.judge(frame(n), False) for n in (1, 2)] == [False, True]


def test_empty_packets_are_not_counted_and_reset_starts_again():
    t = Taint()
    feed(t, packet(0, key=True), packet(None, size=0))
    t.damaged(packet(1, corrupt=True))
    feed(t, packet(1))
    assert t.on
    t.reset()
    feed(t, packet(1))
    assert not t.on and t.judge(frame(1), False) is False


def test_damage_lasts_from_the_first_damaged_packet_to_a_keyframe_after_the_last():
    t = Taint()
    feed(t, packet(0, key=True), packet(1))
    for pts in (2, 3):
        t.damaged(packet(pts, corrupt=True))
        feed(t, packet(pts))
    feed(t, packet(4))
    assert [t.judge(frame(n), False) for n in (1, 2, 3, 4)] == [False, True, True, True]


def _packets(name: str):
    with av.open(str(make_variant(name).path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.extradata, [bytes(p) for p in container.demux(stream)
                                                if p.size]


@pytest.mark.parametrize("name", ["ts_h264", "mp4_h264_nob", "ts_h264_paff", "mkv_h264_paff"])
def test_an_intact_stream_has_no_loss(name):
    extradata, packets = _packets(name)
    losses = Losses("h264", extradata)
    assert all(losses.follows_loss(p) is False for p in packets)


@pytest.mark.parametrize("name", ["ts_h264", "mp4_h264_nob"])
def test_the_picture_after_a_lost_reference_picture_follows_a_loss(name):
    extradata, packets = _packets(name)
    losses = Losses("h264", extradata)
    gone = next(n for n in range(55, len(packets)) if _reference(packets[n], extradata))
    said = [losses.follows_loss(p) for n, p in enumerate(packets) if n != gone]
    assert said.index(True) == gone and not any(said[:gone])
    losses.reset()                           # decoding restarts at a keyframe: nothing before
    assert not losses.follows_loss(packets[gone + 3])


def test_a_stream_that_says_how_it_frames_units_is_read_so():
    """A 4-byte unit length of 256 to 511 reads as a start code (00 00 01): an MP4 sample
    beginning with a 300-byte filler unit is read by the lengths its avcC record states."""
    extradata, packets = _packets("mp4_h264_nob")
    filler = (300).to_bytes(4, "big") + b"\x0c" + b"\xff" * 299
    packets = [filler + p for p in packets]
    losses = Losses("h264", extradata)
    gone = next(n for n in range(55, len(packets)) if _reference(packets[n], extradata))
    said = [losses.follows_loss(p) for n, p in enumerate(packets) if n != gone]
    assert said.index(True) == gone


def _reference(data: bytes, extradata: bytes | None) -> bool:
    framing = stream_framing("h264", extradata) or framing_of(data)
    head = next(u[0] for u in framing.units(data) if u and u[0] & 0x1F in (1, 5))
    return head & 0x1F == 1 and bool(head & 0x60)


def _hevc_reference(data: bytes) -> bool:
    return any(u[0] >> 1 & 0x3F in (1, 3, 5) for u in framing_of(data).units(data))


def test_hevc_packets_are_judged_by_reference_sets_and_by_syntax():
    extradata, packets = _packets("ts_hevc_opengop")
    assert not any(Losses("hevc", extradata).follows_loss(p) for p in packets)
    gone = next(n for n in range(30, len(packets)) if _hevc_reference(packets[n]))
    losses = Losses("hevc", extradata)
    said = [losses.follows_loss(p) for n, p in enumerate(packets) if n != gone]
    assert True in said[gone:] and not any(said[:gone])
    unordered = Losses("hevc", extradata, order=False)       # counted streams: syntax only
    assert not any(unordered.follows_loss(p) for n, p in enumerate(packets) if n != gone)
    zeroed = packets[gone][:40] + bytes(6) + packets[gone][46:]
    assert unordered.follows_loss(zeroed) and Losses("h264", None).follows_loss(zeroed)


def test_an_hevc_restart_judges_nothing_before_the_next_irap():
    extradata, packets = _packets("ts_hevc_opengop")
    losses = Losses("hevc", extradata)
    assert not any(losses.follows_loss(p) for p in packets[:40])
    losses.reset()                                  # (a seek: decoding restarts elsewhere)
    assert not any(losses.follows_loss(p) for p in packets[60:])


def test_an_h264_stream_unordered_is_judged_by_syntax_only():
    extradata, packets = _packets("ts_h264")
    gone = next(n for n in range(55, len(packets)) if _reference(packets[n], extradata))
    losses = Losses("h264", extradata, order=False)
    assert not any(losses.follows_loss(p) for n, p in enumerate(packets) if n != gone)


def test_hevc_length_framed_packets_are_read_as_the_hvcc_record_says(tmp_path):
    """A 4-byte length of 300 reads as a start code: the hvcC record's parameter sets and
    framing are what make the loss visible in a Matroska file."""
    mkv = tmp_path / "copy.mkv"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(make_variant("ts_hevc_opengop").path),
                    "-c", "copy", str(mkv)], check=True)
    with av.open(str(mkv)) as container:
        stream = container.streams.video[0]
        extradata = stream.codec_context.extradata
        packets = [bytes(p) for p in container.demux(stream) if p.size]
    # parameter sets only in the hvcC record, as Matroska and MP4 muxers keep them
    packets = [b"".join(len(u).to_bytes(4, "big") + u for u in Framing(4).units(p)
                        if not 32 <= u[0] >> 1 & 0x3F <= 34) for p in packets]
    filler = (300).to_bytes(4, "big") + b"\x4c\x01" + b"\xff" * 298
    packets = [filler + p for p in packets]
    gone = next(n for n in range(30, len(packets))
                if any(u[0] >> 1 & 0x3F in (1, 3, 5) for u in Framing(4).units(packets[n])))
    losses = Losses("hevc", extradata)
    said = [losses.follows_loss(p) for n, p in enumerate(packets) if n != gone]
    assert True in said[gone:] and not any(said[:gone])
