"""The workstation's Ed25519 signing key: signs audit rows, anchors and manifests.

The private key lives *outside* the database, in a file only its owner may read (mode 0600):
``CASEDESK_KEY_FILE`` or ``<per-user config dir>/CaseDesk/audit-signing.key``. It is created on
first use. Someone who copies or edits the database does not get the key, so rows they forge or
rewrite carry no valid signature. The public half is registered in the database
(``audit_signer``) and copied into every anchor so ``verify`` can check signatures anywhere.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from platformdirs import user_config_dir

from app.i18n import _
from app.services.common.errors import ServiceError

KEY_ENV = "CASEDESK_KEY_FILE"
KEY_NAME = "audit-signing.key"


class SigningKeyError(ServiceError):
    """The signing key file is missing, unreadable or readable by others."""


def key_file() -> Path:
    """Where this workstation's private key lives."""
    env = os.environ.get(KEY_ENV)
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir("CaseDesk", appauthor=False)) / KEY_NAME


def key_id_of(public_hex: str) -> str:
    """Short stable name of a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


def check_signature(public_hex: str, signature_hex: str, message: bytes) -> bool:
    """True when ``signature_hex`` is a valid Ed25519 signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    public_hex: str
    key_id: str
    label: str

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).hex()


def _load(path: Path) -> SigningKey:
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SigningKeyError(_("The signing key {path} can be read by other users; make it "
                                    "private (chmod 600) and start again.", path=path))
        seed = bytes.fromhex(path.read_text(encoding="ascii").strip())
        private = Ed25519PrivateKey.from_private_bytes(seed)
    except (OSError, ValueError) as exc:
        raise SigningKeyError(_("The signing key {path} cannot be read: {error}",
                                path=path, error=exc)) from exc
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public_hex = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    return SigningKey(private, public_hex, key_id_of(public_hex),
                      f"{socket.gethostname()}:{os.environ.get('USER', '')}"[:120])


def _create(path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    path.parent.mkdir(parents=True, exist_ok=True)
    seed = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                      NoEncryption())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first
    except OSError as exc:
        raise SigningKeyError(_("Cannot create the signing key {path}: {error}",
                                path=path, error=exc)) from exc
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(seed.hex() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


_cache: dict[Path, SigningKey] = {}
_lock = threading.Lock()


def workstation_key() -> SigningKey:
    """This workstation's key (created on first use, then cached per path)."""
    path = key_file()
    with _lock:
        if path not in _cache:
            if not path.exists():
                _create(path)
            _cache[path] = _load(path)
        return _cache[path]
