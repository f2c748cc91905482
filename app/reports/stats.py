"""Squad statistics with pandas: caseload, clearance (cohort and period), time to solve,
per-officer figures, places, and the hour-of-day pattern of hit-and-runs.

Clearance rate (破案率) is reported two ways (see DESIGN.md):
- **cohort**: of the cases reported in period P, the share solved by now;
- **period**: cases solved in P (whenever reported) divided by cases reported in P.
Time to solve runs from the crash (occurred, else reported) to the solved time; medians are
used because a few long cases would drag a mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from app.i18n import _
from app.reports.labels import labels
from app.reports.stats_data import StatsFilter, StatsFrames, in_range, load_frames
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError

FREQS = ("M", "Q", "Y")
BUCKETS_H = (0, 24, 72, 168, 720, 2160, np.inf)


@dataclass(frozen=True)
class StatsResult:
    filter: StatsFilter
    summary: dict[str, float | int | None]
    tables: dict[str, pd.DataFrame]  # key → table; titles via :func:`table_titles`


def table_titles() -> dict[str, str]:
    return {
        "cases_by_status": _("Cases per month by status"),
        "cases_by_vehicle": _("Cases per month by vehicle kind"),
        "clearance": _("Clearance rate per period"),
        "time_to_solve": _("Time to solve"),
        "officers": _("Per officer"),
        "districts": _("By district"),
        "roads": _("By road"),
        "hour_heatmap": _("Hit-and-runs by weekday and hour"),
    }


def summary_labels() -> dict[str, str]:
    return {
        "cases": _("Cases reported"), "solved": _("Of these solved"),
        "cohort_rate": _("Cohort clearance rate"), "solved_in_period": _("Solved in period"),
        "period_rate": _("Solved ÷ reported in period"),
        "median_hours_to_solve": _("Median time to solve (hours)"),
        "callouts": _("Call-outs attended"), "hit_and_run_callouts": _("Hit-and-run call-outs"),
    }


def figure_notes() -> dict[str, str]:
    """What a figure means, for a tooltip or a note beside it (the period ratio is no share:
    it passes 100 % when older cases are solved)."""
    return {
        "cohort_rate": _("Of the cases reported in the period, the share solved by now."),
        "period_rate": _("Cases solved in the period (whenever reported) divided by the cases "
                         "reported in it. Not a share of the period's cases: above 100 % when "
                         "older cases were solved."),
    }


def rate_columns() -> set[str]:
    """The (translated) column titles that hold rates 0..1 (shown as percentages)."""
    return {_("Cohort clearance rate"), _("Solved ÷ reported in period"), _("Clearance rate")}


def _periods(ts: pd.Series, freq: str) -> pd.Series:
    return ts.dt.tz_localize(None).dt.to_period(freq).astype(str)


def _rate(num: pd.Series | int, den: pd.Series | int) -> pd.Series | float | None:
    if isinstance(den, pd.Series):
        return (num / den.where(den > 0)).round(4)
    return round(num / den, 4) if den else None


def _month_pivot(cases: pd.DataFrame, column: str, kind: str) -> pd.DataFrame:
    """Months (every month between the first and the last, gaps as 0) × codes in enum order."""
    months = cases["date"].dt.tz_localize(None).dt.to_period("M")
    table = pd.crosstab(months.astype(str), cases[column])
    if len(months):
        span = pd.period_range(months.min(), months.max(), freq="M").astype(str)
        table = table.reindex(span, fill_value=0)
    order = [c for c in labels(kind) if c in table.columns]
    table = table[order + [c for c in table.columns if c not in order]]
    table = table.rename(columns=labels(kind))
    table.index.name = _("Month")
    table.columns.name = None
    table[_("Total")] = table.sum(axis=1)
    return table.reset_index()


def _clearance(all_cases: pd.DataFrame, cohort: pd.DataFrame, flt: StatsFilter) -> pd.DataFrame:
    reported = _periods(cohort["date"], flt.freq).value_counts()
    cohort_solved = _periods(cohort.loc[cohort["solved_at"].notna(), "date"],
                             flt.freq).value_counts()
    solved_rows = all_cases[in_range(all_cases["solved_at"], flt)]
    period_solved = _periods(solved_rows["solved_at"], flt.freq).value_counts()
    index = sorted(set(reported.index) | set(period_solved.index))
    df = pd.DataFrame(index=pd.Index(index, name="period"))
    df["reported"] = reported.reindex(index, fill_value=0)
    df["cohort_solved"] = cohort_solved.reindex(index, fill_value=0)
    df["cohort_rate"] = _rate(df["cohort_solved"], df["reported"])
    df["solved_in_period"] = period_solved.reindex(index, fill_value=0)
    df["period_rate"] = _rate(df["solved_in_period"], df["reported"])
    return df.reset_index().rename(columns={
        "period": _("Period"), "reported": _("Cases reported"),
        "cohort_solved": _("Of these solved"), "cohort_rate": _("Cohort clearance rate"),
        "solved_in_period": _("Solved in period"), "period_rate": _("Solved ÷ reported in period")})


def _time_to_solve(cohort: pd.DataFrame) -> pd.DataFrame:
    hours = cohort["hours_to_solve"].dropna()
    names = [_("Within 24 hours"), _("1–3 days"), _("3–7 days"), _("7–30 days"),
             _("30–90 days"), _("Over 90 days")]
    buckets = pd.cut(hours, BUCKETS_H, labels=names, right=False)
    counts = buckets.value_counts().reindex(names, fill_value=0)
    return pd.DataFrame({_("Time to solve"): names, _("Cases"): counts.to_numpy()})


def _officers(fr: StatsFrames, cases: pd.DataFrame, callouts: pd.DataFrame,
              officer_id: int | None) -> pd.DataFrame:
    att = fr.attend[fr.attend["callout_id"].isin(callouts["callout_id"])]
    att = att.merge(callouts[["callout_id", "kind"]], on="callout_id")
    off = fr.officers.set_index("officer_id")
    if officer_id is not None:
        off = off.loc[off.index == officer_id]
    df = pd.DataFrame(index=off.index)
    df["name"] = off["name"]
    df["badge_no"] = off["badge_no"]
    df["callouts"] = att.groupby("officer_id").size().reindex(df.index, fill_value=0)
    df["hit_and_run"] = att[att["kind"] == "hit_and_run"].groupby("officer_id").size() \
        .reindex(df.index, fill_value=0)
    led = cases.groupby("lead_officer_id")
    df["cases_led"] = led.size().reindex(df.index, fill_value=0)
    df["solved"] = led["solved_at"].count().reindex(df.index, fill_value=0)
    df["rate"] = _rate(df["solved"], df["cases_led"])
    solved = cases[cases["hours_to_solve"].notna()]
    df["median_h"] = solved.groupby("lead_officer_id")["hours_to_solve"].median() \
        .reindex(df.index).round(1)
    df = df.sort_values(["callouts", "cases_led"], ascending=False)
    return df.reset_index(drop=True).rename(columns={
        "name": _("Officer"), "badge_no": _("Badge"), "callouts": _("Call-outs attended"),
        "hit_and_run": _("Hit-and-run call-outs"), "cases_led": _("Cases led"),
        "solved": _("Solved"), "rate": _("Clearance rate"),
        "median_h": _("Median time to solve (hours)")})


def _places(cases: pd.DataFrame, callouts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    c = cases.groupby(keys).agg(cases=("case_id", "size"), solved=("solved_at", "count"))
    o = callouts.groupby(keys).agg(callouts=("callout_id", "size"),
                                   hit_and_run=("kind", lambda k: int((k == "hit_and_run").sum())))
    df = c.join(o, how="outer").fillna(0).astype(int)
    df["rate"] = _rate(df["solved"], df["cases"])
    df = df.sort_values(["cases", "callouts"], ascending=False).reset_index()
    for key in keys:
        df[key] = df[key].replace("", _("Not recorded"))
    return df.rename(columns={
        "district": _("District"), "road": _("Road"), "cases": _("Cases"),
        "solved": _("Solved"), "rate": _("Clearance rate"), "callouts": _("Call-outs"),
        "hit_and_run": _("Hit-and-run call-outs")})


def _heatmap(cases: pd.DataFrame, callouts: pd.DataFrame) -> pd.DataFrame:
    """Hit-and-run scenes: call-outs of that kind, plus cases no call-out points to."""
    hr = callouts.loc[callouts["kind"] == "hit_and_run", "occurred_at"]
    linked = set(callouts["case_id"].dropna().astype(int))
    extra = cases.loc[~cases["case_id"].isin(linked), "occurred_at"].dropna()
    ts = pd.concat([hr, extra], ignore_index=True)
    days = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]
    grid = pd.crosstab(ts.dt.day_of_week, ts.dt.hour) if len(ts) else pd.DataFrame()
    grid = grid.reindex(index=range(7), columns=range(24), fill_value=0)
    grid.index = days
    grid.index.name = _("Weekday")
    grid.columns = [f"{h:02d}" for h in range(24)]
    return grid.reset_index()


def compute_stats(frames: StatsFrames, flt: StatsFilter) -> StatsResult:
    """All tables from loaded frames (pure pandas; no database)."""
    if flt.freq not in FREQS:
        raise ValidationError({"freq": _("Period must be one of M, Q, Y.")})
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError({"date_to": _("The end date is before the start date.")})
    all_cases, callouts = frames.cases, frames.callouts
    if flt.officer_id is not None:
        all_cases = all_cases[all_cases["lead_officer_id"] == flt.officer_id]
        mine = frames.attend.loc[frames.attend["officer_id"] == flt.officer_id, "callout_id"]
        callouts = callouts[callouts["callout_id"].isin(mine)]
    cohort = all_cases[in_range(all_cases["date"], flt)]
    callouts = callouts[in_range(callouts["occurred_at"], flt)]
    clearance = _clearance(all_cases, cohort, flt)
    solved_in_period = int(in_range(all_cases["solved_at"], flt).sum())
    median = cohort["hours_to_solve"].median()
    summary = {
        "cases": len(cohort), "solved": int(cohort["solved_at"].notna().sum()),
        "cohort_rate": _rate(int(cohort["solved_at"].notna().sum()), len(cohort)),
        "solved_in_period": solved_in_period,
        "period_rate": _rate(solved_in_period, len(cohort)),
        "median_hours_to_solve": None if pd.isna(median) else round(float(median), 2),
        "callouts": len(callouts),
        "hit_and_run_callouts": int((callouts["kind"] == "hit_and_run").sum()),
    }
    tables = {
        "cases_by_status": _month_pivot(cohort, "status", "status"),
        "cases_by_vehicle": _month_pivot(cohort, "vehicle_kind", "vehicle_kind"),
        "clearance": clearance,
        "time_to_solve": _time_to_solve(cohort),
        "officers": _officers(frames, cohort, callouts, flt.officer_id),
        "districts": _places(cohort, callouts, ["district"]),
        "roads": _places(cohort, callouts, ["district", "road"]),
        "hour_heatmap": _heatmap(cohort, callouts),
    }
    return StatsResult(flt, summary, tables)


def squad_statistics(session: Session, actor: Actor,
                     flt: StatsFilter | None = None) -> StatsResult:
    """Read-only statistics for the filter (permission ``report.stats``)."""
    require(actor, Perm.STATS_VIEW)
    flt = flt or StatsFilter()
    return compute_stats(load_frames(session, flt), flt)

