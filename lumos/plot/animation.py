"""Live figures: a timer-driven animation (matplotlib's FuncAnimation) and the artists
that streams and waterfalls return.

Animation
---------
``anim = fig.animate(update, interval_ms=16)`` calls ``update(frame)`` every
``interval_ms`` and redraws the figure; ``frames`` is a count, an iterable or None
(0, 1, 2, ... for ever), as in matplotlib. There is no blitting: lumos uploads only
what changed and redraws on the GPU.

- Headless (tests, benchmarks, movies): ``anim.run(frames=100)`` runs 100 frames
  offscreen as fast as it can, each ``update`` then a render, and returns the frame
  times in seconds; ``on_frame(image)`` receives each picture.
- Shown (a window, a Qt widget): the animation starts when the figure is first drawn,
  as matplotlib's does: a timer (``fig.canvas.new_timer``, run by the window's or
  Qt's loop, or ``plt.pause``) calls ``anim.step()`` every ``anim.interval_ms`` and
  asks for a redraw; ``anim.stop()`` ends it (``anim.running``).
- Movies: ``anim.save("x.mp4", fps=30, dpi=150)`` (.mp4, .webm, .gif, .apng; see
  :mod:`lumos.io.movie`) runs the frames once from the start, ``init`` first, as
  matplotlib does. For a loop of your own: ``with fig.record("x.mp4", fps=30) as rec:``
  then ``rec.frame()`` after each change.

Streams
-------
``s = ax.stream(channels=32, capacity=100_000, dt=1e-4, stacked=True)`` returns a
:class:`StreamPlot`; ``s.push(block)`` with ``block`` of shape (k, channels) appends
k samples per channel; the x axis scrolls to the newest ``capacity`` samples (while
its limits are automatic). ``ax.waterfall(n_freq, capacity)`` returns a
:class:`WaterfallPlot` whose ``push(rows)`` appends spectra.

Data beyond memory: ``s.push(h5["adc"])`` (an h5py dataset, zarr array, Dask array
or numpy memmap) reads only the newest rows the stream keeps; ``s.follow(source)``
reads those at once, then each ``s.poll()`` the rows appended since (every
``interval_ms`` on a figure timer with ``s.follow(source, interval_ms=100)``; see
:mod:`lumos.lazy.feed`).

Threads: ``StreamPlot.push`` and ``WaterfallPlot.push`` may be called from a producer
thread while the main thread draws; they never wait for a frame (a lock is held only
to copy the block). Everything else — creating artists, setting limits or styles,
``fig.render``/``savefig``, ``Animation.step``/``run`` — belongs to one thread.
"""

from __future__ import annotations

import itertools
import math
import numbers
import time
from collections.abc import Callable, Iterable, Sized
from pathlib import Path

import numpy as np

from .. import colors
from ..visuals import Stream, Waterfall
from . import bigdata
from .artists import Artist, ScalarMappable
from .style import rcParams


class Animation:
    """Call ``update(frame, *fargs)`` every ``interval_ms`` and redraw ``figure``.

    ``frames``: None (count for ever), an int n (``range(n)``), an iterable, or a
    callable returning one. ``init`` is called once before the first frame.
    ``repeat`` starts ``frames`` again when it runs out.
    """

    def __init__(self, figure, update: Callable, interval_ms: float = 16.0,
                 frames=None, init: Callable | None = None, fargs: tuple = (),
                 repeat: bool = True, repeat_delay_ms: float = 0.0) -> None:
        if not callable(update):
            raise TypeError(f"update: got {type(update).__name__}, expected a callable")
        if init is not None and not callable(init):
            raise TypeError(f"init: got {type(init).__name__}, expected a callable or None")
        interval_ms = float(interval_ms)
        if not np.isfinite(interval_ms) or interval_ms < 0:
            raise ValueError(f"interval_ms: got {interval_ms!r}, expected a number >= 0")
        self.figure = figure
        self.update = update
        self.interval_ms = interval_ms
        self.fargs = tuple(fargs)
        self.repeat = bool(repeat)
        self._frames_spec = frames
        self._frames = self._iterate(frames)
        self._init = init
        self._init_func = init  # saving a movie starts over with it
        self.frame = 0  # frames run so far
        self.running = True
        self.repeat_delay_ms = float(repeat_delay_ms)
        if not np.isfinite(self.repeat_delay_ms) or self.repeat_delay_ms < 0:
            raise ValueError(f"repeat_delay: got {repeat_delay_ms!r}, expected ms >= 0")
        self._resume_at = 0.0  # after a pass, the next starts no sooner (repeat_delay)
        self.save_count: int | None = None  # frames an endless animation saves
        #: FuncAnimation's blit: each frame draws the artists ``update`` returns with
        #: ``draw_artist`` over the picture from before the first (so animated ones show)
        self.blit = False
        self._background = None
        # shown, the figure's first draw starts a timer that steps and redraws
        canvas = figure.canvas
        self._timer = canvas.new_timer(interval=interval_ms)
        self._timer.add_callback(self._tick)
        self._start_id = canvas.mpl_connect("draw_event", self._start)
        # as matplotlib's: closing the figure ends the animation (its timer would go
        # on stepping a figure nobody sees, in any later event loop)
        canvas.mpl_connect("close_event", lambda event: self.stop())

    def _start(self, event=None) -> None:
        """The figure was drawn: tick from now on (not while a movie is written)."""
        canvas = self.figure.canvas
        if canvas.is_saving():
            return
        canvas.mpl_disconnect(self._start_id)
        if self.running:
            self._timer.start()

    def _tick(self) -> bool:
        """A timer tick: one step and a redraw; False ends the timer."""
        if time.monotonic() < self._resume_at:
            return True
        going = self.step()
        if self.blit:
            self.figure.canvas.blit()
        else:
            self.figure.canvas.draw_idle()
        return going

    @staticmethod
    def _iterate(frames):
        if frames is None:
            return itertools.count()
        if isinstance(frames, (int, np.integer)) and not isinstance(frames, bool):
            return iter(range(int(frames)))
        if callable(frames):
            return iter(frames())
        if isinstance(frames, Iterable):
            return iter(frames)
        raise TypeError(f"frames: got {type(frames).__name__}, expected None, an int, an "
                        "iterable or a callable")

    def step(self) -> bool:
        """Run one update (no drawing: the caller redraws). False when the frames ran
        out (and do not repeat) or after ``stop()``."""
        if not self.running:
            return False
        if self._init is not None:
            init, self._init = self._init, None
            init()
        try:
            item = next(self._frames)
        except StopIteration:
            if not self.repeat:
                self.running = False
                return False
            self._frames = self._iterate(self._frames_spec)
            self._resume_at = time.monotonic() + self.repeat_delay_ms / 1000
            try:
                item = next(self._frames)
            except StopIteration:
                self.running = False
                return False
        drawn = self.update(item, *self.fargs)
        if self.blit:
            self._blit_draw(drawn)
        self.frame += 1
        return True

    def _blit_draw(self, drawn) -> None:
        """matplotlib's ``_blit_draw``: back to the picture from before the first frame,
        then the artists ``update`` returned drawn over it."""
        canvas = self.figure.canvas
        if self._background is None:
            self._background = canvas.copy_from_bbox(None)
        canvas.restore_region(self._background)
        for a in drawn if isinstance(drawn, Iterable) else ():
            axes = getattr(a, "axes", None)
            (self.figure if axes is None else axes).draw_artist(a)

    def run(self, frames: int | None = None, on_frame: Callable | None = None) -> list[float]:
        """Headless: ``frames`` updates (default: one pass over the frames, without
        repeating), each followed by an offscreen render; returns each frame's time
        in seconds (update + render). ``on_frame(image)`` gets each (h, w, 4) picture."""
        if frames is None and isinstance(self._frames, itertools.count):
            raise ValueError("frames: got None for an endless animation, expected a count")
        repeat = self.repeat
        if frames is None:
            self.repeat = False
        times = []
        try:
            for _ in itertools.count() if frames is None else range(int(frames)):
                start = time.perf_counter()
                if not self.step():
                    break
                image = self.figure.render()
                times.append(time.perf_counter() - start)
                if on_frame is not None:
                    on_frame(image)
        finally:
            self.repeat = repeat
        return times

    def stop(self) -> None:
        """End the animation (its timer stops)."""
        self.running = False
        self._timer.stop()

    def save(self, filename, fps: float | None = None, dpi: float | None = None,
             bitrate: float | None = None, codec: str | None = None,
             progress: bool | Callable | None = None) -> Path:
        """Write the frames as a movie: .mp4 (H.264), .webm (VP9), .gif or .apng.

        Runs ``init`` and then every frame once from the start (not repeating), each
        rendered offscreen at ``dpi`` (default: the figure's). ``fps`` defaults to
        1000 / ``interval_ms`` as in matplotlib; ``bitrate`` is in kbit/s (default: a
        constant, near-lossless quality); ``codec`` overrides the format's default;
        ``progress``: None (a bar after two seconds), True, False or a callable
        ``progress(frames_written, total)``. The file appears only when complete.
        """
        frames = self._frames_spec
        if frames is None and self.save_count is not None:
            frames = self.save_count
        if frames is None:
            raise ValueError("frames: got None (an endless animation), expected a count or "
                             "a sequence (or save_count) to save a movie")
        if fps is None:
            fps = 1000.0 / self.interval_ms if self.interval_ms > 0 else 30.0
        total = int(frames) if isinstance(frames, numbers.Integral) else \
            len(frames) if isinstance(frames, Sized) else None
        with Recorder(self.figure, filename, fps=fps, dpi=dpi, bitrate=bitrate, codec=codec,
                      progress=progress, total=total) as rec, self.figure.canvas.saving():
            if self._init_func is not None:
                self._init_func()
            for item in self._iterate(frames):
                self.update(item, *self.fargs)
                rec.frame()
        return rec.path


class Recorder:
    """A movie of a figure, one picture per ``frame()`` call: what ``fig.record``
    returns.

    >>> with fig.record("decay.mp4", fps=30) as rec:
    ...     for t in range(100):
    ...         line.set_ydata(np.exp(-t / 30) * y)
    ...         rec.frame()

    Arguments as :meth:`Animation.save`; ``total`` (frames you mean to record) only
    sizes the progress bar. Leaving the ``with`` block by an exception (Ctrl-C
    included) writes no file.
    """

    def __init__(self, figure, filename, fps: float = 30, dpi: float | None = None,
                 bitrate: float | None = None, codec: str | None = None,
                 progress: bool | Callable | None = None, total: int | None = None) -> None:
        from ..io.movie import MovieWriter

        if dpi is not None and (isinstance(dpi, bool) or not isinstance(dpi, numbers.Real)
                                or not math.isfinite(dpi) or dpi <= 0):
            raise ValueError(f"dpi: got {dpi!r}, expected None or a positive number")
        self.figure = figure
        self.dpi = None if dpi is None else float(dpi)
        self.writer = MovieWriter(filename, fps=fps, bitrate=bitrate, codec=codec,
                                  progress=progress, total=total)

    @property
    def path(self) -> Path:
        """The movie file being written."""
        return self.writer.path

    @property
    def frames(self) -> int:
        """Pictures recorded so far."""
        return self.writer.frames

    def frame(self) -> None:
        """Render the figure as it is now and add it to the movie (the previous
        picture encodes on a worker thread meanwhile)."""
        self.writer.write(self.figure.render(dpi=self.dpi))

    def close(self) -> Path:
        """Finish the movie and move it into place; returns its path."""
        return self.writer.close()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        self.writer.__exit__(kind, exc, tb)


class FuncAnimation(Animation):
    """matplotlib's spelling: ``FuncAnimation(fig, func, frames, init_func=...,
    fargs=..., interval=ms, repeat=..., repeat_delay=ms)``. ``blit``: the artists ``func``
    returns are drawn each frame with ``draw_artist`` (``animated`` ones too, which
    full draws leave out); lumos redraws on the GPU, uploading only what changed;
    ``save_count`` is how many frames an endless animation saves; ``cache_frame_data``
    concerns matplotlib's frame cache (lumos keeps none)."""

    def __init__(self, fig, func: Callable, frames=None, init_func: Callable | None = None,
                 fargs=None, save_count: int | None = None, *, cache_frame_data: bool = True,
                 interval: float = 200, repeat: bool = True, repeat_delay: float = 0,
                 blit: bool = False) -> None:
        super().__init__(fig, func, interval_ms=interval, frames=frames, init=init_func,
                         fargs=() if fargs is None else fargs, repeat=repeat,
                         repeat_delay_ms=repeat_delay)
        self.save_count = None if save_count is None else int(save_count)
        self.blit = bool(blit)


class StreamPlot(Artist):
    """What ``ax.stream`` returns: ``push(block)`` appends (k, channels) samples.

    ``visual`` is the :class:`lumos.visuals.Stream` drawing it (one draw for every
    channel). Linear axes only.
    """

    live_limits = True  # the axis scrolls with the samples

    zorder = 2.0

    def __init__(self, axes, channels: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
                 stacked: bool = False, spacing: float | None = None, color=None,
                 linewidth: float | None = None, label=None, zorder=None) -> None:
        super().__init__(axes, label, zorder)
        lw = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        t0 = float(axes.xaxis.convert(np.asarray([t0]))[0])
        self.visual = Stream(channels, capacity, dt=dt, t0=t0, stacked=stacked,
                             spacing=spacing, color=color,
                             width=axes.figure.points_to_pixels(lw))
        self.visual.order = self.zorder
        self.feed = None  # the lumos.lazy.feed.Feed of the source followed (follow, poll)
        self.timer = None  # the figure timer that polls it (follow's interval_ms)

    @property
    def channels(self) -> int:
        """The number of channels."""
        return self.visual.channels

    @property
    def capacity(self) -> int:
        """Samples per channel kept (the newest)."""
        return self.visual.capacity

    @property
    def count(self) -> int:
        """Samples per channel pushed so far."""
        return self.visual.count

    def push(self, block) -> None:
        """Append ``block`` (k, channels); thread-safe, never waits for a frame. A
        lazy block (h5py, zarr, Dask, memmap) is read in pieces, and only its newest
        rows the stream keeps (the older ones advance the time axis unread)."""
        if bigdata.is_lazy_source(block):
            from ..lazy.feed import Feed

            try:
                self._feed_from(Feed(block, self.visual.kept, self.channels, "block"))
            finally:
                self._changed()
            return
        self.visual.push(block)
        self._changed()  # limits follow (a flag: safe from any thread)

    def follow(self, source, interval_ms: float | None = None) -> None:
        """Draw the rows of ``source`` (h5py, zarr, Dask, memmap; (rows, channels)):
        its newest rows now, and what is appended to it at each :meth:`poll`;
        ``interval_ms``: poll on a figure timer that often (``self.timer``, run by a
        window's loop or ``plt.pause``; a failed poll is logged, the next one tries
        again)."""
        from ..lazy.feed import Feed

        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.feed = Feed(source, self.visual.kept, self.channels)
        self.poll()
        if interval_ms is not None:
            self.timer = self.axes.figure.canvas.new_timer(interval_ms)
            self.timer.add_callback(self._tick)
            self.timer.start()

    def _tick(self) -> None:
        if self.poll():
            self.axes.figure.canvas.draw_idle()

    def poll(self) -> int:
        """Read what was appended to the followed source since the last poll (at most
        the rows the stream keeps) and return how many rows that was. A source that
        vanished or shrank raises :class:`lumos.lazy.SourceError`; the stream keeps
        what it has, and the next poll starts where this one stopped."""
        feed = self.feed
        if feed is None:
            raise ValueError("poll: this stream follows no source; call follow(source)")
        before = feed.position
        try:
            self._feed_from(feed)
        finally:
            self._changed()  # what did arrive is drawn
        return feed.position - before

    def _feed_from(self, feed) -> None:
        skipped, blocks = feed.take()
        self.visual.skip(skipped)
        for rows in blocks:
            self.visual.push(rows)

    def set_color(self, color) -> None:
        """One color for every channel, or one per channel."""
        self.visual.color = color

    def get_color(self):
        """The channels' color(s)."""
        return self.visual.color

    def set_linewidth(self, lw: float) -> None:
        """The line width in points."""
        self.visual.width = self.axes.figure.points_to_pixels(float(lw))

    def set_spacing(self, spacing: float | None) -> None:
        """The offset between stacked channels (None: not stacked)."""
        self.visual.spacing = spacing
        self._changed()

    def line_rgba(self):
        """The first channel's color (legends)."""
        c = self.visual.color
        return colors.to_rgba("C0") if c is None else tuple(colors.to_rgba_array(c)[0])

    def set_visible(self, visible: bool) -> None:
        self.visual.visible = bool(visible)
        super().set_visible(visible)

    def data_limits(self):
        b = self.visual.bounds()
        if b is None:
            return None
        (x0, y0, _), (x1, y1, _) = b
        return (x0, x1), (y0, y1)

    @property
    def sticky(self):
        """Margins stop at the time window (the axes show exactly the samples)."""
        x0, x1 = self.visual.times()
        return [x0, x1], []

    def visuals(self) -> list:
        return [self.visual]


class WaterfallPlot(Artist, ScalarMappable):
    """What ``ax.waterfall`` returns: ``push(rows)`` appends (k, n_freq) spectra.

    Frequency runs along x, time along y (newest on top); ``set_clim`` and
    ``set_cmap`` work as for images (linear norm), and colorbars can use it.
    """

    live_limits = True  # the axis scrolls with the samples

    zorder = 0.0

    def __init__(self, axes, n_freq: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
                 freqs=None, cmap=None, vmin=None, vmax=None, label=None,
                 zorder=None) -> None:
        super().__init__(axes, label, zorder)
        self._init_mappable(cmap, None, vmin, vmax)
        self.visual = Waterfall(n_freq, capacity, dt=dt, t0=t0, freqs=freqs, cmap=self.cmap,
                                clim=None if vmin is None or vmax is None else (vmin, vmax))
        self.visual.order = self.zorder

    @property
    def count(self) -> int:
        """Rows pushed so far."""
        return self.visual.count

    def push(self, rows) -> None:
        """Append ``rows`` (k, n_freq); thread-safe, never waits for a frame."""
        self.visual.push(rows)
        self._changed()

    def get_clim(self) -> tuple[float, float]:
        """The values mapped to the ends of the colormap."""
        return self.visual.clim

    def _mapping_changed(self) -> None:
        self.visual.cmap = self.cmap
        vmin, vmax = self.norm.vmin, self.norm.vmax
        self.visual.clim = None if vmin is None or vmax is None else (vmin, vmax)
        self._changed()

    def set_visible(self, visible: bool) -> None:
        self.visual.visible = bool(visible)
        super().set_visible(visible)

    def data_limits(self):
        (x0, y0, _), (x1, y1, _) = self.visual.bounds()
        return (x0, x1), (y0, y1)

    @property
    def sticky(self):
        """Margins stop at the image's edges (the axes show exactly the rows)."""
        (x0, y0, _), (x1, y1, _) = self.visual.bounds()
        return [x0, x1], [y0, y1]

    def visuals(self) -> list:
        return [self.visual]
