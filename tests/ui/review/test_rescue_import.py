"""Importing a recording whose index was never written: the dialog says it can be rescued, a
double-click tries the rescue (asking for a reference recording where the settings are only in
the lost index), and the import keeps the recording as received with the readable copy of its
video, linked, and a note naming the original and its hash."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from app.models import EvidenceItem
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence.items import get_evidence
from app.ui.review.evidence_dialog import EvidenceDialog
from app.video import open_video
from tests.killed_recordings import killed_recording
from tests.media import frame_index_of


def get_evidence_dto(w, ident: int):
    with w["factory"]() as s:
        return get_evidence(s, SYSTEM, ident)


def _import(qtbot, dlg, files: list[str]) -> None:
    dlg.add_files(files)
    dlg.outcomes = []
    handle = dlg.start()
    qtbot.waitUntil(lambda: handle.done and bool(dlg.outcomes), timeout=30000)


def test_a_cut_off_dashcam_file_is_rescued_and_imported(qtbot, review_world, monkeypatch, zh_ui,
                                                        import_dialog):
    w = review_world
    k = killed_recording(chunk=1.0, bframes=3, audio="pcm", inband=False, ext=".mov")
    original = hashlib.sha256(k.path.read_bytes()).hexdigest()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **kw: asked.append(a[2])
                        or QMessageBox.StandardButton.Open)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **kw: (str(k.reference), ""))
    dlg = import_dialog
    dlg.note.setText("行车记录仪 SD 卡，民警李某复制")

    _import(qtbot, dlg, [str(k.path)])
    assert [o.status for o in dlg.outcomes] == ["rescuable"]
    assert "moov" in dlg.outcomes[0].message and "双击" in dlg.files.item(0).text()

    with qtbot.waitSignal(dlg.rescue.rescued, timeout=30000) as sig:
        dlg._on_double_click(dlg.files.item(0))
    source, reference, _note = sig.args
    assert asked and k.path.name in asked[0]            # the settings: from the reference
    assert (source, reference) == (str(k.path), str(k.reference))
    assert dlg.file_paths() == [source] and "原样" in dlg.files.item(0).text()
    assert original in dlg.note.text() and dlg.note.text().startswith("行车记录仪")
    assert k.reference.name in dlg.note.text()
    assert not any((w["paths"].data_dir / "rescued").iterdir())   # the try left nothing

    with qtbot.waitSignal(dlg.imported, timeout=30000) as done:
        dlg.start()
    assert [o.status for o in dlg.outcomes] == ["imported"]
    (ident,) = done.args[0]
    with unit_of_work(w["factory"]) as s:
        row = s.get(EvidenceItem, ident)
        assert row.codec == "h264" and row.frame_count == len(k.codes)
        assert original in row.acquisition_note and k.path.name in row.acquisition_note
        kept = s.get(EvidenceItem, row.derived_from_id)
        kept_id = kept.id
        assert (kept.sha256, kept.media_kind) == (original, "source")
        copy = w["paths"].evidence_dir / row.sha256[:2] / f"{row.sha256}.{row.ext}"
        reference_kept = s.query(EvidenceItem).filter_by(
            sha256=hashlib.sha256(k.reference.read_bytes()).hexdigest()).one()
        assert reference_kept.media_kind == "video"
    shown = EvidenceDialog(w["factory"], SYSTEM, get_evidence_dto(w, ident), [])
    qtbot.addWidget(shown)
    made = [lab.text() for lab in shown.findChildren(QLabel) if "原样" in lab.text()]
    assert made and f"证据 {kept_id}" in made[0]
    with open_video(copy) as video:
        assert [frame_index_of(video.read(i)) for i in range(video.frame_count)] == list(k.codes)
    assert hashlib.sha256(k.path.read_bytes()).hexdigest() == original


def test_a_refused_rescue_says_why_and_leaves_nothing(qtbot, review_world, monkeypatch,
                                                     import_dialog):
    w = review_world
    k = killed_recording(codec="hevc", audio=None, inband=False, bframes=2)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **kw: QMessageBox.StandardButton.Cancel)
    dlg = import_dialog
    _import(qtbot, dlg, [str(k.path)])
    handle = dlg.rescue.start(str(k.path))
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert dlg.file_paths() == [str(k.path)]            # nothing new in the batch
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **kw: shown.append(a[2]))
    other = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov").reference
    handle = dlg.rescue.start(str(k.path), str(other))
    qtbot.waitUntil(lambda: handle.done and bool(shown), timeout=30000)
    assert "hevc" in shown[0] and "h264" in shown[0]
    rescued = w["paths"].data_dir / "rescued"
    assert not rescued.exists() or not any(rescued.rglob("*"))
