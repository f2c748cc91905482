"""What every command is handed (paths, the database on first use) and its JSON printer."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.commands.auth import sign_in
from app.config import AppPaths
from app.models.db import open_database
from app.services.common.clock import zone
from app.services.common.context import Actor
from app.services.evidence.store import clean_incoming
from app.services.org.officers import squad_zone


@dataclass
class CliContext:
    """What a command needs: paths and (lazily) the migrated database."""

    paths: AppPaths

    @cached_property
    def _db(self) -> tuple[Engine, sessionmaker[Session]]:
        self.paths.ensure()
        clean_incoming(self.paths.evidence_dir)  # .part files of imports that died
        return open_database(self.paths.db_url)

    @property
    def engine(self) -> Engine:
        return self._db[0]

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._db[1]

    @cached_property
    def actor(self) -> Actor:
        """The signed-in user (asked for on first use; see ``app.commands.auth``)."""
        return sign_in(self.sessions)

    @cached_property
    def tz(self) -> str:
        """The signed-in user's squad zone: times typed or printed without a case's own zone."""
        with self.sessions() as s:
            return squad_zone(s, self.actor)

    def localize(self, value: datetime) -> datetime:
        """A time typed without a zone, read on the squad's clock (a zoned one is kept)."""
        if value.tzinfo is not None:
            return value
        return value.replace(tzinfo=zone(self.tz))


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
