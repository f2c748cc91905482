"""A form built from field specs: values in/out as dicts, inline validation messages.

``FormWidget([FieldSpec("case_no", tr("Case number"), "line", required=True), ...])`` builds a
two-column form; ``values()`` returns ``{name: python value}``; ``set_errors({name: message})``
shows each service ``ValidationError`` message in red under its field (and focuses the first);
``edited`` fires on any user change (for the unsaved-change guard).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.common.clock import DEFAULT_TZ

KINDS = ("line", "text", "combo", "int", "float", "datetime", "check", "lines", "multi")


@dataclass(frozen=True)
class FieldSpec:
    """One field: ``kind`` is one of KINDS; ``choices`` = [(code, label)] for combo."""

    name: str
    label: str
    kind: str = "line"
    required: bool = False
    choices: Sequence[tuple[object, str]] = field(default_factory=tuple)
    placeholder: str = ""
    optional: bool = True   # datetime/int/float: may be empty (None)
    minimum: float = 0
    maximum: float = 1_000_000


class OptionalDateTimeEdit(QWidget):
    """A date-time editor with an "unknown" state; values are aware datetimes in ``tz``."""

    edited = Signal()

    def __init__(self, tz: str = DEFAULT_TZ, optional: bool = True, parent=None):
        super().__init__(parent)
        self._zone = ZoneInfo(tz)
        self._qzone = QTimeZone(tz.encode())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(self)
        self.known.setToolTip(self.tr("Known"))
        self.known.setVisible(optional)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setTimeZone(self._qzone)
        self.edit.setDateTime(QDateTime.currentDateTime(self._qzone))
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.known.setChecked(not optional)
        self.edit.setEnabled(not optional)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(self.edited)
        self.edit.dateTimeChanged.connect(self.edited)

    def value(self) -> datetime | None:
        if not self.known.isChecked():
            return None
        secs = self.edit.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(secs, self._zone)

    def set_zone(self, tz: str) -> None:
        """Show and take times on the clock of ``tz`` (the record's case) from now on."""
        if tz == self._zone.key:
            return
        self._zone, self._qzone = ZoneInfo(tz), QTimeZone(tz.encode())
        blocked = self.blockSignals(True)
        self.edit.setTimeZone(self._qzone)
        self.blockSignals(blocked)

    def set_value(self, value: datetime | None) -> None:
        blocked = self.blockSignals(True)
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()),
                                                                self._qzone))
        self.blockSignals(blocked)


class FormWidget(QWidget):
    """The form; see module doc."""

    edited = Signal()

    def __init__(self, specs: Sequence[FieldSpec], tz: str = DEFAULT_TZ, columns: int = 1,
                 parent=None):
        super().__init__(parent)
        self._specs = {s.name: s for s in specs}
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        forms = []
        for _ in range(columns):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            outer.addLayout(form, 1)
            forms.append(form)
        per_column = -(-len(specs) // columns)
        for i, spec in enumerate(specs):
            editor = self._make_editor(spec, tz)
            editor.setObjectName(f"field_{spec.name}")
            error = QLabel(self)
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet("color: #b91c1c;")
            error.setWordWrap(True)
            error.hide()
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            label = QLabel(spec.label + (" *" if spec.required else ""), self)
            label.setBuddy(editor)
            forms[min(i // per_column, columns - 1)].addRow(label, cell)
            self._editors[spec.name] = editor
            self._errors[spec.name] = error
            self._labels[spec.name] = label

    def _make_editor(self, spec: FieldSpec, tz: str) -> QWidget:
        kind = spec.kind
        if kind in ("text", "lines"):
            plain = QPlainTextEdit(self)
            plain.setTabChangesFocus(True)
            plain.setPlaceholderText(spec.placeholder)
            plain.setMinimumHeight(60)
            plain.textChanged.connect(self.edited)
            return plain
        if kind == "combo":
            combo = QComboBox(self)
            for code, label in spec.choices:
                combo.addItem(label, code)
            combo.currentIndexChanged.connect(self.edited)
            return combo
        if kind in ("int", "float"):
            return self._number_editor(spec)
        if kind == "datetime":
            when = OptionalDateTimeEdit(tz, spec.optional, self)
            when.edited.connect(self.edited)
            return when
        if kind == "check":
            check = QCheckBox(self)
            check.toggled.connect(self.edited)
            return check
        if kind == "multi":
            many = QListWidget(self)
            many.setMaximumHeight(110)
            for code, label in spec.choices:
                item = QListWidgetItem(label, many)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            many.itemChanged.connect(self.edited)
            return many
        line = QLineEdit(self)
        line.setPlaceholderText(spec.placeholder)
        line.setClearButtonEnabled(True)
        line.textEdited.connect(self.edited)
        return line

    def _number_editor(self, spec: FieldSpec) -> QSpinBox | QDoubleSpinBox:
        """A spin box; optional fields get one step below the minimum that reads "unknown"."""
        below = 1 if spec.optional else 0
        w: QSpinBox | QDoubleSpinBox
        if spec.kind == "int":
            w = QSpinBox(self)
            w.setRange(int(spec.minimum) - below, int(spec.maximum))
        else:
            w = QDoubleSpinBox(self)
            w.setDecimals(6)
            w.setRange(spec.minimum - below, spec.maximum)
        if spec.optional:
            w.setSpecialValueText(self.tr("unknown"))
        w.valueChanged.connect(self.edited)
        return w

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def remove_choice(self, name: str, code: object) -> None:
        """Drop one choice of a combo or multi field (e.g. an event from its own basis)."""
        w = self._editors[name]
        if isinstance(w, QComboBox):
            index = w.findData(code)
            if index >= 0:
                w.removeItem(index)
        elif isinstance(w, QListWidget):
            for i in reversed(range(w.count())):
                if w.item(i).data(Qt.ItemDataRole.UserRole) == code:
                    w.takeItem(i)

    # -- values --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: self._value(name) for name in self._specs}

    def _value(self, name: str) -> Any:
        spec, w = self._specs[name], self._editors[name]
        if isinstance(w, QPlainTextEdit):
            if spec.kind == "lines":
                return tuple(x.strip() for x in w.toPlainText().splitlines() if x.strip())
            return w.toPlainText().strip()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            if spec.optional and w.value() == w.minimum():
                return None
            return w.value()
        if isinstance(w, OptionalDateTimeEdit):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QListWidget):
            return tuple(w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                         if w.item(i).checkState() == Qt.CheckState.Checked)
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def set_zone(self, tz: str) -> None:
        """Date-times on the clock of ``tz`` from now on (set before :meth:`set_values`)."""
        for w in self._editors.values():
            if isinstance(w, OptionalDateTimeEdit):
                w.set_zone(tz)

    def set_values(self, values: dict[str, object]) -> None:
        """Fill the form without emitting ``edited``."""
        for name, value in values.items():
            if name in self._specs:
                self._set_value(name, value)
        self.clear_errors()

    def _set_value(self, name: str, value: Any) -> None:
        spec, w = self._specs[name], self._editors[name]
        blocked = w.blockSignals(True)
        try:
            if isinstance(w, QPlainTextEdit):
                w.setPlainText("\n".join(value or ()) if spec.kind == "lines"
                               else str(value or ""))
            elif isinstance(w, QComboBox):
                i = w.findData(value)
                if i < 0 and value is not None:
                    w.addItem(str(value), value)
                    i = w.count() - 1
                w.setCurrentIndex(max(i, 0))
            elif isinstance(w, QSpinBox):
                w.setValue(w.minimum() if value is None else int(value))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(w.minimum() if value is None else float(value))
            elif isinstance(w, OptionalDateTimeEdit):
                w.set_value(value)
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QListWidget):
                chosen = set(value or ())
                for i in range(w.count()):
                    item = w.item(i)
                    on = item.data(Qt.ItemDataRole.UserRole) in chosen
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            elif isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))
        finally:
            w.blockSignals(blocked)

    # -- validation ----------------------------------------------------------------------
    def missing_required(self) -> dict[str, str]:
        """Client-side check of required fields (the services check again)."""
        missing = {}
        for name, spec in self._specs.items():
            if spec.required and self._value(name) in (None, "", ()):
                missing[name] = self.tr("{field} is required.").format(field=spec.label)
        return missing

    def set_errors(self, errors: dict[str, str]) -> list[str]:
        """Show messages under their fields; returns messages for fields this form lacks."""
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for name, message in errors.items():
            label = self._errors.get(name)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self._editors[name]
        if first is not None:
            first.setFocus()
        return unplaced

    def errors(self) -> dict[str, str]:
        return {n: lab.text() for n, lab in self._errors.items() if not lab.isHidden()}

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only fields look it: grey, marked 只读 in tooltip and placeholder (a field that
        looks editable and silently ignores keys is a trap)."""
        mark = self.tr("read-only")
        for name, w in self._editors.items():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(read_only)
                w.setPlaceholderText(mark if read_only else self._specs[name].placeholder)
            else:
                w.setEnabled(not read_only)
            w.setToolTip(mark if read_only else "")
            w.setStyleSheet("background: #eceff1; color: #37474f;" if read_only else "")
