"""The text reader installs without the GUI opencv-python and reads offline from the model
files shipped in the rapidocr wheel."""

from __future__ import annotations

import configparser
import socket
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from app.timeread.ocr import OcrEngine

ROOT = Path(__file__).resolve().parents[2]


def _install_requires() -> list[Requirement]:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = cfg["options"]["install_requires"].splitlines()
    return [Requirement(line) for line in (x.strip() for x in lines)
            if line and not line.startswith("#")]


def _closure(reqs: list[Requirement]) -> dict[str, str]:
    """Every distribution the requirements pull in (name -> who asks for it), from the installed
    packages' metadata, extras followed, environment markers evaluated."""
    seen: dict[str, str] = {}
    todo = [(r, "casedesk") for r in reqs]
    while todo:
        req, parent = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen[name] = parent
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{req.name} (asked for by {parent}) is not installed")
        for text in dist.requires or []:
            sub = Requirement(text)
            extras = req.extras or {""}
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append((sub, name))
    return seen


def test_install_requires_never_pull_the_gui_opencv():
    deps = _closure(_install_requires())
    assert "opencv-python" not in deps, f"opencv-python is asked for by {deps['opencv-python']}"
    assert "rapidocr-onnxruntime" not in deps
    assert {"opencv-python-headless", "rapidocr", "onnxruntime"} <= deps.keys()


def test_reader_uses_the_bundled_models_and_never_downloads(monkeypatch):
    import rapidocr
    from rapidocr.utils.download_file import DownloadFile

    def no_download(*args, **kwargs):
        raise AssertionError(f"tried to download: {args} {kwargs}")

    def no_network(*args, **kwargs):
        raise AssertionError(f"tried to connect: {args}")

    monkeypatch.setattr(DownloadFile, "run", classmethod(no_download))
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)

    engine = OcrEngine()
    line = np.zeros((36, 330, 3), np.uint8)
    cv2.putText(line, "2023-11-28 05:51:07", (6, 26), cv2.FONT_HERSHEY_SIMPLEX, 0.8,
                (255, 255, 255), 2)
    text, conf = engine.read_line(line)
    assert text == "2023-11-28 05:51:07" and conf > 0.9

    frame = np.full((360, 640, 3), 60, np.uint8)
    frame[200:236, 300:630] = line
    (found,) = engine.lines(frame)
    x, y, w, h = found.box
    assert found.text == "2023-11-28 05:51:07"
    assert 290 <= x <= 310 and 190 <= y <= 206 and 230 <= w <= 330 and 25 <= h <= 50

    models = Path(rapidocr.__file__).parent / "models"
    cfg = engine._load().cfg
    for section in (cfg.Det, cfg.Rec):
        assert Path(section.model_path).parent == models
