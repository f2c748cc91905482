"""The core half: ``_()`` strings → per-topic ``.po`` (Babel) → one ``.mo`` (stdlib gettext).

A message stays in the ``.po`` it is in; a new one goes to its topic by path
(``app/services/<package>/`` → ``<package>``, ``app/<folder>/`` → ``<folder>``, a module
directly in ``app`` → ``main``), or to the topic of the JSON glossary that brings its Chinese.
Messages no longer in the code are dropped. Locations are file names without line numbers, so
editing code does not touch the catalogues.

Besides ``_`` and ``N_`` (a no-op marker), the label of ``FilterSpec("kind", "Label", ...)``
is extracted: those labels are translated later as ``_(spec.label)``.
"""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from tools.i18n_build.layout import DOMAIN, MAIN_TOPIC, Layout

KEYWORDS = {"_": None, "N_": None, "FilterSpec": (2,)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the .mo header never changes
HEADER = ("# CaseDesk core messages ({lang}), topic \"{topic}\".\n"
          "# Translate the msgstr lines (Poedit or any PO editor), then run\n"
          "# `python tools/update_translations.py`; it adds new messages and drops vanished ones.")


def topic_of(layout: Layout, path: Path) -> str:
    parts = path.relative_to(layout.app).parts
    if len(parts) == 1:
        return MAIN_TOPIC
    if parts[0] == "services" and len(parts) > 2:
        return parts[1]
    return parts[0]


def extract(layout: Layout) -> dict[str, list[str]]:
    """``{message: [files]}`` for every translatable literal under ``app/``."""
    found: dict[str, list[str]] = {}
    for path in sorted(layout.app.rglob("*.py")):
        if "__pycache__" in path.parts or "migrations" in path.parts:
            continue
        # Babel warns about f-strings passed as *parameters* of _() too: nothing to fix there
        with contextlib.redirect_stderr(io.StringIO()):
            hits = list(extract_from_file("python", str(path), keywords=KEYWORDS, options={}))
        for _line, message, _comments, _context in hits:
            if isinstance(message, str) and message:
                files = found.setdefault(message, [])
                if layout.rel(path) not in files:
                    files.append(layout.rel(path))
    return found


def new_catalogue(layout: Layout, topic: str) -> Catalog:
    catalogue = Catalog(locale=layout.lang, domain=f"{DOMAIN}-{topic}", project="CaseDesk",
                        version="1", copyright_holder="CaseDesk", msgid_bugs_address="",
                        creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False)
    catalogue.header_comment = HEADER.format(topic=topic, lang=layout.lang)
    return catalogue


def read_catalogues(layout: Layout) -> dict[str, Catalog]:
    catalogues = {}
    for path in layout.po_files():
        with path.open("rb") as fp:
            catalogues[path.stem] = read_po(fp, locale=layout.lang)
    return catalogues


def write_catalogues(layout: Layout, catalogues: dict[str, Catalog]) -> None:
    layout.po_dir.mkdir(parents=True, exist_ok=True)
    for topic, catalogue in catalogues.items():
        path = layout.po_dir / f"{topic}.po"
        if not len(catalogue):
            path.unlink(missing_ok=True)
            continue
        text = po_text(catalogue)
        if not path.exists() or path.read_bytes() != text:
            path.write_bytes(text)


def po_text(catalogue: Catalog) -> bytes:
    """The ``.po`` as written: sorted, no line numbers, no Babel version (no churn)."""
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, sort_output=True, include_lineno=False)
    lines = buffer.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b'"Generated-By: '))


def sync(layout: Layout, catalogues: dict[str, Catalog],
         home: dict[str, str] | None = None) -> None:
    """Make ``catalogues`` hold exactly the messages of the code; ``home`` = {message: topic}
    for new messages whose Chinese comes from a glossary."""
    used = extract(layout)
    placed: set[str] = set()
    for catalogue in catalogues.values():
        for message in list(catalogue):
            if not message.id:
                continue
            if message.id in used:
                message.locations = [(f, None) for f in used[message.id]]
                placed.add(message.id)
            else:
                catalogue.delete(message.id)
    for text, files in used.items():
        if text in placed:
            continue
        topic = (home or {}).get(text) or topic_of(layout, layout.root / files[0])
        if topic not in catalogues:
            catalogues[topic] = new_catalogue(layout, topic)
        catalogues[topic].add(text, "", locations=[(f, None) for f in files])


def missing(catalogues: dict[str, Catalog]) -> list[tuple[str, str]]:
    """``(topic, message)`` for every message without a (non-fuzzy) translation."""
    return [(topic, m.id) for topic, catalogue in catalogues.items() for m in catalogue
            if m.id and (not m.string or m.fuzzy)]


def translations(catalogues: dict[str, Catalog]) -> dict[str, str]:
    """What the ``.mo`` must hold: every finished translation."""
    return {m.id: m.string for catalogue in catalogues.values() for m in catalogue
            if m.id and m.string and not m.fuzzy}


def compiled(path: Path) -> dict[str, str]:
    """The translations in a ``.mo`` (header left out)."""
    if not path.exists():
        return {}
    with path.open("rb") as fp:
        return {m.id: m.string for m in read_mo(fp) if m.id}


def compile_mo(layout: Layout, catalogues: dict[str, Catalog], mo: Path) -> bool:
    """Write ``mo`` unless it already holds the same translations; True if written."""
    words = translations(catalogues)
    if compiled(mo) == words:
        return False
    merged = new_catalogue(layout, "all")
    merged.domain = DOMAIN
    for text, translation in sorted(words.items()):
        merged[text] = Message(text, translation)
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as fp:
        write_mo(fp, merged)
    return True
