"""Bytes that pass for H.264/HEVC units, placed between the video chunks of a recording whose
index was lost (tests/killed_recordings.py). Each breaks one rule of what a stream can hold, or
swallows the pictures after it; the rescue must take none of them.

A decoy is (where, bytes): ``"after"`` the video chunk (where the walk arrives in step, audio
after it), ``"before"`` the next one (after the audio, where the walk looks for the video
again) or ``"inline"`` between two video chunks with no audio (arrived at in step, and ending
where the next picture begins: a decoy taken for a unit chains into the real video). Filler is
0xA5: it holds no zero byte, so no unit-like length starts in it.
"""

from __future__ import annotations

FILL = b"\xa5"


def _unit(body: bytes, size: int | None = None, pad: int = 40) -> bytes:
    data = body + FILL * pad
    return (len(data) if size is None else size).to_bytes(4, "big") + data


def decoys(codec: str) -> list[tuple[str, bytes]]:
    """The decoys for ``codec``, in the order they are placed."""
    if codec == "h264":
        slice_, first = b"\x41", b"\xe0"      # a P slice: first_mb 0, slice_type 0, PPS 0
        return [
            ("inline", _unit(b"\xc1" + first)),            # forbidden bit
            ("inline", _unit(b"\x05" + first)),            # IDR slice that is no reference
            ("inline", _unit(b"\x26")),                    # SEI marked as a reference
            ("before", _unit(slice_ + first, 5000)),       # a slice whose length swallows pictures
            ("after", _unit(slice_ + first, 5000)),
            ("inline", b"\x00\x00\x00\x01\x41"),           # a unit of one byte
            ("inline", _unit(slice_ + b"\xc8")),           # names PPS 3: the stream has PPS 0
            ("before", _unit(slice_ + b"\x5c")),           # a picture's second slice, alone
            ("after", _unit(b"\x06", 20) + FILL * 24),     # SEI followed by no unit
        ]
    if codec == "mjpeg":
        app0 = b"\xff\xe0\x00\x10JFIF\x00" + FILL * 7
        return [
            ("inline", b"\xff\xd8" + app0 + b"\xff\xd9"),              # no frame, no scan
            ("before", b"\xff\xd8" + app0 + b"\xff\xda\x00\x08" + FILL * 30),   # scan, no frame
            ("after", b"\xff\xd8\xff\xdb\xff\xf0" + FILL * 20),       # a length past the end
            ("inline", b"\xff\xd8\xff\xd8" + FILL * 10),                # a start inside a start
        ]
    slice_, first = b"\x02\x01", b"\xc0"      # TRAIL_R: first slice, PPS 0
    return [
        ("inline", _unit(b"\x82\x01" + first)),            # forbidden bit
        ("inline", _unit(b"\x02\x00" + first)),            # temporal id 0 (tid+1 = 0)
        ("inline", _unit(b"\x02\x09" + first)),            # another layer
        ("before", _unit(slice_ + first, 5000)),
        ("after", _unit(slice_ + first, 5000)),
        ("inline", b"\x00\x00\x00\x02\x02\x01"),           # a unit of the header alone
        ("inline", _unit(slice_ + b"\x90")),               # names PPS 3
        ("before", _unit(slice_ + b"\x40")),               # not the picture's first slice
        ("after", _unit(b"\x4e\x01", 20) + FILL * 24),     # SEI followed by no unit
    ]
