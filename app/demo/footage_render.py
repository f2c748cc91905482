"""Synthetic CCTV clips for the demo: a dark winter street at 06:00, a blue three-wheeled
motorcycle (two people aboard, buckets in the load bed) passing, a burned-in camera clock.

Pure numpy + OpenCV drawing, encoded to H.264 MP4 with PyAV. Deterministic (fixed seeds).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
from av.container import OutputContainer
from av.video.stream import VideoStream

W, H, FPS = 640, 360, 25


@dataclass(frozen=True)
class Mover:
    kind: str          # "trike", "pusher" (a person pushing a two-wheeler) or "car"
    t_in: float        # seconds into the clip when it enters
    t_out: float       # ... and leaves
    left_to_right: bool
    row: float         # vertical position of its wheels (fraction of height)
    scale: float = 1.0


@dataclass(frozen=True)
class ClipSpec:
    name: str                  # file name
    label: str                 # burned-in camera label (ASCII)
    camera_clock_start: datetime  # what the DVR clock shows at frame 0 (aware)
    seconds: float
    movers: tuple[Mover, ...]
    seed: int
    lamp_x: float = 0.7        # street lamp position (fraction of width)


def _background(spec: ClipSpec) -> np.ndarray:
    rng = np.random.default_rng(spec.seed)
    img = np.zeros((H, W, 3), np.float32)
    y = np.linspace(0, 1, H, dtype=np.float32)[:, None]
    img[:] = (12 + 8 * y)[..., None] * np.array([1.0, 0.95, 0.9], np.float32)
    horizon = int(H * 0.42)
    img[horizon:] = (22 + 14 * y[horizon:])[..., None] * np.array([0.9, 0.9, 0.95], np.float32)
    # buildings on the far side
    x = 0
    while x < W:
        bw = int(rng.integers(50, 120))
        bh = int(rng.integers(60, 140))
        shade = float(rng.uniform(8, 16))
        img[horizon - bh:horizon, x:x + bw] = shade
        for wx in range(x + 8, x + bw - 10, 18):
            for wy in range(horizon - bh + 10, horizon - 12, 22):
                if rng.random() < 0.12:
                    img[wy:wy + 8, wx:wx + 7] = (40, 110, 150)
        x += bw + int(rng.integers(2, 12))
    # kerb and lane marks
    img[int(H * 0.55):int(H * 0.56)] = 55
    img[int(H * 0.95):int(H * 0.96)] = 55
    for x0 in range(0, W, 80):
        img[int(H * 0.75):int(H * 0.76), x0:x0 + 40] = 70
    # sodium street lamp pool
    lx = int(W * spec.lamp_x)
    yy, xx = np.mgrid[0:H, 0:W]
    glow = np.exp(-(((xx - lx) / 150.0) ** 2 + ((yy - H * 0.8) / 90.0) ** 2))
    img += glow[..., None] * np.array([30, 70, 95], np.float32)
    img[int(H * 0.12):int(H * 0.8), lx - 2:lx + 2] = 25
    cv2.circle(img, (lx, int(H * 0.12)), 6, (120, 200, 240), -1)
    return img


def _draw_trike(img: np.ndarray, x: int, base: int, s: float, ltr: bool, t: float) -> None:
    blue = (170, 70, 20)
    body_w, body_h = int(120 * s), int(34 * s)
    d = 1 if ltr else -1
    # load bed (rear) with buckets, cab (front)
    bed_x0 = x - d * body_w // 2
    x0, x1 = sorted((bed_x0, bed_x0 + d * int(70 * s)))
    cv2.rectangle(img, (x0, base - body_h), (x1, base - int(8 * s)), blue, -1)
    for i in range(3):
        bx = x0 + int((10 + 20 * i) * s)
        cv2.rectangle(img, (bx, base - body_h - int(14 * s)), (bx + int(12 * s), base - body_h),
                      (60, 60, 60), -1)
    front = bed_x0 + d * int(70 * s)
    fx0, fx1 = sorted((front, front + d * int(48 * s)))
    cv2.rectangle(img, (fx0, base - int(30 * s)), (fx1, base - int(8 * s)), blue, -1)
    # two riders: driver in front, passenger behind
    for px, hh in ((front + d * int(20 * s), 46), (front - d * int(4 * s), 40)):
        cv2.rectangle(img, (px - int(7 * s), base - int((30 + hh) * s)),
                      (px + int(7 * s), base - int(30 * s)), (35, 35, 45), -1)
        cv2.circle(img, (px, base - int((36 + hh) * s)), int(7 * s), (50, 60, 80), -1)
    # wheels: two rear, one front
    for wx in (x0 + int(12 * s), x1 - int(12 * s), front + d * int(40 * s)):
        cv2.circle(img, (wx, base), int(9 * s), (15, 15, 15), -1)
    # headlight and its beam
    hx = front + d * int(48 * s)
    cv2.circle(img, (hx, base - int(22 * s)), int(5 * s), (210, 250, 255), -1)
    beam = np.array([[hx, base - int(22 * s)], [hx + d * int(160 * s), base - int(40 * s)],
                     [hx + d * int(160 * s), base + int(8 * s)]], np.int32)
    overlay = img.copy()
    cv2.fillPoly(overlay, [beam], (120, 170, 190))
    img[:] = cv2.addWeighted(overlay, 0.35, img, 0.65, 0)


def _draw_pusher(img: np.ndarray, x: int, base: int, s: float, ltr: bool, t: float) -> None:
    d = 1 if ltr else -1
    step = int(4 * s * np.sin(t * 6))
    cv2.rectangle(img, (x - int(6 * s), base - int(58 * s)), (x + int(6 * s), base - int(16 * s)),
                  (40, 45, 55), -1)
    cv2.circle(img, (x, base - int(64 * s)), int(6 * s), (60, 70, 90), -1)
    cv2.line(img, (x, base - int(16 * s)), (x - int(5 * s) + step, base), (40, 45, 55), int(3 * s))
    cv2.line(img, (x, base - int(16 * s)), (x + int(5 * s) - step, base), (40, 45, 55), int(3 * s))
    bx = x + d * int(30 * s)
    for wx in (bx - int(16 * s), bx + int(16 * s)):
        cv2.circle(img, (wx, base - int(8 * s)), int(8 * s), (20, 20, 20), int(2 * s))
    cv2.line(img, (bx - int(16 * s), base - int(8 * s)), (bx + int(16 * s), base - int(8 * s)),
             (90, 90, 90), int(3 * s))


def _draw_car(img: np.ndarray, x: int, base: int, s: float, ltr: bool, t: float) -> None:
    """A small saloon car (Case B), no plate on it."""
    d = 1 if ltr else -1
    grey = (150, 150, 150)
    cv2.rectangle(img, (x - int(80 * s), base - int(30 * s)), (x + int(80 * s), base - int(8 * s)),
                  grey, -1)
    cv2.rectangle(img, (x - int(45 * s), base - int(52 * s)), (x + int(40 * s), base - int(30 * s)),
                  (120, 120, 125), -1)
    for wx in (x - int(50 * s), x + int(50 * s)):
        cv2.circle(img, (wx, base - int(4 * s)), int(12 * s), (15, 15, 15), -1)
    hx = x + d * int(80 * s)
    cv2.circle(img, (hx, base - int(20 * s)), int(5 * s), (210, 250, 255), -1)


DRAW = {"trike": _draw_trike, "pusher": _draw_pusher, "car": _draw_car}


def mover_box(m: Mover, t: float) -> tuple[int, int, int, int] | None:
    """Bounding box (x, y, w, h) of a mover at time ``t``, None when off screen."""
    if not m.t_in <= t <= m.t_out:
        return None
    f = (t - m.t_in) / (m.t_out - m.t_in)
    span = W + int(260 * m.scale)
    cx = int(-130 * m.scale + f * span) if m.left_to_right else int(W + 130 * m.scale - f * span)
    base = int(H * m.row)
    half = int(110 * m.scale) if m.kind in ("trike", "car") else int(50 * m.scale)
    top = base - int(100 * m.scale)
    x0, x1 = max(0, cx - half), min(W, cx + half)
    y0, y1 = max(0, top), min(H, base + int(12 * m.scale))
    if x1 - x0 < 8:
        return None
    return x0, y0, x1 - x0, y1 - y0


def _mover_x(m: Mover, t: float) -> int:
    f = (t - m.t_in) / (m.t_out - m.t_in)
    span = W + int(260 * m.scale)
    return int(-130 * m.scale + f * span) if m.left_to_right else int(W + 130 * m.scale - f * span)


def noise_bank(seed: int, n: int = 7) -> list[np.ndarray]:
    """A few frames of sensor noise (a dark scene is grainy), cycled through the clip."""
    rng = np.random.default_rng(seed)
    return [rng.normal(0, 3.0, (H, W, 3)).astype(np.float32) for _ in range(n)]


def render_frame(spec: ClipSpec, bg: np.ndarray, i: int, noise: list[np.ndarray]) -> np.ndarray:
    t = i / FPS
    img = bg.copy()
    for m in spec.movers:
        if m.t_in <= t <= m.t_out:
            DRAW[m.kind](img, _mover_x(m, t), int(H * m.row), m.scale, m.left_to_right, t)
    img += noise[i % len(noise)]
    out = np.clip(img, 0, 255).astype(np.uint8)
    stamp = (spec.camera_clock_start + timedelta(seconds=int(t))).strftime("%Y-%m-%d %H:%M:%S")
    font = cv2.FONT_HERSHEY_SIMPLEX
    cv2.putText(out, stamp, (12, 26), font, 0.6, (235, 235, 235), 1, cv2.LINE_AA)
    (tw, _), _ = cv2.getTextSize(spec.label, font, 0.5, 1)
    cv2.putText(out, spec.label, (W - 12 - tw, H - 14), font, 0.5, (235, 235, 235), 1, cv2.LINE_AA)
    return out


def render_clip(spec: ClipSpec, out: Path) -> Path:
    """Encode the clip to ``out`` (H.264 MP4), via a temporary name renamed atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.tmp.mp4")
    bg = _background(spec)
    noise = noise_bank(spec.seed + 1)
    def configure(container: OutputContainer) -> VideoStream:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        stream.time_base = Fraction(1, FPS)
        stream.options = {"crf": "26", "preset": "veryfast", "g": "50", "bf": "2",
                          "threads": "1"}
        return stream

    frames = (render_frame(spec, bg, i, noise) for i in range(int(spec.seconds * FPS)))
    return encode_atomically(tmp, out, configure, frames)


def encode_atomically(tmp: Path, out: Path,
                      configure: Callable[[OutputContainer], VideoStream],
                      frames: Iterable[np.ndarray]) -> Path:
    """Encode BGR ``frames`` into ``tmp`` with the stream ``configure(container)`` returns, then
    rename it to ``out`` (a killed run leaves no half clip under the real name)."""
    try:
        with av.open(str(tmp), "w") as container:
            stream = configure(container)
            for i, img in enumerate(frames):
                frame = av.VideoFrame.from_ndarray(img, format="bgr24")
                frame.pts = i
                container.mux(stream.encode(frame))
            container.mux(stream.encode(None))
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
