"""A file's frame index as the engine opens it: the persisted one when stored, else built
(:func:`app.video.index.build_index`), its last picture settled where the copy was cut, and
stored for next time.

A cut copy of a stream without unit lengths (MPEG-TS, -PS, DAV, AVI) ends in a packet nothing
says is whole: the index names that picture (``cut_frame``), and it is decoded once here. A
picture it gives is kept and flagged damaged wherever it is shown; one that gives nothing is
no frame of the file (FFmpeg shows none either), so it leaves the index.
"""

from __future__ import annotations

from pathlib import Path

import av

from app.i18n import _
from app.video.checks import check_readable
from app.video.decoder import FrameDecoder
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex
from app.video.index import build_index, content_key, truncated_note

_defaults: dict[str, Path | None] = {"index_dir": None}


def set_default_index_dir(index_dir: Path | None) -> None:
    """Where indexes are persisted when a call gives no ``index_dir`` (e.g. the app's
    ``<data>/cache/index``); None turns default persistence off."""
    _defaults["index_dir"] = Path(index_dir) if index_dir is not None else None


def load_or_build(path: Path, index_dir: Path | None, fps_hint: float | None) -> FrameIndex:
    """The persisted index for ``path`` if one is stored in ``index_dir`` (or the default set by
    :func:`set_default_index_dir`), else build it (and store it)."""
    check_readable(path)
    index_dir = index_dir if index_dir is not None else _defaults["index_dir"]
    target = None
    if index_dir is not None:
        hint = f"-{fps_hint:g}" if fps_hint else ""
        target = Path(index_dir) / f"{content_key(path)}{hint}.npz"
        if target.exists():
            loaded = FrameIndex.load(target)
            if loaded is not None and loaded.file_size == path.stat().st_size:
                return loaded
    index = settled(path, build_index(path, fps_hint))
    if target is not None:
        try:
            index.save(target)
        except OSError:
            index.warnings.append(_("the frame index could not be saved for next time"))
    return index


def settled(path: Path, index: FrameIndex) -> FrameIndex:
    """``index`` without its cut frame when decoding it (from its keyframe) gives nothing."""
    i = index.cut_frame
    if i <= 0 or i in index.key_index:
        return index
    got: list[int] = []
    decoder = FrameDecoder(path, index, threads=1)
    try:
        decoder.decode(i, i, lambda j, _frame: got.append(j))
    except (VideoError, av.error.FFmpegError, OSError):
        pass
    finally:
        decoder.close()
    if i in got:
        return index
    out = index.without_frame(i)
    said = truncated_note(index.frame_count)
    out.warnings = [truncated_note(out.frame_count) if w == said else w for w in index.warnings]
    return out
