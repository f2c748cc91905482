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
    from app.services.evidence import store

    incoming = tmp_path / "ev" / ".incoming"
    incoming.mkdir(parents=True)
    dead = incoming / f"{store._HOST}-999999999-aa.part"
    live = incoming / f"{store._HOST}-{os.getppid()}-bb.part"  # a running import elsewhere
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
