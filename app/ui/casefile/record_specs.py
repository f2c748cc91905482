"""What each kind of case record looks like in the editor: form fields, table columns, inputs.

One :class:`RecordKind` per record type (person, vehicle, meeting, inquiry, event) drives the
shared record tab and dialog, so the five tabs behave the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.services.casefile import fields as record_fields
from app.services.casefile.dto import (
    CaseDetail,
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.ui.widgets.enum_labels import (
    event_kind_label,
    inquiry_status_label,
    local_time,
    person_role_label,
    table_choices,
    vehicle_kind_label,
    vehicle_role_label,
)
from app.ui.widgets.form import FieldSpec

Column = tuple[str, Callable[[Any, CaseDetail], str]]


@dataclass(frozen=True)
class RecordKind:
    kind: str                      # "person", "vehicle", ... (CaseStore record kind)
    title: str                     # tab title
    noun: str                      # "person" in "Add person"
    input_cls: type
    fields: Callable[[CaseDetail], list[FieldSpec]]
    columns: list[Column]
    records: Callable[[CaseDetail], tuple]
    takes_note: bool               # edits carry a reason + "known at" for the history
    label: Callable[[Any], str]    # one-line name of a record (undo text, confirmations)

    def to_input(self, dto: Any) -> Any:
        names = [f.name for f in dataclasses.fields(self.input_cls)]
        return self.input_cls(**{n: getattr(dto, n) for n in names})

    def make_input(self, values: dict[str, object]) -> Any:
        names = {f.name for f in dataclasses.fields(self.input_cls)}
        return self.input_cls(**{k: v for k, v in values.items() if k in names})


def _field_text(text: str) -> str:
    """A declared field's English label or hint in the UI language (the translation tool
    collects them from the declarations)."""
    return QCoreApplication.translate("RecordFields", text)


def _yes(flag: bool) -> str:
    return "✔" if flag else ""


class RecordSpecs(QObject):
    """Builds the kinds with translated texts (call after the translators are installed)."""

    def declared(self, input_cls: type,
                 links: dict[str, list[tuple[object, str]]] | None = None) -> list[FieldSpec]:
        """The form fields of a record type, from its one declaration (``casefile.fields``);
        ``links`` = the choices of fields that point at other records of the case."""
        return [self.field_spec(f, (links or {}).get(f.name))
                for f in record_fields.declared(input_cls) if f.form]

    def field_spec(self, f: record_fields.Field,
                   links: list[tuple[object, str]] | None = None) -> FieldSpec:
        choices: list[tuple[object, str]] = list(links or [])
        if f.codes is not None:
            if not f.required:
                choices.append(("", self.tr("unknown")))
            choices += table_choices(f.codes)
        extra = {k: v for k, v in (("minimum", f.minimum), ("maximum", f.maximum))
                 if v is not None}
        return FieldSpec(f.name, _field_text(f.label), f.kind, f.required, choices,
                         _field_text(f.placeholder) if f.placeholder else "",
                         optional=f.optional, **extra)

    def kinds(self) -> dict[str, RecordKind]:
        return {k.kind: k for k in (self.person(), self.vehicle(), self.meeting(),
                                    self.inquiry(), self.timeline())}

    def person(self) -> RecordKind:

        def fields(_detail: CaseDetail) -> list[FieldSpec]:
            return self.declared(PersonInput)

        columns: list[Column] = [
            (self.tr("Role"), lambda p, d: person_role_label(p.role)),
            (self.tr("Name / description"), lambda p, d: p.name or self.tr("(unidentified) {0}").format(
                p.label)),
            (self.tr("Identified"), lambda p, d: local_time(p.identified_at, d.tz) if p.identified
             else ""),
            (self.tr("Gender"), lambda p, d: p.gender),
            (self.tr("Age"), lambda p, d: "" if p.age is None else str(p.age)),
            (self.tr("Phone"), lambda p, d: p.phone or ""),
        ]
        return RecordKind("person", self.tr("Persons"), self.tr("person"), PersonInput, fields, columns,
                          lambda d: d.persons, True, lambda p: p.name or p.label)

    def vehicle(self) -> RecordKind:

        def fields(_detail: CaseDetail) -> list[FieldSpec]:
            return self.declared(VehicleInput)

        def plate(v, _d) -> str:
            if v.unlicensed:
                return self.tr("unlicensed")
            return v.plate or self.tr("unknown")

        columns: list[Column] = [
            (self.tr("Vehicle role"), lambda v, d: vehicle_role_label(v.role)),
            (self.tr("Kind"), lambda v, d: vehicle_kind_label(v.kind)),
            (self.tr("Colour"), lambda v, d: v.colour),
            (self.tr("Plate"), plate),
            (self.tr("Features"), lambda v, d: v.features.replace("\n", " ")),
        ]
        return RecordKind("vehicle", self.tr("Vehicles"), self.tr("vehicle"), VehicleInput, fields, columns,
                          lambda d: d.vehicles, True,
                          lambda v: f"{v.colour}{vehicle_kind_label(v.kind)}")

    def meeting(self) -> RecordKind:

        def fields(_detail: CaseDetail) -> list[FieldSpec]:
            return self.declared(MeetingInput)

        columns: list[Column] = [
            (self.tr("Held at"), lambda m, d: local_time(m.held_at, d.tz)),
            (self.tr("Chair"), lambda m, d: m.chair),
            (self.tr("Attendees"), lambda m, d: "、".join(m.attendees)),
            (self.tr("Lines of inquiry"), lambda m, d: str(len(m.inquiry_ids))),
            (self.tr("Decisions"), lambda m, d: m.decisions.replace("\n", " ")),
        ]
        return RecordKind("meeting", self.tr("Meetings"), self.tr("meeting"), MeetingInput, fields,
                          columns, lambda d: d.meetings, False,
                          lambda m: self.tr("meeting of {0}").format(local_time(m.held_at)))

    def inquiry(self) -> RecordKind:

        def fields(detail: CaseDetail) -> list[FieldSpec]:
            meetings: list[tuple[object, str]] = [(None, self.tr("(none)"))] + [
                (m.id, local_time(m.held_at, detail.tz)) for m in detail.meetings]
            return self.declared(InquiryInput, {"meeting_id": meetings})

        columns: list[Column] = [
            (self.tr("Team"), lambda i, d: i.team),
            (self.tr("Objective"), lambda i, d: i.objective.replace("\n", " ")),
            (self.tr("Status"), lambda i, d: inquiry_status_label(i.status)),
            (self.tr("Members"), lambda i, d: "、".join(i.members)),
            (self.tr("Events"), lambda i, d: str(i.event_count)),
            (self.tr("Findings"), lambda i, d: i.findings.replace("\n", " ")),
        ]
        return RecordKind("inquiry", self.tr("Lines of inquiry"), self.tr("line of inquiry"), InquiryInput,
                          fields, columns, lambda d: d.inquiries, True,
                          lambda i: f"{i.team}：{i.objective[:20]}")

    def timeline(self) -> RecordKind:  # not "event": QObject.event(QEvent) is Qt's

        def fields(detail: CaseDetail) -> list[FieldSpec]:
            none: list[tuple[object, str]] = [(None, self.tr("(none)"))]
            return self.declared(EventInput, {
                "inquiry_id": none + [(i.id, i.team) for i in detail.inquiries],
                "meeting_id": none + [(m.id, local_time(m.held_at, detail.tz))
                                      for m in detail.meetings],
                "person_ids": [(p.id, f"{person_role_label(p.role)}：{p.label}")
                               for p in detail.persons],
                "vehicle_ids": [(v.id, f"{vehicle_role_label(v.role)}：{v.colour}"
                                       f"{vehicle_kind_label(v.kind)}") for v in detail.vehicles],
                "basis_ids": [(e.id, f"{local_time(e.occurred_at, detail.tz, '%m-%d %H:%M')}"
                                     f" {e.title}") for e in detail.events]})

        def teams(e, d: CaseDetail) -> str:
            return next((i.team for i in d.inquiries if i.id == e.inquiry_id), "")

        def basis(e, d: CaseDetail) -> str:
            titles = {x.id: x.title for x in d.events}
            return "；".join(titles.get(b, "?") for b in e.basis_ids)

        columns: list[Column] = [
            (self.tr("When"), lambda e, d: local_time(e.occurred_at, d.tz)),
            (self.tr("Kind"), lambda e, d: event_kind_label(e.kind)),
            (self.tr("Title"), lambda e, d: e.title),
            (self.tr("Line of inquiry"), teams),
            (self.tr("Rests on"), basis),
            (self.tr("Location"), lambda e, d: e.location),
        ]
        return RecordKind("event", self.tr("Timeline"), self.tr("event"), EventInput, fields, columns,
                          lambda d: d.events, False, lambda e: e.title)
