"""Write statistics out: xlsx (one sheet per table, openpyxl), CSV (utf-8-sig), JSON-able dict."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from app.i18n import _
from app.reports.pdf_export import ReportOutputError
from app.reports.stats import StatsResult, summary_labels, table_titles

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
    names = summary_labels()
    return pd.DataFrame({_("Figure"): [names[k] for k in result.summary],
                         _("Value"): list(result.summary.values())})


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
            summary_frame(result).to_excel(xl, sheet_name=_sheet_name(_("Summary"), used),
                                           index=False)
            titles = table_titles()
            for key, table in result.tables.items():
                sheet = _sheet_name(titles[key], used)
                table.to_excel(xl, sheet_name=sheet, index=False)
                ws = xl.sheets[sheet]
                for col in ws.columns:
                    width = max(len(str(c.value or "")) for c in col)
                    ws.column_dimensions[col[0].column_letter].width = min(40, width * 1.6 + 2)
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


def _clean(value):
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
