"""Anonymized training packages: export a closed case as one zip, import it read-only elsewhere.

The zip holds ``manifest.json`` (format, version, SHA-256 of every other member), ``case.json``
(the case file with names, ID numbers, phones and plates replaced by consistent pseudonyms, no
original file names or paths) and ``frames/NNN.jpg`` (the frame of each selected observation with
its marked ROI blurred). Members are stored uncompressed so the package can be audited byte by
byte. Import: see :mod:`app.services.training.package_import`.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
from sqlalchemy.orm import Session

from app.config import AppPaths
from app.i18n import _
from app.models import Case, EvidenceItem, TrainingQuestion
from app.models.enums import CaseStatus, CustodyAction
from app.models.types import utcnow
from app.services.casefile import fields
from app.services.casefile.access import load_case
from app.services.casefile.cases import case_with_scrubber
from app.services.casefile.dto import (
    CaseInput,
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common import anchors, audit, coded_text
from app.services.common.context import Actor, Perm
from app.services.common.errors import ValidationError, WorkflowError
from app.services.evidence.custody import log_custody
from app.services.evidence.import_record import altered_record
from app.services.evidence.integrity_gate import EvidenceAltered, check_file
from app.services.evidence.observations import ObservationDTO, list_observations
from app.services.evidence.store import store_path
from app.services.training.package_format import (
    CASE_JSON,
    MANIFEST,
    PackageError,
    PackageInfo,
    signed_manifest,
)

BLUR_TAGS = frozenset({"plate", "face", "person"})


def blur_regions(image: np.ndarray, rois: list[tuple[int, int, int, int]]) -> np.ndarray:
    """Pixelate then blur each ROI so faces and plates cannot be read back."""
    out = image.copy()
    h, w = out.shape[:2]
    for x, y, rw, rh in rois:
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(w, int(x + rw)), min(h, int(y + rh))
        if x1 <= x0 or y1 <= y0:
            continue
        region = out[y0:y1, x0:x1]
        small = cv2.resize(region, (max(1, (x1 - x0) // 12), max(1, (y1 - y0) // 12)),
                           interpolation=cv2.INTER_AREA)
        coarse = cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_NEAREST)
        k = max(3, ((min(x1 - x0, y1 - y0) // 4) | 1))
        out[y0:y1, x0:x1] = cv2.GaussianBlur(coarse, (k, k), 0)
    return out


def _read_frame(paths: AppPaths, ev: EvidenceItem, frame_index: int) -> np.ndarray:
    """The frame, taken only from a file that re-hashes to its registered SHA-256."""
    path = check_file(store_path(paths.evidence_dir, ev.sha256, ev.ext), ev.sha256,
                      ev.original_name)
    if ev.media_kind == "image" or ev.ext in ("jpg", "jpeg", "png"):
        image = cv2.imread(str(path))
        if image is None:
            raise PackageError(_("Cannot read the image {name}.", name=path.name))
        return image
    from app.video.source import open_video  # heavy; import on use

    with open_video(path, index_dir=paths.cache_dir / "index") as src:
        return src.read(frame_index)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _case_json(session: Session, actor: Actor, case: Case, observations: list[ObservationDTO],
               frame_files: dict[int, str]) -> dict:
    d, s = case_with_scrubber(session, actor, case.id, anonymize=True)
    questions = session.query(TrainingQuestion).filter_by(case_id=case.id).all()
    return {
        "case": {**fields.exported(CaseInput, d, s), "status": d.status,
                 "solved_at": _iso(d.solved_at), "closed_at": _iso(d.closed_at)},
        "persons": [{"id": x.id, **fields.exported(PersonInput, x, s)} for x in d.persons],
        "vehicles": [{"id": v.id, **fields.exported(VehicleInput, v, s)} for v in d.vehicles],
        "meetings": [{"id": m.id, **fields.exported(MeetingInput, m, s)} for m in d.meetings],
        "inquiries": [{"id": i.id, "meeting_id": i.meeting_id,
                       **fields.exported(InquiryInput, i, s)} for i in d.inquiries],
        "events": [{"id": e.id, **fields.exported(EventInput, e, s),
                    "inquiry_id": e.inquiry_id, "meeting_id": e.meeting_id,
                    "person_ids": list(e.person_ids), "vehicle_ids": list(e.vehicle_ids),
                    "basis_ids": list(e.basis_ids),
                    "observation_ids": [o for o in e.observation_ids if o in frame_files]}
                   for e in d.events],
        "status_history": [{"from": h.from_status, "to": h.to_status,
                            "at": _iso(h.changed_at), "reason": s(h.reason)}
                           for h in d.status_history],
        "changes": [{"entity_type": c.entity_type, "entity_id": c.entity_id, "field": c.field,
                     "old": s(c.old_value), "new": s(c.new_value), "known_at": _iso(c.known_at),
                     "reason": s(c.reason), "event_id": c.event_id} for c in d.changes],
        "observations": [{"id": o.id, "frame_file": frame_files[o.id],
                          "frame_index": o.frame_index, "pts_s": o.pts_s,
                          "wall_time": _iso(o.wall_time), "roi": list(o.roi) if o.roi else None,
                          "note": s(o.note), "tags": list(o.tags),
                          "camera": s(o.camera_label) if o.camera_id else "",
                          "source_sha256": o.evidence_sha256,
                          "vehicle_id": o.vehicle_id, "person_id": o.person_id,
                          "inquiry_id": o.inquiry_id} for o in observations],
        "questions": [{"before_event_id": q.before_event_id, "question": s(q.question),
                       "answer": s(q.answer)} for q in questions],
    }


def export_package(session: Session, actor: Actor, paths: AppPaths, case_id: int, out: Path, *,
                   observation_ids: list[int] | None = None, blur_all_rois: bool = True,
                   progress: Callable[[float, str], None] | None = None) -> PackageInfo:
    """Write the anonymized package of a closed case to ``out`` (a .zip); audited."""
    case = load_case(session, actor, case_id, Perm.TRAINING_BUILD)
    if case.status != CaseStatus.CLOSED.value or case.is_training:
        raise WorkflowError(_("Only a closed case (not a training copy) can be packaged."))
    chosen = [o for o in list_observations(session, actor, case_id)
              if observation_ids is None or o.id in observation_ids]
    if observation_ids is not None and len(chosen) != len(set(observation_ids)):
        raise ValidationError({"observation_ids": _("Some chosen observations are not of this "
                                                    "case.")})
    out = Path(out)
    if out.suffix.lower() != ".zip":
        out = out.with_suffix(".zip")
    members: dict[str, bytes] = {}
    frame_files: dict[int, str] = {}
    for n, o in enumerate(chosen, 1):
        ev = session.get_one(EvidenceItem, o.evidence_id)
        altered = altered_record(session, ev)
        if altered is not None:  # the record names a file its signed import did not
            raise EvidenceAltered(coded_text.render(altered))
        image = _read_frame(paths, ev, o.frame_index)
        if o.roi and (blur_all_rois or BLUR_TAGS & set(o.tags)):
            image = blur_regions(image, [o.roi])
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
        if not ok:
            raise PackageError(_("Could not encode frame {n}.", n=o.frame_index))
        name = f"frames/{n:03d}.jpg"
        members[name] = buf.tobytes()
        frame_files[o.id] = name
        if progress is not None:
            progress(n / max(1, len(chosen)), _("Exporting frames"))
    body = _case_json(session, actor, case, chosen, frame_files)
    members[CASE_JSON] = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    anchor = anchors.anchor_now(session)
    manifest = signed_manifest({k: hashlib.sha256(v).hexdigest() for k, v in members.items()},
                               utcnow().isoformat(), anchor.as_dict() if anchor else None)
    tmp = out.with_name(out.name + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            for name, data in members.items():
                zf.writestr(name, data)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    for o in chosen:
        log_custody(session, actor, session.get_one(EvidenceItem, o.evidence_id),
                    CustodyAction.EXPORT,
                    detail=coded_text.encode("training_package", frame=o.frame_index),
                    payload={"frame_index": o.frame_index, "training_package": digest})
    audit.record(session, actor, "training.export", entity_type="case", entity_id=case_id,
                 case_id=case_id, payload={"path": str(out), "sha256": digest,
                                           "frames": len(chosen)})
    return PackageInfo(str(out), digest, len(chosen), len(body["events"]))
