"""The form of one camera: number, name, owner and contact, position, facing and field of view,
viewing distance and DVR retention. Numbers the officer does not know stay "unknown" (the spin
boxes' lowest value); bad input is shown next to the field in plain words, nothing is saved.
:class:`CameraEditDialog` wraps it for the map and the canvass table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.models.enums import OwnerKind
from app.services.common.errors import ServiceError, ValidationError
from app.services.evidence.cameras import CameraDTO, CameraInput
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons, error_label

TEXT_FIELDS = ("code", "name", "owner_unit", "address", "lat", "lon", "facing", "contact_name",
               "contact_phone", "notes")
BAD = "border: 1px solid #b00020;"


def owner_labels(w: QWidget) -> dict[str, str]:
    """Owner kind code → shown name."""
    names = {OwnerKind.POLICE: w.tr("Police"), OwnerKind.CITY_MANAGEMENT: w.tr("City management"),
             OwnerKind.WATER: w.tr("Water / hydropower"), OwnerKind.EDUCATION: w.tr("Education"),
             OwnerKind.ESTATE: w.tr("Housing estate"), OwnerKind.SHOP: w.tr("Shop"),
             OwnerKind.TRAFFIC: w.tr("Traffic police checkpoint"), OwnerKind.OTHER: w.tr("Other")}
    return {kind.value: name for kind, name in names.items()}


def _spin(parent: QWidget, low: float, high: float, suffix: str, unknown: str,
          decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    box.setSpecialValueText(unknown)   # shown at the minimum: the value is not known
    return box


class CameraForm(QWidget):
    """Edits a :class:`CameraInput`; :meth:`value` raises ``ValidationError`` on bad numbers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CameraForm")
        unknown = self.tr("unknown")
        self.edits: dict[str, QLineEdit] = {k: QLineEdit(self) for k in TEXT_FIELDS}
        self.edits["lat"].setPlaceholderText(self.tr("decimal degrees, WGS-84, e.g. 27.86550"))
        self.edits["lon"].setPlaceholderText(self.tr("decimal degrees, WGS-84, e.g. 113.15900"))
        self.edits["facing"].setPlaceholderText(self.tr("in words, e.g. towards the south gate"))
        self.owner_kind = QComboBox(self)
        for code, label in owner_labels(self).items():
            self.owner_kind.addItem(label, code)
        self.facing_deg = _spin(self, -1, 359.9, "°", unknown)
        self.facing_deg.setToolTip(self.tr("Compass bearing of the view: 0 north, 90 east"))
        self.fov_deg = _spin(self, 0, 360, "°", unknown)
        self.fov_deg.setToolTip(self.tr("Horizontal field of view: how wide the wedge is"))
        self.view_m = _spin(self, 0, 5000, " m", unknown, 0)
        self.view_m.setToolTip(self.tr("How far the camera usefully sees"))
        self.retention = QSpinBox(self)
        self.retention.setRange(-1, 3650)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setSpecialValueText(unknown)
        self.retention.setToolTip(self.tr("Days until the DVR overwrites its footage"))
        self.numbers: dict[str, QWidget] = {"facing_deg": self.facing_deg, "fov_deg": self.fov_deg,
                                            "view_m": self.view_m, "retention_days": self.retention}
        form = QFormLayout(self)
        e = self.edits
        for label, w in ((self.tr("Number"), e["code"]), (self.tr("Camera name"), e["name"]),
                         (self.tr("Owner kind"), self.owner_kind),
                         (self.tr("Owner unit"), e["owner_unit"]), (self.tr("Contact"),
                                                                    e["contact_name"]),
                         (self.tr("Phone"), e["contact_phone"]), (self.tr("Address"), e["address"]),
                         (self.tr("Latitude"), e["lat"]), (self.tr("Longitude"), e["lon"]),
                         (self.tr("Facing"), e["facing"]), (self.tr("Bearing"), self.facing_deg),
                         (self.tr("Field of view"), self.fov_deg),
                         (self.tr("Viewing distance"), self.view_m),
                         (self.tr("Retention"), self.retention), (self.tr("Notes"), e["notes"])):
            form.addRow(label, w)
        self.error = error_label(self)
        form.addRow(self.error)
        self.set_camera(None)

    def _widget(self, key: str) -> QWidget | None:
        if key in self.edits:
            return self.edits[key]
        return self.owner_kind if key == "owner_kind" else self.numbers.get(key)

    def set_camera(self, cam: CameraDTO | CameraInput | None) -> None:
        """Show ``cam`` (None: an empty form for a new camera)."""
        for key, edit in self.edits.items():
            value = getattr(cam, key) if cam is not None else None
            edit.setText("" if value is None else str(value))
        kind = cam.owner_kind if cam is not None else OwnerKind.OTHER.value
        self.owner_kind.setCurrentIndex(max(0, self.owner_kind.findData(kind)))

        def num(key: str) -> float | None:
            return getattr(cam, key) if cam is not None else None

        self.facing_deg.setValue(-1 if num("facing_deg") is None else num("facing_deg") or 0.0)
        self.fov_deg.setValue(num("fov_deg") or 0.0)
        self.view_m.setValue(num("view_m") or 0.0)
        days = num("retention_days")
        self.retention.setValue(-1 if days is None else int(days))
        self.clear_errors()

    def value(self) -> CameraInput:
        """The input as typed; ``ValidationError`` (per field) when a position is not a number."""
        errors: dict[str, str] = {}
        coords: dict[str, float | None] = {}
        for key in ("lat", "lon"):
            text = self.edits[key].text().strip().replace("，", ",").replace("°", "")
            try:
                coords[key] = float(text) if text else None
            except ValueError:
                errors[key] = self.tr("{what}: enter a number in decimal degrees (e.g. 27.86550)."
                                      ).format(what=self.tr("Latitude") if key == "lat"
                                               else self.tr("Longitude"))
        if errors:
            self.show_errors(ValidationError(errors))
            raise ValidationError(errors)
        words = {k: self.edits[k].text().strip() for k in TEXT_FIELDS if k not in ("lat", "lon")}
        facing = self.facing_deg.value()
        return CameraInput(
            owner_kind=self.owner_kind.currentData(), lat=coords["lat"], lon=coords["lon"],
            facing_deg=None if facing < 0 else facing,
            fov_deg=self.fov_deg.value() or None, view_m=self.view_m.value() or None,
            retention_days=None if self.retention.value() < 0 else self.retention.value(), **words)

    def clear_errors(self) -> None:
        self.error.clear()
        self.error.hide()
        for key in (*TEXT_FIELDS, "owner_kind", *self.numbers):
            w = self._widget(key)
            if w is not None:
                w.setStyleSheet("")

    def show_errors(self, exc: ServiceError) -> None:
        """Mark the fields named by a ``ValidationError``; the message in words below."""
        self.clear_errors()
        for key in getattr(exc, "errors", {}):
            w = self._widget(key)
            if w is not None:
                w.setStyleSheet(BAD)
        self.error.setText(str(exc))
        self.error.show()


class CameraEditDialog(QDialog):
    """Edit one camera; ``save(input)`` stores it and raises ``ServiceError`` to keep it open."""

    def __init__(self, cam: CameraDTO, save: Callable[[CameraInput], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CameraEditDialog")
        self.setWindowTitle(self.tr("Camera {code}").format(code=cam.code))
        self._save = save
        self.form = CameraForm(self)
        self.form.set_camera(cam)
        self.setMinimumWidth(460)
        note = QLabel(self.tr("Changes apply to this camera in every case; Edit ▸ Undo "
                              "takes them back."), self)
        note.setWordWrap(True)
        lay = QFormLayout(self)
        lay.addRow(note)
        lay.addRow(self.form)
        lay.addRow(accept_cancel_buttons(self, self.try_save, Button.Save))

    def try_save(self) -> bool:
        try:
            self._save(self.form.value())
        except ServiceError as exc:
            self.form.show_errors(exc)
            return False
        self.accept()
        return True
