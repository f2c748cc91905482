"""HEVC pictures lost whole, told by the pictures after them: each picture lists the pictures
it refers to (its short-term reference picture set, ITU-T H.265 7.3.7 and 7.4.8), and one it
uses that was not decoded since the last IRAP picture was lost (a bad sector took its packet
and the container's header with it; HEVC decodes on from a stand-in picture without a word).

The H.264 counterpart is :class:`app.video.slice_order.H264Order` (``frame_num``). Not judged:
pictures before the first IRAP picture after a :meth:`HevcRefs.reset`, RASL pictures (they may
refer to pictures before a CRA where decoding started), and streams with long-term references.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.video.bits import Bits
from app.video.hevc_order import HevcPocTracker
from app.video.nal import Framing
from app.video.sps import read_hevc_sps

IRAP = range(16, 24)
RASL = (8, 9)


@dataclass(frozen=True)
class RefSet:
    """One short-term reference picture set: (delta POC, used by the current picture), before
    (S0, nearest first) and after (S1, nearest first)."""

    before: tuple[tuple[int, bool], ...]
    after: tuple[tuple[int, bool], ...]

    @property
    def entries(self) -> tuple[tuple[int, bool], ...]:
        return self.before + self.after


def _predicted(b: Bits, ref: RefSet) -> RefSet:
    """A set coded from ``ref`` (inter_ref_pic_set_prediction_flag, equations 7-61 and 7-62)."""
    sign, step = b.u(1), b.ue() + 1
    delta = -step if sign else step
    flags = []
    for _ in range(len(ref.entries) + 1):
        used = bool(b.u(1))
        flags.append((used, used or bool(b.u(1))))      # (used_by_curr_pic, use_delta)
    n_before = len(ref.before)
    own = flags[len(ref.entries)]
    before: list[tuple[int, bool]] = []
    after: list[tuple[int, bool]] = []
    for j in range(len(ref.after) - 1, -1, -1):
        d = ref.after[j][0] + delta
        if d < 0 and flags[n_before + j][1]:
            before.append((d, flags[n_before + j][0]))
    if delta < 0 and own[1]:
        before.append((delta, own[0]))
    for j in range(n_before):
        d = ref.before[j][0] + delta
        if d < 0 and flags[j][1]:
            before.append((d, flags[j][0]))
    for j in range(n_before - 1, -1, -1):
        d = ref.before[j][0] + delta
        if d > 0 and flags[j][1]:
            after.append((d, flags[j][0]))
    if delta > 0 and own[1]:
        after.append((delta, own[0]))
    for j in range(len(ref.after)):
        d = ref.after[j][0] + delta
        if d > 0 and flags[n_before + j][1]:
            after.append((d, flags[n_before + j][0]))
    return RefSet(tuple(before), tuple(after))


def read_ref_set(b: Bits, idx: int, sets: list[RefSet], in_slice: bool = False) -> RefSet:
    """``st_ref_pic_set(idx)``; ``in_slice``: the one a slice header codes (``idx`` is then
    the number of sets in the SPS)."""
    if idx and b.u(1):
        ref = idx - 1 - (b.ue() if in_slice else 0)
        return _predicted(b, sets[ref])
    counts = b.ue(), b.ue()
    sides: list[list[tuple[int, bool]]] = [[], []]
    for side, count, sign in ((sides[0], counts[0], -1), (sides[1], counts[1], 1)):
        poc = 0
        for _ in range(count):
            poc += sign * (b.ue() + 1)
            side.append((poc, bool(b.u(1))))
    return RefSet(tuple(sides[0]), tuple(sides[1]))


def _skip_scaling_list_data(b: Bits) -> None:
    for size in range(4):
        for _ in range(2 if size == 3 else 6):  # matrices: 32x32 has two
            if not b.u(1):
                b.ue()                          # scaling_list_pred_matrix_id_delta
                continue
            if size > 1:
                b.se()                          # scaling_list_dc_coef_minus8
            for _ in range(16 if size == 0 else 64):
                b.se()


def sps_ref_sets(payload: bytes) -> tuple[int, list[RefSet] | None]:
    """(sps_id, its reference picture sets); None for a stream with long-term references."""
    b = Bits(payload)
    sps = read_hevc_sps(b)
    for _ in range(0 if b.u(1) else sps.sub_layers, sps.sub_layers + 1):
        b.ue()
        b.ue()
        b.ue()                                  # sub-layer ordering
    for _ in range(6):
        b.ue()                                  # block sizes, transform depths
    if b.u(1) and b.u(1):                       # scaling lists enabled and sent
        _skip_scaling_list_data(b)
    b.u(2)                                      # amp, sample adaptive offset
    if b.u(1):                                  # pcm
        b.u(8)
        b.ue()
        b.ue()
        b.u(1)
    sets: list[RefSet] = []
    for i in range(b.ue()):
        sets.append(read_ref_set(b, i, sets))
    return sps.sps_id, None if b.u(1) else sets


class HevcRefs(HevcPocTracker):
    """Feed every access unit in decode order (:meth:`follows_loss`)."""

    def __init__(self, framing: Framing | None = None) -> None:
        super().__init__(framing)
        self.ref_sets: dict[int, list[RefSet] | None] = {}
        self._have: set[tuple[int, int]] | None = None     # decoded since the last IRAP
        self._lost = self._done = False

    def reset(self) -> None:
        """Decoding restarts: nothing is judged until the next IRAP picture."""
        self._have = None

    def follows_loss(self, data: bytes) -> bool:
        """Whether the picture in ``data`` uses a picture that was not decoded before it."""
        self._lost = self._done = False
        self.feed(data)
        if not self._done:
            self._have = None       # a picture not followed (unreadable): judge none after it
        return self._lost

    def _parse_sps(self, payload: bytes) -> None:
        super()._parse_sps(payload)
        try:
            sps_id, sets = sps_ref_sets(payload)
        except (IndexError, ValueError):
            self.ref_sets.clear()           # an SPS not read to its sets: judge nothing
            return
        self.ref_sets[sps_id] = sets

    def _picture(self, kind: int, b: Bits | None, sps_id: int, key: tuple[int, int]) -> None:
        self._judge(kind, b, sps_id, key)
        self._done = True

    def _judge(self, kind: int, b: Bits | None, sps_id: int, key: tuple[int, int]) -> None:
        if b is None:                           # IDR: no references, nothing kept
            self._have = {key}
            return
        if kind in IRAP and self._have is None:
            self._have = set()
        sets = self.ref_sets.get(sps_id)
        if self._have is None or sets is None:
            return
        if not b.u(1):
            refs = read_ref_set(b, len(sets), sets, in_slice=True)
        else:
            refs = sets[b.u((len(sets) - 1).bit_length())]   # (no bits for a single set)
        period, poc = key
        wanted = {(period, poc + d): used for d, used in refs.entries}
        if kind not in RASL and any(used and at not in self._have for at, used in wanted.items()):
            self._lost = True
        self._have = {at for at in self._have if at in wanted} | {key}
