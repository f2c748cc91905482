"""Pictures of the other codec under the stream's own id: a recorder whose firmware changed
from H.264 to H.265 (or back) in the middle of an export keeps the transport stream's PID or
the program stream's id, and FFmpeg hands the new pictures to the old codec's decoder. Those
frames cannot be shown, and they are not damaged: the officer is told which frames they are
and why, instead of reading "data damaged" on each.

A packet's NAL unit headers tell the codecs apart without decoding: HEVC writes two-byte
headers whose second byte is the layer (0) and temporal id + 1 (1 to 7), with a type in the
ranges the standard uses; H.264 writes one byte, and the byte after it is payload (an SPS's
profile, a slice's first macroblock and type), which does not look like that in every unit.
"""

from __future__ import annotations

from app.i18n import _
from app.video.nal import Framing

HEAD = 64                          # bytes of a packet read: its first units' headers
_HEVC_TYPES = frozenset(range(0, 22)) | frozenset(range(32, 41))
_H264_TYPES = frozenset(range(1, 13))
_NAMES = {"h264": "H.264", "hevc": "H.265"}


def _units(head: bytes) -> list[bytes]:
    return [u for u in Framing(0).units(head) if len(u) >= 2]


def _hevc_header(u: bytes) -> bool:
    return u[0] & 0x81 == 0 and u[1] & 0xF8 == 0 and u[1] & 7 != 0 \
        and u[0] >> 1 & 0x3F in _HEVC_TYPES


def _first_unit(head: bytes) -> bytes:
    at = head.find(b"\x00\x00\x01")
    return head[at + 3:at + 5] if at >= 0 else b""


def hevc_shaped(head: bytes) -> bool:
    """Every NAL unit the packet starts with has an HEVC header of layer 0."""
    first = _first_unit(head)        # (most packets of an H.264 stream fail on their first)
    if len(first) < 2 or not _hevc_header(first):
        return False
    units = _units(head)
    return bool(units) and all(_hevc_header(u) for u in units)


def h264_shaped(head: bytes) -> bool:
    """Every NAL unit the packet starts with has an H.264 header, and the first is not
    HEVC-shaped."""
    first = _first_unit(head)
    if len(first) < 2 or _hevc_header(first):
        return False
    units = _units(head)
    return bool(units) and all(u[0] & 0x80 == 0 and u[0] & 0x1F in _H264_TYPES for u in units)


class ForeignWatch:
    """Fed every packet (decode order) of an H.264 or H.265 stream framed by start codes;
    :meth:`note` names the runs of packets that hold the other codec's pictures."""

    def __init__(self, codec: str, framing: Framing | None) -> None:
        self.codec = codec
        self.other = {"h264": "hevc", "hevc": "h264"}.get(codec) if framing is None else None
        self.test = hevc_shaped if self.other == "hevc" else h264_shaped
        self.rows: list[int] = []

    @property
    def active(self) -> bool:
        return self.other is not None

    def feed(self, row: int, head: bytes) -> None:
        if self.test(head):
            self.rows.append(row)

    def note(self, keys: list[bool], minimum: int = 2) -> list[str]:
        """A warning per run of at least ``minimum`` such packets (one odd packet is damage,
        which the decoder flags on its own), ``keys`` the rows' keyframe flags. The packet
        before a run is named with it (the old codec's parser puts the new codec's first units
        into it), and so is every one up to the next keyframe after it (the parser may have
        swallowed the one that the recording after the run starts with)."""
        runs: list[list[int]] = []
        for row in self.rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        out = []
        for a, b in runs:
            if b - a + 1 < minimum:
                continue
            end = next((k - 1 for k in range(b + 1, len(keys)) if keys[k]), len(keys) - 1)
            out.append(_("frames {first} to {last} cannot be shown: the recorder changed its "
                         "codec mid-export ({other} pictures inside the {codec} stream), and "
                         "they reach the wrong decoder; they are not damaged; ask for that "
                         "recording as a file of its own", first=max(0, a - 1), last=end,
                         other=_NAMES.get(self.other or "", ""), codec=_NAMES[self.codec]))
        return out
