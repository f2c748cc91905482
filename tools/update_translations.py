"""Regenerate every translation catalogue: GUI (Qt .ts → .qm) and core (gettext .po → .mo).

    python tools/update_translations.py            # update sources, fold glossaries, compile
    python tools/update_translations.py --check    # the same, exit 1 if a string lacks Chinese

Translators edit ``translations/zh_CN/ui/<topic>.ts`` (Qt Linguist) and
``translations/zh_CN/core/<topic>.po`` (Poedit or any PO editor); ``translations/zh_CN/
qt_gaps.ts`` holds words Qt's own catalogue lacks. Steps:

1. Old JSON glossaries (``app/resources/i18n/{ui,core}_zh_CN/*.json``, or the older top-level
   ``resources/i18n/``) still brought in by merged branches are read (see
   :mod:`tools.i18n_build.fold`).
2. ``pyside6-lupdate`` brings each topic's ``.ts`` up to date with the ``tr()`` strings of
   ``app/ui/<topic>/`` (``main`` = ``app/ui/*.py``); Babel extracts the ``_()`` strings of
   ``app/`` into the topic ``.po`` files. Strings gone from the code are dropped.
3. Glossary entries are written into the catalogues, and the JSON files deleted.
4. ``pyside6-lrelease`` compiles ``app/resources/i18n/casedesk_zh_CN.qm``; Babel compiles
   ``app/resources/i18n/zh_CN/LC_MESSAGES/casedesk.mo``. Both are package data.

Running it again changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``tools`` and ``app`` importable
    sys.path.insert(0, str(ROOT))

from tools.i18n_build import fold, gettext_po, qt  # noqa: E402
from tools.i18n_build.layout import Layout  # noqa: E402


@dataclass
class Result:
    ui_missing: list[tuple[str, str, str]] = field(default_factory=list)
    core_missing: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.ui_missing or self.core_missing)


def update(layout: Layout | None = None) -> Result:
    """The whole pipeline on ``layout`` (the repository by default)."""
    layout = layout or Layout()
    result = Result()
    moved = fold.fold_legacy_glossaries(layout.legacy_glossaries, layout.glossaries)
    result.notes += [f"moved resources/i18n/{name} into the package glossaries" for name in moved]
    ui_words = fold.read_glossaries(layout, "ui")
    core_words = fold.read_glossaries(layout, "core")

    qt.update_ts(layout)
    if ui_words:
        result.notes += fold.fold_ui(layout, ui_words)
        qt.update_ts(layout)  # lupdate's own formatting again
    catalogues = gettext_po.read_catalogues(layout)
    gettext_po.sync(layout, catalogues, fold.homes(core_words))
    result.notes += fold.fold_core(catalogues, core_words)
    gettext_po.write_catalogues(layout, catalogues)
    result.folded = fold.delete_glossaries(layout)
    if qt.fill_shared(layout, gettext_po.translations(catalogues)):
        qt.update_ts(layout)  # lupdate's own formatting again

    qt.compile_qm(layout, layout.qm)
    gettext_po.compile_mo(layout, catalogues, layout.mo)
    result.ui_missing = qt.missing(layout)
    result.core_missing = gettext_po.missing(catalogues)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a string lacks Chinese")
    args = parser.parse_args(argv)
    layout = Layout()
    result = update(layout)
    for note in result.notes:
        print(note, file=sys.stderr)
    for name in result.folded:
        print(f"folded and deleted {name}")
    for topic, context, source in result.ui_missing:
        print(f"untranslated (ui/{topic}.ts): [{context}] {source!r}", file=sys.stderr)
    for topic, text in result.core_missing:
        print(f"untranslated (core/{topic}.po): {text!r}", file=sys.stderr)
    print(f"{len(layout.ts_files())} .ts, {len(layout.po_files())} .po: "
          f"{len(result.ui_missing)} + {len(result.core_missing)} untranslated; "
          f"built {layout.rel(layout.qm)} and {layout.rel(layout.mo)}")
    return 1 if (args.check and not result.complete) else 0


if __name__ == "__main__":
    sys.exit(main())
