"""Files whose clock goes back mid-file, made by rewriting the timestamps of a finished file in
place (FFmpeg's muxers refuse to write a clock that runs backwards):

- FLV: every tag's own timestamp (a live recording that reconnected and began again at 0);
- Matroska: every Cluster's timestamp (a camera clock set back, a recorder writing its clock);
  written with ``-dash 1`` so every keyframe starts a cluster, as recorders write them.

Either way the clock restarts at the first video keyframe at or after frame ``at``; returns the
index of that frame.
"""

from __future__ import annotations

CLUSTER = b"\x1f\x43\xb6\x75"


def flv_restart(data: bytearray, at: int, *, to: int = 10) -> int:
    """Rewrite the tags of an H.264 FLV from the first keyframe from frame ``at`` (decode
    order) on: their time (ms) minus that keyframe's, plus ``to``."""
    i, n, base, first = 13, 0, None, -1
    while i + 11 <= len(data):
        kind, size = data[i], int.from_bytes(data[i + 1:i + 4], "big")
        ts = int.from_bytes(data[i + 4:i + 7], "big") | data[i + 7] << 24
        picture = kind == 9 and data[i + 12] == 1      # an H.264 picture, not its headers
        if picture and base is None and n >= at and data[i + 11] >> 4 == 1:
            base, first = ts - to, n
        if base is not None:
            moved = max(0, ts - base)
            data[i + 4:i + 7] = (moved & 0xFFFFFF).to_bytes(3, "big")
            data[i + 7] = moved >> 24
        n += picture
        i += 11 + size + 4
    return first


def mkv_restart(data: bytearray, at_cluster: int, *, to: int = 10) -> None:
    """Rewrite the Cluster timestamps from cluster ``at_cluster`` on (ms, minus that
    cluster's, plus ``to``); the value keeps its width."""
    base, k, i = None, 0, data.find(CLUSTER)
    while i >= 0:
        q = i + 4
        q += 8 - data[q].bit_length() + 1                 # the cluster's size
        if data[q] == 0xBF:                               # a CRC-32 element first
            q += 2 + (data[q + 1] & 0x7F)
        if data[q] != 0xE7:
            raise ValueError("no cluster timestamp where expected")
        width = data[q + 1] & 0x7F
        value = int.from_bytes(data[q + 2:q + 2 + width], "big")
        if k == at_cluster:
            base = value - to
        if base is not None:
            data[q + 2:q + 2 + width] = (value - base).to_bytes(width, "big")
        k += 1
        i = data.find(CLUSTER, i + 4)
