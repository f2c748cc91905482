"""Enhancement panel: the engine's filters as checkable groups with their settings, applied live
and non-destructively (the evidence file is never changed); the chain is saved per clip."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.video import FilterChain
from app.video.filters import SPECS, Param, choice_label, param_label

ParamEditor = QComboBox | QSpinBox | QDoubleSpinBox

LIVE_KINDS = ("brightness_contrast", "gamma", "clahe", "sharpen", "denoise", "deinterlace",
              "grayscale")  # crop/zoom is the frame view's job (it keeps ROI coordinates)


class EnhancePanel(QWidget):
    chain_changed = Signal(object)  # FilterChain

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EnhancePanel")
        self._groups: dict[str, QGroupBox] = {}
        self._editors: dict[str, dict[str, ParamEditor]] = {}
        self._loading = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(lambda: self.chain_changed.emit(self.chain()))
        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        for kind in LIVE_KINDS:
            spec = SPECS.get(kind)
            if spec is None:
                continue
            box = QGroupBox(_(spec.label), inner)
            box.setCheckable(True)
            box.setChecked(False)
            box.toggled.connect(self._changed)
            form = QFormLayout(box)
            self._editors[kind] = {}
            for p in spec.params:
                editor = self._editor(p)
                form.addRow(self._param_label(p.name), editor)
                self._editors[kind][p.name] = editor
            self._groups[kind] = box
            lay.addWidget(box)
        self.reset_button = QPushButton(self.tr("Original frame (reset)"), inner)
        self.reset_button.clicked.connect(lambda: self.set_chain(FilterChain(), emit=True))
        lay.addWidget(self.reset_button)
        lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _param_label(self, name: str) -> str:
        return param_label(name)

    def _editor(self, p: Param) -> ParamEditor:
        if p.choices:
            combo = QComboBox(self)
            for c in p.choices:
                combo.addItem(choice_label(c), c)
            combo.setCurrentIndex(max(0, combo.findData(p.default)))
            combo.currentIndexChanged.connect(self._changed)
            return combo
        w: QSpinBox | QDoubleSpinBox
        if isinstance(p.default, int) and not isinstance(p.default, bool):
            w = QSpinBox(self)
            w.setRange(int(p.low if p.low is not None else -10000),
                       int(p.high if p.high is not None else 10000))
        else:
            w = QDoubleSpinBox(self)
            w.setDecimals(2)
            w.setSingleStep(0.1)
            w.setRange(float(p.low if p.low is not None else -1e4),
                       float(p.high if p.high is not None else 1e4))
        _set_number(w, p.default)
        w.setKeyboardTracking(False)
        w.valueChanged.connect(self._changed)
        w.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        return w

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._debounce.start()

    def chain(self) -> FilterChain:
        specs = []
        for kind, box in self._groups.items():
            if not box.isChecked():
                continue
            spec: dict[str, object] = {"type": kind}
            for name, editor in self._editors[kind].items():
                spec[name] = editor.currentData() if isinstance(editor, QComboBox) else editor.value()
            specs.append(spec)
        return FilterChain(specs)

    def set_chain(self, chain: FilterChain, emit: bool = False) -> None:
        self._loading = True
        try:
            by_kind = {f["type"]: f for f in chain.to_json()}
            for kind, box in self._groups.items():
                spec = by_kind.get(kind)
                box.setChecked(spec is not None)
                for name, editor in self._editors[kind].items():
                    default = next(p.default for p in SPECS[kind].params if p.name == name)
                    value = spec.get(name, default) if spec else default
                    if isinstance(editor, QComboBox):
                        editor.setCurrentIndex(max(0, editor.findData(value)))
                    else:
                        _set_number(editor, value)
        finally:
            self._loading = False
        if emit:
            self.chain_changed.emit(self.chain())


def _set_number(box: QSpinBox | QDoubleSpinBox, value: object) -> None:
    """A numeric parameter into its spin box (a saved chain may hold it as int or float)."""
    if not isinstance(value, (int, float)):
        return  # only choice parameters are text, and those have a combo box
    if isinstance(box, QSpinBox):
        box.setValue(int(value))
    else:
        box.setValue(float(value))
