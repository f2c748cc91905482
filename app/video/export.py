"""Snapshots (PNG + provenance sidecar) and clip export (stream copy or re-encode), with hashes."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from app.i18n import _
from app.video.errors import VideoCancelled, VideoError
from app.video.filters import FilterChain
from app.video.index import FrameIndex
from app.video.source import VideoSource, open_video
from app.video.tracks import demuxed, main_video

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None

CHUNK = 4 << 20


def sha256_file(path: str | Path, progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> str:
    """SHA-256 hex digest of a file, read in 4 MiB chunks (progress in bytes, cancellable)."""
    path = Path(path)
    try:
        total = path.stat().st_size
        h, done = hashlib.sha256(), 0
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                if cancel is not None and cancel():
                    raise VideoCancelled(path)
                h.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    except OSError as exc:
        raise VideoError(_("the file cannot be read ({reason})", reason=exc.strerror), path) from exc
    return h.hexdigest()


def source_sha256(source: VideoSource) -> str:
    """The source file's SHA-256, computed once per open source."""
    if source.sha256 is None:
        source.sha256 = sha256_file(source.path)
    return source.sha256


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (a part file, fsync, rename); a failure
    is a :class:`VideoError` in plain words."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise VideoError(_("cannot write {name} ({reason})", name=target.name,
                           reason=exc.strerror)) from exc


def sidecar_path(out: Path) -> Path:
    return out.with_name(out.name + ".json")


def export_snapshot(source: VideoSource | str | Path, index: int, out_png: str | Path, *,
                    filters: FilterChain | list | None = None, extra: dict | None = None,
                    file_sha256: str | None = None) -> Path:
    """Write frame ``index`` (optionally enhanced) as PNG plus ``<out>.png.json`` provenance:
    {file, file_sha256, frame_index, pts, codec, filters, png_sha256, ...extra}."""
    if not isinstance(source, VideoSource):
        with open_video(source, cache_bytes=64 << 20) as opened:
            return export_snapshot(opened, index, out_png, filters=filters, extra=extra,
                                   file_sha256=file_sha256)
    chain = filters if isinstance(filters, FilterChain) else FilterChain.from_json(filters)
    image = chain.apply(source.read(index))
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise VideoError(_("the frame could not be encoded as PNG"), source.path)
    out = Path(out_png)
    data = png.tobytes()
    write_atomic(out, data)
    (width, height), stored = source.frame_size(index), source.index.size_at(index)
    meta = {
        "file": str(source.path), "file_sha256": file_sha256 or source_sha256(source),
        "frame_index": int(index), "pts": source.pts(index), "frame_count": source.frame_count,
        "fps": source.fps, "codec": source.codec, "container": source.index.container,
        "width": width, "height": height,
        "start_time": source.start_time.isoformat() if source.start_time else None,
        "timestamps": source.info.timestamps, "filters": chain.to_json(),
        "filters_text": chain.describe(), "image_width": int(image.shape[1]),
        "image_height": int(image.shape[0]), "png_sha256": hashlib.sha256(data).hexdigest(),
        "damaged": int(index) in source.damaged,
        "rotation": source.rotation, "stored_width": stored[0], "stored_height": stored[1],
        "segment": source.segment_of(index),
        "warnings": source.warnings,
        "exported_at": datetime.now(UTC).isoformat(), **(extra or {}),
    }
    write_atomic(sidecar_path(out), json.dumps(meta, ensure_ascii=False, indent=2).encode())
    return out


def _gop_aligned(index: FrameIndex, start: int, end: int) -> bool:
    """Whether the range can be copied packet for packet: it starts on a keyframe's own picture
    (not on the first frame shown after a keyframe an edit list hides) and ends before one."""
    keys = set(int(k) for k in index.key_index)
    return (index.mode == "pts" and index.seek_by == "ts" and not index.rotation
            and start in keys
            and int(index.key_seek[index.key_slot(start)]) == int(index.ticks[start])
            and (end + 1 in keys or end == index.frame_count - 1))


def export_clip(path: str | Path, start_frame: int, end_frame: int, out_path: str | Path, *,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> str:
    """Export frames ``start_frame..end_frame`` (inclusive) to ``out_path``; returns its SHA-256.

    Stream copy (bit-exact packets) when the range starts on a keyframe and ends just before one;
    otherwise the frames are decoded exactly and re-encoded (H.264, visually lossless). A sidecar
    ``<out>.json`` records the source hash, range, timestamps and method.
    """
    out = Path(out_path)
    with open_video(path, cache_bytes=64 << 20) as src:
        n = src.frame_count
        if not (0 <= int(start_frame) <= int(end_frame) < n):
            raise VideoError(_("the clip range {a}–{b} is outside the video (0 to {last})",
                               a=start_frame, b=end_frame, last=n - 1), src.path)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.stem}.{os.getpid()}.part{out.suffix}")
        sizes = src.sizes_between(int(start_frame), int(end_frame))
        copy = _gop_aligned(src.index, start_frame, end_frame) and len(sizes) == 1
        try:
            if copy:
                _stream_copy(src, start_frame, end_frame, tmp, progress, cancel)
            else:
                _reencode(src, start_frame, end_frame, tmp, progress, cancel)
            os.replace(tmp, out)
        except av.error.FFmpegError as exc:
            raise VideoError(_("the clip could not be written ({reason})", reason=str(exc)),
                             src.path) from exc
        finally:
            if tmp.exists():
                tmp.unlink()
        digest = sha256_file(out)
        meta = {"source": str(src.path), "source_sha256": source_sha256(src),
                "start_frame": int(start_frame), "end_frame": int(end_frame),
                "start_pts": src.pts(start_frame), "end_pts": src.pts(end_frame),
                "method": "stream_copy" if copy else "reencode_h264", "sha256": digest,
                "rotation": src.rotation,
                "damaged_frames": sorted(d for d in src.damaged if start_frame <= d <= end_frame),
                "segments": [s for s in src.segments if start_frame <= s <= end_frame],
                **_size_record(sizes),
                "exported_at": datetime.now(UTC).isoformat()}
    write_atomic(sidecar_path(out), json.dumps(meta, ensure_ascii=False, indent=2).encode())
    return digest


def canvas(sizes: list[tuple[int, int, int]]) -> tuple[int, int]:
    """The encoded picture size of a clip: the largest of its pictures, made even (4:2:0)."""
    w, h = max(s[1] for s in sizes), max(s[2] for s in sizes)
    return w + w % 2, h + h % 2


def centred(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """``img`` unscaled in the middle of a black ``width`` × ``height`` picture."""
    h, w = img.shape[:2]
    if (w, h) == (width, height):
        return np.ascontiguousarray(img)
    out = np.zeros((height, width, 3), dtype=np.uint8)
    y, x = (height - h) // 2, (width - w) // 2
    out[y:y + h, x:x + w] = img
    return out


def _size_record(sizes: list[tuple[int, int, int]]) -> dict:
    """Sidecar fields of a clip whose pictures change size (empty for one size)."""
    if len(sizes) < 2:
        return {}
    return {"picture_sizes": [{"first_frame": n, "width": w, "height": h} for n, w, h in sizes],
            "padded_to": list(canvas(sizes))}


def _out_format(out: Path) -> str | None:
    return {".mkv": "matroska", ".avi": "avi", ".mov": "mov", ".mp4": "mp4"}.get(
        out.suffix.lower(), "mp4")


def _stream_copy(src: VideoSource, start: int, end: int, tmp: Path, progress: Progress,
                 cancel: Cancel) -> None:
    index = src.index
    lo, hi = int(index.ticks[start]), int(index.ticks[end])
    with av.open(str(src.path), metadata_errors="ignore") as inp, \
            av.open(str(tmp), "w", format=_out_format(tmp)) as outp:
        ins = main_video(inp, index)
        outs = outp.add_stream_from_template(ins)
        inp.seek(int(index.key_seek[index.key_slot(start)]), stream=ins, backward=True)
        shift, done = None, 0
        for packet in demuxed(inp, ins):
            if packet.size == 0 or packet.pts is None:
                continue
            if packet.pts > hi and packet.is_keyframe:
                break
            if not lo <= packet.pts <= hi:
                continue
            if cancel is not None and cancel():
                raise VideoCancelled(src.path)
            if shift is None:
                shift = packet.dts if packet.dts is not None else packet.pts
            packet.pts -= shift
            if packet.dts is not None:
                packet.dts -= shift
            packet.stream = outs
            outp.mux(packet)
            done += 1
            if progress is not None:
                progress(done, end - start + 1)


def _reencode(src: VideoSource, start: int, end: int, tmp: Path, progress: Progress,
              cancel: Cancel) -> None:
    base = src.pts(start)
    rate = Fraction(src.fps).limit_denominator(1001)
    with av.open(str(tmp), "w", format=_out_format(tmp)) as outp:
        stream = outp.add_stream("libx264", rate=rate)
        stream.width, stream.height = canvas(src.sizes_between(start, end))
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": "16", "preset": "veryfast"}
        stream.codec_context.time_base = Fraction(1, 90000)
        for i in range(start, end + 1):
            if cancel is not None and cancel():
                raise VideoCancelled(src.path)
            img = centred(src.read(i), stream.width, stream.height)
            frame = av.VideoFrame.from_ndarray(img, format="bgr24")
            frame.pts = round((src.pts(i) - base) * 90000)
            frame.time_base = Fraction(1, 90000)
            for packet in stream.encode(frame):
                outp.mux(packet)
            if progress is not None:
                progress(i - start + 1, end - start + 1)
        for packet in stream.encode(None):
            outp.mux(packet)
