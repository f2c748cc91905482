"""The plan or aerial image pinned to a case, placed by two points of known WGS-84 position.

It lives in the database (backed up, shared by workstations). A case whose image still sits in
the old JSON file beside the data dir (``area_images/case_<id>.json``) is adopted on first read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CaseMap
from app.services.casefile.access import load_case
from app.services.common import audit
from app.services.common.context import Actor, Perm
from app.services.common.errors import ServiceError, ValidationError

MAX_IMAGE_BYTES = 40 << 20
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")


@dataclass(frozen=True)
class CaseMapDTO:
    case_id: int
    image: bytes
    image_name: str
    points: tuple[tuple[float, float, float, float], ...]  # (px, py, lat, lon) twice
    version: int


def _dto(row: CaseMap) -> CaseMapDTO:
    pts = tuple((float(p[0]), float(p[1]), float(p[2]), float(p[3]))
                for p in json.loads(row.points_json))
    return CaseMapDTO(row.case_id, row.image, row.image_name or "", pts, row.version)


def _validate(image: bytes, points: Sequence[Sequence[float]]) -> list[list[float]]:
    if not image or not image.startswith(_IMAGE_MAGIC):
        raise ValidationError({"image": _("Choose an image file that can be read.")})
    if len(image) > MAX_IMAGE_BYTES:
        raise ValidationError({"image": _("The plan image is larger than 40 MB.")})
    try:
        pts = [[float(v) for v in p] for p in points]
        (x1, y1, la1, lo1), (x2, y2, la2, lo2) = pts
    except (TypeError, ValueError) as exc:
        raise ValidationError({"points": _("Give two points: pixel x, y, latitude, longitude.")}) \
            from exc
    if x1 == x2 or y1 == y2:
        raise ValidationError({"points": _("The two points must differ in both x and y.")})
    if not all(-90 <= la <= 90 for la in (la1, la2)) or not all(-180 <= lo <= 180
                                                                  for lo in (lo1, lo2)):
        raise ValidationError({"points": _("Latitude must be between -90 and 90.")})
    return pts


def get_map(session: Session, actor: Actor, case_id: int) -> CaseMapDTO | None:
    case = load_case(session, actor, case_id)
    row = session.scalar(select(CaseMap).where(CaseMap.case_id == case.id))
    return _dto(row) if row is not None else None


def save_map(session: Session, actor: Actor, case_id: int, image: bytes, image_name: str,
             points: Sequence[Sequence[float]]) -> CaseMapDTO:
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    pts = _validate(image, points)
    row = session.scalar(select(CaseMap).where(CaseMap.case_id == case.id))
    if row is None:
        row = CaseMap(case_id=case.id)
        session.add(row)
    row.image, row.image_name = image, Path(image_name).name
    row.points_json = json.dumps(pts)
    session.flush()
    audit.record(session, actor, "case_map.save", entity_type="case_map", entity_id=row.id,
                 case_id=case.id, payload={"image_name": row.image_name, "bytes": len(image),
                                           "points": pts})
    return _dto(row)


def adopt_legacy(session: Session, actor: Actor, data_dir: Path, case_id: int) -> CaseMapDTO | None:
    """The case map, moving an old ``area_images/case_<id>.json`` image into the DB once."""
    found = get_map(session, actor, case_id)
    legacy = Path(data_dir) / "area_images" / f"case_{case_id}.json"
    if found is not None or not legacy.is_file():
        return found
    try:
        data = json.loads(legacy.read_text(encoding="utf-8"))
        image = Path(data["image"]).read_bytes()
        dto = save_map(session, actor, case_id, image, data["image"], data["points"])
    except (OSError, ValueError, KeyError, TypeError, ServiceError):
        return None
    legacy.rename(legacy.with_suffix(".json.adopted"))
    return dto
