"""Where the translation sources and the compiled catalogues live (one object, so tests can
run the whole pipeline on a small tree of their own)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANG = "zh_CN"
DOMAIN = "casedesk"
MAIN_TOPIC = "main"


@dataclass(frozen=True)
class Layout:
    root: Path = ROOT
    lang: str = LANG

    @property
    def app(self) -> Path:
        return self.root / "app"

    @property
    def ui_sources(self) -> Path:
        return self.app / "ui"

    @property
    def sources(self) -> Path:
        """Translator-edited catalogues (not package data)."""
        return self.root / "translations" / self.lang

    @property
    def ts_dir(self) -> Path:
        return self.sources / "ui"

    @property
    def po_dir(self) -> Path:
        return self.sources / "core"

    @property
    def qt_gaps(self) -> Path:
        """Hand-kept words for Qt's own dialogs that Qt's catalogue lacks."""
        return self.sources / "qt_gaps.ts"

    @property
    def compiled(self) -> Path:
        return self.app / "resources" / "i18n"

    @property
    def qm(self) -> Path:
        return self.compiled / f"{DOMAIN}_{self.lang}.qm"

    @property
    def mo(self) -> Path:
        return self.compiled / self.lang / "LC_MESSAGES" / f"{DOMAIN}.mo"

    @property
    def glossaries(self) -> Path:
        """Where the retired JSON glossaries were: ``{ui,core}_<lang>/<topic>.json``."""
        return self.compiled

    @property
    def legacy_glossaries(self) -> Path:
        """The even older top-level folder, before resources became package data."""
        return self.root / "resources" / "i18n"

    def ts_files(self) -> list[Path]:
        return sorted(self.ts_dir.glob("*.ts"))

    def po_files(self) -> list[Path]:
        return sorted(self.po_dir.glob("*.po"))

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.root))
