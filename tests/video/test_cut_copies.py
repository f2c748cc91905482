"""Copies cut off part-way (a USB stick pulled mid-copy, a download stopped): every frame the
file still holds reads exactly as FFmpeg decodes it, and the file says it is incomplete, also
where the container declares no duration (MPEG-TS, MPEG-PS, IMKH, DAV, AVI, short Matroska)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest

from app.video import VideoError, open_video
from app.video.declared import _matroska_end, ends_early
from app.video.fields import FieldPairs
from app.video.index import build_index, truncated_note
from app.video.nal import Framing
from tests.formats import make_variant
from tests.media import frame_index_of, make_clip
from tests.video.test_bad_input import _reference


def _remuxed(src: Path, out: Path, *args: str) -> Path:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(src), "-c", "copy", *args, str(out)],
                   check=True)
    return out


def _whole(kind: str, tmp: Path) -> Path:
    """A finished recording of ``kind``, with B-frames where the format has them."""
    if kind == "mp4_faststart":
        return _remuxed(make_clip("h264_mp4", frames=100), tmp / "whole.mp4",
                        "-movflags", "+faststart")
    if kind == "mp4_fragmented":     # written as it records (phones, browsers, NVR web clients)
        return _remuxed(make_clip("h264_mp4", frames=100), tmp / "whole.mp4",
                        "-movflags", "frag_keyframe+empty_moov+default_base_moof")
    if kind == "m2ts":
        return _remuxed(make_variant("ts_h264").path, tmp / "whole.m2ts",
                        "-f", "mpegts", "-mpegts_m2ts_mode", "1")
    variant = {"mkv": "mkv_h264_opengop", "avi": "avi_h264_opengop", "ts": "ts_h264",
               "ps": "mpg_mpeg2", "imkh": "imkh_h264", "dav": "dav_h264",
               "asf": "asf_mpeg4_bframes", "wmv": "wmv_wmv2"}[kind]
    return make_variant(variant).path


def _cut(src: Path, dest: Path, share: float) -> Path:
    data = src.read_bytes()
    at = int(len(data) * share) | 1     # odd: never on a packet or pack boundary
    dest.write_bytes(data[:at])
    return dest


KINDS = ["mp4_faststart", "mp4_fragmented", "mkv", "avi", "ts", "m2ts", "ps", "imkh", "dav",
         "asf", "wmv"]


@pytest.mark.parametrize("share", [0.5, 0.93])
@pytest.mark.parametrize("kind", KINDS)
def test_a_cut_copy_shows_what_ffmpeg_shows_and_says_it_is_cut(kind, share, tmp_path):
    whole = _whole(kind, tmp_path)
    path = _cut(whole, tmp_path / f"cut{whole.suffix}", share)
    reference = _reference(path)
    with open_video(path) as video:
        assert video.truncated, video.warnings
        assert any("不完整" in w or "截断" in w for w in video.warnings)
        assert video.frame_count == len(reference)
        damaged = set()
        for i in range(video.frame_count):
            video.cache.clear()             # every frame entered on its own, the last ones too
            code = frame_index_of(video.read(i))
            if video.is_damaged(i):         # a partial picture: what is concealed is undefined
                damaged.add(i)
            else:
                assert code == reference[i], i
        if kind.startswith("mp4"):          # whole pictures only: nothing shown is damaged
            assert not damaged
        assert all(i >= video.frame_count - 4 for i in damaged), damaged


def _key_packet(path: Path, nth: int) -> tuple[int, int]:
    """File position and size of the ``nth`` keyframe's packet."""
    with av.open(str(path)) as container:
        keys = [p for p in container.demux(video=0) if p.size and p.is_keyframe]
    return keys[nth].pos, keys[nth].size


@pytest.mark.parametrize("variant", ["ts_hevc", "dav_hevc", "ts_h264", "imkh_h264"])
@pytest.mark.parametrize("into", [0.01, 0.5])
def test_a_keyframe_cut_short_is_no_frame_unless_it_shows(variant, into, tmp_path):
    """Keyframes are the largest pictures, so a cut most often lands in one. Cut right after
    its parameter sets (no slice yet) or half way into its slice, with start codes nothing
    says it is short: the frame count is what FFmpeg decodes, and every frame listed reads
    (HEVC gives nothing of a half keyframe; H.264 conceals it, flagged)."""
    whole = make_variant(variant).path
    pos, size = _key_packet(whole, 2)
    path = tmp_path / f"cut{whole.suffix}"
    path.write_bytes(whole.read_bytes()[:pos + max(60, int(size * into))])
    reference = _reference(path)
    with open_video(path) as video:
        assert video.truncated and video.frame_count == len(reference), video.warnings
        assert any(str(len(reference)) in w for w in video.warnings)
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            code = frame_index_of(video.read(i))
            assert video.is_damaged(i) or code == reference[i], i


def _packets(path: Path) -> list[av.Packet]:
    with av.open(str(path)) as container:
        return [p for p in container.demux(video=0) if p.size]


@pytest.mark.parametrize("variant", ["ts_hevc", "ts_h264", "dav_hevc"])
def test_the_last_picture_of_a_cut_copy_is_flagged(variant, tmp_path):
    """Cut half way into a predicted picture: with start codes nothing says the last packet is
    whole. HEVC gives no error for a slice cut short (the rest of the picture is whatever the
    decoder's buffer held), so the index names the picture and every read flags it."""
    whole = make_variant(variant).path
    packets = _packets(whole)
    tail = max((p for p in packets[60:90] if not p.is_keyframe), key=lambda p: p.size)
    path = tmp_path / f"cut{whole.suffix}"
    path.write_bytes(whole.read_bytes()[:tail.pos + tail.size // 2])
    with open_video(path) as video:
        last = video.frame_count - 1
        assert video.truncated and video.index.cut_frame >= 0
        assert int(video.index.ticks[video.index.cut_frame]) == tail.pts or \
            video.index.seek_by == "pos"
        video.read(video.index.cut_frame)
        assert video.is_damaged(video.index.cut_frame)
        for i in range(last, last - 8, -1):                 # the others read as they are
            if i != video.index.cut_frame:
                video.cache.clear()
                assert frame_index_of(video.read(i)) == i and not video.is_damaged(i), i
    with open_video(whole) as video:                        # a whole file names none
        assert video.index.cut_frame == -1


def _cut_to_its_headers(whole: Path, tail: av.Packet, path: Path) -> None:
    """Write ``whole`` cut where only the first few bytes of ``tail``'s data arrived."""
    data = whole.read_bytes()
    for k in range(8, 400):
        path.write_bytes(data[:tail.pos + k])
        last = _packets(path)[-1]
        if last.pos == tail.pos and 0 < last.size <= 16:
            return
    raise AssertionError("no cut leaves a few bytes of the packet")


@pytest.mark.parametrize(("variant", "settled"), [("mpg_mpeg2", 1), ("dav_h264", 0)])
def test_a_last_picture_cut_to_its_headers_is_no_frame(variant, settled, tmp_path):
    """A copy that ends a few bytes into a picture's data: those give nothing, so the picture
    is not counted and nothing listed fails to read (FFmpeg shows no frame there either).
    H.264 bytes that hold no slice are told while indexing; an MPEG-2 picture is decoded
    once, when the index is built (``settled``: the frames that step removes)."""
    whole = make_variant(variant).path
    packets = _packets(whole)
    tail = max((p for p in packets[60:90] if not p.is_keyframe), key=lambda p: p.size)
    path = tmp_path / f"cut{whole.suffix}"
    _cut_to_its_headers(whole, tail, path)
    reference = _reference(path)
    with open_video(path) as video:
        assert video.truncated and video.index.cut_frame == -1
        assert video.frame_count == len(reference) == build_index(path).frame_count - settled
        assert truncated_note(video.frame_count) in video.warnings
        for i in range(video.frame_count - 1, video.frame_count - 6, -1):
            video.cache.clear()     # (the demuxer may call the packet before the cut corrupt)
            assert frame_index_of(video.read(i)) == reference[i]
            assert not video.is_damaged(i) or i >= video.frame_count - 3


def test_an_index_without_a_frame_moves_the_later_ones_down():
    index = build_index(make_variant("ts_joined_restart").path)   # two recordings
    cut = replace(index, cut_frame=7, size_runs=np.array([[0, 320, 240], [60, 160, 120]]))
    out = cut.without_frame(7)
    assert out.frame_count == index.frame_count - 1 and out.cut_frame == -1
    assert list(out.ticks) == list(np.delete(index.ticks, 7))
    assert list(out.key_index) == [k - (k > 7) for k in index.key_index]
    assert list(out.segments) == [s - (s > 7) for s in index.segments] and out.segments[1] > 7
    assert out.size_runs.tolist() == [[0, 320, 240], [59, 160, 120]]
    assert index.frame_count == cut.frame_count        # (a copy: the index is left as it was)


@pytest.mark.parametrize("variant", ["ts_h264_paff", "mkv_h264_paff"])
def test_a_field_whose_pair_was_cut_off_is_no_frame(variant, tmp_path):
    """Interlaced recordings code each frame as two fields, two packets. A copy cut off
    between them ends in a lone first field, which no decoder shows as a frame."""
    whole = make_variant(variant).path
    packets = _packets(whole)
    pairs = FieldPairs(av.open(str(whole)).streams.video[0].codec_context.extradata)
    seconds = [n for n, p in enumerate(packets) if pairs.second_field(bytes(p))]
    second = packets[next(n for n in seconds if n > len(packets) // 2)]
    path = tmp_path / f"cut{whole.suffix}"
    path.write_bytes(whole.read_bytes()[:second.pos + 12])
    reference = _reference(path)
    with open_video(path) as video:
        assert video.truncated and video.frame_count == len(reference)
        for i in range(video.frame_count - 1, video.frame_count - 6, -1):
            video.cache.clear()
            assert frame_index_of(video.read(i)) == reference[i], i


@pytest.mark.parametrize("into", [8, 300, 2000])
def test_an_mp4_cut_inside_its_index_is_told_to_be_rescued(into, tmp_path):
    """A recording whose index (moov) comes last, cut while or after it was being written:
    FFmpeg may read what there is of it and find no stream, or a stream of no codec. The
    officer is told what the file is — its index cut off, its video rescuable — not "no video"."""
    whole = make_variant("mp4_hevc_no_sync_table").path     # (moov at the end)
    data = whole.read_bytes()
    moov = data.rindex(b"moov") - 4
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[:moov + into])
    with pytest.raises(VideoError, match="可将其中的视频抢救为可读副本"):
        open_video(path)


@pytest.mark.parametrize("kind", KINDS)
def test_a_finished_recording_is_not_called_cut(kind, tmp_path):
    whole = _whole(kind, tmp_path)
    with open_video(whole) as video:
        assert not video.truncated, video.warnings


def _fmt(kind: str) -> str:
    return {"mkv": "matroska", "avi": "avi", "ts": "mpegts", "m2ts": "mpegts", "ps": "mpeg",
            "imkh": "mpeg", "dav": "dhav", "asf": "asf", "wmv": "asf"}[kind]


@pytest.mark.parametrize("kind", ["mkv", "avi", "ts", "m2ts", "ps", "imkh", "dav", "asf", "wmv"])
def test_declared_size_finds_a_cut_anywhere(kind, tmp_path):
    whole = _whole(kind, tmp_path)
    size = whole.stat().st_size
    assert not ends_early(whole, _fmt(kind), size)
    for share in (0.2, 0.5, 0.8, 0.99):
        cut = _cut(whole, tmp_path / f"cut{whole.suffix}", share)
        assert ends_early(cut, _fmt(kind), cut.stat().st_size), share
    short = tmp_path / f"short{whole.suffix}"            # one byte short
    short.write_bytes(whole.read_bytes()[:-1])
    assert ends_early(short, _fmt(kind), size - 1)


def _keep(path: Path, data: bytes | bytearray) -> Path:
    path.write_bytes(bytes(data))
    return path


def test_what_cannot_be_told_is_not_called_cut(tmp_path):
    # an AVI whose recorder was killed: its RIFF size is still the zero written at the start
    killed = make_variant("avi_h264_killed").path
    assert not ends_early(killed, "avi", killed.stat().st_size)
    # a Matroska file written to a pipe: its Segment size is "unknown"
    live = subprocess.run(["ffmpeg", "-v", "error", "-i", str(make_clip("h264_mkv", frames=60)),
                           "-c", "copy", "-f", "matroska", "pipe:1"], check=True,
                          capture_output=True).stdout
    assert _matroska_end(live[:4096]) is None
    cut = tmp_path / "live.mkv"
    cut.write_bytes(live[: len(live) // 2])
    assert not ends_early(cut, "matroska", cut.stat().st_size)
    # a program stream padded with zeros to a whole sector, as some recorders write it
    ps = _whole("ps", tmp_path).read_bytes()
    padded = tmp_path / "padded.mpg"
    padded.write_bytes(ps + bytes(2048 - len(ps) % 2048))
    assert not ends_early(padded, "mpeg", padded.stat().st_size)
    # an ASF file that says it was broadcast (written live): its file size is not valid
    asf = bytearray(_whole("asf", tmp_path).read_bytes())
    at = asf.index(bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365")) + 88   # its flags
    assert not asf[at] & 1 and ends_early(_cut(_keep(tmp_path / "a.asf", asf), tmp_path /
                                                "cut.asf", 0.5), "asf", len(asf) // 2 | 1)
    asf[at] |= 1
    cut = _cut(_keep(tmp_path / "b.asf", asf), tmp_path / "live.asf", 0.5)
    assert not ends_early(cut, "asf", cut.stat().st_size)
    # not a format with a declared size: never
    other = make_clip("h264_mp4", frames=30)
    assert not ends_early(other, "mov", other.stat().st_size // 2)


def test_framing_tells_a_unit_cut_off():
    four = Framing(4)
    whole = (3).to_bytes(4, "big") + b"\x65ab" + (2).to_bytes(4, "big") + b"\x41c"
    assert not four.cut_off(whole)
    assert four.cut_off(whole[:-1])             # the last unit runs past the end
    assert four.cut_off(whole[:11])             # a length with nothing after it
    assert four.cut_off(whole + b"\x00\x00")    # half a length field
    assert not four.cut_off(whole + bytes(4))   # a unit of length 0: every length fits
    assert not Framing(0).cut_off(b"\x00\x00\x01\x65ab"[:-1])   # start codes: no lengths
    assert not Framing(2).cut_off((1).to_bytes(2, "big") + b"\x65")


def _pes(payload: bytes, stream: int = 0xE0) -> bytes:
    return b"\x00\x00\x01" + bytes([stream]) + len(payload).to_bytes(2, "big") + payload


def _pack(stuffing: int = 0) -> bytes:
    """An MPEG-2 pack header with ``stuffing`` bytes of 0xFF after it."""
    return b"\x00\x00\x01\xba\x44" + bytes(8) + bytes([0xF8 | stuffing]) + b"\xff" * stuffing


def test_program_stream_walk_reads_pack_stuffing_and_partial_headers(tmp_path):
    from app.video.declared import _ps_cut

    whole = _pack(0) + _pes(b"\x00\x00\x01\x09" + bytes(40)) + _pack(3) + _pes(bytes(30))
    assert not _ps_cut(whole, 0, len(whole))
    assert _ps_cut(whole[:-5], 0, len(whole) - 5)                # a packet cut short
    tail = whole + b"\x00\x00\x01\xe0\x00"                       # half a packet header
    assert _ps_cut(tail, 0, len(tail))
    padded = whole + bytes(5)
    assert not _ps_cut(padded, 0, len(padded))


def _dav_chunk(payload: bytes, n: int) -> bytes:
    import struct

    length = 24 + len(payload) + 8
    return (b"DHAV" + bytes([0xFD, 0, 0, 0]) + struct.pack("<III", n, length, 0)
            + struct.pack("<HBB", 0, 0, 0) + payload + b"dhav" + struct.pack("<I", length))


def test_dav_walk_is_not_fooled_by_its_magic_inside_a_picture():
    from app.video.declared import _dav_cut

    fake = b"DHAV" + bytes(8) + (10 ** 6).to_bytes(4, "little") + bytes(8)   # in the payload
    whole = _dav_chunk(bytes(50), 0) + _dav_chunk(bytes(20) + fake + bytes(20), 1)
    assert not _dav_cut(whole, 0, len(whole))
    assert _dav_cut(whole[:-3], 0, len(whole) - 3)
    assert _dav_cut(whole + b"DHA", 0, len(whole) + 3)          # the next chunk just begun


def _flv_tag(kind: int, body: bytes) -> bytes:
    return bytes([kind]) + len(body).to_bytes(3, "big") + bytes(7) + body


def test_flv_ends_in_the_size_of_its_last_tag(tmp_path):
    from app.video.declared import _flv_cut

    head = b"FLV\x01\x01" + (9).to_bytes(4, "big") + bytes(4)
    one, two = _flv_tag(9, bytes(10)), _flv_tag(9, bytes(5))
    whole = head + one + len(one).to_bytes(4, "big") + two + len(two).to_bytes(4, "big")
    path = tmp_path / "x.flv"
    for data, cut in ((whole, False), (whole[:-1], True),
                      (whole[:-4] + bytes(4), True),                         # no size at all
                      (whole[:-4] + b"\xff" * 4, True),                      # past the start
                      (whole[:-4] + (len(two) + 4 + len(one)).to_bytes(4, "big"), True)):
        path.write_bytes(data)
        with open(path, "rb") as f:
            assert _flv_cut(f, len(data)) is cut
