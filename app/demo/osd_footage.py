"""Synthetic DVR clips with a burned-in clock whose truth is known (for tests and the OSD bench).

Each clip draws the camera clock in one of several DVR layouts and fonts (OpenCV's Hershey, DejaVu
Sans / Mono / Serif, WenQuanYi Micro Hei for Chinese), light-on-dark or dark-on-light, at one of
three positions, over a street-like background with sensor noise and night gain, then encodes it
(H.264 or Motion-JPEG). A clock jump and a drift can be injected; :func:`clock_at` is the truth.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np
from av.container import OutputContainer
from av.video.stream import VideoStream

from app.demo.footage_render import encode_atomically

if TYPE_CHECKING:  # Pillow loads on first use
    from PIL.ImageFont import FreeTypeFont

FORMATS = {
    "iso": "%Y-%m-%d %H:%M:%S",
    "cn_week": "%Y年%m月%d日 {week} %H:%M:%S",
    "us_12h": "%m-%d-%Y %I:%M:%S %p",
    "eu_week": "%d/%m/%Y %a %H:%M:%S",
}
_CN_WEEK = "一二三四五六日"
FONTS = {
    "hershey": None,
    "dejavu": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "wqy": "wqy",
}


@dataclass(frozen=True)
class OsdClip:
    fmt: str = "iso"
    font: str = "dejavu"
    dark_on_light: bool = False
    position: str = "tl"            # tl / tr / bl
    noise: float = 4.0              # sensor noise (grey levels)
    gain: float = 1.0               # night gain: >1 brightens noise and scene
    seconds: float = 6.0
    fps: int = 10
    size: tuple[int, int] = (480, 270)
    start: datetime = datetime(2023, 11, 28, 5, 51, 7, 400000)  # clock at frame 0
    jump_at_s: float | None = None  # pts where the clock jumps
    jump_s: float = 0.0             # by how much (+ forward)
    drift_s_per_h: float = 0.0      # clock gain per hour
    codec: str = "h264"             # h264 / mjpeg
    osd: bool = True                # False: no clock at all
    seed: int = 7

    @property
    def key(self) -> str:
        return "_".join(str(v) for v in (self.fmt, self.font, int(self.dark_on_light),
                                          self.position, self.noise, self.gain, self.seconds,
                                          self.fps, *self.size, self.start.isoformat(),
                                          self.jump_at_s, self.jump_s, self.drift_s_per_h,
                                          self.codec, int(self.osd), self.seed)).replace(":", "")


def clock_at(spec: OsdClip, pts_s: float) -> datetime:
    """The (fractional) clock the camera keeps at ``pts_s``."""
    t = pts_s * (1.0 + spec.drift_s_per_h / 3600.0)
    if spec.jump_at_s is not None and pts_s >= spec.jump_at_s:
        t += spec.jump_s
    return spec.start + timedelta(seconds=t)


def shown(spec: OsdClip, pts_s: float) -> datetime:
    """The whole second the OSD shows at ``pts_s``."""
    return clock_at(spec, pts_s).replace(microsecond=0)


def osd_text(fmt: str, t: datetime) -> str:
    return t.strftime(FORMATS[fmt].replace("{week}", "星期" + _CN_WEEK[t.weekday()]))


@lru_cache(maxsize=8)
def _font(name: str, px: int) -> FreeTypeFont:
    from PIL import ImageFont

    if name == "wqy":
        from app.reports.fonts import FONT_FILE  # the CJK font the PDFs embed
        return ImageFont.truetype(str(FONT_FILE), px)
    path = FONTS[name]
    if path is None:
        raise ValueError(f"{name} is drawn by OpenCV, not a TrueType font")
    return ImageFont.truetype(path, px)


@lru_cache(maxsize=64)
def _text_mask(text: str, font: str, px: int) -> np.ndarray:
    """A grey mask (0..255) of ``text`` in ``font`` at ``px`` pixels."""
    if font == "hershey":
        scale = px / 30.0
        (w, h), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)
        mask = np.zeros((h + base + 6, w + 8), np.uint8)
        cv2.putText(mask, text, (4, h + 3), cv2.FONT_HERSHEY_SIMPLEX, scale, 255, 1 + px // 24,
                    cv2.LINE_AA)
        return mask
    from PIL import Image, ImageDraw

    f = _font(font, px)
    x0, y0, x1, y1 = f.getbbox(text)
    img = Image.new("L", (int(x1 - x0 + 8), int(y1 - y0 + 8)), 0)
    ImageDraw.Draw(img).text((4 - x0, 4 - y0), text, fill=255, font=f)
    return np.asarray(img)


def _background(spec: OsdClip) -> np.ndarray:
    w, h = spec.size
    rng = np.random.default_rng(spec.seed)
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = np.broadcast_to(18 + 40 * y, (h, w, 3)).astype(np.float32).copy()
    for _ in range(6):
        x0, bw = int(rng.integers(0, w)), int(rng.integers(30, 90))
        top = int(rng.integers(h // 5, h // 2))
        img[top:h // 2 + 20, x0:x0 + bw] = float(rng.uniform(25, 70))
    if spec.dark_on_light:   # a bright sky (or lit wall) behind a dark clock
        band = slice(0, h // 4) if spec.position in ("tl", "tr") else slice(h - h // 4, h)
        img[band] += 140
    return img


def noise_bank(spec: OsdClip, n: int = 7) -> list[np.ndarray]:
    rng = np.random.default_rng(spec.seed + 1)
    w, h = spec.size
    return [rng.normal(0, spec.noise, (h, w, 3)).astype(np.float32) for _ in range(n)]


def render_frame(spec: OsdClip, bg: np.ndarray, i: int, noise: list[np.ndarray]) -> np.ndarray:
    w, h = spec.size
    t = i / spec.fps
    img = bg.copy()
    cx = int((t * 37) % (w + 80)) - 40
    cv2.rectangle(img, (cx, int(h * 0.62)), (cx + 60, int(h * 0.78)), (150, 90, 40), -1)
    img = img * spec.gain + noise[i % len(noise)] * spec.gain
    out = np.clip(img, 0, 255).astype(np.uint8)
    if spec.osd:
        mask = _text_mask(osd_text(spec.fmt, shown(spec, t)), spec.font, max(14, h // 14))
        mh, mw = mask.shape
        x = {"tl": 8, "tr": w - mw - 8, "bl": 8}[spec.position]
        y = h - mh - 8 if spec.position == "bl" else 8
        x, y = max(0, x), max(0, y)
        mh, mw = min(mh, h - y), min(mw, w - x)
        colour = 20.0 if spec.dark_on_light else 235.0
        a = mask[:mh, :mw, None].astype(np.float32) / 255.0
        roi = out[y:y + mh, x:x + mw].astype(np.float32)
        out[y:y + mh, x:x + mw] = (roi * (1 - a) + colour * a).astype(np.uint8)
    return out


def render(spec: OsdClip, out_dir: Path) -> Path:
    """The clip for ``spec`` in ``out_dir`` (rendered once, renamed into place atomically)."""
    ext = ".mp4" if spec.codec == "h264" else ".avi"
    out = out_dir / f"osd_{hashlib.sha1(spec.key.encode()).hexdigest()[:16]}{ext}"
    if out.is_file():
        return out
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}{ext}")
    bg, noise = _background(spec), noise_bank(spec)
    w, h = spec.size
    def configure(container: OutputContainer) -> VideoStream:
        if spec.codec == "h264":
            stream = container.add_stream("libx264", rate=spec.fps)
            stream.pix_fmt = "yuv420p"
            stream.options = {"crf": "28", "preset": "ultrafast", "g": str(4 * spec.fps),
                              "threads": "1"}
        else:
            stream = container.add_stream("mjpeg", rate=spec.fps)
            stream.pix_fmt = "yuvj420p"
            stream.options = {"q:v": "8"}
        stream.width, stream.height = w, h
        stream.time_base = Fraction(1, spec.fps)
        return stream

    frames = (render_frame(spec, bg, i, noise) for i in range(int(spec.seconds * spec.fps)))
    return encode_atomically(tmp, out, configure, frames)
