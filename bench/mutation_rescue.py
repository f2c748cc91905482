"""Hand-written mutants of the rescue of recordings whose index was never written
(app/video/mdat_walk.py, slice_order.py, mp4_boxes.py, lost_index.py): each rule of "which bytes are a picture
of the video" and "what the copy must carry" broken in turn.

    python bench/mutation_rescue.py          # ~10 s a mutant
    python bench/mutation_rescue.py nests    # the mutants whose text holds "nests"
"""

from __future__ import annotations

import sys

from mutants import run

W = "app/video/mdat_walk.py"
B = "app/video/mp4_boxes.py"
L = "app/video/lost_index.py"
S = "app/video/slice_order.py"
J = "app/video/jpeg_walk.py"
muts = [
 # which headers a stream can hold
 (W, "    if b0 & 0x80:\n        return None\n", ""),
 (W, "if not 1 <= kind <= 12:", "if not 1 <= kind <= 23:"),
 (W, "(kind in (5, 7, 8) and not ref) or (kind in (6, 9, 10, 11, 12) and ref)", "False"),
 (W, "(kind in (5, 7, 8) and not ref) or ", ""),
 (W, "if b0 & 1 or b1 >> 3 or not b1 & 7 or", "if b0 & 1 or b1 >> 3 or"),
 (W, "if b0 & 1 or b1 >> 3 or not b1 & 7 or", "if b0 & 1 or not b1 & 7 or"),
 (W, "return kind == 5 if codec == \"h264\" else kind in HEVC_IRAP", "return kind in (1, 5) if codec == \"h264\" else kind in HEVC_IRAP"),
 (W, "return kind == 5 if codec == \"h264\" else kind in HEVC_IRAP", "return kind == 5 if codec == \"h264\" else kind <= 21"),
 (W, "return kind in (7, 8) if codec == \"h264\" else kind in (32, 33, 34)", "return kind in (7,) if codec == \"h264\" else kind in (33,)"),
 # where a picture begins
 (W, "        return said[0]\n", "        return True\n"),
 (W, "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)", "return kind in (7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)"),
 (W, "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)", "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35)"),
 (S, "            if b.ue() > 9:                       # slice_type", "            if False:"),
 (S, "return (first, pps, b) if pps <= 255 else None", "return (first, pps, b)"),
 (W, "if said is None or (self.pps and said[1] not in self.pps):", "if said is None:"),
 (W, "        w.met(w.unit(p, size), kind)\n", ""),
 (W, "            self.met(unit, unit_type(codec, unit, 0))\n", "            pass\n"),
 # units and chains
 (W, "if size < self.least - LENGTH or size > MAX_UNIT:", "if size > MAX_UNIT:"),
 (W, "        if p + LENGTH + size > self.end:\n            return False\n", ""),
 (W, "            if q >= first:\n                return True", "            if True:\n                return True"),
 (W, "self.nested = (p, end, self._two_inside(p, end))", "self.nested = (p, end, False)"),
 (W, "if least <= size <= MAX_UNIT and q + LENGTH + size <= upto:", "if least <= size <= MAX_UNIT:"),
 (W, "            self.seen.clear()                # what was read before may name this one\n", ""),
 (W, "if self.chained(q, CHAIN) or not self.nests(q, e):", "if self.chained(q, CHAIN):"),
 (W, "if self.chained(q, CHAIN) or not self.nests(q, e):", "if True:"),
 # the walk
 (W, "            if not whole:\n                del out.units[picture:]\n", ""),
 (W, "is not None and w.begins(p, kind)               # the next one", "is not None               # the next one"),
 (W, "if not is_vcl(codec, kind) or w.nests(p, after) or not w.fits(p, size, kind):", "if not is_vcl(codec, kind) or not w.fits(p, size, kind):"),
 (W, "if not is_vcl(codec, kind) or w.nests(p, after) or not w.fits(p, size, kind):", "if w.nests(p, after) or not w.fits(p, size, kind):"),
 (W, "if not is_vcl(codec, kind) or w.nests(p, after) or not w.fits(p, size, kind):", "if not is_vcl(codec, kind) or w.nests(p, after):"),
 (W, "        if gap:\n            w.order.reset()", "        if False:\n            w.order.reset()"),
 (W, "starts = w.begins(p, kind) and last_vcl", "starts = w.begins(p, kind)"),
 (W, "        del out.units[picture:]\n    return out", "    return out"),
 (W, "found[best] >= GUESS_LEAST and ", ""),
 # what the next slice's header must say
 (S, "        return number == following or not sps.frame_mbs_only and number == self.last_ref", "        return number in (following, self.last_ref)"),
 (S, "        return number == following or not sps.frame_mbs_only and number == self.last_ref", "        return True"),
 (S, "        if said is None or self.last_ref is None or said[2].gaps:", "        if said is None or self.last_ref is None:"),
 (S, "            return number == 0\n", "            return True\n"),
 (S, "            return number == self.current\n", "            return True\n"),
 (S, "        if unit[0] & 0x60:                        # nal_ref_idc: a reference picture", "        if True:"),
 (S, "        if said[0]:\n            self.current = said[1]", "        if True:\n            self.current = said[1]"),
 (S, "        if slice_type > 2:\n            return False", "        if slice_type > 2:\n            return True"),
 (S, "        return min(moved, span - moved) <= min(REORDER, span // 4)", "        return True"),
 (S, "            self.last = 0 if said[1] is None else said[1]", "            self.last = said[1]"),
 (S, "        self.last_ref = self.current = None", "        pass"),
 (S, "            b.u(said[2])                          # slice_reserved_flag bits", "            pass"),
 # a length past the end that is no cut
 (W, "        if got is False and q is not None and w.goes_on(q):\n            got = None", "        if False:\n            got = None"),
 (W, "            if not got:\n                return False\n            p += LENGTH + got[0]\n        return True", "            if got is None:\n                return False\n            if not got:\n                return True\n            p += LENGTH + got[0]\n        return True"),
 # Motion JPEG images
 (J, "        elif marker == EOI:                           # before any scan: no image\n            return None", "        elif marker == EOI:\n            return q + 2"),
 (J, "                if not framed:\n                    return None", "                if False:\n                    return None"),
 (J, "        if data[q] != 0xFF:\n            return None", "        if False:\n            return None"),
 (J, "        elif marker in (0x00, 0xD8):\n            return None", "        elif marker in (0x00,):\n            return None"),
 (J, "        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == FILL_BYTE:", "        if nxt == 0x00 or nxt == FILL_BYTE:"),
 (J, "            cut = q if got is False and cut is None else cut", "            cut = q if got is False else cut"),
 (J, "        p, gap, cut = got, got, None", "        p, gap = got, got"),
 (L, "    if walk_jpeg(data, start, min(end, start + GUESS_WITHIN)).units:\n        return \"mjpeg\"", "    if False:\n        return \"mjpeg\""),
 (L, "    prefix = b\"\" if codec == \"mjpeg\" else START_CODE", "    prefix = START_CODE"),
 # the boxes
 (B, "indexed = at + length <= size", "indexed = True"),
 (B, "            if length == 0:", "            if length == -1:"),
 (B, "min(at + length, size)", "at + length"),
 (B, "                if media and media[-1][1] == at:          # the mdat's size was wrong\n                    media[-1] = (media[-1][0], size)\n", ""),
 (B, "if length == 1:", "if length == 2:"),
 # the copy
 (L, "    if survived:\n", "    if False:\n"),
 (L, "if _lacks_sets(codec, picture) and current:", "if False:"),
 (L, "current = [*current, unit] if in_run else [unit]", "current = [unit]"),
 (L, "current = [*current, unit] if in_run else [unit]", "current = [*current, unit]"),
 (L, "            if 8 < size and at - 4 + size <= end:", "            if True:"),
 (L, "    if ref is not None and ref.codec != codec:", "    if False:"),
 (L, "    if not any(is_keyframe(codec, u[2]) for w in walks for u in w.units):", "    if False:"),
 (L, "        if dst.exists():", "        if False:"),
 (L, "    except BaseException as exc:\n        tmp.unlink(missing_ok=True)", "    except BaseException as exc:\n        pass"),
 (L, "                        if cancel is not None and cancel():\n                            raise VideoCancelled(src)\n", ""),
]
TESTS = ["tests/video/test_mdat_walk.py", "tests/video/test_jpeg_walk.py",
         "tests/video/test_lost_index.py", "tests/ui/review/test_rescue_import.py"]

if __name__ == "__main__":
    sys.exit(run(muts, TESTS, sys.argv[1:]))
