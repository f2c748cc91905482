"""xlsx / CSV / JSON exports of the statistics read back."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from app.models.db import unit_of_work
from app.reports.pdf_export import ReportOutputError
from app.reports.stats import StatsFilter, squad_statistics, table_titles
from app.reports.stats_export import to_jsonable, write_csv, write_xlsx
from app.services.common.context import SYSTEM
from tests.reports.test_stats import Q1, squad_db  # noqa: F401 - fixture


@pytest.fixture
def result(squad_db, session_factory):  # noqa: F811
    with unit_of_work(session_factory) as s:
        return squad_statistics(s, SYSTEM, StatsFilter(squad_id=squad_db["squad"], **Q1))


def test_xlsx_has_one_sheet_per_table_and_round_trips(result, tmp_path):
    path = write_xlsx(result, tmp_path / "stats.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    titles = table_titles()
    assert list(sheets) == ["汇总"] + [titles[k] for k in result.tables]
    officers = sheets[titles["officers"]]
    pd.testing.assert_frame_equal(officers, result.tables["officers"], check_dtype=False)
    summary = dict(zip(sheets["汇总"]["指标"], sheets["汇总"]["数值"], strict=True))
    assert summary["报案数"] == 3 and summary["期间破案数"] == 3


def test_csv_is_utf8_with_bom_and_round_trips(result, tmp_path):
    files = write_csv(result, tmp_path / "csv")
    assert {f.stem for f in files} == {"summary", *result.tables}
    raw = (tmp_path / "csv" / "roads.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "天桥街".encode() in raw
    back = pd.read_csv(tmp_path / "csv" / "clearance.csv", encoding="utf-8-sig",
                       dtype={"期间": str})
    pd.testing.assert_frame_equal(back, result.tables["clearance"], check_dtype=False)


def test_json_is_plain_and_nan_free(result):
    data = to_jsonable(result)
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert "破案率" in text and data["summary"]["cases"] == 3
    assert data["tables"]["officers"]["rows"][0]["民警"] in {"白警官", "李警官"}


def test_unwritable_targets_say_so(result, tmp_path):
    with pytest.raises(ReportOutputError, match="无法将统计结果写入"):
        write_xlsx(result, tmp_path / "missing" / "stats.xlsx")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportOutputError, match="无法将统计结果写入"):
        write_csv(result, blocker / "csv")
    assert not (tmp_path / "missing").exists()
