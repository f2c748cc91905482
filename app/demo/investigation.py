"""Demo step: the investigation around Case A's CCTV (and a little of Case B's).

Camera positions, facing, field of view and DVR retention; short clips of the e-bike rider
pushing his bike south for ~1 km until no camera sees him, of the tricycle leaving toward Xiangtan
and of Case B's car; the canvass with coverage statuses and letters handed over; the grid search
and the pig-farm canvass as tasks; scene photos, the blood stain and Case B's bumper fragments, a
statement, a document, the 110 recording; the plan image; inferences resting on CCTV marks.
Idempotent; clips are 4 s (rendered once into ``<data>/demo_footage``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import DemoReport, exhibits
from app.demo import investigation_data as D
from app.demo.footage import FOOTAGE_DIR
from app.demo.footage_render import FPS, ClipSpec, Mover, mover_box, render_clip
from app.models import (
    Case,
    CaseCamera,
    EvidenceItem,
    EvidenceRequest,
    Observation,
    Officer,
    SearchTask,
    TimelineEvent,
    Vehicle,
)
from app.models.db import unit_of_work
from app.services.casefile import timeline
from app.services.common.context import SYSTEM
from app.services.common.errors import NotFoundError
from app.services.evidence import attachments, cameras, clock_offsets, observations
from app.services.evidence import clips as evidence
from app.services.investigation import canvass, case_map, requests, tasks

S = SYSTEM


def _ensure_camera(s: Session, c: D.ExtraCamera) -> int:
    try:
        return cameras.find_camera(s, S, c.code).id
    except NotFoundError:
        return cameras.create_camera(s, S, cameras.CameraInput(
            code=c.code, name=c.name, owner_kind=c.owner_kind, owner_unit=c.owner_unit,
            address=c.address, lat=c.lat, lon=c.lon, facing=c.facing, facing_deg=c.facing_deg,
            fov_deg=c.fov_deg, view_m=60.0, retention_days=c.retention_days,
            contact_name=c.contact, contact_phone=c.phone)).id


def _geometry(s: Session) -> None:
    for code, (facing, fov, view, keep) in D.GEOMETRY.items():
        try:
            cam = cameras.find_camera(s, S, code)
        except NotFoundError:
            continue
        if cam.fov_deg is None:
            cameras.update_camera(s, S, cam.id, replace(
                cameras.camera_input(cam), facing_deg=facing, fov_deg=fov, view_m=view,
                retention_days=keep), cam.version)


def _vehicle(s: Session, case_id: int, kind: str) -> int | None:
    return s.scalar(select(Vehicle.id).where(Vehicle.case_id == case_id, Vehicle.kind == kind)
                    .order_by(Vehicle.id).limit(1))


def _clip(paths: AppPaths, factory: sessionmaker[Session], case_id: int, clip: D.ExtraClip,
          report: DemoReport) -> None:
    true_start = clip.passes_at - timedelta(seconds=D.MID_S)
    clock_start = true_start - timedelta(seconds=clip.offset_s)
    mover = Mover(clip.kind, 0.2, D.CLIP_SECONDS - 0.2, clip.left_to_right, 0.8,
                  0.8 if clip.kind == "pusher" else 0.7)
    spec = ClipSpec(name=f"{clip.camera}_{clock_start:%Y%m%d%H%M%S}.mp4", label=clip.camera,
                    camera_clock_start=clock_start, seconds=D.CLIP_SECONDS, movers=(mover,),
                    seed=sum(map(ord, clip.camera)), lamp_x=0.6)
    with unit_of_work(factory) as s:
        cam = cameras.find_camera(s, S, clip.camera)
        if clip.offset_s and not cam.offsets:
            clock_offsets.add_clock_offset(s, S, cam.id, clip.offset_s,
                                           clip.passes_at + timedelta(hours=3),
                                           "DVR 时钟与标准时间同框拍照")
        ev_id = s.scalar(select(EvidenceItem.id).where(EvidenceItem.case_id == case_id,
                                                       EvidenceItem.original_name == spec.name))
        vehicle = _vehicle(s, case_id, clip.vehicle_kind)
    if ev_id is None:
        file = paths.data_dir / FOOTAGE_DIR / spec.name
        if not file.is_file():
            render_clip(spec, file)
        ev_id = evidence.import_clip(factory, paths, S, case_id, file, camera_id=cam.id,
                                     acquisition=clip.acquisition,
                                     start_time=clock_start).evidence.id
        report.add("evidence")
    with unit_of_work(factory) as s:
        if s.scalar(select(Observation.id).where(Observation.evidence_id == ev_id)) is None:
            frame = int(D.MID_S * FPS)
            observations.add_observation(s, S, observations.ObservationInput(
                evidence_id=ev_id, frame_index=frame, pts_s=frame / FPS,
                roi=mover_box(mover, D.MID_S), note=clip.note, tags=("vehicle", "direction"),
                vehicle_id=vehicle))
            report.add("observations")


def _event_id(s: Session, case_id: int, title: str) -> int | None:
    return s.scalar(select(TimelineEvent.id).where(TimelineEvent.case_id == case_id,
                                                   TimelineEvent.title == title)) if title else None


def _canvass(s: Session, case_id: int) -> None:
    done = set(s.scalars(select(CaseCamera.camera_id).where(CaseCamera.case_id == case_id)))
    for code, (status, when, note) in D.CANVASS.items():
        cam = cameras.find_camera(s, S, code)
        if cam.id not in done:
            canvass.add_camera(s, S, case_id, cam.id, status=status, note=note, at=when)
    asked = set(s.scalars(select(EvidenceRequest.camera_id)
                          .where(EvidenceRequest.case_id == case_id)))
    for code, when, who in D.REQUESTS:
        cam = cameras.find_camera(s, S, code)
        if cam.id not in asked:
            req = requests.issue_request(s, S, case_id, cam.id, at=when - timedelta(minutes=20))
            requests.hand_over(s, S, req.id, who, at=when)


def _tasks(s: Session, case_id: int) -> None:
    have = set(s.scalars(select(SearchTask.title).where(SearchTask.case_id == case_id)))
    for (kind, title, area, address, who, status, result, trigger, found, start,
         end) in D.TASKS:
        if title in have:
            continue
        officer = s.scalar(select(Officer.id).where(Officer.name == who))
        trig = _event_id(s, case_id, trigger)
        row = s.get(TimelineEvent, trig) if trig else None
        inquiry = row.inquiry_id if row is not None else None
        tasks.create_task(s, S, case_id, tasks.TaskInput(
            kind=kind, title=title, area=area, address=address, assignee_id=officer,
            status=status, result=result, inquiry_id=inquiry, trigger_event_id=trig,
            found_event_id=_event_id(s, case_id, found), started_at=start, finished_at=end))


def _link_marks(s: Session, case_id: int) -> None:
    for title, codes in D.INFERENCE_MARKS.items():
        ev_id = _event_id(s, case_id, title)
        row = s.get(TimelineEvent, ev_id) if ev_id is not None else None
        if ev_id is None or row is None:
            continue
        ev = timeline.event_dto(row)
        if ev.observation_ids:
            continue
        marks = [o.id for o in observations.list_observations(s, S, case_id)
                 if o.camera_label.split(" ")[0] in codes and o.vehicle_id is not None]
        if marks:
            timeline.update_event(s, S, ev_id, replace(timeline.event_input(ev),
                                                       observation_ids=tuple(marks)),
                                  expected_version=ev.version)


ExhibitSpec = tuple[str, str, Callable[[Path], Path], attachments.DetailInput]


def _exhibit_specs(case_no: str) -> tuple[ExhibitSpec, ...]:
    """(file name, kind, maker, detail) of the non-video exhibits of a case."""
    if case_no == D.CASE_B:
        return (("保险杠碎片.jpg", "trace", lambda p: exhibits.photo(
            p, D.at(2020, 10, 7, 20, 15), 27.8650, 113.1331, "保险杠碎片", fragments=True),
            attachments.DetailInput(place="杉木塘路现场", officer="陈志强",
                                    description="车辆前保险杠塑料碎片 7 块，已提取封存")),)
    scene = (27.87215, 113.15768)
    return (
        ("现场概貌.jpg", "photo", lambda p: exhibits.photo(
            p, D.at(2023, 11, 28, 6, 28), *scene, "现场概貌"),
         attachments.DetailInput(officer="刘建国", description="现场概貌，由北向南拍摄")),
        ("现场血迹.jpg", "trace", lambda p: exhibits.photo(
            p, D.at(2023, 11, 28, 6, 31), *scene, "血迹", stain=True),
         attachments.DetailInput(officer="刘建国", place="天桥街路东侧",
                                 description="路面血迹一摊，约 40×25 厘米；现场无其他痕迹物证")),
        ("证人证言_张某.txt", "statement", lambda p: exhibits.text_file(
            p, "我早上六点左右在天桥街晨练，听到一声响，看到一辆蓝色三轮摩托车往南开走了，"
               "车上好像有两个人。后来又有一个人推着电动车从老人旁边往南走了。天很黑，没看清车牌。"),
         attachments.DetailInput(taken_at=D.at(2023, 11, 28, 6, 45), person="张某（晨练市民）",
                                 officer="彭丽", place="天桥街路口警车内")),
        ("死亡医学证明_摘要.txt", "document", lambda p: exhibits.text_file(
            p, "株洲市中心医院 居民死亡医学证明（摘要）\n姓名：不详（男，约75-80岁）\n"
               "死亡时间：2023年11月28日7时35分\n死亡原因：交通事故致重型颅脑损伤"),
         attachments.DetailInput(taken_at=D.at(2023, 11, 28, 7, 50),
                                 description="医院出具的死亡医学证明（摘要）")),
        ("110报警录音.wav", "audio", exhibits.call_recording,
         attachments.DetailInput(taken_at=D.at(2023, 11, 28, 6, 11),
                                 description="110 报警录音：天桥街有人被撞倒在地")),
    )


def _exhibits(paths: AppPaths, factory: sessionmaker[Session], case_id: int, case_no: str,
              report: DemoReport) -> None:
    with unit_of_work(factory) as s:
        have = set(s.scalars(select(EvidenceItem.original_name)
                             .where(EvidenceItem.case_id == case_id)))
    folder = paths.data_dir / FOOTAGE_DIR / "exhibits"
    for name, kind, make, detail in _exhibit_specs(case_no):
        if name in have:
            continue
        file = folder / name
        if not file.is_file():
            make(file)
        attachments.attach_file(factory, paths, S, case_id, file, kind, detail,
                                acquisition="other")
        report.add("exhibits")


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    with unit_of_work(session_factory) as s:
        ids = {no: s.scalar(select(Case.id).where(Case.case_no == no))
               for no in (D.CASE_A, D.CASE_B)}
        a = ids[D.CASE_A]
        if a is None:
            report.notes.append("investigation: case A not found; skipped")
            return
        _geometry(s)
        for cam in D.EXTRA_CAMERAS:
            _ensure_camera(s, cam)
    for clip in D.CLIPS:
        clip_case = ids.get(clip.case_no)
        if clip_case is not None:
            _clip(paths, session_factory, clip_case, clip, report)
    with unit_of_work(session_factory) as s:
        _canvass(s, a)
        _tasks(s, a)
        _link_marks(s, a)
        if case_map.get_map(s, S, a) is None:
            case_map.save_map(s, S, a, exhibits.plan_png(), "天桥街周边平面图.png",
                              exhibits.plan_points())
    for no, cid in ids.items():
        if cid is not None:
            _exhibits(paths, session_factory, cid, no, report)
