"""The top-level boxes of an MP4/MOV file: where its media data (``mdat``) is and whether its
index (``moov``) was written. Kept apart and light: opening any file asks it why FFmpeg refused
an MP4 (:mod:`app.video.index`), the rescue walks what it finds (:mod:`app.video.lost_index`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_CONTAINERS = {b"ftyp", b"wide", b"free", b"skip", b"mdat", b"moov", b"pnot", b"uuid", b"junk"}


@dataclass(frozen=True)
class Boxes:
    """What an MP4/MOV file's top level holds: the ``mdat`` payloads and whether an index is
    there."""

    media: list[tuple[int, int]]     # (start, end) of each mdat payload, clamped to the file
    indexed: bool                    # a moov box is present


def top_boxes(path: Path) -> Boxes | None:
    """The top-level boxes of ``path``, or None when it is no MP4/MOV file. An ``mdat`` whose
    size is 0 (a writer killed before it wrote the size), runs past the end of the file or is
    followed by no box reaches to the end of the file."""
    size = path.stat().st_size
    media: list[tuple[int, int]] = []
    indexed, at = False, 0
    with open(path, "rb") as f:
        while at + 8 <= size:
            f.seek(at)
            head = f.read(16)
            length, kind = int.from_bytes(head[:4], "big"), head[4:8]
            if kind not in _CONTAINERS and not (kind.isalnum() and at > 0):
                if at == 0:
                    return None
                if media and media[-1][1] == at:          # the mdat's size was wrong
                    media[-1] = (media[-1][0], size)
                break
            header = 8
            if length == 1:                       # a 64-bit size follows
                length, header = int.from_bytes(head[8:16], "big"), 16
            if length == 0:                       # to the end (or never written)
                length = size - at
            if length < header:
                if at == 0:
                    return None
                break
            if kind == b"moov":
                indexed = at + length <= size     # one cut off while it was written is none
            elif kind == b"mdat":
                media.append((at + header, min(at + length, size)))
            at += length
    return Boxes(media, indexed) if media or indexed else None


def needs_rescue(path: str | Path) -> bool:
    """True for an MP4/MOV file with media but no index (what
    :func:`app.video.lost_index.rescue` is for); False for any other file or one not read."""
    try:
        boxes = top_boxes(Path(path))
    except OSError:
        return False
    return boxes is not None and not boxes.indexed and bool(boxes.media)


def likely_reference(path: str | Path, limit: int = 5000) -> Path | None:
    """The complete recording most likely made by the same camera just before ``path``: in the
    same folder, of the same kind (extension), with its index, the last such name before
    ``path``'s (dashcams and recorders number or date their files), else the first after it.
    None when there is none; the officer confirms it."""
    path = Path(path)
    try:
        siblings = sorted(p for p in path.parent.iterdir()
                          if p.suffix.lower() == path.suffix.lower() and p != path)[:limit]
    except OSError:
        return None
    before = [p for p in siblings if p.name < path.name][::-1]
    after = [p for p in siblings if p.name > path.name]
    for candidate in before + after:
        try:
            boxes = top_boxes(candidate) if candidate.is_file() else None
        except OSError:
            continue
        if boxes is not None and boxes.indexed:
            return candidate
    return None
