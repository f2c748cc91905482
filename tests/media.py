"""Test-clip factory shared by every test suite: real encoded videos, made at run time.

Each frame carries its presentation index as a 16-bit binary code drawn as big black/white cells
along the top edge (robust to lossy compression); :func:`frame_index_of` reads it back. Clips are
cached in a per-user directory keyed by their parameters, written under a temporary name and
renamed atomically, so parallel workers and later sessions reuse them.

Kinds: ``h264_mp4`` (B-frames), ``hevc_mp4``, ``mjpeg_avi``, ``mpeg4_avi`` (B-frames, no pts in
the container), ``h264_raw`` (Annex-B ``.h264``), ``vfr_mp4`` (dropped frames → irregular pts),
``h264_mkv``; also ``hevc_raw`` (Annex-B ``.hevc``, open GOPs: CRA + RASL pictures) and
``h264_avi`` (B-frames in AVI, whose demuxer invents pts in decode order).

Extra keyword arguments:
    mover=(first, last)     a solid block crosses the frame left→right during frames first..last
    mover_colour=(b, g, r)  its colour (default a saturated blue)
    mover_row=0.6           vertical position of the mover (fraction of the height)
    marker=True             draw the index code (turn off for motion-scan clips)
    bframes=3               B-frames for the codecs that have them
    drop_every=5            vfr_mp4: every n-th source slot is dropped (plus a long gap mid-clip)
    noise=0                 sensor-like noise amplitude (grey levels) on the background
    bitrate=0               target bit rate in kbit/s for x264/x265 (0 = constant quality)
    creation_time="2023-11-28T06:00:00Z"   container start time (mp4/mkv metadata)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from platformdirs import user_cache_dir

BITS = 16
_VERSION = 3
_EXT = {"h264_mp4": ".mp4", "hevc_mp4": ".mp4", "mjpeg_avi": ".avi", "mpeg4_avi": ".avi",
        "h264_raw": ".h264", "vfr_mp4": ".mp4", "h264_mkv": ".mkv", "hevc_raw": ".hevc",
        "h264_avi": ".avi"}
KINDS = tuple(_EXT)


def media_dir() -> Path:
    root = Path(os.environ.get("CASEDESK_TEST_MEDIA") or user_cache_dir("casedesk-test-media"))
    root.mkdir(parents=True, exist_ok=True)
    return root


def _band_height(h: int) -> int:
    return max(8, h // 15)


def draw_marker(frame: np.ndarray, index: int) -> None:
    """Draw ``index`` as BITS cells (MSB first) across the top band of ``frame`` in place."""
    h, w = frame.shape[:2]
    band, cell = _band_height(h), w // BITS
    for bit in range(BITS):
        on = (index >> (BITS - 1 - bit)) & 1
        frame[:band, bit * cell:(bit + 1) * cell] = 255 if on else 0


def frame_index_of(frame: np.ndarray) -> int:
    """Decode the index drawn by :func:`draw_marker` from a BGR (or gray) frame."""
    gray = frame if frame.ndim == 2 else frame.mean(axis=2)
    h, w = gray.shape[:2]
    band, cell = _band_height(h), w // BITS
    value = 0
    for bit in range(BITS):
        x0, x1 = bit * cell + cell // 4, (bit + 1) * cell - cell // 4
        value = (value << 1) | int(gray[band // 4: band - band // 4, x0:x1].mean() > 127)
    return value


def _background(w: int, h: int) -> np.ndarray:
    """A static, compressible scene: a road-grey gradient with kerbs and lane marks."""
    y = np.linspace(60, 120, h, dtype=np.float32)[:, None]
    x = np.linspace(0, 30, w, dtype=np.float32)[None, :]
    gray = (y + x).astype(np.uint8)
    img = np.dstack([gray, gray, gray + 10])
    img[int(h * 0.45):int(h * 0.47), :] = (200, 200, 200)
    img[int(h * 0.85):int(h * 0.87), :] = (200, 200, 200)
    for x0 in range(0, w, max(8, w // 8)):
        img[int(h * 0.66):int(h * 0.67), x0:x0 + w // 16] = (230, 230, 230)
    return img


def _noise_pool(w: int, h: int, amplitude: int) -> list[np.ndarray]:
    rnd = np.random.default_rng(11)
    return [rnd.integers(0, amplitude + 1, (h, w, 1), dtype=np.uint8) for _ in range(4)]


def render_frame(i: int, w: int, h: int, frames: int, kw: dict, bg: np.ndarray,
                 noise: list[np.ndarray] | None = None) -> np.ndarray:
    img = bg.copy()
    if noise:
        img += np.roll(noise[i % len(noise)], (i * 7) % h, axis=0)
    mover = kw.get("mover")
    if mover and mover[0] <= i <= mover[1]:
        span = max(1, mover[1] - mover[0])
        bw, bh = max(8, w // 8), max(6, h // 8)
        x = int((w - bw) * (i - mover[0]) / span)
        y = int(h * kw.get("mover_row", 0.6))
        img[y:y + bh, x:x + bw] = kw.get("mover_colour", (200, 60, 20))
    if kw.get("marker", True):
        draw_marker(img, i)
    return img


def _stream_setup(kind: str, out, fps: Fraction, gop: int, size, kw: dict):
    bframes = int(kw.get("bframes", 3))
    rate = f":bitrate={kw['bitrate']}:vbv-maxrate={kw['bitrate']}:vbv-bufsize={2 * kw['bitrate']}" \
        if kw.get("bitrate") else ""
    if kind in ("h264_mp4", "h264_raw", "vfr_mp4", "h264_mkv", "h264_avi"):
        stream = out.add_stream("libx264", rate=fps)
        stream.options = {"preset": "veryfast", "x264-params":
                          f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes={bframes}:log-level=error{rate}"}
        stream.pix_fmt = "yuv420p"
    elif kind in ("hevc_mp4", "hevc_raw"):
        stream = out.add_stream("libx265", rate=fps)
        stream.options = {"preset": "ultrafast", "x265-params":
                          f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes={bframes}:log-level=error"
                          f":open-gop={int(kind == 'hevc_raw')}"}
        stream.pix_fmt = "yuv420p"
        if kind == "hevc_mp4":
            stream.codec_tag = "hvc1"
    elif kind == "mjpeg_avi":
        stream = out.add_stream("mjpeg", rate=fps)
        stream.pix_fmt = "yuvj420p"
        stream.options = {"q:v": "3"}
    elif kind == "mpeg4_avi":
        stream = out.add_stream("mpeg4", rate=fps)
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = gop
        stream.codec_context.max_b_frames = min(bframes, 2)
        stream.bit_rate = 1_500_000
    else:
        raise ValueError(f"unknown clip kind {kind!r}; choose one of {', '.join(KINDS)}")
    stream.width, stream.height = size
    return stream


def vfr_slots(frames: int, drop_every: int = 5) -> list[int]:
    """Timestamps (in source-frame slots) of the frames kept in a ``vfr_mp4`` clip."""
    slots, s = [], 0
    while len(slots) < frames:
        if not (drop_every and s % drop_every == drop_every - 1) and not (40 <= s < 47):
            slots.append(s)
        s += 1
    return slots


def _encode(kind: str, target: Path, frames: int, fps: float, gop: int, size, kw: dict) -> None:
    w, h = size
    fmt = {"h264_raw": "h264", "mjpeg_avi": "avi", "mpeg4_avi": "avi", "h264_mkv": "matroska",
           "hevc_raw": "hevc", "h264_avi": "avi"}
    rate = Fraction(fps).limit_denominator(1001)
    with av.open(str(target), "w", format=fmt.get(kind, "mp4")) as out:
        stream = _stream_setup(kind, out, rate, gop, size, kw)
        if kw.get("creation_time"):
            out.metadata["creation_time"] = kw["creation_time"]
        slots = vfr_slots(frames, kw.get("drop_every", 5)) if kind == "vfr_mp4" else range(frames)
        if kind == "vfr_mp4":
            stream.codec_context.time_base = 1 / rate
        bg = _background(w, h)
        noise = _noise_pool(w, h, int(kw["noise"])) if kw.get("noise") else None
        for i, slot in enumerate(slots):
            img = render_frame(i, w, h, frames, kw, bg, noise)
            vf = av.VideoFrame.from_ndarray(img, format="bgr24")
            vf.pts = slot
            vf.time_base = 1 / rate
            for packet in stream.encode(vf):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def make_clip(kind: str, *, frames: int = 120, fps: float = 25, gop: int = 50,
              size: tuple[int, int] = (320, 240), **kw) -> Path:
    """Return the path of a cached clip of ``kind`` (generated on first use)."""
    if kind not in _EXT:
        raise ValueError(f"unknown clip kind {kind!r}; choose one of {', '.join(KINDS)}")
    params = {"v": _VERSION, "kind": kind, "frames": frames, "fps": fps, "gop": gop,
              "size": list(size), **{k: kw[k] for k in sorted(kw)}}
    key = hashlib.sha256(json.dumps(params, sort_keys=True, default=list).encode()).hexdigest()[:16]
    target = media_dir() / f"{kind}-{frames}f-{size[0]}x{size[1]}-{key}{_EXT[kind]}"
    if target.exists() and target.stat().st_size > 0:
        return target
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=_EXT[kind], dir=target.parent)
    os.close(fd)
    try:
        _encode(kind, Path(tmp), frames, fps, gop, size, kw)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def make_block_clip(path: Path, frames: int = 50, size: tuple[int, int] = (320, 240)) -> Path:
    """A small H.264 clip at ``path`` whose frames show their own index and a blue block moving
    right 4 px a frame over a dark winter-morning grey (the report tests read its pixels)."""
    import cv2

    w, h = size
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.codec_context.time_base = Fraction(1, 25)
        for i in range(frames):
            img = np.full((h, w, 3), 40, np.uint8)
            cv2.rectangle(img, (10 + 4 * i, 120), (60 + 4 * i, 170), (200, 120, 30), -1)
            cv2.putText(img, f"#{i}", (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 1, (255, 255, 255), 2)
            frame = av.VideoFrame.from_ndarray(img, format="bgr24")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
