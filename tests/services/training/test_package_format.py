"""The training package's reader, rule by rule: directory bounds, member names, manifest and
signature checks, each refusal in its own words (mutation tests of package_format)."""

from __future__ import annotations

import json
import zipfile

import pytest

from app.i18n import _
from app.services.common.audit import canonical_json
from app.services.common.signing import check_signature
from app.services.training import package_format as pf
from tests.helpers.packages import minimal_body, write_package


def _zip(path, members: dict[str, bytes], compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return path


def _directory(path):
    with zipfile.ZipFile(path) as zf:
        return pf._check_directory(zf, "p.zip")


def _refusal(fn, *args) -> str:
    with pytest.raises(pf.PackageError) as err:
        fn(*args)
    return str(err.value)


def test_member_count_bound_is_inclusive(tmp_path):
    names = [f"frames/{i:04d}.jpg" for i in range(pf.MAX_MEMBERS)]
    assert len(_directory(_zip(tmp_path / "ok.zip", dict.fromkeys(names, b"")))) == 2000
    many = _zip(tmp_path / "many.zip", dict.fromkeys([*names, "frames/9999.jpg"], b""))
    assert _refusal(_directory, many) == _(
        "{name} has too many files ({n}); a training package has at most {max}.",
        name="p.zip", n=2001, max=2000)


@pytest.mark.parametrize("name,ok", [
    ("frames/123.jpg", True), ("frames/123456.jpg", True), (pf.MANIFEST, True),
    (pf.CASE_JSON, True), ("frames/12.jpg", False), ("frames/1234567.jpg", False),
    ("xframes/123.jpg", False), ("frames/123.jpgx", False), ("frames/abc.jpg", False)])
def test_member_names(tmp_path, name, ok):
    path = _zip(tmp_path / "p.zip", {name: b"x"})
    if ok:
        assert [i.filename for i in _directory(path)] == [name]
    else:
        assert _refusal(_directory, path) == _(
            "{name} is damaged or not a training package ({error}).", name="p.zip",
            error=_("unexpected file {member}", member=name))


def test_long_member_names_are_cut_in_the_message(tmp_path):
    name = "x" * 150
    msg = _refusal(_directory, _zip(tmp_path / "p.zip", {name: b""}))
    assert "x" * 100 in msg and "x" * 101 not in msg


def test_duplicate_members_are_refused(tmp_path):
    path = tmp_path / "dup.zip"
    with zipfile.ZipFile(path, "w") as zf, pytest.warns(UserWarning):
        zf.writestr(pf.CASE_JSON, b"{}")
        zf.writestr(pf.CASE_JSON, b"{}")
    assert _refusal(_directory, path) == _(
        "{name} is damaged or not a training package ({error}).", name="p.zip",
        error=_("a file is in it twice"))


def test_compression_ratio_applies_to_compressed_members_only(tmp_path):
    zeros = {"frames/001.jpg": bytes(300_000)}
    assert _directory(_zip(tmp_path / "stored.zip", zeros))  # stored: no ratio to speak of
    msg = _refusal(_directory, _zip(tmp_path / "bomb.zip", zeros, zipfile.ZIP_DEFLATED))
    assert msg == _("{name} holds an oversized or over-compressed file ({member}); refused "
                    "before unpacking.", name="p.zip", member="frames/001.jpg")
    text = {"frames/001.jpg": bytes(range(256)) * 40}  # compresses, but far below 200:1
    assert _directory(_zip(tmp_path / "fine.zip", text, zipfile.ZIP_DEFLATED))


def test_signed_manifest_is_what_the_reader_checks():
    files = {pf.CASE_JSON: "a" * 64}
    m = pf.signed_manifest(files, "2024-01-01T00:00:00+00:00", {"id": 3})
    body = {"format": "casedesk-training", "version": 2, "created_at": "2024-01-01T00:00:00+00:00",
            "files": files, "audit_anchor": {"id": 3}}
    assert {k: v for k, v in m.items() if k != "signature"} == body
    message = ("casedesk-training-manifest-v2|" + canonical_json(body)).encode("utf-8")
    assert check_signature(m["signature"]["public_key"], m["signature"]["signature"], message)
    assert pf._check_manifest(m, "p.zip") == files


def test_manifest_refusals():
    good = pf.signed_manifest({pf.CASE_JSON: "a" * 64}, "t", None)
    foreign = _("{name} is not a CaseDesk training package.", name="p.zip")
    assert _refusal(pf._check_manifest, [], "p.zip") == foreign
    assert _refusal(pf._check_manifest, good | {"format": "zip"}, "p.zip") == foreign
    assert _refusal(pf._check_manifest, good | {"version": "9" * 30}, "p.zip") == _(
        "This training package needs another CaseDesk version (format {v}).", v="9" * 20)
    forged = _("The training package is damaged: its manifest was altered (signature does not "
               "match).")
    sig = good["signature"]
    for bad in (None, {}, sig | {"public_key": 1}, sig | {"public_key": "A" * 64},
                sig | {"signature": None}, sig | {"signature": "0" * 127},
                sig | {"signature": "0" * 128}):
        assert _refusal(pf._check_manifest, good | {"signature": bad}, "p.zip") == forged
    assert _refusal(pf._check_manifest, good | {"created_at": "u"}, "p.zip") == forged
    no_files = _("{name} is damaged or not a training package ({error}).", name="p.zip",
                 error=_("its manifest lists no valid files"))
    for files in ([], {pf.CASE_JSON: "A" * 64}, {pf.CASE_JSON: 5}, {1: "a" * 64}):
        assert _refusal(pf._check_manifest, pf.signed_manifest(files, "t", None),
                        "p.zip") == no_files


def test_read_package_refusals(tmp_path):
    body, frames, sha = pf.read_package(write_package(tmp_path / "ok.zip", minimal_body(),
                                                      extra={"frames/001.jpg": b"jpg"}))
    assert body == minimal_body() and frames == {"frames/001.jpg": b"jpg"} and len(sha) == 64
    huge = tmp_path / "huge.zip"
    with open(huge, "wb") as fh:
        fh.truncate(pf.MAX_PACKAGE_BYTES + 1)
    assert _refusal(pf.read_package, huge) == _(
        "{name} is larger than {mb} MB; not a training package.", name="huge.zip", mb=512)
    assert "ghost.zip" in _refusal(pf.read_package, tmp_path / "ghost.zip")
    assert _refusal(pf.read_package, _zip(tmp_path / "bare.zip", {pf.CASE_JSON: b"{}"})) == _(
        "{name} is not a CaseDesk training package.", name="bare.zip")
    mismatch = _("The training package is damaged: its contents do not match its manifest.")
    extra = write_package(tmp_path / "extra.zip", minimal_body())
    with zipfile.ZipFile(extra, "a") as zf:
        zf.writestr("frames/002.jpg", b"unlisted")
    assert _refusal(pf.read_package, extra) == mismatch
    assert _refusal(pf.read_package, write_package(tmp_path / "list.zip", b"[1]")) == _(
        "{name} is damaged or not a training package ({error}).", name="list.zip",
        error=_("case.json is not an object"))


def test_manifest_without_case_json_is_refused(tmp_path):
    frame = b"jpg"
    import hashlib
    manifest = pf.signed_manifest({"frames/001.jpg": hashlib.sha256(frame).hexdigest()}, "t",
                                  None)
    path = _zip(tmp_path / "nocase.zip", {pf.MANIFEST: json.dumps(manifest).encode(),
                                          "frames/001.jpg": frame})
    assert _refusal(pf.read_package, path) == _(
        "The training package is damaged: its contents do not match its manifest.")


def _patched(path, sizes: dict[str, tuple[int, int]]):
    """Rewrite the central directory's (uncompressed, compressed) sizes of some members: what
    a crafted zip claims, without writing the bytes."""
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(raw[at + 28:at + 30], "little")
        name = raw[at + 46:at + 46 + name_len].decode()
        if name in sizes:
            size, packed = sizes[name]
            raw[at + 20:at + 24] = packed.to_bytes(4, "little")
            raw[at + 24:at + 28] = size.to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 46)
    path.write_bytes(bytes(raw))
    return path


def _frames(n: int) -> dict[str, bytes]:
    return {f"frames/{i:03d}.jpg": b"x" for i in range(n)}


def test_member_and_total_size_bounds_are_inclusive(tmp_path):
    big, total = pf.MAX_MEMBER_BYTES, pf.MAX_TOTAL_BYTES
    one = _patched(_zip(tmp_path / "one.zip", _frames(1)), {"frames/000.jpg": (big, big)})
    assert [i.file_size for i in _directory(one)] == [big]
    over = _patched(_zip(tmp_path / "over.zip", _frames(1)), {"frames/000.jpg": (big + 1, big)})
    assert _refusal(_directory, over) == _(
        "{name} holds an oversized or over-compressed file ({member}); refused before "
        "unpacking.", name="p.zip", member="frames/000.jpg")
    n = total // big
    full = _patched(_zip(tmp_path / "full.zip", _frames(n + 1)), {
        **{f"frames/{i:03d}.jpg": (big, big) for i in range(n)}, f"frames/{n:03d}.jpg": (0, 0)})
    assert sum(i.file_size for i in _directory(full)) == total
    more = _patched(_zip(tmp_path / "more.zip", _frames(n + 1)), {
        **{f"frames/{i:03d}.jpg": (big, big) for i in range(n)}, f"frames/{n:03d}.jpg": (1, 1)})
    assert _refusal(_directory, more) == _(
        "{name} would unpack to more than {mb} MB; refused.", name="p.zip", mb=512)


@pytest.mark.parametrize("size,packed,ok", [
    (200 * 1000, 1000, True), (200 * 1000 + 1, 1000, False), (200, 0, True), (201, 0, False)])
def test_compression_ratio_bound_is_inclusive(tmp_path, size, packed, ok):
    path = _patched(_zip(tmp_path / "r.zip", _frames(1), zipfile.ZIP_DEFLATED),
                    {"frames/000.jpg": (size, packed)})
    if ok:
        assert _directory(path)[0].file_size == size
    else:
        assert _refusal(_directory, path) == _(
            "{name} holds an oversized or over-compressed file ({member}); refused before "
            "unpacking.", name="p.zip", member="frames/000.jpg")


def test_a_member_longer_than_its_header_is_damage(tmp_path):
    path = write_package(tmp_path / "p.zip", minimal_body())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(pf.CASE_JSON)
        real = len(zf.read(info))
        info.file_size = real - 1
        with pytest.raises(zipfile.BadZipFile):
            pf._read_member(zf, info)
        info.file_size = real
        assert len(pf._read_member(zf, info)) == real
