"""casedesk-cli migrate / db-info on a fresh data dir."""

from __future__ import annotations

import json

from app.cli import main
from app.models.db import head_revision


def test_migrate_creates_schema_then_is_a_no_op(tmp_path, capsys):
    data = tmp_path / "数据"
    assert main(["--data-dir", str(data), "migrate", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["from"] is None and first["to"] == head_revision()
    assert (data / "casedesk.sqlite3").exists()
    assert main(["--data-dir", str(data), "migrate", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["from"] == second["to"] == head_revision() and second["backup"] is None


def test_db_info_reports_evidence_dir_override(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CASEDESK_EVIDENCE_DIR", str(tmp_path / "share"))
    assert main(["--data-dir", str(tmp_path / "d"), "migrate"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "d"), "db-info"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["dialect"] == "sqlite" and info["evidence_dir"] == str(tmp_path / "share")


def test_corrupt_database_gives_plain_error(tmp_path, capsys):
    data = tmp_path / "d"
    data.mkdir()
    (data / "casedesk.sqlite3").write_bytes(b"garbage" * 500)
    assert main(["--data-dir", str(data), "migrate"]) == 1
    assert "损坏" in capsys.readouterr().err
