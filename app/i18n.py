"""Qt-free translation of core (services/video/reports/CLI) messages.

Source strings are English, wrapped in ``_()``. Their Chinese is the gettext catalogue
``app/resources/i18n/<lang>/LC_MESSAGES/casedesk.mo`` (package data, read once with the standard
library's :mod:`gettext`), compiled from ``translations/<lang>/core/<topic>.po`` by
``tools/update_translations.py``. zh_CN is the default language; ``en`` is the source text. The
Qt UI uses ``tr()`` and a ``.qm`` built by the same command; both follow :func:`set_language`.
"""

from __future__ import annotations

import gettext
from functools import cache

from app.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
SUPPORTED = ("zh_CN", "en")
DOMAIN = "casedesk"
#: Context under which the GUI's ``.qm`` repeats every translation (context-free fallback).
ANY_CONTEXT = "@any"
_state = {"lang": DEFAULT_LANGUAGE}


def set_language(lang: str) -> None:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    _state["lang"] = lang


def language() -> str:
    return _state["lang"]


def N_(text: str, /) -> str:  # noqa: N802 - the gettext convention
    """Mark ``text`` for the catalogue without translating it (translate later with ``_``)."""
    return text


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (no translation for ``en`` or a missing file)."""
    if lang == "en":
        return gettext.NullTranslations()
    mo = resource_path("i18n", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not mo.is_file():
        return gettext.NullTranslations()
    with mo.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def _(text: str, /, **params: object) -> str:
    """Translate ``text`` into the current language, then fill ``{named}`` params."""
    translated = catalogue(_state["lang"]).gettext(text)
    return translated.format(**params) if params else translated
