"""Map maths: GCJ-02 round trip, tile numbers, the local projection, bearings."""

from __future__ import annotations

import pytest

from app.services.evidence.routes import haversine_m
from app.services.investigation import geo


def test_gcj02_offset_and_inverse_near_zhuzhou():
    lat, lon = 27.87215, 113.15768
    glat, glon = geo.wgs84_to_gcj02(lat, lon)
    shift = haversine_m(lat, lon, glat, glon)
    assert 300 < shift < 700                    # the datum offset is a few hundred metres
    back = geo.gcj02_to_wgs84(glat, glon)
    assert haversine_m(lat, lon, *back) < 0.5
    assert geo.wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)   # outside China: unchanged


def test_tiles_projection_and_bearing():
    x, y = geo.tile_of(27.87215, 113.15768, 16)
    lat, lon = geo.tile_corner(int(x), int(y), 16)
    assert lat >= 27.87215 and lon <= 113.15768
    assert haversine_m(lat, lon, 27.87215, 113.15768) < 2 * 40075016 / 2 ** 16
    proj = geo.LocalProjection(27.87, 113.15)
    px, py = proj(27.871, 113.151)
    assert px == pytest.approx(98.4, abs=0.5) and py == pytest.approx(-110.5, abs=0.1)
    assert proj.inverse(px, py) == pytest.approx((27.871, 113.151))
    assert geo.bearing_of(0, -1) == 0 and geo.bearing_of(1, 0) == 90
    assert geo.bearing_of(0, 1) == 180 and geo.bearing_of(-1, 0) == 270
