"""What PyAV (FFmpeg) reads from an audio/video file: duration, codecs, resolution, start, serial."""

from __future__ import annotations

import datetime
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import cast

logger = logging.getLogger(__name__)

# Container tags under which cameras write their serial number (vendor-dependent).
SERIAL_TAGS = ("serial_number", "serial", "device_serial", "com.apple.quicktime.serial", "camera_serial")
START_TAGS = ("creation_time", "date", "com.apple.quicktime.creationdate")


@dataclass(frozen=True)
class MediaInfo:
    duration_seconds: float | None = None
    codecs: str = ""
    resolution: str = ""
    recorded_start: datetime.datetime | None = None
    device_serial: str = ""


def _parse_time(value: str) -> datetime.datetime | None:
    value = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def read_media_info(path: Path) -> MediaInfo:
    """Metadata of the file at ``path``; an empty ``MediaInfo`` if FFmpeg cannot read it."""
    import av

    try:
        with av.open(str(path)) as container:
            tags = {k.lower(): str(v) for k, v in (container.metadata or {}).items()}
            duration = container.duration / 1_000_000 if container.duration else None
            codecs, resolution = [], ""
            for stream in container.streams:
                if stream.type in ("video", "audio") and stream.codec_context is not None:
                    codecs.append(stream.codec_context.name)
                video = cast("av.VideoCodecContext", stream.codec_context)
                if stream.type == "video" and not resolution and video.width:
                    resolution = f"{video.width}x{video.height}"
                if duration is None and stream.duration and stream.time_base:
                    duration = float(stream.duration * stream.time_base)
            start = next((p for t in START_TAGS if t in tags and (p := _parse_time(tags[t]))), None)
            serial = next((tags[t] for t in SERIAL_TAGS if tags.get(t)), "")
            return MediaInfo(
                duration_seconds=round(duration, 3) if duration is not None else None,
                codecs=",".join(codecs)[:100],
                resolution=resolution,
                recorded_start=start,
                device_serial=serial[:80],
            )
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        logger.warning("PyAV could not read %s: %s", path, exc)
        return MediaInfo()


def poster_jpeg(path: Path, *, max_width: int = 640) -> bytes | None:
    """A JPEG of the first decodable video frame (the poster shown before playback); None if none."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            for frame in container.decode(stream):
                image = frame.to_image()
                if image.width > max_width:
                    image = image.resize((max_width, max(1, image.height * max_width // image.width)))
                out = io.BytesIO()
                image.convert("RGB").save(out, format="JPEG", quality=80)
                return out.getvalue()
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        logger.warning("PyAV could not decode a poster from %s: %s", path, exc)
    return None
