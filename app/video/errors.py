"""The one exception the video engine raises for anything wrong with a file or a request."""

from __future__ import annotations

from pathlib import Path

from app.i18n import _


class VideoError(Exception):
    """A plain-words problem with a video file (which file, what is wrong)."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.detail = message
        text = _("Video file {name}: {message}", name=Path(path).name, message=message) \
            if path is not None else message
        super().__init__(text)


class VideoCancelled(VideoError):
    """Long work (scan, hash, export) stopped because the caller asked to cancel."""

    def __init__(self, path: str | Path | None = None) -> None:
        super().__init__(_("the operation was cancelled"), path)
