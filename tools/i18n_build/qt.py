"""The GUI half: ``tr()`` → per-topic ``.ts`` (lupdate) → one ``.qm`` (lrelease).

A topic is a folder of ``app/ui`` (``review`` for ``app/ui/review/**``); the modules directly in
``app/ui`` form ``main``. The ``.ts`` files carry no line numbers, so moving code around does not
touch them (smaller merges).

lupdate cannot always tell the run-time context of a string (a ``tr`` inside a helper function,
a base-class method called on a subclass), so the ``.qm`` also holds every translation once more
under the context :data:`app.i18n.ANY_CONTEXT`; ``CaseDeskTranslator`` asks it on a miss. That
context is generated at build time, never edited, and compiled straight from a temporary file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from app.i18n import ANY_CONTEXT
from tools.i18n_build.layout import MAIN_TOPIC, Layout

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    raise SystemExit(f"{name} not found (it ships with PySide6-Essentials)")


#: Qt-free modules whose ``_("…")``/``N_("…")`` words the views show through the Qt translator
#: (the one code-label table, the record field declarations); collected into ``main``.
SHARED = ("app/services/common/code_labels.py", "app/services/casefile/dto.py")


def topics(layout: Layout) -> dict[str, list[Path]]:
    """``{topic: [source files]}`` for every module of ``app/ui`` (+ :data:`SHARED` in main)."""
    found: dict[str, list[Path]] = {}
    for path in sorted(layout.ui_sources.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        rest = path.relative_to(layout.ui_sources).parts
        found.setdefault(rest[0] if len(rest) > 1 else MAIN_TOPIC, []).append(path)
    shared = [layout.root / name for name in SHARED if (layout.root / name).exists()]
    if shared and MAIN_TOPIC in found:
        found[MAIN_TOPIC] += shared
    return found


def fill_shared(layout: Layout, core: dict[str, str]) -> int:
    """Give every unfinished GUI string the views' own words for the same English (a finished
    translation in any topic, ``main`` first), else the core catalogue's: the shared code labels
    read the same as the views around them. Returns how many were filled."""
    views = finished_words(layout)
    filled = 0
    for ts in topic_order(layout):
        tree = ET.parse(ts)
        changed = False
        for message in tree.getroot().iter("message"):
            source = message.findtext("source", "")
            text = views.get(source) or core.get(source)
            if is_finished(message) or not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = text
            translation.attrib.pop("type", None)
            changed = True
            filled += 1
        if changed:
            write_ts(ts, tree)
    return filled


def run_lupdate(layout: Layout, files: list[Path], ts: Path) -> None:
    """Collect the ``tr()`` strings of ``files`` into ``ts`` (kept translations, no obsolete).

    ``_tr("...")`` helpers (module-level wrappers of ``QCoreApplication.translate``) are
    collected too; their context is lost, the any-context fallback finds them.
    """
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-target-language", layout.lang, "-tr-function-alias", "tr+=_tr,tr+=_,tr+=N_",
                    *(str(p) for p in files), "-ts", str(ts)],
                   cwd=layout.root, check=True, stdout=subprocess.DEVNULL)


def update_ts(layout: Layout) -> None:
    """One ``.ts`` per topic, current with the sources; a topic's file goes with its folder."""
    found = topics(layout)
    for topic, files in found.items():
        run_lupdate(layout, files, layout.ts_dir / f"{topic}.ts")
    for ts in layout.ts_files():
        if ts.stem not in found:
            ts.unlink()


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return bool(translation is not None and translation.text
                and translation.get("type") not in ("unfinished", "obsolete", "vanished"))


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """``[(context name, <message>)]`` of one ``.ts``."""
    root = ET.parse(ts).getroot()
    return [(context.findtext("name", ""), message)
            for context in root.iter("context") for message in context.iter("message")]


def missing(layout: Layout) -> list[tuple[str, str, str]]:
    """``(topic, context, source)`` of every GUI string without a finished translation."""
    return [(ts.stem, context, message.findtext("source", ""))
            for ts in layout.ts_files() for context, message in messages(ts)
            if not is_finished(message)]


def topic_order(layout: Layout) -> list[Path]:
    """The topic ``.ts`` files, ``main`` first, then by name."""
    return sorted(layout.ts_files(), key=lambda p: (p.stem != MAIN_TOPIC, p.stem))


def finished_words(layout: Layout) -> dict[str, str]:
    """{English: Chinese} of every finished GUI translation; the first topic in
    :func:`topic_order` wins when topics word the same English differently."""
    words: dict[str, str] = {}
    for ts in topic_order(layout):
        for _context, message in messages(ts):
            if is_finished(message):
                words.setdefault(message.findtext("source", ""), message.findtext("translation", ""))
    return words


def any_context_ts(layout: Layout, target: Path) -> None:
    """Every finished translation once under :data:`ANY_CONTEXT` (``main`` first, then the
    topics in name order; the first translation of a source text wins)."""
    words = finished_words(layout)
    root = ET.Element("TS", version="2.1", language=layout.lang)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = ANY_CONTEXT
    for source, translation in words.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    target.write_text(HEADER + ET.tostring(root, encoding="unicode"), encoding="utf-8")


def compile_qm(layout: Layout, qm: Path) -> None:
    """Every topic, Qt's gaps and the any-context table into one ``.qm``."""
    with tempfile.TemporaryDirectory() as tmp:
        fallback = Path(tmp) / "any_context.ts"
        any_context_ts(layout, fallback)
        inputs = [*layout.ts_files(), *([layout.qt_gaps] if layout.qt_gaps.exists() else []),
                  fallback]
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("pyside6-lrelease"), "-silent", *(str(p) for p in inputs),
                        "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)


def write_ts(ts: Path, tree: ET.ElementTree) -> None:
    """Save an edited ``.ts`` (lupdate re-formats it on its next run)."""
    ET.indent(tree, space="    ")
    ts.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n",
                  encoding="utf-8")
