"""Enhancement filters: serialisation round trip, validation, measurable effects."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.video import FILTER_SPECS, FilterChain, VideoError, thumbnails
from tests.media import make_clip


@pytest.fixture
def night() -> np.ndarray:
    """A dark, low-contrast frame with a faint plate-like pattern and some noise."""
    rnd = np.random.default_rng(5)
    img = np.full((120, 160, 3), 20, dtype=np.uint8)
    img[40:60, 50:110] = 35
    img[45:55, 60:100:8] = 50
    noise = rnd.integers(0, 6, img.shape, dtype=np.uint8)
    return img + noise


def test_empty_chain_is_identity(night):
    assert FilterChain().apply(night) is night
    assert not FilterChain()


def test_round_trip_through_json():
    chain = (FilterChain().add("brightness_contrast", brightness=20, contrast=1.5)
             .add("gamma", gamma=1.8).add("clahe").add("sharpen", amount=0.8)
             .add("denoise", method="nlmeans").add("deinterlace", mode="top").add("grayscale")
             .add("crop_zoom", x=10, y=10, w=40, h=30, scale=4))
    text = json.dumps(chain.to_json())
    again = FilterChain.from_json(json.loads(text))
    assert again == chain
    assert FilterChain.from_json(chain.dumps()) == chain
    assert again.filters[2] == {"type": "clahe", "clip_limit": 3.0, "tiles": 8}
    assert set(FILTER_SPECS) == {f["type"] for f in chain.filters}


def test_each_filter_has_its_effect(night):
    def run(kind, **params):
        return FilterChain().add(kind, **params).apply(night)

    assert run("brightness_contrast", brightness=40).mean() > night.mean() + 30
    assert run("brightness_contrast", contrast=3.0).std() > night.std() * 2
    assert run("gamma", gamma=2.2).mean() > night.mean() * 1.5
    assert run("clahe", clip_limit=4.0).std() > night.std()
    sharp = run("sharpen", amount=2.0)
    assert np.abs(np.diff(sharp.astype(int), axis=1)).mean() > \
        np.abs(np.diff(night.astype(int), axis=1)).mean()
    assert run("denoise").astype(float).std() < night.astype(float).std()
    gray = run("grayscale")
    assert (gray[:, :, 0] == gray[:, :, 1]).all() and (gray[:, :, 1] == gray[:, :, 2]).all()
    zoom = run("crop_zoom", x=50, y=40, w=10, h=5, scale=8)
    assert zoom.shape == (40, 80, 3)
    assert (zoom[:8, :8] == night[40, 50]).all()            # nearest neighbour: solid blocks


def test_deinterlace_removes_combing():
    combed = np.zeros((60, 80, 3), dtype=np.uint8)
    combed[0::2] = 200                                      # the two fields disagree
    for mode in ("blend", "top", "bottom"):
        out = FilterChain([{"type": "deinterlace", "mode": mode}]).apply(combed)
        assert np.abs(np.diff(out[5:-5].astype(int), axis=0)).mean() < 40


def test_filters_do_not_touch_the_input(night):
    before = night.copy()
    FilterChain().add("clahe").add("sharpen").add("brightness_contrast", brightness=50).apply(night)
    assert (night == before).all()


@pytest.mark.parametrize("bad", [
    [{"type": "xray"}], [{"type": "gamma", "gamma": 0}], [{"type": "gamma", "power": 2}],
    [{"type": "denoise", "method": "magic"}], [{"type": "gamma", "gamma": "bright"}], {"a": 1},
    "[not json",
])
def test_bad_settings_are_refused_in_plain_words(bad):
    with pytest.raises(VideoError):
        FilterChain.from_json(bad)


def test_describe_in_chinese():
    text = FilterChain().add("clahe").add("grayscale").describe()
    assert "夜间增强" in text and "灰度" in text
    assert FilterChain().describe() == "无（原始画面）"


def test_thumbnails_come_from_keyframes():
    path = make_clip("h264_mp4", frames=250)
    thumbs = thumbnails(path, 4, width=80)
    assert [i for i, _ in thumbs] == [0, 50, 150, 200]
    assert all(img.shape == (60, 80, 3) for _, img in thumbs)
    assert [i for i, _ in thumbnails(path, 10)] == [0, 50, 100, 150, 200]
    from app.video import open_video

    with open_video(path) as video:
        seen = []
        assert len(thumbnails(video, 3, progress=lambda a, b: seen.append(a))) == 3
        assert seen == [1, 2, 3]
