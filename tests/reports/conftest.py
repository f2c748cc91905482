"""Fixtures for report tests: a generated CCTV clip and Case A built from the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.case_a import build_case_a
from tests.media import make_block_clip


@pytest.fixture(scope="session")
def clip_path(tmp_path_factory) -> Path:
    return make_block_clip(tmp_path_factory.mktemp("clips") / "tianqiao.mp4")


@pytest.fixture
def case_a(session_factory, paths, clip_path) -> dict:
    return build_case_a(session_factory, paths.evidence_dir, clip_path)
