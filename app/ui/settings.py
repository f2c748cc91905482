"""User settings: ``QSettings`` (IniFormat, user scope) behind typed getters and setters.

Keys are grouped (``ui/``, ``cases/``, ``paths/``); every getter returns a value of the right
type even when the stored text is damaged (a hand-edited ini file must not crash the program).
``Settings(path)`` uses an explicit ini file (tests, portable installs). Other views may add
their own keys through :meth:`value` / :meth:`set_value` with a type, under their own group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app.config import APP_NAME
from app.i18n import SUPPORTED

T = TypeVar("T", str, int, float, bool)
SCHEMA_VERSION = 1


class Settings:
    """Typed access to the user's ``CaseDesk.ini``."""

    def __init__(self, path: str | Path | None = None):
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 APP_NAME, APP_NAME)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def _upgrade(self) -> None:
        """Hook for renamed keys between versions (Picard style)."""
        if self.value("meta/schema", 0, int) < SCHEMA_VERSION:
            self.set_value("meta/schema", SCHEMA_VERSION)

    # -- generic typed access -------------------------------------------------------------
    def value(self, key: str, default: T, kind: type[T]) -> T:
        raw: Any = self._qs.value(key, None)  # a QVariant: str, int, bool… per backend
        if raw is None:
            return default
        try:
            if kind is bool:
                if isinstance(raw, str):
                    return raw.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
                return bool(raw)  # type: ignore[return-value]
            return kind(raw)
        except (TypeError, ValueError):
            return default

    def set_value(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)

    def _bytes(self, key: str) -> QByteArray | None:
        """A saved Qt state blob (geometry, header, splitter), or None when none is saved."""
        raw = self._qs.value(key, None)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def sync(self) -> None:
        self._qs.sync()

    # -- language -------------------------------------------------------------------------
    def language(self) -> str:
        lang = self.value("ui/language", "zh_CN", str)
        return lang if lang in SUPPORTED else "zh_CN"

    def set_language(self, lang: str) -> None:
        if lang not in SUPPORTED:
            raise ValueError(lang)
        self.set_value("ui/language", lang)

    # -- window state ---------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("ui/window_geometry")

    def set_window_geometry(self, data: QByteArray) -> None:
        self.set_value("ui/window_geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("ui/window_state")

    def set_window_state(self, data: QByteArray) -> None:
        self.set_value("ui/window_state", data)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"ui/splitter_{name}")

    def set_splitter_state(self, name: str, data: QByteArray) -> None:
        self.set_value(f"ui/splitter_{name}", data)

    def last_view(self) -> str:
        return self.value("ui/last_view", "cases", str)

    def set_last_view(self, name: str) -> None:
        self.set_value("ui/last_view", name)

    # -- case list ------------------------------------------------------------------------
    def last_case_id(self) -> int | None:
        value = self.value("cases/last_case_id", 0, int)
        return value or None

    def set_last_case_id(self, case_id: int | None) -> None:
        self.set_value("cases/last_case_id", int(case_id or 0))

    def case_status_filter(self) -> str:
        return self.value("cases/status_filter", "", str)

    def set_case_status_filter(self, status: str) -> None:
        self.set_value("cases/status_filter", status)

    def case_list_header(self) -> QByteArray | None:
        return self._bytes("cases/header_state")

    def set_case_list_header(self, data: QByteArray) -> None:
        self.set_value("cases/header_state", data)

    # -- paths ----------------------------------------------------------------------------
    def last_export_dir(self) -> str:
        return self.value("paths/last_export_dir", str(Path.home()), str)

    def set_last_export_dir(self, path: str | Path) -> None:
        self.set_value("paths/last_export_dir", str(path))

    def last_import_dir(self) -> str:
        return self.value("paths/last_import_dir", str(Path.home()), str)

    def set_last_import_dir(self, path: str | Path) -> None:
        self.set_value("paths/last_import_dir", str(path))
