"""The investigation around the CCTV (view "investigation"): canvass map, collection deadlines,
tasks, other evidence and the merged timeline of the current case; Tools ▸ Basemap…"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def create_view(window):
    from app.ui.investigation.view import InvestigationView

    return InvestigationView(window.context, window)


def _basemap_dialog(window) -> None:
    from app.ui.investigation.basemap_dialog import BasemapDialog

    if BasemapDialog(window.context.settings, window).exec():
        view = window.view("investigation")
        if view is not None:
            view.reload()


def install(window) -> None:
    window.register_view("investigation", create_view,
                         QCoreApplication.translate("Investigation", "Investigation"))
    action = QAction(QCoreApplication.translate("Investigation", "Basemap…"), window)
    action.setObjectName("action_basemap")
    action.triggered.connect(lambda _checked=False: _basemap_dialog(window))
    window.menu("tools").addAction(action)
