"""Views over many cases use the signed-in user's squad zone (``AppContext.tz``): the case
list's date filter, the year of a new case number and the zone of a new case."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate

from app.models.db import unit_of_work
from app.services.casefile import cases as case_services
from app.services.casefile.dto import ChangeNote
from app.services.common.context import SYSTEM
from app.services.org import officers
from app.services.org.dto import SquadInput
from app.ui.casefile import view as case_view
from app.ui.context import AppContext
from tests.ui.test_main_window import type_text

URUMQI = "Asia/Urumqi"


@pytest.fixture
def west_window(qtbot, zh_ui, demo_db, ui_settings):
    """The main window on the demo data after the demo squad moved to Asia/Urumqi."""
    from app.demo import CASE_A_NO
    from app.ui.main_window import MainWindow

    paths, engine, factory = demo_db
    with unit_of_work(factory) as s:
        squad = officers.list_squads(s, SYSTEM)[0]
        officers.update_squad(s, SYSTEM, squad.id, SquadInput(squad.code, squad.name, URUMQI),
                              expected_version=squad.version)
    context = AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                         settings=ui_settings, initial_case_no=CASE_A_NO)
    window = MainWindow(context)
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.is_busy() and view.list.model.rowCount() > 0, timeout=10000)
    yield window
    view.editor.facts.load(None)
    window.close()
    window.deleteLater()
    qtbot.wait(10)


class _NewYearsEve(datetime):
    """17:30 UTC on 31 Dec 2024: already 2025 in Beijing, still 2024 in Urumqi."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime(2024, 12, 31, 17, 30, tzinfo=UTC).astimezone(tz)


def test_the_context_resolves_the_squad_zone_once(west_window):
    assert west_window.context.tz == URUMQI


def test_case_list_dates_are_local_days_of_the_squad(west_window):
    panel = west_window.view("cases").list
    panel.date_from.setDate(QDate(2023, 11, 28))
    panel.date_to.setDate(QDate(2023, 11, 28))
    filt = panel.current_filter()
    assert filt.date_from == datetime(2023, 11, 28, tzinfo=ZoneInfo(URUMQI))
    assert filt.date_to == datetime(2023, 11, 29, tzinfo=ZoneInfo(URUMQI))


def test_a_new_case_gets_the_squads_year_and_zone(west_window, monkeypatch):
    monkeypatch.setattr(case_view, "datetime", _NewYearsEve)
    view = west_window.view("cases")
    dialog = view.new_case_form()
    suggested = dialog.form.values()["case_no"]
    assert suggested.startswith("石峰-2024-"), suggested       # 2025 on the Beijing clock
    type_text(dialog.form.editor("title"), "新疆时区测试案")
    dialog._on_ok()
    assert dialog.result() == dialog.DialogCode.Accepted
    with west_window.context.sessions() as s:
        created = case_services.get_case(s, SYSTEM, dialog.result_value.id)
    assert created.case_no == suggested and created.tz == URUMQI


def test_the_facts_form_shows_and_saves_times_on_the_cases_clock(west_window):
    """Case A moved to Asia/Urumqi: its 06:02 Beijing accident reads 04:02 in the form, and a
    save without a change keeps the instant."""
    from app.demo import CASE_A_NO

    view = west_window.view("cases")
    with west_window.context.sessions() as s:
        case = case_services.get_case(s, SYSTEM, CASE_A_NO)
        case_services.update_case(s, SYSTEM, case.id, dataclasses.replace(
            case_services.case_input(case), tz=URUMQI), expected_version=case.version,
            note=ChangeNote(reason="案件移交新疆中队"))
        s.commit()
    view.editor.show_case(case.id)
    facts = view.editor.facts
    edit = facts.main_form.editor("occurred_at")
    assert edit.edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2023-11-28 04:02"
    assert facts.case_input().occurred_at == case.occurred_at
    assert not view.editor.dirty
