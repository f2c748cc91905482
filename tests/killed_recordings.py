"""MP4/MOV recordings whose index was never written, made at run time.

A complete recording is encoded with the ffmpeg CLI (frames carrying their index, audio
interleaved as dashcams record it), then cut where a power loss or a stopped copy would cut it:
the ``moov`` at the end is lost with part of the ``mdat``. A killed writer also leaves the
``mdat`` size at 0 (FFmpeg writes it last). The truth is read from the complete file before the
cut, with PyAV: the frames whose samples lie wholly before the cut, in the order shown.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import av

from tests.decoys import decoys
from tests.format_encoders import ffmpeg_encode, x264, x265
from tests.media import media_dir

_VERSION = 4
AUDIO = {
    None: [],
    "aac": ["-f", "lavfi", "-i", "sine=frequency=330:sample_rate=16000", "-map", "0:v",
            "-map", "1:a", "-c:a", "aac", "-shortest"],
    # near silence (samples of -3..3): length fields of zeros and small numbers, the shape
    # most likely to pass for a NAL unit
    "pcm": ["-f", "lavfi", "-i", "aevalsrc=0.0001*sin(2*PI*50*t):s=8000", "-map", "0:v",
            "-map", "1:a", "-c:a", "pcm_s16le", "-shortest"],
}


@dataclass(frozen=True)
class Killed:
    path: Path
    codes: tuple[int, ...]        # the frames a rescue must give, in the order shown
    reference: Path | None        # a complete recording of the same camera (settings only there)
    cut: int                      # where the file ends
    mdat: int                     # where the mdat payload begins
    units: tuple[tuple[int, int, bool, bool], ...]   # see _truth


def _video_args(codec: str, gop: int, bframes: int, inband: bool) -> list[str]:
    if codec == "mjpeg":
        return ["-c:v", "mjpeg", "-q:v", "4"]
    if codec == "h264":
        extra = ":repeat-headers=1" if inband else ""
        return x264(gop, extra, bframes=bframes)
    extra = ":repeat-headers=1" if inband else ""
    args = x265(gop, extra)
    return [a.replace("bframes=3", f"bframes={bframes}") for a in args] + ["-tag:v", "hvc1"]


def mdat_payload(data: bytes) -> tuple[int, int]:
    """(start, end) of the first mdat box's payload of a complete file."""
    at = 0
    while at + 8 <= len(data):
        size, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
        header = 8
        if size == 1:
            size, header = int.from_bytes(data[at + 8:at + 16], "big"), 16
        if kind == b"mdat":
            return at + header, at + size
        at += size
    raise ValueError("no mdat")


def _packets(path: Path) -> list[tuple[float, int, bytes, bool]]:
    """(seconds, 0 for video / 1 for audio, bytes, keyframe) of every packet, in file order."""
    with av.open(str(path)) as c:
        return [(float(p.pts * p.time_base), 0 if p.stream.type == "video" else 1, bytes(p),
                 p.is_keyframe) for p in c.demux() if p.size]


def _avcc_sets(extradata: bytes) -> bytes:
    """An avcC record's SPS and PPS, each behind its 4-byte length (as in a sample)."""
    out, i = bytearray(), 5
    for mask in (0x1F, 0xFF):
        count, i = extradata[i] & mask, i + 1
        for _ in range(count):
            size = int.from_bytes(extradata[i:i + 2], "big")
            out += size.to_bytes(4, "big") + extradata[i + 2:i + 2 + size]
            i += 2 + size
    return bytes(out)


Sample = tuple[float, int, int, bool]      # (time, start, end, keyframe) of a video sample


def _chunked(path: Path, seconds: float, sets_some: bool = False, codec: str = "h264",
             decoyed: bool = False) -> tuple[bytes, list[Sample]]:
    """The file's samples laid out again as a dashcam writes them: ``seconds`` of video, then
    the audio of those seconds (an ftyp, an mdat of size 0, no index); with ``sets_some`` the
    H.264 settings go in band before the first and third keyframes only, with ``decoyed`` a decoy
    (tests/decoys.py) goes between each two video chunks."""
    packets = _packets(path)
    if sets_some:
        with av.open(str(path)) as c:
            sets = _avcc_sets(bytes(c.streams.video[0].codec_context.extradata))
        keys = [n for n, p in enumerate(packets) if p[1] == 0 and p[3]]
        for n in keys[:3:2]:
            packets[n] = (packets[n][0], 0, sets + packets[n][2], True)
    video = [p for p in packets if p[1] == 0]
    audio = [p for p in packets if p[1] == 1]
    baits = decoys(codec) if decoyed else []
    out = bytearray(b"\0\0\0\x14ftypisom\0\0\x02\0isom" + b"\0\0\0\0mdat")
    where: list[Sample] = []
    t, n = 0.0, 0
    while video or audio:
        t += seconds
        while video and video[0][0] < t:
            pts, _, data, key = video.pop(0)
            where.append((pts, len(out), len(out) + len(data), key))
            out += data
        place, bait = baits[n % len(baits)] if baits and video else ("", b"")
        n += 1
        if place in ("after", "inline"):
            out += bait
        while audio and audio[0][0] < t and place != "inline":   # inline: audio comes later
            out += audio.pop(0)[2]
        if place == "before":
            out += bait
    return bytes(out), where


def _as_written(path: Path) -> tuple[bytes, list[Sample]]:
    with av.open(str(path)) as c:
        samples = [(float(p.pts * p.time_base), p.pos, p.pos + p.size, p.is_keyframe)
                   for p in c.demux(c.streams.video[0]) if p.size]
    return path.read_bytes(), samples


def _truth(data: bytes, samples: list[Sample], cut: int, codec: str) -> dict:
    """The codes shown, and every unit of every sample that survived the cut:
    [header offset, size, first of its sample, in a keyframe sample] (a JPEG image is one)."""
    rank = {s[0]: n for n, s in enumerate(sorted(samples))}
    kept = [s for s in samples if s[2] <= cut]
    units = []
    for _pts, start, end, key in kept:
        if codec == "mjpeg":
            units.append([start, end - start, True, True])
            continue
        at = start
        while at < end:
            size = int.from_bytes(data[at:at + 4], "big")
            units.append([at + 4, size, at == start, key])
            at += 4 + size
    return {"codes": sorted(rank[s[0]] for s in kept), "units": units}


def killed_recording(*, codec: str = "h264", audio: str | None = "aac", inband: bool = True,
                     bframes: int = 0, keep: float = 0.8, killed: bool = True,
                     frames: int = 90, gop: int = 25, size: tuple[int, int] = (320, 240),
                     ext: str = ".mp4", chunk: float | None = None, sets_some: bool = False,
                     stale_size: bool = False, decoyed: bool = False) -> Killed:
    """A recording cut ``keep`` of the way through its media (cached per parameters); with
    ``chunk``, laid out in chunks of that many seconds as dashcams and phones write, else as
    FFmpeg does (audio between every few pictures). ``stale_size``: the mdat states the size it
    had half-way (a recorder that updates it now and then), not 0."""
    params = {"v": _VERSION, "codec": codec, "audio": audio, "inband": inband,
              "bframes": bframes, "keep": keep, "killed": killed, "frames": frames, "gop": gop,
              "size": list(size), "ext": ext, "chunk": chunk, "sets_some": sets_some,
              "stale_size": stale_size, "decoyed": decoyed}
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]
    base = media_dir() / f"killed-{codec}-{key}"
    target, ref, meta = (base.with_suffix(ext), base.with_name(base.name + "-ref" + ext),
                         base.with_suffix(".truth.json"))
    if not (target.exists() and meta.exists()):
        args = AUDIO[audio] + _video_args(codec, gop, bframes, inband)
        whole = base.with_name(base.name + "-whole" + ext)
        ffmpeg_encode(whole, frames, size, 25, args)
        if not inband:
            ffmpeg_encode(ref, 30, size, 25, args, start=500)
        data, samples = _chunked(whole, chunk, sets_some, codec, decoyed) if chunk \
            else _as_written(whole)
        start, end = mdat_payload(data) if not chunk else (28, len(data))
        cut = start + int((end - start) * keep)
        head = bytearray(data[:cut])
        if killed:
            head[start - 8:start - 4] = b"\0\0\0\0"
        if stale_size:
            head[start - 8:start - 4] = ((cut - start) // 2 + 8).to_bytes(4, "big")
        truth = {**_truth(data, samples, cut, codec), "cut": cut, "mdat": start}
        tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
        tmp.write_bytes(bytes(head))
        os.replace(tmp, target)
        whole.unlink()
        meta.write_text(json.dumps(truth))
    truth = json.loads(meta.read_text())
    return Killed(target, tuple(truth["codes"]), None if inband else ref, truth["cut"],
                  truth["mdat"], tuple(tuple(u) for u in truth["units"]))
