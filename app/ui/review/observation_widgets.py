"""Observation table (model over ObservationDTO) and the mark dialog (M)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.services.evidence.observations import TAGS, CaseLinks, ObservationDTO
from app.ui.review.shown_zone import ShownZone
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def tag_labels(widget: QWidget) -> dict[str, str]:
    return {"vehicle": widget.tr("Vehicle"), "person": widget.tr("Person"),
            "plate": widget.tr("Plate"), "direction": widget.tr("Direction of travel"),
            "key": widget.tr("Key frame (report)")}


class ObservationTableModel(QAbstractTableModel):
    """Read-only table of a case's observations (ordered by corrected time)."""

    COLUMNS = ("time", "camera", "frame", "tags", "vehicle", "note")

    def __init__(self, parent: QWidget | None = None, shown: ShownZone | None = None):
        super().__init__(parent)
        self.shown = shown or ShownZone()  # the open case's zone (set by the bench)
        self.rows: list[ObservationDTO] = []
        self.vehicle_names: dict[int, str] = {}
        self._tags = tag_labels(parent) if parent is not None else {t: t for t in TAGS}

    def set_rows(self, rows: list[ObservationDTO], vehicle_names: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.vehicle_names = vehicle_names
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Corrected time"), self.tr("Camera"), self.tr("Frame"),
                  self.tr("Tags"), self.tr("Vehicle"), self.tr("Note"))
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        o = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "time": self.shown.fmt(o.wall_time)[11:], "camera": o.camera_label,
                "frame": o.frame_index, "tags": "、".join(self._tags.get(t, t) for t in o.tags),
                "vehicle": self.vehicle_names.get(o.vehicle_id, "") if o.vehicle_id else "",
                "note": o.note,
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{self.shown.fmt(o.wall_time)}\n{o.camera_label}  #{o.frame_index}  "
                    f"pts {o.pts_s:.3f} s\nSHA-256 {o.evidence_sha256}\n{o.note}")
        if role == Qt.ItemDataRole.UserRole:
            return o
        return None


class ObservationDialog(QDialog):
    """Note, tags and links of an observation on the current frame (ROI shown, not edited)."""

    def __init__(self, links: CaseLinks, *, frame_index: int, wall_text: str,
                 roi: QRect | None, existing: ObservationDTO | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ObservationDialog")
        self.setWindowTitle(self.tr("Observation on frame {i}").format(i=frame_index))
        self.roi = roi
        form = QFormLayout(self)
        form.addRow(self.tr("Frame"), QLabel(f"#{frame_index}    {wall_text}", self))
        roi_text = (self.tr("{w}×{h} at ({x}, {y})").format(w=roi.width(), h=roi.height(),
                                                           x=roi.x(), y=roi.y())
                    if roi is not None else self.tr("none (press R and drag on the image)"))
        form.addRow(self.tr("Marked area"), QLabel(roi_text, self))
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What is seen, e.g. blue tricycle heading south, "
                                             "two people aboard, buckets in the load bed"))
        self.note.setFixedHeight(80)
        form.addRow(self.tr("Note"), self.note)
        tag_row = QHBoxLayout()
        self.tag_boxes: dict[str, QCheckBox] = {}
        for code, label in tag_labels(self).items():
            box = QCheckBox(label, self)
            self.tag_boxes[code] = box
            tag_row.addWidget(box)
        form.addRow(self.tr("Tags"), tag_row)
        self.vehicle = self._combo(links.vehicles)
        self.person = self._combo(links.persons)
        self.inquiry = self._combo(links.inquiries)
        form.addRow(self.tr("Vehicle"), self.vehicle)
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Line of inquiry"), self.inquiry)
        buttons = accept_cancel_buttons(self, self.accept, Button.Save)
        form.addRow(buttons)
        if existing is not None:
            self.note.setPlainText(existing.note)
            for t in existing.tags:
                if t in self.tag_boxes:
                    self.tag_boxes[t].setChecked(True)
            self._select(self.vehicle, existing.vehicle_id)
            self._select(self.person, existing.person_id)
            self._select(self.inquiry, existing.inquiry_id)
        self.vehicle.currentIndexChanged.connect(self._vehicle_chosen)

    def _vehicle_chosen(self, _index: int) -> None:
        if self.vehicle.currentData():  # a vehicle named: the mark is about a vehicle
            self.tag_boxes["vehicle"].setChecked(True)

    def _combo(self, items: tuple[tuple[int, str], ...]) -> QComboBox:
        box = QComboBox(self)
        box.addItem(self.tr("(none)"), None)
        for ident, label in items:
            box.addItem(label, ident)
        return box

    @staticmethod
    def _select(box: QComboBox, ident: int | None) -> None:
        i = box.findData(ident)
        box.setCurrentIndex(max(0, i))

    def values(self) -> dict:
        return {
            "note": self.note.toPlainText().strip(),
            "tags": tuple(c for c, b in self.tag_boxes.items() if b.isChecked()),
            "vehicle_id": self.vehicle.currentData(),
            "person_id": self.person.currentData(),
            "inquiry_id": self.inquiry.currentData(),
            "roi": (self.roi.x(), self.roi.y(), self.roi.width(), self.roi.height())
            if self.roi is not None else None,
        }
