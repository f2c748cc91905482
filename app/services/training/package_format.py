"""The training package on disk: a zip with a manifest, the anonymized case JSON and frames.

Reading is shared by import and by checks; writing lives in ``package_export``.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.services.common.errors import ServiceError

FORMAT = "casedesk-training"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CASE_JSON = "case.json"


class PackageError(ServiceError):
    """A damaged or foreign package; nothing was imported."""


@dataclass(frozen=True)
class PackageInfo:
    path: str
    sha256: str
    frames: int
    events: int
    case_id: int | None = None      # set on import: the new training case
    title: str = ""


def read_package(path: Path) -> tuple[dict, dict[str, bytes], str]:
    """(case.json, frame bytes by member name, sha256 of the zip); PackageError if not sound."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageError(_("Cannot read {name}: {error}", name=path.name, error=exc)) from exc
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise PackageError(_("{name} is not a CaseDesk training package.", name=path.name))
            manifest = json.loads(zf.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PackageError(_("{name} is not a CaseDesk training package.", name=path.name))
            if manifest.get("version") != FORMAT_VERSION:
                raise PackageError(_("This training package needs another CaseDesk version "
                                     "(format {v}).", v=manifest.get("version")))
            files = manifest.get("files") or {}
            if CASE_JSON not in files or names - {MANIFEST} != set(files):
                raise PackageError(_("The training package is damaged: its contents do not "
                                     "match its manifest."))
            data = {}
            for name, want in files.items():
                blob = zf.read(name)
                if hashlib.sha256(blob).hexdigest() != want:
                    raise PackageError(_("The training package is damaged: {member} was altered "
                                         "or truncated.", member=name))
                data[name] = blob
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError) as exc:
        raise PackageError(_("{name} is damaged or not a training package ({error}).",
                             name=path.name, error=exc)) from exc
    body = json.loads(data.pop(CASE_JSON))
    return body, data, hashlib.sha256(raw).hexdigest()
