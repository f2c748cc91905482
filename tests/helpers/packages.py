"""Hand-crafted training packages (signed with the test process's key unless told not to)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from app.services.training.package_format import CASE_JSON, MANIFEST, signed_manifest


def minimal_body(**case) -> dict:
    return {"case": {"title": "训练案例", **case}, "persons": [
        {"id": 1, "role": "victim", "name": "人员A", "id_number": None, "phone": None}],
        "vehicles": [], "meetings": [], "inquiries": [], "events": [
        {"id": 1, "occurred_at": "2023-11-28T06:02:00+08:00", "kind": "incident",
         "title": "事故发生"}], "changes": [], "observations": [], "status_history": [],
        "questions": []}


def write_package(path: Path, body: dict | bytes, *, sign: bool = True,
                  extra: dict[str, bytes] | None = None,
                  compression: int = zipfile.ZIP_STORED) -> Path:
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    members = {CASE_JSON: data, **(extra or {})}
    files = {k: hashlib.sha256(v).hexdigest() for k, v in members.items()}
    manifest = signed_manifest(files, "2024-01-01T00:00:00+00:00", None)
    if not sign:
        manifest["signature"]["signature"] = "0" * 128
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
        for name, blob in members.items():
            zf.writestr(name, blob)
    return path
