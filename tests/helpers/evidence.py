"""Evidence builders: a case with its two vehicles, cameras, evidence rows and stored files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.models import EvidenceItem, Vehicle
from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.services.evidence import cameras, clock_offsets
from app.services.evidence.store import copy_into_store
from tests.helpers.cases import case_row

T0 = datetime(2023, 11, 27, 21, 50, tzinfo=UTC)  # 05:50 Asia/Shanghai on 2023-11-28


def case_with_vehicles(factory, case_no: str = "石峰-2023-0117",
                       squad_id: int | None = None) -> dict:
    """A bare case with a blue tricycle and an e-bike; returns their ids."""
    case_id = case_row(factory, squad_id, case_no=case_no, occurred_at=T0 + timedelta(minutes=10),
                       audited=False)
    with unit_of_work(factory) as s:
        trike = Vehicle(case_id=case_id, role="suspect_1", kind="three_wheel_motorcycle",
                        colour="蓝色", unlicensed=True)
        ebike = Vehicle(case_id=case_id, role="suspect_2", kind="two_wheel_ebike")
        s.add_all([trike, ebike])
        s.flush()
        return {"case": case_id, "trike": trike.id, "ebike": ebike.id}


def add_evidence(factory, paths, case_id: int, tmp: Path, content: bytes,
                 name: str = "cam.mp4") -> tuple[int, Path]:
    """Put ``content`` into the store as evidence of ``case_id`` (import audited); returns
    (id, stored path)."""
    src = tmp / name
    src.write_bytes(content)
    stored = copy_into_store(src, paths.evidence_dir)
    with unit_of_work(factory) as s:
        ev = EvidenceItem(case_id=case_id, sha256=stored.sha256, ext=stored.ext,
                          size=stored.size, original_name=name)
        s.add(ev)
        s.flush()
        audit.record(s, SYSTEM, "evidence.import", entity_type="evidence", entity_id=ev.id,
                     case_id=case_id, payload={"sha256": stored.sha256, "detail": {
                         "code": "imported", "name": name, "size": stored.size}})
        return ev.id, stored.path


def make_camera(factory, code: str, lat: float | None, lon: float | None,
                offset_s: float | None = None) -> int:
    with unit_of_work(factory) as s:
        cam = cameras.create_camera(s, SYSTEM, cameras.CameraInput(
            code=code, name=f"摄像头{code}", owner_kind="police", lat=lat, lon=lon))
        if offset_s is not None:
            clock_offsets.add_clock_offset(s, SYSTEM, cam.id, offset_s, T0 + timedelta(hours=6),
                                     method="DVR 时钟与标准时间同框拍照")
        return cam.id


def make_evidence_row(factory, case_id: int, camera_id: int | None, *, sha: str,
                      start: datetime | None = T0, frames: int = 500, fps: float = 25.0) -> int:
    """An evidence row without a stored file (for tests that never decode it)."""
    with unit_of_work(factory) as s:
        ev = EvidenceItem(case_id=case_id, sha256=sha, ext="mp4", size=1, original_name=f"{sha[:6]}.mp4",
                          camera_id=camera_id, start_time=start, frame_count=frames, fps=fps,
                          duration_s=frames / fps, width=640, height=360)
        s.add(ev)
        s.flush()
        return ev.id
