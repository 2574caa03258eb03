"""Movies: MP4 (H.264), WebM (VP9), GIF and APNG files from pictures, with PyAV.

PyAV's wheels carry FFmpeg, so no ffmpeg program is needed (``pip install 'lumos[movie]'``).

>>> with MovieWriter("orbit.mp4", fps=30) as movie:
...     for angle in range(360):
...         movie.write(render(angle))        # (h, w, 4) or (h, w, 3) uint8
...
>>> movie.path
PosixPath('orbit.mp4')

Figures and animations use it through ``anim.save("x.mp4")`` and
``with fig.record("x.mp4") as rec: ... rec.frame()`` (lumos.plot.animation).

- Codecs: H.264 (libx264; MPEG-4 part 2 when this FFmpeg lacks it) in .mp4, VP9 in
  .webm, both yuv420p (what every player decodes), tagged BT.709; a GIF gets a palette
  made for each frame (FFmpeg's palettegen/paletteuse, no dithering: plots have few
  colors); APNG is lossless RGBA.
- yuv420p needs even sizes: an odd width or height is padded by repeating the last
  column or row (the picture is unchanged; the movie is one pixel larger).
- Fast: converting and encoding run on a worker thread (FFmpeg releases the GIL), so
  the next picture renders while the previous one encodes; at most two pictures wait.
- Atomic: the movie is written to a temporary file beside ``path`` and renamed when
  complete; an error or Ctrl-C leaves no partial file (and an older movie as it was).
- Progress: a bar (tqdm when installed, a plain line otherwise) once a save has run
  for two seconds; ``progress=True`` shows it at once, ``False`` never, a callable
  ``progress(frames_written, total)`` is called after each picture instead.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from .atomic import atomic_write

__all__ = ["FORMATS", "MovieWriter", "movie_format"]

PROGRESS_DELAY_S = 2.0  # a save shorter than this shows no progress bar


@dataclass(frozen=True)
class _Format:
    container: str  # FFmpeg muxer
    codecs: tuple[str, ...]  # the first one this FFmpeg can encode is the default
    pix_fmt: str
    container_options: tuple[tuple[str, str], ...] = ()


FORMATS = {
    ".mp4": _Format("mp4", ("libx264", "mpeg4"), "yuv420p"),
    ".webm": _Format("webm", ("libvpx-vp9", "libvpx"), "yuv420p"),
    ".gif": _Format("gif", ("gif",), "pal8"),  # the gif muxer loops for ever by default
    ".apng": _Format("apng", ("apng",), "rgba", (("plays", "0"),)),  # 0: loop for ever
}

# Quality when no bitrate is asked for: visually lossless for plots (thin colored lines
# and small text suffer most from chroma subsampling), at encoder speeds that keep up
# with rendering (measured in benchmarks/movies.py).
_QUALITY = {
    "libx264": {"crf": "18", "preset": "veryfast"},
    "libvpx-vp9": {"crf": "30", "b": "0", "deadline": "realtime", "cpu-used": "8",
                   "row-mt": "1"},
    "libvpx": {"crf": "8", "b": "20M", "deadline": "realtime", "cpu-used": "8"},
    "mpeg4": {"flags": "+qscale", "global_quality": str(3 * 118)},  # -q:v 3
}
# Options that stay with a bitrate.
_SPEED = {
    "libx264": {"preset": "veryfast"},
    "libvpx-vp9": {"deadline": "realtime", "cpu-used": "8", "row-mt": "1"},
    "libvpx": {"deadline": "realtime", "cpu-used": "8"},
}


def _av():
    try:
        import av
    except ImportError:
        raise ImportError("writing movies needs PyAV (FFmpeg included): "
                          "pip install 'lumos[movie]' (or: pip install av)") from None
    return av


def movie_format(path) -> str:
    """The known suffix of ``path`` (".mp4", ".webm", ".gif", ".apng"); ValueError else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"filename: got {str(path)!r} with suffix {suffix!r}, expected "
                         f"one of {', '.join(FORMATS)}")
    return suffix


def _encodable(av, name: str) -> bool:
    try:
        av.codec.Codec(name, "w")
    except Exception:  # av raises UnknownCodecError (a ValueError) or FFmpegError
        return False
    return True


def _check_fps(fps) -> Fraction:
    if isinstance(fps, bool) or not isinstance(fps, numbers.Real) or not math.isfinite(fps) \
            or fps <= 0:
        raise ValueError(f"fps: got {fps!r}, expected a positive number of frames per second")
    return Fraction(fps).limit_denominator(1001)


class MovieWriter:
    """Encode pictures into ``path`` (.mp4, .webm, .gif or .apng) at ``fps``.

    ``bitrate`` in kbit/s (matplotlib's unit; default: a constant-quality mode);
    ``codec`` overrides the format's default (for example "mpeg4" in .mp4);
    ``progress``: None (a bar after two seconds), True, False or a callable
    ``progress(frames_written, total)``; ``total``, when known, sizes the bar.
    Pictures are (h, w, 3) or (h, w, 4) uint8, first row on top, all of one size.
    Use it as a context manager, or call ``close()`` (``abort()`` drops the file).
    """

    def __init__(self, path, fps: float = 30, bitrate: float | None = None,
                 codec: str | None = None, progress: bool | Callable | None = None,
                 total: int | None = None) -> None:
        self.path = Path(path)
        self._format = FORMATS[movie_format(self.path)]
        self._rate = _check_fps(fps)
        if bitrate is not None and (isinstance(bitrate, bool)
                                    or not isinstance(bitrate, numbers.Real)
                                    or not math.isfinite(bitrate) or bitrate <= 0):
            raise ValueError(f"bitrate: got {bitrate!r}, expected None or a positive number "
                             "of kbit/s")
        if bitrate is not None and self._format.pix_fmt in ("pal8", "rgba"):
            raise ValueError(f"bitrate: got {bitrate!r} for {self.path.suffix}, which has "
                             "none (GIF and APNG are palette or lossless); expected None")
        self.bitrate = None if bitrate is None else float(bitrate)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not folder.is_dir():
            raise FileNotFoundError(f"filename: the folder {str(folder)!r} does not exist")
        if not (progress is None or isinstance(progress, bool) or callable(progress)):
            raise TypeError(f"progress: got {type(progress).__name__}, expected None, True, "
                            "False or a callable(frames_written, total)")
        if total is not None and (isinstance(total, bool) or not isinstance(total, int)
                                  or total < 0):
            raise ValueError(f"total: got {total!r}, expected None or a count >= 0")
        av = self._av = _av()
        if codec is None:
            found = [c for c in self._format.codecs if _encodable(av, c)]
            if not found:
                raise RuntimeError(f"this FFmpeg (PyAV {av.__version__}) encodes none of "
                                   f"{', '.join(self._format.codecs)} for {self.path.suffix}")
            codec = found[0]
        elif not isinstance(codec, str):
            raise TypeError(f"codec: got {type(codec).__name__}, expected a codec name (str)")
        elif not _encodable(av, codec):
            raise ValueError(f"codec: got {codec!r}, which this FFmpeg cannot encode; "
                             f"{self.path.suffix} defaults to {self._format.codecs[0]!r}")
        self.codec = codec
        self.frames = 0  # pictures written
        self.size: tuple[int, int] | None = None  # (w, h) of the pictures
        self._total = total
        self._progress = progress
        self._bar = None
        self._started = time.perf_counter()
        self._last_line = 0.0
        self._files = contextlib.ExitStack()
        self._container = self._stream = self._graph = None
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._worker: threading.Thread | None = None
        self._error: BaseException | None = None
        self._closed = False
        self._pad_even = False

    # -- writing ---------------------------------------------------------------------
    def write(self, image) -> None:
        """Add one picture: (h, w, 3) or (h, w, 4) uint8, first row on top."""
        if self._closed:
            raise ValueError(f"write: {self.path} is already closed")
        self._raise_worker_error()
        arr = np.asarray(image)
        if arr.dtype != np.uint8:
            raise TypeError(f"image: got dtype {arr.dtype}, expected uint8")
        if arr.ndim != 3 or arr.shape[2] not in (3, 4):
            raise ValueError(f"image: got shape {arr.shape}, expected (h, w, 3) or (h, w, 4)")
        h, w = arr.shape[:2]
        if self.size is None:
            if w == 0 or h == 0:
                raise ValueError(f"image: got an empty picture of shape {arr.shape}")
            self._open(w, h)
        elif (w, h) != self.size:
            raise ValueError(f"image: got {w}x{h} pixels, expected {self.size[0]}x"
                             f"{self.size[1]} like the first picture")
        if self._pad_even and (w % 2 or h % 2):
            arr = np.pad(arr, ((0, h % 2), (0, w % 2), (0, 0)), mode="edge")
        # from_ndarray copies: the caller may reuse its array at once
        frame = self._av.VideoFrame.from_ndarray(np.ascontiguousarray(arr),
                                                 format="rgba" if arr.shape[2] == 4 else "rgb24")
        frame.pts = self.frames
        frame.time_base = 1 / self._rate
        self._put(frame)
        self.frames += 1
        self._report()

    def _put(self, frame) -> None:
        while True:  # wake up now and then: a worker that failed takes no more frames
            try:
                self._queue.put(frame, timeout=0.2)
                return
            except queue.Full:
                self._raise_worker_error()

    def _open(self, w: int, h: int) -> None:
        av, fmt = self._av, self._format
        self.size = (w, h)
        f = self._files.enter_context(atomic_write(self.path, "wb"))
        self._container = av.open(f, "w", format=fmt.container,
                                  options=dict(fmt.container_options))
        stream = self._container.add_stream(self.codec, rate=self._rate)
        codec = av.codec.Codec(self.codec, "w")
        formats = [p.name for p in (codec.video_formats or ())]
        pix_fmt = fmt.pix_fmt if not formats or fmt.pix_fmt in formats else formats[0]
        stream.pix_fmt = pix_fmt
        # chroma at half resolution in both directions needs even sizes
        self._pad_even = "420" in pix_fmt or pix_fmt in ("nv12", "nv21")
        stream.width, stream.height = (w + w % 2, h + h % 2) if self._pad_even else (w, h)
        stream.codec_context.time_base = 1 / self._rate
        if pix_fmt.startswith("yuv"):
            cc = stream.codec_context
            cc.colorspace = int(av.video.reformatter.Colorspace.ITU709)
            cc.color_primaries = int(av.video.reformatter.ColorPrimaries.BT709)
            cc.color_trc = int(av.video.reformatter.ColorTrc.BT709)
            cc.color_range = int(av.video.reformatter.ColorRange.MPEG)
        if self.bitrate is None:
            stream.options = dict(_QUALITY.get(self.codec, {}))
        else:
            stream.bit_rate = int(self.bitrate * 1000)
            stream.options = dict(_SPEED.get(self.codec, {}))
        self._stream = stream
        if pix_fmt == "pal8":
            self._graph = self._palette_graph(w, h)
        self._worker = threading.Thread(target=self._work, name=f"lumos movie {self.path.name}",
                                        daemon=True)
        self._worker.start()

    def _palette_graph(self, w: int, h: int):
        """split -> palettegen (one palette per frame) -> paletteuse: an adaptive palette,
        nearly exact for plots; no dithering noise on flat colors."""
        g = self._av.filter.Graph()
        src = g.add_buffer(width=w, height=h, format="rgba", time_base=1 / self._rate)
        split = g.add("split")
        gen = g.add("palettegen", "stats_mode=single:reserve_transparent=0")
        use = g.add("paletteuse", "new=1:dither=none")
        sink = g.add("buffersink")
        src.link_to(split)
        split.link_to(use, 0, 0)
        split.link_to(gen, 1, 0)
        gen.link_to(use, 0, 1)
        use.link_to(sink)
        g.configure()
        return g

    # -- the worker thread -------------------------------------------------------------
    def _work(self) -> None:
        av = self._av
        while True:
            frame = self._queue.get()
            if frame is None:
                break
            if self._error is not None:
                continue  # drain: the main thread raises the error
            try:
                if self._graph is not None:
                    self._graph.push(frame)
                    self._drain_graph()
                else:
                    if self._stream.pix_fmt.startswith("yuv"):
                        frame = frame.reformat(
                            format=self._stream.pix_fmt,
                            dst_colorspace=av.video.reformatter.Colorspace.ITU709,
                            dst_color_range=av.video.reformatter.ColorRange.MPEG)
                    self._mux(frame)
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                self._error = exc

    def _drain_graph(self) -> None:
        av = self._av
        while True:
            try:
                out = self._graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            self._mux(out)

    def _mux(self, frame) -> None:
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def _raise_worker_error(self) -> None:
        if self._error is not None:
            error = self._error
            self.abort()
            raise RuntimeError(f"encoding {self.path} failed: {error}") from error

    # -- progress ----------------------------------------------------------------------
    def _report(self) -> None:
        p = self._progress
        if p is False:
            return
        if callable(p):
            p(self.frames, self._total)
            return
        if p is None and time.perf_counter() - self._started < PROGRESS_DELAY_S:
            return
        if self._bar is None:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                self._bar = _PlainBar(self.path.name, self._total)
            else:
                self._bar = tqdm(total=self._total, unit="frame", desc=self.path.name,
                                 leave=False, file=sys.stderr)
            self._bar.update(self.frames - 1)
        self._bar.update(1)

    # -- finishing ---------------------------------------------------------------------
    def close(self) -> Path:
        """Flush the encoder, finish the file and rename it to ``path``; returns it."""
        if self._closed:
            return self.path
        if self.frames == 0:
            self.abort()
            raise ValueError(f"no pictures were written: {self.path} not saved")
        self._queue.put(None)
        self._worker.join()
        self._raise_worker_error()
        try:
            if self._graph is not None:
                self._graph.push(None)
                self._drain_graph()
            self._mux(None)  # flush the encoder
            self._container.close()
        except BaseException as exc:
            self.abort(exc)
            raise
        self._closed = True
        self._files.close()  # rename into place
        self._close_bar()
        return self.path

    def abort(self, exc: BaseException | None = None) -> None:
        """Stop and delete the temporary file; ``path`` stays as it was."""
        if self._closed:
            return
        self._closed = True
        if self._worker is not None and self._worker.is_alive():
            self._error = self._error or RuntimeError("aborted")
            with contextlib.suppress(queue.Empty):
                while True:
                    self._queue.get_nowait()
            self._queue.put(None)
            self._worker.join()
        if self._container is not None:
            with contextlib.suppress(Exception):
                self._container.close()
        exc = exc or _Aborted()
        self._files.__exit__(type(exc), exc, exc.__traceback__)
        self._close_bar()

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> MovieWriter:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if exc is None:
            self.close()
        else:
            self.abort(exc)


class _Aborted(Exception):
    """Stands for 'no error, just stop' where the temporary file is dropped."""


class _PlainBar:
    """One line on stderr, rewritten at most 5 times a second, when tqdm is missing."""

    def __init__(self, name: str, total: int | None) -> None:
        self.name, self.total, self.n, self._shown = name, total, 0, 0.0

    def update(self, k: int) -> None:
        self.n += k
        now = time.perf_counter()
        if now - self._shown >= 0.2:
            self._shown = now
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r{self.name}: {self.n}{of} frames")
            sys.stderr.flush()

    def close(self) -> None:
        of = f"/{self.total}" if self.total else ""
        sys.stderr.write(f"\r{self.name}: {self.n}{of} frames\n")
        sys.stderr.flush()
