"""Frame index: per-frame presentation timestamps and keyframes, built by demuxing only.

Three modes:
* ``pts`` — the container carries real timestamps: frames are the packets sorted by pts; a
  decoded frame is placed by its pts (exact integer match in the stream time base). A container
  with timestamps is never guessed into a counted mode. MPEG-TS/PS (incl. Hikvision IMKH) and
  Dahua DAV are entered by byte position with one unwrapped timeline across joined recordings
  (:mod:`app.video.streams`), and so is an AVI whose index is missing (its timestamp seek lands
  on any packet); MP4, Matroska etc. seek by timestamp.
* ``bytes`` — a raw elementary stream (e.g. Annex-B ``.h264``/``.hevc``) without timestamps:
  packets are contiguous byte ranges of the file, fed to the decoder from an exact access point
  (see :mod:`app.video.nal`); frames are placed by counting decoder output and the timebase is
  derived from the stream's (or a user-given) frame rate.
* ``count`` — a container that gives only decode-order timestamps for a reordering codec (e.g.
  H.264 with B-frames in AVI): like ``bytes``, but packets come from the demuxer. A field
  pair (PAFF: two packets) is one frame; both packets are fed, numbered by decode timestamp.

In both counted modes H.264 and MPEG-1/2 frames are placed by the picture order read from the
bitstream (:mod:`app.video.picture_order`), so every keyframe is an access point.

In every mode a packet that yields no frame — a not-coded MPEG-4 picture (:mod:`app.video.vop`),
a picture an edit list hides (a clip trimmed without re-encoding) — is fed to the decoder but
is no frame of the index.

The index is persisted as ``<index_dir>/<content key>.npz`` so a clip opened again opens at once.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import replace
from fractions import Fraction
from functools import partial
from pathlib import Path

import av
import numpy as np
from av.container import InputContainer
from av.video.stream import VideoStream

from app.i18n import _
from app.video.asf_objects import unsure as asf_unsure
from app.video.avi_index import Renumbered
from app.video.checks import (
    FirstFrame,
    check_frame_size,
    check_readable,
    refuse_still,
    refuse_unnamed_codec,
    sniff_kind,
    traits_of,
)
from app.video.counted import counted_index, frame_rate, join_fields, unsure_by_time
from app.video.declared import ends_early, picture_lost
from app.video.ebml import clusters
from app.video.errors import VideoError
from app.video.fields import FieldPairs
from app.video.foreign import HEAD, ForeignWatch
from app.video.frame_index import (
    INDEX_VERSION,
    FrameIndex,
    Row,
    untimed_leading,
)
from app.video.keyframes import is_random_access
from app.video.mp4_boxes import needs_rescue
from app.video.nal import stream_framing, vcl_type
from app.video.packed import Unpacker, is_packed
from app.video.picture_order import CHANGED, order_of, settle_changed, tracker_for
from app.video.picture_size import SizeWatch, size_note
from app.video.recovery import Refresh
from app.video.stamps import StampCheck
from app.video.streams import (
    POS_FORMATS,
    clock_restarts,
    decode_times,
    seeks_by_time,
    stream_index,
)
from app.video.timed import timed_index
from app.video.tracks import (
    demuxed,
    main_video,
    nominal_fps,
    other_videos,
    sample_aspect,
    start_time_of,
    streams_note,
)
from app.video.unmarked import needs_look, unmarked_intra
from app.video.unshown import unshown_note
from app.video.untimed import needs_times, picture_orders, with_times
from app.video.vop import NotCoded, vop_type

__all__ = ["FrameIndex", "build_index", "content_key", "open_container", "truncated_note"]
REORDERING = {"h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video", "vc1", "wmv3"}
PTS_CONTAINERS = {"mov", "matroska", "mpegts", "flv", "mpeg", "ogg"}
RAW_FORMATS = {"h264", "hevc", "m4v", "mpegvideo", "mjpeg", "cavsvideo", "vc1"}
# frames put together from the file's packets with tables of their own (RealVideo's slices):
# larger than the bytes they came from, so no measure of a cut-off last packet
REASSEMBLED = {"rm"}
# timestamp containers whose clock may go back mid-file, and whose packets can be found again
# by their byte position (a live FLV recording that reconnected; Matroska from its clusters)
RESTARTABLE = {"flv", "matroska"}


def content_key(path: Path) -> str:
    """Identify a file by size and its first and last MiB (cheap; survives copies and renames)."""
    size = path.stat().st_size
    h = hashlib.sha256(f"{INDEX_VERSION}:{size}:".encode())
    with open(path, "rb") as f:
        h.update(f.read(1 << 20))
        if size > 2 << 20:
            f.seek(size - (1 << 20))
            h.update(f.read())
    return h.hexdigest()[:40]


def open_container(path: Path) -> InputContainer:
    """``av.open`` with plain-words errors; refuses stills and frames larger than 8K."""
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        kind = sniff_kind(path)
        if kind:
            raise VideoError(_("this is a {kind} file, not a video (its content was checked, "
                               "not its name)", kind=kind), path) from exc
        raise _unless_rescuable(path, _("not a video file, or a format that cannot be read"))\
            from exc
    try:
        if not container.streams.video:     # (also what FFmpeg reads of an index cut short)
            raise _unless_rescuable(path, _("the file contains no video stream"))
        stream = main_video(container)
        if stream.codec_context is None or not stream.codec_context.name:
            raise _unless_rescuable(path, _("the video codec is not supported"))
        check_frame_size(stream.codec_context.width, stream.codec_context.height, path)
    except VideoError:
        container.close()
        raise
    return container


def _unless_rescuable(path: Path, message: str) -> VideoError:
    """``message``, unless ``path`` is an MP4/MOV whose index was never (wholly) written."""
    if needs_rescue(path):
        return VideoError(_("the file is incomplete: its index (moov) was never written "
                            "(the recording was cut off by a power loss or a stopped "
                            "recorder, or copying stopped early); its video can be rescued "
                            "into a readable copy"), path)
    return VideoError(message, path)


def truncated_note(frames: int) -> str:
    return _("the file is incomplete (truncated); only the first {n} frames can be shown",
             n=frames)


def build_index(path: Path, fps_hint: float | None = None) -> FrameIndex:
    """Demux ``path`` once (no decoding) and return its frame index."""
    watch = SizeWatch()
    index, cut = _indexed(path, fps_hint, watch)
    index.size_runs = watch.runs(index)
    if cut is not None and index.mode == "pts":     # its timeline value where it is found again
        at = index.index_of_ticks(int(index.pkt_pts[-1]) if index.seek_by == "pos" else cut)
        index.cut_frame = -1 if at is None else at
    if index.size_runs.size:
        index.warnings.append(size_note(index.size_runs))
    return index


def _indexed(path: Path, fps_hint: float | None,
             watch: SizeWatch) -> tuple[FrameIndex, int | None]:
    """The index, and the pts of a cut copy's last picture where nothing tells it whole."""
    size = check_readable(path)
    warnings: list[str] = []
    truncated = False
    rows: list[Row] = []
    sizes: list[int] = []
    types: list[int | None] = []
    with open_container(path) as container:
        stream = main_video(container)
        stream_no = int(stream.index)       # (a closed container's streams say nothing)
        cc = stream.codec_context
        warnings.extend(streams_note(container, stream))
        fmt = container.format.name.split(",")[0]
        nal_codec = cc.name if cc.name in ("h264", "hevc") else None
        framing = stream_framing(cc.name, cc.extradata)     # None unless length-prefixed
        watch.start(cc.name, framing, cc.width, cc.height)
        foreign = ForeignWatch(cc.name if fmt in POS_FORMATS | RAW_FORMATS else "", framing)
        pairs = FieldPairs(cc.extradata) if cc.name == "h264" else None
        refresh = Refresh(framing) if cc.name == "h264" else None   # intra refresh
        stamps = StampCheck(cc.name, cc.extradata, bool(cc.has_b_frames)) \
            if fmt in PTS_CONTAINERS - POS_FORMATS else None    # pts that are decode order
        second: list[bool] = []     # packet holds the second field of a pair (PAFF)
        first = FirstFrame(cc)
        last_corrupt = lied = False
        tail: av.Packet | None = None       # the last packet taken
        packets, packed = _demuxed(container, stream, fmt)
        numbering = Renumbered.of(path, stream.index, stream.frames) if fmt == "avi" else None
        if numbering is not None:
            packets = numbering.packets(packets, mark=False)    # frames the demuxer lost keep
                                                                # their place in time
        vops = cc.name == "mpeg4" and fmt not in PTS_CONTAINERS   # picture types: access points
        not_coded = NotCoded(cc.extradata) if cc.name == "mpeg4" else None
        # False: no frame, though fed to the decoder: a not-coded picture (app.video.vop) or a
        # picture an edit list hides (a clip trimmed without re-encoding, e.g. on a phone)
        shown: list[bool] = []
        poc = tracker_for(cc.name) if fmt not in PTS_CONTAINERS | POS_FORMATS else None
        orders: list = []
        changed: list[bool] = []     # a packet changed, or one lost before it
        lost = 0
        try:
            for pkt in packets:
                if pkt.size == 0:
                    continue
                if pkt.is_corrupt and framing is not None and framing.cut_off(bytes(pkt)):
                    last_corrupt = True   # a picture cut off mid-unit: no decoder shows it
                    continue
                first.feed(pkt)
                if not rows and fmt in PTS_CONTAINERS and pkt.pts is not None:
                    nal_codec = poc = None  # real presentation timestamps: no bitstream peeking
                flagged = bool(pkt.is_keyframe)
                key_head = memoryview(pkt)[:4096].tobytes() if flagged else b""
                key = flagged and is_random_access(cc.name, key_head, framing,
                                                   partial(bytes, pkt)) is not False
                lied = lied or key != flagged       # (app.video.keyframes)
                if key:
                    watch.feed(len(rows), key_head, pkt.pts, pkt.pos)
                if foreign.active:
                    foreign.feed(len(rows), memoryview(pkt)[:HEAD].tobytes())
                rows.append((pkt.pts, pkt.dts, key, pkt.pos if pkt.pos is not None else -1))
                tail = pkt
                sizes.append(pkt.size)
                if refresh is not None:
                    refresh.feed(memoryview(pkt), key)
                if stamps is not None:
                    stamps.feed(pkt.pts, pkt.dts, memoryview(pkt), key)
                head = (key_head or memoryview(pkt)[:1024].tobytes()) \
                    if nal_codec or poc is not None or not_coded else b""
                types.append(vcl_type(head, nal_codec) if nal_codec
                             else vop_type(head) if vops else None)
                if pairs is not None and pairs.possible:
                    head = head or key_head or memoryview(pkt)[:1024].tobytes()
                    second.append(pairs.second_field(head))
                else:
                    second.append(False)
                orders.append(order_of(poc, head, pkt, framing, bool(nal_codec)))
                changed.append(orders[-1] == CHANGED
                               or lost < (lost := numbering.lost if numbering else 0))
                shown.append(not pkt.is_discard and not (not_coded and not_coded(head)))
                if pkt.pos is not None and pkt.pos >= 0 and pkt.pos + pkt.size > size \
                        and fmt not in REASSEMBLED:
                    truncated = True  # a partial last packet: kept, it may show part of a picture
                    break
                last_corrupt = pkt.is_corrupt
        except av.error.FFmpegError:
            truncated = True
        truncated = truncated or last_corrupt   # damage mid-file is flagged when decoded
        warnings.extend(foreign.note([r[2] for r in rows]))
        orders, doubtful = settle_changed(orders, changed, bool(cc.has_b_frames))
        warnings.extend(numbering.note() if numbering is not None else [])
        named = {int(s.id) for s in [stream, *other_videos(container, stream)]}
        warnings.extend(unshown_note(path, fmt, rows, sizes, named, size))
        truncated = truncated or ends_early(path, fmt, size)
        if truncated and tail is not None and (pairs is not None and pairs.open_field is not None
                                               or framing is None and picture_lost(cc, bytes(tail))):
            shown[-1] = False       # the cut left it without a picture, or a field without its pair
        cut = tail.pts if truncated and framing is None and tail is not None and shown[-1] \
            else None
        listed = int(stream.frames or 0) if fmt == "mov" else 0
        if listed and len(rows) < listed:
            truncated = True    # the sample table lists frames the file no longer holds
        restarts = fmt in RESTARTABLE and clock_restarts(rows)
        if not truncated and fmt not in POS_FORMATS and not restarts and container.duration \
                and rows and rows[-1][0] is not None:
            declared = container.duration / av.time_base
            seen = max(r[0] for r in rows if r[0] is not None) * float(stream.time_base or 0)
            start = (container.start_time or 0) / av.time_base
            truncated = seen - start < declared - 1.0 and seen - start < declared * 0.95
        info = {"container": fmt, "codec": cc.name, "width": cc.width, "height": cc.height,
                "pix_fmt": cc.format.name if cc.format else "",
                "bit_rate": int(container.bit_rate or stream.bit_rate or 0),
                "sample_aspect": sample_aspect(stream),
                "start_time": start_time_of(container.metadata, stream.metadata),
                "unpack": packed, "stream_id": int(stream.id),
                "stream_no": stream_no}
        refuse_unnamed_codec(path, cc.name, cc.width, cc.height, sizes)
        traits = traits_of(first.finish(), cc.height)
        info.update(rotation=traits.rotation, matrix=traits.matrix, full_range=traits.full_range)
        fps = nominal_fps(stream, fps_hint)
        has_b_frames = bool(cc.has_b_frames)
        time_base = stream.time_base or Fraction(1, 90000)
    if not rows:
        raise VideoError(_("no video frames could be read; the file is damaged or incomplete"),
                         path)
    if fmt in PTS_CONTAINERS - POS_FORMATS:
        rows = untimed_leading(rows)
    elif info["codec"] == "h264" and fmt in POS_FORMATS | RAW_FORMATS \
            and needs_look([r[2] for r in rows]) and (refresh is None or not refresh.seen):
        for n in unmarked_intra(path, stream_no, framing):   # keyframes FFmpeg's
            rows[n] = (rows[n][0], rows[n][1], True, rows[n][3])      # parser did not mark
            info["unmarked_keys"] = True
    refuse_still(path, fmt, sum(shown))
    if truncated and listed > len(rows):
        warnings.append(_("the file is cut off: its media data (mdat) ends early, so frames "
                          "{n} to {last} listed in its index (moov) are missing; only the first "
                          "{n} of {total} frames can be shown", n=len(rows), last=listed - 1,
                          total=listed))
    elif truncated:
        warnings.append(truncated_note(sum(s and not f for s, f in zip(shown, second,
                                                                        strict=True))))
    reorders = info["codec"] in REORDERING
    hidden = None if all(shown) else shown
    if refresh is not None and (any(second) or hidden or not refresh.seen):
        refresh = None
    no_frame = np.array(second, dtype=bool) | ~np.array(shown, dtype=bool)
    nominal = fps
    if any(second) and not fps_hint:
        fps = None          # the stream's rate counts fields: take it from frame timestamps
    if fmt in POS_FORMATS:
        if fps and needs_times(rows, cc.name):          # several pictures in a PES packet
            step = round(1 / (fps * float(time_base)))
            rows = with_times(rows, picture_orders(path, stream_no), step)
        index = stream_index(path, rows, info, fps, time_base, size, truncated, warnings,
                             no_frame, refresh)
        if index is not None:
            return index, cut
    if fmt in RAW_FORMATS or any(r[0] is None and r[1] is None for r in rows):
        if any(second):
            fps = nominal    # FFmpeg states the frame rate of a raw field-coded stream
            rows, sizes, types, orders = join_fields(second, rows, sizes, types, orders)
        return counted_index(path, "bytes", rows, sizes, types, info, fps, size, truncated,
                             warnings, reorders, orders, hidden, refresh,
                             doubtful=None if any(second) else doubtful), None
    pts_known = [r[0] for r in rows if r[0] is not None]
    # AVI stores no presentation times: with B-frames its pts are the demuxer's decode count or
    # the MPEG-1/2 parser's guess, which differs after a seek (MPEG-1: its first frame's)
    guessed = fmt == "avi" and info["codec"] in ("mpeg1video", "mpeg2video")
    fake_pts = (has_b_frames and fmt not in PTS_CONTAINERS and len(pts_known) == len(rows) > 2
                and (guessed or all(a < b for a, b in zip(pts_known, pts_known[1:],
                                                          strict=False))))
    if stamps is not None and stamps.decode_order and not any(second):
        # an edit list resting on such timestamps hides frames by their storage place
        fake_pts, orders, hidden = True, stamps.orders, None
        warnings.append(_("the file's timestamps only give the order frames are stored in (a raw "
                          "stream copied into this container without its timing, e.g. by "
                          "ffmpeg -c copy): every frame is shown, in the order the stream gives"))
    if reorders and (packed or fake_pts
                     or (fmt not in PTS_CONTAINERS and any(r[0] is None for r in rows))):
        # no pts, or pts that just count up in decode order although frames are reordered
        # (e.g. H.264 with B-frames in AVI), or guessed one picture per packet where packets
        # hold two (packed B-frames): place frames by counting decoder output
        if any(second):   # a field pair is one frame; both its packets are fed (see decoder)
            rows, sizes, types, orders = join_fields(second, rows, sizes, types, orders)
            fps = fps or frame_rate(rows, time_base)
        return counted_index(path, "count", rows, sizes, types, info, fps, size, truncated,
                             warnings, reorders, orders, hidden, refresh, time_base,
                             None if any(second) else doubtful), None
    # by position: an AVI without its index, and a clock that goes back (a timestamp seek
    # cannot tell one recording's second 5 from the next one's)
    if restarts or (fmt == "avi" and not seeks_by_time(path, rows)):
        mkv = fmt == "matroska"     # (it stores no decode times)
        index = stream_index(path, decode_times(rows) if mkv else rows, info, fps, time_base,
                             size, truncated, warnings, no_frame, refresh,
                             clusters(path) if mkv else None)
        if index is not None:
            return index, cut
    # a field pair is one frame: its first field's packet stands for it
    spans = unsure_by_time(rows, doubtful) if doubtful and not any(second) else None
    rows = [r for r, s in zip(rows, second, strict=True) if not s]
    shown = [c for c, s in zip(shown, second, strict=True) if not s]
    index = timed_index(path, rows, info, fps, time_base, size, truncated, warnings, shown,
                        refresh, seek_dts=lied)
    doubt = asf_unsure(path, index) if fmt == "asf" else spans(index.ticks) if spans else None
    return (index if doubt is None else replace(index, unsure=doubt)), cut


def _demuxed(container: InputContainer, stream: VideoStream,
             fmt: str) -> tuple[Iterator[av.Packet], bool]:
    """The stream's packets, unpacked when it packs B-frames (see :mod:`app.video.packed`),
    and whether it does."""
    packets = demuxed(container, stream)
    if stream.codec_context.name != "mpeg4" or fmt in PTS_CONTAINERS | RAW_FORMATS:
        return packets, False
    head = next(packets, None)
    rest = itertools.chain([head] if head is not None else [], packets)
    if not is_packed("mpeg4", stream.codec_context.extradata,
                     bytes(head) if head is not None else None):
        return rest, False
    return Unpacker(stream).packets(rest), True
