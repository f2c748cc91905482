"""UI fixtures: a copy of a demo-seeded database per test, settings in a temp ini, the window."""

from __future__ import annotations

import shutil

import pytest

from app.config import resolve_paths
from app.models.db import open_database
from app.services.common.context import SYSTEM
from app.ui.settings import Settings
from tests.demo_data import demo_template


@pytest.fixture(scope="session")
def demo_db_template():
    """The demo's case-file step (Case A, Case B, ~50 more), seeded once per machine and code
    version (``tests.demo_data``); tests copy it."""
    return demo_template("cases") / "casedesk.sqlite3"


@pytest.fixture
def demo_db(tmp_path, demo_db_template):
    """(paths, engine, session_factory) over a private copy of the demo database."""
    paths = resolve_paths(tmp_path / "data").ensure()
    shutil.copy(demo_db_template, paths.db_path)
    engine, factory = open_database(paths.db_url)
    yield paths, engine, factory
    engine.dispose()


@pytest.fixture
def ui_settings(tmp_path) -> Settings:
    return Settings(tmp_path / "casedesk.ini")


@pytest.fixture
def main_window(qtbot, zh_ui, demo_db, ui_settings):
    """The main window on the demo data, cases view shown, list loaded, Case A selected."""
    from app.demo import CASE_A_NO
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    paths, engine, factory = demo_db
    context = AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                         settings=ui_settings, initial_case_no=CASE_A_NO)
    window = MainWindow(context)
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.is_busy() and view.list.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: view.editor.detail is not None, timeout=5000)
    yield window
    view.editor.facts.load(None)  # no unsaved-changes question on teardown
    window.close()
    window.deleteLater()
    qtbot.wait(10)


@pytest.fixture
def zh_ui(qapp):
    """CaseDesk's Chinese translators installed for the test (removed afterwards)."""
    from app.ui.app import install_translators

    install_translators(qapp, "zh_CN")
    yield qapp
    install_translators(qapp, "en")


@pytest.fixture(autouse=True)
def _no_modal_message_boxes(request, monkeypatch):
    """In this package's case tests a message box would block forever: fail loudly instead."""
    if "main_window" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args, **_kw):
        texts = [a for a in args if isinstance(a, str)]
        box = args[0] if args and isinstance(args[0], QMessageBox) else None
        if box is not None:
            texts += [box.text(), box.informativeText()]
        raise AssertionError(f"unexpected message box: {texts}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    yield
