"""Where CaseDesk keeps its data: data dir, database URL, evidence store, caches.

Resolution order for the data dir: explicit argument (``--data-dir``) > ``CASEDESK_HOME`` >
the per-user data dir from platformdirs. The DB URL: explicit (``--db-url``) >
``CASEDESK_DB_URL`` > a SQLite file inside the data dir (PostgreSQL URLs for squad mode:
``postgresql+psycopg://user:pass@host/db``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from app.resources import resources_dir

APP_NAME = "CaseDesk"
DB_FILENAME = "casedesk.sqlite3"
# Package data (translations, fonts, icons): read through importlib.resources, see app.resources.
RESOURCES_DIR = resources_dir()


@dataclass(frozen=True)
class AppPaths:
    """All locations derived from one data dir."""

    data_dir: Path
    db_url: str
    evidence_root: Path | None = None  # squad mode: a shared folder (UNC path / mounted share)

    @property
    def evidence_dir(self) -> Path:
        return self.evidence_root or self.data_dir / "evidence"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def db_path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        prefix = "sqlite:///"
        if self.db_url.startswith(prefix):
            return Path(self.db_url[len(prefix):])
        return None

    def ensure(self) -> AppPaths:
        for d in (self.data_dir, self.evidence_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def resolve_paths(data_dir: str | os.PathLike | None = None, db_url: str | None = None,
                  evidence_dir: str | os.PathLike | None = None) -> AppPaths:
    """Resolve the data dir, DB URL and evidence store from arguments, environment, defaults.

    The evidence store defaults to ``<data>/evidence``; ``CASEDESK_EVIDENCE_DIR`` (or the
    argument) points it at a shared folder for squad mode.
    """
    if data_dir is None:
        data_dir = os.environ.get("CASEDESK_HOME") or user_data_dir(APP_NAME, appauthor=False)
    root = Path(data_dir).expanduser().resolve()
    url = db_url or os.environ.get("CASEDESK_DB_URL") or sqlite_url(root / DB_FILENAME)
    evidence = evidence_dir or os.environ.get("CASEDESK_EVIDENCE_DIR")
    return AppPaths(data_dir=root, db_url=url,
                    evidence_root=Path(evidence).expanduser() if evidence else None)
