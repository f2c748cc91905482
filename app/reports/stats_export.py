"""Write statistics out: xlsx (one sheet per table, openpyxl), CSV (utf-8-sig), JSON-able dict."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from pathlib import Path

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from app.i18n import _
from app.reports.pdf_export import ReportOutputError
from app.reports.stats import (
    StatsResult,
    figure_notes,
    rate_columns,
    summary_labels,
    table_titles,
)

_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_name(title: str, used: set[str]) -> str:
    name = title.translate(_BAD_SHEET_CHARS)[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}_{n}"
        n += 1
    used.add(name)
    return name


def summary_frame(result: StatsResult) -> pd.DataFrame:
    names, notes = summary_labels(), figure_notes()
    return pd.DataFrame({_("Figure"): [names[k] for k in result.summary],
                         _("Value"): list(result.summary.values()),
                         _("Meaning"): [notes.get(k, "") for k in result.summary]})


def _width(value: object) -> float:
    """Excel column width of a value: CJK characters count double."""
    text = "" if value is None else str(value)
    return sum(2.0 if ord(ch) > 0x2E80 else 1.0 for ch in text)


def _format_sheet(ws: Worksheet, rate_rows: AbstractSet[int] = frozenset(),
                  rate_cols: AbstractSet[str] = frozenset()) -> None:
    """Frozen header, autofilter, widths to fit; rates as percentages, counts as integers."""
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    headers = [c.value for c in ws[1]]
    for col in ws.iter_cols(min_row=2):
        is_rate = headers[col[0].column - 1] in rate_cols
        for cell in col:
            if isinstance(cell.value, bool) or not isinstance(cell.value, int | float):
                continue
            if is_rate or cell.row in rate_rows:
                cell.number_format = "0.0%"
            elif isinstance(cell.value, int) or float(cell.value).is_integer():
                cell.number_format = "0"
            else:
                cell.number_format = "0.0"
    for col in ws.columns:
        width = max((_width(c.value) for c in col), default=8)
        ws.column_dimensions[col[0].column_letter].width = max(8, min(60, width + 3))


def _fail(path: Path, exc: OSError) -> ReportOutputError:
    return ReportOutputError(_("Cannot write the statistics to {path}: {reason}",
                               path=path, reason=exc.strerror or exc))


def write_xlsx(result: StatsResult, path: Path) -> Path:
    """One sheet per table (first sheet: the summary). Written atomically."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    used: set[str] = set()
    try:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            sheet = _sheet_name(_("Summary"), used)
            summary_frame(result).to_excel(xl, sheet_name=sheet, index=False)
            _format_sheet(xl.sheets[sheet], rate_rows={
                n + 2 for n, key in enumerate(result.summary) if key.endswith("_rate")})
            titles, rates = table_titles(), rate_columns()
            for key, table in result.tables.items():
                sheet = _sheet_name(titles[key], used)
                table.to_excel(xl, sheet_name=sheet, index=False)
                _format_sheet(xl.sheets[sheet], rate_cols=rates)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _fail(path, exc) from exc
    return path


def write_csv(result: StatsResult, folder: Path) -> list[Path]:
    """One ``<table>.csv`` per table plus ``summary.csv``, UTF-8 with BOM so Excel shows Chinese."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = [folder / "summary.csv"]
        summary_frame(result).to_csv(written[0], index=False, encoding="utf-8-sig")
        for key, table in result.tables.items():
            out = folder / f"{key}.csv"
            table.to_csv(out, index=False, encoding="utf-8-sig")
            written.append(out)
    except OSError as exc:
        raise _fail(folder, exc) from exc
    return written


def _clean(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def to_jsonable(result: StatsResult) -> dict:
    """Summary + every table as a list of row dicts (NaN → null)."""
    titles = table_titles()
    return {
        "filter": {k: (str(v) if v is not None else None)
                   for k, v in vars(result.filter).items()},
        "summary": {k: _clean(v) for k, v in result.summary.items()},
        "tables": {key: {"title": titles[key],
                         "rows": [{str(k): _clean(v) for k, v in row.items()}
                                  for row in table.to_dict(orient="records")]}
                   for key, table in result.tables.items()},
    }
