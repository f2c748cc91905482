"""Camera registry dialog: the shared list of cameras, their details and clock offsets
(how and when each was measured; offsets change over time, all are kept)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.models.enums import OwnerKind
from app.services.common.context import Actor
from app.services.common.errors import ServiceError, ValidationError
from app.services.evidence import cameras, clock_offsets
from app.ui.review.clip_view import SHOWN_QTZ, SHOWN_TZ, as_shown_zone


def owner_labels(w: QWidget) -> dict[str, str]:
    return {OwnerKind.POLICE: w.tr("Police"), OwnerKind.CITY_MANAGEMENT: w.tr("City management"),
            OwnerKind.WATER: w.tr("Water / hydropower"), OwnerKind.EDUCATION: w.tr("Education"),
            OwnerKind.ESTATE: w.tr("Housing estate"), OwnerKind.SHOP: w.tr("Shop"),
            OwnerKind.TRAFFIC: w.tr("Traffic police checkpoint"), OwnerKind.OTHER: w.tr("Other")}


class CameraDialog(QDialog):
    def __init__(self, factory, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CameraDialog")
        self.setWindowTitle(self.tr("Camera registry"))
        self.resize(1000, 600)
        self._factory, self._actor = factory, actor
        self.cameras: list[cameras.CameraDTO] = []
        self.current: cameras.CameraDTO | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Camera name"), self.tr("Owner"),
                                              self.tr("Position"), self.tr("Clock offset")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.edits: dict[str, QWidget] = {}
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        for key, label in (("code", self.tr("Number")), ("name", self.tr("Camera name")),
                           ("owner_unit", self.tr("Owner unit")), ("address", self.tr("Address")),
                           ("lat", self.tr("Latitude")), ("lon", self.tr("Longitude")),
                           ("facing", self.tr("Facing")), ("contact_name", self.tr("Contact")),
                           ("contact_phone", self.tr("Phone")), ("notes", self.tr("Notes"))):
            self.edits[key] = QLineEdit(form_box)
            form.addRow(label, self.edits[key])
        self.owner_kind = QComboBox(form_box)
        for code, label in owner_labels(self).items():
            self.owner_kind.addItem(label, code.value)
        form.insertRow(2, self.tr("Owner kind"), self.owner_kind)
        self.error = QLabel(form_box)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        save = QPushButton(self.tr("Save camera"), form_box)
        save.clicked.connect(self.save)
        new = QPushButton(self.tr("New camera"), form_box)
        new.clicked.connect(self.new)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(save)
        form.addRow(row)
        self.offsets = QTableWidget(0, 3, form_box)
        self.offsets.setHorizontalHeaderLabels([self.tr("Offset (s)"), self.tr("Measured at"),
                                                self.tr("How measured")])
        self.offsets.horizontalHeader().setStretchLastSection(True)
        self.offsets.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form.addRow(QLabel(self.tr("Clock offsets (true time = camera clock + offset)")))
        form.addRow(self.offsets)
        self.offset_value = QDoubleSpinBox(form_box)
        self.offset_value.setRange(-86400 * 3650, 86400 * 3650)
        self.offset_value.setDecimals(1)
        self.offset_value.setSuffix(" s")
        self.offset_at = QDateTimeEdit(QDateTime.currentDateTime(SHOWN_QTZ), form_box)
        self.offset_at.setTimeZone(SHOWN_QTZ)
        self.offset_at.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.offset_method = QLineEdit(form_box)
        self.offset_method.setPlaceholderText(self.tr("e.g. DVR clock photographed next to a "
                                                      "reference clock at seizure"))
        add = QPushButton(self.tr("Add measurement"), form_box)
        add.clicked.connect(self.add_offset)
        orow = QHBoxLayout()
        for w in (self.offset_value, self.offset_at, self.offset_method, add):
            orow.addWidget(w)
        form.addRow(orow)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(form_box)
        split.setSizes([480, 520])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        with unit_of_work(self._factory) as s:
            self.cameras = cameras.list_cameras(s, self._actor)
        owners = owner_labels(self)
        self.table.setRowCount(len(self.cameras))
        for r, c in enumerate(self.cameras):
            pos = f"{c.lat:.5f}, {c.lon:.5f}" if c.lat is not None else "—"
            off = f"{c.offsets[-1].offset_s:+.1f} s" if c.offsets else "—"
            for col, text in enumerate((c.code, c.name, owners.get(c.owner_kind, c.owner_kind),
                                        pos, off)):
                self.table.setItem(r, col, QTableWidgetItem(text))
            if c.id == select_id:
                self.table.selectRow(r)

    def _on_select(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        c = self.cameras[rows.pop()]
        self.current = c
        for key, edit in self.edits.items():
            value = getattr(c, key)
            edit.setText("" if value is None else str(value))
        self.owner_kind.setCurrentIndex(max(0, self.owner_kind.findData(c.owner_kind)))
        self.offsets.setRowCount(len(c.offsets))
        for r, o in enumerate(c.offsets):
            for col, text in enumerate((f"{o.offset_s:+.1f}",
                                        o.measured_at.astimezone(SHOWN_TZ).strftime("%Y-%m-%d %H:%M"),
                                        o.method)):
                self.offsets.setItem(r, col, QTableWidgetItem(text))
        self.error.clear()

    def new(self) -> None:
        self.current = None
        self.table.clearSelection()
        for edit in self.edits.values():
            edit.clear()
        self.offsets.setRowCount(0)

    def _input(self) -> cameras.CameraInput:
        def num(key: str) -> float | None:
            text = self.edits[key].text().strip()
            if not text:
                return None
            try:
                return float(text)
            except ValueError as exc:
                raise ValidationError({key: self.tr("Enter a number in decimal degrees.")}) from exc

        text = {k: self.edits[k].text().strip() for k in self.edits if k not in ("lat", "lon")}
        return cameras.CameraInput(owner_kind=self.owner_kind.currentData(), lat=num("lat"),
                                   lon=num("lon"), **text)

    def save(self) -> None:
        try:
            data = self._input()
            with unit_of_work(self._factory) as s:
                if self.current is None:
                    dto = cameras.create_camera(s, self._actor, data)
                else:
                    dto = cameras.update_camera(s, self._actor, self.current.id, data,
                                                self.current.version)
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        self.reload(dto.id)

    def add_offset(self) -> None:
        if self.current is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Save the camera first."))
            return
        try:
            with unit_of_work(self._factory) as s:
                clock_offsets.add_clock_offset(s, self._actor, self.current.id, self.offset_value.value(),
                                         as_shown_zone(self.offset_at.dateTime().toPython()),
                                         self.offset_method.text().strip())
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        self.reload(self.current.id)
