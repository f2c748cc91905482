"""Builders of :mod:`tests.formats`' variants: ``(out, frames, size, fps, gop) -> truth``.

Each factory returns a function that writes one file shaped like a real export and returns what
a correct reader must find in it (``codes``, ``segments``, ``rotation``…); ``build.ext`` is the
file's extension.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests import clock_rewrites, dvr_writers, paff
from tests.format_encoders import (
    FORMAT,
    HEADERS,
    colour_frame,
    decoded_codes,
    encode_images,
    ffmpeg_encode,
    open_gop,
    x264,
    x265,
)
from tests.media import _background


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


def _paff(ext: str):
    """Field-coded (PAFF) H.264: every frame two field pictures (see :mod:`tests.paff`), muxed
    at the field rate as an encoder writes it (one packet per field)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        w, h = size
        bg = _background(w, h)
        frames = [colour_frame(i, w, h, bg) for i in range(n)]
        raw = out.with_name(out.name + ".264")
        paff.write_paff(frames, raw, lambda p, ims: encode_images(
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
            encode_images(plain, images, fps, ["-c:v", "mpeg4", "-bf", str(bframes), "-g",
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
        codes = decoded_codes(out)
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
        codes = decoded_codes(out)
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
        codes = decoded_codes(out)
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
        codes = decoded_codes(out)
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
        codes = decoded_codes(out)
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


def _clock_back(ext: str, args: Callable[[int], list[str]]):
    """A recording whose clock goes back half way, at a keyframe: an FLV recorded from a live
    stream that reconnected (its clock begins again at 0), a Matroska recording whose camera
    clock was set back. FFmpeg shows every frame in file order."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        ffmpeg_encode(out, n, size, fps, [*args(gop), *(["-dash", "1"] if ext == ".mkv" else [])])
        data = bytearray(out.read_bytes())
        if ext == ".flv":
            at = clock_rewrites.flv_restart(data, n // 2)
        else:                                   # one cluster per (closed) GOP
            cluster = -(-(n // 2) // gop)
            clock_rewrites.mkv_restart(data, cluster)
            at = cluster * gop
        out.write_bytes(bytes(data))
        if decoded_codes(out) != list(range(n)) or not 0 < at < n:
            raise RuntimeError(f"{out.name}: FFmpeg no longer shows every frame in order")
        return {"codes": tuple(range(n)), "segments": (0, at)}
    build.ext = ext
    return build


def _no_sei(ext: str):
    """An open-GOP H.264 stream (non-IDR I-pictures, B-frames) from an encoder that writes no
    recovery-point SEI, as some DVR chips do: nothing marks its I-pictures as keyframes. Made
    from an open-GOP encoding whose SEI units are removed (``filter_units``)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            whole = Path(tmp) / "whole.ts"
            ffmpeg_encode(whole, n, size, fps, open_gop(x264, gop, HEADERS))
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(whole), "-c", "copy",
                            "-bsf:v", "filter_units=remove_types=6", "-f",
                            {".264": "h264", ".mpg": "vob"}.get(ext, FORMAT.get(ext, "")),
                            str(out)], check=True, capture_output=True)
        if decoded_codes(out) != list(range(n)) or b"\x00\x00\x01\x06" in out.read_bytes():
            raise RuntimeError(f"{out.name}: not every frame, or an SEI left")
        return {"codes": tuple(range(n))}
    build.ext = ext
    return build


def _no_sync_table(args: Callable[[int], list[str]]):
    """An MP4 whose writer left out the sync-sample table (``stss``): by the format's rule
    every picture is then a keyframe (the box is renamed ``free``, its size kept)."""
    def build(out: Path, n: int, size, fps: float, gop: int) -> dict:
        ffmpeg_encode(out, n, size, fps, args(gop))
        data = out.read_bytes()
        if data.count(b"stss") != 1:
            raise RuntimeError(f"{out.name}: not one sync-sample table")
        out.write_bytes(data.replace(b"stss", b"free"))
        return {"codes": tuple(range(n))}
    build.ext = ".mp4"
    return build
