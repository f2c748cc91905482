"""Text reading with RapidOCR 3 (``rapidocr``; its wheel ships the PP-OCRv6 small detection and
recognition models, run on the CPU through onnxruntime). The bundled model files are given by
path, so nothing is ever downloaded: reading works offline.

Two operations: :meth:`OcrEngine.lines` finds and reads every text line of an image (slow: the
detector, used once to find the clock) and :meth:`OcrEngine.read_line` reads one cropped line
(fast: the recogniser only, ≈0.1 s for a clock crop). Results are cached by the pixels' hash, so
reading the same crop twice in a process costs nothing.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import cv2
import numpy as np

from app.i18n import _

if TYPE_CHECKING:
    from rapidocr import RapidOCR

T = TypeVar("T")

MIN_HEIGHT = 40  # the recogniser works at 48 px line height; tiny OSD text is upscaled first
MODEL_FILES = {  # config section -> model file inside the rapidocr wheel's ``models`` folder
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",  # the character set is stored inside the model
}


class OcrUnavailable(RuntimeError):
    """The OCR engine cannot be loaded (package missing or broken)."""


@dataclass(frozen=True)
class TextLine:
    box: tuple[int, int, int, int]  # x, y, w, h in the image given
    text: str
    confidence: float


def _as_bgr(img: np.ndarray) -> np.ndarray:
    if img.ndim == 2:
        return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    return np.ascontiguousarray(img)


def _scaled(img: np.ndarray) -> tuple[np.ndarray, float]:
    h = img.shape[0]
    if h >= MIN_HEIGHT:
        return img, 1.0
    f = MIN_HEIGHT / max(1, h)
    return cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC), f


def _params(models: Path) -> dict:
    """RapidOCR settings: the wheel's own model files by explicit path (no download, and a
    missing file is a clear error), quiet logging, the detector limited to 960 px."""
    missing = [name for name in MODEL_FILES.values() if not (models / name).is_file()]
    if missing:
        raise FileNotFoundError(", ".join(str(models / name) for name in missing))
    params: dict = {"Global.log_level": "error", "Global.model_root_dir": str(models),
                    "Det.limit_type": "max", "Det.limit_side_len": 960}
    for section, name in MODEL_FILES.items():
        params[f"{section}.model_path"] = str(models / name)
    return params


class OcrEngine:
    """A lazily loaded, thread-safe RapidOCR with a small result cache."""

    def __init__(self, cache_size: int = 4096) -> None:
        self._engine: RapidOCR | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[bytes, Any] = OrderedDict()
        self._cache_size = cache_size
        self.calls = 0  # recogniser/detector runs actually made (cache misses)

    def _load(self) -> RapidOCR:
        if self._engine is None:
            try:
                import rapidocr
                from rapidocr import RapidOCR

                engine = RapidOCR(params=_params(Path(rapidocr.__file__).parent / "models"))
                blank = np.zeros((48, 96, 3), np.uint8)  # models load on first use: load them now
                engine(blank, use_det=True, use_cls=False, use_rec=False)
                engine(blank, use_det=False, use_cls=False, use_rec=True)
                self._engine = engine
            except Exception as exc:  # noqa: BLE001 - any failure to start means no OCR
                raise OcrUnavailable(_("The text reader (rapidocr) is not installed "
                                       "or cannot start: {reason}", reason=exc)) from exc
        return self._engine

    def _cached(self, key: bytes, run: Callable[[RapidOCR], T]) -> T:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                cached: T = self._cache[key]
                return cached
            value = run(self._load())
            self.calls += 1
            self._cache[key] = value
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return value

    @staticmethod
    def _key(kind: str, img: np.ndarray) -> bytes:
        h = hashlib.blake2b(img.tobytes(), digest_size=16)
        h.update(f"{kind}{img.shape}".encode())
        return h.digest()

    def read_line(self, img: np.ndarray) -> tuple[str, float]:
        """Text and confidence of one cropped text line ("", 0.0 when nothing is read)."""
        img, _f = _scaled(_as_bgr(img))
        pad = cv2.copyMakeBorder(img, 4, 4, 8, 8, cv2.BORDER_REPLICATE)

        def run(engine: RapidOCR) -> tuple[str, float]:
            result = engine(pad, use_det=False, use_cls=False, use_rec=True)
            # the output's type depends on the stages run: read its fields by name
            txts, scores = getattr(result, "txts", None), getattr(result, "scores", None)
            if not txts or not scores:
                return "", 0.0
            return str(txts[0]), float(scores[0])

        return self._cached(self._key("rec", pad), run)

    def lines(self, img: np.ndarray) -> list[TextLine]:
        """Every text line found in ``img`` with its box."""
        img, f = _scaled(_as_bgr(img))

        def run(engine: RapidOCR) -> list[TextLine]:
            result = engine(img, use_det=True, use_cls=False, use_rec=True)
            boxes, txts = getattr(result, "boxes", None), getattr(result, "txts", None)
            scores = getattr(result, "scores", None)
            if boxes is None or not txts or scores is None:
                return []
            out = []
            for quad, text, score in zip(boxes, txts, scores, strict=True):
                xs = [p[0] / f for p in quad]
                ys = [p[1] / f for p in quad]
                x0, y0 = int(min(xs)), int(min(ys))
                out.append(TextLine((x0, y0, int(max(xs)) - x0 + 1, int(max(ys)) - y0 + 1),
                                    str(text), float(score)))
            return out

        return self._cached(self._key("det", img), run)


_shared: OcrEngine | None = None


def shared_engine() -> OcrEngine:
    """The process-wide engine (models load once, ≈0.5 s)."""
    global _shared
    if _shared is None:
        _shared = OcrEngine()
    return _shared
