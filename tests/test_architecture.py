"""House rules checked on the source tree: layering, file size (messages: test_translations)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
QT_FREE = ("models", "services", "video", "reports", "commands", "demo", "timeread")


def _py_files(sub: str = "") -> list[Path]:
    return sorted(p for p in (APP / sub).rglob("*.py") if "migrations" not in p.parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_qt_and_no_ui():
    offenders = []
    for sub in QT_FREE:
        for path in _py_files(sub):
            bad = {n for n in _imports(path) if n.startswith(("PySide6", "app.ui"))}
            if bad:
                offenders.append(f"{path.relative_to(APP)}: {sorted(bad)}")
    assert offenders == []


def test_models_do_not_import_services():
    offenders = [str(p) for p in _py_files("models") if any(
        n.startswith(("app.services", "app.video")) for n in _imports(p))]
    assert offenders == []


def test_no_module_is_oversized():
    big = [f"{p.relative_to(APP)}: {n}" for p in _py_files()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450]
    assert big == []
