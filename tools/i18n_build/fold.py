"""Fold the retired JSON glossaries into the ``.ts``/``.po`` catalogues, then delete them.

Branches begun before the switch still add ``{English: Chinese}`` entries to
``app/resources/i18n/{ui,core}_<lang>/<topic>.json`` (or to the older top-level
``resources/i18n/``). After such a branch is merged, ``tools/update_translations.py`` folds
whatever JSON it finds, so running it twice changes nothing.

Rules, the same lookup the glossaries had: a GUI string takes a ``"Context::Source"`` key first,
then its topic's glossary, then ``main``, then any other. An entry fills a string that has no
translation; it replaces an existing translation only when it comes from the string's own topic
(or is a ``Context::`` key): the untouched copies of old entries that a branch carries must not
undo a topic-specific choice. Everything else that disagrees is reported, nothing is lost
silently: entries that match no message are listed too.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog

from tools.i18n_build.layout import MAIN_TOPIC, Layout
from tools.i18n_build.qt import is_finished, write_ts

Words = dict[str, dict[str, str]]  # {glossary topic: {source: Chinese}}


def fold_legacy_glossaries(legacy: Path, target: Path) -> list[str]:
    """Move ``legacy/{ui,core}_*/<topic>.json`` into ``target``; returns what was moved.

    A topic file on both sides is merged key by key (the package's entry wins on a clash,
    reported on stderr).
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
    _remove_empty(legacy)
    return folded


def _remove_empty(folder: Path) -> None:
    for sub in sorted(folder.glob("*_*"), reverse=True):
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()


def glossary_files(layout: Layout, kind: str) -> list[Path]:
    return sorted((layout.glossaries / f"{kind}_{layout.lang}").glob("*.json"))


def read_glossaries(layout: Layout, kind: str) -> Words:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in glossary_files(layout, kind)}


def delete_glossaries(layout: Layout) -> list[str]:
    gone = []
    for kind in ("ui", "core"):
        for path in glossary_files(layout, kind):
            path.unlink()
            gone.append(layout.rel(path))
    _remove_empty(layout.glossaries)
    return gone


def _lookup(words: Words, context: str, source: str,
            topic: str) -> tuple[str, str, str] | None:
    """(Chinese, glossary topic, key) of the entry that applies, or None."""
    qualified = f"{context}::{source}"
    for name, table in words.items():
        if qualified in table:
            return table[qualified], name, qualified
    for name in (topic, MAIN_TOPIC, *words):
        if source in words.get(name, {}):
            return words[name][source], name, source
    return None


def _unused(words: Words, sources: set[str]) -> list[str]:
    """Entries whose English matches no GUI string at all (they are dropped with the file)."""
    return [f"unused glossary entry {topic}.json: {key!r}" for topic, table in words.items()
            for key in table if (key.partition("::")[2] or key) not in sources]


def fold_ui(layout: Layout, words: Words) -> list[str]:
    """Write glossary Chinese into the topic ``.ts`` files; returns notes for the log."""
    notes: list[str] = []
    sources: set[str] = set()
    for ts in layout.ts_files():
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source", "")
                sources.add(source)
                found = _lookup(words, name, source, ts.stem)
                if found is None:
                    continue
                text, origin, key = found
                own = origin == ts.stem or key != source
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                if is_finished(message) and translation.text == text:
                    continue
                if is_finished(message) and not own:
                    notes.append(f"kept {ts.stem}.ts [{name}] {source!r} = {translation.text!r}"
                                 f" (glossary {origin}.json says {text!r})")
                    continue
                translation.text = text
                translation.attrib.pop("type", None)
                changed = True
        if changed:
            write_ts(ts, tree)
    return notes + _unused(words, sources)


def homes(words: Words) -> dict[str, str]:
    """``{message: glossary topic}``: where a new core message goes (last file wins)."""
    return {key: topic for topic, table in words.items() for key in table}


def fold_core(catalogues: dict[str, Catalog], words: Words) -> list[str]:
    """Write glossary Chinese into the topic ``.po`` catalogues; returns notes for the log."""
    where = {m.id: topic for topic, catalogue in catalogues.items() for m in catalogue if m.id}
    notes = []
    for origin, table in words.items():
        for key, text in table.items():
            topic = where.get(key)
            if topic is None:
                notes.append(f"unused glossary entry {origin}.json: {key!r}")
                continue
            message = catalogues[topic][key]
            assert message is not None
            finished = bool(message.string) and not message.fuzzy
            if finished and message.string == text:
                continue
            if finished and topic != origin:
                notes.append(f"kept {topic}.po {key!r} = {message.string!r}"
                              f" (glossary {origin}.json says {text!r})")
                continue
            message.string = text
            message.flags.discard("fuzzy")
    return notes
