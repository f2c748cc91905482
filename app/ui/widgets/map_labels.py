"""Labels on the camera plan that never cover each other or a camera's dot.

The labels keep their size on screen (they ignore the view's zoom), so whether two of them
collide depends on the zoom: they are laid out again in view pixels whenever it changes. Each
label tries spots around its anchor in order (right, left, above, below, then further out); the
first free one wins. A label that finds none falls back to its short text (the camera code),
and if that finds none either it is hidden (its dot keeps the full name as a tooltip). Labels
are placed in priority order: the route's cameras first, then its speeds, then the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

DOT = 8.0      # a dot's radius in view pixels
GAP = 4.0      # free space kept around a label
NEAR = 4       # the first spots touch the dot; labels set further out get a leader line


@dataclass
class MapLabel:
    item: QGraphicsSimpleTextItem
    at: QPointF                     # the anchor, in scene coordinates
    full: str
    short: str
    centred: bool = False           # speeds sit above/below their leg's middle
    shown: str = field(default="")  # the text shown after layout ("" when hidden)
    leader: QGraphicsLineItem | None = None   # to a label set further out than its neighbours

    def lead(self, spot: QPointF, size: QRectF) -> None:
        """A thin line from the anchor to the label's near edge (``spot``: its top-left)."""
        if self.leader is None:
            self.leader = QGraphicsLineItem(self.item.parentItem())
            scene = self.item.scene()
            if scene is not None and self.leader.scene() is None:
                scene.addItem(self.leader)
            pen = QPen(QColor(110, 110, 110), 1)
            pen.setCosmetic(True)
            self.leader.setPen(pen)
            self.leader.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self.leader.setZValue(self.item.zValue() - 1)
            self.leader.setPos(self.at)
        edge = spot.x() if spot.x() > 0 else spot.x() + size.width()
        self.leader.setLine(QLineF(QPointF(0, 0), QPointF(edge, spot.y() + size.height() / 2)))
        self.leader.setVisible(True)


def candidates(w: float, h: float, centred: bool) -> list[QPointF]:
    """Top-left offsets from the anchor, in the order they are tried."""
    if centred:
        near = [QPointF(-w / 2, -h - GAP), QPointF(-w / 2, GAP), QPointF(DOT + GAP, -h / 2),
                QPointF(-w - DOT - GAP, -h / 2)]
    else:
        near = [QPointF(DOT + GAP, -h / 2), QPointF(-w - DOT - GAP, -h / 2),
                QPointF(-w / 2, -h - DOT - GAP), QPointF(-w / 2, DOT + GAP)]
    far = []
    for k in range(1, 4):   # stacked rows beside the dot, nearest first
        for dy in (-k * (h + GAP), k * (h + GAP)):
            far += [QPointF(DOT + GAP, -h / 2 + dy), QPointF(-w - DOT - GAP, -h / 2 + dy)]
    return near + far


def _free(rect: QRectF, taken: list[QRectF], screen: QRectF) -> bool:
    grown = rect.adjusted(-GAP / 2, -GAP / 2, GAP / 2, GAP / 2)
    return screen.contains(rect) and not any(grown.intersects(t) for t in taken)


def layout(view: QGraphicsView, labels: list[MapLabel], dots: list[QPointF]) -> None:
    """Place ``labels`` (in priority order) for the view's current zoom; ``dots`` (scene
    coordinates) are kept clear as well."""
    screen = QRectF(view.viewport().rect())    # a label off screen would help nobody
    taken = [QRectF(p.x() - DOT, p.y() - DOT, 2 * DOT, 2 * DOT)
             for p in (QPointF(view.mapFromScene(d)) for d in dots)]
    for label in labels:
        anchor = QPointF(view.mapFromScene(label.at))
        label.shown = ""
        if label.leader is not None:
            label.leader.setVisible(False)
        for text in (label.full, label.short):
            label.item.setText(text)
            box = label.item.boundingRect()
            spots = candidates(box.width(), box.height(), label.centred)
            n = next((k for k, off in enumerate(spots)
                      if _free(QRectF(anchor + off, box.size()), taken, screen)), None)
            if n is not None:
                spot = spots[n]
                label.item.setTransform(QTransform.fromTranslate(spot.x(), spot.y()))
                taken.append(QRectF(anchor + spot, box.size()))
                label.shown = text
                if n >= NEAR:
                    label.lead(spot, box)
                break
        label.item.setVisible(bool(label.shown))


def view_rect(view: QGraphicsView, item: QGraphicsSimpleTextItem) -> QRectF:
    """Where ``item`` is drawn, in view pixels (for tests and hit checks)."""
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
