"""Real-footage variants, made at run time with the ffmpeg CLI (issue 11's failure classes).

Frames are rendered here (index code on top, see :mod:`tests.media`, plus colour bars) and piped
as raw BGR into ``ffmpeg``, which encodes and muxes them exactly as a DVR export would be shaped.
Joined exports are byte concatenations of two files; ``.dav`` and IMKH files are written around
an H.264 elementary stream by :mod:`tests.dvr_writers`.

:func:`make_variant` returns a :class:`Variant`: the file plus what a correct reader must find —
the index code of every frame in presentation order (``codes``), the segment starts, rotation.
Files are cached in :func:`tests.media.media_dir` keyed by their parameters.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests import dvr_writers, paff
from tests.media import _background, draw_marker, frame_index_of, media_dir

_VERSION = 6


@dataclass(frozen=True)
class Variant:
    """A generated file and the truth about it."""

    name: str
    path: Path
    codes: tuple[int, ...]                  # index code drawn on each frame, presentation order
    segments: tuple[int, ...] = (0,)        # first frame of every recording in the file
    rotation: int = 0                       # display rotation (degrees, clockwise) to apply
    damaged: tuple[int, ...] = ()           # frames whose packets were corrupted on purpose
    colour: dict = field(default_factory=dict)   # matrix/range the stream is tagged with
    clocks: tuple[str, ...] = ()            # camera clock written at each recording's start

    @property
    def frame_count(self) -> int:
        return len(self.codes)


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


# --- builders: (out, frames, size, fps, gop) -> Variant fields -------------------------------------
def _simple(ext: str, args: Callable[[int], list[str]], **truth):
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        ffmpeg_encode(out, n, size, fps, args(gop))
        return {"codes": tuple(range(n)), **truth}
    build.ext = ext
    return build


def _joined(ext: str, args: Callable[[int], list[str]], *, gap: float | None = None):
    """Two recordings in one file: concatenated bytes (timestamps restart) or, with ``gap``,
    one file whose timestamps jump forward ``gap`` seconds half way (motion recording paused)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        half = n // 2
        if gap is not None:
            jump = f"setpts=PTS-STARTPTS+gte(N\\,{half})*{gap}/TB"
            ffmpeg_encode(out, n, size, fps, ["-vf", jump, "-fps_mode", "passthrough",
                                              *args(gop)])
            return {"codes": tuple(range(n)), "segments": (0, half)}
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            a, b = Path(tmp) / f"a{ext}", Path(tmp) / f"b{ext}"
            ffmpeg_encode(a, half, size, fps, args(gop))
            ffmpeg_encode(b, n - half, size, fps, args(gop), start=half)
            out.write_bytes(a.read_bytes() + b.read_bytes())
        return {"codes": tuple(range(n)), "segments": (0, half)}
    build.ext = ext
    return build


def _rotated(out: Path, n: int, size, fps: float, gop: int) -> dict:
    """Phone footage: frames stored turned a quarter clockwise, the display matrix says to turn
    them back 90° counter-clockwise."""
    import av

    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        plain = Path(tmp) / "plain.mp4"
        ffmpeg_encode(plain, n, size, fps, x264(gop), turn=-1)
        with av.open(str(plain)) as src, av.open(str(out), "w", format="mp4") as dst:
            template = src.streams.video[0]
            stream = dst.add_stream_from_template(template)
            stream.set_display_rotation(90)
            for packet in src.demux(template):
                if packet.dts is not None:
                    packet.stream = stream
                    dst.mux(packet)
    return {"codes": tuple(range(n)), "rotation": 90}


_rotated.ext = ".mp4"


def _dvr(kind: str, codec: str = "h264", audio: bool = False):
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            raw = Path(tmp) / f"es.{codec}"
            enc = x264(gop, bframes=0) if codec == "h264" else x265(gop, ":bframes=0")
            ffmpeg_encode(raw, n, size, fps, [*enc, "-f", codec])
            writer = dvr_writers.write_dav if kind == "dav" else dvr_writers.write_imkh
            writer(raw, out, fps=fps, codec=codec, audio=audio)
        return {"codes": tuple(range(n))}
    build.ext = ".dav" if kind == "dav" else ".mp4"
    return build


DAV_JOINED_STARTS = ("2023-11-28T06:00:00", "2023-11-28T05:58:30")


def _dav_joined(out: Path, n: int, size, fps: float, gop: int) -> dict:
    """A DVR export joining two ``.dav`` recordings; the second one's camera clock starts
    earlier than the first ends (the recorder's clock was set back), so only the DAV date
    field, not the file's timeline, says when its frames were taken."""
    from datetime import datetime

    half = n // 2
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        parts = []
        for k, (first, count) in enumerate([(0, half), (half, n - half)]):
            raw, dav = Path(tmp) / f"{k}.h264", Path(tmp) / f"{k}.dav"
            ffmpeg_encode(raw, count, size, fps, [*x264(gop, bframes=0), "-f", "h264"],
                          start=first)
            dvr_writers.write_dav(raw, dav, fps=fps,
                                  start=datetime.fromisoformat(DAV_JOINED_STARTS[k]))
            parts.append(dav.read_bytes())
        out.write_bytes(b"".join(parts))
    return {"codes": tuple(range(n)), "segments": (0, half), "clocks": DAV_JOINED_STARTS}


_dav_joined.ext = ".dav"


def _damaged(out: Path, n: int, size, fps: float, gop: int) -> dict:
    """An MPEG-TS whose packets for a few frames mid-file are overwritten with garbage."""
    ffmpeg_encode(out, n, size, fps, [*x264(gop, bframes=0), "-f", "mpegts"])
    data = bytearray(out.read_bytes())
    hit = dvr_writers.corrupt_ts_frames(data, [n // 2, n // 2 + 1])
    out.write_bytes(bytes(data))
    return {"codes": tuple(range(n)), "damaged": tuple(hit)}


_damaged.ext = ".ts"


def _encode_images(out: Path, images: list[np.ndarray], fps: float, args: list[str]) -> None:
    h, w = images[0].shape[:2]
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{w}x{h}",
           "-r", f"{fps:g}", "-i", "-", *args, str(out)]
    data = b"".join(np.ascontiguousarray(im).tobytes() for im in images)
    subprocess.run(cmd, input=data, check=True, capture_output=True)


def _paff(ext: str):
    """Field-coded (PAFF) H.264: every frame two field pictures (see :mod:`tests.paff`), muxed
    at the field rate as an encoder writes it (one packet per field)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        w, h = size
        bg = _background(w, h)
        frames = [colour_frame(i, w, h, bg) for i in range(n)]
        raw = out.with_name(out.name + ".264")
        paff.write_paff(frames, raw, lambda p, ims: _encode_images(
            p, ims, fps, paff.x264_field_args(gop)))
        if ext == ".264":
            os.replace(raw, out)
        else:
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-r", f"{2 * fps:g}", "-f", "h264",
                            "-i", str(raw), "-c", "copy", "-f", FORMAT[ext], str(out)],
                           check=True, capture_output=True)
            raw.unlink()
        return {"codes": tuple(range(n))}
    build.ext = ext
    return build


FORMAT = {".ts": "mpegts", ".mkv": "matroska", ".mp4": "mp4", ".m4v": "m4v", ".mpg": "vob"}


def _dropped(ext: str, bframes: int = 0):
    """An MPEG-4 DVR recording whose dropped frames are not-coded pictures (N-VOPs, see
    :mod:`tests.not_coded`). Without B-frames the camera saw no change at every sixth instant
    (the same picture as before), written as a not-coded picture; with B-frames some B-pictures
    are dropped. Neither is a frame: the codes are those of the pictures left, in order."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        from tests import not_coded

        w, h = size
        bg = _background(w, h)
        same = {s for s in range(n) if s % 6 == 4 and s % gop} if not bframes else set()
        images = [colour_frame(s - (s in same), w, h, bg) for s in range(n)]
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            plain, dropped = Path(tmp) / "plain.avi", Path(tmp) / "dropped.avi"
            _encode_images(plain, images, fps, ["-c:v", "mpeg4", "-bf", str(bframes), "-g",
                                                str(gop), "-q:v", "3"])
            bits = (round(fps) - 1).bit_length()      # FFmpeg's VOP clock: one tick a frame
            if bframes:
                replaced = not_coded.drop_pictures(plain, dropped, bits, _some_b_pictures())
            else:
                replaced = not_coded.drop_pictures(plain, dropped, bits,
                                                   lambda k, pts, data: pts in same)
            if ext == ".avi":
                os.replace(dropped, out)
            else:
                subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(dropped), "-c", "copy",
                                "-f", FORMAT[ext], str(out)], check=True, capture_output=True)
        codes = _decoded_codes(out)
        if len(codes) != n - replaced or codes != sorted(codes) or (
                not bframes and codes != [s for s in range(n) if s not in same]):
            raise RuntimeError(f"{out.name}: the dropped pictures did not vanish cleanly")
        return {"codes": tuple(codes)}
    build.ext = ext
    return build


def _trimmed(ext: str):
    """A clip trimmed without re-encoding (a witness's phone, ``ffmpeg -ss … -c copy``): it
    begins mid-GOP, so the file keeps the GOP's start and an edit list hides the frames before
    the cut. The frames shown are those after it, the first of them at time 0."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            whole = Path(tmp) / f"whole{ext}"
            ffmpeg_encode(whole, n + gop, size, fps, x264(gop))
            cut = (gop + gop // 3 + 0.5) / fps       # a third of the way into the second GOP
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{cut:.4f}", "-i", str(whole),
                            "-c", "copy", str(out)], check=True, capture_output=True)
        codes = _decoded_codes(out)
        if codes != list(range(codes[0], codes[0] + len(codes))) or codes[0] % gop == 0:
            raise RuntimeError(f"{out.name}: the cut is not mid-GOP")
        return {"codes": tuple(codes)}
    build.ext = ext
    return build


def _killed(args: Callable[[int], list[str]]):
    """An AVI whose recorder lost power: the index (idx1) at the end was never written and the
    RIFF and movi sizes in the header are still the zeros written when recording began."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        ffmpeg_encode(out, n, size, fps, args(gop))
        data = out.read_bytes()
        cut = bytearray(data[:data.rindex(b"idx1")])
        movi = cut.index(b"movi")
        cut[4:8] = cut[movi - 4:movi] = bytes(4)
        out.write_bytes(bytes(cut))
        return {"codes": tuple(range(n))}
    build.ext = ".avi"
    return build


def _some_b_pictures() -> Callable[[int, int, bytes], bool]:
    """Picks every fourth packet that is a B-picture, and the first B-picture after each
    keyframe in decode order (a leading picture of its open GOP)."""
    from tests import not_coded

    previous = [-1]

    def pick(n: int, pts: int, data: bytes) -> bool:
        kind, after = not_coded.vop_type(data), previous[0]
        previous[0] = kind
        return kind == 2 and (n % 4 == 2 or after == 0)
    return pick


def _cut(ext: str, args: Callable[[int], list[str]], *, mid: bool = False, remux: str = ""):
    """An export that starts where the recording does not. At a keyframe of an open-GOP stream
    (a DVR exports from the I-frame before the time asked for): the B-frames shown before it
    refer to the GOP before, which the file does not hold. With ``mid``, at an arbitrary byte a
    fifth into the file (a long export split into fixed-size files, a network recording joined
    late). ``remux``: the cut stream copied into that container. No decoder shows the frames
    before the first keyframe nor its leading frames; the codes are those FFmpeg decodes."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        import av

        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            whole, cut = Path(tmp) / f"whole{ext}", Path(tmp) / f"cut{ext}"
            ffmpeg_encode(whole, n + gop, size, fps, args(gop))
            with av.open(str(whole)) as container:
                packets = [(p.pos, p.is_keyframe) for p in container.demux(video=0)
                           if p.size and p.pos is not None and p.pos >= 0]
            data = whole.read_bytes()
            at = len(data) // 5 + 77 if mid else [p for k, (p, key) in enumerate(packets)
                                                  if key and k][0]
            if ext == ".ts" and not mid:
                at -= at % 188
            if ext == ".m2v":                         # from the sequence header before it
                at = data.rindex(b"\x00\x00\x01\xb3", 0, at + 4)
            cut.write_bytes(data[at:])
            if remux:
                subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(cut), "-c", "copy",
                                "-f", FORMAT[remux], str(out)], check=True, capture_output=True)
            else:
                os.replace(cut, out)
        codes = _decoded_codes(out)
        with av.open(str(out)) as container:
            fed = sum(1 for p in container.demux(video=0) if p.size)
        if codes != list(range(codes[0], codes[0] + len(codes))) or fed <= len(codes):
            raise RuntimeError(f"{out.name}: the cut left no frame that cannot be shown")
        return {"codes": tuple(codes)}
    build.ext = remux or ext
    return build


def _stalled(ext: str):
    """A recorder whose clock stood still for a moment: two consecutive frames (no B-frames)
    written with the same timestamp. FFmpeg shows both, in the order recorded."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            whole = Path(tmp) / "whole.ts"
            ffmpeg_encode(whole, n, size, fps, x264(gop, bframes=0))
            at, step = n // 3 + 1, round(90000 / fps)     # frame ``at`` keeps its forerunner's time
            same = f"if(eq(N\\,{at})\\,PTS-{step}\\,PTS)"
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(whole), "-c", "copy",
                            "-bsf:v", f"setts=pts={same}:dts={same.replace('PTS', 'DTS')}",
                            str(out)], check=True, capture_output=True)
        codes = _decoded_codes(out)
        if codes != list(range(n)):
            raise RuntimeError(f"{out.name}: FFmpeg no longer shows every frame")
        return {"codes": tuple(codes)}
    build.ext = ext
    return build


def _dropped_slots(ext: str, args: Callable[[int], list[str]]):
    """A recording with frames the recorder dropped (every seventh instant, the fourth of each
    seven): their timestamps are left out, and AVI, which has a slot for every frame
    interval, writes an empty chunk in each."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        keep = "not(eq(mod(n\\,7)\\,3))"
        ffmpeg_encode(out, n, size, fps, ["-vf", f"select='{keep}'", "-fps_mode", "passthrough",
                                          *args(gop)])
        codes = _decoded_codes(out)
        if codes != [c for c in range(n) if c % 7 != 3]:
            raise RuntimeError(f"{out.name}: the dropped frames did not vanish cleanly")
        return {"codes": tuple(codes)}
    build.ext = ext
    return build


def _from_raw(ext: str, codec: str = "h264"):
    """A raw DVR stream (H.264/HEVC with B-frames) made playable the usual way, ``ffmpeg -i x.264
    -c copy x.mp4``: FFmpeg warns that timestamps are unset and writes every packet's
    presentation time equal to its decode time, and an edit list that hides the first two
    packets. The recording is every frame, in the stream's own picture order."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            raw = Path(tmp) / f"export.{codec}"
            enc = x264(gop) if codec == "h264" else x265(gop)
            ffmpeg_encode(raw, n, size, fps, [*enc, "-f", codec])
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-r", f"{fps:g}", "-i", str(raw),
                            "-c", "copy", str(out)], check=True, capture_output=True)
        return {"codes": tuple(range(n))}
    build.ext = ext
    return build


def _decoded_codes(path: Path) -> list[int]:
    """The index code of every frame FFmpeg decodes from ``path``, in order."""
    import av

    with av.open(str(path)) as container:
        return [frame_index_of(f.to_ndarray(format="bgr24")) for f in container.decode(video=0)]

_C = ["-colorspace", "bt709"]
BUILDERS: dict[str, Callable] = {
    # 1. timestamps in the container, no B-frames although the stream allows reordering
    "mkv_h264_nob": _simple(".mkv", lambda g: x264(g, bframes=0)),
    "ts_h264_nob": _simple(".ts", lambda g: x264(g, bframes=0)),
    "mp4_h264_nob": _simple(".mp4", lambda g: x264(g, bframes=0)),
    # 2. open GOPs, interlaced
    "mkv_h264_opengop": _simple(".mkv", lambda g: open_gop(x264, g)),
    "ts_h264_opengop": _simple(".ts", lambda g: open_gop(x264, g)),
    "ts_hevc_opengop": _simple(".ts", lambda g: open_gop(x265, g)),
    "h264_raw_opengop": _simple(".264", lambda g: [*open_gop(x264, g), "-f", "h264"]),
    "avi_h264_opengop": _simple(".avi", lambda g: open_gop(x264, g)),
    "ts_h264_mbaff": _simple(".ts", lambda g: [*x264(g, ":interlaced=1:tff=1"),
                                               "-flags", "+ildct+ilme"]),
    "mkv_h264_mbaff": _simple(".mkv", lambda g: x264(g, ":interlaced=1:tff=1")),
    "ts_h264_paff": _paff(".ts"),
    "mkv_h264_paff": _paff(".mkv"),
    "mp4_h264_paff": _paff(".mp4"),
    "h264_raw_paff": _paff(".264"),
    # 3. joined exports
    "ts_joined_restart": _joined(".ts", lambda g: x264(g, bframes=0)),
    "ps_joined_restart": _joined(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g),
                                                    "-bf", "2", "-q:v", "3", "-f", "vob"]),
    "ts_gap": _joined(".ts", lambda g: x264(g, bframes=2), gap=10.0),
    # the 33-bit MPEG clock (26.5 h) wraps a second into the file: one recording, not two
    "ts_clock_wrap": _simple(".ts", lambda g: [*x264(g), *WRAPS_SOON]),
    "ps_clock_wrap": _simple(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf", "2",
                                                "-q:v", "3", *WRAPS_SOON]),
    # 4. rotation
    "mp4_rotated": _rotated,
    "mp4_trimmed": _trimmed(".mp4"),    # phone footage cut on the phone: an edit list
    "mov_trimmed": _trimmed(".mov"),
    # 5. pixel formats and colour
    "mp4_yuv422": _simple(".mp4", lambda g: [*x264(g, pix="yuv422p"), *BT709],
                          colour={"matrix": "bt709", "range": "tv"}),
    "mp4_yuv444": _simple(".mp4", lambda g: [*x264(g, pix="yuv444p"), *BT709],
                          colour={"matrix": "bt709", "range": "tv"}),
    "mkv_10bit": _simple(".mkv", lambda g: [*x264(g, pix="yuv420p10le"), *BT709],
                         colour={"matrix": "bt709", "range": "tv"}),
    "mp4_fullrange": _simple(".mp4", lambda g: [*x264(g, pix="yuvj420p"), *BT601,
                                                "-color_range", "pc"],
                             colour={"matrix": "bt601", "range": "pc"}),
    "mp4_bt709": _simple(".mp4", lambda g: [*x264(g), *BT709],
                         colour={"matrix": "bt709", "range": "tv"}),
    "mp4_bt601": _simple(".mp4", lambda g: [*x264(g), *BT601],
                         colour={"matrix": "bt601", "range": "tv"}),
    # 6. formats of the Chinese CCTV market
    "dav_h264": _dvr("dav"),
    "dav_hevc": _dvr("dav", "hevc"),
    "dav_joined": _dav_joined,
    "imkh_h264": _dvr("imkh"),
    "dav_h264_audio": _dvr("dav", audio=True),      # the camera's microphone, Dahua's header
    "imkh_h264_audio": _dvr("imkh", audio=True),
    "m2v_raw_opengop": _simple(".m2v", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf",
                                                  "2", "-q:v", "3", "-f", "mpeg2video"]),
    "mpg_mpeg2": _simple(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf", "2",
                                            "-q:v", "3", "-f", "vob"]),
    "ts_h264": _simple(".ts", lambda g: x264(g)),
    "ts_hevc": _simple(".ts", lambda g: x265(g)),
    "mp4_h264_intra": _simple(".mp4", lambda g: x264(1, bframes=0)),
    "mjpeg_raw": _simple(".mjpeg", lambda g: ["-c:v", "mjpeg", "-q:v", "3", "-f", "mjpeg"]),
    # MPEG-4 Part 2 (DivX/Xvid-era cameras) with B-frames: open GOPs in a raw stream (read
    # from byte ranges), one picture per packet in AVI (packed B-frames: test_real_footage.py)
    "m4v_raw_bframes": _simple(".m4v", lambda g: [*MPEG4_B(g), "-f", "m4v"]),
    "avi_mpeg4_bframes": _simple(".avi", MPEG4_B),
    # AVI recordings cut off by a power loss: no index
    "avi_h264_killed": _killed(lambda g: x264(g, bframes=0)),
    "avi_mpeg4_killed": _killed(lambda g: ["-c:v", "mpeg4", "-g", str(g), "-q:v", "3"]),
    "avi_h264_bframes_killed": _killed(x264),
    # dropped frames written as not-coded pictures (DivX/Xvid-era DVRs)
    "avi_mpeg4_dropped": _dropped(".avi"),
    "mpg_mpeg4_dropped": _dropped(".mpg"),
    "m4v_raw_dropped_bframes": _dropped(".m4v", bframes=2),
    "avi_mpeg4_dropped_bframes": _dropped(".avi", bframes=2),
    # periodic intra refresh (low-latency cameras): one IDR, then recovery points
    "ts_h264_refresh": _simple(".ts", lambda g: x264(g, REFRESH, bframes=0)),
    "mp4_h264_refresh": _simple(".mp4", lambda g: x264(g, REFRESH, bframes=0)),
    "mp4_h264_refresh_bframes": _simple(".mp4", lambda g: x264(g, REFRESH, bframes=2)),
    "h264_raw_refresh_bframes": _simple(".264", lambda g: [*x264(g, REFRESH, bframes=2),
                                                          "-f", "h264"]),
    "avi_h264_refresh_bframes": _simple(".avi", lambda g: x264(g, REFRESH, bframes=2)),
    "ts_h264_refresh_split": _cut(".ts", lambda g: x264(g, REFRESH, bframes=0), mid=True),
    "ts_h264_refresh_bframes_split": _cut(".ts", lambda g: x264(g, REFRESH, bframes=2), mid=True),
    "mkv_h264_stalled_clock": _stalled(".mkv"),     # two frames with one timestamp
    "avi_h264_bframes_dropped": _dropped_slots(".avi", x264),   # empty chunks, B-frames
    "avi_mpeg2_dropped": _dropped_slots(".avi", lambda g: ["-c:v", "mpeg2video", "-g", str(g),
                                                           "-bf", "2", "-q:v", "3"]),
    "avi_mpeg1_bframes": _simple(".avi", lambda g: ["-c:v", "mpeg1video", "-g", str(g), "-bf",
                                                    "2", "-q:v", "3"]),   # a VCD-era recorder
    "mp4_h264_from_raw": _from_raw(".mp4"),        # timestamps that are only decode order
    "mp4_hevc_from_raw": _from_raw(".mp4", "hevc"),
    "rm_rv20": _simple(".rm", lambda g: ["-c:v", "rv20", "-g", str(g), "-b:v", "600k"]),  # RealVideo
    # exports that start at an open-GOP keyframe or mid-GOP
    "ts_h264_opengop_cut": _cut(".ts", lambda g: open_gop(x264, g, HEADERS)),
    "ts_hevc_opengop_cut": _cut(".ts", lambda g: open_gop(x265, g, HEADERS)),
    "mkv_h264_opengop_cut": _cut(".ts", lambda g: open_gop(x264, g, HEADERS), remux=".mkv"),
    "h264_raw_opengop_cut": _cut(".264", lambda g: [*open_gop(x264, g, HEADERS), "-f", "h264"]),
    "m2v_raw_opengop_cut": _cut(".m2v", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf",
                                                   "2", "-q:v", "3", "-f", "mpeg2video"]),
    "ts_h264_split": _cut(".ts", x264, mid=True),
    "mpg_mpeg2_split": _cut(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf", "2",
                                               "-q:v", "3"], mid=True),
    # 7. damaged frames
    "ts_damaged": _damaged,
}
NAMES = tuple(BUILDERS)


def make_variant(name: str, *, frames: int = 100, size: tuple[int, int] = (320, 240),
                 fps: float = 25, gop: int = 25) -> Variant:
    """The cached file of variant ``name`` (generated on first use) and its truth."""
    build = BUILDERS[name]
    params = {"v": _VERSION, "name": name, "frames": frames, "size": list(size), "fps": fps,
              "gop": gop}
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]
    target = media_dir() / f"var-{name}-{size[0]}x{size[1]}-{frames}f-{key}{build.ext}"
    meta = target.with_name(target.name + ".truth.json")
    if not (target.exists() and meta.exists()):
        fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=build.ext, dir=target.parent)
        os.close(fd)
        try:
            truth = build(Path(tmp), frames, size, fps, gop)
            os.replace(tmp, target)
            meta.write_text(json.dumps(truth))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    truth = json.loads(meta.read_text())
    return Variant(name=name, path=target, **{k: tuple(v) if isinstance(v, list) else v
                                              for k, v in truth.items()})
