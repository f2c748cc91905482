"""PDF case summary: options, page furniture, digest, progress/cancel and the audit trail.

Three steps, so the database is never held while a PDF renders:
``collect_case_report`` (read-only session) → :func:`render_case_pdf` (no database) →
:func:`record_export` (audit + chain-of-custody rows, in the caller's unit of work).
:func:`export_case_pdf` runs all three; call it from a worker thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate
from sqlalchemy.orm import Session, sessionmaker

from app.i18n import _
from app.models.db import unit_of_work
from app.models.types import utcnow
from app.reports.anonymize import anonymize
from app.reports.case_data import CaseReportData, collect_case_report
from app.reports.fonts import register_fonts
from app.reports.frames import FrameRenderer, RenderedFrame
from app.reports.labels import fmt_dt
from app.reports.pdf_sections import SECTIONS, build_story
from app.reports.pdf_style import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE
from app.services.common import anchors, audit
from app.services.common.anchors import Anchor
from app.services.common.audit import canonical_json
from app.services.common.context import Actor
from app.services.common.errors import ServiceError, ValidationError
from app.services.evidence import custody
from app.services.evidence.store import hash_file

ProgressFn = Callable[[int, int, str], None]  # (done, total, message)
CancelFn = Callable[[], bool]                 # True → stop as soon as possible


class ReportCancelled(ServiceError):
    """The user cancelled the export; nothing was written."""


class ReportOutputError(ServiceError):
    """The output file cannot be written (message says why, in plain words)."""


@dataclass(frozen=True)
class PdfOptions:
    sections: tuple[str, ...] = SECTIONS
    anonymize: bool = False
    max_key_frames: int = 40

    def validated(self) -> PdfOptions:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValidationError({"sections": _(
                "Unknown report section(s): {names}. Choose from: {known}.",
                names=", ".join(unknown), known=", ".join(SECTIONS))})
        return self


@dataclass(frozen=True)
class PdfResult:
    path: Path
    case_no: str
    digest: str          # SHA-256 of the report content, printed on the last page
    file_sha256: str     # SHA-256 of the PDF file as written
    pages: int
    key_frames: int
    placeholders: int
    warnings: tuple[str, ...]
    anonymized: bool
    sections: tuple[str, ...]
    shown_evidence_ids: tuple[int, ...] = ()  # evidence whose frames appear in the PDF


def check_output(path: Path) -> None:
    """Fail early, in plain words, when ``path`` cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise ReportOutputError(_("Cannot write the report to {path}: it is a folder.", path=path))
    if not path.parent.is_dir():
        raise ReportOutputError(_("Cannot write the report to {path}: the folder does not exist.",
                                  path=path))
    probe = path.with_name(f".{path.name}.probe")
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReportOutputError(_("Cannot write the report to {path}: {reason}",
                                  path=path, reason=exc.strerror or exc)) from exc


def content_digest(data: CaseReportData, frames: dict[int, RenderedFrame],
                   sections: tuple[str, ...], anonymized: bool) -> str:
    """SHA-256 over the report's content: case data, options and each key-frame image."""
    body = canonical_json({
        "data": dataclasses.asdict(data),
        "sections": list(sections), "anonymized": anonymized,
        "frames": {str(k): hashlib.sha256(f.jpeg).hexdigest() if f.jpeg else f.warning
                   for k, f in sorted(frames.items())},
    })
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _numbered_canvas(case_no: str, by: str, at: str, anonymized: bool,
                     pages: list[int]) -> type[Canvas]:
    """A canvas that defers pages so each footer can say "page x / y"."""
    font = register_fonts()
    header = case_no + ("  " + _("(anonymized)") if anonymized else "")

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab API
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            pages.append(total)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            w, h = PAGE
            self.saveState()
            self.setFont(font, 8)
            self.setStrokeColorRGB(0.6, 0.65, 0.7)
            self.line(MARGIN_X, h - MARGIN_TOP + 8, w - MARGIN_X, h - MARGIN_TOP + 8)
            self.drawString(MARGIN_X, h - MARGIN_TOP + 12, _("Hit-and-run case summary"))
            self.drawRightString(w - MARGIN_X, h - MARGIN_TOP + 12, header)
            self.line(MARGIN_X, MARGIN_BOTTOM - 6, w - MARGIN_X, MARGIN_BOTTOM - 6)
            self.drawString(MARGIN_X, MARGIN_BOTTOM - 16,
                            _("Generated by {by} at {at}", by=by, at=at))
            self.drawRightString(w - MARGIN_X, MARGIN_BOTTOM - 16,
                                 _("Page {page} / {total}", page=self._pageNumber, total=total))
            self.restoreState()

    return NumberedCanvas


def render_case_pdf(data: CaseReportData, out_path: Path, evidence_dir: Path,
                    options: PdfOptions = PdfOptions(), progress: ProgressFn | None = None,
                    cancel: CancelFn | None = None, generated_at: datetime | None = None,
                    index_dir: Path | None = None, anchor: Anchor | None = None) -> PdfResult:
    """Render ``data`` to ``out_path`` (atomically: a cancelled or failed run leaves no file).

    ``anchor``: the signed audit head, printed on the digest page and kept in the metadata.
    """
    options = options.validated()
    out_path = Path(out_path)
    check_output(out_path)
    report = progress or (lambda done, total, msg: None)
    stop = cancel or (lambda: False)
    if options.anonymize:
        data = anonymize(data)
    want_frames = "key_frames" in options.sections
    frames_todo = data.key_frames if want_frames else ()
    total = len(frames_todo) + 10
    frames: dict[int, RenderedFrame] = {}
    with FrameRenderer(evidence_dir, index_dir) as renderer:
        for n, kf in enumerate(frames_todo):
            if stop():
                raise ReportCancelled(_("Export cancelled."))
            report(n, total, _("Rendering key frame {n} of {total}", n=n + 1,
                               total=len(frames_todo)))
            frames[kf.observation_id] = renderer.render(kf)
    warnings = [f.warning for f in frames.values() if f.warning]
    digest = content_digest(data, frames, options.sections, options.anonymize)
    at = fmt_dt(generated_at or utcnow(), data.case.tz, seconds=True)
    story = build_story(data, frames, options.sections, options.anonymize, digest, warnings,
                        anchor)
    pages: list[int] = []
    tmp = out_path.with_name(f".{out_path.name}.part")
    flowed = [0]

    def after_flowable(_flowable: object) -> None:
        flowed[0] += 1
        if stop():
            raise ReportCancelled(_("Export cancelled."))
        if flowed[0] % 20 == 0:
            done = len(frames_todo) + min(9, 9 * flowed[0] // max(len(story), 1))
            report(done, total, _("Laying out pages"))

    doc = SimpleDocTemplate(
        str(tmp), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{data.case.case_no} {data.case.title}", author=data.generated_by,
        subject=_("Hit-and-run case summary"), creator="CaseDesk",
        keywords=anchor.as_text() if anchor is not None else "",
        initialFontName=register_fonts())  # no un-embedded Helvetica reference
    doc.afterFlowable = after_flowable
    try:
        doc.build(story, canvasmaker=_numbered_canvas(
            data.case.case_no, data.generated_by, at, options.anonymize, pages))
        os.replace(tmp, out_path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ReportOutputError(_("Cannot write the report to {path}: {reason}",
                                      path=out_path, reason=exc.strerror or exc)) from exc
        raise
    report(total, total, _("Done"))
    return PdfResult(
        path=out_path, case_no=data.case.case_no, digest=digest,
        file_sha256=hash_file(out_path), pages=pages[0] if pages else 0,
        key_frames=len(frames), placeholders=sum(f.placeholder for f in frames.values()),
        warnings=tuple(warnings), anonymized=options.anonymize, sections=options.sections,
        shown_evidence_ids=tuple(sorted({kf.evidence_id for kf in frames_todo
                                         if not frames[kf.observation_id].placeholder})))


def record_export(session: Session, actor: Actor, data: CaseReportData,
                  result: PdfResult) -> None:
    """Chain-of-custody "export" (with its audit row) per evidence file shown, then the
    report's own audit row carrying the digest."""
    for evidence_id in result.shown_evidence_ids:
        custody.record_export(session, actor, evidence_id, result.path,
                              out_sha256=result.file_sha256)
    audit.record(session, actor, "report.export_pdf", entity_type="case",
                 entity_id=data.case.id, case_id=data.case.id, payload={
                     "path": str(result.path), "digest": result.digest,
                     "file_sha256": result.file_sha256, "pages": result.pages,
                     "sections": list(result.sections), "anonymized": result.anonymized,
                     "evidence_ids": list(result.shown_evidence_ids),
                     "warnings": list(result.warnings)})


def export_case_pdf(factory: sessionmaker[Session], actor: Actor, case_ref: str | int,
                    out_path: Path, evidence_dir: Path, options: PdfOptions = PdfOptions(),
                    progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                    index_dir: Path | None = None) -> PdfResult:
    """Collect, render and log a case PDF. Safe to run off the GUI thread.

    ``index_dir``: where the video engine keeps frame indexes (e.g. ``paths.cache_dir``).
    """
    options = options.validated()
    check_output(Path(out_path))
    with factory() as session:
        data = collect_case_report(session, actor, case_ref,
                                   max_key_frames=options.max_key_frames,
                                   with_frames="key_frames" in options.sections)
        anchor = anchors.anchor_now(session)
    result = render_case_pdf(data, Path(out_path), evidence_dir, options, progress, cancel,
                             index_dir=index_dir, anchor=anchor)
    with unit_of_work(factory) as session:
        record_export(session, actor, data, result)
    return result
