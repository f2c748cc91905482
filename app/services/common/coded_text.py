"""Details stored as a code plus parameters, rendered in the reader's language when read.

A chain-of-custody note or an audit detail written as translated text freezes the language of
whoever was signed in: the court PDF's custody list then mixes English and Chinese. Instead the
database holds ``{"code": "imported", "name": "cam.mp4", "size": 123}`` (JSON, in the same text
column) and :func:`render` turns it into words at read time. Old rows holding plain text are shown
as they are.
"""

from __future__ import annotations

import json
from typing import Any

from app.i18n import _


def encode(code: str, **params: Any) -> str:
    """The stored form of a coded detail."""
    return json.dumps({"code": code, **params}, ensure_ascii=False, sort_keys=True)


def decode(value: str | dict | None) -> dict | None:
    """The code and parameters of a stored detail (None for plain text)."""
    if isinstance(value, dict):
        return value if "code" in value else None
    if not value or not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "code" in data else None


def _templates() -> dict[str, str]:
    # Built on each call so the reader's language applies.
    return {
        "imported": _("Imported {name} ({size} bytes)"),
        "imported_derived": _("Imported {name} ({size} bytes): the video rescued from evidence "
                              "{source_id} ({source}, SHA-256 {source_sha}…)"),
        "imported_source": _("Imported {name} ({size} bytes) as received: its index was never "
                             "written, so it cannot be played as it is"),
        "derived_copy": _("A readable copy of its video was made: evidence {id} ({name})"),
        "derivation_altered": _("The record of evidence file {name} no longer names what its "
                                "signed import entry says it was made from. The record was "
                                "altered: do not use this item."),
        "verified": _("Evidence file verified: SHA-256 matches."),
        "missing": _("Evidence file {name} is missing from the store ({path}). "
                     "Do not use this item."),
        "altered": _("Evidence file {name} has been altered: SHA-256 is {actual}, recorded "
                     "{expected}. Do not use this item."),
        "record_altered": _("The record of evidence file {name} now names SHA-256 {actual}; its "
                            "signed import entry recorded {expected}. The record was altered: do "
                            "not use this item."),
        "exported": _("Exported to {path}"),
        "review_bench": _("Viewed in the review bench"),
        "sync_grid": _("Viewed in the synchronised grid"),
        "replay_frame": _("Shown in a training replay (frame {frame})"),
        "training_package": _("Frame {frame} put into a training package"),
        # what a verification found (admin.verify), ``label`` being an "evidence_file"
        "evidence_file": _("evidence {id} ({name}) file {path}"),
        "verify_missing": _("Missing evidence file: {label}"),
        "verify_size": _("Evidence file changed size ({got} bytes, recorded {want}): {label}"),
        "verify_unreadable": _("Cannot read evidence file {label}: {error}"),
        "verify_altered": _("Evidence file altered (SHA-256 differs from the one recorded at "
                            "import): {label}"),
        # where a verification found a problem (admin.verify; its audit summary keeps the first)
        "at_database": _("database"),
        "at_table_row": _("table {table} row {row}"),
        "at_audit_row": _("audit row {id}"),
        "at_audit_head": _("audit chain head"),
        "at_case": _("case {no}"),
        "at_evidence": _("evidence {id}"),
        "at_anchor": _("an anchor"),
        "at_file": "{path}",
    }


def render(value: str | dict | None) -> str:
    """The detail in the current language (plain text stays as stored)."""
    data = decode(value)
    if data is None:
        return "" if value is None else str(value)
    params = {k: render(v) if isinstance(v, dict) and "code" in v else v  # nested: words
              for k, v in data.items() if k != "code"}
    template = _templates().get(str(data["code"]))
    if template is None:
        return " ".join([str(data["code"]), *(f"{k}={v}" for k, v in sorted(params.items()))])
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
