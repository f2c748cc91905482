"""The views' code labels are the Qt-free table's words, through the Qt translator."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.i18n import language, set_language
from app.services.common import code_labels
from app.ui import app as ui_app
from app.ui.widgets import enum_labels
from tools.i18n_build.layout import Layout


@pytest.fixture
def both_in_chinese(qapp):
    before = language()
    ui_app.install_translators(qapp, "zh_CN")
    set_language("zh_CN")
    code_labels.clear_cache()
    yield
    ui_app.install_translators(qapp, "en")
    set_language(before)
    code_labels.clear_cache()


def test_views_show_every_code_of_the_one_table_in_chinese(both_in_chinese):
    for kind in code_labels.kinds():
        english = code_labels.table(kind, str)
        for code in code_labels.labels(kind):
            word = enum_labels.label(kind, code)
            assert word and (word != english[code] or word == "SUV"), (kind, code, word)
    assert enum_labels.inquiry_status_label("active") == "进行中"
    assert enum_labels.vehicle_role_label("victim") == "被害人车辆"
    assert enum_labels.person_role_label("victim") == "受害人"
    assert enum_labels.label("status", None) == ""


def test_combo_choices_offer_only_the_codes_the_schema_knows(both_in_chinese):
    kinds = dict(enum_labels.choices("vehicle_kinds"))
    assert "unknown" not in kinds and kinds["two_wheel_ebike"] == "两轮电动车"
    assert [c for c, _w in enum_labels.choices("statuses")][0] == "reported"


def test_the_gui_catalogue_holds_every_code_label():
    done: dict[str, str | None] = {}
    for ts in Layout().ts_files():  # the translators' .ts sources the .qm is compiled from
        for m in ET.parse(ts).getroot().iter("message"):
            translation = m.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                done.setdefault(m.findtext("source") or "", translation.text)
    for kind in code_labels.kinds():
        for english in code_labels.table(kind, str).values():
            assert done.get(english), (kind, english)
