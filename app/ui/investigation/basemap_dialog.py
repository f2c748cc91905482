"""Tools ▸ Basemap…: choose the map's basemap once (MBTiles file, XYZ URL or the plan image)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.ui.investigation.basemap import BasemapConfig, load_config, save_config
from app.ui.settings import Settings
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons, error_label


class BasemapDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Basemap"))
        self.settings = settings
        cfg = load_config(settings)
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("The case's plan image"), "plan")
        self.kind.addItem(self.tr("MBTiles file (offline)"), "mbtiles")
        self.kind.addItem(self.tr("XYZ tile URL (police GIS)"), "xyz")
        self.kind.setCurrentIndex(max(0, self.kind.findData(cfg.kind)))
        self.mbtiles = QLineEdit(cfg.mbtiles, self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.mbtiles, 1)
        row.addWidget(browse)
        self.url = QLineEdit(cfg.xyz_url, self)
        self.url.setPlaceholderText("http://pgis.example/tiles/{z}/{x}/{y}.png")
        self.gcj = QCheckBox(self.tr("Tiles use GCJ-02 coordinates (most Chinese street maps)"),
                             self)
        self.gcj.setChecked(cfg.gcj02)
        form.addRow(self.tr("Basemap"), self.kind)
        form.addRow(self.tr("MBTiles file"), row)
        form.addRow(self.tr("Tile URL"), self.url)
        form.addRow(self.gcj)
        self.error = error_label(self)
        form.addRow(self.error)
        form.addRow(accept_cancel_buttons(self, self._save, Button.Save))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("MBTiles file"), "",
                                              "MBTiles (*.mbtiles)")
        if name:
            self.mbtiles.setText(name)

    def _problem(self, kind: str, mbtiles: str, url: str) -> str:
        """What is wrong with the choice, in words ("" when it can be saved)."""
        if kind == "mbtiles" and not Path(mbtiles).is_file():
            return self.tr("Choose an MBTiles file that exists.")
        if kind == "xyz":
            if not url.startswith(("http://", "https://", "file://")):
                return self.tr("The tile URL must start with http://, https:// or file://.")
            if not all(key in url for key in ("{z}", "{x}", "{y}")):
                return self.tr("The tile URL needs the placeholders {z}, {x} and {y}.")
        return ""

    def _save(self) -> None:
        kind, mbtiles, url = self.kind.currentData(), self.mbtiles.text().strip(), \
            self.url.text().strip()
        problem = self._problem(kind, mbtiles, url)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        save_config(self.settings, BasemapConfig(kind, mbtiles, url, self.gcj.isChecked()))
        self.accept()
