"""The review toolbar's colour picker: rank the open clip's activity segments by a colour."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.video.colour import COLOURS


class ColourBox(QComboBox):
    """"Any colour" plus the engine's colours in words; ``chosen`` carries the key ("" = any)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("Rank activity segments by colour"))
        self.addItem(self.tr("Any colour"), "")
        names = {"red": self.tr("red"), "orange": self.tr("orange"), "yellow": self.tr("yellow"),
                 "green": self.tr("green"), "cyan": self.tr("cyan"), "blue": self.tr("blue"),
                 "purple": self.tr("purple"), "white": self.tr("white"),
                 "silver": self.tr("silver"), "grey": self.tr("grey"), "black": self.tr("black")}
        for key in COLOURS:
            self.addItem(names.get(key, key), key)
        self.activated.connect(lambda i: self.chosen.emit(self.itemData(i) or ""))
