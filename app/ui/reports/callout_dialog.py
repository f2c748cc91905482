"""Dialog: record or edit one call-out (出警记录)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.reports.case_data import case_heading
from app.reports.labels import labels
from app.services.common.clock import zone
from app.services.common.errors import ServiceError, ValidationError
from app.services.org import callouts
from app.services.org import officers as officer_service
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons


class CallOutDialog(QDialog):
    """Create (``existing`` None) or edit a call-out; saves through the call-out service."""

    def __init__(self, context, existing: callouts.CallOutDTO | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CallOutDialog")
        self.context = context
        self.existing = existing
        self.saved: callouts.CallOutDTO | None = None
        self.setWindowTitle(self.tr("Edit call-out") if existing else self.tr("Record call-out"))
        self.setMinimumWidth(480)

        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind = QComboBox(self)
        for code, text in labels("callout_kind").items():
            self.kind.addItem(text, code)
        self.district, self.road, self.address = (QLineEdit(self) for _ in range(3))
        self.case_no = QLineEdit(self)
        self.case_no.setPlaceholderText(self.tr("case number, for hit-and-runs"))
        self.officers = QListWidget(self)
        self.officers.setMaximumHeight(130)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Date and time"), self.when)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Road"), self.road)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Officers attending"), self.officers)
        form.addRow(self.tr("Case"), self.case_no)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = accept_cancel_buttons(self, self.save, Button.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._fill()

    def _fill(self) -> None:
        ctx = self.context
        with ctx.sessions() as s:
            people = officer_service.list_officers(s, ctx.actor, squad_id=ctx.actor.squad_id)
        chosen = set(self.existing.officer_ids) if self.existing else (
            {ctx.actor.officer_id} if ctx.actor.officer_id else set())
        for o in people:
            item = QListWidgetItem(f"{o.name}（{o.badge_no}）", self.officers)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setCheckState(Qt.CheckState.Checked if o.id in chosen
                               else Qt.CheckState.Unchecked)
        e, tz = self.existing, zone(self.context.tz)  # typed on the squad's clock
        when = e.occurred_at.astimezone(tz) if e else datetime.now(tz).replace(second=0,
                                                                                microsecond=0)
        self.when.setDateTime(QDateTime(when.year, when.month, when.day, when.hour,
                                        when.minute, 0))
        if e:
            self.kind.setCurrentIndex(max(self.kind.findData(e.kind), 0))
            self.district.setText(e.district)
            self.road.setText(e.road)
            self.address.setText(e.address)
            self.case_no.setText(e.case_no)
            self.notes.setPlainText(e.notes)
        else:
            self.district.setText("石峰区")
        self._on_kind()

    def _on_kind(self) -> None:
        self.case_no.setEnabled(self.kind.currentData() == "hit_and_run")

    def data(self) -> callouts.CallOutInput:
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        when = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                        tzinfo=zone(self.context.tz))
        ids = tuple(self.officers.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.officers.count())
                    if self.officers.item(i).checkState() == Qt.CheckState.Checked)
        case_id = None
        text = self.case_no.text().strip()
        if text and self.case_no.isEnabled():
            with self.context.sessions() as s:
                case_id = case_heading(s, self.context.actor, text).id
        return callouts.CallOutInput(
            occurred_at=when, kind=self.kind.currentData(), officer_ids=ids,
            address=self.address.text(), district=self.district.text(), road=self.road.text(),
            case_id=case_id, squad_id=self.existing.squad_id if self.existing else None,
            notes=self.notes.toPlainText())

    def save(self) -> bool:
        """Validate and save; on error show it in words and keep the dialog open."""
        ctx = self.context
        try:
            data = self.data()
            with unit_of_work(ctx.sessions) as s:
                if self.existing is None:
                    self.saved = callouts.create_callout(s, ctx.actor, data)
                else:
                    self.saved = callouts.update_callout(
                        s, ctx.actor, self.existing.id, data,
                        expected_version=self.existing.version)
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True
