"""Statistics view and PDF export dialog (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from app.reports.case_data import CaseHeading
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import SYSTEM
from app.ui.reports.charts import sparse_labels
from app.ui.settings import Settings
from tests.reports.test_pdf_export import pdf_text
from tests.reports.test_stats import squad_db  # noqa: F401 - fixture


@pytest.fixture
def context(paths, session_factory, tmp_path, zh):
    return SimpleNamespace(paths=paths, sessions=session_factory, actor=SYSTEM,
                           settings=Settings(tmp_path / "ui.ini"), tz=DEFAULT_TZ)


@pytest.fixture
def zh(qapp):
    from app.ui.app import install_translators

    install_translators(qapp, "zh_CN")
    yield qapp
    install_translators(qapp, "en")


def test_stats_view_shows_hand_computed_figures_and_exports(qtbot, context, squad_db,  # noqa: F811
                                                            tmp_path):
    from app.ui.reports.stats_view import StatsView

    view = StatsView(SimpleNamespace(context=context))
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.date_from.setDate(QDate(2023, 1, 1))
    view.date_to.setDate(QDate(2023, 3, 31))
    view.squad.setCurrentIndex(view.squad.findData(squad_db["squad"]))
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        view.refresh()
    assert view.cards["cohort_rate"].text() == "66.7%"
    assert view.cards["period_rate"].text() == "100.0%"
    assert view.cards["median_hours_to_solve"].text() == "684.0"
    officers = view.models["officers"]
    assert officers.rowCount() == 2 and officers.headerData(0, Qt.Orientation.Horizontal) == "民警"
    assert sum(map(sum, view.heatmap.values())) == 3
    assert view.tabs.tabText(0) == "总览" and view.refresh_button.text() == "刷新"
    view.grab().save(str(tmp_path / "stats.png"))

    out = tmp_path / "s.xlsx"
    handle = view.export_xlsx(out)
    assert handle.wait()
    assert "民警个人统计" in pd.read_excel(out, sheet_name=None)

    view.officer.setCurrentIndex(view.officer.findData(squad_db["b"]))
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        view.refresh()
    assert view.cards["cases"].text() == "1" and view.cards["callouts"].text() == "2"


def test_frame_model_formats_rates_and_sorts(qtbot):
    from PySide6.QtCore import Qt

    from app.ui.reports.frame_model import DataFrameModel

    model = DataFrameModel(pd.DataFrame({"民警": ["甲", "乙"], "破案率": [0.5, None],
                                         "出警数": [3, 10]}))
    assert model.data(model.index(0, 1)) == "50.0%" and model.data(model.index(1, 1)) == "—"
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "乙"


def test_long_month_axes_keep_a_dozen_unique_labels():
    labels = [f"2020-{m:02d}" for m in range(1, 13)] * 5
    shown = sparse_labels([f"{i}" for i in range(60)])
    assert len(set(shown)) == 60 and sum(1 for s in shown if s.strip("\u200b")) == 12
    assert sparse_labels(labels[:10]) == labels[:10]


def test_pdf_dialog_exports_in_background(qtbot, context, case_a, tmp_path):
    from app.ui.reports.pdf_dialog import PdfExportDialog

    dialog = PdfExportDialog(context, CaseHeading(case_a["case_id"], case_a["case_no"], "天桥街"))
    qtbot.addWidget(dialog)
    dialog.section_boxes["evidence"].setChecked(False)
    dialog.anonymize.setChecked(True)
    dialog.output.setText(str(tmp_path / "dlg.pdf"))
    assert dialog.options().sections[-1] == "routes" and dialog.options().anonymize
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.start()
        assert not dialog.export_button.isEnabled()   # inputs locked while running
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    text = pdf_text(tmp_path / "dlg.pdf")
    assert "脱敏版" in text and "周某某" not in text and "证据清单" not in text
    assert dialog.pdf.pages >= 3 and "已保存" in dialog.status.text()
    assert dialog.open_button.isVisibleTo(dialog)
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_pdf_dialog_reports_bad_output_in_words(qtbot, context, case_a, tmp_path):
    from app.ui.reports.pdf_dialog import PdfExportDialog

    dialog = PdfExportDialog(context, CaseHeading(case_a["case_id"], case_a["case_no"], "天桥街"))
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "missing" / "x.pdf"))
    handle = dialog.start()
    assert handle.wait()
    qtbot.waitUntil(lambda: "所在文件夹不存在" in dialog.status.text())
    assert dialog.pdf is None and dialog.export_button.isEnabled()


def test_callout_log_records_lists_and_refuses_bad_input(qtbot, context, squad_db,  # noqa: F811
                                                         monkeypatch, tmp_path):
    from PySide6.QtCore import QDateTime

    from app.ui.reports.callout_dialog import CallOutDialog
    from app.ui.reports.callout_view import CallOutLogView

    view = CallOutLogView(SimpleNamespace(context=context))
    qtbot.addWidget(view)
    view.resize(1200, 600)
    with qtbot.waitSignal(view.reloaded):
        view.reload()
    assert view.total == 4 and view.model.rowCount() == 4
    assert view.model.data(view.model.index(0, 1)) == "亡人"   # newest first: 2023-06-01

    dialog = CallOutDialog(context, None, view)
    qtbot.addWidget(dialog)
    dialog.when.setDateTime(QDateTime(2024, 1, 2, 7, 30, 0))
    dialog.kind.setCurrentIndex(dialog.kind.findData("injury"))
    dialog.road.setText("天桥街")
    assert not dialog.save()                                   # nobody ticked as attending
    assert "请至少填写一名出警民警" in dialog.error.text()
    dialog.officers.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save() and dialog.saved.road == "天桥街"
    view.kind.setCurrentIndex(view.kind.findData("injury"))   # filter reloads the list
    assert view.total == 2 and view.model.data(view.model.index(0, 0)) == "2024-01-02 07:30"
    view.grab().save(str(tmp_path / "callouts.png"))

    view.table.selectRow(0)
    monkeypatch.setattr("app.ui.reports.callout_view.QMessageBox.question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    assert view.total == 1


def test_callouts_are_typed_listed_and_filtered_on_the_squads_clock(qtbot, context, squad_db):  # noqa: F811
    """A squad in Xinjiang (Asia/Urumqi): 23:30 typed is 23:30 there, listed as 23:30 and found
    under that local day — not under the next day, as on the Beijing clock."""
    from PySide6.QtCore import QDate, QDateTime

    from app.ui.reports.callout_dialog import CallOutDialog
    from app.ui.reports.callout_view import CallOutLogView

    context.tz = "Asia/Urumqi"
    view = CallOutLogView(SimpleNamespace(context=context))
    qtbot.addWidget(view)
    dialog = CallOutDialog(context, None, view)
    qtbot.addWidget(dialog)
    dialog.when.setDateTime(QDateTime(2024, 1, 2, 23, 30, 0))  # 01:30 on 1月3日 in Beijing
    dialog.officers.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    assert dialog.saved.occurred_at == datetime(2024, 1, 2, 17, 30, tzinfo=UTC)
    from app.ui.reports.stats_view import StatsView

    stats = StatsView(SimpleNamespace(context=context))
    qtbot.addWidget(stats)
    assert stats.current_filter().tz == "Asia/Urumqi"           # statistics count its days too
    for edit in (view.date_from, view.date_to):
        edit.setDate(QDate(2024, 1, 2))
    with qtbot.waitSignal(view.reloaded):
        view.reload()
    assert view.total == 1 and view.model.data(view.model.index(0, 0)) == "2024-01-02 23:30"
