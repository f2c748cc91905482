"""The backup manifest: built, signed, and parsed strictly before a restore trusts anything.

The manifest is signed (Ed25519, workstation key) over its canonical JSON without the
``signature`` member; it carries the signed audit head of the snapshot (``audit_anchor``).
Parsing checks every field's type and range and raises only :class:`BackupError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from app.config import DB_FILENAME
from app.i18n import _
from app.services.common import anchors
from app.services.common.anchors import Anchor
from app.services.common.audit import canonical_json
from app.services.common.errors import ServiceError
from app.services.common.signing import check_signature, key_id_of, workstation_key

FORMAT = "casedesk-backup"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 1_000_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX128 = re.compile(r"^[0-9a-f]{128}$")
_EXT = re.compile(r"^[a-z0-9]{0,16}$")


class BackupError(ServiceError):
    """Backup or restore failed; the message says why in plain words."""


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    created_at: datetime
    schema_revision: str | None
    db_sha256: str
    entries: tuple[ManifestEntry, ...]
    signer_key_id: str
    anchor: Anchor | None
    raw: dict


def _message(body: dict) -> bytes:
    return ("casedesk-backup-manifest-v2|" + canonical_json(body)).encode("utf-8")


def build(created_at: datetime, revision: str | None, db_sha256: str, source: str,
          entries: list[ManifestEntry], anchor: Anchor | None) -> dict:
    """The signed manifest as a dict ready to be written."""
    body = {"format": FORMAT, "version": FORMAT_VERSION, "created_at": created_at.isoformat(),
            "schema_revision": revision, "db_file": DB_FILENAME, "db_sha256": db_sha256,
            "source_data_dir": source,
            "evidence": [{"path": e.path, "sha256": e.sha256, "size": e.size} for e in entries],
            "audit_anchor": anchor.as_dict() if anchor else None}
    key = workstation_key()
    return body | {"signature": {"public_key": key.public_hex,
                                 "signature": key.sign(_message(body))}}


def _damaged(detail: str) -> BackupError:
    return BackupError(_("The backup's manifest is damaged or was altered: {detail}",
                         detail=detail))


def _entry(e: object) -> ManifestEntry:
    if not isinstance(e, dict) or set(e) != {"path", "sha256", "size"}:
        raise _damaged(_("an evidence entry has the wrong fields"))
    path, sha, size = e["path"], e["sha256"], e["size"]
    if not (isinstance(sha, str) and _HEX64.match(sha)):
        raise _damaged(_("an evidence entry has no valid SHA-256"))
    if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size < 1 << 50:
        raise _damaged(_("an evidence entry has an impossible size"))
    parts = PurePosixPath(path).parts if isinstance(path, str) else ()
    if not parts or parts[0] != "evidence" or ".." in parts or "\\" in path:
        raise BackupError(_("The backup's manifest names a file outside the evidence store: "
                            "{path}", path=str(path)[:200]))
    suffix = PurePosixPath(path).suffix
    if PurePosixPath(path) != PurePosixPath("evidence", sha[:2], sha + suffix) or \
            not _EXT.match(suffix.lstrip(".")):
        raise _damaged(_("an evidence entry's path does not match its SHA-256"))
    return ManifestEntry(path, sha, size)


def parse(text: bytes, src: Path) -> Manifest:
    """Check a manifest completely (fields, types, signature); BackupError on anything wrong."""
    try:
        raw = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _damaged(str(exc)[:200]) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BackupError(_("{path} is not a CaseDesk backup.", path=src))
    if raw.get("version") != FORMAT_VERSION:
        raise BackupError(_("This backup was made by another CaseDesk version (format {v}).",
                            v=str(raw.get("version"))[:20]))
    sig = raw.get("signature")
    body = {k: v for k, v in raw.items() if k != "signature"}
    if not (isinstance(sig, dict) and isinstance(sig.get("public_key"), str)
            and _HEX64.match(sig["public_key"]) and isinstance(sig.get("signature"), str)
            and _HEX128.match(sig["signature"])
            and check_signature(sig["public_key"], sig["signature"], _message(body))):
        raise _damaged(_("its signature does not match"))
    if raw.get("db_file") != DB_FILENAME:
        raise BackupError(_("The backup's manifest names a database outside the backup: "
                            "{path}", path=str(raw.get("db_file"))[:200]))
    try:
        created = datetime.fromisoformat(raw["created_at"])
        if created.tzinfo is None:
            raise ValueError("naive")
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(_("no valid creation time")) from exc
    revision = raw.get("schema_revision")
    if revision is not None and not isinstance(revision, str):
        raise _damaged(_("no valid schema revision"))
    if not (isinstance(raw.get("db_sha256"), str) and _HEX64.match(raw["db_sha256"])):
        raise _damaged(_("no valid database SHA-256"))
    items = raw.get("evidence")
    if not isinstance(items, list) or len(items) > MAX_ENTRIES:
        raise _damaged(_("no valid evidence list"))
    entries = tuple(_entry(e) for e in items)
    if len({e.path for e in entries}) != len(entries):
        raise _damaged(_("an evidence file is listed twice"))
    anchor = anchors.from_dict(raw.get("audit_anchor"), str(src / MANIFEST))
    return Manifest(created, revision, raw["db_sha256"], entries,
                    key_id_of(sig["public_key"]), anchor, raw)


def read(src: Path) -> Manifest:
    path = Path(src) / MANIFEST
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise _damaged(_("it is too large"))
        text = path.read_bytes()
    except FileNotFoundError as exc:
        raise BackupError(_("{path} is not a CaseDesk backup (no manifest.json).",
                            path=src)) from exc
    except OSError as exc:
        raise _damaged(str(exc)) from exc
    return parse(text, Path(src))
