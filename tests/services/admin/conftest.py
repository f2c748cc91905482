"""Fixtures of the backup tests: a data dir with a case, audited updates and three clips."""

from __future__ import annotations

import os

import pytest

from app.services.admin import backup
from app.services.common.context import SYSTEM
from tests.helpers.cases import case_row, record_case_updates, squad_row
from tests.helpers.evidence import add_evidence


@pytest.fixture
def source(paths, session_factory, tmp_path, cli_admin):
    case_id = case_row(session_factory, squad_row(session_factory))
    record_case_updates(session_factory, case_id, 3, note="天桥街")
    for i in range(3):
        add_evidence(session_factory, paths, case_id, tmp_path, os.urandom(50_000 + i),
                     name=f"cam{i}.mp4")
    return paths


@pytest.fixture
def made(source, db, tmp_path):
    """A backup of ``source`` in ``tmp_path / "bk"``."""
    out = tmp_path / "bk"
    backup.create_backup(source, SYSTEM, out)
    return out
