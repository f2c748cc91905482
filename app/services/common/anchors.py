"""Signed audit heads anchored outside the database.

An anchor says "this chain (id) had ``length`` rows ending in ``last_hash``", signed by the
workstation key. Anchors travel in every PDF report (metadata + digest page), backup manifest,
training package and export sidecar, and are appended to a journal next to the key file (outside
the data dir). ``verify`` recomputes the chain up to each anchor's length: a rewritten, truncated
or wiped log disagrees with every anchor taken after the change.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from app.models import AuditHead
from app.models.types import utcnow
from app.services.common.signing import check_signature, key_file, key_id_of, workstation_key

ANCHOR_DOMAIN = "casedesk-anchor-v1"
TEXT_PREFIX = "CASEDESK-ANCHOR"
JOURNAL_NAME = "anchors.jsonl"
_TEXT_RE = re.compile(rb"CASEDESK-ANCHOR v1 ([0-9a-f-]{36}) (\d{1,12}) ([0-9a-f]{64}) "
                      rb"([0-9a-f]{64}) ([0-9a-f]{128}) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")
_MAX_FILE = 256 * 1024 * 1024  # anchors are read from files of at most this size


@dataclass(frozen=True)
class Anchor:
    chain_id: str
    length: int
    last_hash: str
    public_key: str
    signature: str
    at: str
    source: str = ""  # where verify found it (not signed)
    database: str = ""  # the journal's name of the database it was taken on (not signed)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def message(self) -> bytes:
        return f"{ANCHOR_DOMAIN}|{self.chain_id}|{self.length}|{self.last_hash}|{self.at}".encode()

    def signature_ok(self) -> bool:
        return check_signature(self.public_key, self.signature, self.message())

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("source")
        d.pop("database")
        return d

    def as_text(self) -> str:
        return (f"{TEXT_PREFIX} v1 {self.chain_id} {self.length} {self.last_hash} "
                f"{self.public_key} {self.signature} {self.at}")


def sign_head(session: Session) -> Anchor | None:
    """The current head of the chain, signed now (None before the first audit row)."""
    head = session.get(AuditHead, 1)
    if head is None or not head.chain_id:
        return None
    key = workstation_key()
    at = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    unsigned = Anchor(head.chain_id, head.length, head.last_hash, key.public_hex, "", at)
    return Anchor(head.chain_id, head.length, head.last_hash, key.public_hex,
                  key.sign(unsigned.message()), at)


def from_dict(obj: object, source: str = "") -> Anchor | None:
    """An anchor from its dict form; None for anything malformed."""
    if not isinstance(obj, dict):
        return None
    try:
        a = Anchor(str(obj["chain_id"]), int(obj["length"]), str(obj["last_hash"]),
                   str(obj["public_key"]), str(obj["signature"]), str(obj["at"]), source)
    except (KeyError, TypeError, ValueError):
        return None
    text = a.as_text().encode("utf-8", "replace")
    return a if _TEXT_RE.fullmatch(text) else None


def in_bytes(data: bytes, source: str = "") -> list[Anchor]:
    """Every anchor written in text form inside ``data`` (e.g. a PDF's metadata)."""
    return [Anchor(m[1].decode(), int(m[2]), m[3].decode(), m[4].decode(), m[5].decode(),
                   m[6].decode(), source) for m in _TEXT_RE.finditer(data)]


def journal_path() -> Path:
    return key_file().parent / JOURNAL_NAME


def database_name(db_url: str) -> str:
    """How the journal names a database (the URL without a password)."""
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return db_url


def remember(anchor: Anchor | None, db_url: str) -> None:
    """Append ``anchor`` to the journal outside the data dir (best effort: never fails a caller)."""
    if anchor is None:
        return
    try:
        path = journal_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"db": database_name(db_url), **anchor.as_dict()}) + "\n")
    except OSError:
        pass


def anchor_now(session: Session) -> Anchor | None:
    """Sign the current head and keep it in the journal; returns it for embedding elsewhere."""
    anchor = sign_head(session)
    remember(anchor, session.get_bind().engine.url.render_as_string(hide_password=False))
    return anchor


def journal_anchors(db_url: str, chain_id: str | None) -> list[Anchor]:
    """Anchors in the journal for this database (same URL or same chain id)."""
    path = journal_path()
    name = database_name(db_url)
    found: list[Anchor] = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return found
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        anchor = from_dict(obj, f"{path}:{n}")
        if anchor is not None and (obj.get("db") == name or anchor.chain_id == chain_id):
            found.append(replace(anchor, database=str(obj.get("db") or "")))
    return found


def in_file(path: Path) -> list[Anchor]:
    """Anchors carried by a PDF, a JSON sidecar/manifest, a backup folder or a package zip."""
    import zipfile

    path = Path(path)
    try:
        if path.is_dir():
            path = path / "manifest.json"
        if path.stat().st_size > _MAX_FILE:
            return []
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                info = zf.getinfo("manifest.json")
                if info.file_size > 1 << 20:
                    return []
                data = zf.read(info)
        else:
            data = path.read_bytes()
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return []
    if path.suffix.lower() in (".json", ".zip"):
        try:
            obj = json.loads(data)
        except ValueError:
            return []
        anchor = from_dict(obj.get("audit_anchor") if isinstance(obj, dict) else None, str(path))
        return [anchor] if anchor is not None else []
    return in_bytes(data, str(path))
