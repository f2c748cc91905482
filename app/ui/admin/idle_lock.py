"""Idle lock and sign-out: after N minutes without keyboard or mouse input (or on Tools ▸ Lock
now) the window is covered by a password prompt for the signed-in user. The audit tells the two
apart (``auth.idle_lock`` / ``auth.manual_lock``); "Sign out" — on the prompt or File ▸ Sign out —
is logged as ``auth.logout`` and returns to the sign-in (``window.sign_out_requested``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.models.db import unit_of_work
from app.services.org import users
from app.ui.admin.login_dialog import LoginDialog
from app.ui.context import AppContext

DEFAULT_MINUTES = 10
IDLE_KEY = "admin/idle_lock_minutes"  # settings key (minutes; 0 = never)
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleLock(QObject):
    """Watches application input; ``lock()`` may also be called directly (Tools ▸ Lock)."""

    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()

    def __init__(self, window: QWidget, context: AppContext, minutes: int = DEFAULT_MINUTES):
        super().__init__(window)
        self._window = window
        self._ctx = context
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.lock(idle=True))
        self.is_locked = False
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None  # a lock needs the running application
        app.installEventFilter(self)

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

    def lock(self, idle: bool = False) -> None:
        """Cover the window; ``idle``: the timer did it (else the user asked)."""
        if self.is_locked:
            return
        ctx = self._ctx
        self.is_locked = True
        with unit_of_work(ctx.sessions) as session:
            users.record_logout(session, ctx.actor, "idle_lock" if idle else "manual_lock")
        self._hide_content(True)
        self.locked.emit()
        dialog = LoginDialog(ctx.sessions, parent=self._window, locked_user=ctx.actor.username,
                             idle=idle)
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
        elif sign_out(self._window):
            self.signed_out.emit()
        else:  # the window refused to close (unsaved changes): stay locked
            self.lock()


def sign_out(window) -> bool:
    """Close ``window`` and return to the sign-in; logged as ``auth.logout``. False when the
    window refused to close (e.g. the user kept unsaved changes)."""
    window.sign_out_requested = True
    if not window.close():
        window.sign_out_requested = False
        return False
    lock = getattr(window, "idle_lock", None)
    if lock is not None:
        lock.set_minutes(0)  # the signed-out session can no longer be locked
    ctx = window.context
    with unit_of_work(ctx.sessions) as session:
        users.record_logout(session, ctx.actor, "logout")
    return True
