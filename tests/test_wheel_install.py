"""The built wheel works on its own: resources ship inside it, the programs run from a venv.

Once per test run (shared by the xdist workers): copy the package sources to a temporary
folder, build the wheel there (``pip wheel --no-build-isolation``: no network), create a fresh
venv *outside the source tree*, install the wheel into it with its entry points. The venv sees
the test interpreter's installed dependencies through a ``.pth`` line (installing PySide6 & co.
again would take minutes and network; the lean-Qt install itself is measured by hand, see the
README), and never the checkout: the commands run with ``PYTHONPATH`` unset from a folder
outside it, and a test checks where ``app`` was imported from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.demo_data import copy_demo, seed_clips, seed_media_cache
from tests.shared_cache import build_once, run_dir

# A wheel build, a venv install and a whole demo in subprocesses: minutes on a loaded 2-core
# machine, so this module gets its own generous limit instead of the suite's 180 s.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
ROOT = Path(__file__).resolve().parent.parent
CASE_A = "石峰-2023-0117"
RESOURCES = ("app/resources/i18n/casedesk_zh_CN.qm", "app/resources/fonts/wqy-microhei.ttc",
             "app/resources/i18n/zh_CN/LC_MESSAGES/casedesk.mo", "app/resources/icons/casedesk.svg",
             "app/resources/icons/casedesk-256.png")


def _venv_bin(venv: Path, name: str) -> Path:
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / (name + (".exe" if os.name == "nt" else ""))


def _build(folder: Path) -> None:
    src = folder / "src"
    shutil.copytree(ROOT / "app", src / "app",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-index",
                    "--no-build-isolation", "-w", str(folder / "dist"), str(src)], check=True)
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = _venv_bin(venv, "python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    wheel = next((folder / "dist").glob("casedesk-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", "--force-reinstall", str(wheel)], check=True)
    # only now the dependencies: pip must not see the test environment's own casedesk
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "zz_casedesk_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Path:
    """The folder holding ``dist/`` (the wheel) and ``venv/`` (the wheel installed)."""
    return build_once(run_dir(tmp_path_factory) / "wheel", _build)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "CASEDESK_HOME", "CASEDESK_DB_URL", "CASEDESK_EVIDENCE_DIR")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), LANG="C.UTF-8",
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"))
    return env


def _run(installed: Path, tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(_venv_bin(installed / "venv", tool)), *args], cwd=cwd,
                          env=_env(cwd), capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def demo_from_wheel(installed, tmp_path_factory) -> Path:
    """A data dir seeded by the installed ``casedesk-cli demo`` (its output in demo.txt).

    It starts from a copy of the case-file template, the pre-rendered clips and their frame-index
    and activity caches, so the run does the users, call-outs and footage import (every kind of
    demo step) without the ~50 generated cases and without decoding every frame again, which
    together took minutes on a loaded machine (both have their own tests)."""
    def seed(folder: Path) -> None:
        copy_demo(folder / "data", "cases")
        seed_clips(folder / "data")  # pre-rendered footage: the demo finds and imports it
        seed_media_cache(folder / "data")
        done = _run(installed, "casedesk-cli", "--data-dir", str(folder / "data"), "demo",
                    cwd=folder)
        assert done.returncode == 0, done.stderr
        (folder / "demo.txt").write_text(done.stdout + done.stderr, encoding="utf-8")

    return build_once(run_dir(tmp_path_factory) / "wheel_demo", seed)


def test_wheel_ships_resources_and_imports_from_the_venv(installed):
    wheel = next((installed / "dist").glob("casedesk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(RESOURCES) <= names
    assert not any(n.startswith(("tests/", "resources/", "translations/")) for n in names)
    i18n = {n.rsplit(".", 1)[-1] for n in names if n.startswith("app/resources/i18n/")}
    assert i18n == {"qm", "mo"}  # compiled catalogues only, no .ts/.po/.json sources
    probe = ("import app, json, importlib.metadata as m; from app.resources import resource_path;"
             "print(json.dumps([app.__file__, str(resource_path('fonts')),"
             " [r for r in m.requires('casedesk') if 'extra' not in r]]))")
    done = subprocess.run([str(_venv_bin(installed / "venv", "python")), "-c", probe],
                          cwd=installed, env=_env(installed), capture_output=True, text=True)
    module, fonts, requires = json.loads(done.stdout)
    venv = str((installed / "venv").resolve())
    assert module.startswith(venv) and fonts.startswith(venv) and not module.startswith(str(ROOT))
    names = {r.split(">")[0].split("=")[0].strip() for r in requires}
    assert {"PySide6-Essentials", "PySide6-Addons"} <= names and "PySide6" not in names


def test_cli_demo_from_the_wheel_speaks_chinese(demo_from_wheel):
    out = (demo_from_wheel / "demo.txt").read_text(encoding="utf-8")
    assert "演示数据已就绪" in out and CASE_A in out and "evidence " in out and "callouts" in out


def test_export_pdf_from_the_wheel_embeds_chinese(installed, demo_from_wheel, tmp_path):
    data = shutil.copytree(demo_from_wheel / "data", tmp_path / "data")
    pdf = tmp_path / "a.pdf"
    done = _run(installed, "casedesk-cli", "--data-dir", str(data), "export-pdf", CASE_A,
                str(pdf), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert CASE_A in text and "三轮" in text


def test_gui_screenshot_from_the_wheel_in_chinese(installed, demo_from_wheel, tmp_path):
    data = shutil.copytree(demo_from_wheel / "data", tmp_path / "data")
    png = tmp_path / "shot.png"
    done = _run(installed, "casedesk", "--data-dir", str(data), "--lang", "zh_CN",
                "--screenshot", str(png), "--size", "1280x800", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    probe = ("from PySide6.QtCore import QCoreApplication as Q; from PySide6.QtGui import "
             "QFontDatabase as F; from app.ui.app import create_application, install_translators;"
             "a = create_application(); install_translators(a, 'zh_CN');"
             "print(Q.translate('MainWindow', '&File'), "
             "F.WritingSystem.SimplifiedChinese in F.writingSystems(a.font().family()))")
    done = subprocess.run([str(_venv_bin(installed / "venv", "python")), "-c", probe],
                          cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True)
    assert done.stdout.split() == ["文件(&F)", "True"], done.stderr  # a CJK font even without
    # any on the system: the shipped one
