"""Regenerate migration 0001 from the models.

Only valid until the first release ships a database: after that, every schema change is a new
Alembic revision (``alembic revision --autogenerate``). Run: ``python tools/regen_initial_migration.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from app.models.db import MIGRATIONS_DIR, alembic_config


def main() -> None:
    versions = MIGRATIONS_DIR / "versions"
    for old in versions.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'empty.sqlite3'}"
        command.revision(alembic_config(url), message="initial schema", autogenerate=True,
                         rev_id="0001", head="base")
    for new in versions.glob("0001_*.py"):
        print(f"wrote {new}")


if __name__ == "__main__":
    main()
