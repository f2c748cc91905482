"""The rules the walk of a lost-index recording keeps (app.video.mdat_walk, slice_order), each
pinned on bytes written here bit by bit: which headers a stream can hold, where a picture begins,
what the next slice must say, and which places are no unit though they read as one."""

from __future__ import annotations

import pytest

from app.video.mdat_walk import guess_codec, leads_picture, slice_pps, unit_type, walk
from app.video.slice_order import H264Order, HevcOrder
from tests.nal_writer import (
    FILL,
    BitWriter,
    framed,
    h264_pps,
    h264_slice,
    h264_sps,
    hevc_pps,
    hevc_slice,
    hevc_sps,
)


def _walked(data: bytes, codec: str = "h264") -> list[bytes]:
    units = walk(codec, data, 0, len(data)).units
    return [data[at:at + size] for at, size, _kind, _starts in units]


# --- which headers a stream can hold --------------------------------------------------------
@pytest.mark.parametrize(("codec", "head", "kind"), [
    ("h264", b"\x41\x00", 1), ("h264", b"\x01\x00", 1), ("h264", b"\x65\x00", 5),
    ("h264", b"\x67\x00", 7), ("h264", b"\x06\x00", 6), ("h264", b"\x09\x00", 9),
    ("h264", b"\xc1\x00", None),      # forbidden bit
    ("h264", b"\x05\x00", None),      # IDR that is no reference
    ("h264", b"\x07\x00", None),      # SPS that is no reference
    ("h264", b"\x26\x00", None),      # SEI marked as a reference
    ("h264", b"\x29\x00", None),      # access unit delimiter marked as a reference
    ("h264", b"\x00\x00", None), ("h264", b"\x0d\x00", None),   # types 0 and 13
    ("hevc", b"\x02\x01", 1), ("hevc", b"\x26\x01", 19), ("hevc", b"\x42\x01", 33),
    ("hevc", b"\x82\x01", None),      # forbidden bit
    ("hevc", b"\x02\x00", None),      # temporal id 0 (nuh_temporal_id_plus1 = 0)
    ("hevc", b"\x02\x09", None),      # layer 1
    ("hevc", b"\x03\x01", None),      # layer 32 (its high bit is in the first byte)
    ("hevc", b"\x16\x01", None),      # type 11 (reserved)
    ("hevc", b"\x52\x01", None),      # type 41 (reserved)
])
def test_headers_a_stream_can_hold(codec, head, kind):
    assert unit_type(codec, head, 0) == kind


def test_what_a_slice_header_must_say():
    assert slice_pps("h264", h264_slice(3), 0, 1) == (True, 0)
    assert slice_pps("h264", h264_slice(3, first=False), 0, 1) == (False, 0)
    assert slice_pps("h264", b"\x41" + BitWriter().ue(0).ue(10).ue(0).done(), 0, 1) is None
    assert slice_pps("h264", b"\x41" + BitWriter().ue(0).ue(0).ue(255).done(), 0, 1) == (True, 255)
    assert slice_pps("h264", b"\x41" + BitWriter().ue(0).ue(0).ue(256).done(), 0, 1) is None
    assert slice_pps("hevc", b"\x02\x01" + BitWriter().u(1, 1).ue(63).done(), 0, 1) == (True, 63)
    assert slice_pps("hevc", b"\x02\x01" + BitWriter().u(1, 1).ue(64).done(), 0, 1) is None
    # an IRAP slice carries no_output_of_prior_pics_flag before its PPS id
    assert slice_pps("hevc", b"\x26\x01" + BitWriter().u(1, 1).u(1, 1).ue(2).done(), 0, 19) \
        == (True, 2)
    assert [k for k in range(41) if leads_picture("hevc", k)] == [32, 33, 34, 35, 39]
    assert [k for k in range(13) if leads_picture("h264", k)] == [6, 7, 8, 9]


# --- what the next slice must say ------------------------------------------------------------
def _order(*units: bytes, sps: bytes | None = None) -> H264Order:
    order = H264Order()
    order.parameter_set(sps or h264_sps())
    order.parameter_set(h264_pps())
    for unit in units:
        order.took(unit)
    return order


def test_h264_frame_numbers():
    order = _order(h264_slice(0, idr=True), h264_slice(1))
    assert order.fits(h264_slice(2)) and order.fits(h264_slice(2, ref=False))
    assert not order.fits(h264_slice(1))            # a frame repeats its number only as a field
    assert not order.fits(h264_slice(3)) and not order.fits(h264_slice(0))
    assert order.fits(h264_slice(0, idr=True)) and not order.fits(h264_slice(5, idr=True))
    assert order.fits(h264_slice(1, first=False)) and not order.fits(h264_slice(2, first=False))
    order.took(h264_slice(2, ref=False))             # not a reference: the next is still 2
    assert order.fits(h264_slice(2)) and not order.fits(h264_slice(3))
    assert _order(h264_slice(15)).fits(h264_slice(0))   # modulo 2^bits
    fields = _order(h264_slice(4), sps=h264_sps(fields=True))
    assert fields.fits(h264_slice(4)) and fields.fits(h264_slice(5))
    assert _order(h264_slice(4), sps=h264_sps(gaps=True)).fits(h264_slice(9))
    wide = _order(h264_slice(0, idr=True, frame_bits=8), sps=h264_sps(frame_bits=8))
    assert wide.fits(h264_slice(1, frame_bits=8)) and not wide.fits(h264_slice(17, frame_bits=8))
    order.reset()
    assert order.fits(h264_slice(9))                 # after a skip nothing is judged
    assert H264Order().fits(h264_slice(9))           # nor before the parameter sets
    later = _order(h264_slice(4), h264_slice(9, first=False))   # the picture is 4's
    assert later.fits(h264_slice(4, first=False)) and not later.fits(h264_slice(9, first=False))


def test_hevc_slice_type_and_order_count():
    order = HevcOrder()
    order.parameter_set(hevc_sps())
    order.parameter_set(hevc_pps())
    assert order.fits(hevc_slice(200))               # nothing taken yet
    order.took(hevc_slice(None))                     # an IDR: order count 0
    assert order.fits(hevc_slice(8)) and order.fits(hevc_slice(32))
    assert not order.fits(hevc_slice(33)) and not order.fits(hevc_slice(128))
    assert order.fits(hevc_slice(250))               # just before 0, modulo 256
    assert not order.fits(hevc_slice(8, slice_type=3))
    order.took(hevc_slice(100))
    assert order.fits(hevc_slice(120)) and not order.fits(hevc_slice(8))
    order.reset()
    assert order.fits(hevc_slice(8))
    other = HevcOrder()                              # reserved bits and an output flag
    other.parameter_set(hevc_sps())
    other.parameter_set(hevc_pps(extra=2, output=True))
    other.took(hevc_slice(10, extra=2, output=True))
    assert other.fits(hevc_slice(12, extra=2, output=True))
    assert not other.fits(hevc_slice(12, slice_type=4, extra=2, output=True))


# --- places that read as units but are none ---------------------------------------------------
def _stream(n: int, start: int = 1) -> list[bytes]:
    return [h264_slice(i) for i in range(start, start + n)]


def test_an_audio_chunk_that_reads_as_a_slice_of_the_wrong_number_is_stepped_over():
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True), *_stream(3)]
    bait = framed(h264_slice(9, pad=200))[:60] + FILL * 200   # its length ends in the audio
    data = framed(*head) + bait + framed(*_stream(3, 4))
    assert _walked(data) == head + _stream(3, 4)
    good = framed(h264_slice(4, pad=200))[:60] + FILL * 200    # the same with the right number
    assert len(_walked(framed(*head) + good + framed(*_stream(3, 5)))) == len(head) + 4


def test_a_length_that_swallows_pictures_is_no_unit_in_step_or_after_a_gap():
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True), *_stream(3)]
    after = _stream(4, 4)
    swallow = sum(4 + len(u) for u in after[:3]) + 20           # ends inside the fourth
    bait = swallow.to_bytes(4, "big") + h264_slice(4)[:10]
    for gap in (b"", FILL * 50):                                 # in step / after audio
        data = framed(*head) + gap + bait + framed(*after) + FILL * 40
        assert _walked(data) == head + after, gap


def test_a_length_that_ends_on_a_picture_but_swallows_two_is_no_unit():
    """After a gap, a place whose length lands exactly on a later picture, the chain breaking
    soon after: it is taken only if it swallows no pictures."""
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True)]
    after = _stream(3)
    bait = (sum(4 + len(u) for u in after[:2]) + 11).to_bytes(4, "big") + h264_slice(1)[:11]
    data = framed(*head) + FILL * 50 + bait + framed(*after) + FILL * 40
    assert _walked(data) == head + after


def test_a_unit_whose_bytes_hold_one_picture_start_is_still_a_unit():
    """A real unit may hold bytes that read as a picture's start: only two in a row mark a
    length that swallows pictures."""
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True)]
    inner = framed(h264_slice(1, pad=4))                          # one picture-like run inside
    inner += (35).to_bytes(4, "big") + h264_slice(2)[:6]          # and one that runs past it
    sei = b"\x06\x05" + bytes([16 + len(inner) + 8]) + FILL * 16 + inner + FILL * 8 + b"\x80"
    one, more = _stream(1), _stream(2, 2)
    data = framed(*head) + FILL * 30 + framed(sei, *one) + FILL * 30 + framed(*more)
    assert _walked(data) == [*head, sei, *one, *more]


def test_a_cut_inside_a_picture_leaves_the_whole_picture_out():
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True)]
    two = [h264_slice(1), h264_slice(1, first=False)]
    data = framed(*head, *two)
    assert _walked(data[:-10]) == head                          # its second slice was cut
    three = framed(*head, *two, h264_slice(2))
    assert _walked(three[:-10]) == [*head, *two]                 # the next picture's was
    whole = walk("h264", three[:-10], 0, len(three) - 10)
    assert whole.cut_at == len(framed(*head, *two))


def test_pictures_lost_in_a_gap_do_not_make_the_next_ones_look_false():
    """What a gap skipped may have held pictures (damage): the next ones are not judged by the
    numbers before it."""
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True), h264_slice(1)]
    later = [h264_slice(4), h264_slice(5)]
    data = framed(*head) + FILL * 30 + framed(later[0]) + FILL * 30 + framed(later[1]) + FILL * 9
    assert _walked(data) == head + later


def test_a_lone_unit_in_noise_is_no_video():
    lone = FILL * 900 + framed(h264_slice(0, idr=True)) + FILL * 900
    assert guess_codec(lone, 0, len(lone)) is None
    some = FILL * 900 + framed(h264_sps(), h264_pps(), h264_slice(0, idr=True)) + FILL * 900
    assert guess_codec(some, 0, len(some)) == "h264"


def test_a_slice_naming_a_pps_the_stream_lacks_is_no_unit_even_right_after_its_pps():
    """The walk looked at that place before it had read the PPS; what it saw then is not kept."""
    sets = [h264_sps(), h264_pps(0)]
    data = framed(*sets, h264_slice(0, idr=True, pps=3), h264_slice(0, idr=True), *_stream(2))
    assert _walked(data) == [*sets, h264_slice(0, idr=True), *_stream(2)]


def test_a_length_past_the_end_in_step_is_no_cut_when_the_video_goes_on():
    """Audio that reads as a unit too long for what is left of the file: the video after it
    is not thrown away as if the recording ended there; a real cut still ends the walk."""
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True), h264_slice(1)]
    bait = (1 << 20).to_bytes(4, "big") + h264_slice(2)[:12]
    later = _stream(3, 2)
    data = framed(*head) + bait + FILL * 40 + framed(*later)
    assert _walked(data) == head + later
    cut = framed(*head, *later)[:-8]
    walked = walk("h264", cut, 0, len(cut))
    assert len(walked.units) == len(head) + 2 and walked.cut_at is not None


def test_a_cut_slice_holding_a_picture_start_is_still_a_cut():
    """The data ends inside a picture's second slice, whose bytes hold a picture-like run and
    after it one that runs past the end: the video does not go on there (no whole units follow
    one another), and the picture is left out."""
    head = [h264_sps(), h264_pps(), h264_slice(0, idr=True)]
    run = framed(h264_slice(2)[:8]) + (500).to_bytes(4, "big") + h264_slice(3)[:8]
    second = h264_slice(1, first=False)[:6] + run + FILL * 300
    data = framed(*head, h264_slice(1), second)[:-200]
    walked = walk("h264", data, 0, len(data))
    assert [data[a:a + n] for a, n, _k, _s in walked.units] == head
    assert walked.cut_at == len(framed(*head, h264_slice(1)))
