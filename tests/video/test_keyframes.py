"""Keyframe flags checked against the pictures: an MP4 without a sync-sample table (every
sample a keyframe by the format's rule) and an AVI without its index (FFmpeg flags every chunk)
were entered at P-pictures, every frame refused or, for DivX 3, silently wrong."""

from __future__ import annotations

import av
import pytest

from app.video import open_video
from app.video.keyframes import is_random_access
from app.video.nal import stream_framing
from app.video.packet import padded_packet
from app.video.unmarked import entered, is_intra_picture, with_recovery_point
from tests.formats import make_variant
from tests.media import frame_index_of


@pytest.mark.parametrize("name", ["mp4_hevc_no_sync_table", "mp4_mpeg4_no_sync_table",
                                  "avi_divx3_killed"])
def test_a_container_that_calls_every_picture_a_keyframe_is_not_believed(name):
    v = make_variant(name)
    with av.open(str(v.path)) as container:
        assert all(p.is_keyframe for p in container.demux(video=0) if p.size)  # as claimed
    with open_video(v.path) as video:
        assert 3 <= len(video.keyframes) <= 5
        for i in range(video.frame_count - 1, -1, -1):     # backwards: every GOP entered anew
            video.cache.clear()
            assert frame_index_of(video.read(i)) == v.codes[i], i


def _packets(name: str) -> tuple[str, list[bytes], object, int]:
    """Codec, packet heads, NAL framing, and how many intra pictures FFmpeg decodes."""
    with av.open(str(make_variant(name, frames=30, gop=10).path)) as container:
        stream = container.streams.video[0]
        cc = stream.codec_context
        heads = [bytes(p)[:4096] for p in container.demux(stream) if p.size]
    with av.open(str(make_variant(name, frames=30, gop=10).path)) as container:
        intra = sum(int(f.pict_type) == 1 for f in container.decode(video=0))   # AV_PICTURE_TYPE_I
    return cc.name, heads, stream_framing(cc.name, cc.extradata), intra


@pytest.mark.parametrize("name", ["mp4_h264_nob", "mkv_h264_opengop", "mp4_hevc_no_sync_table",
                                  "ts_hevc_opengop", "mp4_mpeg4_no_sync_table", "mpg_mpeg2",
                                  "avi_divx3_killed", "mp4_h264_refresh"])
def test_each_codecs_pictures_are_told_apart(name):
    codec, packets, framing, intra = _packets(name)
    verdicts = [is_random_access(codec, p, framing) for p in packets]
    assert verdicts[0] is True
    assert None not in verdicts                    # every header was read
    if name == "mp4_h264_refresh":                 # recovery points: P-pictures after an SEI
        assert 1 < verdicts.count(True) < len(verdicts) // 2
    else:                                          # the intra pictures, and only those
        assert verdicts.count(True) == intra >= 2


def test_codecs_not_read_here_keep_the_containers_word():
    assert is_random_access("mjpeg", b"\xff\xd8\xff") is None
    assert is_random_access("vp9", b"\x82\x49\x83") is None
    assert is_random_access("h264", b"") is None
    assert is_random_access("mpeg2video", b"\x00\x00\x01\xb3") is None


def _ue(value: int) -> str:
    code = bin(value + 1)[2:]
    return "0" * (len(code) - 1) + code


def _slice(first_mb: int, slice_type: int, idr: bool = False) -> bytes:
    """An H.264 slice NAL unit's start: header byte, first_mb_in_slice, slice_type, the PPS id
    and some bits of the rest."""
    bits = _ue(first_mb) + _ue(slice_type) + _ue(0) + "1011" * 6
    bits += "1" + "0" * (-(len(bits) + 1) % 8)
    return bytes([0x65 if idr else 0x41]) + int(bits, 2).to_bytes(len(bits) // 8, "big")


def _picture(*slices: bytes) -> bytes:
    return b"".join(b"\x00\x00\x00\x01" + s for s in slices)


def test_a_picture_that_starts_with_an_i_slice_is_intra_only_when_all_its_slices_are():
    """slice_type 7: every slice of the picture is I (x264 writes this). slice_type 2 speaks for
    its own slice only: a picture may start with an I-slice and go on with P-slices (an encoder
    that refreshes one slice row at a time). Entering there would show a wrong picture."""
    whole_i = _picture(_slice(0, 2), _slice(40, 2), _slice(80, 7))
    mixed = _picture(_slice(0, 2), _slice(40, 0), _slice(80, 2))
    stated = _picture(_slice(0, 7), _slice(40, 7))
    assert is_random_access("h264", stated[:12]) is True
    assert is_random_access("h264", whole_i[:12], None, lambda: whole_i) is True
    assert is_random_access("h264", mixed[:12], None, lambda: mixed) is False
    assert is_random_access("h264", mixed) is False                  # no whole: what is seen
    assert is_random_access("h264", _picture(_slice(0, 5))) is False      # a P-slice (5: all P)
    assert is_random_access("h264", _picture(_slice(0, 0, idr=True))) is True   # IDR: all I
    assert is_intra_picture(whole_i[:12], None, lambda: whole_i)
    assert not is_intra_picture(mixed[:12], None, lambda: mixed)
    assert not is_intra_picture(_picture(_slice(40, 7)))             # not the picture's start
    first = padded_packet(mixed)
    assert entered(first) is first                                   # fed as it is
    assert bytes(entered(padded_packet(whole_i))) == with_recovery_point(whole_i) != whole_i
