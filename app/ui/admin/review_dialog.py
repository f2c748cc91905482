"""Reviewer's comments and closing approval on a case (each one lands in the audit chain)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)
from sqlalchemy.orm import Session

from app.models.db import unit_of_work
from app.services.casefile import comments
from app.services.casefile.dto import CaseFilter
from app.services.casefile.search import list_cases
from app.services.common.context import Perm
from app.services.common.errors import ServiceError
from app.ui.widgets.enum_labels import status_label


class ReviewDialog(QDialog):
    def __init__(self, window, case_id: int | None = None):
        super().__init__(window)
        self._ctx = window.context
        self.setWindowTitle(self.tr("Review comments"))
        self.resize(680, 520)
        layout = QVBoxLayout(self)
        self.case = QComboBox()
        self.case.setObjectName("review_case")
        with self._ctx.sessions() as s:
            self._cases = {c.id: c for c in list_cases(
                s, self._ctx.actor, CaseFilter(include_training=False, limit=2000)).items}
        for c in self._cases.values():
            self.case.addItem(f"{c.case_no}  {c.title}  [{status_label(c.status)}]", c.id)
        wanted = case_id if case_id is not None else self._ctx.settings.last_case_id()
        if wanted in self._cases:
            self.case.setCurrentIndex(self.case.findData(wanted))
        self.case.currentIndexChanged.connect(self.reload)
        layout.addWidget(self.case)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Your comment on this case file…"))
        self.text.setMaximumHeight(110)
        layout.addWidget(self.text)
        self.state = QLabel()
        layout.addWidget(self.state)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.comment_button = QPushButton(self.tr("Add comment"))
        self.comment_button.clicked.connect(self.add_comment)
        self.approve_button = QPushButton(self.tr("Approve closing"))
        self.approve_button.clicked.connect(self.approve)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for b in (self.comment_button, self.approve_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def case_id(self) -> int | None:
        return self.case.currentData()

    def reload(self) -> None:
        self.list.clear()
        case_id = self.case_id()
        if case_id is None:
            return
        with self._ctx.sessions() as s:
            rows = comments.list_comments(s, self._ctx.actor, case_id)
            approved = comments.has_close_approval(s, case_id)
        for c in rows:
            kind = self.tr("approved closing") if c.kind == comments.APPROVE_CLOSE \
                else self.tr("comment")
            self.list.addItem(f"{c.at.astimezone():%Y-%m-%d %H:%M}  {c.user_name}（{kind}）\n{c.text}")
        solved = self._cases[case_id].status == "solved"
        self.approve_button.setEnabled(solved and not approved
                                       and self._ctx.actor.can(Perm.APPROVE_CLOSE))
        self.comment_button.setEnabled(self._ctx.actor.can(Perm.REVIEW_COMMENT))
        self.state.setText(self.tr("Closing approved.") if approved else
                           self.tr("Closing can be approved once the case is solved.")
                           if not solved else self.tr("Solved: waiting for closing approval."))

    def _run(self, fn: Callable[[Session], object]) -> bool:
        try:
            with unit_of_work(self._ctx.sessions) as s:
                fn(s)
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        self.text.clear()
        self.reload()
        return True

    def add_comment(self) -> bool:
        case_id = self.case_id()
        return case_id is not None and self._run(lambda s: comments.add_comment(
            s, self._ctx.actor, case_id, self.text.toPlainText()))

    def approve(self) -> bool:
        case_id = self.case_id()
        return case_id is not None and self._run(lambda s: comments.approve_closing(
            s, self._ctx.actor, case_id, self.text.toPlainText()))
