"""The base of the review bench's controllers (clips, exports, marks, dialogs, route): each
sees the panel only through its own ``Host`` Protocol and parents its dialogs, menus and tasks
on ``view``."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

HostT = TypeVar("HostT")


class BenchController(QObject, Generic[HostT]):
    """One concern of the bench: ``host`` (what it needs from the panel) and ``view``."""

    def __init__(self, host: HostT, view: QWidget) -> None:
        super().__init__(view)
        self.host, self.view = host, view
