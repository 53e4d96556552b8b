"""Small synthetic audio/video files generated with PyAV (demo data, tests, benchmarks)."""

from __future__ import annotations

import datetime
import io
import os
from fractions import Fraction
from typing import cast

MOVFLAGS = {"movflags": "use_metadata_tags"}


def make_video(
    *,
    seconds: float = 1.0,
    width: int = 64,
    height: int = 48,
    fps: int = 5,
    codec: str = "libx264",
    container_format: str = "mp4",
    serial: str = "",
    recorded_start: datetime.datetime | None = None,
    seed: int = 0,
    noise: bool = False,
) -> bytes:
    """An H.264/MP4 (or VP8/WebM) clip of moving colour bars; tags carry start time and serial."""
    import av

    out = io.BytesIO()
    options = MOVFLAGS if container_format == "mp4" else {}
    with av.open(out, mode="w", format=container_format, options=options) as container:
        if recorded_start is not None:
            container.metadata["creation_time"] = recorded_start.astimezone(datetime.UTC).strftime(
                "%Y-%m-%dT%H:%M:%S.000000Z"
            )
        if serial:
            container.metadata["serial_number"] = serial
        stream = cast("av.VideoStream", container.add_stream(codec, rate=fps))
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fps)
        if codec == "libx264":
            stream.options = {"preset": "ultrafast", "tune": "zerolatency"}
        frames = max(1, int(seconds * fps))
        for i in range(frames):
            frame = av.VideoFrame(width, height, "rgb24")
            plane = frame.planes[0]
            line = plane.line_size
            if noise:  # incompressible frames: a bigger file for upload tests and benchmarks
                plane.update(os.urandom(line * height))
                frame.pts = i
                for packet in stream.encode(frame):
                    container.mux(packet)
                continue
            buf = bytearray(line * height)
            for y in range(height):
                base = y * line
                for xx in range(width):
                    v = (xx * 4 + i * 16 + seed * 37) % 256
                    buf[base + 3 * xx] = v
                    buf[base + 3 * xx + 1] = (y * 5 + seed * 11) % 256
                    buf[base + 3 * xx + 2] = (i * 25) % 256
            plane.update(bytes(buf))
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()
