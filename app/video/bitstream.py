"""Bitstream triage signal: demux only, no decoding.

Every coded picture's size, judged against pictures of the same kind (intra, reference,
non-reference) in a long rolling window of the same clip, says how much changed: a moving object
makes inter pictures bigger. The camera's own noise (night gain, rain, IR) makes *every* picture
bigger and its sizes jumpier; both are learned per clip (rolling median and rolling spread), so
the score is "how unusual is this second for this camera" in units of its own noise.

The signal is useless for intra-only streams (every picture coded alone: MJPEG, all-keyframe
H.264) and for streams whose picture sizes do not vary; :func:`read_signal` says so and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import pandas as pd

from app.i18n import _
from app.video.errors import VideoCancelled
from app.video.index import FrameIndex, open_container
from app.video.nal import Framing, headers, stream_framing
from app.video.packed import Unpacker
from app.video.tracks import demuxed, main_video
from app.video.vop import B_VOP, I_VOP, NotCoded, vop_type

INTRA, REF, NONREF = 0, 1, 2
INTRA_CODECS = {"mjpeg", "jpeg2000", "rawvideo", "png", "prores", "dnxhd", "ffv1", "huffyuv",
                "mjpegb", "jpegls", "utvideo", "dvvideo"}
BASELINE_S = 60.0      # rolling window for the clip's usual picture size
SPREAD_S = 300.0       # rolling window for the clip's usual size fluctuation
FLOOR_BYTES_PER_PIXEL = 0.002   # picture-size changes far below this are coding jitter
MIN_SPREAD = 0.01      # smallest relative size fluctuation assumed
MIN_LEARN_S = 20.0     # shorter clips are simply decoded
NOISY_SHARE = 0.08     # inter/intra size ratio above which noise buries small movers


@dataclass(frozen=True, eq=False)
class BitstreamSignal:
    """Per-frame picture sizes and kinds (presentation order), and whether they can be used."""

    sizes: np.ndarray      # float64 bytes, NaN where no packet maps to the frame
    kinds: np.ndarray      # int8 INTRA / REF / NONREF
    usable: bool
    reason: str = ""       # why the signal cannot be used (plain words), else ""

    @property
    def inter_share(self) -> float:
        """Median inter picture size / median intra picture size. Near 0 on a clean picture
        (unchanged blocks cost nothing); large when the encoder spends its bits on sensor noise
        (night gain, rain), which buries a small mover's few bytes."""
        ok = np.isfinite(self.sizes)
        intra = self.sizes[ok & (self.kinds == INTRA)]
        inter = self.sizes[ok & (self.kinds != INTRA)]
        if not intra.size or not inter.size:
            return 1.0
        return float(np.median(inter) / max(1.0, float(np.median(intra))))

    @property
    def noisy(self) -> bool:
        """True when the picture sizes are dominated by noise (see :attr:`inter_share`)."""
        return self.inter_share > NOISY_SHARE


def picture_kind(data: bytes, codec: str, key: bool,
                 framing: Framing | None = None) -> int | None:
    """INTRA / REF / NONREF from the first bytes of a packet, or None when unknown."""
    if key:
        return INTRA
    if codec == "h264":
        for b0 in headers(data, framing):
            if 1 <= b0 & 0x1F <= 5:
                return REF if b0 & 0x60 else NONREF
    elif codec == "hevc":
        for b0 in headers(data, framing):
            kind = (b0 >> 1) & 0x3F
            if kind <= 9:
                return NONREF if kind % 2 == 0 else REF
            if kind <= 21:
                return INTRA
    elif codec == "mpeg4":
        vop = vop_type(data)
        if vop is not None:
            return INTRA if vop == I_VOP else NONREF if vop == B_VOP else REF
    return None


def _timeline(index: FrameIndex, pos: list[int]) -> np.ndarray:
    """The index's timeline pts of each packet of a stream entered by position (joined
    recordings whose clocks restart keep one timeline there), found by its byte position;
    pictures split out of one PES share their position and follow in order."""
    out = np.full(len(pos), np.iinfo(np.int64).min, dtype=np.int64)
    row = -1
    for k, p in enumerate(pos):
        row = index.row_after(row, p)
        if 0 <= row < index.pkt_pts.size:
            out[k] = index.pkt_pts[row]
    return out


def _frame_numbers(index: FrameIndex, pts: np.ndarray, n_packets: int) -> np.ndarray:
    """Presentation index of each packet (decode order); -1 where it maps to no frame."""
    if index.mode == "pts":
        j = np.searchsorted(index.ticks, pts)
        j = np.clip(j, 0, max(0, index.frame_count - 1))
        ok = (pts != np.iinfo(np.int64).min) & (index.ticks[j] == pts) if index.frame_count \
            else np.zeros(pts.size, bool)
        return np.where(ok, j, -1)
    shift = int(index.key_index[0]) - int(index.key_seek[0])
    out = np.arange(n_packets, dtype=np.int64) + shift
    return np.where((out >= 0) & (out < index.frame_count), out, -1)


def read_signal(path: Path, index: FrameIndex,
                cancel: Callable[[], bool] | None = None) -> BitstreamSignal:
    """Demux ``path`` once: every picture's size and kind, placed in presentation order."""
    sizes, keys, pts_list, kinds = [], [], [], []
    pos_list: list[int] = []
    taken: list[int] = []       # the packets that are pictures (an N-VOP is none)
    codec = index.codec
    none = np.iinfo(np.int64).min
    with open_container(path) as container:
        stream = main_video(container, index)
        max_pts = None
        try:
            stream_packets = demuxed(container, stream)
            packets = Unpacker(stream).packets(stream_packets) if index.unpack else stream_packets
            not_coded = NotCoded(stream.codec_context.extradata) if codec == "mpeg4" else None
            framing = stream_framing(codec, stream.codec_context.extradata)
            for n, pkt in enumerate(packets):
                if pkt.size == 0:
                    continue
                if cancel is not None and n % 2000 == 0 and cancel():
                    raise VideoCancelled(path)
                key = bool(pkt.is_keyframe)
                head = memoryview(pkt)[:4096 if key else 64].tobytes()
                pos_list.append(-1 if pkt.pos is None else pkt.pos)   # (every packet: rows)
                if not_coded is not None and not_coded(head):
                    continue        # no picture (see app.video.vop)
                kind = picture_kind(head, codec, key, framing) \
                    if codec in ("h264", "hevc", "mpeg4") else (INTRA if key else None)
                if kind is None:    # unknown: a picture shown before an earlier-decoded one is
                    kind = NONREF if (pkt.pts is not None and max_pts is not None  # a B-frame
                                      and pkt.pts < max_pts) else REF
                if pkt.pts is not None:
                    max_pts = pkt.pts if max_pts is None else max(max_pts, pkt.pts)
                sizes.append(pkt.size)
                keys.append(key)
                kinds.append(kind)
                pts_list.append(none if pkt.pts is None else pkt.pts)
                taken.append(len(pos_list) - 1)
        except av.error.FFmpegError:
            pass    # a damaged tail: use what was read (the index says how much can be shown)
    stamps = _timeline(index, pos_list)[taken] if index.seek_by == "pos" and index.pkt_pts.size \
        else np.array(pts_list, dtype=np.int64)
    frame_of = _frame_numbers(index, stamps, len(sizes))
    out_sizes = np.full(index.frame_count, np.nan)
    out_kinds = np.full(index.frame_count, REF, dtype=np.int8)
    ok = frame_of >= 0
    out_sizes[frame_of[ok]] = np.array(sizes, dtype=np.float64)[ok]
    out_kinds[frame_of[ok]] = np.array(kinds, dtype=np.int8)[ok]
    return BitstreamSignal(out_sizes, out_kinds, *_usable(index, out_sizes, out_kinds))


def _usable(index: FrameIndex, sizes: np.ndarray, kinds: np.ndarray) -> tuple[bool, str]:
    inter = np.isfinite(sizes) & (kinds != INTRA)
    if float(index.seconds[-1]) < MIN_LEARN_S:
        return False, _("the clip is too short to learn the camera's usual picture sizes")
    if index.codec in INTRA_CODECS or inter.sum() < max(10, 0.2 * sizes.size):
        return False, _("every picture is coded on its own (intra-only, e.g. MJPEG), so picture "
                        "sizes say nothing about motion")
    logs = np.log(sizes[inter])
    if float(np.median(np.abs(np.diff(logs)))) < 1e-3:
        return False, _("the picture sizes are constant (fixed-size coding), so they say "
                        "nothing about motion")
    return True, ""


def _classes(signal: BitstreamSignal) -> np.ndarray:
    """Picture classes compared with each other: kind, and for inter pictures whether they
    directly follow a keyframe (encoders spend more on those)."""
    cls = signal.kinds.astype(np.int64) * 2
    keys = np.flatnonzero(signal.kinds == INTRA)
    after = np.zeros(signal.kinds.size, dtype=bool)
    for d in (1, 2):
        after[np.clip(keys + d, 0, signal.kinds.size - 1)] = True
    return cls + (after & (signal.kinds != INTRA))


def frame_scores(signal: BitstreamSignal, fps: float, pixels: int) -> np.ndarray:
    """Per-frame signed "how unusual" in units of the clip's own noise: positive = a bigger
    picture than usual for its kind, negative = smaller (a flat object over a noisy night road
    makes pictures *smaller*); NaN where no size is known."""
    z = np.full(signal.sizes.size, np.nan)
    floor = FLOOR_BYTES_PER_PIXEL * pixels   # size changes far below this are not motion
    classes = _classes(signal)
    for cls in np.unique(classes):
        sel = np.flatnonzero((classes == cls) & np.isfinite(signal.sizes))
        if sel.size < 5:
            continue
        share = sel.size / max(1, signal.sizes.size)
        logs = pd.Series(np.log(signal.sizes[sel] + floor))
        win = max(5, int(BASELINE_S * fps * share)) | 1
        resid = logs - logs.rolling(win, center=True, min_periods=1).median()
        spread_win = max(15, int(SPREAD_S * fps * share)) | 1
        # the spread from the quieter quarter of the pictures (|N(0,σ)|: 25th percentile =
        # 0.3186 σ), so a busy stretch does not teach the clip that busy is normal
        low = resid.abs().rolling(spread_win, center=True, min_periods=1).quantile(0.25)
        z[sel] = (resid / (low / 0.3186 + MIN_SPREAD)).to_numpy()
    return z


def _window_sums(values: np.ndarray, bucket: np.ndarray, n_sec: int,
                 width: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of ``values`` per second, over ``width``-second windows centred on it."""
    sums = np.bincount(bucket, weights=values, minlength=n_sec)[:n_sec]
    counts = np.bincount(bucket, minlength=n_sec)[:n_sec].astype(np.float64)
    k = np.ones(width)
    return np.convolve(sums, k, mode="same"), np.convolve(counts, k, mode="same")


def second_scores(z: np.ndarray, seconds: np.ndarray, n_sec: int) -> np.ndarray:
    """Per-second score in units of the noise (≈ N(0, 1) when nothing happens), the highest of:
    the signed mean frame score × √n both ways over 1 and 3 seconds (a small object moving for
    a while shifts every picture's size a little the same way), and the excess of the mean |z|
    over its idle value (≈0.8) × √n (movement that makes sizes jumpier, not bigger)."""
    bucket = np.floor(seconds).astype(np.int64)
    ok = np.isfinite(z)
    bucket, zz = bucket[ok], np.clip(z[ok], -8, 8)
    best = np.zeros(n_sec)
    for values, two_sided in ((zz, True), (np.abs(zz) - 0.8, False)):
        for width in (1, 3):
            s, c = _window_sums(values, bucket, n_sec, width)
            score = np.divide(np.abs(s) if two_sided else s, np.sqrt(c), out=np.zeros(n_sec),
                              where=c > 0)
            best = np.maximum(best, score)
    return best
