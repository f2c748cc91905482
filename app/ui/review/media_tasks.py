"""Work the review bench runs off the GUI thread (each is ``fn(ctx, ...)`` for run_task):
opening a clip, verifying its hash, thumbnails, activity scan, colour ranking, exports."""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QRect, Qt, QThreadPool
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from app.config import AppPaths
from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.evidence import custody, integrity_gate
from app.services.evidence import media as evidence_media
from app.services.evidence.items import EvidenceDTO, evidence_path
from app.ui.workers import TaskContext
from app.video import FilterChain, export_clip, export_snapshot, open_video, rank_segments_by_colour
from app.video import thumbnails as make_thumbnails

_pool: QThreadPool | None = None
BACKGROUND_NICE = 10


def background_pool() -> QThreadPool:
    """Threads for long background work (hashing, scans, thumbnails, imports), run at a lower
    OS priority so the GUI thread and the frame decoder keep the CPU when the machine is busy.
    Interactive work (opening a clip, exports the user waits for) stays on the global pool."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(2, min(4, os.cpu_count() or 2)))
    return _pool


def lower_priority() -> None:
    """Nice the calling thread (Linux: per thread; child processes inherit it). Best effort."""
    try:
        tid = threading.get_native_id()
        if os.getpriority(os.PRIO_PROCESS, tid) < BACKGROUND_NICE:
            os.setpriority(os.PRIO_PROCESS, tid, BACKGROUND_NICE)
    except (AttributeError, OSError):
        pass


def open_source(ctx: TaskContext, paths: AppPaths, ev: EvidenceDTO):
    """Open the stored file with the engine (builds or loads its frame index)."""
    ctx.report(0, 0, "")
    return open_video(evidence_path(paths, ev), index_dir=evidence_media.index_dir(paths),
                      cache_bytes=256 << 20)


def verify(ctx: TaskContext, factory, paths: AppPaths, actor: Actor,
           ev: EvidenceDTO, record: bool = True) -> custody.VerifyResult:
    """Hash the stored file; logged in its custody unless ``record`` is False (screenshots)."""
    lower_priority()
    custody.hash_stored(paths, ev, progress=lambda d, t: ctx.report(d, t),
                        cancel=ctx.is_cancelled)
    ctx.check_cancelled()
    with unit_of_work(factory) as s:
        if not record:
            return custody.verification(s, actor, paths, ev.id)[0]
        return custody.record_verification(s, actor, paths, ev.id)


def thumbs(ctx: TaskContext, paths: AppPaths, ev: EvidenceDTO, count: int) -> list[tuple[int, QImage]]:
    lower_priority()
    out = []
    for index, img in make_thumbnails(evidence_path(paths, ev), count, 120,
                                      cancel=ctx.is_cancelled):
        rgb = np.ascontiguousarray(img)
        q = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0],
                   QImage.Format.Format_BGR888).copy()
        out.append((index, q))
    return out


def scan(ctx: TaskContext, paths: AppPaths, ev: EvidenceDTO):
    lower_priority()
    return evidence_media.scan_and_cache(
        paths, ev.sha256, evidence_path(paths, ev), workers=2,
        progress=lambda d, t: ctx.report(d, t), cancel=ctx.is_cancelled)


def rank(ctx: TaskContext, paths: AppPaths, ev: EvidenceDTO, segments, colour: str):
    lower_priority()
    return rank_segments_by_colour(evidence_path(paths, ev), segments, colour)


@dataclass(frozen=True)
class SnapshotResult:
    png: Path
    captioned: Path
    sidecar: Path


def caption_lines(case_no: str, ev: EvidenceDTO, index: int, pts: float, wall_text: str,
                  filters_text: str) -> list[str]:
    """The caption under an exported frame, in the UI language; the hash is always whole."""
    return [f"{case_no}    {ev.camera_label}    {wall_text}",
            QCoreApplication.translate("Snapshot", "Frame #{i}  ·  pts {pts:.3f} s").format(
                i=index, pts=pts),
            f"SHA-256 {ev.sha256}",
            QCoreApplication.translate("Snapshot", "Enhancement: {filters}").format(
                filters=filters_text)]


_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWrapAnywhere


def caption_layout(lines: list[str], width: int, font: QFont) -> list[QRect]:
    """Where each caption line goes in a band ``width`` wide: long lines (a SHA-256 on a
    small frame) wrap onto more rows — nothing is ever cut off."""
    metrics = QFontMetrics(font)
    rects, y = [], 5
    for text in lines:
        box = metrics.boundingRect(QRect(8, y, max(width - 16, 40), 100_000), _WRAP, text)
        rects.append(QRect(8, y, max(width - 16, 40), box.height()))
        y += box.height() + metrics.leading() + 2
    return rects


def _captioned(png: Path, lines: list[str], out: Path) -> None:
    """The exact frame with a caption band below it (drawn with Qt for Chinese text)."""
    frame = cv2.imread(str(png), cv2.IMREAD_COLOR)
    if frame is None:  # the exporter has just written it: unreadable means the disk failed
        raise OSError(str(png))
    h, w = frame.shape[:2]
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(max(12, min(18, w // 60)))
    rects = caption_layout(lines, w, font)
    band = (rects[-1].bottom() + 8) if rects else 10
    img = QImage(w, h + band, QImage.Format.Format_RGB888)
    img.fill(QColor(0, 0, 0))
    rgb = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    p = QPainter(img)
    p.drawImage(0, 0, QImage(rgb.data, w, h, rgb.strides[0], QImage.Format.Format_RGB888))
    p.setFont(font)
    p.setPen(QColor(255, 255, 255))
    for rect, text in zip(rects, lines, strict=True):
        p.drawText(rect.translated(0, h), _WRAP, text)
    p.end()
    img.save(str(out), "PNG")  # type: ignore[call-overload]  # str at run time; stubs say bytes


def snapshot(ctx: TaskContext, factory, paths: AppPaths, actor: Actor, source, ev: EvidenceDTO,
             index: int, out_png: Path, chain: FilterChain, case_no: str, wall_text: str,
             roi: tuple[int, int, int, int] | None = None, *,
             zone_name: str = "") -> SnapshotResult:
    """Exact (optionally enhanced) frame + captioned copy + sidecar, logged in custody."""
    with unit_of_work(factory) as s:
        custody.check_can_export(s, actor, ev.id)
    integrity_gate.check_file(evidence_path(paths, ev), ev.sha256, ev.original_name,
                              cancel=ctx.is_cancelled)  # never export from an altered clip
    pts = float(source.pts(index))
    lines = caption_lines(case_no, ev, index, pts, wall_text, chain.describe())
    captioned = out_png.with_name(out_png.stem + "_caption.png")
    wall = ev.wall_time(pts)
    extra = {"case_no": case_no, "evidence_id": ev.id, "camera": ev.camera_label,
             "camera_code": ev.camera_code, "corrected_time": wall.isoformat() if wall else None,
             "corrected_time_local": wall_text, "time_zone": zone_name or None,
             "clock_offset_s": ev.offset_s,
             "clock_offset_source": ev.offset_source, "original_name": ev.original_name,
             "caption": "\n".join(lines), "captioned_png": captioned.name,
             "roi": list(roi) if roi else None,
             "pixel_aspect": source.pixel_aspect}  # PNG keeps stored pixels
    out = export_snapshot(source, index, out_png, filters=chain, extra=extra, file_sha256=ev.sha256)
    _captioned(out, lines, captioned)
    sidecar = out.with_name(out.name + ".json")
    with unit_of_work(factory) as s:
        custody.record_export(s, actor, ev.id, out, frame_index=index,
                              out_sha256=json.loads(sidecar.read_text("utf-8")).get("png_sha256", ""))
        integrity_gate.anchor_sidecar(s, sidecar)
    return SnapshotResult(out, captioned, sidecar)


def clip(ctx: TaskContext, factory, paths: AppPaths, actor: Actor, ev: EvidenceDTO, start: int,
         end: int, out: Path, case_no: str) -> tuple[Path, str]:
    with unit_of_work(factory) as s:
        custody.check_can_export(s, actor, ev.id)
    integrity_gate.check_file(evidence_path(paths, ev), ev.sha256, ev.original_name,
                              progress=lambda d, t: ctx.report(d, t), cancel=ctx.is_cancelled)
    digest = export_clip(evidence_path(paths, ev), start, end, out,
                         progress=lambda d, t: ctx.report(d, t), cancel=ctx.is_cancelled)
    sidecar = out.with_name(out.name + ".json")
    try:
        meta = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError):
        meta = {}
    s_wall, e_wall = ev.wall_time(meta.get("start_pts", 0.0)), ev.wall_time(meta.get("end_pts", 0.0))
    meta.update({"case_no": case_no, "evidence_id": ev.id, "camera": ev.camera_label,
                 "source_sha256": ev.sha256, "clock_offset_s": ev.offset_s,
                 "corrected_start": s_wall.isoformat() if s_wall else None,
                 "corrected_end": e_wall.isoformat() if e_wall else None})
    sidecar.write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
    with unit_of_work(factory) as s:
        custody.record_export(s, actor, ev.id, out, frame_index=start, end_frame=end,
                              out_sha256=digest)
        integrity_gate.anchor_sidecar(s, sidecar)
    return out, digest
