"""Encoder settings and the frame renderer behind :mod:`tests.formats`' variants."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np

from tests.media import _background, draw_marker, frame_index_of


def colour_frame(i: int, w: int, h: int, bg: np.ndarray) -> np.ndarray:
    """Scene + saturated colour bars (so colour conversion errors show) + the index code."""
    img = bg.copy()
    bars = [(40, 40, 200), (40, 200, 40), (200, 60, 20), (30, 200, 220), (200, 40, 200),
            (230, 230, 230), (20, 20, 20), (120, 160, 90)]
    top, bottom = int(h * 0.2), int(h * 0.4)
    bw = max(2, w // len(bars))
    for n, colour in enumerate(bars):
        img[top:bottom, n * bw:(n + 1) * bw] = colour
    x = int((w - w // 8) * (i % 50) / 50)
    img[int(h * 0.6):int(h * 0.72), x:x + w // 8] = (30, 90, 220)
    draw_marker(img, i)
    return img


def ffmpeg_encode(out: Path, frames: int, size: tuple[int, int], fps: float, args: list[str],
                  *, start: int = 0, turn: int = 0) -> None:
    """Render ``frames`` frames (codes ``start``…), each turned ``turn`` quarter turns
    counter-clockwise, and encode them with ffmpeg ``args``."""
    w, h = size
    ew, eh = (h, w) if turn % 2 else (w, h)
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
           "-s", f"{ew}x{eh}", "-r", f"{fps:g}", "-i", "-", *args, str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    bg = _background(w, h)
    try:
        for i in range(start, start + frames):
            img = colour_frame(i, w, h, bg)
            proc.stdin.write(np.ascontiguousarray(np.rot90(img, k=turn)).tobytes())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    err = proc.stderr.read().decode(errors="replace")
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed for {out.name}: {err}")


def x264(gop: int, extra: str = "", *, bframes: int = 3, pix: str = "yuv420p") -> list[str]:
    return ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", pix, "-x264-params",
            f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes={bframes}:log-level=error{extra}"]


def x265(gop: int, extra: str = "") -> list[str]:
    return ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-x265-params",
            f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes=3:log-level=error{extra}"]


def open_gop(encoder: Callable[..., list[str]], gop: int, extra: str = "") -> list[str]:
    """An open-GOP encoding whose keyframes really have leading frames (three B-frames shown
    before each keyframe and decoded after it): a fixed B-frame pattern and a keyframe interval
    of whole mini-GOPs (x264/x265 with adaptive B-frames at 25 put a P-frame there instead)."""
    return encoder(4 * max(1, round(gop / 4)), ":open-gop=1:b-adapt=0" + extra)


HEADERS = ":repeat-headers=1"   # parameter sets before every keyframe, as DVRs write them
REFRESH = ":intra-refresh=1"    # a column of intra blocks sweeps each GOP: no IDR after the first


def MPEG4_B(gop: int) -> list[str]:   # noqa: N802 (an encoder setting, like BT709)
    return ["-c:v", "mpeg4", "-bf", "2", "-g", str(gop), "-q:v", "3"]


WRAPS_SOON = ["-output_ts_offset", f"{2 ** 33 / 90000 - 2.5:.3f}"]   # (after the mux delay)
BT709 = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"]
BT601 = ["-colorspace", "smpte170m", "-color_primaries", "smpte170m", "-color_trc", "smpte170m"]


def encode_images(out: Path, images: list[np.ndarray], fps: float, args: list[str]) -> None:
    h, w = images[0].shape[:2]
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{w}x{h}",
           "-r", f"{fps:g}", "-i", "-", *args, str(out)]
    data = b"".join(np.ascontiguousarray(im).tobytes() for im in images)
    subprocess.run(cmd, input=data, check=True, capture_output=True)


FORMAT = {".ts": "mpegts", ".mkv": "matroska", ".mp4": "mp4", ".m4v": "m4v", ".mpg": "vob"}


def decoded_codes(path: Path) -> list[int]:
    """The index code of every frame FFmpeg decodes from ``path``, in order."""
    import av

    with av.open(str(path)) as container:
        return [frame_index_of(f.to_ndarray(format="bgr24")) for f in container.decode(video=0)]
