"""A training package must hold no identity: import refuses one that does.

Person names, ID numbers, phones and plates must be the exporter's stand-ins, and no free text
may hold anything the shared scrubber finds (ID numbers, phones, plates, house-numbered
addresses, names after a telling word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.i18n import _
from app.services.casefile import scrubber
from app.services.training.package_format import PackageError

# The stand-ins pseudonyms.py writes, in either language.
_STAND_INS = {
    "name": re.compile(r"^(?:人员|Person )[A-Z]{1,3}\d*$"),
    "id_number": re.compile(r"^(?:身份证号|ID no\. )\d{2,}$"),
    "phone": re.compile(r"^(?:电话|Phone )\d{2,}$"),
    "plate": re.compile(rf"^[{scrubber.PROVINCES}]?·训\d{{2,}}$"),
}
_HASH = re.compile(r"^[0-9a-f]{64}$")
_KIND_WORDS = {"name": "姓名", "id": "身份证号", "id_number": "身份证号", "phone": "电话",
               "plate": "车牌", "address": "地址"}


def _refuse(kind: str, where: str) -> PackageError:
    return PackageError(_("The training package contains identifying data ({kind} in {where}); "
                          "a training package must be anonymized. Nothing was imported.",
                          kind=_KIND_WORDS.get(kind, kind), where=where))


def _walk(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, f"{where}[{i}]")
    elif isinstance(value, str):
        yield where, value


def check_no_identities(body: dict) -> None:
    """PackageError naming the first identifying value's kind and place (never the value)."""
    for table, field in (("persons", "name"), ("persons", "id_number"), ("persons", "phone"),
                         ("vehicles", "plate")):
        for i, row in enumerate(body.get(table) or []):
            value = row.get(field) if isinstance(row, dict) else None
            if value and not _STAND_INS[field].match(str(value)):
                raise _refuse(field, f"{table}[{i}].{field}")
    for where, text in _walk(body, "case.json"):
        if _HASH.match(text):
            continue  # a SHA-256, not text
        found = scrubber.find(text)
        if found:
            raise _refuse(found[0][0], where)
