"""Stand-ins for the reference pictures a read does not need (app.video.stand_in), on real x264
streams of the shapes encoders write: every frame read must equal a sequential decode, and the
stand-ins must really be used where the stream allows them."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.video import stand_in as stand_in_module
from app.video.decoder import FrameDecoder
from app.video.fields import avcc_units
from app.video.frame_index import FrameIndex
from app.video.h264_slices import IDR, SLICE, Pictures, Unfollowed
from app.video.packet import padded_packet
from app.video.persisted import load_or_build
from app.video.pixels import to_bgr
from app.video.stand_in import StandIns
from tests.media import media_dir

VF = ["-preset", "veryfast"]      # ref=1 with a B-pyramid: x264's B-references are used only
KEYS = "keyint=40:min-keyint=40:scenecut=0"     # by the B-frames around them
CONFIGS = {
    "mp4_pyramid": (".mp4", VF, ":bframes=3"),
    "mkv_pyramid": (".mkv", VF, ":bframes=3"),
    "ts_pyramid": (".ts", VF, ":bframes=3"),
    "cavlc_slices": (".mp4", VF, ":bframes=3:cabac=0:slices=3"),
    "weighted": (".mp4", VF, ":bframes=3:weightp=2"),
    "strict_two_refs": (".mp4", ["-preset", "fast"], ":bframes=4:b-pyramid=strict:ref=2"),
    "adaptive_16": (".mp4", VF, ":bframes=16:b-adapt=2"),
    "high_422_10bit": (".mp4", VF + ["-pix_fmt", "yuv422p10le"], ":bframes=3"),
    "medium_three_refs": (".mp4", ["-preset", "medium"], ":bframes=3:ref=3"),   # P on B-refs
    "open_gop": (".mkv", VF, ":bframes=3:open-gop=1"),                          # not followed
}


def clip(name: str) -> Path:
    ext, preset, params = CONFIGS[name]
    args = ["-f", "lavfi", "-i", "testsrc2=size=192x128:rate=25,noise=alls=12:allf=t",
            "-frames:v", "130", "-c:v", "libx264", *preset,
            "-x264-params", KEYS + params + ":log-level=error"]
    if "-pix_fmt" not in preset:
        args += ["-pix_fmt", "yuv420p"]
    key = hashlib.sha256(" ".join(args).encode()).hexdigest()[:10]
    target = media_dir() / f"standin-{name}-{key}{ext}"
    if not target.exists():
        part = target.with_name(f".part-{os.getpid()}-{target.name}")
        subprocess.run(["ffmpeg", "-v", "error", "-y", *args, str(part)], check=True)
        part.replace(target)
    return target


def _sequential(path: Path, index: FrameIndex) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [to_bgr(f, index.matrix, index.full_range) for f in container.decode(video=0)]


def _reads(path: Path, index: FrameIndex, ranges) -> tuple[dict[int, list[np.ndarray]], int]:
    """Each (first, last, then) range read by a fresh decoder, then read on to ``then``."""
    got: dict[int, list[np.ndarray]] = {}
    used = 0
    for first, last, then in ranges:
        decoder = FrameDecoder(path, index, threads=3)
        try:
            def sink(i, frame):
                got.setdefault(i, []).append(to_bgr(frame, index.matrix, index.full_range))
            decoder.decode(first, last, sink)
            if then > last:
                decoder.decode(last + 1, then, sink)
            assert not decoder.damaged
            used += decoder._stand_ins.count if decoder._stand_ins else 0
        finally:
            decoder.close()
    return got, used


def _ranges(index: FrameIndex) -> list[tuple[int, int, int]]:
    n, keys = index.frame_count, [int(k) for k in index.key_index]
    out = [(k - 6, k - 1, k + 3) for k in keys[1:]]              # the first step back into a GOP
    out += [(k + d, k + d, k + d + 9) for k in keys for d in (5, 17, 30) if k + d + 9 < n]
    return out + [(n - 4, n - 1, n - 1)]


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_frame_read_with_stand_ins_is_the_frame_itself(name):
    path = clip(name)
    index = load_or_build(path, None, None)
    reference = _sequential(path, index)
    assert len(reference) == index.frame_count == 130
    ranges = _ranges(index)
    got, used = _reads(path, index, ranges)
    wanted = {i for first, _last, then in ranges for i in range(first, then + 1)}
    assert wanted <= set(got)
    assert [i for i in sorted(got) if any(not np.array_equal(f, reference[i]) for f in got[i])] \
        == []
    if name == "medium_three_refs":
        assert used == 0          # its P-pictures may be built on the B-references
    else:
        assert used > 0           # (the open-GOP stream: from its first, IDR, keyframe)


def test_the_rules_are_what_keeps_frames_exact(monkeypatch):
    # stand in for every reference picture shown before the wanted frames: frames differ, so
    # the exactness test above can fail
    path = clip("mp4_pyramid")
    index = load_or_build(path, None, None)
    reference = _sequential(path, index)
    monkeypatch.setattr(stand_in_module, "needed", lambda refs, wanted, held: set(wanted))
    got, used = _reads(path, index, [(k - 3, k - 1, k - 1) for k in map(int, index.key_index[1:])])
    assert used > 0
    assert any(not np.array_equal(f, reference[i]) for i in got for f in got[i])


def test_a_read_stopped_inside_a_plan_starts_again_for_the_next(monkeypatch):
    path = clip("mp4_pyramid")
    index = load_or_build(path, None, None)
    reference = _sequential(path, index)
    decoder = FrameDecoder(path, index, threads=3)
    try:
        calls = iter(range(1000))
        got: dict[int, np.ndarray] = {}
        sink = lambda i, f: got.__setitem__(i, to_bgr(f, index.matrix, index.full_range))  # noqa: E731
        decoder.decode(40, 76, sink, keep_from=74, stop=lambda: next(calls) > 2)
        assert decoder._stand_ins is not None and decoder._stand_ins.open
        decoder.decode(60, 66, sink)          # inside the plan, after the frames it stood in
        assert decoder._stand_ins.count > 0
        assert set(got) >= set(range(60, 67))
        assert all(np.array_equal(f, reference[i]) for i, f in got.items())
    finally:
        decoder.close()


def _standing_in(path: Path) -> tuple[bytes, int]:
    """The stream as an Annex B elementary stream with every non-IDR reference picture
    replaced by its stand-in, and how many were."""
    out, count = bytearray(), 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        reader = Pictures(stream.codec_context.extradata)
        for unit in _units_of_extradata(stream.codec_context.extradata):
            out += b"\x00\x00\x00\x01" + unit
        for packet in container.demux(stream):
            if not packet.size:
                continue
            data = bytes(packet)
            pic = reader.picture(data)
            units = list(reader.units(data))
            if pic is not None and pic.ref and not pic.idr:
                units = [u for u in units if u[0] & 0x1F not in (SLICE, IDR)]
                units += stand_in_module.stand_in_units(pic)
                count += 1
            out += b"".join(b"\x00\x00\x00\x01" + u for u in units)
    return bytes(out), count


def _units_of_extradata(extradata: bytes) -> list[bytes]:
    return [u[3:] for u in avcc_units(extradata)]


@pytest.mark.parametrize("name", ["mp4_pyramid", "cavlc_slices", "high_422_10bit", "weighted"])
def test_ffmpeg_decodes_every_stand_in_without_a_word(name, tmp_path):
    data, count = _standing_in(clip(name))
    assert count > 40
    raw = tmp_path / "standing.h264"
    raw.write_bytes(data)
    run = subprocess.run(["ffmpeg", "-v", "warning", "-i", str(raw), "-f", "framemd5", "-"],
                         capture_output=True, text=True, check=True)
    assert run.stderr.strip() == ""
    assert sum(1 for line in run.stdout.splitlines() if line and line[0] != "#") == 130


def _plan(extradata: bytes, packets: list[av.Packet], low: int, high: int) -> StandIns:
    stand = StandIns(extradata)
    assert [p.pts for p in stand.plan(iter(packets), (low, high))] == [p.pts for p in packets]
    return stand


def _demuxed(path: Path) -> tuple[bytes, list[av.Packet]]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.extradata, [p for p in container.demux(stream) if p.size]


def test_a_plan_is_made_only_where_every_rule_holds():
    extradata, packets = _demuxed(clip("mp4_pyramid"))
    gop = packets[40:80]                                  # one GOP, from its IDR picture
    shown = sorted(int(p.pts) for p in gop)
    stand = _plan(extradata, gop, shown[30], shown[33])
    assert stand.planned and stand.ticks and all(t < shown[30] for t in stand.ticks)
    # every stand-in is a reference picture shown before the wanted frames, never the IDR
    assert all(not p.is_keyframe for p in gop if id(p) in stand.planned)
    # two pictures with one timestamp: a stand-in's frame could not be told from the other's
    twin = list(gop)
    twin[5].pts = twin[6].pts
    with pytest.raises(Unfollowed, match="timestamp"):
        StandIns(extradata)._make_plan(twin, (shown[30], shown[33]))
    twin[5].pts = shown[5]
    # not starting at an IDR picture, or the stand-in's parameter set id in use
    with pytest.raises(Unfollowed, match="IDR"):
        StandIns(extradata)._make_plan(gop[1:], (shown[30], shown[33]))
    pic = Pictures(extradata).picture(bytes(gop[1]))
    assert pic is not None
    ours = stand_in_module.stand_in_units(pic)[0]
    clash = padded_packet(len(ours).to_bytes(4, "big") + ours + bytes(gop[0]))
    clash.pts, clash.dts, clash.time_base = gop[0].pts, gop[0].dts, gop[0].time_base
    with pytest.raises(Unfollowed, match="parameter set id"):
        StandIns(extradata)._make_plan([clash, *gop[1:]], (shown[30], shown[33]))
    assert not _plan(extradata, [clash, *gop[1:]], shown[30], shown[33]).planned


def test_nothing_is_stood_in_when_the_first_frame_is_wanted():
    extradata, packets = _demuxed(clip("mp4_pyramid"))
    gop = packets[40:80]
    first = min(int(p.pts) for p in gop)
    assert not _plan(extradata, gop, first, first + 5 * 512).planned


class Counted:
    """An iterator of packets that counts how many were taken."""

    def __init__(self, packets: list[av.Packet]) -> None:
        self.packets, self.taken = packets, 0

    def __iter__(self) -> Counted:
        return self

    def __next__(self) -> av.Packet:
        if self.taken >= len(self.packets):
            raise StopIteration
        self.taken += 1
        return self.packets[self.taken - 1]


def test_the_plan_reads_ahead_to_the_last_wanted_frame_and_says_while_it_is_open():
    extradata, packets = _demuxed(clip("mp4_pyramid"))
    gop = packets[40:80]
    shown = sorted(int(p.pts) for p in gop)
    # the last wanted frame: a P picture's, shown after every picture decoded before it
    high = next(n for n, p in enumerate(gop)
                if p.pts >= shown[30] and p.pts > max(int(q.pts) for q in gop[:n]))
    stand, source = StandIns(extradata), Counted(gop)
    out = stand.plan(source, (shown[30], int(gop[high].pts)))
    assert next(out) is gop[0] and source.taken == 1 and not stand.open   # fed before planning
    opened = []
    for packet in out:
        fed = stand.instead(packet)
        opened.append(stand.open)
        if packet is gop[high]:
            assert source.taken == high + 1     # no further than the last wanted frame
        if id(packet) in [id(p) for p in gop if int(p.pts) in stand.ticks]:
            assert fed is not packet
            again = Pictures(extradata).picture(bytes(fed))      # framed as the stream is
            orig = Pictures(extradata).picture(bytes(packet))
            assert again is not None and orig is not None
            assert (again.frame_num, again.poc_lsb, again.unmark, again.ref) == (
                orig.frame_num, orig.poc_lsb, orig.unmark, orig.ref)
    assert opened[:high - 1] == [True] * (high - 1) and not any(opened[high - 1:])
    assert stand.count == len(stand.ticks) > 0 and not stand.planned
    assert list(StandIns(extradata).plan(iter([]), (0, 1))) == []


def test_a_plan_passes_over_what_cannot_matter_and_stops_where_it_must():
    extradata, packets = _demuxed(clip("mp4_pyramid"))
    gop = packets[40:80]
    shown = sorted(int(p.pts) for p in gop)
    wanted = (shown[30], shown[33])
    base = _plan(extradata, gop, *wanted)
    # a non-reference picture shown before the wanted frames is not read: garbage there is
    # no reason to give up the plan
    n = next(i for i, p in enumerate(gop) if p.pts < wanted[0] and not bytes(p)[4] & 0x60)
    broken = padded_packet(bytes(gop[n])[:5] + b"\xff" * 8)
    broken.pts, broken.dts, broken.time_base = gop[n].pts, gop[n].dts, gop[n].time_base
    assert _plan(extradata, [*gop[:n], broken, *gop[n + 1:]], *wanted).ticks == base.ticks
    # a packet without a timestamp ends the plan there; the next IDR picture too
    cut = next(i for i, p in enumerate(gop) if p.pts >= wanted[0])
    untimed = padded_packet(bytes(gop[cut]))
    untimed.dts, untimed.time_base = gop[cut].dts, gop[cut].time_base
    early = _plan(extradata, [*gop[:cut], untimed, *gop[cut + 1:]], *wanted)
    assert early.ticks and early.ticks <= base.ticks
    two = packets[:80]                      # two GOPs: wanted frames in the second
    far = sorted(int(p.pts) for p in packets[40:80])
    both = _plan(extradata, two, far[30], far[33])
    assert both.ticks and max(both.ticks) < min(int(p.pts) for p in packets[40:80])


def test_a_stand_ins_frame_is_never_placed():
    path = clip("mp4_pyramid")
    index = load_or_build(path, None, None)
    decoder = FrameDecoder(path, index, threads=3)
    try:
        decoder.prepare()
        assert decoder._stand_ins is not None
        frames = []
        for i in (5, 6):
            frame = av.VideoFrame(16, 16, "yuv420p")
            frame.pts = int(index.ticks[i])
            frames.append(frame)
        decoder._stand_ins.ticks = {int(index.ticks[5])}
        assert [i for i, _f in decoder._placed_pts(frames)] == [6]
        decoder._stand_ins.forget()
        assert [i for i, _f in decoder._placed_pts(frames)] == [5, 6]
    finally:
        decoder.close()
