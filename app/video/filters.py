"""Enhancement filters: non-destructive, composable, parameters serialisable as JSON.

A :class:`FilterChain` is an ordered list of ``{"type": name, **params}`` specs; ``apply`` returns
a new BGR frame and never touches the evidence itself. An empty chain is the identity.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from app.i18n import _
from app.video.errors import VideoError


@dataclass(frozen=True)
class Param:
    name: str
    default: float | int | str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class FilterSpec:
    """One filter kind: its English label (translate with ``app.i18n._``), params, function."""

    kind: str
    label: str
    params: tuple[Param, ...]
    fn: Callable[..., np.ndarray]


def _brightness_contrast(img: np.ndarray, brightness: float, contrast: float) -> np.ndarray:
    return cv2.convertScaleAbs(img, alpha=float(contrast), beta=float(brightness))


def _gamma(img: np.ndarray, gamma: float) -> np.ndarray:
    lut = np.clip(((np.arange(256) / 255.0) ** (1.0 / float(gamma))) * 255.0 + 0.5, 0, 255)
    return cv2.LUT(img, lut.astype(np.uint8))


def _clahe(img: np.ndarray, clip_limit: float, tiles: int) -> np.ndarray:
    lab = cv2.cvtColor(img, cv2.COLOR_BGR2LAB)
    tool = cv2.createCLAHE(clipLimit=float(clip_limit), tileGridSize=(int(tiles), int(tiles)))
    lab[:, :, 0] = tool.apply(lab[:, :, 0])
    return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)


def _sharpen(img: np.ndarray, amount: float, radius: float) -> np.ndarray:
    blurred = cv2.GaussianBlur(img, (0, 0), float(radius))
    return cv2.addWeighted(img, 1.0 + float(amount), blurred, -float(amount), 0)


def _denoise(img: np.ndarray, strength: float, method: str) -> np.ndarray:
    if method == "nlmeans":
        return cv2.fastNlMeansDenoisingColored(img, None, float(strength), float(strength), 7, 21)
    d = 5 if strength < 15 else 9
    return cv2.bilateralFilter(img, d, float(strength) * 5, float(strength) * 5)


def _deinterlace(img: np.ndarray, mode: str) -> np.ndarray:
    if mode == "blend":
        out = img.astype(np.uint16)
        out[1:] = (out[1:] + out[:-1]) // 2
        return out.astype(np.uint8)
    field = img[0::2] if mode == "top" else img[1::2]
    return cv2.resize(field, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_LINEAR)


def _grayscale(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)


def _crop_zoom(img: np.ndarray, x: int, y: int, w: int, h: int, scale: int) -> np.ndarray:
    height, width = img.shape[:2]
    x, y = min(max(int(x), 0), width - 1), min(max(int(y), 0), height - 1)
    w = width - x if int(w) <= 0 else min(int(w), width - x)
    h = height - y if int(h) <= 0 else min(int(h), height - y)
    crop = img[y:y + h, x:x + w]
    s = int(scale)
    return cv2.resize(crop, (w * s, h * s), interpolation=cv2.INTER_NEAREST) if s > 1 else crop.copy()


def param_label(name: str) -> str:
    """A filter setting's name in the current language (captions, the enhancement panel)."""
    labels = {"brightness": _("Brightness"), "contrast": _("Contrast"), "gamma": _("Gamma"),
              "clip_limit": _("Strength"), "tiles": _("Tiles"), "amount": _("Amount"),
              "radius": _("Radius"), "strength": _("Strength"), "method": _("Method"),
              "mode": _("Mode"), "scale": _("Scale"), "x": "x", "y": "y", "w": _("Width"),
              "h": _("Height")}
    return labels.get(name, name)


def choice_label(value: object) -> str:
    """A choice's words in the current language (``nlmeans`` → 非局部均值); other values as is."""
    labels = {"fast": _("fast (bilateral)"), "nlmeans": _("thorough (non-local means)"),
              "blend": _("blend both fields"), "top": _("top field"),
              "bottom": _("bottom field")}
    return labels.get(value, str(value)) if isinstance(value, str) else str(value)


SPECS: dict[str, FilterSpec] = {s.kind: s for s in (
    FilterSpec("brightness_contrast", "Brightness / contrast",
               (Param("brightness", 0, -128, 128), Param("contrast", 1.0, 0.1, 5.0)),
               _brightness_contrast),
    FilterSpec("gamma", "Gamma", (Param("gamma", 1.0, 0.1, 5.0),), _gamma),
    FilterSpec("clahe", "Night enhancement (CLAHE)",
               (Param("clip_limit", 3.0, 0.5, 40.0), Param("tiles", 8, 2, 32)), _clahe),
    FilterSpec("sharpen", "Sharpen (unsharp mask)",
               (Param("amount", 1.0, 0.0, 5.0), Param("radius", 1.5, 0.3, 10.0)), _sharpen),
    FilterSpec("denoise", "Denoise",
               (Param("strength", 7.0, 1.0, 30.0),
                Param("method", "fast", choices=("fast", "nlmeans"))), _denoise),
    FilterSpec("deinterlace", "Deinterlace",
               (Param("mode", "blend", choices=("blend", "top", "bottom")),), _deinterlace),
    FilterSpec("grayscale", "Grayscale", (), _grayscale),
    FilterSpec("crop_zoom", "Crop / zoom (pixel inspection)",
               (Param("x", 0, 0, None), Param("y", 0, 0, None), Param("w", 0, 0, None),
                Param("h", 0, 0, None), Param("scale", 4, 1, 32)), _crop_zoom),
)}


def normalise(spec: dict) -> dict:
    """Validate one filter spec and fill in defaults; raises VideoError in plain words."""
    if not isinstance(spec, dict) or spec.get("type") not in SPECS:
        kind = spec.get("type") if isinstance(spec, dict) else spec
        raise VideoError(_("unknown enhancement filter {kind}", kind=kind))
    kind = SPECS[spec["type"]]
    out: dict = {"type": kind.kind}
    known = {p.name for p in kind.params} | {"type"}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise VideoError(_("filter {kind} has no setting {name}", kind=kind.kind, name=unknown[0]))
    for p in kind.params:
        value = spec.get(p.name, p.default)
        if p.choices:
            if value not in p.choices:
                raise VideoError(_("filter {kind}: {name} must be one of {choices}",
                                   kind=kind.kind, name=p.name, choices=", ".join(p.choices)))
        else:
            try:
                value = type(p.default)(value)
            except (TypeError, ValueError) as exc:
                raise VideoError(_("filter {kind}: {name} must be a number", kind=kind.kind,
                                   name=p.name)) from exc
            number = float(value)
            if (p.low is not None and number < p.low) or (p.high is not None and number > p.high):
                raise VideoError(_("filter {kind}: {name} must be between {low} and {high}",
                                   kind=kind.kind, name=p.name, low=p.low,
                                   high=p.high if p.high is not None else "∞"))
        out[p.name] = value
    return out


class FilterChain:
    """An ordered, serialisable list of enhancement filters."""

    def __init__(self, filters: list[dict] | None = None) -> None:
        self.filters: list[dict] = [normalise(f) for f in (filters or [])]

    def add(self, kind: str, **params: object) -> FilterChain:
        """Return a new chain with one more filter at the end."""
        return FilterChain([*self.filters, {"type": kind, **params}])

    def __len__(self) -> int:
        return len(self.filters)

    def __bool__(self) -> bool:
        return bool(self.filters)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FilterChain) and other.filters == self.filters

    def __repr__(self) -> str:
        return f"FilterChain({self.filters!r})"

    def apply(self, frame: np.ndarray) -> np.ndarray:
        """Run every filter in order on a BGR frame; returns a new array (identity if empty)."""
        if frame.ndim != 3 or frame.shape[2] != 3 or frame.dtype != np.uint8:
            raise VideoError(_("enhancement needs an H×W×3 8-bit colour frame"))
        out = frame
        for spec in self.filters:
            params = {k: v for k, v in spec.items() if k != "type"}
            out = SPECS[spec["type"]].fn(out, **params)
        return out

    def describe(self) -> str:
        """Human-readable summary (current language), e.g. for a report caption."""
        if not self.filters:
            return _("none (original frame)")
        parts = []
        for spec in self.filters:
            params = _(", ").join(f"{param_label(k)} {choice_label(v)}"
                                 for k, v in spec.items() if k != "type")
            parts.append(f"{_(SPECS[spec['type']].label)}({params})" if params
                         else _(SPECS[spec["type"]].label))
        return " → ".join(parts)

    def to_json(self) -> list[dict]:
        return [dict(f) for f in self.filters]

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: list[dict] | str | None) -> FilterChain:
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise VideoError(_("the filter settings are not valid JSON")) from exc
        if data is not None and not isinstance(data, list):
            raise VideoError(_("the filter settings must be a list"))
        return cls(data or [])
