"""Damaged HEVC exports (issue 11, class 7). FFmpeg's HEVC decoder says nothing of damage: a
zeroed run inside a picture decodes to garbage, a picture lost whole is stood in for, and a
picture it refuses drops the rest of its GOP. Here each is flagged from the bitstream (the NAL
syntax the zeros break, the reference picture sets the loss breaks), every other frame is the one
its time says, and what follows the next keyframe is sound. Every file is made at run time."""

from __future__ import annotations

import subprocess
from pathlib import Path

import av
import pytest

from app.video import VideoError, open_video
from app.video.nal import stream_framing
from tests.formats import make_variant
from tests.media import frame_index_of

FRAMES = 100


def _copy(tmp_path: Path, ext: str, fmt: str | None = None) -> Path:
    """The open-GOP HEVC variant (CRA keyframes with leading pictures) stream-copied."""
    v = make_variant("ts_hevc_opengop", frames=FRAMES)
    out = tmp_path / f"copy.{ext}"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(v.path), "-c", "copy",
                    *(["-f", fmt] if fmt else []), str(out)], check=True)
    return out


def _pictures(path: Path) -> list[tuple[int, int, bool, int]]:
    """(file position, size, keyframe, pts) of every video packet."""
    with av.open(str(path)) as container:
        return [(int(p.pos), p.size, p.is_keyframe, int(p.pts))
                for p in container.demux(container.streams.video[0]) if p.size]


def _zeroed(path: Path, start: int, count: int) -> Path:
    data = bytearray(path.read_bytes())
    data[start:start + count] = bytes(count)
    out = path.with_name("bad" + path.suffix)
    out.write_bytes(bytes(data))
    return out


def _check(path: Path) -> tuple[list[int], list[int]]:
    """Every frame read from an empty cache, last to first: unflagged ones must be the frame
    their time says. Returns (flagged, unreadable) frame numbers."""
    flagged, unreadable = [], []
    with open_video(path, cache_bytes=2 << 20) as video:
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            try:
                code = frame_index_of(video.read(i))
            except VideoError:
                unreadable.append(i)
                continue
            if video.is_damaged(i):
                flagged.append(i)
            else:
                assert code == round(video.pts(i) * 25), (i, code)
        assert video.frame_count == FRAMES
    return sorted(flagged), sorted(unreadable)


@pytest.mark.parametrize("ext", ["mp4", "mkv"])
def test_a_zeroed_run_inside_a_picture_is_flagged(ext, tmp_path):
    copy = _copy(tmp_path, ext)
    pics = _pictures(copy)
    pos, size, _, pts = max((p for p in pics[40:60] if not p[2]), key=lambda p: p[1])
    flagged, unreadable = _check(_zeroed(copy, pos + size // 2, 16))
    assert not unreadable and flagged
    key_after = next(p[3] for p in pics if p[2] and p[0] > pos)
    with open_video(copy) as whole:
        damaged_at = whole.index.index_of_ticks(pts)
        next_key = whole.index.index_of_ticks(key_after)
    assert damaged_at in flagged
    assert max(flagged) < next_key and FRAMES - 1 not in flagged


def test_a_picture_the_decoder_refuses_leaves_the_rest_of_its_gop_flagged(tmp_path):
    """Its slice header zeroed: FFmpeg refuses the picture, and would drop every picture built
    on it; they are shown, flagged, and only the refused one cannot be read."""
    copy = _copy(tmp_path, "mp4")
    pics = _pictures(copy)
    pos, size, _, pts = max((p for p in pics[30:45] if not p[2]), key=lambda p: p[1])
    flagged, unreadable = _check(_zeroed(copy, pos + 4, 12))
    with open_video(copy) as whole:
        refused = whole.index.index_of_ticks(pts)
    assert unreadable == [refused]
    assert len(flagged) >= 5 and FRAMES - 1 not in flagged


def _reference(data: bytes, extradata: bytes | None) -> bool:
    """A packet whose picture other pictures may refer to (a sub-layer reference, not IRAP)."""
    framing = stream_framing("hevc", extradata)
    assert framing is not None
    kinds = [u[0] >> 1 & 0x3F for u in framing.units(data)]
    return any(k <= 14 and k % 2 == 1 for k in kinds)


@pytest.mark.parametrize("fmt", ["matroska", "mpegts"])
def test_a_picture_lost_whole_flags_what_refers_to_it(fmt, tmp_path):
    """A packet gone with its container header: nothing says so but the reference picture
    sets of the pictures after it."""
    copy = _copy(tmp_path, "mkv")
    out = tmp_path / ("lost.mkv" if fmt == "matroska" else "lost.ts")
    with av.open(str(copy)) as src, av.open(str(out), "w", format=fmt) as dst:
        stream = src.streams.video[0]
        extradata = stream.codec_context.extradata
        clone = dst.add_stream_from_template(stream)
        n, lost = 0, None
        for pk in src.demux(stream):
            if not pk.size:
                continue
            n += 1
            if lost is None and n > 45 and _reference(bytes(pk), extradata):
                lost = pk.pts
                continue
            pk.stream = clone
            dst.mux(pk)
    with open_video(out, cache_bytes=2 << 20) as video:
        flagged = []
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            code = frame_index_of(video.read(i))
            j = round(video.pts(i) * 25)
            if video.is_damaged(i):
                flagged.append(j)
            else:
                assert code == j, (i, code, j)
    with open_video(copy) as whole:
        gone = whole.index.index_of_ticks(lost)
        keys = list(whole.keyframes)
    assert flagged and min(flagged) > gone - 8          # (leading pictures may refer to it)
    assert max(flagged) < next(k for k in keys if k > gone)


def test_a_zeroed_run_in_a_raw_stream_is_flagged(tmp_path):
    """A raw .265 (frames counted): the same NAL syntax says where the damage is."""
    raw = _copy(tmp_path, "265", fmt="hevc")
    data = raw.read_bytes()
    at = -1
    for _ in range(40):                                  # the 40th TRAIL_R slice
        at = data.index(b"\x00\x00\x01\x02\x01", at + 1)
    flagged, unreadable = _check(_zeroed(raw, at + 40, 64))
    assert flagged and not unreadable and FRAMES - 1 not in flagged
