"""Real-footage variants, made at run time with the ffmpeg CLI (issue 11's failure classes).

Frames are rendered (index code on top, see :mod:`tests.media`, plus colour bars) and piped as
raw BGR into ``ffmpeg`` (:mod:`tests.format_encoders`); the builders of
:mod:`tests.format_builders` encode and mux them exactly as a DVR export would be shaped.
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
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.format_builders import (
    DAV_JOINED_STARTS,
    _clock_back,
    _cut,
    _damaged,
    _dav_joined,
    _dropped,
    _dropped_slots,
    _dvr,
    _from_raw,
    _joined,
    _killed,
    _no_sei,
    _no_sync_table,
    _paff,
    _rotated,
    _simple,
    _stalled,
    _trimmed,
)
from tests.format_encoders import (
    BT601,
    BT709,
    HEADERS,
    MPEG4_B,
    REFRESH,
    WRAPS_SOON,
    open_gop,
    x264,
    x265,
)
from tests.media import media_dir
from tests.size_changes import resized

__all__ = ["DAV_JOINED_STARTS", "NAMES", "Variant", "make_variant"]

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
    sizes: tuple = ()                       # [first frame, width, height] per picture size

    @property
    def frame_count(self) -> int:
        return len(self.codes)


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
    "ts_h264_opengop_nosei": _no_sei(".ts"),       # I-pictures nothing marks as keyframes
    "h264_raw_opengop_nosei": _no_sei(".264"),
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
    "flv_h264_reconnect": _clock_back(".flv", x264),    # a live recording, its clock from 0
    "mkv_h264_clock_back": _clock_back(".mkv", x264),   # the camera's clock set back
    "flv_h264": _simple(".flv", x264),                  # (their single-recording twins)
    "mkv_h264_clusters": _simple(".mkv", lambda g: [*x264(g), "-dash", "1"]),
    # the 33-bit MPEG clock (26.5 h) wraps a second into the file: one recording, not two
    "ts_clock_wrap": _simple(".ts", lambda g: [*x264(g), *WRAPS_SOON]),
    "ps_clock_wrap": _simple(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf", "2",
                                                "-q:v", "3", *WRAPS_SOON]),
    # a change of the camera's settings mid-export: pictures of two sizes
    "ts_h264_resized": resized(".ts", x264),                 # the clock runs on
    "mkv_h264_resized": resized(".mkv", x264, up=False, remux=True),    # SPS in band
    "h264_raw_resized": resized(".264", lambda g: x264(g, bframes=0), up=False, part="h264"),
    "ts_hevc_resized": resized(".ts", x265),
    "mpg_mpeg2_resized": resized(".mpg", lambda g: ["-c:v", "mpeg2video", "-g", str(g), "-bf",
                                                    "2", "-q:v", "3", "-f", "vob"],
                                 up=False, part=".mpg"),            # two recordings joined
    "dav_h264_resized": resized(".dav", lambda g: x264(g, bframes=0), up=False, part="h264",
                                dav=True),       # the recorder fell back to the sub-stream
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
    # H.264 in a program stream as FFmpeg's muxer writes it: several pictures in one PES,
    # only the first with a time, and times given to the wrong picture
    "ps_h264": _simple(".mpg", lambda g: [*x264(g), "-f", "vob"]),
    "ps_h264_nob": _simple(".mpg", lambda g: [*x264(g, bframes=0), "-f", "vob"]),
    "ps_h264_opengop_nosei": _no_sei(".mpg"),
    "ts_h264": _simple(".ts", lambda g: x264(g)),
    "ts_hevc": _simple(".ts", lambda g: x265(g)),
    "mp4_h264_intra": _simple(".mp4", lambda g: x264(1, bframes=0)),
    "mjpeg_raw": _simple(".mjpeg", lambda g: ["-c:v", "mjpeg", "-q:v", "3", "-f", "mjpeg"]),
    # MPEG-4 Part 2 (DivX/Xvid-era cameras) with B-frames: open GOPs in a raw stream (read
    # from byte ranges), one picture per packet in AVI (packed B-frames: test_real_footage.py)
    "m4v_raw_bframes": _simple(".m4v", lambda g: [*MPEG4_B(g), "-f", "m4v"]),
    "avi_mpeg4_bframes": _simple(".avi", MPEG4_B),
    # keyframe flags that claim every picture (checked against the pictures themselves)
    "mp4_hevc_no_sync_table": _no_sync_table(lambda g: [*x265(g), "-tag:v", "hvc1"]),
    "mp4_mpeg4_no_sync_table": _no_sync_table(MPEG4_B),
    "avi_divx3_killed": _killed(lambda g: ["-c:v", "msmpeg4", "-g", str(g), "-q:v", "3"]),
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
    # ASF / WMV: Windows-era DVR backup software and the players bundled with exports
    "asf_msmpeg4": _simple(".asf", lambda g: ["-c:v", "msmpeg4", "-g", str(g), "-q:v", "3"]),
    "asf_mpeg4_bframes": _simple(".asf", MPEG4_B),
    "wmv_wmv2": _simple(".wmv", lambda g: ["-c:v", "wmv2", "-g", str(g), "-q:v", "3"]),
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
