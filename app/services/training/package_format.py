"""The training package on disk: a zip with a manifest, the anonymized case JSON and frames.

Reading is shared by import and by checks; writing lives in ``package_export``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.services.common.audit import canonical_json
from app.services.common.errors import ServiceError
from app.services.common.signing import check_signature, workstation_key

FORMAT = "casedesk-training"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
CASE_JSON = "case.json"
# Bounds checked on the zip's directory *before* anything is decompressed, and again while
# reading (a member's header may lie about its size).
MAX_PACKAGE_BYTES = 512 << 20
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 << 20
MAX_TOTAL_BYTES = 512 << 20
MAX_RATIO = 200  # uncompressed / compressed
_FRAME_NAME = re.compile(r"^frames/\d{3,6}\.jpg$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")


class PackageError(ServiceError):
    """A damaged, foreign or oversized package; nothing was imported."""


@dataclass(frozen=True)
class PackageInfo:
    path: str
    sha256: str
    frames: int
    events: int
    case_id: int | None = None      # set on import: the new training case
    title: str = ""


def _message(body: dict) -> bytes:
    return ("casedesk-training-manifest-v2|" + canonical_json(body)).encode("utf-8")


def signed_manifest(files: dict[str, str], created_at: str, anchor: dict | None) -> dict:
    """The manifest written into a package: member hashes, the audit anchor, a signature."""
    body = {"format": FORMAT, "version": FORMAT_VERSION, "created_at": created_at,
            "files": files, "audit_anchor": anchor}
    key = workstation_key()
    return body | {"signature": {"public_key": key.public_hex,
                                 "signature": key.sign(_message(body))}}


def _damaged(name: str, detail: str) -> PackageError:
    return PackageError(_("{name} is damaged or not a training package ({error}).",
                          name=name, error=detail))


def _check_directory(zf: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageError(_("{name} has too many files ({n}); a training package has at most "
                             "{max}.", name=name, n=len(infos), max=MAX_MEMBERS))
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise _damaged(name, _("a file is in it twice"))
    total = 0
    for i in infos:
        if i.filename not in (MANIFEST, CASE_JSON) and not _FRAME_NAME.match(i.filename):
            raise _damaged(name, _("unexpected file {member}", member=i.filename[:100]))
        if i.file_size > MAX_MEMBER_BYTES or (
                i.compress_type != zipfile.ZIP_STORED
                and i.file_size > MAX_RATIO * max(i.compress_size, 1)):
            raise PackageError(_("{name} holds an oversized or over-compressed file ({member}); "
                                 "refused before unpacking.", name=name, member=i.filename[:100]))
        total += i.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageError(_("{name} would unpack to more than {mb} MB; refused.", name=name,
                             mb=MAX_TOTAL_BYTES >> 20))
    return infos


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise zipfile.BadZipFile(f"{info.filename}: size differs from its header")
    return data


def _check_manifest(manifest: object, name: str) -> dict[str, str]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(_("{name} is not a CaseDesk training package.", name=name))
    if manifest.get("version") != FORMAT_VERSION:
        raise PackageError(_("This training package needs another CaseDesk version "
                             "(format {v}).", v=str(manifest.get("version"))[:20]))
    sig = manifest.get("signature")
    body = {k: v for k, v in manifest.items() if k != "signature"}
    if not (isinstance(sig, dict) and isinstance(sig.get("public_key"), str)
            and _HEX64.match(sig["public_key"]) and isinstance(sig.get("signature"), str)
            and _HEX128.match(sig["signature"])
            and check_signature(sig["public_key"], sig["signature"], _message(body))):
        raise PackageError(_("The training package is damaged: its manifest was altered "
                             "(signature does not match)."))
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and _HEX64.match(v)
            for k, v in files.items()):
        raise _damaged(name, _("its manifest lists no valid files"))
    return files


def read_package(path: Path) -> tuple[dict, dict[str, bytes], str]:
    """(case.json, frame bytes by member name, sha256 of the zip); PackageError if not sound.

    Nothing but PackageError leaves this function, whatever the bytes.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise PackageError(_("{name} is larger than {mb} MB; not a training package.",
                                 name=path.name, mb=MAX_PACKAGE_BYTES >> 20))
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageError(_("Cannot read {name}: {error}", name=path.name, error=exc)) from exc
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = {i.filename: i for i in _check_directory(zf, path.name)}
            if MANIFEST not in infos:
                raise PackageError(_("{name} is not a CaseDesk training package.", name=path.name))
            files = _check_manifest(json.loads(_read_member(zf, infos[MANIFEST])), path.name)
            if CASE_JSON not in files or set(infos) - {MANIFEST} != set(files):
                raise PackageError(_("The training package is damaged: its contents do not "
                                     "match its manifest."))
            data = {}
            for name, want in files.items():
                blob = _read_member(zf, infos[name])
                if hashlib.sha256(blob).hexdigest() != want:
                    raise PackageError(_("The training package is damaged: {member} was altered "
                                         "or truncated.", member=name))
                data[name] = blob
        body = json.loads(data.pop(CASE_JSON).decode("utf-8"))
    except PackageError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            RecursionError, NotImplementedError, OverflowError, RuntimeError, OSError,
            UnicodeError, zlib.error) as exc:
        raise _damaged(path.name, str(exc)[:200] or type(exc).__name__) from exc
    if not isinstance(body, dict):
        raise _damaged(path.name, _("case.json is not an object"))
    return body, data, hashlib.sha256(raw).hexdigest()
