"""Camera registry dialog: the shared list of cameras, their details (the camera form: owner,
position, facing and field of view, DVR retention) and clock offsets (how and when each was
measured; offsets change over time, all are kept). Edits of an existing camera go on the undo
stack given, else on the parent view's ``undo_stack`` (the review bench's: Edit ▸ Undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
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
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import unit_of_work
from app.services.common.clock import format_local
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import cameras, clock_offsets
from app.ui.investigation.camera_form import CameraForm, owner_labels
from app.ui.investigation.camera_undo import save_camera
from app.ui.investigation.qt_values import picked_time
from app.ui.review.shown_zone import ShownZone


class CameraDialog(QDialog):
    def __init__(self, factory: sessionmaker[Session], actor: Actor,
                 parent: QWidget | None = None, undo_stack: QUndoStack | None = None,
                 shown: ShownZone | None = None):
        super().__init__(parent)
        self.setObjectName("CameraDialog")
        self.shown = shown or ShownZone()  # the zone of the case open on the bench
        self.setWindowTitle(self.tr("Camera registry"))
        self.resize(1100, 720)
        self._factory, self._actor = factory, actor
        # edits go on the given stack, else on the opening view's (the review bench's)
        self.undo_stack = undo_stack if undo_stack is not None else \
            getattr(parent, "undo_stack", None)
        self.cameras: list[cameras.CameraDTO] = []
        self.current: cameras.CameraDTO | None = None
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Camera name"), self.tr("Owner"),
                                              self.tr("Position"), self.tr("Retention"),
                                              self.tr("Clock offset")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._on_select)
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.form = CameraForm(form_box)
        self.edits, self.error = self.form.edits, self.form.error
        form.addRow(self.form)
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
        self.offset_at = QDateTimeEdit(self.shown.now(), form_box)
        self.offset_at.setTimeZone(self.shown.qtz)
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
        self.table.blockSignals(True)      # re-selecting below refreshes the form
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.table.setRowCount(len(self.cameras))
        for r, c in enumerate(self.cameras):
            pos = f"{c.lat:.5f}, {c.lon:.5f}" if c.lat is not None and c.lon is not None else "—"
            off = f"{c.offsets[-1].offset_s:+.1f} s" if c.offsets else "—"
            keep = "—" if c.retention_days is None else self.tr("{n} days").format(
                n=c.retention_days)
            for col, text in enumerate((c.code, c.name, owners.get(c.owner_kind, c.owner_kind),
                                        pos, keep, off)):
                self.table.setItem(r, col, QTableWidgetItem(text))
            if c.id == select_id:
                self.table.selectRow(r)

    def _on_select(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        c = self.cameras[rows.pop()]
        self.current = c
        self.form.set_camera(c)
        self.offsets.setRowCount(len(c.offsets))
        for r, o in enumerate(c.offsets):
            for col, text in enumerate((f"{o.offset_s:+.1f}",
                                        format_local(o.measured_at, self.shown.name, "%Y-%m-%d %H:%M"),
                                        o.method)):
                self.offsets.setItem(r, col, QTableWidgetItem(text))

    def new(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.form.set_camera(None)
        self.offsets.setRowCount(0)

    def save(self) -> None:
        try:
            data = self.form.value()
            if self.current is None:
                with unit_of_work(self._factory) as s:
                    dto = cameras.create_camera(s, self._actor, data)
            else:
                dto = save_camera(self._factory, self._actor, self.current, data, self.undo_stack,
                                  self.tr("Edit camera {code}").format(code=self.current.code),
                                  self._after_undo)
        except ServiceError as exc:
            self.form.show_errors(exc)
            return
        self.reload(dto.id)

    def _after_undo(self, exc: ServiceError | None) -> None:
        self.reload(self.current.id if self.current is not None else None)
        if exc is not None:
            QMessageBox.warning(self, self.windowTitle(), str(exc))

    def add_offset(self) -> None:
        if self.current is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Save the camera first."))
            return
        try:
            with unit_of_work(self._factory) as s:
                clock_offsets.add_clock_offset(s, self._actor, self.current.id, self.offset_value.value(),
                                         self.shown.aware(picked_time(self.offset_at)),
                                         self.offset_method.text().strip())
        except ServiceError as exc:
            self.form.show_errors(exc)
            return
        self.reload(self.current.id)
