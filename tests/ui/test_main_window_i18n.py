"""Translations: every GUI string of the main window and case views has Chinese."""

from __future__ import annotations

import ast
from pathlib import Path

from tools.i18n_build import qt
from tools.i18n_build.layout import Layout

ROOT = Path(__file__).resolve().parents[2]
REPO = Layout()
MINE = [*sorted((ROOT / "app" / "ui").glob("case_*.py")), *sorted(
    (ROOT / "app" / "ui" / "widgets").glob("*.py")),
    *(ROOT / "app" / "ui" / n for n in ("app.py", "main_window.py", "error_dialogs.py",
                                       "settings.py", "workers.py"))]


def _my_classes() -> set[str]:
    names = {"MainWindow", "Workers"}
    for path in MINE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    return names


def test_every_string_of_these_views_has_chinese():
    """(All GUI strings: tests/test_translations.py; this names the views' classes.)"""
    mine = _my_classes()
    found = {c for ts in REPO.ts_files() for c, m in qt.messages(ts) if qt.is_finished(m)}
    missing = [(ts.stem, c, m.findtext("source")) for ts in REPO.ts_files()
               for c, m in qt.messages(ts) if c in mine and not qt.is_finished(m)]
    assert missing == [] and {"MainWindow", "Workers"} <= found


def test_shipped_catalogue_words():
    words = {(c, m.findtext("source")): m.findtext("translation")
             for ts in REPO.ts_files() for c, m in qt.messages(ts)}
    assert words[("MainWindow", "&File")] == "文件(&F)"
    assert "案件名称" in {t for (_c, s), t in words.items() if s == "Case title"}


def test_tr_calls_are_visible_to_lupdate():
    """lupdate sees only literal arguments outside f-strings."""
    bad = []
    for path in MINE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr)
                      for n in ast.walk(f)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"):
                literal = node.args and isinstance(node.args[0], ast.Constant)
                if id(node) in in_fstring or not literal:
                    bad.append(f"{path.name}:{node.lineno}")
    assert bad == []


def test_qt_file_dialog_speaks_chinese(zh_ui):
    """Qt's catalogue lacks "&Look in:" / "Files of &type:"; ours fills the gap, and Qt's own
    classes never take a CaseDesk word ("Name" of a file is 名称, not a person's 姓名)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    model = dialog.findChildren(QTreeView)[0].model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    dialog.deleteLater()


def test_f1_lists_the_review_bench_keys(main_window):
    html = main_window.shortcuts_html()
    assert "视频研判" in html or "CCTV" not in html
    for key, words in (("J / K / L", "倒放"), ("PgUp / PgDown", "活动片段"), ("M", "标记观察"),
                       ("Ctrl+T", "校正时间"), ("Esc", "同步多画面")):
        assert f"<b>{key}</b>" in html and words in html
    assert html.count("<tr>") >= 25
