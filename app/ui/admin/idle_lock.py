"""Idle lock: after N minutes without keyboard or mouse input the window is covered by a
password prompt for the signed-in user; "Sign out" closes the program."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.models.db import unit_of_work
from app.services.org import users
from app.ui.admin.login_dialog import LoginDialog

DEFAULT_MINUTES = 10
IDLE_KEY = "admin/idle_lock_minutes"  # settings key (minutes; 0 = never)
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleLock(QObject):
    """Watches application input; ``lock()`` may also be called directly (Tools ▸ Lock)."""

    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()

    def __init__(self, window: QWidget, minutes: int = DEFAULT_MINUTES):
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.is_locked = False
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        if self.minutes:
            self._timer.start(self.minutes * 60_000)
        else:
            self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT and not self.is_locked and self.minutes:
            self._timer.start(self.minutes * 60_000)
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        ctx = self._window.context
        self.is_locked = True
        with unit_of_work(ctx.sessions) as session:
            users.record_logout(session, ctx.actor, "idle_lock")
        self._hide_content(True)
        self.locked.emit()
        dialog = LoginDialog(ctx.sessions, parent=self._window, locked_user=ctx.actor.username)
        self._dialog = dialog
        dialog.finished.connect(self._on_finished)
        dialog.open()

    def _hide_content(self, hide: bool) -> None:
        """Case data must not stay readable behind the lock prompt."""
        central = getattr(self._window, "centralWidget", lambda: None)()
        if central is not None:
            central.setVisible(not hide)

    def _on_finished(self, result: int) -> None:
        self.is_locked = False
        self._hide_content(False)
        if result == QDialog.DialogCode.Accepted:
            self.set_minutes(self.minutes)
            self.unlocked.emit()
        else:
            self.signed_out.emit()
            self._window.close()
