"""The view of a 2D axes, two mixins of :class:`lumos.plot.axes.Axes`:

- :class:`AxesProjection`, what a projection overrides: the transform chain (data ->
  scale space -> projected space -> axes -> figure pixels), the camera and the mouse, and
  the decorations (``docs/projections.md``);
- :class:`AxesSync`, the view before each frame: camera from the limits, batches from the
  artists, the GPU transforms; and which artist a hit on its visuals belongs to;
- :class:`AxesNavigation`, whether the mouse pans and zooms the view (matplotlib's
  ``set_navigate``, ``set_forward_navigation_events``).
"""

from __future__ import annotations

import math

import numpy as np

from ..scene.cameras import PanZoomCamera
from ..transforms import Affine, Transform, chain
from ..visuals.base import Member
from .coords import AxisScales, LiveTransform, rect_to_unit
from .decorations import AXIS_ZORDER, draw_rectilinear_frame, rectilinear_margins
from .scale import LinearScale


class AxesProjection:
    """The projection hooks of :class:`~lumos.plot.axes.Axes` (a mixin), rectilinear
    here; a projection (``projection="polar"``, ...) subclasses Axes and overrides them."""

    # -- projection: the transform chain -------------------------------------------
    def _make_camera(self):
        """The camera of the axes' view (a projection may bring another kind)."""
        return PanZoomCamera()

    def _scale_transform(self) -> Transform:
        """Data → scale space (``transScale``): the axes' scales."""
        return AxisScales(self.xaxis.scale, self.yaxis.scale)

    def _projection_transform(self) -> Transform:
        """Scale space → projected space (``transProjection``); the GPU applies it as
        the transform of the visuals in scale space. Identity here."""
        return Affine()

    def view_rect(self) -> tuple[float, float, float, float]:
        """The rectangle of projected space the axes show, ``(x0, y0, w, h)``; a
        negative width or height is an inverted axis. ``transLimits`` maps it onto the
        unit square and the camera shows it in the box."""
        (x0, x1), (y0, y1) = self.xaxis.scaled_interval(), self.yaxis.scaled_interval()
        if self.xaxis.inverted:
            x0, x1 = x1, x0
        if self.yaxis.inverted:
            y0, y1 = y1, y0
        return x0, y0, x1 - x0, y1 - y0

    def _limits_transform(self) -> Transform:
        """Projected space → axes fraction (``transLimits``): the view rectangle onto the
        unit square (what the camera does on the GPU)."""
        return rect_to_unit(self.view_rect())

    def gpu_transform(self) -> Transform | None:
        """What visuals in scale space apply on the GPU (None: nothing, the projection
        is the identity)."""
        t = self.transProjection.frozen()
        return None if t.is_linear else t

    def edge_steps(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """How many straight pieces each scale-space segment ``start[i] → stop[i]``
        needs so that it follows the projection (patches subdivide their edges by it):
        1 everywhere for a linear projection."""
        return np.ones(len(start), dtype=int)

    def get_xaxis_transform(self, which: str = "grid") -> Transform:
        """x in data, y in axes fraction → figure pixels (matplotlib's blended
        transform for x ticks and spans); ``which='tick1'``/``'tick2'``: the bottom/top
        spine's, moved where the spine is put (matplotlib's ``get_spine_transform``)."""
        return self._axis_transform("x", which)

    def get_yaxis_transform(self, which: str = "grid") -> Transform:
        """x in axes fraction, y in data → figure pixels; ``which='tick1'``/``'tick2'``:
        the left/right spine's."""
        return self._axis_transform("y", which)

    def _axis_transform(self, name: str, which: str) -> Transform:
        if which not in ("grid", "tick1", "tick2"):
            raise ValueError(f"which: got {which!r}, expected 'grid', 'tick1' or 'tick2'")
        along = (True, False) if name == "x" else (False, True)

        def grid() -> Transform:
            scales = (AxisScales(self.xaxis.scale, LinearScale()) if name == "x" else
                      AxisScales(LinearScale(), self.yaxis.scale))
            return chain(scales, rect_to_unit(self.view_rect(), along=along),
                         self.transAxes.frozen())

        blended = ((self.transData, self.transAxes) if name == "x" else
                   (self.transAxes, self.transData))
        spine = self.spines.get({("x", "tick1"): "bottom", ("x", "tick2"): "top",
                                 ("y", "tick1"): "left", ("y", "tick2"): "right"}
                                .get((name, which)))
        if spine is None or spine.position == ("outward", 0.0):
            return LiveTransform(grid, f"{name}axis transform", blended=blended)
        return LiveTransform(lambda: self._spine_shifted(grid, spine, name),
                             f"{name}axis {which} transform")

    def _spine_shifted(self, grid, spine, name: str) -> Transform:
        """The axis transform moved across to where ``spine`` is put, as matplotlib's
        ``Spine.get_spine_transform``: outward by points, at an axes fraction (the
        across coordinate given is dropped), or at a data value (added to it)."""
        across = 1 if name == "x" else 0
        kind, amount = spine.position
        if kind == "outward":
            sign = -1.0 if spine.name in ("left", "bottom") else 1.0
            shift = [0.0, 0.0]
            shift[across] = sign * float(self.figure.points_to_pixels(amount))
            return chain(grid(), Affine(translate=shift))
        if kind == "axes":
            m = np.eye(4)
            m[across, across] = 0.0
            m[across, 3] = amount
            return chain(Affine(matrix=m), grid())
        shift = [0.0, 0.0]  # data: the default place of right and top is 1, so from 0
        shift[across] = amount - 1.0 if spine.name in ("right", "top") else amount
        return chain(Affine(translate=shift), self.transData.frozen())

    # -- coordinates -----------------------------------------------------------------
    def to_pixels(self, x, y, coords: str = "data") -> tuple[float, float]:
        """Figure pixels (from the bottom left) of a point in data or axes coordinates
        (``transData`` or ``transAxes``)."""
        t = self.transAxes if coords == "axes" else self.transData
        px, py = t.forward(np.array([x, y], dtype=float))
        return float(px), float(py)

    def view_state(self) -> tuple:
        """What pixel-dependent geometry depends on: box, view, projection, dpi."""
        return tuple(self.box), self.view_rect(), self.transProjection.frozen(), self.figure.dpi

    # -- projection: the camera and the mouse ----------------------------------------
    def sync_camera(self) -> None:
        """The view's camera and rectangle from the limits and the box."""
        x0, y0, w, h = self.view_rect()
        cam = self.view.camera
        cam.rect = (min(x0, x0 + w), min(y0, y0 + h), abs(w), abs(h))
        cam.invert_x, cam.invert_y = w < 0, h < 0
        bx, by, bw, bh = self.box
        height = self.figure.canvas.size[1]
        self.view.fixed_rect = (bx, height - by - bh, bw, bh)
        # axes sharing limits with others (sharex=True): a page moves them together
        share = [f"{a.name}{id(a.limits)}" if len(a.limits.members) > 1 else None
                 for a in (self.xaxis, self.yaxis)]
        self.view.controller_params = {"share": share} if any(share) else {}
        self._layers.sync()

    def camera_changed(self, camera: dict) -> None:
        """The mouse moved the view's camera (a frame camera dictionary, as the
        controllers give): take the limits it shows, then follow them with the camera."""
        x0, y0, w, h = (float(v) for v in camera["rect"])
        for axis, lo, hi in ((self.xaxis, x0, x0 + w), (self.yaxis, y0, y0 + h)):
            with np.errstate(all="ignore"):
                a, b = axis.scale.inverse(np.array([lo, hi])).tolist()
            if math.isfinite(a) and math.isfinite(b) and a != b:
                # set_xlim's work without its unit conversion: the camera's limits are
                # in the axis' units already
                self._apply_limits(axis, a, b)
        self.sync_camera()

    def home_state(self):
        """What ``restore_home`` needs to bring the view back (before the mouse moved it)."""
        return [(a, a.limits.lo, a.limits.hi, a.limits.auto, a.inverted)
                for a in (self.xaxis, self.yaxis)]

    def restore_home(self, state) -> None:
        """Bring the view back to a ``home_state()`` (double-click does it)."""
        for axis, lo, hi, auto, inverted in state:
            axis.limits.lo, axis.limits.hi, axis.limits.auto = lo, hi, auto
            axis.inverted = inverted
        self._dirty = True
        self.sync_camera()

    def data_at(self, x: float, y: float) -> tuple[float, float]:
        """Data coordinates at figure pixel (x, y) from the bottom left."""
        with np.errstate(all="ignore"):
            xd, yd = self.transData.inverse(np.array([x, y], dtype=float))
        return float(xd), float(yd)

    def _background(self):
        """The color the view clears its rectangle to (None: transparent): the patch,
        drawn when the axis and the frame are on (matplotlib's rule)."""
        if self.role == "secondary" or not (self.axison and self.frame_on and
                                            self.draws_background()):
            return None
        face = self.patch.face()
        if face is None or face[3] == 0:
            return None
        under = self.figure.figure.canvas.bgcolor
        if face[3] < 1 and under[3] == 1:  # a view clears its rectangle: blend it over
            a = face[3]
            return (*(a * f + (1 - a) * u for f, u in zip(face[:3], under[:3],
                                                          strict=True)), 1.0)
        return face

    # -- projection: decorations -----------------------------------------------------
    def own_margins(self) -> tuple[float, float, float, float]:
        """Pixels (left, right, bottom, top) this axes' decorations reach beyond its box:
        the layout makes that much room."""
        return rectilinear_margins(self)

    def draw_frame(self, ov) -> set | None:
        """Spines, ticks, tick labels and axis labels into the figure's overlay; the
        ids of the texts it drew too (those anchored to data, which a page moves), or
        None."""
        return draw_rectilinear_frame(self, ov)

    def draw_bare(self, ov) -> set | None:
        """With the axis off (no frame): the texts anchored to data that a page moves,
        drawn as ``draw_frame`` draws them (their ids), or None."""
        return draw_rectilinear_frame(self, ov, frame=False)


class AxesSync:
    """The per-frame sync of :class:`~lumos.plot.axes.Axes` (a mixin) and the lookup of
    picked artists in its batches."""

    # -- per frame -------------------------------------------------------------------
    # artists whose data rows alone changed since the last sync (a dict as an ordered
    # set; made at the first); the batches as the last rebuild made them: each batch's
    # members, and where each artist's items went ((batch key, member index) per item)
    _rows_pending: dict | None = None
    # the limits moved since the last sync (set_xlim, a pan): the batches hold data in
    # scale space, which the camera maps, so only the artists whose batch items follow
    # the view (``Artist.batch_follows_view``) make the sync take them again
    _view_moved = False
    _batch_members: dict | None = None
    _placed: dict | None = None

    def artist_rows_changed(self, artist) -> None:
        """Only rows of ``artist``'s data changed, written in place (``Line2D.set_data``
        with as many points): not its look, nor the data range the automatic limits keep
        (matplotlib's ``dataLim``, taken at the fit). The next sync hands the rows to the
        artist's batches, without rebuilding every batch nor fitting the limits again:
        a redraw after ``set_data`` costs the rows, not the axes."""
        if self._rows_pending is None:
            self._rows_pending = {}
        self._rows_pending[artist] = None

    def views_over_decorations(self) -> list[tuple[str, object]]:
        """(decoration, view) of the artists above the frame's zorder (spines, 2.5:
        "frame") or the legend's ("legend"), which the figure stacks right over that
        decoration."""
        return self._layers.over_decorations()

    def sync(self) -> None:
        """Before drawing: camera from the limits, batches from the artists, grid."""
        self.sync_camera()
        self.sync_navigation()
        self.view.bgcolor = self._background()
        # taken before any artist's items are (a producer thread may add one meanwhile:
        # it stays for the next sync, its rows marked before it was added)
        rows = list(self._rows_pending or ())
        for a in rows:
            self._rows_pending.pop(a, None)
        moved, self._view_moved = self._view_moved, False
        if self._dirty or (moved and any(a.batch_follows_view() for a in self.artists
                                         if a.get_visible())):
            self._rebuild_batches()
            self._dirty = self._changed_since_fit()
        elif rows:
            self._push_rows(rows)
        self._sync_gpu_transforms()
        self._withhold_animated()
        self._update_grid()
        # artists above the frame's or the legend's zorder draw over it
        # (Figure._draw_decorations)
        legend = self.legend_zorder()
        cuts = [(AXIS_ZORDER, "frame")] + ([] if legend is None else [(legend, "legend")])
        axis = self.xaxis.get_zorder()
        inside = self._ticks_inside()
        if axis < AXIS_ZORDER and (self._layers.crosses(axis, AXIS_ZORDER, inside) or (
                inside and any(self.clipped_text_place(t.get_zorder()) == 1
                               for t in self.texts if t.get_clip_on()))):
            # artists between the axis and the spines in zorder meet the ticks or their
            # labels: they draw over those (apart from the spines, ``ticks_apart``)
            cuts.append((axis, "axis"))
        texts = min((t.get_zorder() for t in self.texts
                     if t.get_visible() and t.get_zorder() > AXIS_ZORDER), default=None)
        if texts is not None and self._layers.crosses(AXIS_ZORDER, texts, True):
            # artists between the spines and the texts in zorder: the texts draw apart
            # from the spines, over them (``texts_apart``)
            cuts.append((texts, "texts"))
        self._layers.cuts = sorted(cuts)
        self._layers.arrange(self)  # clip_on=False visuals across the figure, in zorder

    def _ticks_inside(self) -> bool:
        """Whether some ticks point into the axes' box (direction 'in' or 'inout')."""
        return self.axison and any(
            axis.visible and st.direction != "out"
            for axis in (self.xaxis, self.yaxis) for st in (axis.major, axis.minor))

    def texts_apart(self) -> bool:
        """Whether the axes' texts over the spines draw apart from its decorations this
        frame (in the figure's ``clip_overlays.texts``), over artists between the two
        in zorder."""
        return any(name == "texts" for _, name in self._layers.cuts)

    def clipped_text_place(self, zorder: float) -> int:
        """Where a clipped text of ``zorder`` draws (``ClipOverlays.get``): under the
        ticks and spines (0: at or under the axis' zorder), over the ticks and under
        the spines (1: up to theirs, 2.5) or over both (2)."""
        return 0 if zorder <= self.xaxis.get_zorder() else 1 if zorder <= AXIS_ZORDER \
            else 2

    def ticks_apart(self) -> bool:
        """Whether the axes' ticks and tick labels draw apart from its spines this frame
        (in the figure's ``clip_overlays.ticks``), under artists above the axis' zorder
        that meet them."""
        return any(name == "axis" for _, name in self._layers.cuts)

    def legend_zorder(self) -> float | None:
        """The lowest zorder of the axes' visible legends (None: none)."""
        return min((lg.get_zorder() for lg in self.drawn_legends() if lg.get_visible()),
                   default=None)

    def _scale_space_visuals(self):
        """The visuals holding scale-space positions (the GPU applies the projection)."""
        yield from self._batches.values()
        for a in self.artists:
            if a.space == "scale":
                yield from a.visuals()

    def _sync_gpu_transforms(self) -> None:
        t = self.gpu_transform()
        for v in self._scale_space_visuals():
            if v.transform != t:
                v.transform = t

    def _push_rows(self, artists: list) -> None:
        """The rows-only change of ``artists`` (``artist_rows_changed``) into their
        batches: each item goes to the member it was in, the batch's other members as
        they were (unchanged: any other change rebuilds the batches). Items that would
        batch otherwise now (another key, another count) rebuild every batch, with these
        items (taking them consumed their changed rows)."""
        items = {a: a.batch_items() for a in artists if a.get_visible()}
        placed, members = self._placed, self._batch_members
        px = self.figure.points_to_pixels(1.0)
        touched: dict[tuple, list] = {}
        for a, its in items.items():
            where = None if placed is None else placed.get(a)
            if where is None or len(where) != len(its):
                self._rebuild_batches(items)
                return
            for (key, index), item in zip(where, its, strict=True):
                if self._batch_key(a, item, px) != key or key not in self._batches:
                    self._rebuild_batches(items)
                    return
                batch = touched.setdefault(key, list(members[key]))
                batch[index] = Member((a, item.part), item.pos, item.color, item.size,
                                      item.changed)
        for key, batch in touched.items():
            self._batches[key].set_members(batch)
            members[key] = [_settled(m) for m in batch]

    def _batch_key(self, a, item, px: float) -> tuple:
        """The batch of an item of artist ``a``: its visual kind, style, zorder and the
        dpi's pixels per point; rasterized artists batch apart (vector files draw their
        batch as an image), as do the unclipped ones (they draw in another view), those
        with a clip path (drawn through it) and items that draw alone."""
        return (item.visual, item.style, item.order, px,
                (a, item.part) if item.alone else None, self.rasterizes(a),
                a.get_clip_on(), a.get_clip_path(), id(a) if a.get_animated() else None)

    # the animated artists (found at each rebuild of the batches: set_animated makes
    # one) and the visuals withheld at the last draw
    _animated: tuple = ()
    _withheld: tuple = ()

    def _withhold_animated(self) -> None:
        """Leave the animated artists out of this draw unless blitted or saved
        (``FigureCanvas.shows``): their visuals, and their batches (each batches
        alone, ``_batch_key``), are withheld; the others cost nothing here."""
        if not self._animated and not self._withheld:
            return
        for v in self._withheld:
            v.withheld = False
        canvas = self.figure.figure.canvas
        held = {id(a): a for a in self._animated if not canvas.shows(a)}
        withheld = [v for a in held.values() for v in a.visuals()]
        withheld += [v for key, v in self._batches.items() if key[8] in held]
        for v in withheld:
            v.withheld = True
        self._withheld = tuple(withheld)

    def _rebuild_batches(self, items: dict | None = None) -> None:
        """Put the batch items of the artists into one visual per kind, style and
        zorder (one draw each); the visuals upload only the rows that changed.
        ``items``: the items of some artists, taken already."""
        px = self.figure.points_to_pixels(1.0)  # marker sizes and widths follow the dpi
        self._animated = tuple(a for a in self.artists if a.get_animated())
        groups: dict[tuple, list] = {}
        first: dict[tuple, int] = {}  # a batch's first member's artist, by index
        placed: dict = {}
        for i, a in enumerate(self.artists):
            if not a.get_visible():
                continue
            rasterized = self.rasterizes(a)
            for v in a.visuals():
                v.rasterized = rasterized
            where = placed[a] = []
            its = items.get(a) if items else None
            for item in a.batch_items() if its is None else its:
                # member_at gives the owner back: artist_at reads it
                key = self._batch_key(a, item, px)
                group = groups.setdefault(key, [])
                where.append((key, len(group)))
                group.append(Member((a, item.part), item.pos, item.color, item.size,
                                    item.changed))
                first.setdefault(key, i)
        self._placed = placed
        self._batch_members = {k: [_settled(m) for m in g] for k, g in groups.items()}
        for key in [k for k in self._batches if k not in groups]:
            self._layers.remove(self._batches.pop(key))
        for key, members in groups.items():
            visual = self._batches.get(key)
            if visual is None:
                visual = self._batches[key] = key[0](**dict(key[1]))
                visual.order = key[2]
                visual.rasterized = key[5]
                self.view.add(visual)
                self._layers.set_clip(visual, key[6])
                self._layers.set_clip_path(visual, key[7])
            visual.set_members(members)
        self._order_as_added({id(self._batches[k]): i for k, i in first.items()})

    def _order_as_added(self, batch_rank: dict[int, int]) -> None:
        """matplotlib draws artists of equal zorder in the order they were added; the
        canvas sorts visuals by zorder keeping their order in the view, so the artists'
        visuals and the batches (made later, at a sync) take the view's slots they hold
        in that order, a batch where its first member's artist is (``batch_rank``)."""
        rank = dict(batch_rank)
        for i, a in enumerate(self.artists):
            for v in a.visuals():
                rank.setdefault(id(v), i)
        self.view.reorder(rank)

    _rasterization_zorder: float | None = None

    def set_rasterization_zorder(self, z: float | None) -> None:
        """Vector files (SVG, PDF) draw the artists below zorder ``z`` as images, as if
        each were ``set_rasterized(True)`` (None: only those)."""
        if z is not None:
            z = float(z)
            if np.isnan(z):
                raise ValueError("z: got nan, expected a zorder or None")
        self._rasterization_zorder = z
        self._dirty = True

    def get_rasterization_zorder(self) -> float | None:
        """The zorder below which vector files rasterize artists (None: none)."""
        return self._rasterization_zorder

    def rasterizes(self, artist) -> bool:
        """Whether vector files draw ``artist`` as an image: its own flag, or a zorder
        below ``get_rasterization_zorder()``."""
        z = self._rasterization_zorder
        return artist.get_rasterized() or (z is not None and artist.zorder < z and
                                           artist.rasterizable)

    def data_visuals(self) -> list:
        """The visuals that draw the artists' data (what ``Figure.pick`` may hit)."""
        return [*self._batches.values(), *(v for a in self.artists for v in a.visuals())]

    def artist_at(self, visual, index: int):
        """``(artist, index into its data)`` of a hit on one of the axes' data visuals:
        the batch says whose row it is, else the artist drawing that visual;
        ``(visual, index)`` for a visual no artist claims."""
        key, local = visual.member_at(index)
        if key is not None:
            artist, part = key
            return artist, artist.pick_index(local, part)
        for a in self.artists:
            if visual in a.visuals():
                return a, a.pick_index(index)
        return visual, index


class AxesNavigation:
    """Whether the mouse pans and zooms an axes (a mixin of
    :class:`~lumos.plot.axes.Axes`): the window, the Qt widget, the notebook and a
    page's own navigation (lumos.app.interaction, controls.js) follow it."""

    _forward_navigation: bool | str = "auto"

    def set_navigate(self, b: bool) -> None:
        """False: a pan or zoom of the mouse leaves this axes alone (and moves the axes
        below it, if any); mouse events still name it (``event.inaxes``)."""
        self.view.navigate = bool(b)

    def get_navigate(self) -> bool:
        """Whether the mouse pans and zooms this axes."""
        return self.view.navigate

    def set_forward_navigation_events(self, forward: bool | str) -> None:
        """True: a pan or zoom over this axes also moves the axes below it; False: only
        this one; 'auto' (the default): forward when the background patch is hidden
        (as twin axes' is)."""
        if forward != "auto" and not isinstance(forward, (bool, np.bool_)):
            raise ValueError(f"forward: got {forward!r}, expected True, False or 'auto'")
        self._forward_navigation = forward if forward == "auto" else bool(forward)

    def get_forward_navigation_events(self) -> bool | str:
        """True, False or 'auto' (see ``set_forward_navigation_events``)."""
        return self._forward_navigation

    def in_axes(self, mouseevent) -> bool:
        """Whether the mouse event (figure pixels ``x``, ``y`` from the bottom left) is
        over the axes' box."""
        if mouseevent.x is None or mouseevent.y is None:
            return False
        with np.errstate(all="ignore"):
            u, v = self.transAxes.inverse(np.array([mouseevent.x, mouseevent.y], float))
        return bool(0 <= u <= 1 and 0 <= v <= 1)

    def contains(self, mouseevent) -> tuple[bool, dict]:
        """matplotlib's ``(in_axes(mouseevent), {})``."""
        return self.in_axes(mouseevent), {}

    def sync_navigation(self) -> None:
        """Before drawing: tell the view whether navigation passes to the views below."""
        forward = self._forward_navigation
        if forward == "auto":
            forward = self.role == "twin" or not self.patch.get_visible()
        self.view.forward_navigation = forward


def _settled(m: Member) -> Member:
    """``m`` once its batch took its changes: what the batch holds of it."""
    return m if not m.changed else Member(m.key, m.pos, m.color, m.size)
