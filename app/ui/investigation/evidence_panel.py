"""Non-video evidence: the list (kind, what, when, who, SHA-256) and a viewer — the picture
of a photo or trace, the words of a statement or text document, an audio player (the verified
store copy) — plus Attach… (the copy and hash run off the GUI thread)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.evidence.attachments import KINDS, AttachmentDTO, DetailInput
from app.ui.investigation.audio_player import AudioPlayer
from app.ui.investigation.qt_values import picked_time
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons, error_label
from app.ui.widgets.enum_labels import local_time


def kind_names(obj) -> dict[str, str]:
    return {"photo": obj.tr("Photo"), "document": obj.tr("Document"),
            "statement": obj.tr("Statement"), "trace": obj.tr("Physical trace"),
            "audio": obj.tr("Audio"), "source": obj.tr("Recording as received")}


class AttachDialog(QDialog):
    """File, kind and what the officer says about it (time and place: from EXIF if empty)."""

    def __init__(self, start_dir: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach evidence"))
        self.start_dir = start_dir
        form = QFormLayout(self)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.kind = QComboBox(self)
        for code, name in kind_names(self).items():
            if code in KINDS:                   # a recording as received comes by a rescue
                self.kind.addItem(name, code)
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.use_when = QComboBox(self)
        self.use_when.addItem(self.tr("from the file (EXIF) / unknown"), False)
        self.use_when.addItem(self.tr("as given here"), True)
        self.description, self.person = QLineEdit(self), QLineEdit(self)
        self.officer, self.place = QLineEdit(self), QLineEdit(self)
        self.text = QPlainTextEdit(self)
        self.text.setMaximumHeight(90)
        for label, w in ((self.tr("File"), row), (self.tr("Kind"), self.kind),
                         (self.tr("Taken / given at"), self.when), ("", self.use_when),
                         (self.tr("What it is"), self.description),
                         (self.tr("Witness / given by"), self.person),
                         (self.tr("Officer"), self.officer), (self.tr("Place"), self.place),
                         (self.tr("Statement text"), self.text)):
            form.addRow(label, w)
        self.error = error_label(self)
        form.addRow(self.error)
        form.addRow(accept_cancel_buttons(self, self._accept, Button.Ok))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"), self.start_dir)
        if name:
            self.path.setText(name)

    def detail(self) -> DetailInput:
        when: datetime | None = None
        if self.use_when.currentData():
            when = picked_time(self.when).astimezone()
        return DetailInput(taken_at=when, place=self.place.text(), person=self.person.text(),
                           officer=self.officer.text(), description=self.description.text(),
                           text=self.text.toPlainText())

    def _accept(self) -> None:
        if not Path(self.path.text().strip()).is_file():
            self.error.setText(self.tr("Choose a file that exists."))
            self.error.show()
            return
        self.accept()


class EvidencePanel(QWidget):
    attach_requested = Signal()
    audio_selected = Signal(object)   # AttachmentDTO: verify its stored copy, then play it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OtherEvidence")
        self.items: list[AttachmentDTO] = []
        self.files: dict[int, Path] = {}
        self.attach = QPushButton(self.tr("Attach…"), self)
        self.attach.clicked.connect(self.attach_requested)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("What"), self.tr("Taken / given"), self.tr("Who"),
            self.tr("File"), self.tr("SHA-256")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.currentCellChanged.connect(lambda r, *_a: self._show(r))
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 200)
        self.words = QPlainTextEdit(self)
        self.words.setReadOnly(True)
        viewer = QWidget(self)
        v = QVBoxLayout(viewer)
        v.addWidget(self.picture, 2)
        self.player = AudioPlayer(viewer)
        self.player.hide()
        v.addWidget(self.player)
        v.addWidget(self.words, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(viewer)
        split.setSizes([640, 420])
        top = QHBoxLayout()
        top.addWidget(self.attach)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def show_items(self, items: list[AttachmentDTO], files: dict[int, Path], tz: str) -> None:
        self.items, self.files = items, files
        names = kind_names(self)
        self.table.setRowCount(len(items))
        for r, a in enumerate(items):
            d = a.detail
            who = " / ".join(x for x in (d.person, d.officer) if x)
            cells = [names.get(a.kind, a.kind), d.description or d.place or a.evidence.original_name,
                     local_time(d.taken_at, tz) if d.taken_at else "", who,
                     a.evidence.original_name, a.evidence.sha256]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if items:
            self.table.selectRow(0)
            self._show(0)

    def current(self) -> AttachmentDTO | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        a = self.items[row]
        path = self.files.get(a.evidence.id)
        pix = QPixmap(str(path)) if path and a.evidence.ext in ("jpg", "jpeg", "png", "bmp",
                                                                "tif", "tiff", "webp") else QPixmap()
        if pix.isNull():
            self.picture.setText(self.tr("No picture"))
        else:
            self.picture.setPixmap(pix.scaled(self.picture.size(),
                                              Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        self.picture.setVisible(a.kind not in ("audio", "source"))  # a source: no picture
        if a.kind == "audio":
            self.player.show()
            self.player.checking(a.evidence.original_name)
            self.audio_selected.emit(a)
        else:
            self.player.clear()
            self.player.hide()
        d = a.detail
        lines = [d.text] if d.text else []
        if a.kind == "audio" and a.evidence.duration_s:
            lines.append(self.tr("Recording of {s:.1f} s").format(s=a.evidence.duration_s))
        if a.kind == "source":
            lines.append(self.tr("Kept as received: its index was never written, so no player "
                                 "opens it. Its video is in the readable copy made from it: "
                                 "evidence {ids} (review bench).").format(
                ids=", ".join(str(i) for i in a.copies) or "—"))
        if d.lat is not None:
            lines.append(self.tr("Position (WGS-84): {lat:.6f}, {lon:.6f}").format(lat=d.lat,
                                                                                  lon=d.lon))
        lines.append(f"SHA-256 {a.evidence.sha256}")
        self.words.setPlainText("\n\n".join(lines))


__all__ = ["KINDS", "AttachDialog", "EvidencePanel"]
