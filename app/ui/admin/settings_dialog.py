"""Workstation security settings (admin): idle-lock delay and backup-reminder interval."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QSpinBox

from app.ui.admin.backup_dialogs import DEFAULT_DAYS, REMINDER_KEY
from app.ui.admin.idle_lock import DEFAULT_MINUTES, IDLE_KEY
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons


class AdminSettingsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._settings = window.context.settings
        self.setWindowTitle(self.tr("Security settings"))
        form = QFormLayout(self)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(self._settings.value(IDLE_KEY, DEFAULT_MINUTES, int))
        self.backup_days = QSpinBox()
        self.backup_days.setRange(0, 90)
        self.backup_days.setSuffix(self.tr(" days"))
        self.backup_days.setSpecialValueText(self.tr("never"))
        self.backup_days.setValue(self._settings.value(REMINDER_KEY, DEFAULT_DAYS, int))
        form.addRow(self.tr("Lock the workstation after inactivity of:"), self.idle)
        form.addRow(self.tr("Remind administrators to back up every:"), self.backup_days)
        note = QLabel(self.tr("These settings apply to this workstation."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = accept_cancel_buttons(self, self.save, Button.Save)
        form.addRow(buttons)

    def save(self) -> None:
        self._settings.set_value(IDLE_KEY, self.idle.value())
        self._settings.set_value(REMINDER_KEY, self.backup_days.value())
        self._settings.sync()
        lock = getattr(self._window, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(self.idle.value())
        self.accept()
