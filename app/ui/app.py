"""GUI start-up: QApplication, translators, logging, database, demo seeding, screenshot mode."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import time
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QObject,
    QSize,
    QThreadPool,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.config import APP_NAME, AppPaths, resolve_paths
from app.demo import split_steps
from app.i18n import ANY_CONTEXT, SUPPORTED, set_language
from app.models.db import DatabaseError, open_database
from app.resources import resource_path
from app.services.common.context import SYSTEM, Actor
from app.services.evidence.media import index_dir
from app.services.evidence.store import clean_incoming
from app.ui.context import AppContext
from app.ui.demo_startup import DemoFootage, seed_foreground
from app.ui.error_dialogs import install_excepthook, report_error, show_database_error
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.widgets.enum_labels import clear_cache as clear_label_cache
from app.ui.workers import TaskContext, run_with_progress_dialog
from app.video import set_default_index_dir

log = logging.getLogger("casedesk")
QM_DIR = resource_path("i18n")
DEMO_CASE_NO = "石峰-2023-0117"
DESKTOP_ID = "org.casedesk.CaseDesk"  # packaging/linux/<id>.desktop and .metainfo.xml
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_translators: list[QTranslator] = []


def _window_size(text: str) -> str:
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()
            and 320 <= int(width) <= 10000 and 240 <= int(height) <= 10000):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x1000, got {text!r}")
    return f"{int(width)}x{int(height)}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casedesk", description="CaseDesk 肇事逃逸案件工作台")
    parser.add_argument("--demo", action="store_true",
                        help="seed the demo cases (if not yet) and open Case A")
    parser.add_argument("--data-dir", help="data directory (default: CASEDESK_HOME or per-user dir)")
    parser.add_argument("--db-url", help="database URL (default: SQLite file in the data dir)")
    parser.add_argument("--evidence-dir",
                        help="evidence store (default: CASEDESK_EVIDENCE_DIR or <data>/evidence)")
    parser.add_argument("--lang", choices=list(SUPPORTED), help="user-interface language")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="render the main window to a PNG and exit")
    parser.add_argument("--size", default="1600x1000", type=_window_size,
                        help="window size for --screenshot (WxH, e.g. 1600x1000)")
    parser.add_argument("--view", help="view to open first (cases, review, stats, ...)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)  # explicit ini file (tests)
    return parser


# -- application setup -------------------------------------------------------------------------

def setup_logging(paths: AppPaths) -> None:
    logs = paths.data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    handler = RotatingFileHandler(logs / "casedesk.log", maxBytes=2_000_000, backupCount=3,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class CaseDeskTranslator(QTranslator):
    """The compiled ``.qm`` first; on a miss, the same source text in any context.

    lupdate cannot always tell the runtime context (a ``tr`` inside a helper function, a base
    class method called on a subclass); the ``.qm`` repeats every translation under
    :data:`app.i18n.ANY_CONTEXT` for those (built by ``tools/update_translations.py``, nothing
    parsed at start) — never for Qt's own classes (``QFileSystemModel`` "Name" is a file name,
    not a person's), which go to Qt's catalogue; the words it lacks (the file dialog's
    "&Look in:") are compiled into the ``.qm`` under their Qt context.
    """

    def load_catalogue(self, lang: str) -> bool:
        return self.load(f"casedesk_{lang}", str(QM_DIR))

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if found or (context[:1] == "Q" and context[1:2].isupper()):  # Qt's own class
            return found or None
        # None (a null QString) lets Qt ask the next translator (qtbase for standard buttons)
        return super().translate(ANY_CONTEXT, source, disambiguation, n) or None


def install_translators(app: QCoreApplication, lang: str) -> None:
    """CaseDesk's own ``.qm`` plus Qt's ``qtbase`` (standard buttons); ``en`` needs none."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    set_language(lang)
    clear_label_cache()
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)
    else:
        log.warning("Qt's own translation qtbase_%s not found in %s", lang, qt_dir)
    own = CaseDeskTranslator(app)
    if own.load_catalogue(lang):
        app.installTranslator(own)  # installed last = asked first
        _translators.append(own)
    else:
        log.warning("translation casedesk_%s not found in %s", lang, QM_DIR)
    clear_label_cache()


def _pick_font(app: QApplication) -> None:
    """Prefer a CJK UI font; without any on the system use the shipped WenQuanYi Micro Hei."""
    families = set(QFontDatabase.families())
    preferred = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                 "WenQuanYi Micro Hei", "AR PL UMing CN")
    chosen: str | None = next((f for f in preferred if f in families), None)
    if chosen is None and not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
        chosen = next(iter(QFontDatabase.applicationFontFamilies(font_id)), None)
    if chosen is not None:
        font = QFont(chosen)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)


def app_icon() -> QIcon:
    """CaseDesk's icon at every shipped size (``app/resources/icons``)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"casedesk-{size}.png")), QSize(size, size))
    return icon


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv or [sys.argv[0]]))
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setWindowIcon(app_icon())  # every window, the taskbar and the about box
    app.setDesktopFileName(DESKTOP_ID)  # Wayland/X11 match the window to the .desktop entry
    _pick_font(app)
    return app


# -- background start-up steps ----------------------------------------------------------------

def _open_db(_ctx: TaskContext, url: str):
    return open_database(url)


def _run_blocking(fn, *args, title: str, label: str, parent: QWidget | None = None):
    """Run a start-up step off the GUI thread behind a progress dialog; re-raise its error."""
    handle = run_with_progress_dialog(fn, *args, parent=parent, title=title, label=label,
                                      cancellable=False)
    handle.wait(timeout_ms=600_000)
    if handle.error is not None:
        raise handle.error
    return handle.result


class StartupTexts(QObject):
    """Translatable start-up texts (a QObject gives ``tr`` its context)."""

    def opening(self) -> str:
        return self.tr("Opening the database…")

    def seeding(self) -> str:
        return self.tr("Preparing the demo cases…")


def wait_until_idle(window: MainWindow, timeout_s: float = 20.0) -> None:
    """Process events until the thread pool and the current view are idle (screenshots)."""
    deadline = time.monotonic() + timeout_s
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        view = window.view(window.current_view_name() or "")
        busy = getattr(view, "is_busy", None)
        idle = QThreadPool.globalInstance().activeThreadCount() == 0 and not (
            callable(busy) and busy())
        quiet = quiet + 1 if idle else 0
        time.sleep(0.02)


def save_screenshot(window: MainWindow, path: str | Path, size: str) -> bool:
    width, _, height = _window_size(size).partition("x")
    window.resize(int(width), int(height))
    window.show()
    wait_until_idle(window)
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(target), "PNG")


def run(argv: Sequence[str] | None = None) -> int:
    """``casedesk``: returns the process exit code."""
    t0 = time.monotonic()
    args = build_parser().parse_args(argv)
    if args.screenshot:  # render without showing anything (works with no display)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = resolve_paths(args.data_dir, args.db_url, args.evidence_dir).ensure()
    clean_incoming(paths.evidence_dir)  # .part files of imports that died
    set_default_index_dir(index_dir(paths))  # frame indexes persist: clips reopen instantly
    setup_logging(paths)
    app = create_application([sys.argv[0]])
    settings = Settings(args.settings)
    lang = args.lang or settings.language()
    install_translators(app, lang)
    install_excepthook()
    texts = StartupTexts()
    try:
        engine, sessions = _run_blocking(_open_db, paths.db_url, title="CaseDesk",
                                         label=texts.opening())
    except DatabaseError as exc:
        log.error("database error at start: %s (%s)", exc, exc.code)
        if args.screenshot:
            print(f"{exc.code}: {exc}", file=sys.stderr)
        else:
            show_database_error(exc)
        return 2
    actor: Actor = SYSTEM  # login (app/ui/admin) goes here; skip it for --screenshot runs
    initial_case = None
    if args.demo:  # the case file now, the footage behind the window (app.ui.demo_startup)
        try:
            _run_blocking(seed_foreground, paths, sessions, title="CaseDesk",
                          label=texts.seeding())
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged
            log.exception("demo seeding failed")
            if args.screenshot:
                print(f"demo seeding failed: {exc}", file=sys.stderr)
                return 1
            report_error(exc)
        initial_case = DEMO_CASE_NO
    if not args.screenshot:  # sign-in at start; --demo pre-fills the demo administrator
        from app.ui.admin.login_dialog import demo_prefill, sign_in

        prefill = demo_prefill() if args.demo else {}
        signed_in = sign_in(sessions, username=prefill.get("username", ""),
                            password=prefill.get("password", ""))
        if signed_in is None:
            engine.dispose()
            return 0
        actor = signed_in
    context = AppContext(paths=paths, engine=engine, sessions=sessions, actor=actor,
                         settings=settings, initial_case_no=initial_case,
                         records_access=not args.screenshot)
    footage: DemoFootage | None = None
    while True:
        window = _open_window(args, context)
        if window is None:
            engine.dispose()
            return 2
        if footage is None and args.demo and split_steps()[1]:
            footage = DemoFootage(window, paths, sessions)  # the rest of the demo, behind it
        if args.screenshot:
            if footage is not None and (args.view or "cases") != "cases":  # they show footage
                footage.wait()
            ok = save_screenshot(window, args.screenshot, args.size)
            log.info("startup: window ready after %.1f s (screenshot taken)",
                     time.monotonic() - t0)
            if footage is not None:
                footage.wait()  # leave a complete demo behind
            window.context.settings.sync()
            window.deleteLater()
            engine.dispose()
            return 0 if ok else 1
        window.show()
        log.info("startup: window shown after %.1f s", time.monotonic() - t0)
        code = app.exec()
        if footage is not None:
            footage.stop()
            footage = None
        QThreadPool.globalInstance().waitForDone(5000)  # let background work finish cleanly
        if not getattr(window, "sign_out_requested", False):
            break
        # File ▸ Sign out: back to the sign-in; the next user gets a fresh window
        from app.ui.admin.login_dialog import sign_in

        window.deleteLater()
        next_actor = sign_in(sessions)
        if next_actor is None:
            break
        context = dataclasses.replace(context, actor=next_actor, initial_case_no=None,
                                      tz="")
    engine.dispose()
    return code


def _open_window(args, context: AppContext) -> MainWindow | None:
    """The main window on the asked view (None when a ``--screenshot`` view cannot open)."""
    window = MainWindow(context)
    view = args.view or ("cases" if args.demo or args.screenshot
                         else context.settings.last_view())
    try:
        window.show_view(view)
    except KeyError:
        print(f"unknown view {view!r}; known: {', '.join(window.view_names())}", file=sys.stderr)
        if args.screenshot:
            return None
        window.show_view("cases")
    except Exception as exc:  # noqa: BLE001 - a broken view must not stop the program
        log.exception("view %s failed to open", view)
        if args.screenshot:
            print(f"view {view!r} failed: {exc}", file=sys.stderr)
            return None
        report_error(exc)
        window.show_view("cases")
    return window
