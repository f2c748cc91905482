"""Motion-JPEG images found in a lost-index recording (app.video.jpeg_walk), on marker
sequences written here: what makes a whole image, where its coded data ends, what is no image,
and what the end of the data cuts off."""

from __future__ import annotations

from app.video.jpeg_walk import image_end, walk_jpeg

FILL = b"\xa5"


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


def image(coded: bytes = FILL * 40, *, frame: bool = True, scan: bool = True) -> bytes:
    parts = [b"\xff\xd8", segment(0xE0, b"JFIF\x00" + FILL * 9), segment(0xDB, FILL * 65)]
    if frame:
        parts.append(segment(0xC0, FILL * 15))
    parts.append(segment(0xC4, FILL * 30))
    if scan:
        parts += [segment(0xDA, FILL * 10), coded]
    return b"".join(parts) + b"\xff\xd9"


def test_a_whole_image_ends_at_its_end_marker():
    one = image()
    assert image_end(one, 0, len(one)) == len(one)
    data = FILL * 7 + one + FILL * 9
    assert image_end(data, 7, len(data)) == 7 + len(one)


def test_coded_data_runs_past_stuffed_bytes_restarts_and_fill():
    coded = FILL * 5 + b"\xff\x00" + FILL * 3 + b"\xff\xd3" + FILL * 3 + b"\xff\xff\xd9"
    one = image(coded[:-2])                  # ends with 0xFF fill before the end marker
    assert image_end(one, 0, len(one)) == len(one)
    progressive = image(FILL * 8)[:-2] + segment(0xC4, FILL * 4) + segment(0xDA, FILL * 6) \
        + FILL * 8 + b"\xff\xd9"
    assert image_end(progressive, 0, len(progressive)) == len(progressive)


def test_what_is_no_image():
    assert image_end(image(frame=False), 0, 200) is None          # a scan before any frame
    no_scan = image(scan=False)
    assert image_end(no_scan, 0, len(no_scan)) is None           # an end before any scan
    short = b"\xff\xd8\xff\xe0\x00\x01" + FILL * 20
    assert image_end(short, 0, len(short)) is None               # a length under 2
    loose = b"\xff\xd8" + segment(0xE0, FILL * 4) + b"\x12\x34" + FILL * 20
    assert image_end(loose, 0, len(loose)) is None               # no marker where one must be
    twice = b"\xff\xd8\xff\xd8" + image()[2:]
    assert image_end(twice, 0, len(twice)) is None               # a start inside a start
    zero = b"\xff\xd8\xff\x00" + FILL * 30
    assert image_end(zero, 0, len(zero)) is None


def test_the_end_of_the_data_cuts_an_image_off():
    one = image()
    assert image_end(one, 0, len(one) - 1) is False              # in its coded data
    assert image_end(one, 0, 30) is False                        # in a segment
    long = b"\xff\xd8" + segment(0xE0, FILL * 4)[:2] + b"\x40\x00" + FILL * 10
    assert image_end(long, 0, len(long)) is False                # a length past the end


def test_the_walk_takes_images_steps_over_the_rest_and_names_the_cut():
    a, b = image(FILL * 30), image(FILL * 50)
    bad = b"\xff\xd8" + segment(0xE0, FILL * 4) + b"\x12\x34"     # no image
    data = FILL * 5 + a + FILL * 11 + bad + b + FILL * 3
    walked = walk_jpeg(data, 0, len(data))
    at_b = len(data) - 3 - len(b)
    assert [u[:2] for u in walked.units] == [(5, len(a)), (at_b, len(b))]
    assert walked.skipped == [(0, 5), (5 + len(a), 11 + len(bad)), (len(data) - 3, 3)]
    assert walked.cut_at is None
    late = b"\xff\xd8" + segment(0xE0, FILL * 4)[:2] + b"\x40\x00" + FILL * 10   # past the end
    cut = a + late + b + late[:12]
    walked = walk_jpeg(cut, 0, len(cut))
    assert len(walked.units) == 2                                # the image after it is kept
    assert walked.cut_at == len(a) + len(late) + len(b)          # the last one is the cut
    two = a + image()[:40] + late
    assert walk_jpeg(two, 0, len(two)).cut_at == len(a)          # the first of those after it
