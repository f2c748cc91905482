"""The main window: views in a stack, menus other views extend, undo group, status bar.

Views: ``register_view(name, factory, title)`` with ``factory(window) -> QWidget`` (created
lazily on first ``show_view(name)``). A view may define:

- ``undo_stack`` (a ``QUndoStack``): Edit ▸ Undo/Redo act on it while the view is shown;
- ``maybe_close() -> bool``: asked before the window closes (unsaved-change guard);
- ``view_activated()``: called each time the view is shown.

The case chosen in the case list: ``window.current_case_id()`` and the ``case_selected(int)``
signal (-1 = none); views that work on "the current case" (review, PDF export) follow it.

Menus: ``window.menu("file" | "edit" | "view" | "tools" | "help")`` returns the ``QMenu`` to
add actions to. ``window.context`` (:class:`AppContext`) holds paths, the session factory, the
acting user and the settings. Other helpers register their views in :func:`install_views`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QUndoView,
    QWidget,
)

from app import __version__ as APP_VERSION
from app.ui.context import AppContext

ViewFactory = Callable[["MainWindow"], QWidget]


@dataclass
class _ViewEntry:
    name: str
    factory: ViewFactory
    title: str
    action: QAction
    widget: QWidget | None = None


class MainWindow(QMainWindow):
    """CaseDesk's main window."""

    view_changed = Signal(str)
    case_selected = Signal(int)  # the case chosen in the case list (-1: none)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("CaseDesk · Hit-and-Run Case Workbench") + "[*]")
        self.setMinimumSize(1024, 680)
        self._views: dict[str, _ViewEntry] = {}
        self._current: str | None = None
        self._case_id: int | None = context.settings.last_case_id()
        self.undo_group = QUndoGroup(self)
        self._stack = QStackedWidget(self)
        self.setCentralWidget(self._stack)
        self._menus: dict[str, QMenu] = {}
        # view name → (title, function giving (key, what it does) pairs) for Help ▸ Keyboard
        self.key_help: dict[str, tuple[str, Callable[[], list[tuple[str, str]]]]] = {}
        self._view_actions = QActionGroup(self)
        self._build_menus()
        self._build_status_bar()
        install_views(self)
        geometry = context.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("view", self.tr("&View")), ("tools", self.tr("&Tools")),
                           ("help", self.tr("&Help"))):
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{key}")
            self._menus[key] = menu
        self._file_end = self._menus["file"].addSeparator()
        quit_action = self._menus["file"].addAction(self.tr("E&xit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._menus["edit"].addAction(self.undo_action)
        self._menus["edit"].addAction(self.redo_action)
        self._menus["edit"].addSeparator()

        self._build_undo_dock()
        self._build_language_menu()

        about = self._menus["help"].addAction(self.tr("&About CaseDesk"))
        about.triggered.connect(self._show_about)
        shortcuts = self._menus["help"].addAction(self.tr("&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self._show_shortcuts)

    def _build_undo_dock(self) -> None:
        """Edit history (QUndoView over the active view's stack) in a dock, hidden at first."""
        self.undo_dock = QDockWidget(self.tr("Edit history"), self)
        self.undo_dock.setObjectName("undo_dock")
        view = QUndoView(self.undo_group, self.undo_dock)
        view.setEmptyLabel(self.tr("<opened>"))
        self.undo_dock.setWidget(view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        toggle = self.undo_dock.toggleViewAction()
        toggle.setText(self.tr("Edit &history"))
        self._menus["edit"].addAction(toggle)
        self._menus["edit"].addSeparator()

    def _build_language_menu(self) -> None:
        menu = self._menus["view"].addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.context.settings.language()
        for code, name in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        self._menus["view"].addSeparator()

    def _on_language_chosen(self, action: QAction) -> None:
        self.context.settings.set_language(action.data())
        QMessageBox.information(self, self.tr("Language"), self.tr(
            "The new language is used from the next start of CaseDesk."))

    def menu(self, name: str) -> QMenu:
        """The menu ``file``, ``edit``, ``view``, ``tools`` or ``help`` to add actions to."""
        return self._menus[name]

    def add_file_action(self, action: QAction) -> None:
        """Put an action in the File menu above Exit."""
        self._menus["file"].insertAction(self._file_end, action)

    # -- status bar ----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.context.actor
        self._user_label = QLabel(self.tr("User: {name}").format(
            name=actor.display_name or actor.username))
        db = self.context.paths.db_path
        self._db_label = QLabel(self.tr("Database: {path}").format(
            path=str(db) if db else self.context.paths.db_url.split("@")[-1]))
        self._db_label.setToolTip(str(db) if db else "")
        bar.addPermanentWidget(self._user_label)
        bar.addPermanentWidget(self._db_label)

    # -- the current case (shared by the views) -------------------------------------------
    def current_case_id(self) -> int | None:
        """The case selected in the case list (also kept as ``settings.last_case_id()``)."""
        return self._case_id

    def set_current_case(self, case_id: int | None) -> None:
        if case_id != self._case_id:
            self._case_id = case_id
            self.context.settings.set_last_case_id(case_id)
            self.case_selected.emit(case_id if case_id is not None else -1)

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- views ---------------------------------------------------------------------------
    def register_view(self, name: str, factory: ViewFactory, title: str,
                      shortcut: str | None = None) -> QAction:
        """Add a view; returns its View-menu action (checkable)."""
        if name in self._views:
            raise ValueError(f"view {name!r} already registered")
        action = QAction(title, self)
        action.setCheckable(True)
        action.setObjectName(f"view_{name}")
        if shortcut is None and len(self._views) < 9:
            shortcut = f"Ctrl+{len(self._views) + 1}"
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False, n=name: self.show_view(n))
        self._view_actions.addAction(action)
        self._menus["view"].addAction(action)
        self._views[name] = _ViewEntry(name, factory, title, action)
        return action

    def view_names(self) -> list[str]:
        return list(self._views)

    def view(self, name: str) -> QWidget | None:
        """The view's widget if it was created already."""
        entry = self._views.get(name)
        return entry.widget if entry else None

    def current_view_name(self) -> str | None:
        return self._current

    def show_view(self, name: str) -> QWidget:
        """Create (once) and show a view; raises KeyError for an unknown name."""
        entry = self._views[name]
        if entry.widget is None:
            entry.widget = entry.factory(self)
            entry.widget.setObjectName(entry.widget.objectName() or f"view_{name}_widget")
            self._stack.addWidget(entry.widget)
            stack = getattr(entry.widget, "undo_stack", None)
            if stack is not None:
                self.undo_group.addStack(stack)
        self._stack.setCurrentWidget(entry.widget)
        entry.action.setChecked(True)
        stack = getattr(entry.widget, "undo_stack", None)
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]  # None = no stack (Qt allows it)
        self._current = name
        app_title = self.tr("CaseDesk · Hit-and-Run Case Workbench")
        self.setWindowTitle(f"{entry.title}[*] — {app_title}")
        activated = getattr(entry.widget, "view_activated", None)
        if callable(activated):
            activated()
        self.view_changed.emit(name)
        return entry.widget

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for entry in self._views.values():
            guard = getattr(entry.widget, "maybe_close", None)
            if entry.widget is not None and callable(guard) and not guard():
                event.ignore()
                return
        settings = self.context.settings
        settings.set_window_geometry(self.saveGeometry())
        if self._current:
            settings.set_last_view(self._current)
        settings.sync()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("CaseDesk · Hit-and-Run Case Workbench") + "[*]")
        super().changeEvent(event)

    # -- help ----------------------------------------------------------------------------
    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About CaseDesk"), self.tr(
            "<b>CaseDesk {version}</b><br>Hit-and-run case file, CCTV review bench and reports "
            "for traffic-police accident squads.<br><br>Data directory: {data}").format(
                version=APP_VERSION, data=self.context.paths.data_dir))

    def _show_shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          self.shortcuts_html(), QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def shortcuts_html(self) -> str:
        """Every key, the global ones first, then each view's (the review bench's ~30)."""
        rows = [
            ("Ctrl+N", self.tr("New case")), ("Ctrl+S", self.tr("Save the case")),
            ("Ctrl+F", self.tr("Search cases")), ("Ctrl+Z", self.tr("Undo")),
            ("Ctrl+Shift+Z", self.tr("Redo")), ("Del", self.tr("Delete the selected item")),
            ("F5", self.tr("Reload")), ("Ctrl+1…9", self.tr("Switch view")),
            ("Ctrl+PgUp/PgDown", self.tr("Previous/next editor tab")),
        ]
        sections = [(self.tr("Everywhere"), rows)] + [
            (title, keys()) for title, keys in self.key_help.values()]
        html = "".join(f"<h4>{title}</h4><table>" + "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in keys)
            + "</table>" for title, keys in sections)
        return html


def install_views(window: MainWindow) -> None:
    """Every view of the main window, in View-menu order (one line each; imports stay lazy).

    Titles: a literal ``QCoreApplication.translate("Context", "Text")`` (lupdate cannot see
    strings passed through a helper function).
    """
    from app.ui.casefile.view import CaseView

    window.register_view("cases", CaseView, QCoreApplication.translate("MainWindow", "Cases"))
    from app.ui.review import create_review_view

    window.register_view("review", create_review_view,
                         QCoreApplication.translate("MainWindow", "CCTV review"))
    from app.ui.review.shortcuts import key_help as review_keys

    window.key_help["review"] = (QCoreApplication.translate("MainWindow", "CCTV review"),
                                 review_keys)
    from app.ui.reports import install as install_reports  # stats view, File ▸ export PDF

    install_reports(window)
    from app.ui.investigation import install as install_investigation  # canvass map, tasks

    install_investigation(window)
    from app.ui.admin import install as install_admin  # audit, replay, Tools ▸ admin

    install_admin(window)
