"""``FigureCanvasLumos``: a matplotlib canvas whose pictures lumos draws on the GPU.

``draw()`` runs matplotlib's draw into :class:`~.renderer.RendererLumos` and lays the
display list out in a lumos canvas (:mod:`.scene`); pixels are rendered from it when
someone asks (``print_png``, ``buffer_rgba``, a window's next frame). SVG and PDF go
through lumos's vector writers, HTML through its WebGL2 page, whose axes pan and zoom in
the browser (their data drawn with the axes' camera; ticks stay as they were drawn).

Blitting: ``copy_from_bbox`` reads pixels; ``restore_region`` puts them back (or, as
Agg's, a part of them moved: ``bbox`` and ``xy``) as an image over the last full draw;
artists drawn after it (``draw_artist``) add to the display list, and ``blit`` shows
the result.
"""

from __future__ import annotations

import io
import math
import threading
import time
from pathlib import Path

import numpy as np
from matplotlib import cbook
from matplotlib.backend_bases import FigureCanvasBase, ResizeEvent, TimerBase

from .items import ImageItem, checksum
from .renderer import RendererLumos
from .scene import SceneBuilder

_lock = threading.RLock()  # matplotlib's figures are not thread safe (Agg has one too)
# While the mouse drags an axes, matplotlib redraws the figure at most this often; the
# frames between move the axes' data with their cameras only.
NAVIGATION_DRAW_S = 0.25


class TimerLumos(TimerBase):
    """matplotlib timers, fired by the lumos event loop (``start_main_loop``, ``pause``,
    ``start_event_loop``) on the thread that runs it."""

    active: set = set()

    def __init__(self, *args, **kwargs) -> None:
        self._due = None
        super().__init__(*args, **kwargs)

    def _timer_start(self) -> None:
        self._due = time.monotonic() + max(self.interval, 0) / 1000.0
        TimerLumos.active.add(self)

    def _timer_stop(self) -> None:
        TimerLumos.active.discard(self)
        self._due = None

    def _timer_set_interval(self) -> None:
        if self in TimerLumos.active:
            self._timer_start()

    @classmethod
    def fire_due(cls) -> float | None:
        """Run the timers that are due; seconds until the next one (None: no timer)."""
        now = time.monotonic()
        for t in sorted(cls.active, key=lambda t: t._due):
            if t in cls.active and t._due is not None and t._due <= now:
                if t.single_shot:
                    t._timer_stop()
                else:
                    t._due = now + max(t.interval, 1) / 1000.0
                t._on_timer()
        dues = [t._due for t in cls.active if t._due is not None]
        return None if not dues else max(min(dues) - time.monotonic(), 0.0)


# What matplotlib's print_figure passes to every print method; it has applied them itself
# already (dpi, colors) or they concern other devices (orientation: PostScript;
# bbox_inches_restore: its mixed-mode renderer).
_FIGURE_KWARGS = ("dpi", "facecolor", "edgecolor", "orientation", "bbox_inches_restore")


def _print_method(meth):
    import functools

    @functools.wraps(meth)
    def call(self, filename_or_obj, *args, **kwargs):
        for k in _FIGURE_KWARGS:
            kwargs.pop(k, None)
        return meth(self, filename_or_obj, *args, **kwargs)

    return call


class _Region:
    """Pixels saved by ``copy_from_bbox``: (h, w, 4) uint8 and the box they came from,
    Agg's (x0, y0, x1, y1): columns, and rows counted from the top."""

    def __init__(self, rgba: np.ndarray, box: tuple[int, int, int, int]) -> None:
        self.rgba = rgba
        self.box = box

    def get_extents(self):
        return self.box


class FigureScene:
    """The figure as lumos's front-ends see what they show (the scene protocol,
    ``lumos.scene.protocol.Scene``): the window's size and pixel ratio become the
    figure's, a frame first runs matplotlib's pending draw, and a camera a browser moved
    (a notebook) becomes the axes' limits."""

    def __init__(self, figcanvas) -> None:
        self._fc = figcanvas

    @property
    def canvas(self):
        return self._fc.lumos_canvas

    def window_title(self) -> str:
        m = self._fc.manager
        return m.get_window_title() if m is not None else "matplotlib figure"

    def preferred_size(self) -> tuple[int, int]:
        return self._fc.get_width_height()  # logical pixels

    def resize(self, width: int, height: int, pixel_ratio: float) -> None:
        fc = self._fc
        if pixel_ratio != fc.device_pixel_ratio:  # a HiDPI screen: matplotlib draws at it
            fc._set_device_pixel_ratio(pixel_ratio)
            fc._pending = True
        w, h = max(int(width), 1), max(int(height), 1)
        if (w, h) != fc.get_width_height() and w > 1 and h > 1:
            dpi = fc.figure.dpi / fc.device_pixel_ratio
            fc.figure.set_size_inches(w / dpi, h / dpi, forward=False)
            ResizeEvent("resize_event", fc)._process()
            fc._pending = True

    def frame(self, max_texture_size: int | None = None, follow: bool = False, early=None):
        """The frame of the matplotlib figure's canvas, drawn again when it changed
        (``early``, the scene protocol's, is never called: matplotlib draws the axes
        and their decorations together)."""
        fc = self._fc
        if fc._pending:
            if fc.navigating and time.monotonic() - fc._drawn_at < NAVIGATION_DRAW_S:
                # mid-drag: the axes' cameras follow their new limits at once; matplotlib
                # draws (ticks, labels) again a moment later, and when the drag ends
                fc._builder.follow_axes()
                fc._request_later()
            else:
                fc.draw()
        return fc.lumos_canvas.frame(max_texture_size, follow=follow)

    def view_at(self, x: float, y: float):
        return self.canvas.view_at(x, y)  # axes' views are interactive in a notebook only

    def camera_changed(self, view, camera: dict) -> None:
        """A browser panned or zoomed an axes' view: move the axes' limits as the view
        moved (the view showed the axes' clip box)."""
        entry = self._fc._builder.axes_view(view)
        if entry is None or camera.get("type") != "panzoom":
            return
        ax, (ox, oy, ow, oh) = entry
        nx, ny, nw, nh = (float(v) for v in camera["rect"])
        lims = ax.transScale.transform(ax.viewLim.get_points())  # scaled coordinates
        with np.errstate(all="ignore"):
            lims[:, 0] = nx + (lims[:, 0] - ox) * (nw / ow)
            lims[:, 1] = ny + (lims[:, 1] - oy) * (nh / oh)
            data = ax.transScale.inverted().transform(lims)
        if np.isfinite(data).all() and (ax.get_xlim(), ax.get_ylim()) != (
                tuple(data[:, 0]), tuple(data[:, 1])):
            ax.set_xlim(data[0, 0], data[1, 0])
            ax.set_ylim(data[0, 1], data[1, 1])
            self._fc._pending = True

    def reset_view(self, view=None) -> None:
        toolbar = self._fc.toolbar
        if toolbar is not None:
            toolbar.home()  # matplotlib's home view

    def event_info(self, view, x: float, y: float) -> dict:
        return {}  # matplotlib's events carry inaxes and data coordinates themselves

    def press_regions(self) -> list[tuple[float, float, float, float]]:
        """The boxes of the figure's draggable legends (``leg.set_draggable(True)``),
        logical pixels from the top left: the notebook's page pans nothing there."""
        fc = self._fc
        fig, ratio = fc.figure, fc.device_pixel_ratio
        h = fc.get_width_height()[1]
        legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
        out = []
        for leg in legends:
            if leg is None or not leg.get_visible() or not leg.get_draggable():
                continue
            box = leg.get_window_extent()  # display pixels: physical
            out.append((box.x0 / ratio, h - box.y1 / ratio, box.width / ratio,
                        box.height / ratio))
        return out


class FigureCanvasLumos(FigureCanvasBase):
    """A matplotlib canvas drawn by lumos (``matplotlib.use("module://lumos.mpl_backend")``)."""

    filetypes = {**FigureCanvasBase.filetypes,
                 "html": "Standalone HTML page (WebGL2, lumos)",
                 "htm": "Standalone HTML page (WebGL2, lumos)"}


    def __init__(self, figure=None) -> None:
        super().__init__(figure)
        self._builder = SceneBuilder()
        self.scene = FigureScene(self)
        self._renderer: RendererLumos | None = None
        self._base_items: list = []
        self._pixels: np.ndarray | None = None
        self._pending = False  # a draw_idle waiting for the window's next frame
        self.host = None  # the lumos window or widget showing this canvas (attach)
        self._request = None
        self._request_now = False
        self.overlay: list = []  # items over the figure (the zoom rubberband)
        self._drawing = False
        self.navigating = False  # a drag of matplotlib's toolbar is under way (pan, zoom)
        self._drawn_at = 0.0
        self._later = None

    # -- the lumos side ---------------------------------------------------------------
    @property
    def lumos_canvas(self):
        """The :class:`lumos.scene.Canvas` this figure is drawn into."""
        return self._builder.canvas

    @property
    def scene_stats(self) -> dict:
        """Views, visuals and visuals rebuilt by the last draw (tests, benchmarks)."""
        return dict(self._builder.stats)

    def set_browser_navigation(self, on: bool) -> None:
        """A browser moves the axes (a notebook widget): their views become interactive
        and keep all their items; the kernel follows with the axes' limits."""
        if self._builder.browser_navigation != bool(on):
            self._builder.browser_navigation = bool(on)
            self._pending = True  # laid out again at the next frame

    def new_timer(self, *args, **kwargs) -> TimerLumos:
        return TimerLumos(*args, **kwargs)

    def get_renderer(self) -> RendererLumos:
        """The renderer of the current draw (artists drawn with it add to the picture)."""
        w, h = self.get_width_height(physical=True)
        r = self._renderer
        if r is None or (r.width, r.height, r.dpi) != (w, h, float(self.figure.dpi)):
            r = self._renderer = RendererLumos(w, h, self.figure.dpi)
        return r

    def draw(self) -> None:
        """Draw the figure into a new display list and lay it out for the GPU."""
        renderer = self.get_renderer()
        renderer.reset()
        self._drawing = True
        self._drawn_at = time.monotonic()
        try:
            with _lock:
                self.figure.draw(renderer)
                self._base_items = list(renderer.finish())
                self._present()
        finally:
            self._drawing = False

    def _present(self) -> None:
        r = self.get_renderer()
        items = r.finish() + self.overlay
        self._builder.build(items, (r.width, r.height), r.dpi, self.figure,
                            self.device_pixel_ratio)
        self._pixels = None
        self._pending = False
        if self._shown() and not self._request_now:
            self._request()  # a window: a frame soon (a notebook widget syncs by itself)

    def show_overlay(self) -> None:
        """Show ``overlay`` over the figure as last drawn (no matplotlib draw)."""
        self._present()

    def flush_events(self) -> None:
        """Handle pending window input and due timers (``start_event_loop`` loops on it)."""
        from .manager import run_until

        run_until(time.monotonic())

    def draw_idle(self, *args, **kwargs) -> None:
        """Draw soon: at a window's next frame when one shows the figure, else now."""
        if self._shown():
            self._pending = True  # drawn before the host's next frame
            if not (self._request_now and self._drawing):
                self._request()
            return
        super().draw_idle(*args, **kwargs)

    def _request_later(self) -> None:
        """A frame again after NAVIGATION_DRAW_S, for matplotlib's draw (a timer of the
        host's loop)."""
        if self._later is None:
            self._later = self.new_timer(interval=int(NAVIGATION_DRAW_S * 1000))
            self._later.single_shot = True
            self._later.add_callback(lambda: self._request() if self._shown() else None)
        self._later.start()

    def attach(self, host, request, now: bool = False) -> None:
        """Shown by ``host`` (a window or widget drawing ``lumos_canvas``): ``request()``
        asks it for a frame, at its next turn or (``now``, a notebook widget) at once."""
        self.host, self._request, self._request_now = host, request, now
        # every axes' content in its own view, so that mid-drag frames move all of it
        self._builder.merge_unclipped = False

    def detach(self) -> None:
        """Forget the window or widget showing this canvas (it closed)."""
        self.host, self._request, self._request_now = None, None, False
        self._builder.merge_unclipped = True

    def _shown(self) -> bool:
        return self._request is not None and not getattr(self.host, "closed", False)

    def render_pixels(self) -> np.ndarray:
        """The picture of the current display list: (h, w, 4) uint8, top row first."""
        if self._pixels is None:
            with _lock:
                px = self._builder.canvas.render()
            # where nothing drew, Agg's buffer is transparent white: readers that drop
            # the alpha (JPEG, "RGB" conversions) see white, not black
            if self.lumos_canvas.bgcolor[3] < 1:
                px[..., :3][px[..., 3] == 0] = 255
            self._pixels = px
        return self._pixels

    def buffer_rgba(self) -> memoryview:
        """The figure drawn by lumos, as a memoryview of (h, w, 4) uint8 (as Agg's)."""
        return memoryview(self.render_pixels())

    # -- blitting --------------------------------------------------------------------
    def copy_from_bbox(self, bbox) -> _Region:
        """The pixels inside ``bbox``, for ``restore_region`` (blitting): Agg's whole
        pixels (truncated), its box in Agg's rows from the top (``get_extents()``)."""
        px = self.render_pixels()
        h, w = px.shape[:2]
        x0, y0, x1, y1 = bbox.extents if hasattr(bbox, "extents") else bbox
        c0, r0 = min(max(int(x0), 0), w), min(max(h - int(y1), 0), h)
        c1, r1 = min(max(int(x1), c0), w), min(max(h - int(y0), r0), h)
        return _Region(px[r0:r1, c0:c1].copy(), (c0, r0, c1, r1))

    def restore_region(self, region: _Region, bbox=None, xy=None) -> None:
        """Put saved pixels back over the last full draw, as Agg's restore_region: all
        of them where they came from, or the part ``bbox`` of them (in the region's
        coordinates, ``get_extents()``'s) with the region's corner put at ``xy`` (None:
        at ``bbox``'s corner)."""
        rgba, (rx0, ry0) = region.rgba, region.box[:2]
        dest = (rx0, ry0)
        if bbox is not None or xy is not None:
            bx0, by0, bx1, by1 = (int(v) for v in (
                region.box if bbox is None else
                bbox.extents if hasattr(bbox, "extents") else bbox))
            ox, oy = (bx0, by0) if xy is None else (int(xy[0]), int(xy[1]))
            c0, r0 = max(bx0 - rx0, 0), max(by0 - ry0, 0)
            rgba = rgba[r0:max(by1 - ry0, r0), c0:max(bx1 - rx0, c0)]
            dest = (c0 + ox, r0 + oy)  # Agg copies the part to its place plus (ox, oy)
        height = self.get_renderer().height
        x0, top = dest
        x1, y1 = x0 + rgba.shape[1], height - top
        y0 = y1 - rgba.shape[0]
        r = self.get_renderer()
        r.reset()
        r.items.extend(self._base_items)
        corners = np.array([[x0, y1], [x1, y1], [x0, y0]], float)
        r.items.append(ImageItem("image", None, (x0, y0, x1, y1), None,
                                 ("region", checksum(rgba), (x0, y0)), style=("region",),
                                 rgba=np.ascontiguousarray(rgba), corners=corners))

    def blit(self, bbox=None) -> None:
        self._present()

    # -- files -----------------------------------------------------------------------
    def _print_pil(self, filename_or_obj, fmt: str, pil_kwargs, metadata=None) -> None:
        import matplotlib.image as mimage

        self.draw()
        mimage.imsave(filename_or_obj, self.render_pixels(), format=fmt, origin="upper",
                      dpi=self.figure.dpi, metadata=metadata, pil_kwargs=pil_kwargs)

    @_print_method
    def print_png(self, filename_or_obj, *, metadata=None, pil_kwargs=None) -> None:
        """PNG of figsize x dpi pixels, drawn by lumos."""
        self._print_pil(filename_or_obj, "png", pil_kwargs, metadata)

    @_print_method
    def print_raw(self, filename_or_obj, *, metadata=None) -> None:
        """Raw RGBA bytes of figsize x dpi pixels, drawn by lumos."""
        if metadata is not None:
            raise ValueError("metadata not supported for raw/rgba")
        self.draw()
        with cbook.open_file_cm(filename_or_obj, "wb") as fh:
            fh.write(self.render_pixels().tobytes())

    print_rgba = print_raw

    @_print_method
    def print_jpg(self, filename_or_obj, *, metadata=None, pil_kwargs=None) -> None:
        """JPEG drawn by lumos (on white: JPEG has no alpha, as Agg does)."""
        import matplotlib as mpl

        # JPEG has no alpha: blend on white, as Agg does
        with mpl.rc_context({"savefig.transparent": False}):
            self._print_pil(filename_or_obj, "jpeg", pil_kwargs, metadata)

    print_jpeg = print_jpg

    @_print_method
    def print_tif(self, filename_or_obj, *, metadata=None, pil_kwargs=None) -> None:
        """TIFF of figsize x dpi pixels, drawn by lumos."""
        self._print_pil(filename_or_obj, "tiff", pil_kwargs, metadata)

    print_tiff = print_tif

    @_print_method
    def print_webp(self, filename_or_obj, *, metadata=None, pil_kwargs=None) -> None:
        """WebP of figsize x dpi pixels, drawn by lumos."""
        self._print_pil(filename_or_obj, "webp", pil_kwargs, metadata)

    def _vector_canvas(self, dpi: float):
        """The figure drawn at 72 dpi (display pixels are points, as matplotlib's vector
        backends have them) into a scene of its own: (canvas, width, height, pixel ratio
        of the rasterized parts)."""
        image_dpi = float(dpi)
        saved = self.figure.dpi
        self.figure.dpi = 72
        try:
            w, h = self.figure.get_size_inches() * 72
            renderer = RendererLumos(math.ceil(w - 1e-6), math.ceil(h - 1e-6), 72.0)
            renderer.height = float(h)  # y flips about the true page height
            with _lock:
                self.figure.draw(renderer)
                builder = SceneBuilder()
                canvas = builder.build(renderer.finish(), (w, h), 72.0, self.figure)
        finally:
            self.figure.dpi = saved
        return canvas, float(w), float(h), image_dpi / 72.0

    @_print_method
    def print_svg(self, filename_or_obj, *, metadata=None) -> None:
        """SVG through lumos's vector writer (text as text, ``svg.fonttype``)."""
        import matplotlib as mpl

        from ..io.svg import FONTTYPE, svg_document

        canvas, w, h, ratio = self._vector_canvas(self.figure.dpi)
        fonttype = mpl.rcParams["svg.fonttype"]
        prims = canvas.primitives(ratio)  # the figure's background and the axes' clears
        text = svg_document(prims, (w, h), 1.0, ratio,
                            fonttype if fonttype in ("none", "path") else FONTTYPE,
                            metadata)
        _write(filename_or_obj, text.encode("utf-8"))

    @_print_method
    def print_svgz(self, filename_or_obj, *, metadata=None) -> None:
        """Gzipped SVG through lumos's vector writer."""
        import gzip

        buf = io.BytesIO()
        self.print_svg(buf, metadata=metadata)
        _write(filename_or_obj, gzip.compress(buf.getvalue()))

    @_print_method
    def print_pdf(self, filename_or_obj, *, metadata=None) -> None:
        """PDF through lumos's vector writer."""
        from ..io.pdf import pdf_document

        canvas, w, h, ratio = self._vector_canvas(self.figure.dpi)
        prims = canvas.primitives(ratio)
        _write(filename_or_obj, pdf_document(prims, (w, h), 1.0, metadata))

    @_print_method
    def print_html(self, filename_or_obj, *, metadata=None) -> None:
        """A standalone WebGL2 page: the figure as drawn, each axes' data content
        panning and zooming in the browser (the ticks and labels stay as drawn)."""
        from ..io.html import frame_to_html

        self._builder.merge_unclipped = False  # every axes' content in its own view
        try:
            self.draw()
            with _lock:
                views = self._builder.interactive_axes(True)
                try:
                    frame = self._builder.canvas.frame()
                finally:
                    for v in views:
                        v.interactive = False
        finally:
            self._builder.merge_unclipped = True
        title = (metadata or {}).get("Title") or (
            self.manager.get_window_title() if self.manager else "matplotlib figure")
        _write(filename_or_obj, frame_to_html(frame, title=str(title)).encode("utf-8"))

    print_htm = print_html

    def get_default_filetype(self) -> str:
        return "png"


def _write(target, data: bytes) -> None:
    """Bytes to a path (whole or not at all) or to a file object."""
    if isinstance(target, (str, Path)) or hasattr(target, "__fspath__"):
        from ..io.atomic import write_bytes

        write_bytes(Path(target), data)
        return
    try:
        target.write(data)
    except TypeError:  # a text stream
        target.write(data.decode("utf-8"))

