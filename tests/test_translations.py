"""One translation pipeline: ``.ts`` → ``.qm`` (GUI), ``.po`` → ``.mo`` (core).

Every string of the code has Chinese, the translator-edited sources are current with the code,
and the compiled catalogues (package data) are current with the sources. Fix any failure here
with ``python tools/update_translations.py`` (then translate what it lists).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.catalog import Catalog

from app.i18n import ANY_CONTEXT, _, set_language
from tools.i18n_build import gettext_po, qt
from tools.i18n_build.layout import Layout

REPO = Layout()
FIX = "run `python tools/update_translations.py` and translate what it lists"


def _ts_content(ts: Path) -> list[tuple[str, str, str | None]]:
    """What a ``.ts`` says (its formatting may vary with the lupdate version)."""
    return [(c, m.findtext("source", ""), m.findtext("translation") if qt.is_finished(m) else None)
            for c, m in qt.messages(ts)]


def _po_content(catalogue: Catalog) -> list[tuple[str, str, list[str], list[str]]]:
    return sorted((m.id, m.string, sorted(m.flags), sorted(f for f, _n in m.locations))
                  for m in catalogue if m.id)


def test_every_gui_string_has_chinese_and_the_ts_files_are_current(tmp_path):
    topics = qt.topics(REPO)
    assert sorted(topics) == [p.stem for p in REPO.ts_files()], FIX
    for topic, files in topics.items():
        ts = tmp_path / f"{topic}.ts"
        shutil.copy(REPO.ts_dir / ts.name, ts)
        qt.run_lupdate(REPO, files, ts)
        fresh = _ts_content(ts)
        assert [m for m in fresh if m[2] is None] == [], f"{topic}.ts: {FIX}"
        assert fresh == _ts_content(REPO.ts_dir / ts.name), f"{topic}.ts: {FIX}"


def test_every_core_message_has_chinese_and_the_po_files_are_current():
    committed = gettext_po.read_catalogues(REPO)
    catalogues = gettext_po.read_catalogues(REPO)
    gettext_po.sync(REPO, catalogues)
    assert gettext_po.missing(catalogues) == [], FIX
    assert sorted(catalogues) == sorted(committed), FIX
    for topic, catalogue in catalogues.items():
        assert _po_content(catalogue) == _po_content(committed[topic]), f"{topic}.po: {FIX}"


def test_compiled_catalogues_are_current(qapp):
    from PySide6.QtCore import QTranslator

    qm = QTranslator()
    assert qm.load(str(REPO.qm))
    stale = []
    for ts in [*REPO.ts_files(), REPO.qt_gaps]:
        for context, source, chinese in _ts_content(ts):
            if qm.translate(context, source) != (chinese or ""):
                stale.append((ts.stem, context, source))
            if ts != REPO.qt_gaps and chinese and not qm.translate(ANY_CONTEXT, source):
                stale.append((ts.stem, ANY_CONTEXT, source))
    assert stale == [], f"stale {REPO.rel(REPO.qm)}: {FIX}"
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
    assert shipped == {".qm", ".mo"}, f"JSON glossaries left over? {FIX}"


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
