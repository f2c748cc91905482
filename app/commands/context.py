"""What every command is handed (paths, the database on first use) and its JSON printer."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.models.db import open_database


@dataclass
class CliContext:
    """What a command needs: paths and (lazily) the migrated database."""

    paths: AppPaths

    @cached_property
    def _db(self) -> tuple[Engine, sessionmaker[Session]]:
        self.paths.ensure()
        return open_database(self.paths.db_url)

    @property
    def engine(self) -> Engine:
        return self._db[0]

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._db[1]


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
