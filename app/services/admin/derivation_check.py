"""Copies the program made of other evidence (the video rescued from a recording whose index was
never written, :mod:`app.services.evidence.rescued`) are made again, from the stored recording as
received and the reference its report names, and must come out byte for byte the same.

The signed import entry already says what a copy was made from; this checks that it really is
what that recording gives, so a copy slipped in under a true-looking entry (a program or
database driven by hand) does not pass. Nothing is written to the store: the copy is made in a
scratch folder and dropped.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.i18n import _
from app.models import EvidenceItem
from app.services.common import coded_text
from app.services.evidence.store import store_path
from app.video.errors import VideoError
from app.video.lost_index import rescue


@dataclass(frozen=True)
class DerivationFinding:
    evidence_id: int
    place: str      # coded (``coded_text``): the evidence item
    message: str


def _reference(session: Session, evidence_dir: Path, copy: EvidenceItem,
               sha: str | None) -> Path | None:
    """Where the store keeps the reference recording named ``sha`` (the case must hold it)."""
    if not sha:
        return None
    ext = session.scalar(select(EvidenceItem.ext).where(EvidenceItem.case_id == copy.case_id,
                                                        EvidenceItem.sha256 == sha))
    if ext is None:
        raise LookupError(sha)
    return store_path(evidence_dir, sha, ext)


def check(session: Session, evidence_dir: Path,
          cancelled: Callable[[], bool] | None = None) -> Iterator[DerivationFinding]:
    """A finding for each copy that cannot be made again, or comes out otherwise."""
    source = aliased(EvidenceItem)
    rows = session.execute(select(EvidenceItem, source)
                           .join(source, source.id == EvidenceItem.derived_from_id)
                           .order_by(EvidenceItem.id)).all()
    for copy, src in rows:
        if cancelled is not None and cancelled():
            return
        place = coded_text.encode("at_evidence", id=copy.id)

        def finding(message: str, ev: EvidenceItem = copy, at: str = place) -> DerivationFinding:
            return DerivationFinding(ev.id, at, message)

        try:
            report = json.loads(copy.derivation_json)
        except ValueError:
            yield finding(_("Evidence {id} ({name}): the report of how it was made cannot be "
                            "read.", id=copy.id, name=copy.original_name))
            continue
        named = report.get("reference_sha256") if isinstance(report, dict) else None
        try:
            ref_path = _reference(session, evidence_dir, copy, named)
        except LookupError:
            yield finding(_("Evidence {id} ({name}) was made with a reference recording (SHA-256 "
                            "{sha}) the case no longer holds.", id=copy.id,
                            name=copy.original_name, sha=str(named)[:16]))
            continue
        with tempfile.TemporaryDirectory(prefix="casedesk-rederive-") as tmp:
            try:
                done = rescue(store_path(evidence_dir, src.sha256, src.ext),
                              Path(tmp) / f"copy.{copy.ext}", reference=ref_path,
                              cancel=cancelled)
            except (VideoError, OSError) as exc:
                if not (cancelled is not None and cancelled()):
                    yield finding(_("Evidence {id} ({name}) cannot be made again from evidence "
                                    "{source} ({source_name}): {reason}", id=copy.id,
                                    name=copy.original_name, source=src.id,
                                    source_name=src.original_name,
                                    reason=exc.detail if isinstance(exc, VideoError)
                                    else exc.strerror or str(exc)))
                continue
        if done.output_sha256 != copy.sha256:
            yield finding(_("Evidence {id} ({name}) is not what evidence {source} ({source_name}) "
                            "gives: made again, its video has SHA-256 {actual}, the copy "
                            "{expected}. Do not use the copy.", id=copy.id,
                            name=copy.original_name, source=src.id,
                            source_name=src.original_name, actual=done.output_sha256[:16],
                            expected=copy.sha256[:16]))
