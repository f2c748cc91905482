"""Start-up: --screenshot in a subprocess, languages, database errors, settings, workers."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication

from app.ui import app as ui_app
from app.ui.error_dialogs import ErrorTexts
from app.ui.settings import Settings
from app.ui.workers import TaskCancelled, run_task


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def seeded_dir(tmp_path, demo_db_template):
    """A data dir holding a copy of the demo-seeded database."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(demo_db_template, data / "casedesk.sqlite3")
    return data


@pytest.fixture
def in_process(qapp, monkeypatch):
    """Let ``app.ui.app.run`` run inside the test process, then undo its global changes."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield
    ui_app.install_translators(qapp, "en")


def test_screenshot_flag_renders_png_in_a_subprocess(tmp_path, seeded_dir):
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(seeded_dir), "--settings",
         str(tmp_path / "ui.ini"), "--screenshot", str(out)],
        capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 20_000
    assert _png_size(out) == (1600, 1000)


def test_demo_flag_seeds_and_renders(tmp_path, seeded_dir, monkeypatch, in_process):
    import app.demo

    monkeypatch.setattr(app.demo, "DEMO_STEPS", ["app.demo.cases"])  # footage: own tests
    out = tmp_path / "demo.png"
    code = ui_app.run(["--demo", "--data-dir", str(seeded_dir), "--settings",
                       str(tmp_path / "ui.ini"), "--screenshot", str(out), "--size", "1280x800"])
    assert code == 0
    assert _png_size(out) == (1280, 800)
    assert Settings(tmp_path / "ui.ini").last_case_id() is not None  # Case A was selected


def test_unknown_view_is_refused_for_screenshots(tmp_path, seeded_dir, in_process):
    code = ui_app.run(["--data-dir", str(seeded_dir), "--settings", str(tmp_path / "ui.ini"),
                       "--screenshot", str(tmp_path / "x.png"), "--view", "nonsense"])
    assert code == 2 and not (tmp_path / "x.png").exists()
    with pytest.raises(SystemExit) as bad_size:  # argparse: plain message, exit code 2
        ui_app.build_parser().parse_args(["--screenshot", "x.png", "--size", "big"])
    assert bad_size.value.code == 2


def test_english_and_chinese_translations(qapp):
    ui_app.install_translators(qapp, "zh_CN")
    from app.ui.widgets.enum_labels import status_label

    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert status_label("solved") == "已破案"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own
    ui_app.install_translators(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert status_label("solved") == "Solved"


def test_corrupt_database_gives_a_dialog_not_a_traceback(tmp_path, monkeypatch, in_process):
    data = tmp_path / "data"
    data.mkdir()
    (data / "casedesk.sqlite3").write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(ui_app, "show_database_error", lambda exc, *_a: shown.append(exc))
    code = ui_app.run(["--data-dir", str(data), "--settings", str(tmp_path / "ui.ini")])
    assert code == 2
    assert shown and shown[0].code == "corrupt" and "损坏" in str(shown[0])
    assert "备份" in ErrorTexts().database_advice("corrupt")
    assert (data / "casedesk.sqlite3").read_bytes().startswith(b"this is not")  # untouched


def test_settings_typed_getters_survive_damage(tmp_path):
    path = tmp_path / "s.ini"
    settings = Settings(path)
    assert settings.language() == "zh_CN" and settings.last_case_id() is None
    settings.set_language("en")
    settings.set_last_case_id(42)
    settings.set_window_geometry(QByteArray(b"\x01\x02"))
    settings.sync()
    again = Settings(path)
    assert again.language() == "en" and again.last_case_id() == 42
    assert bytes(again.window_geometry()) == b"\x01\x02"
    again.set_value("ui/language", "klingon")
    again.set_value("cases/last_case_id", "not a number")
    assert again.language() == "zh_CN" and again.last_case_id() is None
    with pytest.raises(ValueError):
        again.set_language("fr")


def test_worker_reports_progress_result_and_errors(qapp, qtbot):
    seen = []

    def work(ctx, n):
        for i in range(n):
            ctx.check_cancelled()
            ctx.report(i + 1, n, f"step {i}")
        return threading.current_thread() is not threading.main_thread()

    handle = run_task(work, 5)
    handle.progressed.connect(lambda d, t, _x: seen.append((d, t)))
    with qtbot.waitSignal(handle.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [True]  # ran off the GUI thread
    qtbot.waitUntil(lambda: (5, 5) in seen, timeout=2000)

    def boom(_ctx):
        raise ValueError("坏输入")

    failing = run_task(boom)
    with qtbot.waitSignal(failing.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError) and "boom" in blocker.args[1]


def test_worker_cancel(qapp, qtbot):
    started = threading.Event()
    release = threading.Event()

    def slow(ctx):
        started.set()
        release.wait(5)
        ctx.check_cancelled()
        return "finished anyway"

    handle = run_task(slow)
    assert started.wait(5)
    handle.cancel()
    release.set()
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        pass
    assert handle.was_cancelled and handle.result is None
    assert issubclass(TaskCancelled, Exception)


def test_uncaught_exception_is_logged_and_shown(qapp, monkeypatch, caplog):
    from app.services.common.errors import WorkflowError
    from app.ui import error_dialogs

    shown = []
    monkeypatch.setattr(error_dialogs, "show_unexpected_error", lambda exc, *_a: shown.append(exc))
    monkeypatch.setattr(error_dialogs, "show_service_error", lambda exc, *_a: shown.append(exc))
    try:
        raise KeyError("kaputt")
    except KeyError as exc:
        error_dialogs._excepthook(type(exc), exc, exc.__traceback__)
    assert isinstance(shown[-1], KeyError)
    assert "kaputt" in caplog.text and "Traceback" in caplog.text
    refused = WorkflowError("已结案的案件不能再变更状态。")
    error_dialogs._excepthook(WorkflowError, refused, None)
    assert shown[-1] is refused  # a plain-words refusal, not "unexpected"
    assert ErrorTexts().service_title(refused) == ErrorTexts().tr("Status change refused")


def test_database_from_a_newer_version_is_refused_plainly(tmp_path, seeded_dir, monkeypatch,
                                                          in_process):
    import sqlite3

    db = seeded_dir / "casedesk.sqlite3"
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    shown = []
    monkeypatch.setattr(ui_app, "show_database_error", lambda exc, *_a: shown.append(exc))
    code = ui_app.run(["--data-dir", str(seeded_dir), "--settings", str(tmp_path / "ui.ini")])
    assert code == 2 and shown[0].code == "newer_schema"
    assert "升级" in str(shown[0])
    assert "未作任何改动" in ErrorTexts().database_advice("newer_schema")  # run() chose zh_CN
    with sqlite3.connect(db) as con:  # untouched
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            "9999_from_the_future"
