"""Frame index: per-frame presentation timestamps and keyframes, built by demuxing only.

Three modes:
* ``pts`` — the container carries real timestamps: frames are the packets sorted by pts; a
  decoded frame is placed by its pts (exact integer match in the stream time base).
* ``bytes`` — a raw elementary stream (e.g. Annex-B ``.h264``/``.hevc``) without timestamps:
  packets are contiguous byte ranges of the file, fed to the decoder from an exact access point
  (see :mod:`app.video.nal`); frames are placed by counting decoder output and the timebase is
  derived from the stream's (or a user-given) frame rate.
* ``count`` — a container that gives only decode-order timestamps for a reordering codec (e.g.
  H.264 with B-frames in AVI): like ``bytes``, but packets come from the demuxer.

The index is persisted as ``<index_dir>/<content key>.npz`` so a clip opened again opens at once.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.i18n import _
from app.video.counted import counted_index
from app.video.errors import VideoError
from app.video.nal import vcl_type

INDEX_VERSION = 6
REORDERING = {"h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video", "vc1", "wmv3"}
PTS_CONTAINERS = {"mov", "matroska", "mpegts", "flv", "mpeg", "ogg"}
RAW_FORMATS = {"h264", "hevc", "m4v", "mpegvideo", "mjpeg", "cavsvideo", "vc1"}


@dataclass
class FrameIndex:
    """Everything needed to find and verify any frame of one video stream."""

    mode: str
    container: str
    codec: str
    width: int
    height: int
    pix_fmt: str
    fps: float
    time_base: Fraction
    ticks: np.ndarray          # int64, presentation order (pts ticks; frame numbers in bytes mode)
    seconds: np.ndarray        # float64, seconds from the first frame
    key_index: np.ndarray      # int64, presentation index of each keyframe (ascending)
    key_seek: np.ndarray       # int64, seek timestamp of each keyframe (pts mode)
    pkt_pos: np.ndarray        # int64, bytes mode: file offset of each packet (decode order)
    pkt_size: np.ndarray       # int64, bytes mode: size of each packet
    pkt_dts: np.ndarray        # int64, count mode: dts of each packet (decode order)
    key_lead: np.ndarray       # int64, counted modes: RASL frames shown before each access point
    file_size: int
    bit_rate: int = 0
    sample_aspect: float = 1.0  # pixel width / height (anamorphic DVR exports); 1.0 = square
    start_time: str | None = None
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def frame_count(self) -> int:
        return int(self.ticks.size)

    @property
    def frame_count_packets(self) -> int:
        """Packets to feed in bytes mode (may exceed frames when the tail does not decode)."""
        return int(self.pkt_pos.size) if self.mode != "pts" else self.frame_count

    def key_slot(self, i: int) -> int:
        """Position in the keyframe arrays of the last keyframe at or before frame ``i``."""
        return max(0, int(np.searchsorted(self.key_index, i, side="right")) - 1)

    def gop_end(self, slot: int) -> int:
        """Last frame index of the GOP starting at keyframe ``slot``."""
        nxt = slot + 1
        return int(self.key_index[nxt]) - 1 if nxt < self.key_index.size else self.frame_count - 1

    def index_of_ticks(self, ticks: int) -> int | None:
        j = int(np.searchsorted(self.ticks, ticks))
        return j if j < self.ticks.size and int(self.ticks[j]) == ticks else None

    # --- persistence -------------------------------------------------------------------------
    def save(self, target: Path) -> None:
        meta = {k: getattr(self, k) for k in ("mode", "container", "codec", "width", "height",
                                              "pix_fmt", "fps", "file_size", "bit_rate", "sample_aspect",
                                              "start_time", "truncated", "warnings")}
        meta["time_base"] = [self.time_base.numerator, self.time_base.denominator]
        meta["version"] = INDEX_VERSION
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, meta=np.array(json.dumps(meta)), ticks=self.ticks, seconds=self.seconds,
                 key_index=self.key_index, key_seek=self.key_seek, pkt_pos=self.pkt_pos,
                 pkt_size=self.pkt_size, pkt_dts=self.pkt_dts, key_lead=self.key_lead)
        os.replace(tmp, target)

    @classmethod
    def load(cls, source: Path) -> FrameIndex | None:
        try:
            with np.load(source, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.pop("version", None) != INDEX_VERSION:
                    return None
                tb = meta.pop("time_base")
                arrays = {k: data[k] for k in ("ticks", "seconds", "key_index", "key_seek",
                                               "pkt_pos", "pkt_size", "pkt_dts", "key_lead")}
            return cls(time_base=Fraction(*tb), **meta, **arrays)
        except (OSError, ValueError, KeyError, TypeError):
            return None


def content_key(path: Path) -> str:
    """Identify a file by size and its first and last MiB (cheap; survives copies and renames)."""
    size = path.stat().st_size
    h = hashlib.sha256(f"{INDEX_VERSION}:{size}:".encode())
    with open(path, "rb") as f:
        h.update(f.read(1 << 20))
        if size > 2 << 20:
            f.seek(size - (1 << 20))
            h.update(f.read())
    return h.hexdigest()[:40]


def check_readable(path: Path) -> int:
    if not path.exists():
        raise VideoError(_("the file does not exist"), path)
    if not path.is_file():
        raise VideoError(_("this is not a file"), path)
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise VideoError(_("the file cannot be read ({reason})", reason=exc.strerror), path) from exc
    if size == 0:
        raise VideoError(_("the file is empty (0 bytes)"), path)
    return size


def open_container(path: Path):
    """``av.open`` with plain-words errors."""
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        with open(path, "rb") as f:
            head = f.read(12)
        if head[4:8] == b"ftyp":
            raise VideoError(_("the file is incomplete: its index (moov) is missing, probably "
                               "because copying stopped early"), path) from exc
        raise VideoError(_("not a video file, or a format that cannot be read"), path) from exc
    if not container.streams.video:
        container.close()
        raise VideoError(_("the file contains no video stream"), path)
    stream = container.streams.video[0]
    if stream.codec_context is None or not stream.codec_context.name:
        container.close()
        raise VideoError(_("the video codec is not supported"), path)
    return container


def _parse_start_time(*metas: dict) -> str | None:
    for meta in metas:
        raw = (meta or {}).get("creation_time")
        if not raw:
            continue
        try:
            when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if when.year > 1971:
            return when.astimezone(UTC).isoformat()
    return None


def _nominal_fps(stream, fps_hint: float | None) -> float | None:
    if fps_hint:
        return float(fps_hint)
    for rate in (stream.average_rate, stream.guessed_rate, stream.base_rate):
        if rate and 0 < float(rate) < 1000:
            return float(rate)
    return None


def build_index(path: Path, fps_hint: float | None = None) -> FrameIndex:
    """Demux ``path`` once (no decoding) and return its frame index."""
    size = check_readable(path)
    warnings: list[str] = []
    truncated = False
    rows: list[tuple[int | None, int | None, bool, int]] = []
    sizes: list[int] = []
    types: list[int | None] = []
    with open_container(path) as container:
        stream = container.streams.video[0]
        cc = stream.codec_context
        fmt = container.format.name.split(",")[0]
        nal_codec = cc.name if cc.name in ("h264", "hevc") else None
        try:
            for pkt in container.demux(stream):
                if pkt.size == 0:
                    continue
                if not rows and fmt in PTS_CONTAINERS and pkt.pts is not None:
                    nal_codec = None  # real presentation timestamps: no bitstream peeking
                rows.append((pkt.pts, pkt.dts, bool(pkt.is_keyframe), pkt.pos if pkt.pos else 0))
                sizes.append(pkt.size)
                if nal_codec:
                    head = memoryview(pkt)[:4096 if pkt.is_keyframe else 256].tobytes()
                    types.append(vcl_type(head, nal_codec))
                else:
                    types.append(None)
                if pkt.is_corrupt or (pkt.pos is not None and pkt.pos >= 0
                                      and pkt.pos + pkt.size > size):
                    truncated = True  # a partial last packet: kept, it may show part of a picture
                    break
        except av.error.FFmpegError:
            truncated = True
        if fmt == "mov" and stream.frames and len(rows) < stream.frames:
            truncated = True    # the sample table lists frames the file no longer holds
        if not truncated and container.duration and rows and rows[-1][0] is not None:
            declared = container.duration / av.time_base
            seen = max(r[0] for r in rows if r[0] is not None) * float(stream.time_base or 0)
            start = (container.start_time or 0) / av.time_base
            truncated = seen - start < declared - 1.0 and seen - start < declared * 0.95
        info = {"container": fmt, "codec": cc.name, "width": cc.width, "height": cc.height,
                "pix_fmt": cc.format.name if cc.format else "",
                "bit_rate": int(container.bit_rate or stream.bit_rate or 0),
                "sample_aspect": _sample_aspect(stream),
                "start_time": _parse_start_time(container.metadata, stream.metadata)}
        fps = _nominal_fps(stream, fps_hint)
        has_b_frames = bool(cc.has_b_frames)
        time_base = stream.time_base or Fraction(1, 90000)
    if not rows:
        raise VideoError(_("no video frames could be read; the file is damaged or incomplete"),
                         path)
    if truncated:
        warnings.append(_("the file is incomplete (truncated); only the first {n} frames can be "
                          "shown", n=len(rows)))
    reorders = info["codec"] in REORDERING
    if fmt in RAW_FORMATS or any(r[0] is None and r[1] is None for r in rows):
        return counted_index(path, "bytes", rows, sizes, types, info, fps, size, truncated,
                             warnings, reorders)
    pts_known = [r[0] for r in rows if r[0] is not None]
    fake_pts = (has_b_frames and len(pts_known) == len(rows) > 2
                and all(a < b for a, b in zip(pts_known, pts_known[1:], strict=False)))
    if reorders and (fake_pts or any(r[0] is None for r in rows)):
        # no pts, or pts that just count up in decode order although frames are reordered
        # (e.g. H.264 with B-frames in AVI): place frames by counting decoder output
        return counted_index(path, "count", rows, sizes, types, info, fps, size, truncated,
                             warnings, reorders)
    return _timed_index(path, rows, info, fps, time_base, size, truncated, warnings)


def _timed_index(path, rows, info, fps, time_base, size, truncated, warnings) -> FrameIndex:
    pts = np.array([r[0] if r[0] is not None else r[1] for r in rows], dtype=np.int64)
    # seek by the keyframe's pts: FFmpeg's mov seek compares presentation times, and seeking
    # to the (earlier) dts of a B-frame stream's keyframe lands one whole GOP too early
    seek = np.array([r[0] if r[0] is not None else r[1] for r in rows], dtype=np.int64)
    keys = np.array([r[2] for r in rows], dtype=bool)
    order = np.argsort(pts, kind="stable")
    ticks = pts[order]
    if np.any(np.diff(ticks) == 0):
        warnings.append(_("some frames share a timestamp; the duplicates cannot be told apart"))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    key_index, key_seek = rank[keys], seek[keys]
    by_index = np.argsort(key_index)
    key_index, key_seek = key_index[by_index], key_seek[by_index]
    if key_index.size == 0:
        raise VideoError(_("the video has no keyframe, so no frame can be decoded"), path)
    first = int(key_index[0])
    if first > 0:
        warnings.append(_("the first {n} frames come before any keyframe and cannot be decoded",
                          n=first))
        ticks, key_index = ticks[first:], key_index - first
    seconds = (ticks - ticks[0]).astype(np.float64) * float(time_base)
    if not fps:
        steps = np.diff(seconds)
        fps = float(1.0 / np.median(steps)) if steps.size and np.median(steps) > 0 else 25.0
    empty = np.zeros(0, dtype=np.int64)
    return FrameIndex(mode="pts", fps=fps, time_base=Fraction(time_base), ticks=ticks,
                      seconds=seconds, key_index=key_index, key_seek=key_seek, pkt_pos=empty,
                      pkt_size=empty, pkt_dts=empty, key_lead=empty, file_size=size, truncated=truncated, warnings=warnings,
                      **info)


def _sample_aspect(stream) -> float:
    """Sample (pixel) aspect ratio of the stream from its parameters; 1.0 when unknown."""
    try:
        sar = stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
        return float(sar) if sar and float(sar) > 0 else 1.0
    except (AttributeError, ZeroDivisionError, ValueError):
        return 1.0


_defaults: dict[str, Path | None] = {"index_dir": None}


def set_default_index_dir(index_dir: Path | None) -> None:
    """Where indexes are persisted when a call gives no ``index_dir`` (e.g. the app's
    ``<data>/cache/index``); None turns default persistence off."""
    _defaults["index_dir"] = Path(index_dir) if index_dir is not None else None


def load_or_build(path: Path, index_dir: Path | None, fps_hint: float | None) -> FrameIndex:
    """The persisted index for ``path`` if one is stored in ``index_dir`` (or the default set by
    :func:`set_default_index_dir`), else build it (and store it)."""
    check_readable(path)
    index_dir = index_dir if index_dir is not None else _defaults["index_dir"]
    target = None
    if index_dir is not None:
        hint = f"-{fps_hint:g}" if fps_hint else ""
        target = Path(index_dir) / f"{content_key(path)}{hint}.npz"
        if target.exists():
            loaded = FrameIndex.load(target)
            if loaded is not None and loaded.file_size == path.stat().st_size:
                return loaded
    index = build_index(path, fps_hint)
    if target is not None:
        try:
            index.save(target)
        except OSError:
            index.warnings.append(_("the frame index could not be saved for next time"))
    return index
