"""Reports in the GUI: the statistics view and the case-summary PDF dialog.

:func:`install` registers the "stats" and "callouts" views and adds File ▸ Export case summary (PDF)… which
exports the case last selected in the case list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.services.common.errors import ServiceError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def open_pdf_dialog(window) -> None:
    """File ▸ Export case summary (PDF)…, for the case selected in the case list."""
    from app.reports.case_data import case_heading
    from app.ui.reports.pdf_dialog import PdfExportDialog

    ctx = window.context
    case_id = ctx.settings.last_case_id()
    if case_id is None:
        QMessageBox.information(window, _tr("Export case summary (PDF)"),
                                _tr("Select a case in the case list first."))
        return
    try:
        with ctx.sessions() as s:
            heading = case_heading(s, ctx.actor, case_id)
    except ServiceError as exc:
        QMessageBox.warning(window, _tr("Export case summary (PDF)"), str(exc))
        return
    PdfExportDialog(ctx, heading, window).exec()


def install(window) -> None:
    from app.ui.reports.callout_view import CallOutLogView
    from app.ui.reports.stats_view import StatsView

    window.register_view("stats", StatsView, _tr("Statistics"))
    window.register_view("callouts", CallOutLogView, _tr("Call-out log"))
    action = QAction(_tr("Export case summary (PDF)…"), window)
    action.setObjectName("action_export_pdf")
    action.setShortcut("Ctrl+Shift+P")
    action.triggered.connect(lambda _checked=False: open_pdf_dialog(window))
    window.add_file_action(action)
