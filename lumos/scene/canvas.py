"""The canvas: views laid out in a grid, each with a camera and a tree of visuals."""

from __future__ import annotations

import math
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np

from .. import colors
from .. import primitives as prim
from ..gpu.early import EarlyRetry, EarlyViews
from ..gpu.frame import Frame
from ..gpu.frame import View as FrameView
from ..primitives import CLOSEPOLY, LINETO, MOVETO
from ..visuals.base import (
    PORTABLE_TEXTURE_SIZE,
    TRANSLUCENT_ORDER,
    DrawContext,
    PrimitiveContext,
    Visual,
    check_number,
)
from .cameras import Camera, make_camera


class View:
    """A cell of the canvas grid with its own camera, visuals and background.

    >>> v = canvas.add_view(row=0, col=0, camera="panzoom")
    >>> v.add(visuals.Line(pos=xy)); v.camera.set_range()
    """

    def __init__(self, canvas: Canvas, row: int, col: int, row_span: int, col_span: int,
                 camera, bgcolor, rect=None) -> None:
        self.canvas = canvas
        self.fixed_rect = rect  # logical px (x, y, w, h) from the top left; None: grid
        self.row, self.col, self.row_span, self.col_span = row, col, row_span, col_span
        self.visuals: list[Visual] = []
        self.bgcolor = bgcolor
        self._camera: Camera | None = None
        self.camera = camera
        self.rect: tuple[float, float, float, float] | None = None  # logical px, set by layout
        self.interactive = True  # False: the mouse never reaches this view (nor moves it)
        # True: the view draws over the whole canvas, its camera's rectangle the canvas's
        # pixels; a canvas grown or cropped (a tight save) extends both alike
        self.whole_canvas = False
        # False: events still name this view, but the mouse never pans, zooms or rotates it
        self.navigate = True
        # True: a pan or zoom over this view also moves the navigable views below it
        self.forward_navigation = False
        self.controller: str | None = None  # e.g. "fly"; None: the camera's own kind
        # what the controller needs beyond the camera (polar: where the r labels are);
        # JSON values, merged into the frame's camera dictionary
        self.controller_params: dict = {}

    @property
    def camera(self) -> Camera:
        """The view's camera; set a name ('panzoom', 'turntable', 'arcball') or a Camera."""
        return self._camera

    @camera.setter
    def camera(self, value) -> None:
        cam = make_camera(value)
        cam.view = self
        self._camera = cam

    @property
    def bgcolor(self):
        """The view's own background color (RGBA floats), or None to show the canvas's."""
        return self._bgcolor

    @bgcolor.setter
    def bgcolor(self, value) -> None:
        self._bgcolor = None if value is None else colors.to_rgba(value, argname="bgcolor")

    @property
    def navigable(self) -> bool:
        """Whether the mouse may move this view's camera (``interactive`` and
        ``navigate``)."""
        return self.interactive and self.navigate

    def camera_dict(self) -> dict:
        """The camera as frames describe it and controllers move it: the camera's
        dictionary for this view's size, with the view's interactivity, controller and
        controller parameters."""
        w, h = self.size
        camera = self.camera.to_dict((w, h))
        if not self.navigable:
            camera["interactive"] = False
        if self.forward_navigation:
            camera["forward"] = True
        if self.controller is not None:
            camera["controller"] = self.controller
        camera.update(self.controller_params)
        return camera

    def add(self, visual: Visual) -> Visual:
        """Add a visual (returned, for chaining)."""
        if not isinstance(visual, Visual):
            raise TypeError(f"visual: got {type(visual).__name__}, expected a lumos visual")
        self.visuals.append(visual)
        return visual

    def remove(self, visual: Visual) -> None:
        """Take ``visual`` out of this view."""
        self.visuals.remove(visual)

    def reorder(self, rank: dict[int, int]) -> None:
        """The visuals ranked (``rank``: ``id(visual)`` to its rank) take the slots of the
        view they hold, in rank order; the others keep theirs. The canvas draws visuals
        of equal ``order`` in the view's order: an owner that adds visuals as it needs
        them (pooled, kept between frames) states this frame's order so."""
        vis = self.visuals
        slots = [k for k, v in enumerate(vis) if id(v) in rank]
        ordered = sorted((vis[k] for k in slots), key=lambda v: rank[id(v)])
        for k, v in zip(slots, ordered, strict=True):
            vis[k] = v

    def walk(self):
        """Every visual of the view and their children, depth first."""
        for v in self.visuals:
            yield from v.walk()

    def bounds(self) -> np.ndarray | None:
        """(2, 3) float64 bounds of every visible visual, or None when empty."""
        boxes = [b for v in self.walk() if v.visible and (b := v.bounds()) is not None]
        if not boxes:
            return None
        boxes = np.array(boxes)
        return np.array([boxes[:, 0].min(axis=0), boxes[:, 1].max(axis=0)])

    @property
    def size(self) -> tuple[float, float]:
        """Logical pixel size of the view (after the canvas laid it out)."""
        if self.rect is None:
            self.canvas.layout()
        return self.rect[2], self.rect[3]


class Canvas:
    """A drawing surface of ``size`` logical pixels holding views in a grid.

    Rendering is headless (EGL) unless a window adopts the canvas. ``pixel_ratio``
    multiplies every pixel dimension (line widths, markers, text) for sharp output.
    A canvas is a scene front-ends can show (:class:`lumos.scene.protocol.Scene`): the
    mouse moves its cameras.

    >>> canvas = Canvas(size=(800, 400), pixel_ratio=1, bgcolor="white")
    >>> img = canvas.render()            # (400, 800, 4) uint8
    >>> canvas.save("scene.png"); canvas.save("scene.html")
    """

    #: whether the front-ends' own keys (r/home: reset the views; fly keys) act on this
    #: canvas after its key callbacks
    key_bindings = True

    def __init__(self, size=(800, 600), pixel_ratio: float = 1.0, bgcolor="white",
                 title: str = "lumos") -> None:
        self.size = size
        self.pixel_ratio = pixel_ratio
        self.bgcolor = bgcolor
        self.title = title
        self.views: list[View] = []
        # Held while the canvas draws or picks; a figure takes it around its own update
        # and render, so several threads may render one canvas (docs/threading.md).
        self.lock = threading.RLock()
        self._executor = None  # on lumos's headless context (of the generation it names)
        self._target = None
        self._early_retry = EarlyRetry()  # when renders try early views
        self._picker = None
        self._events = None
        self._host = None  # the window or widget drawing this canvas, if any
        self._home: dict = {}  # view -> camera state before the mouse first moved it
        self._draw_owners: list[Visual] = []  # the visual of each draw of the last frame
        from ..gpu.context import headless

        # the first canvas starts loading the GL driver on a thread, while the caller
        # builds what the first render will draw
        headless.warm_up()

    @property
    def size(self) -> tuple[int, int]:
        """The size in logical pixels, (width, height)."""
        return self._size

    @size.setter
    def size(self, value) -> None:
        try:
            w, h = (int(v) for v in value)
        except (TypeError, ValueError):
            raise TypeError(f"size: got {value!r}, expected (width, height) integers") from None
        if w <= 0 or h <= 0:
            raise ValueError(f"size: got {value!r}, expected positive (width, height)")
        self._size = (w, h)

    @property
    def title(self) -> str:
        """The title of the canvas's window (or page)."""
        return self._title

    @title.setter
    def title(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"title: got {type(value).__name__}, expected str")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(f"title: got {value!r}, which holds {exc.object[exc.start:exc.end]!r}"
                             " (not a character: a lone surrogate), expected text") from None
        self._title = value

    @property
    def pixel_ratio(self) -> float:
        """Physical pixels per logical pixel (2 on a HiDPI screen); pictures are ``size *
        pixel_ratio``."""
        return self._pixel_ratio

    @pixel_ratio.setter
    def pixel_ratio(self, value: float) -> None:
        self._pixel_ratio = check_number(value, "pixel_ratio", 0.0, exclusive=True)

    @property
    def bgcolor(self):
        """The background color, as RGBA floats."""
        return self._bgcolor

    @bgcolor.setter
    def bgcolor(self, value) -> None:
        self._bgcolor = colors.to_rgba(value, argname="bgcolor")

    @property
    def physical_size(self) -> tuple[int, int]:
        """The size in physical pixels: ``size * pixel_ratio``, rounded."""
        return (round(self._size[0] * self._pixel_ratio), round(self._size[1] * self._pixel_ratio))

    def add_view(self, row: int = 0, col: int = 0, row_span: int = 1, col_span: int = 1,
                 camera="panzoom", bgcolor=None, rect=None) -> View:
        """Add a view in grid cell (row, col), spanning cells if asked, or at an explicit
        ``rect = (x, y, w, h)`` in logical pixels from the top left (outside the grid)."""
        if rect is not None:
            rect = _check_rect(rect)
        for name, v in (("row", row), ("col", col)):
            if not isinstance(v, (int, np.integer)) or v < 0:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 0")
        for name, v in (("row_span", row_span), ("col_span", col_span)):
            if not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
        view = View(self, int(row), int(col), int(row_span), int(col_span), camera, bgcolor,
                    rect)
        self.views.append(view)
        self.layout()
        return view

    def layout(self) -> None:
        """Place the views: equal cells of a grid just big enough for all of them."""
        grid = [v for v in self.views if v.fixed_rect is None]
        for v in self.views:
            if v.fixed_rect is not None:
                v.rect = v.fixed_rect
        if not grid:
            return
        rows = max(v.row + v.row_span for v in grid)
        cols = max(v.col + v.col_span for v in grid)
        w, h = self._size
        for v in grid:
            x0, x1 = round(v.col * w / cols), round((v.col + v.col_span) * w / cols)
            y0, y1 = round(v.row * h / rows), round((v.row + v.row_span) * h / rows)
            v.rect = (x0, y0, x1 - x0, y1 - y0)

    # -- frames ------------------------------------------------------------------
    def frame(self, max_texture_size: int | None = None, follow: bool = False,
              early=None, views: int | None = None) -> Frame:
        """The frame description of the canvas as it is now; data larger than
        ``max_texture_size`` (default: what every browser supports) is split into
        several textures. ``follow`` makes the frame for a runtime that moves cameras
        alone (a page, the notebook widget): draws carry their followers
        (docs/frame.md) and the data those read. ``early`` (the scene protocol's) is
        never called: a canvas makes its views all at once. ``views``: the frame of
        the first ``views`` views only (their ids as in the whole frame's)."""
        self.layout()
        pr = self._pixel_ratio
        # the target holds premultiplied colors (blending leaves them so; straight_alpha
        # divides on readback): a translucent background is cleared premultiplied too
        r, g, b, a = self._bgcolor
        frame = Frame(size=self.physical_size, clear_color=(r * a, g * a, b * a, a),
                      pixel_ratio=pr)
        owners: list[Visual] = []
        view_ids = {view: f"view{i}" for i, view in enumerate(self.views)}
        for i, view in enumerate(self.views if views is None else self.views[:views]):
            vid = f"view{i}"
            x, y, w, h = view.rect
            rect = _device_rect(view.rect, pr)
            # front-ends (the browser too) route the mouse by it; a companion view names
            # the view whose camera it follows by that view's id in the frame
            camera = _name_views(view.camera_dict(), view_ids)
            frame.views[vid] = FrameView(vid, rect, camera, view.bgcolor,
                                         exact=tuple(float(v) * pr for v in view.rect))
            is_3d = view.camera.kind != "panzoom"
            depth_ctx = PrimitiveContext(view.rect, pr, camera, True,
                                         raster=None) if is_3d else None
            ctx = DrawContext(vid, (w, h), pr, camera, is_3d,
                              max_texture_size or PORTABLE_TEXTURE_SIZE, follow=follow,
                              depth=depth_ctx, viewport=rect[2:])
            ordered = sorted((v for v in view.walk() if v.visible), key=lambda v: v.order)
            if is_3d:
                ordered = _translucent_farthest_first(ordered, depth_ctx)
            for visual in ordered:
                draws = visual.draws(ctx)
                if visual.clip_rect is not None:  # its draws into the framebuffer, scissored
                    clip = _device_rect(visual.clip_rect, pr)
                    draws = [replace(d, clip=clip) if d.target is None else d for d in draws]
                if follow and visual.follow is not None:
                    for d in draws:
                        d.follow = d.follow or visual.follow
                records = visual.follow_records if follow else None
                if records:
                    records = records() if callable(records) else records
                    frame.records.update(_name_views(records, view_ids))
                ctx.drawn.extend(draws)
                frame.draws.extend(draws)
                owners.extend([visual] * len(draws))
        self._draw_owners = owners
        frame.samples = 4 if any(v.needs_multisampling for v in set(owners)) else 1
        return frame

    def render(self, draw=None) -> np.ndarray:
        """Draw offscreen and return the picture: (h, w, 4) uint8, first row on top,
        of ``size * pixel_ratio`` pixels. Pictures larger than the context's framebuffer
        limit are drawn in tiles; one larger than the memory budget is refused.

        ``draw(early)`` (a figure's :meth:`~lumos.plot.Figure.draw`), when given, brings
        the views up to date first; the leading views it says are made before the rest
        are drawn and flushed at once (:class:`~lumos.gpu.early.EarlyViews`), so
        that software GL rasterizes them while the scene makes the rest."""
        from ..gpu.context import current

        with self.lock:
            self._check_picture()
            early = None
            if draw is not None:
                early = self._early_views()
                draw(early)
                self._check_picture()  # a draw callback may have resized the figure
            with current() as ctx:
                executor = self._headless_executor(ctx)
                frame = self.frame(executor.limits.max_texture_size)
                side = executor.limits.max_target_size
                if max(frame.size) <= side:
                    image = self._render_whole(executor, frame, early)
                else:
                    image = self._render_tiles(executor, frame, min(side, TILE_SIZE))
                self._early_retry.after(early)
                # keep the pick programs compiled: hover picking would recompile them
                executor.release_unused(self.in_use(frame, executor))
                # an opaque frame's picture has nothing to divide (a pass saved)
                return image if frame.opaque() else straight_alpha(image)

    def _check_picture(self) -> None:
        from ..gpu.budget import check_memory

        w, h = self.physical_size
        check_memory(4.0 * w * h, f"render: a picture of {w} × {h} pixels",
                     "lower the dpi or the size")

    def _early_views(self):
        """The ``early`` callback of a render: None at the first render (the context's
        limits are not known yet: they decide how data is split into textures), for
        pictures drawn in tiles, and for a while after a render whose early views were
        made in vain (they could not be drawn apart, or were not the frame's)."""
        from ..gpu.context import current

        if self._executor is None:
            return None
        limits = self._executor.limits
        if max(self.physical_size) > limits.max_target_size or not self._early_retry.due():
            return None

        def make(n: int) -> Frame:
            return self.frame(limits.max_texture_size, views=n)

        def draw(part: Frame):
            # the GL context only for the draw: the scene lays out without it, as
            # without early views (other threads' renders go on meanwhile)
            with current() as ctx:
                executor = self._headless_executor(ctx)
                fbo = self._offscreen_target(executor, part).fbo
                executor.render(part, fbo)
                executor.flush()
                return fbo

        return EarlyViews(make, draw)

    def _headless_executor(self, ctx):
        """The executor of this canvas on lumos's headless context ``ctx``; a new one
        (everything uploads again) after the context was recreated."""
        from ..gpu.executor import ModernGLExecutor

        if self._executor is not None and self._executor.ctx is not ctx:
            # made for a context that is gone: its GL objects went with it
            if self._picker is not None and self._picker.executor is self._executor:
                self._picker = None
            self._executor = self._target = None
        if self._executor is None:
            self._executor = ModernGLExecutor(ctx)
        return self._executor

    def _offscreen_target(self, executor, frame: Frame):
        """The offscreen target of ``frame``'s size, samples and depth (the one kept,
        made again when those change)."""
        from ..gpu.executor import OffscreenTarget

        depth = frame.depth_tested()
        if self._target is None or (self._target.size, self._target.samples,
                                    self._target.depth) != (frame.size, frame.samples, depth):
            if self._target is not None:
                self._target.release()
            self._target = OffscreenTarget(executor.ctx, frame.size, samples=frame.samples,
                                           depth=depth)
        return self._target

    def _render_whole(self, executor, frame: Frame, early=None) -> np.ndarray:
        target = self._offscreen_target(executor, frame)
        # the early views are in the target: the others over them, where they can be
        if early is None or not early.finish(executor, frame, target.fbo):
            executor.render(frame, target.fbo)
        return target.read()

    def _render_tiles(self, executor, frame: Frame, side: int) -> np.ndarray:
        """The picture drawn tile by tile into one ``side``² framebuffer."""
        from ..gpu.executor import OffscreenTarget
        from ..gpu.tiles import tiles

        w, h = frame.size
        image = np.empty((h, w, 4), np.uint8)
        target = OffscreenTarget(executor.ctx, (side, side), samples=frame.samples,
                                 depth=frame.depth_tested())
        try:
            for tile in tiles((w, h), side):
                x, y = tile[:2]
                executor.render(frame, target.fbo, tile=tile)
                part = target.read()
                image[y : y + side, x : x + side] = part[: h - y, : w - x]
        finally:
            target.release()
        return image

    # -- primitives (vector files) ------------------------------------------------------
    def primitives(self, pixel_ratio: float | None = None, background: bool = True) -> list:
        """The canvas as :mod:`lumos.primitives` in logical pixels (y down), in drawing
        order: the background, then each view's background and visuals clipped to the
        view; a 3D view's visuals projected with its camera and painted farthest first
        (see :func:`_painted`). ``pixel_ratio`` (default the canvas's) is the resolution
        of what is rasterized (visuals with no vector form, such as volumes, and
        ``rasterized`` ones) and of the level of detail of long lines;
        ``background=False`` leaves the canvas and view backgrounds out (a transparent
        file)."""
        pr = self._pixel_ratio if pixel_ratio is None else check_number(
            pixel_ratio, "pixel_ratio", 0.0, exclusive=True)
        with self.lock:
            return self._primitives(pr, background)

    def _primitives(self, pr: float, background: bool) -> list:
        self.layout()
        out: list = []
        if background and self._bgcolor[3] > 0:
            out.append(_rect_path((0.0, 0.0, *self._size), self._bgcolor))
        for view in self.views:
            rect = view.rect  # exact: matplotlib's vector backends round nothing
            is_3d = view.camera.kind != "panzoom"
            ctx = PrimitiveContext(rect, pr, view.camera_dict(), is_3d, raster=None)
            ctx.raster = lambda v, ctx=ctx: self._raster([v], ctx)
            if background and view.bgcolor is not None and view.bgcolor[3] > 0:
                out.append(_rect_path(rect, view.bgcolor))
            ordered = sorted((v for v in view.walk() if v.visible), key=lambda v: v.order)
            for visual in _painted(ordered, ctx) if is_3d else ordered:
                prims = ctx.primitives_of(visual)
                if visual.clip_rect is not None:  # as the frame's Draw.clip
                    clip = visual.clip_rect
                    prims = [replace(p, clip=prim.clip_within(p.clip, clip)) for p in prims]
                out.extend(prims)
        return out

    def _raster(self, visuals: list[Visual], ctx: PrimitiveContext) -> list:
        """Visuals drawn alone offscreen over a transparent view at the export
        resolution, as one :class:`~lumos.primitives.Raster` cropped to what they cover
        (straight, not premultiplied, alpha)."""
        pr = ctx.pixel_ratio
        x, y, w, h = ctx.rect
        pw, ph = round(w * pr), round(h * pr)
        if pw <= 0 or ph <= 0 or not visuals:
            return []
        from ..gpu.budget import check_memory

        check_memory(4.0 * pw * ph, f"a raster of {pw} × {ph} pixels in a vector file",
                     "lower the dpi")

        def frame_of(max_texture_size: int) -> Frame:
            frame = Frame(size=(pw, ph), clear_color=(0.0, 0.0, 0.0, 0.0), pixel_ratio=pr)
            frame.views["v"] = FrameView("v", (0, 0, pw, ph), ctx.camera, None,
                                         (0.0, 0.0, w * pr, h * pr))
            dctx = DrawContext("v", (w, h), pr, ctx.camera, ctx.is_3d, max_texture_size,
                               depth=ctx if ctx.is_3d else None, viewport=(pw, ph))
            for visual in visuals:
                frame.draws.extend(visual.draws(dctx))
            frame.samples = 4 if any(v.needs_multisampling for v in visuals) else 1
            return frame

        rgba = self._offscreen(frame_of)
        if rgba is None:
            return []
        alpha = rgba[..., 3]
        rows, cols = np.nonzero(alpha.any(axis=1))[0], np.nonzero(alpha.any(axis=0))[0]
        if not len(rows):
            return []
        r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        rect = (x + c0 / pr, y + r0 / pr, (c1 - c0) / pr, (r1 - r0) / pr)
        return [prim.Raster(straight_alpha(rgba[r0:r1, c0:c1]), rect, "nearest", clip=ctx.clip)]

    def _offscreen(self, frame_of) -> np.ndarray | None:
        """Render the frame ``frame_of(max_texture_size)`` gives into a temporary target,
        in the context of the window drawing this canvas if any, and read it back (None
        when it draws nothing)."""
        from ..gpu.executor import OffscreenTarget

        def run(executor):
            frame = frame_of(executor.limits.max_texture_size)
            if not frame.draws:
                return None
            side = executor.limits.max_target_size
            if max(frame.size) > side:  # beyond the framebuffer limit: in tiles
                return self._render_tiles(executor, frame, min(side, TILE_SIZE))
            target = OffscreenTarget(executor.ctx, frame.size, samples=frame.samples,
                                     depth=frame.depth_tested())
            try:
                executor.render(frame, target.fbo)
                return target.read()
            finally:
                target.release()

        with self.lock:
            host = self._host
            if host is not None:
                with host.current():
                    return run(host.executor)
            from ..gpu.context import current

            with current() as ctx:
                return run(self._headless_executor(ctx))

    # -- the window or widget drawing the canvas ---------------------------------------
    @property
    def host(self):
        """The window or widget drawing this canvas (None: headless). A host has
        ``executor``, ``current()`` (its GL context current for a block) and may have
        ``request_draw()``."""
        return self._host

    def attach_host(self, host) -> None:
        """A window or widget draws this canvas from now on (picking uses its context)."""
        self._host = host

    def detach_host(self, host) -> None:
        """``host`` stops drawing this canvas: release what the canvas holds in its
        context (call with that context current)."""
        self.release(host.executor)
        if self._host is host:
            self._host = None

    def in_use(self, frame: Frame, executor) -> Frame:
        """What ``executor.release_unused`` must keep after drawing ``frame``: the frame
        and the pick programs made in that executor (hover picking would recompile
        them after every frame otherwise)."""
        picker = self._picker
        if picker is None or picker.executor is not executor:
            return frame
        return picker.keep(frame)

    def release(self, executor) -> None:
        """Release the GPU objects this canvas made in ``executor``'s context (its
        picker); call with that context current."""
        if self._picker is not None and self._picker.executor is executor:
            self._picker.release()
            self._picker = None

    # -- redraws from data that arrives later ------------------------------------------
    @property
    def shown(self) -> bool:
        """Whether a window or widget draws this canvas and redraws on request_draw()
        (visuals that load data in the background draw what they have meanwhile)."""
        return callable(getattr(self._host, "request_draw", None))

    def request_draw(self) -> None:
        """Ask the window showing this canvas for a new frame soon; callable from any
        thread (tiles or grids that arrive on a loader thread); nothing when headless."""
        request = getattr(self._host, "request_draw", None)
        if request is not None:
            request()

    # -- events and picking ----------------------------------------------------------
    @property
    def events(self):
        """The event dispatcher (``lumos.scene.events``) front-ends feed."""
        if self._events is None:
            from .events import EventDispatcher

            self._events = EventDispatcher()
        return self._events

    def on(self, name: str, callback=None):
        """Call ``callback(event)`` on ``name`` ("mouse_press", "mouse_move",
        "mouse_release", "wheel", "key_press", "resize", "draw"); usable as a decorator."""
        return self.events.on(name, callback)

    def pick(self, x: float, y: float, radius: int = 2, pickable=None):
        """``(visual, index)`` under logical pixel (x, y) from the top left, or None.

        ``index`` is the marker, the line's data point nearest the cursor, the mesh
        face or the image pixel (row * width + col). ``radius`` widens the search to
        the nearest hit within that many physical pixels; ``pickable(visual)`` may
        exclude visuals. Renders ids offscreen in the context that draws the canvas.
        """
        host = self._host  # a window or widget drawing this canvas
        with self.lock:
            if host is not None:
                with host.current():
                    return self._pick(host.executor, x, y, radius, pickable)
            from ..gpu.context import current

            with current() as ctx:
                return self._pick(self._headless_executor(ctx), x, y, radius, pickable)

    def _pick(self, executor, x: float, y: float, radius: int, pickable):
        from ..gpu.picking import Picker

        frame = self.frame(executor.limits.max_texture_size)
        owners = self._draw_owners
        picker = self._picker
        if picker is None or picker.executor is not executor or picker.radius != int(radius):
            if picker is not None and picker.executor is executor:
                picker.release()
            picker = self._picker = Picker(executor, radius)
        px, py = x * self._pixel_ratio, y * self._pixel_ratio
        test = None if pickable is None else (lambda i: bool(pickable(owners[i])))
        hit = picker.pick(frame, px, py, test)
        if hit is None:
            return None
        draw_no, raw = hit
        visual = owners[draw_no]
        return visual, visual.pick_index(raw, frame, frame.draws[draw_no], px, py)

    def save(self, path, dpi: float | None = None) -> Path:
        """Write a PNG (``.png``), a standalone WebGL2 page (``.html``), the POV-Ray scene
        of the first 3D view (``.pov``) or any format a writer was registered for
        (:mod:`lumos.scene.writers`); the file is replaced only
        once it is complete (a failed save leaves the old one)."""
        from .writers import save

        with self.lock:
            return save(self, path, dpi)

    # -- the scene protocol (lumos.scene.protocol.Scene) ---------------------------------
    @property
    def canvas(self) -> Canvas:
        """The canvas front-ends draw: this one."""
        return self

    def window_title(self) -> str:
        """The title a window showing this canvas gets."""
        return self.title

    def preferred_size(self) -> tuple[int, int]:
        """The logical size the canvas wants in a window."""
        return self._size

    def resize(self, width: int, height: int, pixel_ratio: float) -> None:
        """The window or widget is ``width`` × ``height`` logical pixels now."""
        self.size = (max(int(width), 1), max(int(height), 1))
        self.pixel_ratio = pixel_ratio

    def view_at(self, x: float, y: float) -> View | None:
        """The topmost interactive view under logical pixel (x, y) from the top left."""
        self.layout()
        for view in reversed(self.views):
            vx, vy, vw, vh = view.rect
            if view.interactive and vx <= x < vx + vw and vy <= y < vy + vh and vw and vh:
                return view
        return None

    def navigated_views(self, x: float, y: float) -> list[View]:
        """The views a pan or zoom at logical pixel (x, y) moves, topmost first: the
        topmost navigable view under it and, while the view above forwards navigation,
        the next navigable one below."""
        self.layout()
        out: list[View] = []
        for view in reversed(self.views):
            vx, vy, vw, vh = view.rect
            if view.navigable and vx <= x < vx + vw and vy <= y < vy + vh and vw and vh:
                out.append(view)
                if not view.forward_navigation:
                    break
        return out

    def press_regions(self) -> list[tuple[float, float, float, float]]:
        """Rectangles (x, y, w, h; logical pixels from the top left) where a press
        belongs to a callback rather than to the cameras (a draggable legend): a
        runtime that moves the cameras itself (the notebook's page) starts no pan
        there. None here; a figure's canvas lists its draggables."""
        return []

    def camera_changed(self, view: View, camera: dict) -> None:
        """The mouse moved ``view``'s camera to ``camera`` (a frame camera dictionary):
        take it, remembering where the camera was before the mouse first moved it."""
        self._home.setdefault(view, view.camera.get_state())
        view.camera.update_from_dict(camera)

    def reset_view(self, view: View | None = None) -> None:
        """Back to where the mouse found ``view``'s camera (every view's: None)."""
        for v in list(self._home) if view is None else [view]:
            state = self._home.pop(v, None)
            if state is not None:
                v.camera.set_state(state)

    def event_info(self, view: View, x: float, y: float) -> dict:
        """What events at (x, y) over ``view`` carry besides the pixel: nothing here (a
        figure adds ``inaxes``, ``xdata``, ``ydata``)."""
        return {}

    def close(self) -> None:
        """Release the GPU objects this canvas holds on lumos's headless context (a
        canvas that is simply dropped releases them at the next render of any canvas)."""
        with self.lock:
            executor, target, picker = self._executor, self._target, self._picker
            self._executor = self._target = None
            if picker is not None and picker.executor is executor:
                self._picker = None
            if executor is None:
                return
            from ..gpu.context import headless

            with headless.current() as ctx:
                if executor.ctx is not ctx:
                    return  # made for a context that is gone, with its GL objects
                if picker is not None and picker.executor is executor:
                    picker.release()
                if target is not None:
                    target.release()
                executor.release_unused(Frame(size=(1, 1)))


TILE_SIZE = 2048  # side of the tiles of pictures beyond the framebuffer limit


def straight_alpha(rgba: np.ndarray) -> np.ndarray:
    """Colors divided by their alpha: blending over a transparent target leaves them
    premultiplied, PNG and the vector devices want them straight. Opaque pixels (every
    pixel over an opaque background) are unchanged; fully transparent ones are white
    (255, 255, 255, 0), as matplotlib's Agg writes them (viewers that ignore alpha
    show white there, not black)."""
    a = rgba[..., 3:]
    if rgba.strides[-1] == 1:  # each pixel's 4 bytes together (rows may run backwards)
        # a pixel read as a little-endian 32-bit word has alpha in its top byte: a min
        # over words is 6-15 × faster than comparing the strided alphas
        words = rgba.view("<u4")
        if words.ndim == 3 and words.strides[0] < 0:
            words = words[::-1]  # the rows in memory order: numpy's fast path
        if words.min(initial=0xFFFFFFFF) >= 0xFF000000:
            return rgba
    elif (a == 255).all():
        return rgba
    with np.errstate(all="ignore"):
        rgb = np.where(a > 0, rgba[..., :3] * (255.0 / np.maximum(a, 1)), 255.0)
    out = rgba.copy()
    out[..., :3] = np.clip(np.floor(rgb + 0.5), 0, 255)
    return out


def device_edge(v: float) -> int:
    """An edge of a view or clip rectangle (device pixels from the top left) in whole
    pixels, as Agg rounds a clip box: ``floor(v + 0.5)``, halves up (Python's
    ``round`` takes them to even: 62.5 -> 62 where Agg clips at 63)."""
    return math.floor(v + 0.5)


def _device_rect(rect, pr: float) -> tuple[int, int, int, int]:
    """A view's rectangle in device pixels (x, y from the top left), as the GL viewport
    and scissor place it: edges rounded (:func:`device_edge`), so neighbouring views
    share them."""
    x, y, w, h = rect
    x0, y0 = device_edge(x * pr), device_edge(y * pr)
    return x0, y0, device_edge((x + w) * pr) - x0, device_edge((y + h) * pr) - y0


def _rect_path(rect, color) -> prim.Path:
    x, y, w, h = rect
    verts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
    return prim.Path(np.asarray(verts, float),
                     np.array([MOVETO, LINETO, LINETO, LINETO, CLOSEPOLY], np.uint8),
                     fill=tuple(color))


def _name_views(value, ids: dict):
    """A record with every View in it replaced by its id in the frame (records name
    the views whose cameras they follow by the View; frames by id)."""
    if isinstance(value, View):
        return ids.get(value)
    if isinstance(value, dict):
        return {k: _name_views(v, ids) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_name_views(v, ids) for v in value]
    return value


def _check_rect(rect) -> tuple[float, float, float, float]:
    try:
        vals = tuple(float(v) for v in rect)
    except (TypeError, ValueError):
        raise TypeError(f"rect: got {rect!r}, expected (x, y, width, height) numbers") from None
    if len(vals) != 4 or not all(np.isfinite(vals)) or vals[2] < 0 or vals[3] < 0:
        raise ValueError(f"rect: got {rect!r}, expected (x, y, width, height) with sizes >= 0")
    return vals


def _translucent_farthest_first(visuals: list[Visual], ctx: PrimitiveContext) -> list:
    """A 3D view's visuals (sorted by ``order``) with the translucent ones (``order`` from
    ``TRANSLUCENT_ORDER``) farthest first by ``Visual.painter_depth`` (matplotlib's
    ``computed_zorder``): blending needs what is behind drawn first. Ties keep their
    order (a collection's edges after its faces). The order is this frame's camera's: a
    page that turns the camera alone keeps it."""
    cut = next((i for i, v in enumerate(visuals) if v.order >= TRANSLUCENT_ORDER),
               len(visuals))
    if len(visuals) - cut < 2:
        return visuals
    rest = visuals[cut:]
    depths = [v.painter_depth(ctx) for v in rest]
    key = [(-d if d is not None else -np.inf) for d in depths]
    order = sorted(range(len(rest)), key=lambda i: key[i])
    return visuals[:cut] + [rest[i] for i in order]


def _painted(visuals: list[Visual], ctx: PrimitiveContext) -> list[Visual]:
    """A 3D view's visuals in the order a vector file paints them (it has no depth
    buffer): those without a depth (the box's backdrop) in their order, then the others
    farthest first (``Visual.painter_depth``, matplotlib's ``computed_zorder``); each
    visual sorts its own faces or points. Visuals with no vector form (volumes) come as
    rasters of themselves in that order."""
    depths = [v.painter_depth(ctx) for v in visuals]
    first = [v for v, d in zip(visuals, depths, strict=True) if d is None]
    rest = sorted(((d, i) for i, d in enumerate(depths) if d is not None),
                  key=lambda t: -t[0])
    return first + [visuals[i] for _, i in rest]
