"""Parts of the replay view: the case file "as known then", and frame loading with the ROI."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import AppPaths
from app.services.evidence.store import store_path
from app.services.training.package_export import blur_regions
from app.services.training.replay import CaseThen, FrameRef
from app.ui.widgets.enum_labels import (
    inquiry_status_label,
    person_role_label,
    status_label,
    vehicle_kind_label,
    vehicle_role_label,
)
from app.ui.workers import TaskContext


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = t.horizontalHeader()
    for c in range(len(headers) - 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    t.setWordWrap(True)  # long descriptions and findings wrap in the last column
    return t


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]],
          unknown: set[tuple[int, int]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if (r, c) in unknown:
                item.setForeground(QColor("#9e9e9e"))
                item.setToolTip(table.tr("Not known at this step"))
            table.setItem(r, c, item)
    table.resizeRowsToContents()


class KnownThenPanel(QGroupBox):
    """Persons, vehicles and teams as the investigation knew them at the step's time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Case file as known at this step"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("known_status")
        layout.addWidget(self.status)
        self.persons = _table([self.tr("Role"), self.tr("Identity"), self.tr("Description")])
        self.persons.setObjectName("known_persons")
        self.vehicles = _table([self.tr("Role"), self.tr("Vehicle"), self.tr("Plate"),
                                self.tr("Features")])
        self.vehicles.setObjectName("known_vehicles")
        self.teams = _table([self.tr("Team"), self.tr("Objective"), self.tr("Status"),
                             self.tr("Findings")])
        for title, table in ((self.tr("Persons"), self.persons),
                             (self.tr("Vehicles"), self.vehicles),
                             (self.tr("Lines of inquiry"), self.teams)):
            layout.addWidget(QLabel(f"<b>{title}</b>"))
            layout.addWidget(table)

    def show_state(self, state: CaseThen | None) -> None:
        if state is None:
            self.status.clear()
            for t in (self.persons, self.vehicles, self.teams):
                t.setRowCount(0)
            return
        self.status.setText(self.tr("Case status then: {status}").format(
            status=status_label(state.status)))
        rows: list[tuple[str, ...]] = []
        unknown: set[tuple[int, int]] = set()
        for i, p in enumerate(state.persons):
            if not p.identified or not p.name:
                unknown.add((i, 1))
            rows.append((person_role_label(p.role),
                         p.name if p.identified and p.name else self.tr("Unidentified"),
                         p.description))
        _fill(self.persons, rows, unknown)
        rows, unknown = [], set()
        for i, v in enumerate(state.vehicles):
            plate = v.plate or (self.tr("Unlicensed") if v.unlicensed else self.tr("Unknown"))
            if not v.plate:
                unknown.add((i, 2))
            rows.append((vehicle_role_label(v.role), f"{v.colour}{vehicle_kind_label(v.kind)}",
                         plate, v.features))
        _fill(self.vehicles, rows, unknown)
        _fill(self.teams, [(t.team, t.objective, inquiry_status_label(t.status), t.findings)
                           for t in state.teams], set())


def load_frame(ctx: TaskContext, paths: AppPaths, frame: FrameRef, ext: str, media_kind: str,
               blur: bool) -> np.ndarray:
    """Worker: the BGR frame of an observation (ROI blurred for anonymized replays)."""
    path = store_path(paths.evidence_dir, frame.evidence_sha256, ext)
    if media_kind == "image":
        image = cv2.imread(str(path))
        if image is None:
            raise OSError(str(path))
    else:
        from app.video.source import open_video

        with open_video(path, index_dir=paths.cache_dir / "index") as src:
            image = src.read(frame.frame_index)
    ctx.check_cancelled()
    return blur_regions(image, [frame.roi]) if blur and frame.roi else image


def frame_pixmap(image: np.ndarray, roi: tuple[int, int, int, int] | None,
                 max_width: int = 560) -> QPixmap:
    """The frame with its ROI outlined, scaled to fit."""
    rgb = np.ascontiguousarray(image[:, :, ::-1])
    h, w = rgb.shape[:2]
    qimg = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    if roi:
        painter = QPainter(qimg)
        painter.setPen(QPen(QColor("#ffeb3b"), max(2, w // 300)))
        painter.drawRect(*roi)
        painter.end()
    pixmap = QPixmap.fromImage(qimg)
    if w > max_width:
        pixmap = pixmap.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    return pixmap
