"""Below the timeline: what the selected event rests on and what rests on it.

Observation → inference → action: the chain is walked through ``EventDTO.basis_ids`` of the
loaded case file (no extra query), oldest first, so an officer sees why a step was taken.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services.casefile.dto import CaseDetail, EventDTO
from app.ui.widgets.enum_labels import event_kind_label, local_time


def basis_chain(events: dict[int, EventDTO], event_id: int) -> list[EventDTO]:
    """Everything ``event_id`` rests on, transitively, in time order (without the event)."""
    seen: set[int] = set()
    stack = list(events[event_id].basis_ids) if event_id in events else []
    while stack:
        eid = stack.pop()
        if eid in seen or eid not in events:
            continue
        seen.add(eid)
        stack.extend(events[eid].basis_ids)
    return sorted((events[e] for e in seen), key=lambda e: (e.occurred_at, e.id))


def dependants(events: dict[int, EventDTO], event_id: int) -> list[EventDTO]:
    """Events that rest directly on ``event_id``."""
    return sorted((e for e in events.values() if event_id in e.basis_ids),
                  key=lambda e: (e.occurred_at, e.id))


class ReasoningPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("reasoning")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.label)
        layout.addWidget(scroll)
        self.show_event(None, None)

    def _line(self, event: EventDTO, tz: str) -> str:
        return (f"{local_time(event.occurred_at, tz, '%m-%d %H:%M')} "
                f"<b>{escape(event_kind_label(event.kind))}</b> {escape(event.title)}")

    def show_event(self, detail: CaseDetail | None, event: EventDTO | None) -> None:
        if detail is None or event is None:
            self.label.setText(self.tr("Select an event to see what it rests on "
                                       "(observation → inference → action)."))
            return
        events = {e.id: e for e in detail.events}
        chain = basis_chain(events, event.id)
        after = dependants(events, event.id)
        heading = self.tr("Reasoning")
        parts = [f"<b>{escape(heading)}</b>"]
        if chain:
            parts.append(" → ".join(self._line(e, detail.tz) for e in chain)
                         + " → <u>" + self._line(event, detail.tz) + "</u>")
        else:
            parts.append(self._line(event, detail.tz) + " — "
                         + escape(self.tr("rests on no recorded event")))
        if after:
            parts.append(escape(self.tr("Rests on it:")) + " "
                         + "；".join(self._line(e, detail.tz) for e in after))
        if event.detail:
            parts.append(escape(event.detail))
        self.label.setText("<br>".join(parts))
