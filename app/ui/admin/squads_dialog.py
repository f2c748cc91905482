"""Squads (admin): list, add and edit a squad — its case-number code, name and time zone (the
zone of its new cases and of its views over many cases)."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.models.db import unit_of_work
from app.services.common.clock import DEFAULT_TZ
from app.services.common.errors import ServiceError, ValidationError
from app.services.org import officers
from app.services.org.dto import SquadDTO, SquadInput
from app.ui.widgets.dialog_parts import accept_cancel_buttons, error_label

# Offered first; any IANA name can be typed (the service checks it).
CHINA_ZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")


class SquadEditDialog(QDialog):
    """Code, name and zone of one squad; OK saves through the org service (errors inline)."""

    def __init__(self, parent, context, squad: SquadDTO | None = None):
        super().__init__(parent)
        self.setObjectName("SquadEditDialog")
        self.setWindowTitle(self.tr("Edit squad") if squad else self.tr("Add squad"))
        self._ctx, self.squad = context, squad
        self.saved: SquadDTO | None = None
        form = QFormLayout(self)
        self.code = QLineEdit(squad.code if squad else "", self)
        self.code.setPlaceholderText(self.tr("e.g. 石峰 (starts every case number)"))
        self.name = QLineEdit(squad.name if squad else "", self)
        self.tz = QComboBox(self)
        self.tz.setEditable(True)
        others = sorted(available_timezones() - set(CHINA_ZONES))
        self.tz.addItems([*CHINA_ZONES, *others])
        completer = QCompleter(self.tz.model(), self.tz)  # "urumqi" finds Asia/Urumqi
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tz.setCompleter(completer)
        self.tz.setCurrentText(squad.tz if squad else DEFAULT_TZ)
        form.addRow(self.tr("Squad code:"), self.code)
        form.addRow(self.tr("Squad name:"), self.name)
        form.addRow(self.tr("Time zone:"), self.tz)
        hint = QLabel(self.tr("New cases of the squad take this zone; the case list, call-out "
                              "log and new case numbers use it from the next sign-in."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.error = error_label(self)
        form.addRow(self.error)
        form.addRow(accept_cancel_buttons(self, self.save))

    def value(self) -> SquadInput:
        return SquadInput(self.code.text(), self.name.text(), self.tz.currentText())

    def save(self) -> bool:
        ctx = self._ctx
        try:
            with unit_of_work(ctx.sessions) as s:
                if self.squad is None:
                    self.saved = officers.create_squad(s, ctx.actor, self.value())
                else:
                    self.saved = officers.update_squad(s, ctx.actor, self.squad.id, self.value(),
                                                       expected_version=self.squad.version)
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            self.error.show()
            return False
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.accept()
        return True


class SquadsDialog(QDialog):
    """All squads with their zones; Add… / Edit… (administrators)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("SquadsDialog")
        self._ctx = window.context
        self.setWindowTitle(self.tr("Squads"))
        self.resize(640, 320)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Squad code"), self.tr("Squad name"),
                                              self.tr("Time zone"), self.tr("Officers")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Edit…"), self.edit)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.squads: list[SquadDTO] = []
        self.reload()

    def reload(self) -> None:
        with self._ctx.sessions() as s:
            self.squads = officers.list_squads(s, self._ctx.actor)
        self.table.setRowCount(len(self.squads))
        for r, q in enumerate(self.squads):
            for c, text in enumerate((q.code, q.name, q.tz, str(q.officer_count))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected(self) -> SquadDTO | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.squads[rows.pop()] if len(rows) == 1 else None

    def edit_dialog(self, squad: SquadDTO | None) -> SquadEditDialog:
        dialog = SquadEditDialog(self, self._ctx, squad)
        dialog.accepted.connect(self.reload)
        return dialog

    def add(self) -> None:
        self.edit_dialog(None).exec()

    def edit(self) -> None:
        squad = self.selected()
        if squad is not None:
            self.edit_dialog(squad).exec()
