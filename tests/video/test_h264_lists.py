"""The H.264 reference rules that decide which pictures a wanted frame is built on, checked on
hand-made pictures against ITU-T H.264 8.2.1, 8.2.4 and 8.2.5."""

from __future__ import annotations

import pytest

from app.video.h264_lists import needed, order, references
from app.video.h264_slices import INTRA, B, P, Picture, Slice, Unfollowed
from app.video.sps import H264Pps, H264Sps

PPS = H264Pps(0, 0, True, False, 1, 1, 1, False, 0, True, False)


def sps(max_refs: int = 4, poc_type: int = 0, frame_bits: int = 4, lsb_bits: int = 6) -> H264Sps:
    return H264Sps(0, False, frame_bits, poc_type, lsb_bits, True, None, False, 1, max_refs, 99)


def pic(frame_num: int, lsb: int = 0, *, kind: int = P, ref: int = 2, active=(1, 0),
        changes=((), ()), unmark=None, seq: H264Sps | None = None, bottom: int = 0,
        idr: bool = False) -> Picture:
    slices = [Slice(kind, active if kind != INTRA else (0, 0), changes)]
    return Picture(ref, idr, frame_num, lsb, bottom, unmark, slices, seq or sps(), PPS)


def idr(seq: H264Sps | None = None) -> Picture:
    return pic(0, 0, kind=INTRA, ref=3, idr=True, seq=seq)


def chain(count: int, seq: H264Sps | None = None, **kw) -> list[Picture]:
    """An IDR picture, then ``count`` reference P pictures two order counts apart."""
    return [idr(seq)] + [pic(n, 2 * n, seq=seq, **kw) for n in range(1, count + 1)]


def test_order_type_0_follows_the_low_bits_over_their_wrap_both_ways():
    seq = sps(lsb_bits=4)                       # MaxPicOrderCntLsb 16
    pics = [idr(seq), pic(1, 6, seq=seq), pic(2, 14, seq=seq), pic(3, 4, seq=seq),
            pic(4, 2, seq=seq, ref=0), pic(4, 12, seq=seq)]
    order(pics)
    # 4 after 14 wraps forward (20); 12 after 4 is exactly half the range on: no wrap (28)
    assert [p.poc for p in pics] == [0, 6, 14, 20, 18, 28]
    back = [idr(seq), pic(1, 14, seq=seq)]     # 14 after 0: nearer backwards (-2)
    order(back)
    assert back[1].poc == -2


def test_order_type_0_takes_the_lower_field_and_only_references_carry_on():
    pics = [idr(), pic(1, 10, bottom=-3), pic(2, 40, ref=0), pic(2, 5)]
    order(pics)
    # the last is read against 10 (the last reference picture), not 40: else it would be 69
    assert [p.poc for p in pics] == [0, 7, 40, 5]
    pics = [idr(), pic(1, 10), pic(2, 50)]       # 40 on from 10: more than half, backwards
    order(pics)
    assert pics[2].poc == 50 - 64


def test_order_type_2_counts_frame_numbers_over_their_wrap():
    seq = sps(poc_type=2, frame_bits=4)
    pics = [idr(seq)] + [pic(n % 16, seq=seq) for n in range(1, 18)] + [pic(2, seq=seq, ref=0)]
    order(pics)
    assert [p.poc for p in pics[:3]] == [0, 2, 4]
    assert pics[16].poc == 32 and pics[17].poc == 34       # frame_num 0 and 1 after the wrap
    assert pics[18].poc == 2 * (16 + 2) - 1                # non-reference: one less


def test_a_p_picture_sees_the_latest_pictures_and_the_window_forgets_the_oldest():
    pics = chain(5, sps(max_refs=2), active=(2, 0))
    refs, held = references(pics)
    assert refs[1] == {0} and refs[2] == {0, 1}
    assert refs[3] == {1, 2} and refs[5] == {3, 4}           # the window held two
    assert held == [4, 5]


def test_a_p_picture_with_one_active_reference_sees_only_the_latest():
    refs, _ = references(chain(4, active=(1, 0)))
    assert refs[1:] == [{0}, {1}, {2}, {3}]


def test_list_changes_pick_pictures_by_number_back_and_forward_over_the_wrap():
    seq = sps(max_refs=15, frame_bits=4)
    pics = chain(17, seq)                        # frame numbers 1..15, 0, 1 (wrapped)
    for n, p in enumerate(pics[1:], 1):
        p.frame_num = n % 16
    pics[17].slices = [Slice(P, (1, 0), (((0, 2),), ()))]     # 3 back: picture 14
    pics[16].slices = [Slice(P, (2, 0), (((0, 4), (1, 1)), ()))]  # 5 back (11), 2 on (13)
    refs, _ = references(pics)
    assert refs[17] == {14}
    assert refs[16] == {11, 13}


def test_a_list_change_moves_a_picture_and_drops_it_from_further_down():
    pics = chain(3, active=(2, 0))
    pics[3].slices = [Slice(P, (2, 0), (((0, 1),), ()))]      # picture 1 first, then 2
    refs, _ = references(pics)
    assert refs[3] == {1, 2}
    pics[3].slices = [Slice(P, (1, 0), (((0, 1),), ()))]
    assert references(pics)[0][3] == {1}


def test_a_list_change_naming_a_picture_not_held_is_not_followed():
    pics = chain(3, sps(max_refs=1))
    pics[3].slices = [Slice(P, (1, 0), (((0, 1),), ()))]      # picture 1 slid out
    with pytest.raises(Unfollowed):
        references(pics)


def _b_group() -> list[Picture]:
    """IDR (order 0), P (order 8), P (16), then a B picture at order 4."""
    return [idr(), pic(1, 8), pic(2, 16), pic(3, 4, kind=B, ref=0, active=(1, 1))]


def test_b_lists_start_with_the_nearest_picture_before_and_after():
    refs, _ = references(_b_group())
    assert refs[3] == {0, 1}
    pics = _b_group()
    pics[3].slices = [Slice(B, (2, 2), ((), ()))]
    assert references(pics)[0][3] == {0, 1, 2}
    pics[3].slices = [Slice(B, (1, 1), ((), ((0, 0),)))]     # list 1 changed to picture 2
    assert references(pics)[0][3] == {0, 2}


def test_b_list_1_equal_to_list_0_counts_both_first_entries():
    # every held picture comes later: both lists start 1, 2; list 1 swaps its first two
    pics = [idr(), pic(1, 8), pic(2, 16)]
    pics[0].poc_lsb = 0
    pics.append(pic(3, 62, kind=B, ref=0, active=(1, 1)))    # order -2: before them all
    pics[3].slices = [Slice(B, (1, 1), ((), ()))]
    refs, _ = references(pics)
    assert refs[3] == {0, 1}
    two = [idr(), pic(1, 8), pic(2, 62, kind=B, ref=0, active=(1, 1))]
    assert references(two)[0][2] == {0, 1}


def test_a_reference_with_the_current_order_count_is_not_followed():
    pics = [idr(), pic(1, 8), pic(2, 8, kind=B, ref=0, active=(1, 1))]
    with pytest.raises(Unfollowed):
        references(pics)


def test_memory_operations_unmark_the_picture_they_name():
    pics = chain(4, active=(4, 0))
    pics[3].unmark = (1,)                        # picture 3 unmarks frame number 3 - 2 = 1
    refs, held = references(pics)
    assert refs[4] == {0, 2, 3}
    assert held == [0, 2, 3, 4]


def test_memory_operations_on_a_missing_picture_or_too_many_held_are_not_followed():
    pics = chain(3)
    pics[2].unmark = (5,)
    with pytest.raises(Unfollowed):
        references(pics)
    pics = chain(3, sps(max_refs=2))
    pics[3].unmark = ()                          # adaptive, unmarks nothing: three held
    with pytest.raises(Unfollowed):
        references(pics)


def test_a_run_must_start_at_an_idr_picture_and_frame_numbers_stay_apart():
    with pytest.raises(Unfollowed):
        references(chain(2)[1:])
    with pytest.raises(Unfollowed):
        references([])
    pics = chain(2, sps(max_refs=4))
    pics[2].frame_num = 0                        # the IDR picture, still held, has number 0
    with pytest.raises(Unfollowed):
        references(pics)


def test_an_idr_picture_forgets_every_held_picture():
    pics = chain(2) + [idr()] + [pic(1, 2, active=(4, 0))]
    refs, held = references(pics)
    assert refs[4] == {3}
    assert held == [3, 4]


def test_intra_and_non_reference_pictures_hold_nothing():
    pics = chain(1) + [pic(2, 4, ref=0, active=(4, 0)), pic(2, 6, kind=INTRA)]
    pics.append(pic(3, 8, active=(4, 0)))
    refs, held = references(pics)
    assert refs[2] == {0, 1} and refs[3] == set()
    assert refs[4] == {0, 1, 3} and held == [0, 1, 3, 4]


def test_needed_follows_references_back_from_the_wanted_and_the_held():
    refs = [set(), {0}, {0}, {1}, {2}, {1, 3}]
    assert needed(refs, {5}, []) == {0, 1, 3, 5}
    assert needed(refs, {3}, [4]) == {0, 1, 2, 3, 4}
    assert needed(refs, set(), []) == set()


def test_order_type_0_near_misses_and_repeated_wraps():
    seq = sps(lsb_bits=6)                       # MaxPicOrderCntLsb 64, half 32
    pics = [idr(seq), pic(1, 30, seq=seq), pic(2, 60, seq=seq), pic(3, 56, seq=seq, ref=0)]
    order(pics)
    assert [p.poc for p in pics] == [0, 30, 60, 56]   # a little less than the last: no wrap
    pics = [idr(seq), pic(1, 30, seq=seq), pic(2, 60, seq=seq), pic(3, 28, seq=seq)]
    order(pics)
    assert pics[3].poc == 92                    # exactly half back: the low bits wrapped
    pics = [idr(seq)] + [pic(n, (30 * n) % 64, seq=seq) for n in range(1, 6)]
    order(pics)
    assert [p.poc for p in pics] == [0, 30, 60, 90, 120, 150]     # two wraps, both counted


def test_order_type_2_repeated_wraps_and_a_shared_frame_number():
    seq = sps(poc_type=2, frame_bits=4)
    pics = [idr(seq)] + [pic(n % 16, seq=seq) for n in range(1, 34)]
    order(pics)
    assert pics[32].poc == 64 and pics[33].poc == 66   # frame_num 0 and 1 after two wraps
    pics = [idr(seq), pic(1, seq=seq, ref=0), pic(1, seq=seq), pic(2, seq=seq)]
    order(pics)
    assert [p.poc for p in pics] == [0, 1, 2, 4]      # the same number in turn: no wrap


def test_a_p_list_follows_frame_numbers_not_order_counts():
    pics = [idr(), pic(1, 16), pic(2, 8), pic(3, 24, active=(1, 0))]
    assert references(pics)[0][3] == {2}       # the latest decoded, not the nearest shown


def test_b_lists_sort_by_order_count_not_by_decode_order():
    before = [idr(), pic(1, 8), pic(2, 4), pic(3, 12, kind=B, ref=0, active=(1, 0))]
    assert references(before)[0][3] == {1}      # order 8 is nearest below 12
    after = [idr(), pic(1, 16), pic(2, 8), pic(3, 2, kind=B, ref=0, active=(1, 1))]
    assert references(after)[0][3] == {0, 2}    # list 1 starts with order 8, the nearest above


def test_the_list_1_swap_moves_only_the_first_two_entries():
    # every held picture comes after the current one (order -6): both lists start 0, 1, 2, ...
    # and list 1 is swapped to 1, 0, 2, ...
    seq = sps(max_refs=8, lsb_bits=8)
    three = [idr(seq), pic(1, 8, seq=seq), pic(2, 16, seq=seq), pic(3, 24, seq=seq)]
    three.append(pic(4, 250, kind=B, ref=0, active=(2, 2), seq=seq))
    assert references(three)[0][4] == {0, 1}
    four = [idr(seq)] + [pic(n, 8 * n, seq=seq) for n in range(1, 5)]
    four.append(pic(5, 250, kind=B, ref=0, active=(3, 3), seq=seq))
    assert references(four)[0][5] == {0, 1, 2}


def test_every_slice_of_a_picture_counts():
    pics = chain(3, active=(3, 0))
    pics.append(pic(4, 8))
    pics[4].slices = [Slice(P, (1, 0), (((0, 2),), ())), Slice(P, (1, 0), ())]
    pics[4].slices[1] = Slice(P, (1, 0), ((), ()))
    assert references(pics)[0][4] == {1, 3}     # one slice on picture 1, the other on 3


def test_a_list_change_forward_past_the_largest_number_wraps():
    seq = sps(max_refs=15, frame_bits=4)
    pics = chain(17, seq)
    for n, p in enumerate(pics[1:], 1):
        p.frame_num = n % 16
    pics[17].slices = [Slice(P, (1, 0), (((1, 13),), ()))]   # 1 + 14 = 15 (mod 16): picture 15
    assert references(pics)[0][17] == {15}


@pytest.mark.parametrize("case, reason", [
    ("same order", "order count"), ("not held", "not held"), ("unmark missing", "not held"),
    ("too many", "allows"), ("no idr", "IDR"), ("same number", "frame number")])
def test_each_unfollowed_rule_says_which(case, reason):
    pics = chain(3, sps(max_refs=2))
    if case == "same order":
        pics = [idr(), pic(1, 8), pic(2, 8, kind=B, ref=0, active=(1, 1))]
    elif case == "not held":
        pics[3].slices = [Slice(P, (1, 0), (((0, 2),), ()))]   # the IDR picture slid out
    elif case == "unmark missing":
        pics[2].unmark = (5,)
    elif case == "too many":
        pics[3].unmark = ()
    elif case == "no idr":
        pics = pics[1:]
    else:
        pics[2].frame_num = 0
    with pytest.raises(Unfollowed, match=reason):
        references(pics)
