"""One translation pipeline: ``.ts`` → ``.qm`` (GUI), ``.po`` → ``.mo`` (core).

Every string of the code has Chinese, the translator-edited sources are current with the code,
and the compiled catalogues (package data) are current with the sources. Fix any failure here
with ``python tools/update_translations.py`` (then translate what it lists).
"""

from __future__ import annotations

import filecmp
import shutil

from app.i18n import _, set_language
from tools.i18n_build import gettext_po, qt
from tools.i18n_build.layout import Layout

REPO = Layout()
FIX = "run `python tools/update_translations.py` and translate what it lists"


def test_every_gui_string_has_chinese_and_the_ts_files_are_current(tmp_path):
    topics = qt.topics(REPO)
    assert sorted(topics) == [p.stem for p in REPO.ts_files()], FIX
    for topic, files in topics.items():
        ts = tmp_path / f"{topic}.ts"
        shutil.copy(REPO.ts_dir / ts.name, ts)
        qt.run_lupdate(REPO, files, ts)
        untranslated = [(c, m.findtext("source")) for c, m in qt.messages(ts)
                        if not qt.is_finished(m)]
        assert untranslated == [], f"{topic}.ts: {FIX}"
        assert filecmp.cmp(ts, REPO.ts_dir / ts.name, shallow=False), f"{topic}.ts: {FIX}"


def test_every_core_message_has_chinese_and_the_po_files_are_current(tmp_path):
    catalogues = gettext_po.read_catalogues(REPO)
    gettext_po.sync(REPO, catalogues)
    assert gettext_po.missing(catalogues) == [], FIX
    fresh = Layout(root=tmp_path)
    gettext_po.write_catalogues(fresh, catalogues)
    assert [p.name for p in fresh.po_files()] == [p.name for p in REPO.po_files()], FIX
    for po in fresh.po_files():
        assert po.read_bytes() == (REPO.po_dir / po.name).read_bytes(), f"{po.name}: {FIX}"


def test_compiled_catalogues_are_current(tmp_path):
    qm = tmp_path / "check.qm"
    qt.compile_qm(REPO, qm)
    assert qm.read_bytes() == REPO.qm.read_bytes(), f"stale {REPO.rel(REPO.qm)}: {FIX}"
    words = gettext_po.translations(gettext_po.read_catalogues(REPO))
    assert len(words) > 800
    assert gettext_po.compiled(REPO.mo) == words, f"stale {REPO.rel(REPO.mo)}: {FIX}"


def test_core_messages_follow_the_language():
    try:
        assert _("nothing new") == "无新增"
        assert _("A comment holds at most {n} characters.", n=5) == "一条意见最多 5 个字。"
        set_language("en")
        assert _("nothing new") == "nothing new"
        assert _("A comment holds at most {n} characters.", n=5) == \
            "A comment holds at most 5 characters."
    finally:
        set_language("zh_CN")


def test_start_up_parses_no_catalogue_source():
    """The GUI loads the compiled .qm only (no .ts XML, no JSON); the core reads the .mo."""
    for module in ("app/ui/app.py", "app/i18n.py"):
        text = (REPO.root / module).read_text(encoding="utf-8")
        assert "ElementTree" not in text and "json" not in text and ".ts" not in text
    shipped = {p.suffix for p in REPO.compiled.rglob("*") if p.is_file()}
    assert shipped == {".qm", ".mo"}


def test_gui_strings_in_an_unknown_context_still_translate(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.app import install_translators

    install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("SomeSubclassOfMainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert QCoreApplication.translate("QNotOurs", "&File") == "&File"  # Qt's own classes
    finally:
        install_translators(qapp, "en")
    assert QCoreApplication.translate("SomeSubclassOfMainWindow", "&File") == "&File"
