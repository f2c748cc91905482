"""Trainer replay: walk a closed case step by step with the file as it was known then.

A step with a trainer's question shows only the question until "Reveal" is pressed. Steps not
reached yet show only their number and time (a title would give the answer away: the plate, the
arrest); jumping to the outcome past steps not yet discussed asks first. →, PgDn and Space step
forward; ←, PgUp and Backspace step back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from app.models.db import unit_of_work
from app.services.common.clock import format_local
from app.services.common.context import Perm
from app.services.common.errors import ServiceError
from app.services.evidence import items
from app.services.training import replay
from app.services.training.replay import FrameRef, Replay, ReplayStep
from app.ui.admin.replay_panels import KnownThenPanel, frame_pixmap, load_frame
from app.ui.context import AppContext
from app.ui.widgets.enum_labels import event_kind_label
from app.ui.workers import TaskHandle, run_task


class ReplayWindow(Protocol):
    """What the view needs from the main window."""

    context: AppContext

    def current_case_id(self) -> int | None: ...


class ReplayView(QWidget):
    """The "replay" view (trainers, administrators)."""

    def __init__(self, window: ReplayWindow):
        super().__init__()
        self.setObjectName("ReplayView")
        self._window = window
        self._ctx = window.context
        self.replay: Replay | None = None
        self.index = 0
        self.reached = 0          # the furthest step shown so far
        self.revealed: set[int] = set()
        self._frame_tasks: list[TaskHandle] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.case_combo = QComboBox()
        self.case_combo.setObjectName("replay_case")
        self.case_combo.setMinimumWidth(320)
        self.open_button = QPushButton(self.tr("Start replay"))
        self.open_button.clicked.connect(lambda: self.open_case(self.case_combo.currentData()))
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.setShortcut("Alt+Left")
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setShortcut("Alt+Right")
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.position = QLabel()
        self.question_button = QPushButton(self.tr("Set a question…"))
        self.question_button.clicked.connect(self.ask_question)
        self.question_button.setVisible(self._ctx.actor.can(Perm.TRAINING_BUILD))
        self.remove_question_button = QPushButton(self.tr("Remove question"))
        self.remove_question_button.clicked.connect(self.remove_question)
        self.remove_question_button.setVisible(self._ctx.actor.can(Perm.TRAINING_BUILD))
        for w in (QLabel(self.tr("Closed case:")), self.case_combo, self.open_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.prev_button, self.position, self.next_button, self.question_button,
                  self.remove_question_button):
            bar.addWidget(w)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.steps = QListWidget()
        self.steps.setObjectName("replay_steps")
        self.steps.currentRowChanged.connect(self._on_row)
        self.steps.setWordWrap(True)  # whole titles, no sideways scrolling
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.steps.setSpacing(1)
        self.steps.installEventFilter(self)
        split.addWidget(self.steps)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        self.heading = QLabel()
        self.heading.setObjectName("step_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.body = QLabel()
        self.body.setObjectName("step_body")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Reveal this step"))
        self.reveal_button.clicked.connect(self.reveal)
        self.frames = QVBoxLayout()
        self.frames.setAlignment(Qt.AlignmentFlag.AlignTop)
        frames_box = QWidget()
        frames_box.setLayout(self.frames)
        self.frames_scroll = QScrollArea()  # only shown for a step with frames
        self.frames_scroll.setWidgetResizable(True)
        self.frames_scroll.setWidget(frames_box)
        self._filler = QWidget()  # takes the space instead (no empty frame box)
        mid.addWidget(self.heading)
        mid.addWidget(self.body)
        mid.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        mid.addWidget(self.frames_scroll, 1)
        mid.addWidget(self._filler, 1)
        split.addWidget(middle)
        self.known = KnownThenPanel()
        split.addWidget(self.known)
        split.setSizes([280, 640, 520])
        layout.addWidget(split, 1)
        self.reload_cases()
        self._update()

    # -- data -----------------------------------------------------------------------------
    def reload_cases(self) -> None:
        self.case_combo.clear()
        if not self._ctx.actor.can(Perm.TRAINING_REPLAY):
            self.case_combo.addItem(self.tr("Your role may not run replays."), None)
            self.open_button.setEnabled(False)
            return
        with self._ctx.sessions() as s:
            rows = replay.replayable_cases(s, self._ctx.actor)
        for cid, no, title in rows:
            self.case_combo.addItem(f"{no}  {title}", cid)
        self.open_button.setEnabled(bool(rows))

    def view_activated(self) -> None:
        """Offer the case selected in the case list when it can be replayed."""
        current = self.case_combo.currentData()
        self.reload_cases()
        selected = self._window.current_case_id()
        for wanted in (selected, current):
            if wanted is not None and self.case_combo.findData(wanted) >= 0:
                self.case_combo.setCurrentIndex(self.case_combo.findData(wanted))
                return

    def open_case(self, case_id: int | None) -> None:
        if case_id is None:
            return
        try:
            with unit_of_work(self._ctx.sessions) as s:
                self.replay = replay.build_replay(s, self._ctx.actor, case_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Replay"), str(exc))
            return
        shown = self.case_combo.findData(case_id)
        if shown >= 0:  # the picker names the case being replayed
            self.case_combo.setCurrentIndex(shown)
        self.revealed = set()
        self.reached = 0
        self.steps.blockSignals(True)
        self.steps.clear()
        for _step in self.replay.steps:
            self.steps.addItem(QListWidgetItem())
        self.steps.blockSignals(False)
        self.go(0)

    # -- navigation -----------------------------------------------------------------------
    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.go(row)

    def go(self, index: int) -> None:
        if self.replay is None:
            return
        index = max(0, min(index, len(self.replay.steps) - 1))
        last = len(self.replay.steps) - 1
        if index == last > self.reached + 1 and not self.confirm_skip(last - self.reached - 1):
            index = self.index  # the outcome only after a "yes" when steps were skipped
        self.index = index
        self.reached = max(self.reached, index)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.steps.blockSignals(False)
        self._update()

    def confirm_skip(self, count: int) -> bool:
        """Ask before showing the outcome past ``count`` steps not yet discussed."""
        answer = QMessageBox.question(
            self, self.tr("Skip ahead?"),
            self.tr("{n} steps have not been discussed yet. Show the outcome "
                    "anyway?").format(n=count))
        return answer == QMessageBox.StandardButton.Yes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self._step_key(event.key())):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if not self._step_key(event.key()):
            super().keyPressEvent(event)

    def _step_key(self, key: int) -> bool:
        """→ / PgDn / Space: next step; ← / PgUp / Backspace: previous. True when handled."""
        if self.replay is None:
            return False
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.go(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.go(self.index - 1)
        else:
            return False
        return True

    def reveal(self) -> None:
        self.revealed.add(self.index)
        self._update()

    def is_hidden(self, step: ReplayStep) -> bool:
        """A question not yet revealed, or the outcome before the end is reached."""
        return step.question is not None and step.index not in self.revealed

    def _list_text(self, step: ReplayStep, tz: str) -> str:
        when = format_local(step.at, tz, "%m-%d %H:%M")
        if step.kind == replay.OUTCOME:
            return self.tr("{n}. Outcome").format(n=step.index + 1) if step.index <= self.reached \
                else self.tr("{n}. Outcome (hidden)").format(n=step.index + 1)
        if step.index > self.reached:
            return self.tr("{n}. {time} · not reached yet").format(n=step.index + 1, time=when)
        if self.is_hidden(step):
            return self.tr("{n}. {time} [Question]").format(n=step.index + 1, time=when)
        return f"{step.index + 1}. {when} [{event_kind_label(step.kind)}] {step.title}"

    def _update(self) -> None:
        rp = self.replay
        if rp is None or not rp.steps:
            for button in (self.prev_button, self.next_button, self.question_button,
                           self.remove_question_button):
                button.setEnabled(False)
            self._show_frames(False)
            self.position.setText("")
            self.heading.setText(self.tr("Pick a closed case and start the replay."))
            self.body.clear()
            self.reveal_button.hide()
            self.known.show_state(None)
            return
        step = rp.steps[self.index]
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(rp.steps) - 1)
        self.question_button.setEnabled(step.event_id is not None)
        self.remove_question_button.setEnabled(step.question is not None)
        for i, each in enumerate(rp.steps):
            item = self.steps.item(i)
            item.setText(self._list_text(each, rp.tz))
            item.setToolTip(item.text())
        self.position.setText(self.tr("Step {n} of {total}").format(
            n=self.index + 1, total=len(rp.steps)))
        self._clear_frames()
        self._show_frames(bool(step.frames) and not self.is_hidden(step))
        if step.question is not None and self.is_hidden(step):
            self.heading.setText(self.tr("Question"))
            self.body.setText(step.question.question)
            self.reveal_button.show()
            self.known.show_state(rp.steps[self.index - 1].state if self.index else None)
            return
        self.reveal_button.hide()
        when = format_local(step.at, rp.tz, "%Y-%m-%d %H:%M")
        kind = self.tr("Outcome") if step.kind == replay.OUTCOME else event_kind_label(step.kind)
        title = f"{kind}：{step.title}" if step.title and step.title != kind else kind
        self.heading.setText(f"{when}  {title}")
        parts = [step.detail] if step.detail else []
        if step.location:
            parts.append(self.tr("Place: {place}").format(place=step.location))
        if step.basis:
            parts.append(self.tr("Rests on: {items}").format(items="；".join(step.basis)))
        if step.teams:
            parts.append(self.tr("Teams deployed:") + "\n" + "\n".join(
                f"  {t.team}：{t.objective}" for t in step.teams))
        if step.question is not None:
            parts.append(self.tr("Question: {q}\nAnswer: {a}").format(
                q=step.question.question, a=step.question.answer or "—"))
        self.body.setText("\n\n".join(parts))
        self.known.show_state(step.state)
        for frame in step.frames:
            self._show_frame(frame, rp.anonymized)

    # -- frames ---------------------------------------------------------------------------
    def _show_frames(self, shown: bool) -> None:
        self.frames_scroll.setVisible(shown)
        self._filler.setVisible(not shown)

    def _clear_frames(self) -> None:
        for handle in self._frame_tasks:
            handle.cancel()
            for signal in (handle.succeeded, handle.failed):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):  # nothing connected any more
                    pass
        self._frame_tasks.clear()
        while self.frames.count():
            item = self.frames.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show_frame(self, frame: FrameRef, anonymized: bool) -> None:
        label = QLabel(self.tr("Loading frame {i}…").format(i=frame.frame_index))
        caption = QLabel(self.tr("{camera} · frame {i} · {sha}… · {note}").format(
            camera=frame.camera_label, i=frame.frame_index, sha=frame.evidence_sha256[:12],
            note=frame.note))
        caption.setWordWrap(True)
        label.setMinimumHeight(120)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.frames.addWidget(label)
        self.frames.addWidget(caption)
        with unit_of_work(self._ctx.sessions) as s:
            ev = items.get_evidence(s, self._ctx.actor, frame.evidence_id)
            ext, kind = ev.ext, ev.media_kind
        self._ctx.log_view(ev.id, "replay_frame", frame=frame.frame_index)
        handle = run_task(load_frame, self._ctx.paths, frame, ext, kind, anonymized, parent=self)
        handle.succeeded.connect(lambda img, lb=label: isValid(lb) and lb.setPixmap(
            frame_pixmap(img, frame.roi)))
        handle.failed.connect(lambda exc, _tb, lb=label: isValid(lb) and lb.setText(
            self.tr("Cannot show this frame: {error}").format(error=exc)))
        self._frame_tasks.append(handle)

    def is_busy(self) -> bool:
        return any(not h.done for h in self._frame_tasks)

    # -- questions ------------------------------------------------------------------------
    def ask_question(self) -> None:
        rp = self.replay
        step = rp.steps[self.index] if rp else None
        if rp is None or step is None or step.event_id is None:
            return
        case_id, event_id = rp.case_id, step.event_id
        question, ok = QInputDialog.getMultiLineText(
            self, self.tr("Question before this step"),
            self.tr("What should the trainees answer before they see this step?"),
            self.tr("What would you check next?"))
        if not ok or not question.strip():
            return
        answer, _ok = QInputDialog.getMultiLineText(self, self.tr("Expected answer"),
                                                    self.tr("Expected answer (optional):"))
        self._change_questions(lambda s: replay.add_question(
            s, self._ctx.actor, case_id, event_id, question, answer))

    def remove_question(self) -> None:
        step = self.replay.steps[self.index] if self.replay else None
        if step is None or step.question is None:
            return
        question_id = step.question.id
        self._change_questions(
            lambda s: replay.delete_question(s, self._ctx.actor, question_id))

    def _change_questions(self, change: Callable[[Session], object]) -> None:
        """Run ``change(session)`` in one unit of work, then reload the replay at this step."""
        try:
            with unit_of_work(self._ctx.sessions) as s:
                change(s)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Replay"), str(exc))
            return
        index = self.index
        if self.replay is not None:
            self.open_case(self.replay.case_id)
        self.go(index)
