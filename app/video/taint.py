"""Which decoded frames may be built on damaged data, so they are reported, never shown as
sound.

Damage is met three ways: the demuxer says a packet is corrupt (an MPEG-TS continuity error:
part of it was lost; decoders often conceal that without a word), the decoder refuses a packet,
or it hands out a frame it flags. Every frame decoded after the damage may refer to it (one fed
before it may come out later, and is sound), up to the next keyframe *fed after it*: with frame threads and B-frames a keyframe fed before the
damaged packet often comes out after it, and clears nothing. A damaged keyframe clears nothing
either. A packet left out before the decoder (a cut-off picture) taints from the next one fed.

Bytes changed inside a packet are told by the NAL syntax they break (:class:`Losses`). A
packet lost whole says nothing of itself (a bad sector took a PES and its header): H.264
tells it by the next picture's ``frame_num``, which must follow the last reference picture's
(:class:`app.video.slice_order.H264Order`; streams whose SPS allows gaps are not judged).
"""

from __future__ import annotations

import av

from app.video.fields import avcc_units
from app.video.hevc_order import hvcc_units
from app.video.hevc_refs import HevcRefs
from app.video.nal import framing_of, stream_framing
from app.video.slice_order import H264Order


class Taint:
    """Feed it every packet in decode order (:meth:`fed`) and ask it of every frame that comes
    out (:meth:`judge`); start again with :meth:`reset` where decoding restarts."""

    def __init__(self, leading_bound: bool = False) -> None:
        self.leading_bound = leading_bound  # HEVC: no picture after a keyframe refers to its
        self.reset()                        # leading pictures (H.265 8.3.2)

    def reset(self) -> None:
        self.on = False
        self._seq = 0                       # packets fed so far
        self._first = self._last = -1       # packets that brought the damage: the first, last
        self._fed: dict[int, int] = {}      # pts -> number, since the last keyframe fed
        self._gap = False
        self._key = -1                      # number of the last keyframe fed, until it is out

    def fed(self, packet: av.Packet) -> None:
        """``packet`` goes to the decoder now."""
        if not packet.size:
            return
        self._seq += 1
        if packet.is_keyframe:
            self._key = self._seq
            if not self.on:
                self._fed.clear()           # (frames from before it are out by now)
        if packet.pts is not None:
            self._fed[int(packet.pts)] = self._seq
        if self._gap:
            self._gap = False
            self._damage(self._seq)

    def damaged(self, packet: av.Packet) -> None:
        """``packet`` is damaged (fed or not): its picture and what follows it."""
        fed = self._fed.get(int(packet.pts)) if packet.pts is not None else None
        self._damage(self._seq + 1 if fed is None else fed)     # (not fed yet: comes next)

    def left_out(self) -> None:
        """A packet that was cut off is not fed: what is decoded from the next one on."""
        self._gap = True

    def judge(self, frame: av.VideoFrame, keyframe: bool) -> bool:
        """Whether ``frame`` (``keyframe``: one the index lists) may be built on damage."""
        seq = self._fed.get(int(frame.pts)) if frame.pts is not None else None
        if self.on and keyframe and seq is not None and seq > self._last:
            self.on = False
        if keyframe and seq == self._key:
            self._key = -1
        if frame.is_corrupt:
            at = seq if seq is not None else self._seq
            if self.leading_bound and 0 < self._key < at:
                at = self._key - 1          # a leading picture: its keyframe still clears
            self._damage(at)
        before = seq is not None and seq < self._first and not frame.is_corrupt
        return self.on and not before

    def _damage(self, at: int) -> None:
        if self.on:
            self._first, self._last = min(self._first, at), max(self._last, at)
        else:
            self._first = self._last = at
        self.on = True


class Losses:
    """Feed every H.264/HEVC packet in decode order (also those not decoded);
    :meth:`follows_loss` says when one was changed (:meth:`Framing.broken`: a zeroed sector in
    an MP4 sample, which HEVC decodes to garbage without a word) or, with ``order``, holds a
    picture that cannot follow those before it: H.264 by ``frame_num``, HEVC by the pictures it
    refers to (:class:`app.video.hevc_refs.HevcRefs`)."""

    def __init__(self, codec: str, extradata: bytes | None, *, order: bool = True) -> None:
        self._framing = stream_framing(codec, extradata)
        self._h264 = H264Order() if order and codec == "h264" else None
        self._hevc = HevcRefs(self._framing) if order and codec == "hevc" else None
        if self._h264 is not None:
            for unit in avcc_units(extradata):
                self._h264.parameter_set(unit[3:])
        if self._hevc is not None:
            self._hevc.parameter_sets(hvcc_units(extradata))

    def reset(self) -> None:
        """Decoding restarts (at a keyframe): nothing before it is judged against."""
        for order in (self._h264, self._hevc):
            if order is not None:
                order.reset()

    def follows_loss(self, data: bytes) -> bool:
        framing = self._framing or framing_of(data)
        if framing.broken(data):
            return True
        if self._hevc is not None:
            return self._hevc.follows_loss(data)
        if self._h264 is None:
            return False
        lost = False
        for unit in framing.units(data):     # (none is empty)
            kind = unit[0] & 0x1F
            if kind in (7, 8):
                self._h264.parameter_set(unit)
            elif kind in (1, 5):
                if not self._h264.fits(unit):
                    lost = True
                self._h264.took(unit)
        return lost
