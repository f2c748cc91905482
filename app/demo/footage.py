"""Demo step: CCTV footage of Case A, imported as evidence with cameras, clock offsets,
observations and the tricycle's route already marked.

Five cameras along the tricycle's way north → south (报亭路水电段涵洞 → 天桥街), each with its own
clock error; two of them watch the same junction at the same moment (for the synchronised view). Clips are rendered once into ``<data>/demo_footage`` and imported through the
evidence services (hash, store, custody), so the demo exercises the real path. Idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import CASE_A_NO, DemoReport
from app.demo.footage_render import FPS, ClipSpec, Mover, mover_box, render_clip
from app.models import Case, EvidenceItem, Inquiry, Observation, Vehicle
from app.models.db import unit_of_work
from app.services.common.clock import zone
from app.services.common.context import SYSTEM
from app.services.common.errors import NotFoundError
from app.services.evidence import cameras, clock_offsets, items, observations
from app.services.evidence import clips as evidence
from app.services.evidence import media as evidence_media

TZ = zone(None)  # the demo squad works in the default zone
FOOTAGE_DIR = "demo_footage"
CLIP_SECONDS = 24.0
PASS_AT_S = 11.0  # the tricycle is mid-frame 11 s into each clip
WEIGHT = 15  # rendering + importing five clips: the slowest demo step (see app.demo)


@dataclass(frozen=True)
class DemoCamera:
    code: str
    name: str
    owner_kind: str
    owner_unit: str
    address: str
    lat: float
    lon: float
    facing: str
    contact: str
    phone: str
    offset_s: float       # true = camera clock + offset
    method: str
    measured_at: datetime
    passes_at: datetime   # true time the tricycle is mid-frame
    acquisition: str
    acquisition_note: str
    note: str             # the observation's note
    left_to_right: bool
    pusher: bool = False  # the e-bike rider pushing his bike passes later in this clip


def _t(h: int, m: int, s: int, day: int = 28) -> datetime:
    return datetime(2023, 11, day, h, m, s, tzinfo=TZ)


CAMERAS: tuple[DemoCamera, ...] = (
    DemoCamera("SF-BT-001", "报亭路水电段涵洞", "water", "株洲市水利水电段", "石峰区报亭路水电段涵洞北口",
               27.8850, 113.1545, "北向南", "刘师傅", "0731-2851****", 183.0,
               "调取时 DVR 时钟与民警手机标准时间同框拍照", _t(9, 40, 0), _t(5, 58, 20),
               "dvr_seizure", "现场调取 DVR，U 盘导出原始录像",
               "蓝色无牌三轮摩托车由北向南驶过涵洞，车上一男一女，车斗内有数个桶", True),
    DemoCamera("SF-TQ-007", "天桥街北口便利店", "shop", "天桥街便民超市", "石峰区天桥街 12 号",
               27.8790, 113.1560, "朝南", "陈女士", "139****2201", -95.0,
               "店主手机录屏与标准时间对比", _t(10, 5, 0), _t(6, 0, 5),
               "owner_sent", "店主通过微信发送录像文件", "同一辆蓝色三轮摩托车继续向南行驶", False),
    DemoCamera("SF-TQ-003", "天桥街与建设路口", "traffic", "石峰交警大队", "天桥街与建设路交叉口",
               27.8735, 113.1575, "北向南", "值班室", "0731-2860****", 2.0,
               "平台 NTP 校时，抽查误差 2 秒", _t(8, 30, 0), _t(6, 1, 40),
               "platform_export", "市视频平台导出", "三轮摩托车经路口向南，距事发点约 150 米（约 20 秒后事发）", True),
    DemoCamera("SF-TQ-012", "天桥街南段和平小区门口", "estate", "和平小区物业", "天桥街南段和平小区东门",
               27.8655, 113.1590, "朝西", "王经理", "0731-2833****", 412.0,
               "物业 DVR 时钟与标准时间同框拍照（慢约 7 分钟）", _t(11, 10, 0), _t(6, 3, 35),
               "dvr_seizure", "现场调取物业 DVR",
               "三轮摩托车事发后继续向南逃离，车速未减（事发点以南约 750 米）", False),
    DemoCamera("SF-TQ-021", "天桥街建设路口药店", "shop", "仁和大药房天桥店", "天桥街与建设路口东南角",
               27.8733, 113.1578, "朝北", "赵店长", "138****0457", -48.0,
               "店内收银电脑时钟与标准时间对比", _t(10, 40, 0), _t(6, 1, 44),
               "owner_sent", "店长用 U 盘拷贝后交给民警",
               "路口对面药店摄像头：同一辆三轮车经过，与交警路口摄像头画面同步", False),
)


def clip_spec(cam: DemoCamera) -> ClipSpec:
    true_start = cam.passes_at - timedelta(seconds=PASS_AT_S)
    clock_start = true_start - timedelta(seconds=cam.offset_s)
    movers = [Mover("trike", PASS_AT_S - 3.2, PASS_AT_S + 3.2, cam.left_to_right, 0.8)]
    if cam.pusher:
        movers.append(Mover("pusher", 15.0, 24.0, not cam.left_to_right, 0.9, 0.8))
    return ClipSpec(name=f"{cam.code}_{clock_start:%Y%m%d%H%M%S}.mp4",
                    label=f"CH{CAMERAS.index(cam) + 1:02d} {cam.code}",
                    camera_clock_start=clock_start, seconds=CLIP_SECONDS, movers=tuple(movers),
                    seed=CAMERAS.index(cam) + 11, lamp_x=0.35 + 0.12 * CAMERAS.index(cam))


def _ensure_camera(s: Session, cam: DemoCamera) -> int:
    try:
        return cameras.find_camera(s, SYSTEM, cam.code).id
    except NotFoundError:
        pass
    dto = cameras.create_camera(s, SYSTEM, cameras.CameraInput(
        code=cam.code, name=cam.name, owner_kind=cam.owner_kind, owner_unit=cam.owner_unit,
        address=cam.address, lat=cam.lat, lon=cam.lon, facing=cam.facing,
        contact_name=cam.contact, contact_phone=cam.phone))
    clock_offsets.add_clock_offset(s, SYSTEM, dto.id, cam.offset_s, cam.measured_at, cam.method)
    return dto.id


def _case_refs(s: Session) -> tuple[int, int | None, int | None, int | None] | None:
    case_id = s.scalar(select(Case.id).where(Case.case_no == CASE_A_NO))
    if case_id is None:
        return None
    vehicles = s.scalars(select(Vehicle).where(Vehicle.case_id == case_id)).all()
    trike = next((v.id for v in vehicles if v.kind == "three_wheel_motorcycle"), None)
    ebike = next((v.id for v in vehicles if v.kind == "two_wheel_ebike"), None)
    inquiries = s.scalars(select(Inquiry).where(Inquiry.case_id == case_id)
                          .order_by(Inquiry.id)).all()
    team = next((i.id for i in inquiries if "三轮" in (i.objective or "")), None)
    return case_id, trike, ebike, team


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    with unit_of_work(session_factory) as s:
        refs = _case_refs(s)
    if refs is None:
        report.notes.append(f"footage: case {CASE_A_NO} not found; no demo footage")
        return
    case_id, trike, ebike, team = refs
    footage_dir = paths.data_dir / FOOTAGE_DIR
    for n, cam in enumerate(CAMERAS):
        report.step_progress(n, len(CAMERAS))
        spec = clip_spec(cam)
        with unit_of_work(session_factory) as s:
            cam_id = _ensure_camera(s, cam)
            ev_id = s.scalar(select(EvidenceItem.id).where(
                EvidenceItem.case_id == case_id, EvidenceItem.original_name == spec.name))
        if ev_id is None:
            clip = footage_dir / spec.name
            if not clip.is_file():
                render_clip(spec, clip)
            res = evidence.import_clip(
                session_factory, paths, SYSTEM, case_id, clip, camera_id=cam_id,
                acquisition=cam.acquisition, acquisition_note=cam.acquisition_note,
                start_time=spec.camera_clock_start)
            ev_id = res.evidence.id
            report.add("evidence")
        _mark(session_factory, ev_id, cam, spec, trike, ebike, team, report)
        _scan(paths, session_factory, ev_id)


def _mark(factory: sessionmaker[Session], ev_id: int, cam: DemoCamera, spec: ClipSpec,
          trike: int | None, ebike: int | None, team: int | None, report: DemoReport) -> None:
    with unit_of_work(factory) as s:
        if s.scalar(select(Observation.id).where(Observation.evidence_id == ev_id)) is not None:
            return
        frame = int(PASS_AT_S * FPS)
        observations.add_observation(s, SYSTEM, observations.ObservationInput(
            evidence_id=ev_id, frame_index=frame, pts_s=frame / FPS,
            roi=mover_box(spec.movers[0], PASS_AT_S), note=cam.note,
            tags=("key", "vehicle", "direction"), vehicle_id=trike, inquiry_id=team))
        report.add("observations")
        if cam.pusher:
            t = 19.5
            observations.add_observation(s, SYSTEM, observations.ObservationInput(
                evidence_id=ev_id, frame_index=int(t * FPS), pts_s=int(t * FPS) / FPS,
                roi=mover_box(spec.movers[1], t),
                note="一名男子推着两轮电动车步行离开，疑车辆受损无法骑行",
                tags=("key", "vehicle", "person", "direction"), vehicle_id=ebike))
            report.add("observations")


def _scan(paths: AppPaths, factory: sessionmaker[Session], ev_id: int) -> None:
    """Pre-compute the activity strip so the bench shows it at once (best effort)."""
    with unit_of_work(factory) as s:
        ev = items.get_evidence(s, SYSTEM, ev_id)
    try:
        evidence_media.scan_and_cache(paths, ev.sha256, items.evidence_path(paths, ev), workers=1)
    except Exception:  # noqa: BLE001 - the bench scans again on open
        pass
