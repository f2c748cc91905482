"""Training packages rule by rule: what the export writes into the manifest and reports while
it works, the pixelation's kernel, and what the reader names when it refuses a file."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime

import cv2
import numpy as np
import pytest
from sqlalchemy import select

from app.models import Observation, Vehicle
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.errors import ValidationError
from app.services.training import package_export
from app.services.training.package_format import MANIFEST, PackageError, read_package
from tests.conftest import make_actor
from tests.helpers.case_a import build_closed_case_a
from tests.helpers.cases import squad_row
from tests.helpers.evidence import add_evidence
from tests.services.training.test_training_package import case_a  # noqa: F401  (fixture)

TRAINER = make_actor(Role.TRAINER)


def test_manifest_progress_and_refusal_words(paths, session_factory, case_a, tmp_path):  # noqa: F811
    seen: list[tuple[float, str]] = []
    with unit_of_work(session_factory) as s:
        package_export.export_package(s, TRAINER, paths, case_a, tmp_path / "a.zip",
                                      progress=lambda f, label: seen.append((f, label)))
    assert seen and all(label == "正在导出画面" for _f, label in seen[:-1] if _f < 1)
    assert [f for f, _l in seen] == sorted(f for f, _l in seen)
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        raw = zf.read(MANIFEST)
        body = json.loads(zf.read("case.json"))
    manifest = json.loads(raw)
    assert datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
    assert manifest["audit_anchor"]["length"] > 0
    assert [e.get("meeting_id") for e in body["events"]]  # the key is there, linked or None
    with pytest.raises(ValidationError) as err:
        with unit_of_work(session_factory) as s:
            package_export.export_package(s, TRAINER, paths, case_a, tmp_path / "b.zip",
                                          observation_ids=[424242])
    assert "不属于本案" in str(err.value.errors)


def test_events_keep_their_meeting(paths, session_factory, case_a, tmp_path):  # noqa: F811
    with unit_of_work(session_factory) as s:
        package_export.export_package(s, TRAINER, paths, case_a, tmp_path / "m.zip")
    with zipfile.ZipFile(tmp_path / "m.zip") as zf:
        events = json.loads(zf.read("case.json"))["events"]
    assert any(e["meeting_id"] for e in events), events


def test_a_still_image_exhibit_is_packaged(paths, session_factory, tmp_path):
    """An observation on a photo (not a clip) is packaged from the image itself."""
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    photo = np.full((90, 120, 3), 200, np.uint8)
    ok, jpg = cv2.imencode(".jpg", photo)
    ev_id, _ = add_evidence(session_factory, paths, case_id, tmp_path, jpg.tobytes(),
                            name="现场照片.jpg")
    with unit_of_work(session_factory) as s:
        trike = s.scalar(select(Vehicle.id).where(Vehicle.case_id == case_id))
        s.add(Observation(case_id=case_id, evidence_id=ev_id, frame_index=0, pts_s=0,
                          note="现场", tags="", vehicle_id=trike))
    with unit_of_work(session_factory) as s:
        info = package_export.export_package(s, TRAINER, paths, case_id, tmp_path / "p.zip")
    assert info.frames == 1


@pytest.mark.parametrize("size", [4, 8, 13])
def test_small_regions_are_blurred_too(size):
    image = np.random.default_rng(1).integers(0, 256, (40, 40, 3), dtype=np.uint8)
    out = package_export.blur_regions(image, [(5, 5, size, size)])
    assert out.shape == image.shape and not np.array_equal(out, image)


def test_blur_does_not_depend_on_where_the_region_is():
    rng = np.random.default_rng(5)
    patch = rng.integers(0, 256, (48, 64, 3), dtype=np.uint8)
    top = np.zeros((200, 100, 3), np.uint8)
    low = np.zeros((200, 100, 3), np.uint8)
    top[0:48, 10:74] = patch
    low[140:188, 10:74] = patch
    a = package_export.blur_regions(top, [(10, 0, 64, 48)])[0:48, 10:74]
    b = package_export.blur_regions(low, [(10, 140, 64, 48)])[140:188, 10:74]
    assert np.array_equal(a, b)


def test_the_reader_names_the_file_it_refuses(tmp_path):
    not_ours = tmp_path / "别的清单.zip"
    with zipfile.ZipFile(not_ours, "w") as zf:
        zf.writestr(MANIFEST, "{}")
    with pytest.raises(PackageError, match="^别的清单.zip 不是"):
        read_package(not_ours)
    stray = tmp_path / "多余文件.zip"
    with zipfile.ZipFile(stray, "w") as zf:
        zf.writestr(MANIFEST, "{}")
        zf.writestr("notes.txt", "x")
    with pytest.raises(PackageError, match="^多余文件.zip 已损坏.*notes.txt"):
        read_package(stray)
    not_zip = tmp_path / "不是压缩包.zip"
    not_zip.write_bytes(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(PackageError, match="^不是压缩包.zip 已损坏或不是教学包（File is not a zip"):
        read_package(not_zip)
    with pytest.raises(PackageError, match="^无法读取 不存在.zip："):
        read_package(tmp_path / "不存在.zip")


def test_an_altered_member_is_named_in_chinese(tmp_path):
    from tests.helpers.packages import minimal_body, write_package

    good = write_package(tmp_path / "good.zip", minimal_body())
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(altered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data if info.filename != "case.json" else data + b" ")
    with pytest.raises(PackageError, match="^教学包已损坏：case.json 被改动或不完整"):
        read_package(altered)
