"""Someone else saved first: a three-way merge of their change and mine.

:func:`resolve_conflict` is what editors call on a ConflictError: it reloads the record as the
other workstation saved it, compares base (as loaded) / mine (the form) / theirs and, when they
changed anything, shows :class:`ConflictDialog`: every changed field side by side, fields only
one side changed merged automatically, fields both changed differently picked per field (mine
by default, marked so). Buttons: merge and save (against their current version), overwrite
with mine, discard mine and reload, cancel. The caller saves the returned data with the
returned version; a further conflict (a third edit) simply repeats the round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.clock import DEFAULT_TZ
from app.services.common.errors import ConflictError, NotFoundError
from app.ui.error_dialogs import report_error
from app.ui.widgets.enum_labels import field_label, local_time
from app.ui.widgets.form import FieldSpec
from app.ui.widgets.merge_plan import MINE, THEIRS, MergePlan, Source, plan_merge

_ROW_BG = {Source.CONFLICT: "#fde68a", Source.MINE: "#dcfce7", Source.THEIRS: "#dbeafe",
           Source.SAME: "#f3f4f6"}
_ELIDE = 60


class ConflictChoice(Enum):
    MERGE = "merge"           # save the merged record against their version
    OVERWRITE = "overwrite"   # save all my values over theirs
    RELOAD = "reload"         # discard mine, load theirs
    CANCEL = "cancel"         # keep editing, nothing saved


class ValueText(QObject):
    """Field labels and values as the form shows them (choice labels, local times, yes/no)."""

    def __init__(self, specs: Sequence[FieldSpec] = (), tz: str = DEFAULT_TZ):
        super().__init__()
        self.specs = {s.name: s for s in specs}
        self.tz = tz

    def label(self, name: str) -> str:
        spec = self.specs.get(name)
        return spec.label if spec is not None else field_label(name)

    def value(self, name: str, value: object) -> str:
        if value is None or value == "" or value == () or value == []:
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, datetime):
            return local_time(value, self.tz)
        spec = self.specs.get(name)
        if spec is not None and spec.choices:
            labels = dict(spec.choices)
            if isinstance(value, tuple | list):
                return "、".join(labels.get(v, str(v)) for v in value)
            return labels.get(value, str(value))
        if isinstance(value, float):
            return f"{value:.6f}".rstrip("0").rstrip(".")
        return str(value)


def _common_prefix(texts: Sequence[str]) -> int:
    n = 0
    for chars in zip(*texts, strict=False):
        if len(set(chars)) > 1:
            break
        n += 1
    return n


def _excerpt(text: str, start: int = 0) -> str:
    """One line of at most _ELIDE characters, beginning near ``start`` (where the versions
    differ), so a long narrative shows its changed part rather than the same opening."""
    lead = max(0, start - 4) if len(text) > _ELIDE else 0
    line = text[lead:].replace("\n", " ⏎ ")
    return ("…" if lead else "") + (line if len(line) <= _ELIDE else line[:_ELIDE] + "…")


class ConflictDialog(QDialog):
    """Field | before | mine | theirs | saved; conflicting rows carry mine/theirs radio buttons."""

    def __init__(self, plan: MergePlan, message: str, texts: ValueText | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else — merge"))
        self.plan, self.texts = plan, texts or ValueText()
        self.choice = ConflictChoice.CANCEL
        self._groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        head = QLabel(message, self)
        head.setWordWrap(True)
        layout.addWidget(head)
        summary = QLabel(self._summary(), self)
        summary.setObjectName("conflict_summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(self._build_table(), 2)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("conflict_details")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(150)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.details, 1)
        legend = QLabel(self.tr("Green: only you changed it (yours is kept) · blue: only the other "
                                "person changed it (theirs is taken) · yellow: both changed it "
                                "differently — pick one."), self)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #4b5563;")
        layout.addWidget(legend)
        layout.addLayout(self._build_buttons())
        self.table.currentCellChanged.connect(lambda row, *_a: self._show_details(row))
        if plan.rows:
            first = plan.rows.index(plan.conflicts[0]) if plan.conflicts else 0
            self.table.setCurrentCell(first, 0)
        self.resize(900, min(400 + 34 * len(plan.rows), 720))

    # -- building --------------------------------------------------------------------------
    def _summary(self) -> str:
        n = len(self.plan.conflicts)
        if n:
            return self.tr("{n} field(s) were changed by both of you to different values: choose "
                           "per field which to keep (yours is preselected). Fields only one of "
                           "you changed are merged automatically.").format(n=n)
        return self.tr("You changed different fields: merging keeps your changes and theirs.")

    def _build_table(self) -> QTableWidget:
        rows = self.plan.rows
        table = self.table = QTableWidget(len(rows), 5, self)
        table.setObjectName("conflict_table")
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("Mine"),
                                         self.tr("Theirs"), self.tr("Will be saved")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # keeps row colours
        table.setToolTip(self.tr("Select a row to read the full values below."))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        for i, r in enumerate(rows):
            texts = [self.texts.label(r.name)] + [self.texts.value(r.name, v)
                                                  for v in (r.base, r.mine, r.theirs)]
            start = _common_prefix(texts[1:])
            for col, text in enumerate(texts):
                item = QTableWidgetItem(_excerpt(text, start if col else 0))
                item.setToolTip(text)
                item.setBackground(QBrush(QColor(_ROW_BG[r.source])))
                table.setItem(i, col, item)
            result = QTableWidgetItem()
            result.setBackground(QBrush(QColor(_ROW_BG[r.source])))
            table.setItem(i, 4, result)
            if r.source is Source.CONFLICT:
                self._add_pick(table, i, r.name, texts[2], texts[3], start)
            self._show_result(i, r.name)
        return table

    def _add_pick(self, table: QTableWidget, row: int, name: str, mine: str, theirs: str,
                  start: int) -> None:
        group = QButtonGroup(self)
        for col, (key, text) in ((2, (MINE, mine)), (3, (THEIRS, theirs))):
            button = QRadioButton(_excerpt(text, start), table)
            button.setObjectName(f"pick_{name}_{key}")
            button.setToolTip(text)
            button.setStyleSheet(f"background: {_ROW_BG[Source.CONFLICT]}; padding-left: 4px;")
            group.addButton(button)
            cell = table.item(row, col)
            if cell is not None:
                cell.setText("")
            table.setCellWidget(row, col, button)
            button.setProperty("pick", key)
        group.buttons()[0].setChecked(True)
        group.buttonToggled.connect(lambda *_a, r=row, n=name: self._show_result(r, n))
        self._groups[name] = group

    def _show_result(self, row: int, name: str) -> None:
        source = self.plan.row(name).source
        if source is Source.CONFLICT:
            pick = self.picks()[name]
            text = self.tr("mine (default)") if pick == MINE else self.tr("theirs (your pick)")
        else:
            text = {Source.MINE: self.tr("mine"), Source.THEIRS: self.tr("theirs"),
                    Source.SAME: self.tr("same on both")}[source]
        item = self.table.item(row, 4)
        if item is None:
            return
        item.setText(text)
        font = QFont(item.font())
        font.setBold(source is Source.CONFLICT)
        item.setFont(font)

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.plan.rows):
            return
        r = self.plan.rows[row]
        parts = [(self.tr("Before"), r.base), (self.tr("Mine"), r.mine),
                 (self.tr("Theirs"), r.theirs)]
        self.details.setPlainText(f"【{self.texts.label(r.name)}】\n" + "\n\n".join(
            f"{title}：{self.texts.value(r.name, value)}" for title, value in parts))

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        specs = (
            ("merge_button", self.tr("Merge and save"), ConflictChoice.MERGE,
             self.tr("Save their changes together with yours, using your pick where both "
                     "changed the same field.")),
            ("overwrite_button", self.tr("Overwrite with mine"), ConflictChoice.OVERWRITE,
             self.tr("Save all your values; changes the other person made to these fields are "
                     "replaced (they stay in the history).")),
            ("reload_button", self.tr("Discard mine and reload"), ConflictChoice.RELOAD,
             self.tr("Drop your unsaved changes and show the case as now saved.")),
            ("cancel_button", self.tr("Cancel"), ConflictChoice.CANCEL,
             self.tr("Nothing is saved; keep editing.")),
        )
        for name, text, choice, tip in specs:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, ch=choice: self.choose(ch))
            button.setDefault(choice is ConflictChoice.MERGE)
            row.addWidget(button)
        return row

    # -- the outcome -----------------------------------------------------------------------
    def pick(self, name: str, side: str) -> None:
        """Choose ``"mine"`` or ``"theirs"`` for a conflicting field (as clicking does)."""
        for button in self._groups[name].buttons():
            if button.property("pick") == side:
                button.setChecked(True)

    def picks(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, group in self._groups.items():
            button = group.checkedButton()  # one is always checked (the first, by default)
            out[name] = button.property("pick") if button is not None else MINE
        return out

    def data(self) -> Any:
        """What to save for the current choice (None for reload / cancel)."""
        if self.choice is ConflictChoice.MERGE:
            return self.plan.result(self.picks())
        if self.choice is ConflictChoice.OVERWRITE:
            return self.plan.overwrite()
        return None

    def choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.reject() if choice is ConflictChoice.CANCEL else self.accept()


def run_dialog(dialog: ConflictDialog) -> None:
    """Show the dialog modally (tests replace this to answer it)."""
    dialog.exec()


@dataclass(frozen=True)
class Resolution:
    """What the editor does next: for MERGE / OVERWRITE save ``data`` expecting ``version``."""

    choice: ConflictChoice
    data: Any = None
    version: int | None = None
    theirs: Any = None          # the record as the other workstation saved it


def resolve_conflict(parent: QWidget, exc: ConflictError, base: Any, shown: Any, mine: Any,
                     fetch_theirs: Callable[[], tuple[Any, int]],
                     texts: ValueText | None = None) -> Resolution:
    """Reload theirs, plan the merge, ask the user (see module doc).

    ``fetch_theirs() -> (input dataclass, version)`` raises NotFoundError when the record was
    deleted meanwhile (then the user is told and the editor reloads). When the other edit
    changed none of these fields (e.g. only the status), mine is saved on top without asking.
    """
    try:
        theirs, version = fetch_theirs()
    except NotFoundError as err:
        report_error(err, parent)
        return Resolution(ConflictChoice.RELOAD)
    plan = plan_merge(base, mine, theirs, shown)
    if not plan.theirs_changed:
        return Resolution(ConflictChoice.MERGE, plan.result(), version, theirs)
    dialog = ConflictDialog(plan, str(exc), texts, parent)
    run_dialog(dialog)
    return Resolution(dialog.choice, dialog.data(), version, theirs)
