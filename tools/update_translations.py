"""Rebuild the Qt translations of the GUI: lupdate → fill Chinese → lrelease.

    python tools/update_translations.py            # update .ts, fill, build .qm
    python tools/update_translations.py --check    # also exit 1 if any string lacks Chinese

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QCoreApplication.translate()`` string of
   ``app/ui/**.py`` (and the ``_()`` words of the shared code labels) into ``app/resources/i18n/casedesk_zh_CN.ts`` (obsolete entries dropped).
2. Chinese comes from the glossaries ``app/resources/i18n/ui_zh_CN/<topic>.json`` (English →
   Chinese; one file per topic, so helpers working in parallel never edit the same file). The
   same English may need different Chinese in different places, so a message found in
   ``app/ui/<topic>/…`` takes ``<topic>.json`` first, everything else ``main.json`` first, then
   any glossary; a key ``"Context::Source"`` (Qt context = class name) beats them all. A
   translation already in the .ts (e.g. made in Qt Linguist) is kept when no glossary has one.
3. ``pyside6-lrelease`` compiles ``casedesk_zh_CN.qm`` (package data; loaded by ``app.ui.app``).

Glossaries still under the old top-level ``resources/i18n/{ui,core}_zh_CN/`` (work begun before
the resources became package data) are folded into ``app/resources/i18n/`` first: see
:func:`fold_legacy_glossaries`. Re-running is harmless.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "app" / "ui"
I18N = ROOT / "app" / "resources" / "i18n"
LEGACY_I18N = ROOT / "resources" / "i18n"
GLOSSARY_DIR = I18N / "ui_zh_CN"
CORE_DIR = I18N / "core_zh_CN"
TS = I18N / "casedesk_zh_CN.ts"
QM = I18N / "casedesk_zh_CN.qm"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    raise SystemExit(f"{name} not found (it ships with PySide6)")


def glossaries() -> dict[str, dict[str, str]]:
    """{topic: {source: Chinese}} from every glossary file; the core catalogue comes last, for
    the shared code labels (see ``SHARED``) that no GUI glossary words differently."""
    words = {path.stem: json.loads(path.read_text(encoding="utf-8"))
             for path in sorted(GLOSSARY_DIR.glob("*.json"))}
    words["~core"] = {k: v for path in sorted(CORE_DIR.glob("*.json"))
                      for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    return words


def _topic(filename: str) -> str:
    """``review`` for a message found in app/ui/review/…, else ``main`` (also for the shared
    code labels: the views keep their words; the core catalogue is the last fallback)."""
    parts = Path(filename).parts
    if "ui" in parts:
        rest = parts[parts.index("ui") + 1:]
        if len(rest) > 1:
            return rest[0]
    return "main"


def lookup(words: dict[str, dict[str, str]], context: str, source: str,
           topic: str) -> str | None:
    qualified = f"{context}::{source}"
    for table in words.values():
        if qualified in table:
            return table[qualified]
    for name in (topic, "main", *words):
        if source in words.get(name, {}):
            return words[name][source]
    return None


# Qt-free modules whose ``_("…")`` words the views show too (through the Qt translator).
# (code labels; the record field declarations' ``N_("...")`` labels).
SHARED = [ROOT / "app" / "services" / "common" / "code_labels.py",
          ROOT / "app" / "services" / "casefile" / "dto.py"]


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts) + SHARED


def fold_legacy_glossaries(legacy: Path = LEGACY_I18N, target: Path = I18N) -> list[str]:
    """Move ``legacy/{ui,core}_*/<topic>.json`` into ``target``; returns what was folded.

    A topic file that exists on both sides is merged key by key (the package's entry wins on a
    clash, reported on stderr); the legacy file is removed afterwards.
    """
    folded: list[str] = []
    for old in sorted(legacy.glob("*_*/*.json")):
        new = target / old.parent.name / old.name
        new.parent.mkdir(parents=True, exist_ok=True)
        words = json.loads(old.read_text(encoding="utf-8"))
        if new.exists():
            kept = json.loads(new.read_text(encoding="utf-8"))
            for key in sorted(k for k in words if k in kept and kept[k] != words[k]):
                print(f"glossary clash in {new.name}: {key!r} keeps {kept[key]!r}", file=sys.stderr)
            words = {**words, **kept}
        new.write_text(json.dumps(words, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        old.unlink()
        folded.append(str(old.relative_to(legacy)))
    for folder in sorted(legacy.glob("*_*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return folded


def run_lupdate(ts: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    # ``_tr("...")`` helpers (module-level wrappers of QCoreApplication.translate) are
    # collected too; their context is lost, the runtime translator's any-context lookup finds them.
    # So are the shared modules' ``_("...")`` and ``N_("...")`` words (``SHARED``).
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "relative",
                    "-tr-function-alias", "tr+=_tr,tr+=_,tr+=N_", *files,
                    "-ts", str(ts.resolve())], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def fill(ts: Path, words: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """Write glossary translations into ``ts``; returns (context, source) still missing."""
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    filename = ""  # lupdate writes a location's file name only when it changes
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            files = [loc.get("filename") for loc in message.iter("location") if loc.get("filename")]
            filename = files[0] if files else filename
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            found = lookup(words, name, source, _topic(filename))
            if found is not None:
                translation.text = found
                translation.attrib.pop("type", None)
            elif translation.text and translation.get("type") != "obsolete":
                translation.attrib.pop("type", None)
            else:
                translation.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return missing


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   stdout=subprocess.DEVNULL)


def update(ts: Path = TS, qm: Path = QM) -> list[tuple[str, str]]:
    """The whole pipeline; returns the strings that still lack Chinese."""
    for name in fold_legacy_glossaries():
        print(f"folded resources/i18n/{name} into {I18N.relative_to(ROOT)}")
    run_lupdate(ts)
    missing = fill(ts, glossaries())
    run_lrelease(ts, qm)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a string lacks Chinese")
    args = parser.parse_args(argv)
    missing = update()
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}", file=sys.stderr)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; built {QM.relative_to(ROOT)}")
    return 1 if (missing and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
