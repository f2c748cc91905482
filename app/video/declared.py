"""Files that say they are longer than they are: a copy cut off (a USB stick pulled, a download
stopped) of a container that declares its own size or is made of fixed-size packets.

A cut also leaves part of a picture at the end. Where its units carry lengths the index drops it
(:meth:`app.video.nal.Framing.cut_off`); with start codes nothing says so (:func:`picture_lost`):
a packet cut before its first slice holds no picture, and a keyframe cut short is told by
decoding it alone (H.264 shows what arrived, concealed; HEVC nothing at all).

The duration check in :mod:`app.video.index` misses a short loss, and MPEG-TS, AVI and
unfinished Matroska declare no duration at all. These containers say more:

- Matroska: the Segment element's size (left "unknown" while recording; written when closed);
- AVI: the first RIFF chunk's size (zero while recording, see the killed-recorder case; an
  OpenDML file's first RIFF is followed by ``RIFF AVIX`` chunks);
- ASF (WMV, older DVR exports): the File Properties object's file size (unless the file says it
  was broadcast, i.e. written live without one);
- MPEG-TS / M2TS: 188- or 192-byte packets, so a cut almost always leaves a partial one;
- FLV: every tag is followed by its own size, so the file ends in the last tag's;
- MPEG-PS (also Hikvision's IMKH) and Dahua DAV: every packet or chunk states its length, so
  the last one, read from its header, runs past the end of a cut file.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import av
from av.video.codeccontext import VideoCodecContext

from app.video.ebml import segment_body
from app.video.keyframes import is_random_access
from app.video.nal import vcl_type

TS_SYNC = 0x47
_TAIL = 1 << 19     # the last pack or chunk starts in the file's last 512 KiB


def _matroska_end(head: bytes) -> int | None:
    """Where the Segment says the file ends, or None (unknown size, or not Matroska)."""
    body = segment_body(head)
    return None if body is None else body[1]


def _avi_end(head: bytes) -> int | None:
    if head[:4] != b"RIFF" or head[8:12] not in (b"AVI ", b"AVIX"):
        return None
    return 8 + int.from_bytes(head[4:8], "little")     # (0: still recording when it stopped)


ASF_HEADER = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
ASF_FILE_PROPERTIES = bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365")
ASF_BROADCAST = 1


def _asf_end(head: bytes) -> int | None:
    """The file size the ASF header's File Properties object states, or None (not ASF, not
    found, zero, or a broadcast file, whose sizes are not valid)."""
    if head[:16] != ASF_HEADER or len(head) < 30:
        return None
    q = 30                                   # header object: GUID, size, count, 2 reserved
    for _ in range(int.from_bytes(head[24:28], "little")):
        if q + 24 > len(head):
            return None
        size = int.from_bytes(head[q + 16:q + 24], "little")
        if head[q:q + 16] == ASF_FILE_PROPERTIES and q + 92 <= len(head):
            flags = int.from_bytes(head[q + 88:q + 92], "little")
            stated = int.from_bytes(head[q + 40:q + 48], "little")
            return None if flags & ASF_BROADCAST or not stated else stated
        if size < 24:
            return None
        q += size
    return None


def _ts_cut(tail: bytes) -> bool:
    """The last packet of an MPEG-TS (188 bytes) or M2TS (4-byte prefix + 188) is partial:
    the sync bytes of the last three whole packets line up, and bytes remain after them."""
    for size, sync in ((188, 0), (192, 4)):
        if len(tail) < 3 * size:
            continue
        for start in range(len(tail) - 3 * size, len(tail) - 4 * size, -1):
            if start < 0:
                break
            if all(tail[start + k * size + sync] == TS_SYNC for k in range(3)):
                return (len(tail) - start) % size != 0
    return False


def _ps_cut(tail: bytes, base: int, size: int) -> bool:
    """Walk the program stream from its last pack header (``tail`` is the file from ``base``
    on): pack headers, then packets of stated length; a packet that runs past the end means
    the file was cut. Zero padding after the last packet is not a cut."""
    q = tail.rfind(b"\x00\x00\x01\xba")
    while 0 <= q and q + 6 <= len(tail) and tail[q:q + 3] == b"\x00\x00\x01":
        kind = tail[q + 3]
        if kind == 0xBA:
            if q + 14 > len(tail):
                return True
            q += 14 + (tail[q + 13] & 7) if tail[q + 4] >> 6 == 1 else 12   # MPEG-2 / MPEG-1
        elif kind == 0xB9:
            q += 4                                                          # end code
        elif kind >= 0xBB:
            q += 6 + int.from_bytes(tail[q + 4:q + 6], "big")
        else:
            return False                       # not a program stream as far as we can tell
    if q < 0:
        return False
    return base + q > size or tail[q:].strip(b"\x00") != b"" and len(tail) - q < 6


def _dav_cut(tail: bytes, base: int, size: int) -> bool:
    """The last ``DHAV`` chunk (after the previous chunk's ``dhav`` trailer) states a length
    that runs past the end, or the start of a chunk follows it."""
    q = tail.rfind(b"DHAV")
    while q >= 8 and tail[q - 8:q - 4] != b"dhav":
        q = tail.rfind(b"DHAV", 0, q)
    if q < 0 or q + 16 > len(tail):
        return q >= 0
    end = q + int.from_bytes(tail[q + 12:q + 16], "little")
    return base + end > size or tail[end:].strip(b"\x00") != b""    # or a partial header


def _flv_cut(f: BinaryIO, size: int) -> bool:
    """The file does not end in a whole tag: its last four bytes are not the size of a tag
    (audio 8, video 9, script 18) that ends right there."""
    f.seek(max(0, size - 4))
    last = int.from_bytes(f.read(4), "big")
    if last + 4 + 9 > size:                     # (the 9-byte FLV header comes first)
        return True
    f.seek(size - 4 - last)
    head = f.read(4)
    return head[0] & 0x1F not in (8, 9, 18) or 11 + int.from_bytes(head[1:4], "big") != last


HEADS = {"matroska": _matroska_end, "avi": _avi_end, "asf": _asf_end}   # the end they state


def ends_early(path: Path, fmt: str, size: int) -> bool:
    """True when ``path`` (``size`` bytes, FFmpeg format ``fmt``) declares more bytes than it
    holds, or ends inside a fixed-size packet."""
    with open(path, "rb") as f:
        if fmt in HEADS:
            end = HEADS[fmt](f.read(4096))
            return end is not None and end > size
        if fmt == "mpegts":
            f.seek(max(0, size - 4 * 192))
            return _ts_cut(f.read())
        if fmt == "flv":
            return _flv_cut(f, size)
        if fmt in ("mpeg", "vob", "dhav"):
            base = max(0, size - _TAIL)
            f.seek(base)
            return (_dav_cut if fmt == "dhav" else _ps_cut)(f.read(), base, size)
    return False


def picture_lost(cc: VideoCodecContext, data: bytes) -> bool:
    """Whether ``data``, the last packet of a cut copy, gives no frame: it stops before its
    picture's first slice (parameter sets and SEI only), or it begins a keyframe (by its
    bitstream: a demuxer that met half a packet may not flag it) that gives no picture decoded
    on its own, with its parameter sets (recorders send them with every keyframe). A picture
    predicted from others is decoded with what arrived, concealed, and flagged."""
    if cc.name in ("h264", "hevc") and vcl_type(data, cc.name) is None:
        return True
    if is_random_access(cc.name, data[:4096], None, lambda: data) is not True:
        return False
    try:
        alone = av.CodecContext.create(cc.name, "r")
        if not isinstance(alone, VideoCodecContext):
            return False
        if cc.extradata:
            alone.extradata = cc.extradata
        alone.width, alone.height = cc.width, cc.height   # (H.263-era decoders need them)
        return not (alone.decode(av.Packet(data)) or alone.decode(None))
    except (av.error.FFmpegError, ValueError):
        return True
