"""A CLI token an administrator just issued, shown once (only its hash is stored)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.services.common.clock import format_local


class TokenDialog(QDialog):
    def __init__(self, parent, username: str, token: str, expires: datetime, tz: str):
        """``tz``: the zone the expiry is shown in (the squad's clock)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("CLI token for {name}").format(name=username))
        self.resize(620, 0)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "Copy the token now: it is shown only this once (CaseDesk keeps only its hash). "
            "A script signs in as {name} with it in CASEDESK_TOKEN until {date}; revoke it in "
            "this dialog when it is no longer needed.").format(
                name=username, date=format_local(expires, tz, "%Y-%m-%d %H:%M")))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.token = QLineEdit(token)
        self.token.setReadOnly(True)
        self.token.selectAll()
        layout.addWidget(self.token)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(self.copy)
        row.addWidget(copy)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.token.text())
