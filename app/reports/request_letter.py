"""调取证据通知书 as PDF: the letter asking a camera's owner to preserve and hand over footage,
numbered and hashed when issued (``services.investigation.requests``), ReportLab with the
shipped CJK font."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session, sessionmaker

from app.i18n import _
from app.models.db import unit_of_work
from app.reports.labels import fmt_dt, label
from app.reports.pdf_style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE, Styles, kv_table, para
from app.services.common.context import Actor
from app.services.common.errors import ValidationError
from app.services.evidence.store import hash_file
from app.services.investigation import requests
from app.services.investigation.requests import RequestDTO

WINDOW = timedelta(hours=1)  # footage asked for: the incident ± one hour


def render_letter(req: RequestDTO, out: Path, unit: str) -> str:
    """Write the letter to ``out``; returns the PDF's SHA-256."""
    st = Styles()
    cam, tz = req.camera, req.tz
    start = req.occurred_at - WINDOW if req.occurred_at else None
    end = req.occurred_at + WINDOW if req.occurred_at else None
    lost = fmt_dt(req.footage_lost_at, tz) if req.footage_lost_at else _("unknown")
    story = [
        para(_("Evidence request"), st.title),
        para(req.doc_no, st.subtitle),
        para(_("To: {owner}", owner=cam.owner_unit or cam.name), st.body),
        para(_("In investigating the case {title} (case no. {case_no}), this squad needs to "
               "obtain the following evidence held by your unit, under Article 54 of the "
               "Criminal Procedure Law of the People's Republic of China. Please preserve it at "
               "once and hand it to the officer bearing this letter.",
               title=req.case_title, case_no=req.case_no), st.body),
        Spacer(1, 3 * mm),
        kv_table([
            (_("Camera"), f"{cam.code} {cam.name}"),
            (_("Location"), cam.address or cam.name),
            (_("Facing"), cam.facing or (f"{cam.facing_deg:.0f}°" if cam.facing_deg is not None
                                         else "")),
            (_("Owner"), f"{cam.owner_unit}（{label('owner_kind', cam.owner_kind)}）"
             if cam.owner_unit else ""),
            (_("Contact"), f"{cam.contact_name} {cam.contact_phone}".strip()),
            (_("Footage requested"), _("{start} to {end}, original recording with the DVR "
                                        "clock shown", start=fmt_dt(start, tz),
                                        end=fmt_dt(end, tz))),
            (_("Retention"), _("{days} days; footage overwritten around {lost}",
                               days=cam.retention_days if cam.retention_days is not None
                               else _("unknown"), lost=lost)),
            (_("Incident"), f"{fmt_dt(req.occurred_at, tz)} {req.case_address}"),
        ], st),
        Spacer(1, 6 * mm),
        para(_("Do not delete, overwrite or edit the recording. Thank you for your support."),
             st.body),
        Spacer(1, 10 * mm),
        para(f"{unit}\n{fmt_dt(req.issued_at, tz)[:10]}", st.body),
        Spacer(1, 10 * mm),
        para(_("Received by (signature): ____________    Date: ____________"), st.body),
    ]
    out = Path(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        SimpleDocTemplate(str(tmp), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                          title=_("Evidence request"), author=unit).build(story)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError({"out": _("Cannot write {path}: {reason}", path=str(out),
                                        reason=exc.strerror or str(exc))}) from exc
    return hash_file(out)


def issue_letter(factory: sessionmaker[Session], actor: Actor, case_id: int, camera_id: int,
                 out: Path, unit: str = "") -> RequestDTO:
    """Number a letter, render it to ``out`` and record its hash (a failed render leaves the
    number unused and logged)."""
    with unit_of_work(factory) as s:
        req = requests.issue_request(s, actor, case_id, camera_id)
    sha = render_letter(req, out, unit or _("Traffic police accident squad"))
    with unit_of_work(factory) as s:
        return requests.record_pdf(s, actor, req.id, sha)
