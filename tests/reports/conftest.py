"""Fixtures for report tests: a generated CCTV clip and Case A built from the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.case_a import build_case_a
from tests.media import make_clip


@pytest.fixture(scope="session")
def clip_path() -> Path:
    """A small H.264 clip (the shared, cached test-clip factory)."""
    return make_clip("h264_mp4", frames=50, size=(320, 240))


@pytest.fixture
def case_a(session_factory, paths, clip_path) -> dict:
    return build_case_a(session_factory, paths.evidence_dir, clip_path)
