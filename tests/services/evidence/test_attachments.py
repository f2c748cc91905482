"""Non-video evidence: photos with EXIF, statements, traces, audio — hashed, custody, read-only."""

from __future__ import annotations

import hashlib
import os
import stat
import wave
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from app.services.evidence import attachments, custody, items
from app.services.evidence.exif import exif_bytes
from tests.helpers.cases import run
from tests.helpers.evidence import case_with_vehicles

TZ = ZoneInfo("Asia/Shanghai")
TAKEN = datetime(2023, 11, 28, 6, 31, 5, tzinfo=TZ)


def _photo(path, exif=True):
    img = Image.new("RGB", (80, 60), (110, 15, 15))
    img.save(path, "JPEG", **({"exif": exif_bytes(TAKEN, 27.8722, 113.1577)} if exif else {}))
    return path


def test_photo_takes_time_and_position_from_exif(session_factory, paths, tmp_path):
    cid = case_with_vehicles(session_factory)["case"]
    src = _photo(tmp_path / "现场血迹.jpg")
    before = src.read_bytes()
    res = attachments.attach_file(session_factory, paths, SYSTEM, cid, src, "photo",
                                  attachments.DetailInput(description="现场血迹"))
    ev = res.evidence
    assert ev.media_kind == "photo" and ev.sha256 == hashlib.sha256(before).hexdigest()
    stored = items.evidence_path(paths, ev)
    assert stored.read_bytes() == before and not os.stat(stored).st_mode & stat.S_IWUSR
    assert src.read_bytes() == before
    listed = run(session_factory, attachments.list_attachments, cid)
    assert listed[0].detail.taken_at == TAKEN
    assert listed[0].detail.lat == pytest.approx(27.8722, abs=1e-5)
    assert [c.action for c in run(session_factory, custody.custody_log, ev.id)] == ["import"]
    again = attachments.attach_file(session_factory, paths, SYSTEM, cid, src, "photo")
    assert again.duplicate


def test_statement_text_officer_and_place(session_factory, paths, tmp_path):
    cid = case_with_vehicles(session_factory)["case"]
    src = tmp_path / "证人证言.txt"
    src.write_text("我早上六点在天桥街看到一辆蓝色三轮车撞倒老人后往南开走了。", encoding="gb18030")
    res = attachments.attach_file(session_factory, paths, SYSTEM, cid, src, "statement",
                                  attachments.DetailInput(taken_at=TAKEN, person="张某（晨练市民）",
                                                          officer="彭丽", place="天桥街路口"))
    got = run(session_factory, attachments.list_attachments, cid)[0]
    assert got.kind == "statement" and "蓝色三轮车" in got.detail.text
    assert (got.detail.officer, got.detail.place) == ("彭丽", "天桥街路口")
    assert res.evidence.size == src.stat().st_size


def test_audio_and_bad_input_are_checked(session_factory, paths, tmp_path):
    cid = case_with_vehicles(session_factory)["case"]
    wav = tmp_path / "110报警录音.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x10" * 8000)
    res = attachments.attach_file(session_factory, paths, SYSTEM, cid, wav, "audio")
    assert res.evidence.duration_s == pytest.approx(1.0, abs=0.05)
    fake = tmp_path / "录音.wav"
    fake.write_bytes(b"not audio at all" * 10)
    bad_photo = tmp_path / "坏照片.jpg"
    bad_photo.write_bytes(b"\xff\xd8\xff" + b"x" * 50)
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    for path, kind, field in ((fake, "audio", "file"), (bad_photo, "photo", "file"),
                              (empty, "document", "file"), (wav, "photo", "file"),
                              (wav, "letter", "kind")):
        with pytest.raises(ValidationError) as err:
            attachments.attach_file(session_factory, paths, SYSTEM, cid, path, kind)
        assert field in err.value.errors
    with unit_of_work(session_factory) as s:
        assert len(attachments.list_attachments(s, SYSTEM, cid)) == 1
    assert not list((paths.evidence_dir / ".incoming").glob("*"))
