"""Reading H.264 slice headers for the reference rules (app.video.h264_slices), and the
stand-in units written from them (app.video.stand_in), on units written bit by bit."""

from __future__ import annotations

import pytest

from app.video.bits import Bits, BitWriter
from app.video.h264_slices import INTRA, B, P, Pictures, Unfollowed
from app.video.stand_in import STAND_IN_PPS, stand_in_units


def sps_unit(*, poc_type: int = 0, max_refs: int = 4, fields: bool = False, gaps: bool = False,
             high: bool = False, chroma: int = 1) -> bytes:
    w = BitWriter().u(8, 100 if high else 66).u(16, 30).ue(0)
    if high:
        w.ue(chroma)
        if chroma == 3:
            w.u(1, 0)
        w.ue(0).ue(0).u(1, 0).u(1, 0)
    w.ue(1)                                     # frame_num: 5 bits
    w.ue(poc_type)
    if poc_type == 0:
        w.ue(2)                                 # lsb: 6 bits
    elif poc_type == 1:
        w.u(1, 0).se(0).se(0).ue(0)
    w.ue(max_refs).u(1, gaps).ue(19).ue(14).u(1, not fields)
    if fields:
        w.u(1, 0)
    w.u(1, 1).u(1, 0)
    return w.nal(b"\x67")


def pps_unit(*, pps_id: int = 0, bottom: bool = False, groups: int = 1, l0: int = 1, l1: int = 1,
             weighted: bool = False, bipred: int = 0, redundant: bool = False) -> bytes:
    w = BitWriter().ue(pps_id).ue(0).u(1, 1).u(1, bottom).ue(groups - 1)
    if groups > 1:
        w.ue(0).ue(0)
    w.ue(l0 - 1).ue(l1 - 1).u(1, weighted).u(2, bipred).se(0).se(0).se(0)
    return w.u(1, 1).u(1, 0).u(1, redundant).nal(b"\x68")


def slice_unit(kind: int, frame_num: int, lsb: int = 0, *, ref: int = 2, first: bool = True,
               idr: bool = False, override: tuple[int, int] | None = None, changes=((), ()),
               weights: list | None = None, marking: list | None = None, bottom: int | None = None,
               redundant: int | None = None, long_term: bool = False, nal: int | None = None
               ) -> bytes:
    w = BitWriter().ue(0 if first else 7).ue(kind + 5).ue(0).u(5, frame_num)
    if idr:
        w.ue(0)
    w.u(6, lsb)
    if bottom is not None:
        w.se(bottom)
    if redundant is not None:
        w.ue(redundant)
    if kind == B:
        w.u(1, 1)
    if kind in (P, B):
        w.u(1, override is not None)
        if override:
            w.ue(override[0] - 1)
            if kind == B:
                w.ue(override[1] - 1)
        for n in range(2 if kind == B else 1):
            w.u(1, bool(changes[n]))
            for idc, value in changes[n]:
                w.ue(idc).ue(value)
            if changes[n]:
                w.ue(3)
    for code, values in weights or ():
        getattr(w, code)(*values)
    if ref:
        if idr:
            w.u(1, 0).u(1, long_term)
        else:
            w.u(1, marking is not None)
            for op, *args in marking or ():
                w.ue(op)
                for a in args:
                    w.ue(a)
            if marking is not None:
                w.ue(0)
    w.se(0).ue(1).ue(300)
    kind_nal = nal if nal is not None else 5 if idr else 1
    return w.nal(bytes([ref << 5 | kind_nal]))


def framed(*units: bytes) -> bytes:
    return b"".join(b"\x00\x00\x00\x01" + u for u in units)


def reader(**pps) -> Pictures:
    r = Pictures(None)
    r.picture(framed(sps_unit(), pps_unit(**pps)))
    return r


def test_a_p_slice_reads_its_lists_changes_and_marking():
    r = reader()
    pic = r.picture(framed(slice_unit(P, 3, 12, override=(2, 0), changes=(((0, 1), (1, 0)), ()),
                                      marking=[(1, 0), (1, 2)])))
    assert pic is not None
    assert (pic.ref, pic.idr, pic.frame_num, pic.poc_lsb, pic.unmark) == (2, False, 3, 12, (0, 2))
    assert pic.slices[0].kind == P and pic.slices[0].active == (2, 0)
    assert pic.slices[0].changes == (((0, 1), (1, 0)), ())
    assert pic.sps.mbs == 20 * 15 and pic.sps.max_refs == 4


def test_weight_tables_are_read_past_for_both_lists_with_chroma():
    # luma/chroma denominators, then per entry: luma flag + weight/offset, chroma flag + 4 values
    one = [("ue", (5,)), ("ue", (3,)), ("u", (1, 1)), ("se", (-3,)), ("se", (2,)),
           ("u", (1, 1)), ("se", (1,)), ("se", (-1,)), ("se", (4,)), ("se", (0,))]
    r = reader(weighted=True, bipred=1)
    p = r.picture(framed(slice_unit(P, 2, 4, marking=[(1, 1)], weights=one)))
    assert p is not None and p.unmark == (1,)
    entry = [("u", (1, 0)), ("u", (1, 1)), ("se", (1,)), ("se", (1,)), ("se", (1,)), ("se", (1,))]
    b = r.picture(framed(slice_unit(B, 3, 2, override=(1, 2), weights=one[:2] + entry * 3,
                                    marking=[(1, 0)])))
    assert b is not None and b.unmark == (0,) and b.slices[0].active == (1, 2)


def test_a_monochrome_stream_has_no_chroma_weights():
    r = Pictures(None)
    r.picture(framed(sps_unit(high=True, chroma=0), pps_unit(weighted=True)))
    p = r.picture(framed(slice_unit(P, 1, 2, marking=[(1, 0)],
                                    weights=[("ue", (5,)), ("u", (1, 1)), ("se", (7,)),
                                             ("se", (-7,))])))
    assert p is not None and p.unmark == (0,)


def test_the_bottom_field_order_and_later_slices_of_one_picture():
    r = reader(bottom=True)
    data = framed(slice_unit(INTRA, 0, 0, idr=True, bottom=-1, ref=3),
                  slice_unit(INTRA, 0, 0, idr=True, bottom=-1, ref=3, first=False))
    pic = r.picture(data)
    assert pic is not None and pic.idr and pic.poc_bottom == -1 and len(pic.slices) == 2


@pytest.mark.parametrize("case, reason", [
    ("long-term idr", "long-term IDR"), ("mmco 3", "operation 3"),
    ("long-term change", "long-term reference"), ("redundant", "redundant"),
    ("fields", "kind"), ("poc type 1", "kind"), ("groups", "kind"), ("gaps", "kind"),
    ("sp slice", "kind"), ("partition a", "type 2"), ("partition b", "type 3"),
    ("partition c", "type 4"), ("prefix", "type 14"), ("extension", "type 20"), ("two pictures", "two pictures"),
    ("second slice differs", "two pictures"), ("no first slice", "first slice"),
    ("unknown pps", "cannot be read"), ("cut short", "cannot be read")])
def test_what_the_rules_do_not_follow_says_so(case, reason):
    seq = {"fields": {"fields": True}, "poc type 1": {"poc_type": 1}, "gaps": {"gaps": True}}
    r = Pictures(None)
    r.picture(framed(sps_unit(**seq.get(case, {})),
                     pps_unit(groups=2 if case == "groups" else 1,
                              redundant=case == "redundant")))
    units = {
        "long-term idr": [slice_unit(INTRA, 0, idr=True, ref=3, long_term=True)],
        "mmco 3": [slice_unit(P, 1, 2, marking=[(3, 0, 0)])],
        "long-term change": [slice_unit(P, 1, 2, changes=(((2, 0),), ()))],
        "redundant": [slice_unit(P, 1, 2, redundant=1)],
        "partition a": [slice_unit(P, 1, 2, nal=2)],
        "partition b": [slice_unit(P, 1, 2, nal=3)],
        "partition c": [slice_unit(P, 1, 2, nal=4)],
        "prefix": [slice_unit(P, 1, 2, nal=14)],
        "extension": [slice_unit(P, 1, 2, nal=20)],
        "two pictures": [slice_unit(P, 1, 2), slice_unit(P, 2, 4)],
        "second slice differs": [slice_unit(P, 1, 2), slice_unit(P, 2, 2, first=False)],
        "no first slice": [slice_unit(P, 1, 2, first=False)],
        "unknown pps": [slice_unit(P, 1, 2)[:1] + BitWriter().ue(0).ue(5).ue(9).rbsp()],
        "cut short": [slice_unit(P, 1, 2)[:3]],
        "sp slice": [BitWriter().ue(0).ue(8).ue(0).u(5, 1).u(6, 2).nal(b"\x41")],
    }.get(case, [slice_unit(P, 1, 2)])
    with pytest.raises(Unfollowed, match=reason):
        r.picture(framed(*units))
    if case == "redundant":         # a primary slice (count 0) of the same stream is read
        assert r.picture(framed(slice_unit(P, 1, 2, redundant=0))) is not None


def test_an_unreadable_parameter_set_says_so():
    with pytest.raises(Unfollowed, match="parameter set"):
        Pictures(None).picture(framed(b"\x68"))


def test_a_packet_without_a_slice_holds_no_picture():
    r = reader()
    assert r.picture(framed(b"\x09\xf0", b"\x06\x05\x01\x00\x80")) is None


def test_the_stand_in_says_what_the_picture_said_and_skips_every_macroblock():
    r = reader(bottom=True)
    pic = r.picture(framed(slice_unit(B, 7, 40, bottom=-2, override=(2, 2), ref=1,
                                      marking=[(1, 3), (1, 0)])))
    assert pic is not None
    pps, sl = stand_in_units(pic)
    again = Pictures(None)
    again.picture(framed(sps_unit()))
    stand = again.picture(framed(pps, sl))
    assert stand is not None
    assert STAND_IN_PPS in again.pps and not again.pps[STAND_IN_PPS].cabac
    assert again.pps[STAND_IN_PPS].bottom_poc and again.pps[STAND_IN_PPS].deblocking
    assert (stand.ref, stand.idr, stand.frame_num, stand.poc_lsb, stand.poc_bottom,
            stand.unmark) == (1, False, 7, 40, -2, (3, 0))
    assert stand.slices[0].kind == P and stand.slices[0].active == (1, 0)
    assert stand.slices[0].changes == ((), ())
    b = Bits(sl[1:])               # after the marking: QP delta, deblocking off, the skip run
    for _ in range(3):
        b.ue()
    b.u(5)
    b.u(6)
    b.se()
    assert b.u(3) == 0b110         # one reference, its list unchanged
    assert b.u(1) == 1 and (b.ue(), b.ue(), b.ue(), b.ue()) == (1, 3, 1, 0)
    assert b.ue() == 0 and b.se() == 0 and b.ue() == 1 and b.ue() == 20 * 15
    assert b.u(1) == 1             # then the stop bit


def test_a_sliding_window_picture_stands_in_without_memory_operations():
    pic = reader().picture(framed(slice_unit(P, 2, 4)))
    assert pic is not None and pic.unmark is None
    _pps, sl = stand_in_units(pic)
    again = Pictures(None)
    again.picture(framed(sps_unit(), _pps))
    stand = again.picture(framed(sl))
    assert stand is not None and stand.unmark is None and stand.frame_num == 2


def test_a_non_reference_picture_can_be_passed_over_but_its_parameter_sets_are_read():
    r = reader()
    data = framed(pps_unit(pps_id=3), slice_unit(B, 2, 6, ref=0, override=(1, 1)))
    assert r.picture(data, unreferenced=False) is None
    assert 3 in r.pps
    pic = r.picture(data)
    assert pic is not None and pic.ref == 0 and pic.slices[0].kind == B
    # a reference picture in the packet is never passed over (here: two pictures, refused)
    mixed = framed(slice_unit(B, 2, 6, ref=0), slice_unit(P, 2, 8))
    with pytest.raises(Unfollowed):
        r.picture(mixed, unreferenced=False)


def test_fields_a_slice_does_not_carry_read_as_nothing():
    r = reader()
    p = r.picture(framed(slice_unit(P, 3, 12)))
    assert p is not None and p.poc_bottom == 0 and p.slices[0].active == (1, 0)
    lists = Pictures(None)
    lists.picture(framed(sps_unit(), pps_unit(l0=3, l1=2)))
    b = lists.picture(framed(slice_unit(B, 3, 12, ref=0)))      # the PPS's active counts
    assert b is not None and b.slices[0].active == (3, 2)
    # a non-IDR intra picture: no lists, its marking read right after the header
    i = r.picture(framed(slice_unit(INTRA, 4, 14, marking=[(1, 2)])))
    assert i is not None and i.slices[0].active == (0, 0) and i.unmark == (2,)
    two = Pictures(None)
    two.picture(framed(sps_unit(poc_type=2), pps_unit()))
    w = BitWriter().ue(0).ue(5).ue(0).u(5, 3).u(1, 0).u(1, 0).u(1, 0)     # no order fields
    q = two.picture(framed(w.se(0).ue(1).ue(300).nal(b"\x41")))
    assert q is not None and (q.frame_num, q.poc_lsb, q.poc_bottom, q.unmark) == (3, 0, 0, None)


def test_the_stand_in_parameter_set_bit_by_bit():
    pic = reader().picture(framed(slice_unit(P, 2, 4)))
    assert pic is not None
    pps = stand_in_units(pic)[0]
    # id 255, SPS 0, CAVLC, no bottom order field, one slice group, one reference per list,
    # no weighted prediction, QP/QS/chroma offsets 0, deblocking control, nothing else
    bits = "00000000100000000" + "1" + "0" + "0" + "111" + "0" + "00" + "111" + "100" + "1"
    bits += "0" * (-len(bits) % 8)
    assert pps == b"\x68" + int(bits, 2).to_bytes(len(bits) // 8, "big")
