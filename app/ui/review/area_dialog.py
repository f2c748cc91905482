"""Georeference a user-supplied area image (plan, aerial photo) by two points of known
latitude/longitude, for the route plan view (kept in the database). No internet map tiles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services.common.errors import ServiceError
from app.services.evidence.cameras import CameraDTO
from app.ui.review.route_view import load_area, save_area
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons


class AreaDialog(QDialog):
    def __init__(self, context, case_id: int, cameras: list[CameraDTO],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Area image"))
        self._context, self._case_id = context, case_id
        form = QFormLayout(self)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Image file"), row)
        form.addRow(QLabel(self.tr("Two points you can find on the image (e.g. two cameras), "
                                   "their pixel position and latitude/longitude:"), self))
        self.points: list[list[QDoubleSpinBox]] = []
        placed = [(c.lat, c.lon) for c in cameras if c.lat is not None and c.lon is not None]
        for n in range(2):
            boxes = []
            line = QHBoxLayout()
            for label, lo, hi, dec in ((self.tr("x"), 0, 1e5, 0), (self.tr("y"), 0, 1e5, 0),
                                       (self.tr("lat"), -90, 90, 6), (self.tr("lon"), -180, 180, 6)):
                box = QDoubleSpinBox(self)
                box.setRange(lo, hi)
                box.setDecimals(dec)
                line.addWidget(QLabel(label, self))
                line.addWidget(box)
                boxes.append(box)
            if placed:
                lat, lon = placed[0] if n == 0 else placed[-1]
                boxes[2].setValue(lat)
                boxes[3].setValue(lon)
            self.points.append(boxes)
            form.addRow(self.tr("Point {n}").format(n=n + 1), line)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = accept_cancel_buttons(self, self._save, Button.Save)
        form.addRow(buttons)
        existing = self._existing = load_area(context, case_id)
        if existing:
            self.path.setText(existing["name"])
            for boxes, values in zip(self.points, existing["points"], strict=True):
                for box, v in zip(boxes, values, strict=True):
                    box.setValue(v)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Area image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.tif *.bmp)"))
        if name:
            self.path.setText(name)

    def _save(self) -> None:
        path = self.path.text().strip()
        existing = self._existing
        kept = existing is not None and path == existing["name"] \
            and not Path(path).is_file()            # the image already pinned, unchanged
        if not kept and (not path or QImageReader(path).size().isEmpty()):
            self.error.setText(self.tr("Choose an image file that can be read."))
            return
        values = [[b.value() for b in boxes] for boxes in self.points]
        (x1, y1, *_), (x2, y2, *_) = values
        if x1 == x2 or y1 == y2:
            self.error.setText(self.tr("The two points must differ in both x and y."))
            return
        try:
            image = existing["image"] if kept and existing is not None \
                else Path(path).read_bytes()
            save_area(self._context, self._case_id, image, Path(path).name, values)
        except (OSError, ServiceError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
