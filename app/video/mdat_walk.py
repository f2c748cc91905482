"""Finding the video in an MP4/MOV file whose index (``moov``) was never written.

The samples are in the ``mdat`` box, one after another, video and audio interleaved; where each
starts was to be written in the missing index. H.264/HEVC samples are self-describing: each NAL
unit is preceded by its length (4 bytes in every recorder seen). So the box is walked unit by
unit. A unit is taken only when its header is one a stream can hold and the unit after it is
too (or the data ends); where that fails (an audio chunk, damage) the walk looks for the next
place where three such units follow one another and the first begins a picture: the start of
the next video sample. A unit that runs past the end of the data was cut off: the walk ends
before the picture it belongs to.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from app.video.slice_order import H264Order, HevcOrder, pps_id, slice_start

LENGTH = 4                    # bytes of each unit's length
MAX_UNIT = 16 << 20           # no picture of a CCTV/dashcam stream comes near this
GUESS_WITHIN = 4 << 20     # the first picture lies within this much of the payload's start
GUESS_LEAST = 3              # units the first MiBs must hold: one or two in noise are no video
CHAIN = 3                     # units that must follow one another where the walk picks up again
H264_VCL = (1, 5)
HEVC_IRAP = range(16, 22)
PPS = {"h264": 8, "hevc": 34}       # the picture parameter set's unit type

# a 4-byte length (< 16 MiB: first byte 0) and a header byte that can begin a picture
_RESYNC = {   # (a first slice: its next bit, first_mb_in_slice 0 / first_slice_segment, is 1)
    "h264": re.compile(rb"\x00[\x00-\xff]{3}(?:[\x01\x21\x41\x61\x25\x45\x65][\x80-\xff]"
                       rb"|[\x06\x09\x27\x28\x47\x48\x67\x68])"),
    "hevc": re.compile(rb"\x00[\x00-\xff]{3}(?:[\x00-\x12\x20-\x2a][\x01-\x07][\x80-\xff]"
                       rb"|[\x40\x42\x44\x46\x4e][\x01-\x07])"),
}


def unit_type(codec: str, data: bytes | mmap.mmap, at: int) -> int | None:
    """The type of the NAL unit whose header is at ``at``, or None when no stream holds such
    a header (forbidden bit, a reference flag that contradicts the type, another layer)."""
    b0 = data[at]
    if b0 & 0x80:
        return None
    if codec == "h264":
        kind, ref = b0 & 0x1F, b0 >> 5
        if not 1 <= kind <= 12:
            return None
        if (kind in (5, 7, 8) and not ref) or (kind in (6, 9, 10, 11, 12) and ref):
            return None
        return kind
    b1 = data[at + 1]
    kind = (b0 >> 1) & 0x3F
    if b0 & 1 or b1 >> 3 or not b1 & 7 or not (kind <= 9 or 16 <= kind <= 21 or 32 <= kind <= 40):
        return None
    return kind


def is_vcl(codec: str, kind: int) -> bool:
    return kind in H264_VCL if codec == "h264" else kind <= 31


def is_keyframe(codec: str, kind: int) -> bool:
    if codec == "mjpeg":                 # every JPEG image stands alone
        return True
    return kind == 5 if codec == "h264" else kind in HEVC_IRAP


def is_parameter_set(codec: str, kind: int) -> bool:
    if codec == "mjpeg":
        return False
    return kind in (7, 8) if codec == "h264" else kind in (32, 33, 34)


def _header_size(codec: str) -> int:
    return 1 if codec == "h264" else 2


def slice_pps(codec: str, data: bytes | mmap.mmap, at: int, kind: int) -> tuple[bool, int] | None:
    """(first slice of its picture, the parameter set it names) of the slice whose header is at
    ``at``, or None when the bytes there cannot begin a slice."""
    said = slice_start(codec, bytes(data[at:at + _header_size(codec) + 12]), kind)
    return None if said is None else said[:2]


def leads_picture(codec: str, kind: int) -> bool:
    """True for the units that come before a picture's slices (a delimiter, a parameter set,
    an SEI): one after a slice begins the next picture."""
    return kind in (6, 7, 8, 9) if codec == "h264" else kind in (32, 33, 34, 35, 39)


@dataclass
class Walk:
    """The units found, in file order: (offset of the header, size, type, starts a picture)."""

    codec: str
    units: list[tuple[int, int, int, bool]] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)   # (offset, length)
    cut_at: int | None = None        # where a unit (and the picture it is part of) was cut off

    def skip(self, at: int, upto: int) -> None:
        if upto > at:
            self.skipped.append((at, upto - at))


class _Walker:
    def __init__(self, codec: str, data: bytes | mmap.mmap, end: int,
                 sets: list[bytes] | None = None) -> None:
        self.codec, self.data, self.end = codec, data, end
        self.least = LENGTH + _header_size(codec) + 1
        self.pps: set[int] = set()               # the picture parameter sets the stream has
        self.order = H264Order() if codec == "h264" else HevcOrder()
        self.seen: dict[int, tuple[int, int] | Literal[False] | None] = {}
        self.nested: tuple[int, int, bool] = (-1, -1, False)
        for unit in sets or ():
            self.met(unit, unit_type(codec, unit, 0))

    def at(self, p: int) -> tuple[int, int] | Literal[False] | None:
        """(size, type) of the unit whose length is at ``p``; False: it runs past the end
        (cut off); None: no unit. The walk asks again for the places it looked ahead at."""
        if p in self.seen:
            return self.seen[p]
        if len(self.seen) > 4096:
            self.seen.clear()
        got = self.seen[p] = self._at(p)
        return got

    def _at(self, p: int) -> tuple[int, int] | Literal[False] | None:
        if p + self.least > self.end:
            return False
        size = int.from_bytes(self.data[p:p + LENGTH], "big")
        if size < self.least - LENGTH or size > MAX_UNIT:
            return None
        kind = unit_type(self.codec, self.data, p + LENGTH)
        if kind is None or is_vcl(self.codec, kind) and self.slice(p, kind) is None:
            return None
        if p + LENGTH + size > self.end:
            return False
        return size, kind

    def slice(self, p: int, kind: int) -> bool | None:
        """Whether the slice whose length is at ``p`` begins its picture; None: no slice (its
        header is not one, or it names a parameter set the stream does not have)."""
        said = slice_pps(self.codec, self.data, p + LENGTH, kind)
        if said is None or (self.pps and said[1] not in self.pps):
            return None
        return said[0]

    def goes_on(self, p: int) -> bool:
        """True when ``CHAIN`` whole units follow one another from ``p``: the video goes on
        there (the data does not end inside them)."""
        for _ in range(CHAIN):
            got = self.at(p)
            if not got:
                return False
            p += LENGTH + got[0]
        return True

    def chained(self, p: int, depth: int) -> bool:
        """True when ``depth`` units follow one another from ``p`` (or the data ends first)."""
        for _ in range(depth):
            got = self.at(p)
            if got is False:
                return True
            if got is None:
                return False
            p += LENGTH + got[0]
        return True

    def candidates(self, p: int, upto: int) -> Iterator[tuple[int, int]]:
        """Places in ``p``..``upto`` where a unit that begins a picture could be, ending by
        ``upto``: (where, end)."""
        pattern, data, least = _RESYNC[self.codec], self.data, self.least - LENGTH
        while True:
            m = pattern.search(data, p, upto)
            if m is None:
                return
            q = m.start()
            size = int.from_bytes(data[q:q + LENGTH], "big")   # first what costs nothing
            if least <= size <= MAX_UNIT and q + LENGTH + size <= upto:
                got = self.at(q)
                if got and self.begins(q, got[1]):
                    yield q, q + LENGTH + got[0]
            p = q + 1

    def nests(self, p: int, end: int) -> bool:
        """True when ``p``..``end`` (what a unit at ``p`` would span) holds two pictures of its
        own, one after the other: then no unit is at ``p`` (an audio chunk that reads as one,
        whose random length swallows the pictures after it). A real unit holds bytes that read
        as a picture's start too, but their lengths run past it. (Asked twice for a picture
        the walk picks up at: the answer is kept.)"""
        if self.nested[:2] != (p, end):
            self.nested = (p, end, self._two_inside(p, end))
        return self.nested[2]

    def _two_inside(self, p: int, end: int) -> bool:
        first = end + 1                      # where the earliest picture found inside ends
        for q, e in self.candidates(p + 1, end):
            if q >= first:
                return True
            first = min(first, e)
        return False

    def resync(self, p: int) -> int | None:
        """The next place from ``p`` on where the video picks up again: a unit that begins a
        picture and is followed by two more, or one that holds no pictures of its own (where
        audio follows every picture)."""
        for q, e in self.candidates(p, self.end):
            if self.chained(q, CHAIN) or not self.nests(q, e):
                return q
        return None

    def begins(self, p: int, kind: int) -> bool:
        """True for a unit (its length at ``p``) that begins a picture: a delimiter, parameter
        set or SEI before it, or its first slice."""
        return bool(self.slice(p, kind)) if is_vcl(self.codec, kind) \
            else leads_picture(self.codec, kind)

    def unit(self, p: int, size: int) -> bytes:
        """The first bytes of the unit whose length is at ``p`` (enough for its headers)."""
        return bytes(self.data[p + LENGTH:p + LENGTH + min(size, 64)])

    def fits(self, p: int, size: int, kind: int) -> bool:
        """False for a slice whose header cannot follow the pictures taken."""
        return not is_vcl(self.codec, kind) or self.order.fits(self.unit(p, size))

    def met(self, unit: bytes, kind: int | None) -> None:
        """A unit taken (or given: a reference's parameter sets): note what it says."""
        if kind == PPS[self.codec] and (pps := pps_id(self.codec, unit)) is not None \
                and pps not in self.pps:
            self.pps.add(pps)
            self.seen.clear()                # what was read before may name this one
        if kind is not None and is_parameter_set(self.codec, kind):
            self.order.parameter_set(unit)
        elif kind is not None and is_vcl(self.codec, kind):
            self.order.took(unit)


def walk(codec: str, data: bytes | mmap.mmap, start: int, end: int,
         tick: Callable[[int], None] | None = None, sets: list[bytes] | None = None) -> Walk:
    """Walk ``data[start:end]`` (an ``mdat`` box's payload) as ``codec`` units. ``tick`` is
    called with the position now and then (progress; it may raise to cancel); ``sets``: the
    parameter sets given from outside (a reference, a surviving index)."""
    out, w = Walk(codec), _Walker(codec, data, end, sets)
    p, picture, last_vcl = start, 0, True   # picture: where the current picture's units begin
    while p < end:
        if tick is not None and len(out.units) % 2048 == 0:
            tick(p)
        got = w.at(p)
        q = w.resync(p + 1) if got is False or got is None else None
        if got is False and q is not None and w.goes_on(q):
            got = None                       # audio read as a unit that runs past the end
        if got is False:                     # cut off: its picture is whole only if it begins
            whole = p + w.least <= end and (kind := unit_type(codec, data, p + LENGTH)) \
                is not None and w.begins(p, kind)               # the next one
            if not whole:
                del out.units[picture:]
            out.cut_at = p
            break
        if got is None:
            out.skip(p, end if q is None else q)
            w.order.reset()
            if q is None:
                break
            p = q
            continue
        size, kind = got
        after = p + LENGTH + size
        if w.at(after) is None:              # an audio chunk, damage or the video's end follows
            # no unit: audio read as one (that swallows pictures, or does not fit their order)
            if not is_vcl(codec, kind) or w.nests(p, after) or not w.fits(p, size, kind):
                q = w.resync(p + 1)
                out.skip(p, end if q is None else q)
                w.order.reset()
                if q is None:
                    break
                p, last_vcl = q, True
                continue
            q = w.resync(after)
            out.skip(after, end if q is None else q)
            after, gap = (end if q is None else q), True
        else:
            gap = False
        starts = w.begins(p, kind) and last_vcl
        if starts:
            picture = len(out.units)
        out.units.append((p + LENGTH, size, kind, starts))
        w.met(w.unit(p, size), kind)
        if gap:
            w.order.reset()                  # what was skipped may have held pictures
        last_vcl = is_vcl(codec, kind)       # (a unit before a gap is a slice)
        p = after
    if out.units and not any(is_vcl(codec, u[2]) for u in out.units[picture:]):
        if out.cut_at is None:           # the data ended after a picture's parameter sets
            out.cut_at = out.units[picture][0] - LENGTH
        del out.units[picture:]
    return out


def guess_codec(data: bytes | mmap.mmap, start: int, end: int) -> str | None:
    """H.264 or HEVC: the one far more units of the payload's first MiBs read as (None:
    neither reads; the other codec's reading finds a few large ones). An audio chunk may come
    before the first picture."""
    upto = min(end, start + GUESS_WITHIN)
    found = {codec: len(walk(codec, data, start, upto).units) for codec in ("h264", "hevc")}
    best, other = sorted(found, key=lambda c: found[c], reverse=True)
    return best if found[best] >= GUESS_LEAST and found[best] > 2 * found[other] else None
