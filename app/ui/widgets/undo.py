"""Base of the undo commands whose change is made before they are pushed on a ``QUndoStack``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class AppliedCommand(QUndoCommand):
    """The first ``redo`` (the push) does nothing; later ones run ``do_redo`` and ``undo`` runs
    ``do_undo``, both through :meth:`run`, where subclasses handle errors."""

    def __init__(self, text: str):
        super().__init__(text)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.run(self.do_redo)

    def undo(self) -> None:
        self.run(self.do_undo)

    def run(self, fn: Callable[..., None]) -> None:
        fn()

    def do_redo(self, *args) -> None:
        raise NotImplementedError

    def do_undo(self, *args) -> None:
        raise NotImplementedError
