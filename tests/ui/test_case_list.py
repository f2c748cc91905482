"""The case list model and proxy: Qt model contract, filters, search hits, row updates."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.demo import CASE_A_NO, CASE_B_NO
from app.services.context import SYSTEM
from app.ui.case_list_model import (
    CASE_ID_ROLE,
    SORT_ROLE,
    CaseFilterProxy,
    CaseTableModel,
    Column,
)
from app.ui.case_store import CaseStore

ZONE = ZoneInfo("Asia/Shanghai")


def _loaded(demo_db):
    _paths, _engine, factory = demo_db
    store = CaseStore(factory, SYSTEM)
    model = CaseTableModel()
    model.set_cases(store.list_cases().items)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    return store, model, proxy


def _visible(proxy) -> list[str]:
    return [proxy.index(r, Column.CASE_NO).data() for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester, demo_db):
    store, model, proxy = _loaded(demo_db)
    assert model.rowCount() > 50
    qtmodeltester.check(model, force_py=True)
    proxy.set_statuses(["solved", "closed"])
    proxy.sort(Column.OCCURRED, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_display_is_translated_and_sortable(zh_ui, demo_db):
    store, model, proxy = _loaded(demo_db)
    row = model.row_of(store.detail(CASE_A_NO).id)
    assert model.index(row, Column.STATUS).data() == "已破案"
    assert "三轮摩托车" in model.index(row, Column.VEHICLES).data()
    assert model.index(row, Column.OCCURRED).data() == "2023-11-28 06:02"
    assert model.index(row, Column.INQUIRIES).data().endswith("/4")
    proxy.sort(Column.OCCURRED, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, Column.OCCURRED).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)


def test_proxy_filters_status_dates_officer_and_hits(zh_ui, demo_db):
    store, model, proxy = _loaded(demo_db)
    proxy.set_statuses(["closed"])
    shown = _visible(proxy)
    assert CASE_B_NO in shown and CASE_A_NO not in shown
    assert {proxy.index(r, Column.STATUS).data() for r in range(proxy.rowCount())} == {"已结案"}
    proxy.set_statuses([])
    proxy.set_date_range(datetime(2023, 11, 28, tzinfo=ZONE), datetime(2023, 11, 29, tzinfo=ZONE))
    assert CASE_A_NO in _visible(proxy)
    assert all(s.startswith("2023-11-28") for s in
               (proxy.index(r, Column.OCCURRED).data() for r in range(proxy.rowCount())))
    proxy.set_date_range(None, None)
    case_a = store.detail(CASE_A_NO)
    proxy.set_officer(case_a.lead_officer_id)
    assert CASE_A_NO in _visible(proxy)
    assert all(model.case_at(model.row_of(proxy.index(r, 0).data(CASE_ID_ROLE))).lead_officer_id
               == case_a.lead_officer_id for r in range(proxy.rowCount()))
    proxy.set_officer(None)
    proxy.set_matching_ids(store.search_ids("三轮"))
    shown = _visible(proxy)
    assert CASE_A_NO in shown and len(shown) < model.rowCount()
    proxy.set_matching_ids(None)
    assert proxy.rowCount() == model.rowCount()


def test_upsert_and_remove_rows(qapp, demo_db):
    store, model, proxy = _loaded(demo_db)
    summary = store.summary(store.detail(CASE_A_NO).id)
    count = model.rowCount()
    model.upsert_case(dataclasses.replace(summary, title="改过的标题"))
    assert model.rowCount() == count
    assert model.index(model.row_of(summary.id), Column.TITLE).data() == "改过的标题"
    assert model.remove_case(summary.id) and model.rowCount() == count - 1
    assert proxy.row_of(summary.id) is None
    model.upsert_case(summary)
    assert proxy.row_of(summary.id) is not None
    proxy.set_statuses(["closed"])  # rows arriving while a filter is on
    model.upsert_case(dataclasses.replace(summary, id=999_001, status="closed"))
    model.upsert_case(dataclasses.replace(summary, id=999_002, status="solved"))
    assert proxy.row_of(999_001) is not None and proxy.row_of(999_002) is None
    model.sort(Column.CASE_NO, Qt.SortOrder.DescendingOrder)
    numbers = _visible(proxy)
    assert numbers == sorted(numbers, reverse=True)
