"""Which video stream of a file is shown, which others it holds, and what the container says
of the one shown (start time, nominal frame rate, pixel aspect).

A dashcam may record its front and rear cameras as two video streams of one file; Matroska and
MP4 files may carry a cover picture or a thumbnail track beside the video. The engine shows one
stream: not a cover picture (``attached_pic``), and of several the largest picture (the front
camera, the video rather than its thumbnail), the first of equals. The others are named in a
warning, so an officer knows the file holds more than is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import av
from av.container import InputContainer
from av.video.stream import VideoStream

from app.i18n import _
from app.video.frame_index import FrameIndex

COVER = av.stream.Disposition.attached_pic


def _area(stream: VideoStream) -> int:
    cc = stream.codec_context
    return (cc.width or 0) * (cc.height or 0) if cc is not None else 0


def _pictures(container: InputContainer) -> list[VideoStream]:
    videos = list(container.streams.video)
    return [s for s in videos if not s.disposition & COVER] or videos


def main_video(container: InputContainer, index: FrameIndex | None = None) -> VideoStream:
    """The video stream shown (the container must hold one). With the file's ``index``, the
    stream it was built from, found again in a demuxer that probed less of the file: by its
    number, or by its container id (MPEG-TS PID, MPEG-PS stream id) where numbers may differ."""
    videos = list(container.streams.video)
    if index is not None and index.stream_id >= 0:
        same = [s for s in videos if s.index == index.stream_no and s.id == index.stream_id]
        by_id = [s for s in videos if s.id == index.stream_id]
        if same or len(by_id) == 1:
            return (same or by_id)[0]
    return max(_pictures(container), key=lambda s: (_area(s), -s.index))


def demuxed(container: InputContainer, stream: VideoStream) -> Iterator[av.Packet]:
    """``container.demux(stream)``, safe against streams that appear mid-file (an audio track
    switched on in one of the joined recordings, a recorder's private data). PyAV leaves
    their packets out, then fails on them ("list index out of range") while it hands out the
    end-of-stream packets, after every packet of ``stream`` and the stream's own end packet:
    that failure is the end."""
    try:
        yield from container.demux(stream)
    except IndexError:
        return


def main_packets(path: Path, stream_no: int) -> Iterator[av.Packet]:
    """The shown stream's packets with data, in decode order, read again from the start: a
    second pass over a file being indexed (nothing if that stream is no longer found)."""
    with av.open(str(path), metadata_errors="ignore") as container:
        stream = main_video(container)
        if stream.index == stream_no:
            yield from (packet for packet in demuxed(container, stream) if packet.size)


def has_video(container: InputContainer, index: FrameIndex | None = None) -> bool:
    """Whether the demuxer has found the video stream of ``index`` (any video without one)."""
    if index is None or index.stream_id < 0:
        return bool(container.streams.video)
    return any(s.id == index.stream_id for s in container.streams.video)


def other_videos(container: InputContainer, shown: VideoStream) -> list[VideoStream]:
    """The file's other video streams with pictures of their own (no cover, no empty entry)."""
    return [s for s in _pictures(container) if s.index != shown.index and _area(s) > 0]


def streams_note(container: InputContainer, shown: VideoStream) -> list[str]:
    """A warning when the file holds other video streams than the one shown."""
    others = other_videos(container, shown)
    if not others:
        return []
    sizes = ", ".join(f"{s.codec_context.width}×{s.codec_context.height}" for s in others)
    return [_("the file holds {n} video streams (a dashcam's front and rear cameras, say); only "
              "the {w}×{h} one is shown, not {others}", n=len(others) + 1,
              w=shown.codec_context.width, h=shown.codec_context.height, others=sizes)]


def start_time_of(*metas: dict) -> str | None:
    """The recording's start (UTC, ISO) from container or stream ``creation_time`` tags."""
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


def nominal_fps(stream: VideoStream, fps_hint: float | None) -> float | None:
    """The frame rate the stream states (or the caller's hint), if a sane one."""
    if fps_hint:
        return float(fps_hint)
    for rate in (stream.average_rate, stream.guessed_rate, stream.base_rate):
        if rate and 0 < float(rate) < 1000:
            return float(rate)
    return None


def sample_aspect(stream: VideoStream) -> float:
    """Sample (pixel) aspect ratio of the stream from its parameters; 1.0 when unknown."""
    try:
        sar = stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
        return float(sar) if sar and float(sar) > 0 else 1.0
    except (AttributeError, ZeroDivisionError, ValueError):
        return 1.0
