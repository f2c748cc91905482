"""Rescuing an MP4/MOV recording whose index (``moov``) was never written.

A dashcam or phone whose power was cut (in a crash: the moment that matters), a recorder killed
mid-file, a copy that stopped early: FFmpeg cannot open such a file, though the pictures are
there. :func:`rescue` walks the ``mdat`` box (:mod:`app.video.mdat_walk`; Motion JPEG:
:mod:`app.video.jpeg_walk`) and writes the video as an H.264/HEVC elementary stream (or the JPEG
images one after another), which the engine reads frame-exact like any raw DVR export.
Where the recording kept its parameter sets (SPS/PPS) only in the lost index, a complete file
from the same camera supplies them (``reference``).

The original is only read. The copy is derived reproducibly (the same original and reference
give the same bytes), and its report names both files' hashes, every byte range skipped (audio,
damage) and where the data was cut off, so anyone can check it.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.i18n import _
from app.video.errors import VideoCancelled, VideoError
from app.video.export import sha256_file, write_atomic
from app.video.fields import avcc_units
from app.video.hevc_order import hvcc_units
from app.video.index import open_container
from app.video.jpeg_walk import walk_jpeg
from app.video.mdat_walk import (
    GUESS_WITHIN,
    Walk,
    guess_codec,
    is_keyframe,
    is_parameter_set,
    walk,
)
from app.video.mp4_boxes import top_boxes
from app.video.nal import Framing
from app.video.tracks import main_video

START_CODE = b"\x00\x00\x00\x01"
EXTENSIONS = {"h264": ".h264", "hevc": ".hevc", "mjpeg": ".mjpeg"}

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class NeedsReference(VideoError):
    """The recording kept its parameter sets only in its lost index: a complete recording of
    the same camera must supply them."""


@dataclass(frozen=True)
class Reference:
    """What a complete recording of the same camera says of its video stream."""

    name: str
    sha256: str
    codec: str
    parameter_sets: list[bytes]      # NAL units, without start codes
    fps: float | None


def configured_sets(codec: str, extradata: bytes) -> list[bytes]:
    """The parameter sets (without start codes) of a decoder configuration: an ``avcC`` /
    ``hvcC`` record, or units behind start codes."""
    if extradata[:1] == b"\x01":       # avcC / hvcC (MP4, Matroska)
        units = [u[3:] for u in (avcc_units if codec == "h264" else hvcc_units)(extradata)]
    else:                               # start codes (a raw stream, MPEG-TS)
        units = [u.rstrip(b"\x00") for u in Framing().units(extradata)]
    return [u for u in units if u]


def surviving_sets(codec: str, data: bytes | mmap.mmap, media: list[tuple[int, int]]
                   ) -> list[bytes]:
    """The parameter sets of an index that was cut off while it was written (or reserved at the
    front and left part-written): its ``avcC`` / ``hvcC`` record, if it survived whole."""
    tag = b"avcC" if codec == "h264" else b"hvcC"
    edges = [0, *(x for span in media for x in span), len(data)]
    for start, end in zip(edges[::2], edges[1::2], strict=True):   # the bytes outside the media
        at = data.find(tag, start + 4, end)
        while at >= 0:
            size = int.from_bytes(data[at - 4:at], "big")
            if 8 < size and at - 4 + size <= end:
                sets = configured_sets(codec, bytes(data[at + 4:at - 4 + size]))
                if sets:
                    return sets
            at = data.find(tag, at + 1, end)
    return []


def read_reference(path: str | Path) -> Reference:
    """The codec, parameter sets and frame rate of a complete file from the same camera."""
    path = Path(path)
    with open_container(path) as container:
        stream = main_video(container)
        codec = stream.codec_context.name
        extradata = bytes(stream.codec_context.extradata or b"")
        rate = stream.average_rate or stream.guessed_rate
    if codec not in EXTENSIONS:
        raise VideoError(_("the reference file is not H.264 or H.265 video"), path)
    sets = configured_sets(codec, extradata)
    if not sets:
        raise VideoError(_("the reference file does not state its video settings (SPS/PPS)"),
                         path)
    return Reference(path.name, sha256_file(path), codec, sets,
                     float(rate) if rate else None)


@dataclass(frozen=True)
class Rescued:
    """What :func:`rescue` did, as its report says it."""

    source: str
    source_size: int
    source_sha256: str
    output: str
    output_size: int
    output_sha256: str
    codec: str
    settings_from: str               # "recording", "partial index" or "reference"
    reference: str | None
    reference_sha256: str | None
    fps: float | None                # the reference's frame rate (the stream may state its own)
    media: list[tuple[int, int]]
    units: int
    pictures: int
    keyframes: int
    skipped: list[tuple[int, int]] = field(default_factory=list)
    cut_at: int | None = None

    @property
    def skipped_bytes(self) -> int:
        return sum(n for _, n in self.skipped)

    def report(self) -> dict:
        return {"kind": "casedesk.rescued_recording", "version": 1, **asdict(self),
                "skipped_bytes": self.skipped_bytes}

    def report_json(self) -> str:
        """The report as written beside the copy."""
        return json.dumps(self.report(), ensure_ascii=False, indent=1)


def rescue(src: str | Path, dst: str | Path, *, reference: str | Path | None = None,
           progress: Progress | None = None, cancel: Cancel | None = None) -> Rescued:
    """Write the video of ``src`` (an MP4/MOV without index) to ``dst`` (a file, or a folder:
    ``NAME.rescued.h264`` / ``.hevc`` in it) as an elementary stream, and beside it the report
    (``.json``). Raises :class:`VideoError` in plain words."""
    src, dst = Path(src), Path(dst)
    boxes = top_boxes(src)
    if boxes is None:
        raise VideoError(_("this is not an MP4/MOV recording"), src)
    if boxes.indexed:
        raise VideoError(_("the recording has its index and opens as it is; nothing to rescue"),
                         src)
    ref = read_reference(reference) if reference is not None else None
    total = sum(b - a for a, b in boxes.media)
    with open(src, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        walks, survived = _walk_all(src, data, boxes.media, ref, total, progress, cancel)
        origin, sets = _settings(src, walks, ref, survived)
        if dst.is_dir():
            dst = dst / f"{src.stem}.rescued{EXTENSIONS[walks[0].codec]}"
        if dst.exists():
            raise VideoError(_("{name} already exists; choose another name", name=dst.name), dst)
        digest, size = _write(src, dst, data, walks, sets, cancel)
    units = [u for w in walks for u in w.units]
    done = Rescued(
        source=src.name, source_size=src.stat().st_size, source_sha256=sha256_file(src),
        output=dst.name, output_size=size, output_sha256=digest, codec=walks[0].codec,
        settings_from=origin,
        reference=ref.name if ref else None, reference_sha256=ref.sha256 if ref else None,
        fps=ref.fps if ref else None, media=boxes.media, units=len(units),
        pictures=sum(1 for u in units if u[3]),
        keyframes=_keyframes(walks[0].codec, units),
        skipped=[s for w in walks for s in w.skipped],
        cut_at=next((w.cut_at for w in walks if w.cut_at is not None), None))
    write_atomic(dst.with_name(dst.name + ".json"), done.report_json().encode())
    return done


def _keyframes(codec: str, units: list[tuple[int, int, int, bool]]) -> int:
    """How many pictures hold a keyframe slice (a picture's units run from one that starts it
    to the next)."""
    count, key = 0, False
    for _at, _size, kind, starts in units:
        if starts:
            count, key = count + key, False
        key = key or is_keyframe(codec, kind)
    return count + key


def _codec(data: mmap.mmap, start: int, end: int) -> str | None:
    """Motion JPEG, H.264 or HEVC: what the first MiBs of the media read as. JPEG first: whole
    images chain from start to end marker, while coded JPEG data holds bytes that pass for a
    few NAL units."""
    if walk_jpeg(data, start, min(end, start + GUESS_WITHIN)).units:
        return "mjpeg"
    return guess_codec(data, start, end)


def _walk_all(src: Path, data: mmap.mmap, media: list[tuple[int, int]], ref: Reference | None,
              total: int, progress: Progress | None, cancel: Cancel | None
              ) -> tuple[list[Walk], list[bytes]]:
    """The walks of the media, and the parameter sets that survived in a part-written index
    (they and the reference's say which picture parameter sets a slice may name)."""
    codec = _codec(data, *media[0]) if media[0][1] > media[0][0] else None
    if codec is None:
        raise VideoError(_("no H.264, H.265 or Motion-JPEG video was found in the recording"),
                         src)
    if ref is not None and ref.codec != codec:
        raise VideoError(_("the reference file holds {theirs} video, the recording {ours}: it is "
                           "not from the same camera", theirs=ref.codec, ours=codec), src)
    survived = surviving_sets(codec, data, media) if codec != "mjpeg" else []
    given = [*survived, *(ref.parameter_sets if ref else [])]
    walks, before = [], 0
    for start, end in media:
        def tick(p: int, base: int = before - start) -> None:
            if cancel is not None and cancel():
                raise VideoCancelled(src)
            if progress is not None:
                progress(base + p, total)
        walks.append(walk_jpeg(data, start, end, tick) if codec == "mjpeg"
                     else walk(codec, data, start, end, tick, given))
        before += end - start
    if progress is not None:
        progress(total, total)
    if not any(is_keyframe(codec, u[2]) for w in walks for u in w.units):
        raise VideoError(_("no complete keyframe was found in the recording: nothing can be "
                           "shown"), src)
    return walks, survived


def _settings(src: Path, walks: list[Walk], ref: Reference | None,
              survived: list[bytes]) -> tuple[str, list[bytes]]:
    """Where the parameter sets come from, and those to put before keyframes that lack them
    (none: the recording carries its own before its first keyframe). The recording's own come
    first, then what survived of its index, then the reference."""
    codec = walks[0].codec
    if codec == "mjpeg":                 # JPEG images carry their own tables
        return "recording", []
    for w in walks:
        for _at, _size, kind, _starts in w.units:
            if is_parameter_set(codec, kind):
                return "recording", []
            if is_keyframe(codec, kind):
                break
    if survived:
        return "partial index", survived
    if ref is None:
        raise NeedsReference(_("the recording's video settings (SPS/PPS) were kept only in its "
                               "lost index: choose a complete recording from the same camera as "
                               "a reference"), src)
    return "reference", ref.parameter_sets


def _write(src: Path, dst: Path, data: mmap.mmap, walks: list[Walk], sets: list[bytes],
           cancel: Cancel | None) -> tuple[str, int]:
    """Write the units as an elementary stream; every keyframe's picture carries the parameter
    sets in force (the recording's latest, or the reference's). Returns (SHA-256, size)."""
    codec, digest, size = walks[0].codec, hashlib.sha256(), 0
    prefix = b"" if codec == "mjpeg" else START_CODE    # JPEG images are delimited already
    current, in_run = list(sets), False
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as out:
            def put(unit: bytes) -> None:
                nonlocal size
                chunk = prefix + unit
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            for w in walks:
                for n, (at, length, kind, starts) in enumerate(w.units):
                    if starts:
                        if cancel is not None and cancel():
                            raise VideoCancelled(src)
                        picture = _picture(w, n)
                        if _lacks_sets(codec, picture) and current:
                            for s in current:
                                put(s)
                    unit = data[at:at + length]
                    if is_parameter_set(codec, kind):      # the latest run of them is in force
                        current = [*current, unit] if in_run else [unit]
                    in_run = is_parameter_set(codec, kind)
                    put(unit)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):         # a full disk, a folder not writable
            raise VideoError(_("cannot write {name} ({reason})", name=dst.name,
                               reason=exc.strerror), dst) from exc
        raise
    return digest.hexdigest(), size


def _picture(w: Walk, n: int) -> list[int]:
    """The types of the units of the picture that begins at unit ``n``."""
    kinds = [w.units[n][2]]
    for m in range(n + 1, len(w.units)):
        if w.units[m][3]:
            break
        kinds.append(w.units[m][2])
    return kinds


def _lacks_sets(codec: str, kinds: list[int]) -> bool:
    return any(is_keyframe(codec, k) for k in kinds) \
        and not any(is_parameter_set(codec, k) for k in kinds)
