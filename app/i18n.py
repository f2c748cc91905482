"""Qt-free translation of core (services/video/reports/CLI) messages.

Source strings are English, wrapped in ``_()``; the zh_CN catalogue is every JSON file in the
package data ``app/resources/i18n/core_zh_CN/`` (English → Chinese; one file per topic). zh_CN is
the default language. A test checks that every ``_("...")`` literal under ``app/`` has a Chinese entry. The Qt UI uses
``tr()`` with ``.ts``/``.qm`` files instead; both follow :func:`set_language`.
"""

from __future__ import annotations

import json
from functools import cache

from app.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED = ("zh_CN", "en")
_state = {"lang": DEFAULT_LANGUAGE}


def set_language(lang: str) -> None:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    _state["lang"] = lang


def language() -> str:
    return _state["lang"]


@cache
def catalogue(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(resource_path("i18n", f"core_{lang}").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def _(text: str, **params: object) -> str:
    """Translate ``text`` into the current language, then fill ``{named}`` params."""
    translated = catalogue(_state["lang"]).get(text, text) if _state["lang"] != "en" else text
    return translated.format(**params) if params else translated
