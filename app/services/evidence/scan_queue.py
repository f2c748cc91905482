"""Case-wide scan queue: scan every video clip of a case, two at a time, in the background.

Each clip is scanned with :func:`app.video.triage.scan_triage` and its result is stored with
the evidence item as soon as it is finished, so cancelling keeps every finished result. Runs in
any thread (the UI runs it in a worker); ``progress(done, total, text)`` reports the overall
share in per-mille of all clips.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.evidence import media as evidence_media
from app.services.evidence import scan_results
from app.services.evidence.clips import list_evidence
from app.services.evidence.items import EvidenceDTO, evidence_path
from app.video.errors import VideoCancelled, VideoError

if TYPE_CHECKING:  # the engine loads on first use
    from app.video.triage import TriageResult

PARALLEL = 2


@dataclass(frozen=True)
class ClipOutcome:
    evidence_id: int
    name: str
    status: str          # done / skipped / cancelled / failed
    message: str = ""


class CaseScanQueue:
    """``run()`` scans the case's clips; ``cancel()`` (any thread) or a true ``cancel``
    callable stops the clips still running or waiting and keeps the finished ones."""

    def __init__(self, factory: sessionmaker[Session], paths: AppPaths, actor: Actor,
                 case_id: int, *, roi: tuple[int, int, int, int] | None = None,
                 sensitivity: float = 1.0, rescan: bool = False,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 scan: Callable[..., TriageResult] | None = None) -> None:
        self.factory, self.paths, self.actor, self.case_id = factory, paths, actor, case_id
        self.roi, self.sensitivity, self.rescan = roi, sensitivity, rescan
        self._progress = progress
        self._cancelled = threading.Event()
        self._external_cancel = cancel
        self._lock = threading.Lock()
        self._shares: dict[int, float] = {}
        self._total = 0
        if scan is None:
            from app.video.triage import scan_triage
            scan = scan_triage
        self._scan: Callable[..., TriageResult] = scan

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        if self._external_cancel is not None and self._external_cancel():
            self._cancelled.set()
        return self._cancelled.is_set()

    def clips(self) -> list[EvidenceDTO]:
        with unit_of_work(self.factory) as s:
            items = [e for e in list_evidence(s, self.actor, self.case_id)
                     if e.media_kind == "video"]
            done = set() if self.rescan else scan_results.scanned_ids(s, [e.id for e in items])
        return [e for e in items if e.id not in done]

    def run(self) -> list[ClipOutcome]:
        clips = self.clips()
        self._total = len(clips)
        self._report("")
        if not clips:
            return []
        with ThreadPoolExecutor(PARALLEL, thread_name_prefix="case-scan") as pool:
            return list(pool.map(self._one, clips))

    def _one(self, ev: EvidenceDTO) -> ClipOutcome:
        if self.cancelled:
            return ClipOutcome(ev.id, ev.original_name, "cancelled")

        def progress(done: int, total: int) -> None:
            self._set_share(ev.id, done / total if total else 0.0, ev.original_name)

        try:
            result = self._scan(Path(evidence_path(self.paths, ev)), roi=self.roi,
                                sensitivity=self.sensitivity, workers=1, progress=progress,
                                cancel=lambda: self.cancelled,
                                index_dir=evidence_media.index_dir(self.paths))
            with unit_of_work(self.factory) as s:
                scan_results.save_scan(s, self.actor, ev.id, result)
        except VideoCancelled:
            return ClipOutcome(ev.id, ev.original_name, "cancelled")
        except VideoError as exc:
            self._set_share(ev.id, 1.0, ev.original_name)
            return ClipOutcome(ev.id, ev.original_name, "failed", str(exc))
        self._set_share(ev.id, 1.0, ev.original_name)
        return ClipOutcome(ev.id, ev.original_name, "done")

    def _set_share(self, evidence_id: int, share: float, name: str) -> None:
        with self._lock:
            self._shares[evidence_id] = min(1.0, max(0.0, share))
        self._report(name)

    def _report(self, name: str) -> None:
        if self._progress is None:
            return
        with self._lock:
            done = sum(self._shares.values())
            finished = sum(1 for v in self._shares.values() if v >= 1.0)
        total = max(1, self._total)
        self._progress(int(done * 1000 / total), 1000,
                       _("{done} of {total} clips scanned; now {name}", done=finished,
                         total=self._total, name=name) if name else "")
