"""Video test fixtures: clips come from the shared factory in tests/media.py."""

from __future__ import annotations

import pytest

from tests.media import make_clip


@pytest.fixture(scope="session")
def clip():
    """``clip(kind, **kw)`` → path of a cached generated clip."""
    return make_clip


@pytest.fixture(scope="session")
def mover_clip():
    """250 frames (10 s @ 25 fps), no index marker, a blue block moving in frames 100..160."""
    return make_clip("h264_mp4", frames=250, mover=(100, 160), marker=False)
