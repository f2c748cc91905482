"""The steps of a rescue import, one progress bar over them: rescue, store the copy, store the
recording as received, store the reference. Each step reports on its own part of the bar and
stops at once when cancelled; the recording as received belongs to the case it was rescued in."""

from __future__ import annotations

import os
import time

import pytest

from app.models.enums import Role
from app.services.evidence import clips
from app.services.evidence.rescued import RESCUE_DIR, import_rescue
from app.services.evidence.store import ImportCancelled
from tests.helpers.cases import case_row, make_user, squad_row
from tests.killed_recordings import killed_recording
from tests.media import make_clip


@pytest.fixture
def officer_case(session_factory):
    squad = squad_row(session_factory)
    return make_user(session_factory, Role.OFFICER, squad_id=squad), case_row(session_factory,
                                                                               squad)


def _steps() -> tuple[object, list[int]]:
    """The recording and where each step's part of the bar begins (and the bar's end)."""
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    size, ref = k.path.stat().st_size, k.reference.stat().st_size
    parts = [size, size // 2, size, ref]   # read: the recording, the copy (about half), the
    return k, [sum(parts[:n]) for n in range(5)]   # recording again, the reference


def test_each_step_reports_on_its_own_part_of_the_bar(paths, session_factory, officer_case):
    officer, case_id = officer_case
    k, bounds = _steps()
    seen: list[tuple[int, int]] = []
    import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference,
                  progress=lambda done, total: seen.append((done, total)))
    assert {total for _d, total in seen} == {bounds[4]}
    assert seen[0][0] < bounds[1]                 # the bar starts in the rescue's own part
    for start, end in zip(bounds, bounds[1:], strict=False):
        assert any(start < done <= end for done, _t in seen), (start, end, seen)
    assert seen[-1][0] == bounds[4]
    seen.clear()                                 # without a reference: three steps, whole bar
    other = killed_recording(bframes=3).path
    import_rescue(session_factory, paths, officer, case_id, other,
                  progress=lambda done, total: seen.append((done, total)))
    size = other.stat().st_size
    assert seen[-1] == (size + size // 2 + size,) * 2


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_a_cancel_stops_the_step_it_falls_in(paths, session_factory, officer_case, step):
    """Cancelled as step ``step`` begins (told by what is on disk by then): nothing more is
    read, reported or kept."""
    officer, case_id = officer_case
    k, _bounds = _steps()
    begun = [lambda: True,                                                   # the rescue
             lambda: any((paths.data_dir / RESCUE_DIR).glob("*/*.json")),     # its copy stored
             lambda: any(paths.evidence_dir.rglob("*.h264")),                 # the recording
             lambda: any(paths.evidence_dir.rglob("*.mov"))][step]            # the reference
    after: list[int] = []

    def progress(done: int, _total: int) -> None:
        if begun():
            after.append(done)

    with pytest.raises(ImportCancelled):
        import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference,
                      progress=progress, cancel=begun)
    assert after == []
    with session_factory() as s:
        assert clips.list_evidence(s, officer, case_id) == []
    assert not any(p.is_file() for p in paths.evidence_dir.rglob("*"))


def test_the_recording_as_received_is_the_cases_own(paths, session_factory, officer_case):
    """A case that already holds a clip, and a second case given the same recording: each
    rescue keeps the recording as an item of its own case, linked to that case's copy."""
    officer, case_id = officer_case
    clip = clips.import_clip(session_factory, paths, officer, case_id,
                             make_clip("h264_mp4", frames=30)).evidence
    other_case = case_row(session_factory, officer.squad_id, case_no="石峰-2023-0118")
    k = killed_recording(bframes=3)
    copies = [import_rescue(session_factory, paths, officer, c, k.path).evidence
              for c in (case_id, other_case)]
    with session_factory() as s:
        for case, copy in zip((case_id, other_case), copies, strict=True):
            items = {e.id: e for e in clips.list_evidence(s, officer, case)}
            source = items[copy.derived_from_id]
            assert source.media_kind == "source" and source.case_id == case
            assert source.original_name == k.path.name and source.id != clip.id
    assert copies[0].derived_from_id != copies[1].derived_from_id


def test_what_a_rescue_that_died_left_is_cleared(paths, session_factory, officer_case):
    """A rescue killed mid-way leaves its scratch folder; the next one clears it once it is
    hours old, and leaves a running one (fresh) alone."""
    officer, case_id = officer_case
    root = paths.data_dir / RESCUE_DIR
    dead, running = root / "tmpdead", root / "tmprunning"
    for folder in (dead, running):
        folder.mkdir(parents=True)
        (folder / "FILE0003.rescued.h264").write_bytes(b"\0" * 100)
    (root / "tmpgone").symlink_to(root / "nowhere")   # a folder that vanished as it was read
    elsewhere = paths.data_dir / "elsewhere"            # a link to a folder outside: not followed
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("不可删除")
    (root / "tmplink").symlink_to(elsewhere)
    # hours old: the dead folder and its file, the running folder (its file is being written)
    # and the folder the link leads to
    hours_ago = time.time() - 7 * 3600
    for p in (dead / "FILE0003.rescued.h264", dead, running, elsewhere / "keep.txt", elsewhere):
        os.utime(p, (hours_ago, hours_ago))
    import_rescue(session_factory, paths, officer, case_id, killed_recording(bframes=3).path)
    assert sorted(p.name for p in root.iterdir()) == ["tmpgone", "tmplink", "tmprunning"]
    assert (elsewhere / "keep.txt").read_text() == "不可删除"
