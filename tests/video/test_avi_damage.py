"""Damaged AVI exports (issue 11, class 7). FFmpeg's AVI demuxer numbers frames by counting the
chunks it finds, so after a chunk it lost (a zeroed sector took its header) every later frame
was shown a frame early, unflagged. Numbered by the file's own index (app/video/avi_index.py)
each keeps its time; where frames are shown out of decode order, the frames around the damage
are flagged. Every file is made at run time."""

from __future__ import annotations

import struct
from pathlib import Path

import av
import pytest

from app.video import VideoError, open_video
from app.video.avi_index import Renumbered, chunk_numbers
from tests.format_encoders import ffmpeg_encode, x264
from tests.formats import make_variant
from tests.media import frame_index_of, media_dir

VTEST = Path("/usr/share/doc/opencv-doc/examples/data/vtest.avi")


def _no_bframes() -> Path:
    """H.264 without B-frames in AVI, as most DVRs write it (frames placed by timestamps)."""
    path = media_dir() / "avi-h264-nob-v1.avi"
    if not path.exists():
        part = path.with_name(".part-" + path.name)
        ffmpeg_encode(part, 100, (320, 240), 25, x264(25, bframes=0))
        part.replace(path)
    return path


def _source(name: str) -> Path:
    return _no_bframes() if name == "no_bframes" else make_variant(name).path


def _packets(path: Path) -> tuple[list[av.Packet], int, int]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return [p for p in container.demux(stream) if p.size], stream.index, stream.frames


@pytest.mark.parametrize("name", ["no_bframes", "avi_h264_opengop", "avi_mpeg4_bframes",
                                  "avi_mpeg4_dropped", "avi_h264_bframes_dropped", "vtest"])
def test_the_files_index_numbers_every_chunk_as_ffmpeg_counts_a_sound_file(name):
    if name == "vtest" and not VTEST.exists():
        pytest.skip("opencv-doc is not installed")
    path = VTEST if name == "vtest" else _source(name)
    packets, stream, listed = _packets(path)
    found = chunk_numbers(path, stream)
    assert found is not None
    numbers, filled = found
    assert [numbers[p.pos] for p in packets] == [p.dts for p in packets]
    assert len(numbers) == listed and len(filled) <= len(numbers)
    assert Renumbered.of(path, stream, listed) is not None
    assert Renumbered.of(path, stream, listed + 1) is None     # not the index FFmpeg read


def test_a_file_without_an_index_is_not_renumbered():
    path = make_variant("avi_h264_killed").path                 # cut before idx1 was written
    assert chunk_numbers(path, 0) is None


def _lose_chunk(path: Path, share: float, tmp_path: Path) -> tuple[Path, int]:
    """A copy with the header and first bytes of one non-key chunk zeroed (FFmpeg skips it);
    the lost chunk's number."""
    packets, _, _ = _packets(path)
    at = next(p for p in packets[int(len(packets) * share):] if not p.is_keyframe)
    data = bytearray(path.read_bytes())
    data[at.pos - 8:at.pos + 24] = bytes(32)
    out = tmp_path / "lost.avi"
    out.write_bytes(bytes(data))
    return out, int(at.dts)


def _truth(path: Path) -> tuple[dict[int, int], int]:
    """The sound file's frame code at each time slot, and how many warnings it has."""
    with open_video(path) as video:
        return {round(video.pts(i) * 25): frame_index_of(video.read(i))
                for i in range(video.frame_count)}, len(video.index.warnings)


@pytest.mark.parametrize("name", ["no_bframes", "avi_h264_opengop", "avi_mpeg4_bframes"])
@pytest.mark.parametrize("share", [0.35, 0.6])
def test_frames_after_a_lost_chunk_keep_their_times(name, share, tmp_path):
    source = _source(name)
    truth, notes = _truth(source)
    damaged, _lost = _lose_chunk(source, share, tmp_path)
    flagged = []
    with open_video(damaged, cache_bytes=2 << 20) as video:
        assert video.frame_count == len(truth) - 1
        assert len(video.index.warnings) > notes                # the loss is told
        for i in range(video.frame_count - 1, -1, -1):           # from an empty cache
            video.cache.clear()
            try:
                code = frame_index_of(video.read(i))
            except VideoError:
                continue                                        # (says so: cannot be read)
            if video.is_damaged(i):
                flagged.append(i)
                continue
            assert code == truth[round(video.pts(i) * 25)], i
        last = video.frame_count - 1
        assert flagged and last not in flagged
        assert round(video.pts(last) * 25) == max(truth)        # the end keeps its time


def _with_odml(source: Path, out: Path) -> Path:
    """``source`` (FFmpeg's AVI: idx1, and room left for an OpenDML super index) indexed the
    way recorders index files past 1 GB: an ``indx`` super index in the stream header pointing
    to an ``ix00`` standard index (appended), the idx1 renamed away."""
    packets, _, _ = _packets(source)
    data = bytearray(source.read_bytes())
    rows = b"".join(struct.pack("<II", p.pos, p.size | (0 if p.is_keyframe else 1 << 31))
                    for p in packets)
    body = struct.pack("<HBBI4sQI", 2, 0, 1, len(packets), b"00dc", 0, 0) + rows
    at = len(data)
    data += b"ix00" + struct.pack("<I", len(body)) + body
    junk = data.index(b"JUNK", data.index(b"strl"))          # the room FFmpeg left
    room = struct.unpack_from("<I", data, junk + 4)[0]
    indx = struct.pack("<HBBI4s12xQII", 4, 0, 0, 1, b"00dc", at, 8 + len(body), len(packets))
    data[junk:junk + 8 + room] = b"indx" + struct.pack("<I", room) + indx.ljust(room, b"\0")
    idx1 = data.index(b"idx1")
    data[idx1:idx1 + 4] = b"JUNK"
    out.write_bytes(bytes(data))
    return out


def test_an_opendml_index_numbers_the_chunks_and_keeps_times_past_a_lost_one(tmp_path):
    odml = _with_odml(_no_bframes(), tmp_path / "odml.avi")
    packets, stream, listed = _packets(odml)
    found = chunk_numbers(odml, stream)
    assert found is not None and listed == len(packets) == len(found[0])
    assert [found[0][p.pos] for p in packets] == [p.dts for p in packets]
    truth, _ = _truth(odml)
    damaged, _ = _lose_chunk(odml, 0.5, tmp_path)
    with open_video(damaged, cache_bytes=2 << 20) as video:
        assert video.frame_count == len(truth) - 1
        for i in range(video.frame_count):
            if not video.is_damaged(i):
                assert frame_index_of(video.read(i)) == truth[round(video.pts(i) * 25)], i
