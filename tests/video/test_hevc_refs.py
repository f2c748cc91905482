"""HEVC pictures lost whole, told by the reference picture sets of the pictures after them
(app/video/hevc_refs.py): sets read from hand-written SPS and slice headers, checked against
ITU-T H.265 7.4.8 worked by hand, and x265 streams shaped several ways judged whole (nothing
lost) and with one packet taken out."""

from __future__ import annotations

import itertools

import av
import pytest

from app.video.bits import Bits
from app.video.hevc_order import hvcc_units
from app.video.hevc_refs import HevcRefs, RefSet, _predicted, read_ref_set, sps_ref_sets
from app.video.nal import stream_framing
from tests.format_encoders import ffmpeg_encode, x265
from tests.media import media_dir
from tests.nal_writer import BitWriter, hevc_idr, hevc_pps, hevc_ref_set, hevc_sps_sets, hevc_trail

SET0 = RefSet(((-1, True), (-3, True)), ((2, True),))


def _two_sets(b: BitWriter) -> None:
    """Set 0 coded explicitly; set 1 predicted from it with deltaRps -1, its entries
    (-1, -3, +2, then the one deltaRps adds): dropped, kept unused, kept used, kept used."""
    hevc_ref_set(b, list(SET0.before), list(SET0.after), idx=0)
    b.u(1, 1).u(1, 1).ue(0)                     # predicted; sign -, |deltaRps| 1
    b.u(1, 0).u(1, 0)                           # -1 -> -2: not used, not kept
    b.u(1, 0).u(1, 1)                           # -3 -> -4: not used, kept
    b.u(1, 1)                                   # +2 -> +1: used
    b.u(1, 1)                                   # deltaRps itself (-1): used


def test_sets_coded_in_the_sps_and_predicted_from_each_other():
    sps_id, sets = sps_ref_sets(hevc_sps_sets(_two_sets, 2)[2:])
    assert sps_id == 0
    assert sets == [SET0, RefSet(((-1, True), (-4, False)), ((1, True),))]


def test_ordering_info_for_the_top_sub_layer_only():
    assert sps_ref_sets(hevc_sps_sets(_two_sets, 2, all_layers=False)[2:])[1] == \
        [SET0, RefSet(((-1, True), (-4, False)), ((1, True),))]


def test_a_set_predicted_from_the_one_before_it_not_the_first():
    def sets(b: BitWriter) -> None:
        _two_sets(b)
        b.u(1, 1).u(1, 0).ue(0)                 # set 2 from set 1, deltaRps +1
        for _ in range(4):
            b.u(1, 1)
    got = sps_ref_sets(hevc_sps_sets(sets, 3)[2:])[1]
    assert got is not None and got[2] == RefSet(((-3, True),), ((1, True), (2, True)))


def test_a_stream_with_long_term_references_is_not_judged():
    assert sps_ref_sets(hevc_sps_sets(_two_sets, 2, long_term=True)[2:])[1] is None


def test_a_set_coded_in_a_slice_header_predicts_from_the_one_it_names():
    b = BitWriter().u(1, 1).ue(1)               # predicted, delta_idx_minus1 1: set 0 of 2
    b.u(1, 0).ue(1)                             # sign +, |deltaRps| 2
    for _ in range(4):
        b.u(1, 1)                               # every entry used
    sets = [SET0, RefSet(((-5, True),), ())]
    got = read_ref_set(Bits(b.done()), 2, sets, in_slice=True)
    # -1+2=+1, -3+2=-1, +2+2=+4, and +2 itself
    assert got == RefSet(((-1, True),), ((1, True), (2, True), (4, True)))


def _expected(ref: RefSet, delta: int, flags: list[tuple[int, int]]) -> RefSet:
    """Equations 7-61 and 7-62 put another way: every entry of ``ref`` moved by ``delta``, and
    ``delta`` itself, kept where its use flag says, the current picture (0) never; nearest
    first on each side."""
    moved = [d + delta for d, _ in ref.entries] + [delta]
    kept = [(d, bool(used)) for d, (used, use) in zip(moved, flags, strict=True) if use and d]
    return RefSet(tuple(sorted((k for k in kept if k[0] < 0), reverse=True)),
                  tuple(sorted(k for k in kept if k[0] > 0)))


REFS = [SET0, RefSet(((-2, True),), ()), RefSet((), ((1, True), (3, False))),
        RefSet(((-1, True), (-2, False), (-4, True)), ((1, False), (2, True)))]


@pytest.mark.parametrize("ref", REFS)
def test_every_prediction_from_a_set_is_the_spec_s(ref):
    """Every deltaRps from -5 to +5 and every (used, kept) flag of every entry: entries that
    land on the current picture or cross to the other side included."""
    for delta in (d for d in range(-5, 6) if d):
        for flags in itertools.product([(1, 1), (0, 1), (0, 0)], repeat=len(ref.entries) + 1):
            b = BitWriter().u(1, delta < 0).ue(abs(delta) - 1)
            for used, use in flags:
                b.u(1, used)
                if not used:
                    b.u(1, use)
            assert _predicted(Bits(b.done()), ref) == _expected(ref, delta, list(flags)), \
                (delta, flags)


def _stream(*units: bytes) -> list[bytes]:
    return [b"\x00\x00\x00\x01" + unit for unit in units]


def _judge(refs: HevcRefs, pictures: list[bytes]) -> list[bool]:
    return [refs.follows_loss(p) for p in pictures]


def _sps_stream() -> tuple[HevcRefs, list[bytes]]:
    """IDR 0; then 1, 2, 4, 5 by the SPS's sets: set 0 {-1}, set 1 {-1, -2}."""
    def sets(b: BitWriter) -> None:
        hevc_ref_set(b, [(-1, True)], [], idx=0)
        hevc_ref_set(b, [(-1, True), (-2, True)], [], idx=1)
    refs = HevcRefs()
    refs.parameter_sets(_stream(hevc_sps_sets(sets, 2), hevc_pps()))
    return refs, _stream(hevc_idr(), *(hevc_trail(p, sps_set=1 if p > 1 else 0, sets=2)
                                       for p in (1, 2, 3, 4)))


def test_a_picture_whose_reference_was_lost_is_told_by_the_sps_sets():
    refs, pictures = _sps_stream()
    held = []
    for picture in pictures:
        assert refs.follows_loss(picture) is False
        held.append(sorted(poc for _, poc in refs._have or ()))
    # what each picture's set keeps (set 0 {-1}, then set 1 {-1, -2}) and the picture itself
    assert held == [[0], [0, 1], [0, 1, 2], [1, 2, 3], [2, 3, 4]]
    refs, pictures = _sps_stream()
    refs.reset()
    del pictures[3]                                 # POC 3: POC 4 refers to it
    assert _judge(refs, pictures) == [False, False, False, True]


def test_a_stream_with_a_single_sps_set_names_it_without_bits():
    def sets(b: BitWriter) -> None:
        hevc_ref_set(b, [(-1, True), (-2, False)], [], idx=0)
    refs = HevcRefs()
    refs.parameter_sets(_stream(hevc_sps_sets(sets, 1), hevc_pps()))
    pictures = _stream(hevc_idr(), *(hevc_trail(p, sps_set=0, sets=1) for p in (1, 2, 3)))
    assert _judge(refs, pictures) == [False] * 4
    assert refs._have == {(refs.period, 1), (refs.period, 2), (refs.period, 3)}


def test_a_slice_header_set_predicted_from_an_sps_set():
    refs, pictures = _sps_stream()
    b = BitWriter().u(1, 1).ue(0).ue(1).u(8, 5).u(1, 0)   # POC 5, its own set:
    b.u(1, 1).ue(0).u(1, 1).ue(0)                         # from set 1 {-1, -2}, deltaRps -1
    for _ in range(3):
        b.u(1, 1)                                         # -2, -3 and -1: all used
    own = _stream(b"\x02\x01" + b.done() + b"\xa5" * 20)
    assert _judge(refs, [*pictures, *own]) == [False] * 6
    assert sorted(p for _, p in refs._have or ()) == [2, 3, 4, 5]
    refs, pictures = _sps_stream()
    del pictures[2]                                       # POC 2: 5 uses it (-3); so does 3
    assert _judge(refs, [*pictures[:2], *own]) == [False, False, True]


def test_a_slice_header_set_predicted_from_an_earlier_sps_set():
    """delta_idx_minus1 1: from set 0 {-1} of two, deltaRps +2 (a picture shown earlier)."""
    refs, pictures = _sps_stream()
    b = BitWriter().u(1, 1).ue(0).ue(1).u(8, 3).u(1, 0)   # POC 3, its own set:
    b.u(1, 1).ue(1).u(1, 0).ue(1)                         # from set 0, deltaRps +2
    b.u(1, 0).u(1, 0).u(1, 0).u(1, 1)                     # -1 -> +1 dropped; +2 kept, unused
    own = _stream(b"\x02\x01" + b.done() + b"\xa5" * 20)
    assert _judge(refs, [*pictures[:3], *own]) == [False] * 4
    assert sorted(p for _, p in refs._have or ()) == [3]   # its set keeps only POC 5: not here


def test_a_picture_coding_its_own_set_is_judged_by_it():
    refs, pictures = _sps_stream()
    own = hevc_trail(5, sets=2, own=([(-1, True), (-3, False)], [(1, False)]))
    assert _judge(refs, [*pictures, _stream(own)[0]]) == [False] * 6
    refs, pictures = _sps_stream()
    lost = hevc_trail(5, sets=2, own=([(-2, True)], []))
    del pictures[4]
    # POC 3 is still held (set 1 of POC 3 keeps 2 and 1; nothing dropped it): only 5's
    # used entry -2 -> 3 is judged, and 3 was decoded
    assert _judge(refs, [*pictures, _stream(lost)[0]]) == [False] * 5


def test_nothing_is_judged_before_the_first_irap_picture():
    refs, pictures = _sps_stream()
    assert _judge(refs, pictures[2:]) == [False] * 3        # started mid-GOP: 1 never seen
    refs.reset()
    assert _judge(refs, pictures[3:]) == [False] * 2


def test_a_picture_that_cannot_be_read_stops_the_judging_until_an_irap():
    refs, pictures = _sps_stream()
    cut = pictures[2][:6]                                   # no slice header: unreadable
    assert _judge(refs, [pictures[0], pictures[1], cut, pictures[3], pictures[4]]) == \
        [False] * 5
    assert _judge(refs, [pictures[0], pictures[1]]) == [False, False]


SHAPES = {
    "open_gop_pyramid": (24, ":open-gop=1:b-adapt=0:bframes=4:b-pyramid=1"),
    "closed_gop_refs4": (30, ":open-gop=0:bframes=3:ref=4"),
    "no_bframes": (40, ":bframes=0"),
}


def _x265(shape: str) -> tuple[list[bytes], bytes | None]:
    path = media_dir() / f"hevc-refs-{shape}-v1.mkv"
    if not path.exists():
        ffmpeg_encode(path, 90, (320, 240), 25, x265(*SHAPES[shape]))
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return [bytes(p) for p in container.demux(stream) if p.size], \
            stream.codec_context.extradata


def _refs(extradata: bytes | None) -> HevcRefs:
    refs = HevcRefs(stream_framing("hevc", extradata))
    refs.parameter_sets(hvcc_units(extradata))
    return refs


@pytest.mark.parametrize("shape", SHAPES)
def test_x265_streams_lose_nothing_and_a_reference_taken_out_is_told(shape):
    packets, extradata = _x265(shape)
    refs = _refs(extradata)
    assert not any(refs.follows_loss(p) for p in packets)
    assert refs._have is not None                   # judged to the end
    told = 0
    for gone in range(3, len(packets) - 3, 7):
        refs = _refs(extradata)
        said = [refs.follows_loss(p) for n, p in enumerate(packets) if n != gone]
        told += any(said)
        assert not any(said[:gone]), gone           # nothing before the loss is blamed
    assert told >= 5


def test_decoding_started_at_a_cra_does_not_blame_its_rasl_pictures():
    """The leading pictures of a CRA refer to pictures before it: started there, they are not
    decoded (nor judged); the CRA and what follows it are."""
    packets, extradata = _x265("open_gop_pyramid")
    framing = stream_framing("hevc", extradata)
    assert framing is not None
    cras = [n for n, p in enumerate(packets) if n and
            any(u[0] >> 1 & 0x3F == 21 for u in framing.units(p))]
    assert len(cras) >= 2
    for start in cras:
        refs = _refs(extradata)
        refs.reset()
        assert not any(refs.follows_loss(p) for p in packets[start:]), start
        assert refs._have is not None
