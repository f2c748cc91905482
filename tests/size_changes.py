"""Variants whose picture size changes mid-file, as a DVR export that spans a change of the
camera's settings: the installer changed the resolution, the recorder fell back to the
sub-stream while the main stream was down. Two parts of different sizes are encoded and joined
byte for byte: as elementary streams, as transport streams whose clock runs on across the
change (``clock_runs_on``), or as files whose clock restarts there."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests import dvr_writers
from tests.format_encoders import ffmpeg_encode


def other_size(size: tuple[int, int], up: bool) -> tuple[int, int]:
    """The second part's size: 5/4 larger (cropped in the SPS: not whole macroblocks) or half."""
    w, h = size
    w, h = (w * 5 // 4, h * 5 // 4) if up else (w // 2, h // 2)
    return w - w % 2, h - h % 2


def resized(ext: str, args: Callable[[int], list[str]], *, up: bool = True,
            part: str = ".ts", remux: bool = False, dav: bool = False):
    """Parts written as ``part`` files ("-f h264"-style raw streams when it names a format),
    joined; ``remux``: the joined transport stream copied into ``ext``; ``dav``: a raw H.264
    join written into Dahua's container. A ``.ts`` part starts at its own frames' time, so the
    clock runs on; other parts restart it (two recordings)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        half, second = n // 2, other_size(size, up)
        raw = not part.startswith(".")
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            parts = []
            for k, (first, count, dims) in enumerate([(0, half, size), (half, n - half, second)]):
                target = Path(tmp) / f"{k}{'.es' if raw else part}"
                opts = ["-f", part] if raw else \
                    ["-output_ts_offset", f"{1 + first / fps:g}", "-muxdelay", "0"] \
                    if part == ".ts" else []
                ffmpeg_encode(target, count, dims, fps, [*args(gop), *opts], start=first)
                parts.append(target.read_bytes())
            joined = Path(tmp) / f"joined{'.es' if raw else part}"
            joined.write_bytes(b"".join(parts))
            if dav:
                dvr_writers.write_dav(joined, out, fps=fps, codec=part)
            elif remux:
                subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(joined), "-c", "copy",
                                str(out)], check=True)
            else:
                out.write_bytes(joined.read_bytes())
        restarts = not raw and part != ".ts"
        return {"codes": tuple(range(n)), "segments": (0, half) if restarts else (0,),
                "sizes": [[0, *size], [half, *second]]}
    build.ext = ext
    return build
