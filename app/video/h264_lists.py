"""Which pictures an H.264 picture may be predicted from, and so which pictures a set of
wanted frames needs (ITU-T H.264 8.2.1 picture order, 8.2.4 reference picture lists, 8.2.5.3
sliding window and 8.2.5.4.1 memory management; frame pictures and short-term references
only, see :mod:`app.video.h264_slices`).

A picture may be predicted from every entry of the active part of each list of each of its
slices (the decoder is never asked which macroblock uses which). Every list is built as the
decoder builds it: the initial order over the short-term pictures held at that point, cut to
the active count, then the list changes of the slice header. Where the standard swaps the
first two entries of list 1, both orders are counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.video.h264_slices import B, P, Picture, Slice, Unfollowed


def order(pictures: Sequence[Picture]) -> None:
    """Set each picture's PicOrderCnt (types 0 and 2, frames), from an IDR picture on."""
    prev_msb = prev_lsb = prev_num = offset = 0
    for pic in pictures:
        sps = pic.sps
        if pic.idr:
            prev_msb = prev_lsb = prev_num = offset = 0
        if sps.poc_type == 0:
            half = 1 << sps.lsb_bits - 1
            msb = prev_msb
            if pic.poc_lsb < prev_lsb and prev_lsb - pic.poc_lsb >= half:
                msb += 2 * half
            elif pic.poc_lsb > prev_lsb and pic.poc_lsb - prev_lsb > half:
                msb -= 2 * half
            top = msb + pic.poc_lsb
            pic.poc = min(top, top + pic.poc_bottom)
            if pic.ref:
                prev_msb, prev_lsb = msb, pic.poc_lsb
        else:
            if not pic.idr and prev_num > pic.frame_num:
                offset += 1 << sps.frame_bits
            pic.poc = 0 if pic.idr else 2 * (offset + pic.frame_num) - (0 if pic.ref else 1)
            prev_num = pic.frame_num


def _initial(kind: int, held: list[int], pictures: Sequence[Picture], wraps: dict[int, int],
             poc: int) -> list[list[int]]:
    """The initial list 0 (and list 1 of a B slice) over the pictures ``held``."""
    if kind == P:
        return [sorted(held, key=lambda n: -wraps[n])]
    before = sorted((n for n in held if pictures[n].poc < poc), key=lambda n: -pictures[n].poc)
    after = sorted((n for n in held if pictures[n].poc > poc), key=lambda n: pictures[n].poc)
    if len(before) + len(after) != len(held):
        raise Unfollowed("a reference picture has the current picture's order count")
    return [before + after, after + before]


def _changed(start: list[int], active: int, changes: Sequence[tuple[int, int]], current: int,
             max_num: int, by_num: dict[int, int]) -> list[int]:
    """8.2.4.3.1: the list after its changes, cut to ``active`` entries."""
    out, pred = start[:active], current
    for at, (idc, diff) in enumerate(changes):
        pred = pred - (diff + 1) if idc == 0 else pred + (diff + 1)
        pred %= max_num
        num = pred - max_num if pred > current else pred
        if num not in by_num:
            raise Unfollowed("a list change names a picture that is not held")
        pic = by_num[num]
        out = out[:at] + [pic] + [n for n in out[at:] if n != pic]
    return out[:active]


def _slice_refs(sl: Slice, held: list[int], pictures: Sequence[Picture], current: Picture,
                wraps: dict[int, int]) -> set[int]:
    if sl.kind not in (P, B):
        return set()
    by_num = {w: n for n, w in wraps.items()}
    max_num = 1 << current.sps.frame_bits
    starts = _initial(sl.kind, held, pictures, wraps, current.poc)
    if sl.kind == B and len(starts[1]) > 1 and starts[1] == starts[0]:
        starts.append(starts[1][1::-1] + starts[1][2:])     # the swap, and without it
    refs: set[int] = set()
    for n, start in enumerate(starts):
        lst = min(n, 1)
        refs.update(_changed(start, sl.active[lst], sl.changes[lst], current.frame_num,
                             max_num, by_num))
    return refs


def references(pictures: Sequence[Picture]) -> tuple[list[set[int]], list[int]]:
    """For each picture (decode order, the first an IDR picture), the positions of the
    pictures it may be predicted from; and the pictures still held after the last one."""
    if not pictures or not pictures[0].idr:
        raise Unfollowed("decoding does not start at an IDR picture")
    order(pictures)
    held: list[int] = []
    out: list[set[int]] = []
    for n, pic in enumerate(pictures):
        if pic.idr:
            held = []
        max_num = 1 << pic.sps.frame_bits
        wraps = {h: pictures[h].frame_num - (max_num if pictures[h].frame_num > pic.frame_num
                                             else 0) for h in held}
        if len(set(wraps.values()) | {pic.frame_num}) != len(wraps) + 1:
            raise Unfollowed("a held picture has the current picture's frame number")
        refs: set[int] = set()
        for sl in pic.slices:
            refs |= _slice_refs(sl, held, pictures, pic, wraps)
        out.append(refs)
        if pic.ref:
            held = _marked(held, pic, wraps, n)
    return out, held


def _marked(held: list[int], pic: Picture, wraps: dict[int, int], n: int) -> list[int]:
    """The pictures held after decoding reference picture ``n`` (8.2.5)."""
    limit = max(pic.sps.max_refs, 1)
    if pic.unmark is None:
        if len(held) >= limit:
            held = held[1:]     # the smallest FrameNumWrap: held is in decode order
    else:
        for diff in pic.unmark:
            num = pic.frame_num - (diff + 1)
            gone = [h for h in held if wraps[h] == num]
            if not gone:
                raise Unfollowed("a memory operation names a picture that is not held")
            held = [h for h in held if h != gone[0]]
    if len(held) >= limit:
        raise Unfollowed("more reference pictures held than the stream allows")
    return held + [n]


def needed(refs: Sequence[set[int]], wanted: set[int], held: Sequence[int]) -> set[int]:
    """The pictures that ``wanted`` and every picture still ``held`` at the end are built on,
    themselves included."""
    out = set(wanted) | set(held)
    for n in reversed(range(len(refs))):
        if n in out:
            out |= refs[n]
    return out
