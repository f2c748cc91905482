"""Old JSON glossaries that merged branches still bring are folded into the ``.ts``/``.po``
catalogues and deleted; running the command again changes nothing."""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pytest

from tools.i18n_build import qt
from tools.i18n_build.layout import Layout
from tools.update_translations import update

BENCH = '''from PySide6.QtWidgets import QWidget


class Bench(QWidget):
    def labels(self):
        return self.tr("Save"), self.tr("Play"), self.tr("Open")
'''
WINDOW = '''from PySide6.QtWidgets import QWidget


class MainWindow(QWidget):
    def labels(self):
        return self.tr("Save"), self.tr("Quit")
'''
CORE = '''from app.i18n import _


def done(n):
    return _("Saved"), _("Imported {n} files", n=n)
'''


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _glossary(layout: Layout, kind: str, topic: str, words: dict[str, str],
              folder: Path | None = None) -> None:
    base = folder or layout.glossaries
    _write(base / f"{kind}_zh_CN" / f"{topic}.json", json.dumps(words, ensure_ascii=False))


def _gui(layout: Layout) -> dict[tuple[str, str, str], str | None]:
    """{(topic, context, source): Chinese or None}."""
    return {(ts.stem, c, m.findtext("source", "")):
            (m.findtext("translation") if qt.is_finished(m) else None)
            for ts in layout.ts_files() for c, m in qt.messages(ts)}


def _core(layout: Layout) -> gettext.GNUTranslations:
    with layout.mo.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def _snapshot(layout: Layout) -> dict[str, bytes]:
    return {str(p.relative_to(layout.root)): p.read_bytes()
            for folder in (layout.sources, layout.compiled) for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def tree(tmp_path) -> Layout:
    layout = Layout(root=tmp_path)
    _write(tmp_path / "app/ui/review/bench.py", BENCH)
    _write(tmp_path / "app/ui/main_window.py", WINDOW)
    _write(tmp_path / "app/services/evidence/importer.py", CORE)
    _glossary(layout, "ui", "main", {"Save": "保存", "Quit": "退出", "Open": "打开"})
    _glossary(layout, "ui", "review", {"Save": "存储", "Play": "播放", "Gone": "旧词"})
    _glossary(layout, "core", "trust", {"Saved": "已保存", "Imported {n} files": "已导入 {n} 个文件"})
    # the even older top-level folder: moved first, the package's entry wins a clash
    _glossary(layout, "ui", "main", {"Quit": "退出程序"}, folder=layout.legacy_glossaries)
    return layout


def test_first_fold_converts_the_glossaries(tree):
    result = update(tree)
    assert result.complete
    assert _gui(tree) == {
        ("review", "Bench", "Save"): "存储", ("review", "Bench", "Play"): "播放",
        ("review", "Bench", "Open"): "打开",  # from main, as the glossary lookup had it
        ("main", "MainWindow", "Save"): "保存", ("main", "MainWindow", "Quit"): "退出"}
    assert [p.name for p in tree.po_files()] == ["trust.po"]  # the glossary's topic
    assert _core(tree).gettext("Imported {n} files") == "已导入 {n} 个文件"
    assert not list(tree.glossaries.rglob("*.json"))
    assert not list(tree.legacy_glossaries.rglob("*.json"))
    assert any("'Gone'" in note for note in result.notes)  # reported, not silently lost
    assert tree.qm.stat().st_size > 100

    before = _snapshot(tree)
    again = update(tree)
    assert again.complete and again.folded == [] and _snapshot(tree) == before


def test_a_later_branch_folds_without_undoing_topic_choices(tree):
    update(tree)
    # a branch merged later: new strings with their Chinese, plus untouched copies of old
    # entries (main's "Save"/"Play" must not overwrite review's own choice) and one correction
    _write(tree.root / "app/ui/review/bench.py",
           BENCH.replace('self.tr("Open")', 'self.tr("Open"), self.tr("Pause")'))
    _glossary(tree, "ui", "main", {"Save": "保存", "Play": "放", "Quit": "退出程序"})
    _glossary(tree, "ui", "review", {"Pause": "暂停"})
    _glossary(tree, "core", "trust", {"Imported {n} files": "导入了 {n} 个文件"})
    _glossary(tree, "core", "evidence", {"Saved": "存好了"})
    result = update(tree)
    gui = _gui(tree)
    assert gui[("review", "Bench", "Pause")] == "暂停"
    assert gui[("review", "Bench", "Save")] == "存储" and gui[("review", "Bench", "Play")] == "播放"
    assert gui[("main", "MainWindow", "Quit")] == "退出程序"  # main's own correction
    core = _core(tree)
    assert core.gettext("Imported {n} files") == "导入了 {n} 个文件"
    assert core.gettext("Saved") == "已保存"
    kept = [n for n in result.notes if n.startswith("kept")]
    assert len(kept) == 3 and any("存好了" in n for n in kept)  # Save, Play, Saved
    assert result.folded and not list(tree.glossaries.rglob("*.json"))


def test_untranslated_strings_are_listed(tree):
    update(tree)
    _write(tree.root / "app/ui/main_window.py", WINDOW.replace('"Quit")', '"Quit"), self.tr("New")'))
    _write(tree.root / "app/services/evidence/importer.py", CORE + '\n\nNOTE = _("Fresh")\n')
    result = update(tree)
    assert result.ui_missing == [("main", "MainWindow", "New")]
    assert result.core_missing == [("evidence", "Fresh")]
    assert not result.complete
