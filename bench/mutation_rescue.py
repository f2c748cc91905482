"""Hand-written mutants of the rescue of recordings whose index was never written
(app/video/mdat_walk.py, mp4_boxes.py, lost_index.py): each rule of "which bytes are a picture
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
 (W, "return bool(data[at + _header_size(codec)] & 0x80)", "return True"),
 (W, "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)", "return kind in (7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)"),
 (W, "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35, 39)", "return kind in (6, 7, 8, 9) if codec == \"h264\" else kind in (32, 33, 34, 35)"),
 (W, "if b.ue() != 0 or b.ue() > 9:", "if b.ue() > 9 and False:"),
 (W, "return pps if pps <= 255 else None", "return pps"),
 (W, "return pps is not None and (not self.pps or pps in self.pps)", "return pps is not None"),
 (W, "        w.met(p, size, kind)\n", ""),
 # units and chains
 (W, "if size < self.least - LENGTH or size > MAX_UNIT:", "if size > MAX_UNIT:"),
 (W, "        if p + LENGTH + size > self.end:\n            return False\n", ""),
 (W, "            if got is False:\n                return True\n            if got is None:", "            if got is False:\n                return False\n            if got is None:"),
 (W, "if e <= end and any(f <= end for _, f in self.candidates(e, end)):", "if e <= end:"),
 (W, "if e <= end and any(f <= end for _, f in self.candidates(e, end)):", "if False:"),
 (W, "if self.chained(q, CHAIN) or not self.nests(q, e):", "if self.chained(q, CHAIN):"),
 (W, "if self.chained(q, CHAIN) or not self.nests(q, e):", "if True:"),
 # the walk
 (W, "            if not whole:\n                del out.units[picture:]\n", ""),
 (W, "is not None and last_vcl and w.begins(p, kind)", "is not None and w.begins(p, kind)"),
 (W, "if not is_vcl(codec, kind) or w.nests(p, after):", "if not is_vcl(codec, kind):"),
 (W, "if not is_vcl(codec, kind) or w.nests(p, after):", "if w.nests(p, after):"),
 (W, "starts = w.begins(p, kind) and last_vcl", "starts = w.begins(p, kind)"),
 (W, "last_vcl = gap or is_vcl(codec, kind)", "last_vcl = is_vcl(codec, kind)"),
 (W, "            p, last_vcl = q, True\n            continue\n        size, kind = got", "            p = q\n            continue\n        size, kind = got"),
 (W, "        del out.units[picture:]\n    return out", "    return out"),
 (W, "return best if found[best] > 2 * found[other] else None", "return best if found[best] else None"),
 # the boxes
 (B, "indexed = at + length <= size", "indexed = True"),
 (B, "            if length == 0:", "            if length == -1:"),
 (B, "min(at + length, size)", "at + length"),
 (B, "                if media and media[-1][1] == at:          # the mdat's size was wrong\n                    media[-1] = (media[-1][0], size)\n", ""),
 (B, "if length == 1:", "if length == 2:"),
 # the copy
 (L, "                return \"recording\", None", "                return \"recording\", []"),
 (L, "    if survived:\n", "    if False:\n"),
 (L, "if _lacks_sets(codec, picture) and current:", "if False:"),
 (L, "current = [*current, unit] if in_run else [unit]", "current = [unit]"),
 (L, "current = [*current, unit] if in_run else [unit]", "current = [*current, unit]"),
 (L, "            if 8 < size and at - 4 + size <= end:", "            if True:"),
 (L, "    if ref is not None and ref.codec != codec:", "    if False:"),
 (L, "    if not any(is_keyframe(codec, u[2]) for w in walks for u in w.units):", "    if False:"),
 (L, "        if dst.exists():", "        if False:"),
 (L, "    except BaseException:\n        tmp.unlink(missing_ok=True)\n        raise", "    except BaseException:\n        raise"),
 (L, "                        if cancel is not None and cancel():\n                            raise VideoCancelled(src)\n", ""),
]
TESTS = ["tests/video/test_lost_index.py", "tests/ui/review/test_rescue_import.py"]

if __name__ == "__main__":
    sys.exit(run(muts, TESTS, sys.argv[1:]))
