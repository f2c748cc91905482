"""Street scenes with planted events for recall tests and the triage bench.

Each event's frame range is known by construction, so a scan's recall can be checked exactly.
Scenes are encoded with PyAV (H.264 at a chosen GOP, intra-only H.264 or MJPEG) and cached by
their parameters like :mod:`tests.media`.

Event kinds (sizes relative to the picture):
    ``tricycle_dark``  a dark-blue vehicle-sized block on a dark road, luma within 20 levels of it
    ``headlights``     a dark body with two bright lamps (use with ``night=True``)
    ``pedestrian``     a thin, slow figure in dull clothes
    ``ebike_far``      a small light object far away, crossing a third of the picture
    ``car``            a big bright block crossing quickly
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from tests.media import media_dir

_VERSION = 3


@dataclass(frozen=True)
class Event:
    kind: str
    first: int
    last: int


# kind: (width, height as a share of the picture, BGR colour, share of the width travelled, row)
SHAPES = {
    "tricycle_dark": (0.12, 0.14, (92, 42, 30), 1.0, 0.62),
    "headlights": (0.14, 0.10, (28, 26, 24), 1.0, 0.66),
    "pedestrian": (0.018, 0.12, (150, 120, 90), 0.25, 0.55),
    "ebike_far": (0.025, 0.045, (170, 175, 180), 0.33, 0.42),
    "car": (0.2, 0.15, (210, 215, 220), 1.0, 0.7),
}


def background(w: int, h: int, dark: bool, night: bool) -> np.ndarray:
    """A road scene: kerbs, lane marks and a textured verge; dark road or night if asked."""
    base = 14 if night else 40 if dark else 95
    y = np.linspace(base, base + (8 if night else 25), h, dtype=np.float32)[:, None]
    x = np.linspace(0, 10, w, dtype=np.float32)[None, :]
    gray = (y + x).astype(np.uint8)
    img = np.dstack([gray, gray, gray + 3])
    mark = 40 if night else 150 if dark else 200
    img[int(h * 0.48):int(h * 0.5), :] = mark
    for x0 in range(0, w, max(8, w // 8)):
        img[int(h * 0.8):int(h * 0.81), x0:x0 + w // 16] = mark
    rnd = np.random.default_rng(3)
    grain = cv2.GaussianBlur(rnd.integers(0, 40, (h, w), dtype=np.uint8), (3, 3), 0)
    asphalt = (grain // (4 if night else 2)).astype(np.uint8)[:, :, None]
    img = cv2.add(img, np.repeat(asphalt, 3, axis=2))
    verge = rnd.integers(0, 30, (int(h * 0.3), w, 1), dtype=np.uint8)
    img[:int(h * 0.3)] = cv2.add(img[:int(h * 0.3)], np.repeat(verge, 3, axis=2))
    return img


def draw_event(img: np.ndarray, ev: Event, i: int) -> None:
    if not ev.first <= i <= ev.last:
        return
    h, w = img.shape[:2]
    bw_s, bh_s, colour, travel, row = SHAPES[ev.kind]
    bw, bh = max(3, int(w * bw_s)), max(3, int(h * bh_s))
    t = (i - ev.first) / max(1, ev.last - ev.first)
    x0 = int((w - bw) * (0.2 if travel < 1 else 0.0))
    x = x0 + int((w - bw) * travel * t)
    y = int(h * row)
    img[y:y + bh, x:x + bw] = colour
    shade = tuple(max(0, c - 18) for c in colour)
    for k in range(1, 4):                   # panels and wheels: some texture to code
        img[y + k * bh // 4:y + k * bh // 4 + max(1, bh // 12), x:x + bw] = shade
    img[y:y + bh, x + bw // 2:x + bw // 2 + max(1, bw // 10)] = shade
    if ev.kind == "headlights":
        r = max(2, bh // 5)
        for cy in (y + bh // 4, y + 3 * bh // 4):
            cv2.circle(img, (x + bw, cy), r, (245, 250, 250), -1)
            cv2.ellipse(img, (x + bw + 3 * r, cy), (3 * r, r), 0, 0, 360, (120, 130, 130), -1)
    elif ev.kind == "pedestrian":
        cv2.circle(img, (x + bw // 2, y - bw // 2), max(2, bw // 2), (80, 90, 110), -1)


def _noise_pool(w: int, h: int, sigma: float, n: int = 12) -> list[np.ndarray]:
    rnd = np.random.default_rng(7)
    pool = []
    for _ in range(n):
        luma = rnd.normal(0.0, sigma, (h, w, 1))
        chroma = rnd.normal(0.0, sigma / 3, (h, w, 3))
        pool.append(np.clip(luma + chroma + 64, 0, 128).astype(np.uint8))
    return pool


def render(i: int, bg: np.ndarray, events: list[Event], noise: list[np.ndarray] | None) -> np.ndarray:
    img = bg.copy()
    for ev in events:
        draw_event(img, ev, i)
    if noise:
        h = img.shape[0]
        n = np.roll(noise[i % len(noise)], (i * 37) % h, axis=0)
        img = cv2.subtract(cv2.add(img, n), 64)
    return img


def _stream(out, codec: str, fps: Fraction, gop: int, bframes: int, size, preset: str):
    if codec == "mjpeg":
        stream = out.add_stream("mjpeg", rate=fps)
        stream.pix_fmt = "yuvj420p"
        stream.options = {"q:v": "4"}
    else:
        keyint = 1 if codec == "h264_intra" else gop
        stream = out.add_stream("libx264", rate=fps)
        stream.options = {"preset": preset, "x264-params":
                          f"keyint={keyint}:min-keyint={keyint}:scenecut=0:bframes={bframes}"
                          ":log-level=error"}
        stream.pix_fmt = "yuv420p"
    stream.width, stream.height = size
    return stream


def make_scene(events: list[Event], *, frames: int, fps: int = 25, size=(480, 270), gop: int = 50,
               bframes: int = 0, noise: float = 3.0, dark: bool = False, night: bool = False,
               codec: str = "h264", preset: str = "veryfast", folder: Path | None = None) -> Path:
    """Path of a cached encoded scene (``codec``: ``h264``, ``h264_intra`` or ``mjpeg``)."""
    params = {"v": _VERSION, "events": [asdict(e) for e in events], "frames": frames, "fps": fps,
              "size": list(size), "gop": gop, "bframes": bframes, "noise": noise, "dark": dark,
              "night": night, "codec": codec, "preset": preset}
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
    ext = ".avi" if codec == "mjpeg" else ".mp4"
    folder = folder or media_dir()
    target = folder / f"scene-{frames}f-{size[0]}x{size[1]}-{key}{ext}"
    if target.exists() and target.stat().st_size > 0:
        return target
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=ext, dir=folder)
    os.close(fd)
    try:
        w, h = size
        bg = background(w, h, dark, night)
        pool = _noise_pool(w, h, noise) if noise else None
        with av.open(tmp, "w", format="avi" if codec == "mjpeg" else "mp4") as out:
            stream = _stream(out, codec, Fraction(fps), gop, bframes, size, preset)
            for i in range(frames):
                vf = av.VideoFrame.from_ndarray(render(i, bg, events, pool), format="bgr24")
                vf.pts = i
                vf.time_base = Fraction(1, fps)
                out.mux(stream.encode(vf))
            out.mux(stream.encode(None))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def found(event: Event, segments, slack: int = 0) -> bool:
    """True when any segment (with ``start_frame``/``end_frame``) overlaps the event."""
    return any(s.start_frame <= event.last + slack and s.end_frame >= event.first - slack
               for s in segments)
