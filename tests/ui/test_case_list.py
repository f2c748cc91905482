"""The lazy case list: Qt model contract, SQL sort and filters, page fetching, selection by id."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPersistentModelIndex, Qt
from sqlalchemy.exc import OperationalError

from app.demo import CASE_A_NO, CASE_B_NO
from app.services.casefile import cases as case_services
from app.services.casefile.dto import CaseFilter, CaseInput, ChangeNote
from app.services.casefile.search import WORKFLOW_ORDER
from app.services.common.context import SYSTEM
from app.ui.casefile import list_model as case_list_model
from app.ui.casefile.list_model import CASE_ID_ROLE, SUMMARY_ROLE, CaseTableModel, Column
from app.ui.casefile.list_panel import CaseListPanel
from app.ui.casefile.store import CaseStore

ZONE = ZoneInfo("Asia/Shanghai")


def _model(demo_db, filt: CaseFilter | None = None):
    store = CaseStore(demo_db[2], SYSTEM)
    model = CaseTableModel(store)
    model.set_filter(filt or CaseFilter())
    return store, model


def _numbers(model) -> list[str]:
    return [model.index(r, Column.CASE_NO).data() for r in range(model.rowCount())]


def _panel(qtbot, demo_db) -> CaseListPanel:
    panel = CaseListPanel(CaseStore(demo_db[2], SYSTEM))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.reload()
    return panel


def _retitle(factory, case_id: int, title: str) -> None:
    with factory.begin() as session:
        detail = case_services.get_case(session, SYSTEM, case_id)
        data = case_services.case_input(detail)
        case_services.update_case(session, SYSTEM, case_id,
                                  dataclasses.replace(data, title=title),
                                  expected_version=detail.version,
                                  note=ChangeNote(reason="另一台电脑"))


def test_model_passes_qtmodeltester(qtmodeltester, demo_db):
    _store, model = _model(demo_db)
    assert model.rowCount() > 50
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    model.set_filter(dataclasses.replace(model.filter, statuses=("solved", "closed")))
    qtmodeltester.check(model, force_py=True)


def test_rows_load_a_page_at_a_time(demo_db, monkeypatch):
    monkeypatch.setattr(case_list_model, "PAGE", 10)
    store, model = _model(demo_db)
    assert model.fetches == 0  # the first page came with the ids
    assert model.index(3, Column.TITLE).data()
    assert model.fetches == 0
    assert model.index(model.rowCount() - 1, Column.TITLE).data()  # the last page only
    assert model.fetches == 1
    assert model.index(model.rowCount() - 2, Column.STATUS).data()
    assert model.fetches == 1
    assert model.index(25, Column.CASE_NO).data(CASE_ID_ROLE) == model.case_id(25)  # no fetch
    assert model.fetches == 1
    everything = store.list_cases(model.filter).items
    assert [c.id for c in model.cases()] == [c.id for c in everything]
    assert model.index(30, 0).data(SUMMARY_ROLE) == everything[30]


def test_display_is_translated(zh_ui, demo_db):
    store, model = _model(demo_db)
    row = model.row_of(store.detail(CASE_A_NO).id)
    assert model.index(row, Column.STATUS).data() == "已破案"
    assert "三轮摩托车" in model.index(row, Column.VEHICLES).data()
    assert model.index(row, Column.OCCURRED).data() == "2023-11-28 06:02"
    assert model.index(row, Column.INQUIRIES).data().endswith("/4")
    assert model.index(row, Column.INQUIRIES).data(Qt.ItemDataRole.ToolTipRole).startswith("4 个侦查方向")


@pytest.mark.parametrize("column", list(Column))
def test_header_sort_is_done_by_the_services(demo_db, column):
    store, model = _model(demo_db)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        rows = [model.case_at(r) for r in range(model.rowCount())]
        key = {
            Column.CASE_NO: lambda c: c.case_no, Column.TITLE: lambda c: c.title,
            Column.STATUS: lambda c: WORKFLOW_ORDER.index(c.status),
            Column.OCCURRED: lambda c: c.occurred_at.timestamp(),
            Column.PLACE: lambda c: f"{c.district} {c.road}",
            Column.OFFICER: lambda c: c.lead_officer_name,
            Column.VEHICLES: lambda c: c.vehicle_kinds[:1] or ("~",),
            Column.INQUIRIES: lambda c: c.open_inquiry_count * 1001
            + c.inquiry_count - c.open_inquiry_count,
        }[column]
        keys = [key(c) for c in rows]
        if column is not Column.VEHICLES or order == Qt.SortOrder.AscendingOrder:
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), column
        assert len(rows) == len(store.case_ids())


def test_sort_keeps_persistent_indexes_on_their_case(demo_db):
    store, model = _model(demo_db)
    case_a = store.detail(CASE_A_NO).id
    kept = model.index(model.row_of(case_a), Column.TITLE)
    persistent = QPersistentModelIndex(kept)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.sort(Column.CASE_NO, Qt.SortOrder.AscendingOrder)
    assert not resets  # a re-order, not a reset
    assert persistent.row() == model.row_of(case_a) and persistent.column() == Column.TITLE
    numbers = _numbers(model)
    assert numbers == sorted(numbers)


def test_filters_and_chinese_search_run_in_sql(zh_ui, demo_db):
    store, model = _model(demo_db)
    everything = list(store.list_cases().items)
    model.set_filter(dataclasses.replace(model.filter, statuses=("closed",)))
    assert CASE_B_NO in _numbers(model) and CASE_A_NO not in _numbers(model)
    assert {model.index(r, Column.STATUS).data() for r in range(model.rowCount())} == {"已结案"}
    assert model.total == len(everything)  # "n of total" keeps the unfiltered total
    day = (datetime(2023, 11, 28, tzinfo=ZONE), datetime(2023, 11, 29, tzinfo=ZONE))
    model.set_filter(dataclasses.replace(model.filter, statuses=(), date_from=day[0],
                                         date_to=day[1]))
    assert CASE_A_NO in _numbers(model)
    assert all(s.startswith("2023-11-28") for s in
               (model.index(r, Column.OCCURRED).data() for r in range(model.rowCount())))
    officer = store.detail(CASE_A_NO).lead_officer_id
    model.set_filter(dataclasses.replace(model.filter, date_from=None, date_to=None,
                                         officer_id=officer))
    expected = {c.case_no for c in everything if c.lead_officer_id == officer}
    assert set(_numbers(model)) == expected and CASE_A_NO in expected
    model.set_filter(dataclasses.replace(model.filter, officer_id=None, text="三轮"))
    shown = _numbers(model)
    assert CASE_A_NO in shown and 0 < len(shown) < len(everything)
    assert set(model.ids()) == store.search_ids("三轮")


def test_panel_keeps_the_selected_case_across_search_sort_and_refresh(qtbot, zh_ui, demo_db):
    panel = _panel(qtbot, demo_db)
    store = panel.store
    case_a = store.detail(CASE_A_NO).id
    assert panel.select_case(case_a)
    picked: list[int] = []
    panel.case_selected.connect(picked.append)
    with qtbot.waitSignal(panel.searched, timeout=5000):
        panel.search.setText("三轮")
    assert panel.current_case_id() == case_a and not picked  # still there, no re-selection
    assert panel.count_label.text() == f"显示 {panel.model.rowCount()} 件，共 {panel.model.total} 件"
    panel.table.sortByColumn(Column.CASE_NO, Qt.SortOrder.AscendingOrder)
    assert panel.current_case_id() == case_a
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == \
        [panel.model.row_of(case_a)]
    _retitle(demo_db[2], case_a, "天桥街蓝色三轮摩托车逃逸案（改）")
    panel.refresh_case(case_a)
    assert panel.model.case_at(panel.model.row_of(case_a)).title.endswith("（改）")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reload()
    assert panel.current_case_id() == case_a and not picked
    assert panel.model.filter.text == "三轮" and panel.model.filter.sort == "case_no"


def test_panel_filters_answer_at_once_and_pick_a_row_when_the_case_leaves(qtbot, zh_ui, demo_db):
    panel = _panel(qtbot, demo_db)
    total = panel.model.rowCount()
    case_a = panel.store.detail(CASE_A_NO).id
    panel.select_case(case_a)
    picked: list[int] = []
    panel.case_selected.connect(picked.append)
    panel.status_filter.setCurrentIndex(panel.status_filter.findText("已结案"))
    shown = _numbers(panel.model)
    assert CASE_B_NO in shown and CASE_A_NO not in shown
    assert picked and picked[-1] == panel.current_case_id() != case_a  # first row taken
    panel.status_filter.setCurrentIndex(0)
    panel.date_from.setDate(QDate(2023, 11, 1))
    panel.date_to.setDate(QDate(2023, 11, 30))
    assert CASE_A_NO in _numbers(panel.model) and CASE_B_NO not in _numbers(panel.model)
    panel.date_from.setDate(panel.date_from.minimumDate())
    panel.date_to.setDate(panel.date_to.minimumDate())
    assert panel.model.rowCount() == total


def test_new_and_deleted_cases(qtbot, zh_ui, demo_db):
    panel = _panel(qtbot, demo_db)
    store, model = panel.store, panel.model
    total = model.rowCount()
    created = store.create_case(CaseInput(
        case_no="石峰-2024-0999", title="建设路三轮车逃逸案",
        occurred_at=datetime(2024, 5, 1, 8, tzinfo=ZONE)))
    panel.refresh_case(created.id)  # not listed yet: a new query brings it in
    assert model.rowCount() == total + 1 and model.total == total + 1
    assert panel.select_case(created.id)
    with demo_db[2].begin() as session:  # someone deletes it elsewhere
        case_services.delete_case(session, SYSTEM, created.id, expected_version=None,
                                  reason="测试")
    panel.refresh_case(created.id)
    assert model.row_of(created.id) is None and model.rowCount() == total


def test_unreadable_and_vanished_rows_neither_crash_nor_retry(zh_ui, demo_db, monkeypatch):
    monkeypatch.setattr(case_list_model, "PAGE", 10)
    store, model = _model(demo_db)
    errors: list[Exception] = []
    model.failed.connect(errors.append)
    with demo_db[2].begin() as session:  # row 15 is deleted elsewhere before it is fetched
        case_services.delete_case(session, SYSTEM, model.case_id(15), reason="测试")
    assert model.index(15, Column.CASE_NO).data() == model.tr("(deleted)")
    assert model.index(14, Column.CASE_NO).data().startswith("石峰-")

    def broken(_ids):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(store, "summaries", broken)
    assert model.index(25, Column.TITLE).data() == ""
    assert model.index(25, Column.CASE_NO).data() == "—"
    assert model.index(26, Column.STATUS).data() == "" and len(errors) == 1  # no retry storm
    monkeypatch.undo()
    model.set_filter(dataclasses.replace(model.filter, sort="case_no"))  # a new query retries
    assert model.index(model.row_of(model.case_id(25)), Column.CASE_NO).data().startswith("石峰-")


def test_a_trainers_list_filters_the_demo_in_anonymized_text(qtbot, zh_ui, demo_db, monkeypatch):
    """Signed in as a trainer, the list makes the scrubbers of the closed cases in the
    background; filtering by a real name of closed Case B then finds nothing (an admin finds
    it), and no scrubber is made on the GUI thread."""
    from app.models.enums import Role
    from app.services.casefile import record_search
    from app.services.common.context import Actor
    store = CaseStore(demo_db[2], Actor(None, "trainer", Role.TRAINER))
    assert store.warming is not None
    store.warming.join(30)
    assert not store.warming.is_alive()
    case_b = next(c for c in store.list_cases().items if c.case_no == CASE_B_NO)
    name = next(p.name for p in store.detail(case_b.id).persons if p.name)   # as shown: alias
    admin_view = CaseStore(demo_db[2], SYSTEM)
    assert admin_view.warming is None
    real = next(p.name for p in admin_view.detail(case_b.id).persons if p.name)
    assert real != name and case_b.id in admin_view.search_ids(real)

    def made_again(*_args, **_kwargs):
        raise AssertionError("a scrubber was made on the GUI thread")
    monkeypatch.setattr(record_search, "case_with_scrubber", made_again)
    assert case_b.id not in store.search_ids(real)
    assert store.list_cases(CaseFilter(text=real)).total == 0
