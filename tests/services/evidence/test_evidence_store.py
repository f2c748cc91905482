"""The evidence store: hash while copying, read-only, atomic; cancel/failure leave nothing."""

from __future__ import annotations

import errno
import hashlib
import os
import stat

import pytest

from app.services.evidence.store import (
    ImportCancelled,
    StoreError,
    clean_incoming,
    copy_into_store,
    discard,
    hash_file,
    store_path,
)


def _files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def src(tmp_path):
    data = os.urandom(3 << 20) + "天桥街".encode()
    p = tmp_path / "通道03 录像.mp4"
    p.write_bytes(data)
    return p, hashlib.sha256(data).hexdigest()


def test_copy_lands_at_content_address_read_only(tmp_path, src):
    path, sha = src
    seen = []
    stored = copy_into_store(path, tmp_path / "evidence", progress=lambda d, t: seen.append((d, t)),
                             chunk=1 << 20)
    assert stored.sha256 == sha and stored.created and stored.ext == "mp4"
    assert stored.path == store_path(tmp_path / "evidence", sha, "mp4")
    assert stored.path.parent.name == sha[:2]
    assert stored.path.read_bytes() == path.read_bytes()
    assert stat.S_IMODE(stored.path.stat().st_mode) & 0o222 == 0  # nobody may write
    assert seen[-1][0] == seen[-1][1] == path.stat().st_size and len(seen) >= 3
    assert hash_file(stored.path) == sha
    assert _files(tmp_path / "evidence") == [f"{sha[:2]}/{sha}.mp4"]


def test_same_content_twice_is_not_copied_again(tmp_path, src):
    path, sha = src
    first = copy_into_store(path, tmp_path / "ev")
    again = copy_into_store(path, tmp_path / "ev")
    assert again.path == first.path and not again.created
    discard(again)  # must not delete a file this import did not create
    assert first.path.exists()
    assert _files(tmp_path / "ev") == [f"{sha[:2]}/{sha}.mp4"]


def test_cancel_leaves_nothing(tmp_path, src):
    path, _sha = src
    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(ImportCancelled) as exc:
        copy_into_store(path, tmp_path / "ev", cancel=cancel, chunk=1 << 20)
    assert path.name in str(exc.value) and "取消" in str(exc.value)
    assert _files(tmp_path / "ev") == []


def test_disk_full_midway_fails_cleanly_in_plain_words(tmp_path, src):
    path, _sha = src

    def progress(done, total):
        if done > (1 << 20):
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(StoreError) as exc:
        copy_into_store(path, tmp_path / "ev", progress=progress, chunk=1 << 20)
    assert "磁盘已满" in str(exc.value) and path.name in str(exc.value)
    assert _files(tmp_path / "ev") == []


def test_unreadable_source_is_a_store_error(tmp_path):
    with pytest.raises(StoreError) as exc:
        copy_into_store(tmp_path / "missing.mp4", tmp_path / "ev")
    assert "missing.mp4" in str(exc.value)


def test_leftovers_of_a_killed_copy_are_cleaned(tmp_path):
    incoming = tmp_path / "ev" / ".incoming"
    incoming.mkdir(parents=True)
    (incoming / "abc.part").write_bytes(b"half")
    assert clean_incoming(tmp_path / "ev") == 1
    assert _files(tmp_path / "ev") == []


def test_a_planted_file_at_the_content_address_is_not_adopted(tmp_path, src):
    path, sha = src
    ev = tmp_path / "evidence"
    planted = store_path(ev, sha, "mp4")
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"not the clip")
    stored = copy_into_store(path, ev)
    assert stored.created and hash_file(stored.path) == sha
    assert stored.path.read_bytes() == path.read_bytes()
    moved = list((ev / ".quarantine").iterdir())
    assert len(moved) == 1 and moved[0].read_bytes() == b"not the clip"


def test_an_identical_file_already_stored_is_adopted(tmp_path, src):
    path, sha = src
    first = copy_into_store(path, tmp_path / "evidence")
    again = copy_into_store(path, tmp_path / "evidence")
    assert first.created and not again.created and again.path == first.path


def test_start_cleans_parts_of_dead_imports_but_not_of_live_ones(tmp_path):
    import subprocess

    from app.services.evidence import store

    incoming = tmp_path / "ev" / ".incoming"
    incoming.mkdir(parents=True)
    dead = incoming / f"{store._HOST}-999999999-aa.part"
    importer = subprocess.Popen(["sleep", "30"])  # a running import elsewhere (a process we
    live = incoming / f"{store._HOST}-{importer.pid}-bb.part"  # own: safe even if signalled)
    other = incoming / "otherhost-12-cc.part"
    for p in (dead, other):
        p.write_bytes(b"half")
    live.write_bytes(b"being written")
    os.utime(live, (0, 0))  # old, but its process is alive
    assert clean_incoming(tmp_path / "ev") == 1
    assert not dead.exists() and other.exists()
    os.utime(other, (0, 0))  # another workstation's, abandoned long ago
    assert clean_incoming(tmp_path / "ev") == 1
    assert not other.exists() and live.exists()
    importer.kill()
    importer.wait()


# --- exact behaviour of the small parts (each assertion pins one rule of the store) ---

def test_extension_is_lower_case_and_at_most_16_characters(tmp_path):
    from app.services.evidence.store import normalise_ext, store_path

    assert normalise_ext("CAM.MP4") == "mp4" and normalise_ext("a." + "x" * 20) == "x" * 16
    sha = "ab" + "0" * 62
    assert store_path(tmp_path, sha, "") == tmp_path / "ab" / sha  # no trailing dot
    assert store_path(tmp_path, sha, "mp4") == tmp_path / "ab" / f"{sha}.mp4"


def test_os_errors_become_plain_words():
    from pathlib import Path

    from app.services.evidence.store import _plain_os_error

    named = _plain_os_error(OSError(errno.EACCES, "Permission denied"), Path("/x/cam.mp4"))
    assert str(named) == "无法将 cam.mp4 复制到证据库：Permission denied"
    bare = _plain_os_error(OSError("device went away"), Path("cam.mp4"))
    assert str(bare) == "无法将 cam.mp4 复制到证据库：device went away"


def test_adopted_copy_reports_the_stored_file(tmp_path, src):
    first = copy_into_store(src[0], tmp_path / "ev")
    again = copy_into_store(src[0], tmp_path / "ev")
    assert again == StoredFileOf(first, created=False)
    assert stat.S_IMODE(os.stat(first.path).st_mode) == 0o444  # read-only for everyone


def StoredFileOf(stored, **changes):  # noqa: N802 - reads as a constructor
    import dataclasses

    return dataclasses.replace(stored, **changes)


def test_unhashable_file_at_the_address_is_not_adopted(tmp_path, src, monkeypatch):
    from app.services.evidence import store

    first = copy_into_store(src[0], tmp_path / "ev")

    def unreadable(*_a, **_k):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(store, "hash_file", unreadable)
    again = copy_into_store(src[0], tmp_path / "ev")
    assert again.created and again.path == first.path
    assert len(list((tmp_path / "ev" / store.QUARANTINE_DIR).iterdir())) == 1


def test_two_planted_files_are_both_kept_aside(tmp_path):
    import re

    from app.services.evidence import store

    ev = tmp_path / "ev"
    for i in range(2):
        real = tmp_path / f"real{i}.mp4"
        real.write_bytes(f"real clip {i}".encode())
        sha = hashlib.sha256(real.read_bytes()).hexdigest()
        planted = store.store_path(ev, sha, "mp4")
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_bytes(b"planted")
        assert copy_into_store(real, ev).created
    kept = sorted(p.name for p in (ev / store.QUARANTINE_DIR).iterdir())
    assert len(kept) == 2 and all(re.fullmatch(r"[0-9a-f]{64}\.mp4\.[0-9a-f]{8}", k)
                                  for k in kept)


def test_hash_file_reports_progress_per_chunk_and_cancels_in_words(tmp_path):
    from app.services.evidence.store import ImportCancelled, hash_file

    f = tmp_path / "f.bin"
    f.write_bytes(b"0123456789")
    seen: list[tuple[int, int]] = []
    assert hash_file(f, progress=lambda d, t: seen.append((d, t)), chunk=4) == \
        hashlib.sha256(b"0123456789").hexdigest()
    assert seen == [(4, 10), (8, 10), (10, 10)]
    with pytest.raises(ImportCancelled) as cancelled:
        hash_file(f, cancel=lambda: True, chunk=4)
    assert str(cancelled.value) == "校验已取消。"


def test_pid_check_only_asks_and_never_signals(tmp_path):
    import subprocess

    from app.services.evidence import store

    child = subprocess.Popen(["sleep", "30"])
    try:
        assert store._pid_alive(child.pid)
        assert child.poll() is None  # asked with signal 0: the process is untouched
    finally:
        child.kill()
        child.wait()
    assert not store._pid_alive(child.pid)


def test_other_hosts_parts_are_removed_only_when_stale(tmp_path):
    from app.services.evidence import store

    incoming = tmp_path / "ev" / store.TMP_DIR
    assert store.clean_incoming(tmp_path / "ev") == 0  # nothing to clean, no folder
    incoming.mkdir(parents=True)
    part = incoming / "otherhost-123-ab.part"
    part.write_bytes(b"x")
    mtime = part.stat().st_mtime
    assert not store._abandoned(part, mtime + store.STALE_PART_S)  # exactly at the limit
    assert store._abandoned(part, mtime + store.STALE_PART_S + 1)
    assert not store._abandoned(incoming / "otherhost-124-cd.part", mtime)  # gone meanwhile
    for name in ("old-a.part", "old-b.part"):
        (incoming / name).write_bytes(b"x")  # no owner recorded: removed
    assert store.clean_incoming(tmp_path / "ev") == 2 and part.exists()


def test_a_process_of_another_user_counts_as_alive(monkeypatch):
    from app.services.evidence import store

    def not_ours(pid, sig):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(store.os, "kill", not_ours)
    assert store._pid_alive(4242)  # it exists: its import may still be running


def test_discard_removes_only_what_this_import_created(tmp_path, src):
    from app.services.evidence.store import discard

    created = copy_into_store(src[0], tmp_path / "ev")
    adopted = copy_into_store(src[0], tmp_path / "ev")
    discard(adopted)  # the file was there before this import: kept
    assert created.path.is_file()
    discard(created)
    assert not created.path.exists()
    discard(created)  # already gone: nothing to do, no error
