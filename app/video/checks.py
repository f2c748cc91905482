"""What the engine refuses before it decodes anything, and what it learns from the first frame.

* a path that is no readable file, or an empty one;
* content sniffing: a photo (JPEG, PNG, …) or a document renamed ``.mp4`` is refused as video;
* frame size: more than 8K (8192×4320 pixels) is refused before a frame is decoded;
* a stream whose codec the file does not name (compressed data under an empty FourCC);
* the first decoded frame tells the display rotation (phone footage) and the colour matrix and
  range the stream is tagged with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
from av.video.codeccontext import VideoCodecContext

from app.i18n import _
from app.video.errors import VideoError

MAX_PIXELS = 8192 * 4320
MAX_SIDE = 8192
IMAGE_FORMATS = {"image2", "jpeg_pipe", "png_pipe", "bmp_pipe", "gif", "gif_pipe", "webp_pipe",
                 "tiff_pipe", "psd_pipe", "svg_pipe", "j2k_pipe", "jpegxl_pipe", "pam_pipe",
                 "pgm_pipe", "ppm_pipe", "qoi_pipe", "dds_pipe", "exr_pipe"}
_MAGIC = [(b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF8", "GIF"),
          (b"BM", "BMP"), (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP"), (b"II*\x00", "TIFF"),
          (b"MM\x00*", "TIFF")]
# colour matrices by AVColorSpace number: 1 BT.709, 5 BT.470BG, 6 SMPTE 170M (both BT.601)
MATRICES = {1: "bt709", 5: "bt601", 6: "bt601", 9: "bt2020", 10: "bt2020", 7: "smpte240m"}


def sniff_kind(path: Path) -> str | None:
    """The kind of non-video file ``path`` starts like (``"JPEG"``, ``"PDF"``, …), or None."""
    with open(path, "rb") as f:
        head = f.read(16)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def check_readable(path: Path) -> int:
    """The size of ``path``, a readable file that is not empty; else a plain-words error."""
    if not path.exists():
        raise VideoError(_("the file does not exist"), path)
    if not path.is_file():
        raise VideoError(_("this is not a file"), path)
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise VideoError(_("the file cannot be read ({reason})", reason=exc.strerror), path) from exc
    if size == 0:
        raise VideoError(_("the file is empty (0 bytes)"), path)
    return size


def refuse_still(path: Path, fmt: str, frames: int) -> None:
    """A single picture or a document is not video, whatever its name says."""
    kind = sniff_kind(path)
    if fmt in IMAGE_FORMATS or (kind in ("PNG", "GIF", "PDF", "ZIP"))\
            or (kind == "JPEG" and frames <= 1):
        raise VideoError(_("this is a {kind} file, not a video (its content was checked, not "
                           "its name)", kind=kind or _("picture")), path)


def refuse_unnamed_codec(path: Path, codec: str, width: int, height: int,
                         sizes: list[int]) -> None:
    """An AVI whose codec marker (FourCC) is empty says "uncompressed pictures". A recorder or
    muxer that wrote compressed data under it (FFmpeg's own AVI muxer does, for H.265) leaves
    no decoder: such packets are far smaller than an uncompressed picture (1 byte a pixel and
    more, for every format a DVR writes)."""
    if codec == "rawvideo" and sizes and sorted(sizes)[len(sizes) // 2] < width * height // 2:
        raise VideoError(_("the file does not name the video's codec (its codec marker says "
                           "uncompressed pictures, but the data is compressed), so no frame "
                           "can be decoded; ask for the export in another format"), path)


def check_frame_size(width: int, height: int, path: Path) -> None:
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise VideoError(_("the frames are {w}×{h} pixels, larger than 8K (8192×4320); such "
                           "video cannot be shown within the memory budget", w=width, h=height),
                         path)


@dataclass(frozen=True)
class Traits:
    rotation: int = 0          # counter-clockwise degrees that turn a decoded frame upright
    matrix: str = ""
    full_range: bool = False


def traits_of(frame: av.VideoFrame | None, height: int) -> Traits:
    """Rotation, colour matrix and range of the stream, from its first decoded frame. An
    untagged stream gets the usual default: BT.709 for HD (≥ 720 lines), BT.601 below."""
    if frame is None:
        return Traits(matrix="bt709" if height >= 720 else "bt601")
    try:
        rotation = int(round(float(frame.rotation or 0) / 90.0)) * 90 % 360
    except (AttributeError, TypeError, ValueError):
        rotation = 0
    matrix = MATRICES.get(int(frame.colorspace or 2), "bt709" if height >= 720 else "bt601")
    full = int(frame.color_range or 0) == 2 or frame.format.name.startswith("yuvj")
    return Traits(rotation=rotation, matrix=matrix, full_range=full)


class FirstFrame:
    """Feeds the first packets of a stream to its decoder until one frame comes out."""

    LIMIT = 48

    def __init__(self, codec_context: VideoCodecContext) -> None:
        self._cc = codec_context
        self._fed = 0
        self.frame: av.VideoFrame | None = None

    def feed(self, packet: av.Packet | None) -> None:
        if self.frame is not None or self._fed >= self.LIMIT:
            return
        self._fed += 1
        try:
            frames = self._cc.decode(packet)
        except (av.error.FFmpegError, ValueError):
            return
        if frames:
            self.frame = frames[0]

    def finish(self) -> av.VideoFrame | None:
        if self.frame is None and self._fed:
            self._fed = 0
            self.feed(None)
        return self.frame
