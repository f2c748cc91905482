"""A backup whose database points an evidence record at a planted file (record, store file and
manifest all agree, the manifest re-signed with this workstation's own key): the signed import
entry in the backed-up audit log still names the original, and restore refuses it."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from tests.helpers.backups import restore_fails, sql_edit, trusted_edit

pytestmark = pytest.mark.usefixtures("sqlite_workstation")


def test_backup_with_a_record_pointed_at_a_planted_file_is_refused(made, tmp_path):
    original = sorted(made.joinpath("evidence").rglob("*.mp4"))[0]
    old_sha = original.stem
    doctored = original.read_bytes()[:-1] + b"!"
    new_sha = hashlib.sha256(doctored).hexdigest()
    planted = made / "evidence" / new_sha[:2] / f"{new_sha}.mp4"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(doctored)
    os.chmod(original, stat.S_IRUSR | stat.S_IWUSR)
    original.unlink()
    db_sha = sql_edit(made / "casedesk.sqlite3",
                      f"UPDATE evidence_item SET sha256='{new_sha}' WHERE sha256='{old_sha}'")

    def swap(m):
        entry = next(e for e in m["evidence"] if e["sha256"] == old_sha)
        entry.update(sha256=new_sha, path=f"evidence/{new_sha[:2]}/{new_sha}.mp4")
        m["db_sha256"] = db_sha
    trusted_edit(made, swap)
    restore_fails(made, tmp_path, "改为指向另一个文件")
