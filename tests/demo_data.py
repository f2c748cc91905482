"""Demo data for tests, built once and copied: never seed the whole demo inside a test module.

- :func:`demo_clips` — the five rendered demo CCTV clips, cached per machine (keyed by the
  renderer's source), so no test pays for encoding them twice.
- :func:`demo_template` — a data dir seeded with demo steps (``"cases"``: the case file only;
  ``"full"``: every step of ``app.demo.DEMO_STEPS`` including the imported, marked footage),
  cached per machine under a key that hashes the Qt-free sources and catalogues, so a code
  change rebuilds it. Built under a lock: parallel workers wait for one build.
- :func:`copy_demo` — a private copy of a template for one test (SQLite file, evidence store,
  frame-index cache: all paths inside are relative to the data dir).
- :func:`seed_clips` / :func:`seed_media_cache` — the rendered clips and their frame-index and
  activity caches, where a demo run in a fresh data dir finds them.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
from pathlib import Path

from tests.media import media_dir
from tests.shared_cache import build_once, tree_digest

APP = Path(__file__).resolve().parent.parent / "app"
STEPS = {"cases": ("app.demo.cases",), "full": None}  # None: every DEMO_STEPS entry


def demo_clips() -> Path:
    """Folder holding the demo footage clips under their demo file names."""
    from app.demo import footage
    from app.demo.footage_render import render_clip

    specs = [footage.clip_spec(cam) for cam in footage.CAMERAS]
    key = hashlib.sha256(repr(specs).encode() + tree_digest(
        APP / "demo", ["footage_render.py"]).encode()).hexdigest()[:16]

    def render(folder: Path) -> None:
        for spec in specs:
            render_clip(spec, folder / spec.name)

    return build_once(media_dir() / f"demo_footage_{key}", render)


def seed_clips(data_dir: Path) -> Path:
    """Copy the cached clips where the demo's footage step looks for them first."""
    from app.demo.footage import FOOTAGE_DIR

    target = Path(data_dir) / FOOTAGE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for clip in demo_clips().glob("*.mp4"):
        shutil.copyfile(clip, target / clip.name)
    return target


def seed_media_cache(data_dir: Path) -> Path:
    """Copy the full template's derived media cache (frame indexes, activity scans of the demo
    clips, keyed by their content) into ``data_dir``: importing the clips again then skips the
    decoding passes (tests/video checks those), everything else of the import still runs."""
    target = Path(data_dir) / "cache"
    shutil.copytree(demo_template("full") / "cache", target, dirs_exist_ok=True)
    return target


def _app_digest() -> str:
    return tree_digest(APP, ["**/*.py", "resources/i18n/*/LC_MESSAGES/*.mo"], skip=("ui/",))


def demo_template(kind: str = "full") -> Path:
    """A seeded data dir (do not modify it: :func:`copy_demo` it)."""
    from app.config import resolve_paths
    from app.demo import DEMO_STEPS, DemoReport
    from app.models.db import open_database

    steps = STEPS[kind] or tuple(DEMO_STEPS)

    def seed(folder: Path) -> None:
        data = folder / "data"
        if "app.demo.footage" in steps:
            seed_clips(data)
        paths = resolve_paths(data).ensure()
        engine, factory = open_database(paths.db_url)
        try:
            report = DemoReport()
            for step in steps:
                importlib.import_module(step).seed(paths, factory, report)
        finally:
            engine.dispose()

    folder = build_once(media_dir() / f"demo_{kind}_{_app_digest()}", seed)
    return folder / "data"


def copy_demo(target: Path, kind: str = "full") -> Path:
    """A private copy of the ``kind`` template at ``target`` (the new data dir)."""
    shutil.copytree(demo_template(kind), target, ignore=shutil.ignore_patterns("logs"))
    return Path(target)


def main() -> None:
    """``python -m tests.demo_data``: build the cached clips and templates now (``.ci/run`` does
    it before pytest, so no test's set-up pays for them)."""
    import time

    for name, build in (("demo clips", demo_clips), ("case-file template", lambda: demo_template(
            "cases")), ("full demo template", lambda: demo_template("full"))):
        start = time.monotonic()
        where = build()
        print(f"{name}: {time.monotonic() - start:.1f} s ({where})")


if __name__ == "__main__":
    main()
