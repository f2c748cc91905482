"""The video engine (Qt-free): frame-accurate decoding, stepping both ways, enhancement filters,
thumbnails, activity scan, colour ranking, snapshot and clip export. numpy BGR frames out.

Quick use::

    from app.video import open_video
    with open_video("cam3.h264") as video:        # VideoError on anything wrong with the file
        frame = video.read(1234)                  # exactly frame 1234 (presentation order), BGR
        back = video.step(-1)                     # frame 1233 (cache hit after the first step)
        seconds = video.pts(1234)                 # presentation time from the first frame
"""

from app.video.activity import ActivityResult, Segment, scan_activity
from app.video.colour import HUES, rank_segments_by_colour
from app.video.errors import VideoCancelled, VideoError
from app.video.export import export_clip, export_snapshot, sha256_file
from app.video.filters import SPECS as FILTER_SPECS
from app.video.filters import FilterChain
from app.video.info import VideoInfo
from app.video.persisted import set_default_index_dir
from app.video.source import VideoSource, open_video, probe
from app.video.thumbnails import thumbnails

__all__ = [
    "FILTER_SPECS", "HUES", "ActivityResult", "FilterChain", "Segment", "VideoCancelled",
    "VideoError", "VideoInfo", "VideoSource", "export_clip", "export_snapshot", "open_video",
    "probe", "rank_segments_by_colour", "scan_activity", "set_default_index_dir", "sha256_file",
    "thumbnails",
]
