"""The review bench's route dock (``ReviewPanel.routes``): which vehicle, in which order, over
which map area. :class:`RouteHost` is all it needs from the panel."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence import cameras, routes
from app.ui.context import AppContext
from app.ui.review.bench_controller import BenchController
from app.ui.review.route_view import RouteWidget, load_area


class RouteHost(Protocol):
    """What the route controller needs from the review panel."""

    context: AppContext
    case_id: int | None
    camera_list: list[cameras.CameraDTO]


class RouteController(BenchController[RouteHost]):
    """Fills ``widget`` (the route dock) for the host's case; ``view`` parents the area dialog."""

    def __init__(self, host: RouteHost, widget: RouteWidget, view: QWidget) -> None:
        super().__init__(host, view)
        self.widget = widget
        self.vehicle_id: int | None = None
        self.order = "time"
        widget.vehicle_changed.connect(self._on_vehicle)
        widget.order_changed.connect(self._on_order)
        widget.area_requested.connect(self.choose_area)

    def _on_vehicle(self, vehicle_id: int | None) -> None:
        self.vehicle_id = vehicle_id
        self.refresh()

    def _on_order(self, order: str) -> None:
        self.order = order
        self.refresh()

    def refresh(self) -> None:
        host = self.host
        if host.case_id is None:
            return
        try:
            with unit_of_work(host.context.sessions) as s:
                all_routes = routes.case_routes(s, host.context.actor, host.case_id,
                                                order=self.order)
        except ServiceError:
            all_routes = []
        if self.vehicle_id not in {r.vehicle_id for r in all_routes}:
            self.vehicle_id = all_routes[0].vehicle_id if all_routes else None
        self.widget.set_vehicles([(r.vehicle_id, r.vehicle_label) for r in all_routes],
                                 self.vehicle_id)
        current = next((r for r in all_routes if r.vehicle_id == self.vehicle_id), None)
        self.widget.show_route(current, host.camera_list, load_area(host.context, host.case_id))

    def choose_area(self) -> None:
        from app.ui.review.area_dialog import AreaDialog  # loads the map tiles: only when asked

        if self.host.case_id is None:
            return
        dlg = AreaDialog(self.host.context, self.host.case_id, self.host.camera_list, self.view)
        if dlg.exec():
            self.refresh()
