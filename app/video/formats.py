"""What the engine reads: the one list of file-name extensions offered for import.

Content decides, not the name: :func:`app.video.probe` sniffs every file (a photo renamed
``.mp4`` is refused, a Hikvision export named ``.mp4`` that is really an MPEG program stream is
read). These extensions only fill the file dialog's filter and catch obvious non-video early.
Kept free of heavy imports so services and dialogs can use it cheaply.
"""

from __future__ import annotations

from pathlib import Path

VIDEO_EXTENSIONS = frozenset({
    # containers with timestamps
    "mp4", "m4v", "mov", "3gp", "mkv", "webm", "avi", "divx", "flv", "wmv", "asf", "ogv",
    "rm", "rmvb",                       # RealMedia: older downloads and VCD-era recordings
    # MPEG transport / program streams (DVR, NVR, camcorder, DVD)
    "ts", "mts", "m2ts", "trp", "tp", "mpg", "mpeg", "ps", "vob", "m2v", "m2p",
    # Chinese CCTV exports: Dahua, Hikvision and relatives
    "dav", "264", "265", "h264", "h265", "hevc", "avc", "mjpeg", "mjpg", "y4m",
})


def has_video_extension(path: str | Path) -> bool:
    return Path(path).suffix.lower().lstrip(".") in VIDEO_EXTENSIONS


def dialog_patterns() -> str:
    """``*.mp4 *.dav …`` for a file dialog filter."""
    return " ".join(f"*.{ext}" for ext in sorted(VIDEO_EXTENSIONS))
