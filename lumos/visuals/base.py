"""What every visual shares: validation helpers, float64 origins, node transforms.

A visual owns its GPU resources (``lumos.gpu`` buffers and textures) and turns
itself into draws for a view (``draws``). It also describes itself as device-neutral
primitives (``primitives``, :mod:`lumos.primitives`) for SVG, PDF and the other
devices, computed in float64 through the same transforms and camera as its shaders.
Properties are plain attributes; a setter re-uploads only the resource it touches (a
buffer gets a new version) or changes a uniform.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .. import colors
from .. import primitives as prim
from ..gpu.camera_math import draw_matrices
from ..gpu.frame import Draw, Frame

# The largest texture a frame may hold when no context tells (a page for the browser):
# WebGL2 promises 2048 and practically every browser gives at least 4096.
PORTABLE_TEXTURE_SIZE = 4096
#: the ``order`` from which visuals are translucent: they draw after the opaque ones of
#: their view, and in a 3D view farthest first (as matplotlib paints), not in ``order``
TRANSLUCENT_ORDER = 1000.0


@dataclass(repr=False, eq=False)
class DrawContext:
    """What a visual needs to know about the view it is drawn in."""

    view_id: str
    size: tuple[float, float]  # logical pixels
    pixel_ratio: float
    camera: dict
    is_3d: bool
    # the context's limit: larger data is split into several textures
    max_texture_size: int = PORTABLE_TEXTURE_SIZE
    # The draws of this view so far, in order (the canvas appends each visual's): a
    # visual that composites with what is behind it (Volume) repeats the opaque ones
    # into a depth target.
    drawn: list = field(default_factory=list)
    # The frame goes to a runtime that moves cameras alone (a page, the notebook
    # widget): visuals attach what that runtime recomputes per camera (followers,
    # docs/frame.md) and the data it needs.
    follow: bool = False
    # In a 3D view: projects points with this frame's camera (translucent meshes sort
    # their faces farthest first by it, ``painter.SortedFaces``); None in 2D views.
    depth: PrimitiveContext | None = None
    # The view's GL viewport (physical pixels, its edges rounded; None: ``size`` times
    # the pixel ratio): the camera shows its rectangle at the view's exact place in it
    # (``gpu.camera_math.view_lens``), so window positions are the figure's exact ones
    # and lines snapped to the pixel grid (``Line.snap``) round them, as Agg.
    viewport: tuple[int, int] | None = None


@dataclass(repr=False, eq=False)
class Member:
    """One owner's rows in a batch visual (``Line.set_members``, ``Markers.set_members``).

    ``key`` is whoever owns the rows (opaque to the visual, compared with ``==`` from one
    call to the next, hashable; ``member_at`` gives it back for a picked row); ``pos``
    (n, 2|3) positions; ``color`` one RGBA or (n, 4); ``size`` (n,) marker sizes in
    pixels. ``changed`` says which rows changed since the
    batch last took this member: ``{"pos" | "size" | "color": (start, stop) or True}``
    (True: all rows); a part not named did not change. ``"y_only": True`` adds that
    only y (and z) changed in those "pos" rows: an x-sorted line stays sorted.
    """

    key: object
    pos: np.ndarray
    color: object
    size: np.ndarray | None = None
    changed: dict = field(default_factory=dict)


def changed_span(change, n: int) -> tuple[int, int] | None:
    """A member's change entry as (start, stop) rows, or None for no change."""
    if change is None or change is False:
        return None
    if change is True:
        return (0, n) if n else None
    start, stop = change
    return (int(start), int(stop)) if stop > start else None


@dataclass(repr=False, eq=False)
class PrimitiveContext:
    """What a visual needs to describe itself as primitives in a view.

    ``rect`` is the view's rectangle in canvas logical pixels (x, y from the top left,
    as the GL viewport places it), ``pixel_ratio`` the device pixels per logical pixel
    of the export (the resolution of rasters and of level of detail). ``raster(visual)``
    renders a visual alone offscreen at that resolution and returns it as primitives:
    the fallback for what has no vector form.
    """

    rect: tuple[float, float, float, float]
    pixel_ratio: float
    camera: dict
    is_3d: bool
    raster: Callable[[Visual], list]

    @property
    def size(self) -> tuple[float, float]:
        """The view's size in logical pixels."""
        return self.rect[2], self.rect[3]

    @property
    def clip(self) -> tuple[float, float, float, float]:
        """The clip rectangle of everything drawn in the view (the GL scissor)."""
        return self.rect

    def to_pixels(self, points, visual: Visual | None = None) -> np.ndarray:
        """Canvas logical pixels (N, 2), y down, of data points (N, 2|3) of ``visual``:
        its non-linear transform (numpy form of the shader's), node matrix and the
        camera, in float64. Points that are not finite or behind the eye give NaN."""
        return self.project(points, visual)[0]

    def project(self, points, visual: Visual | None = None) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`to_pixels` and the depth of every point (normalized device z: greater
        is farther from the eye; NaN where the pixels are). Points the visual's
        transform hides from this camera (``Transform.seen``: the sides of a 3D box
        that are not drawn) give NaN too."""
        pts = np.zeros((len(points), 3))
        arr = np.asarray(points, dtype=np.float64)
        pts[:, : arr.shape[1]] = arr
        model, seen = None, None
        if visual is not None and is_nonlinear(visual):
            raw = pts.copy()
            dims = 2 if not np.any(pts[:, 2]) else 3
            with np.errstate(all="ignore"):
                pts[:, :dims] = visual.transform.forward(pts[:, :dims])
        elif visual is not None:
            model = visual.model_matrix()
        # Subtract a float64 origin first, as the draws do, so that big coordinates
        # (timestamps) keep their precision.
        b = finite_bounds(pts)
        origin = np.zeros(3) if b is None else (b[0] + b[1]) / 2
        x, y, w, h = self.rect
        mvp, _, _ = draw_matrices(self.camera, w / max(h, 1e-9), origin, model)
        if visual is not None and is_nonlinear(visual):
            seen = visual.transform.seen(raw, mvp)
        with np.errstate(all="ignore"):
            clip = np.c_[pts - origin, np.ones(len(pts))] @ mvp.T
            ndc = clip[:, :3] / clip[:, 3:]
        out = np.c_[x + (ndc[:, 0] * 0.5 + 0.5) * w, y + (0.5 - ndc[:, 1] * 0.5) * h]
        hidden = ~(clip[:, 3] > 0) | ~np.isfinite(out).all(axis=1)
        if seen is not None:
            hidden |= ~seen
        out[hidden] = np.nan
        depth = np.where(hidden, np.nan, ndc[:, 2])
        return out, depth

    def eye_space(self, points, visual: Visual | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Eye-space coordinates (N, 3) of data points (N, 3) of ``visual`` (the eye at
        0, looking along -z) and the modelview matrix that took them there."""
        pts = np.asarray(points, dtype=np.float64)
        model = None
        if visual is not None and is_nonlinear(visual):
            with np.errstate(all="ignore"):
                pts = visual.transform.forward(pts)
        elif visual is not None:
            model = visual.model_matrix()
        x, y, w, h = self.rect
        _, modelview, _ = draw_matrices(self.camera, w / max(h, 1e-9), (0.0, 0.0, 0.0),
                                        model, normal=False)
        return pts @ modelview[:3, :3].T + modelview[:3, 3], modelview

    def primitives_of(self, visual: Visual) -> list:
        """``visual``'s primitives in this view, or a raster of it where it asks for one
        (``rasterized``) or gives only 3D primitives in a 2D view."""
        prims = self.raster(visual) if visual.rasterized else visual.primitives(self)
        if any(isinstance(p, prim.WORLD) for p in prims):
            prims = self.raster(visual)
        return prims

    def units_per_pixel(self) -> float | None:
        """The largest view-space length one pixel shows (a 2D view; None in 3D):
        tolerances of curves given in pixels, in the units transforms map to."""
        if self.camera.get("type") != "panzoom":
            return None
        _, _, cw, ch = self.camera["rect"]
        w, h = self.size
        return max(abs(cw) / max(w, 1e-9), abs(ch) / max(h, 1e-9)) or None


class Visual:
    """Base class: a node of the scene that can draw itself.

    ``transform`` is an optional 4x4 affine matrix (float64) or a
    ``lumos.transforms`` transform; ``visible`` hides it (and reads False while an
    owner has ``withheld`` it: an animated artist left out of a draw); ``order`` sorts draws
    within a view (higher draws later, on top); ``rasterized`` makes vector devices
    draw it as an image (matplotlib's ``set_rasterized``); ``clip_rect`` clips it
    to a part of its view.

    What a visual declares for the layers above (no type switches there): ``draws``,
    ``primitives`` (its vector form), ``bounds``, ``pick_index`` (what a raw pick id
    means) and ``member_at`` (which owner of a batch a picked index belongs to). See
    ``docs/writing-a-visual.md``.
    """

    is_3d = False  # visuals that want depth testing (meshes) set this
    # Triangle edges need multisampling; shader-antialiased visuals (lines, markers,
    # text, images) do not, and a frame of only those renders without it.
    needs_multisampling = False
    rasterized = False
    # What a runtime that moves cameras alone (the page) recomputes of this visual's
    # draws from the camera (docs/frame.md, "Followers"): a JSON dict copied onto each
    # of its draws that has none, and the records ({id: JSON}) such dicts name, or a
    # callable giving them (made only for a page's frame). An owner (the plot layer's
    # axes decorations) sets them; None: nothing follows.
    follow: dict | None = None
    follow_records = None
    # A rectangle inside its view the visual is clipped to (logical pixels x, y, w, h
    # from the canvas' top left, as View.rect); None: the view's. An owner sets it (a
    # 3D axes' data inside the axes' rectangle, its labels in the whole view).
    clip_rect: tuple[float, float, float, float] | None = None
    # Left out of the frames whatever ``visible`` says (an owner's second switch: the
    # plot layer withholds an animated artist until it is blitted, as matplotlib does)
    withheld = False
    _shown = True

    def __init__(self) -> None:
        self.visible = True
        self.order = 0
        self.parent = None
        self.children: list[Visual] = []
        self._transform = None

    @property
    def visible(self) -> bool:
        """Whether the visual is drawn: shown (set ``visible``) and not ``withheld``."""
        return self._shown and not self.withheld

    @visible.setter
    def visible(self, value) -> None:
        self._shown = bool(value)

    @property
    def transform(self):
        """The node transform: a 4x4 matrix, a ``lumos.transforms`` transform (non-linear ones run
        on the GPU) or None."""
        return self._transform

    @transform.setter
    def transform(self, value) -> None:
        if value is not None and not hasattr(value, "forward"):
            matrix = as_array(value, "transform")
            if matrix.dtype.kind not in "biuf":
                raise TypeError(f"transform: got {value!r}, expected a 4x4 matrix of numbers "
                                "or a lumos.transforms transform")
            if matrix.shape != (4, 4):
                raise ValueError(
                    f"transform: got shape {matrix.shape}, expected a 4x4 matrix or a "
                    "lumos.transforms transform"
                )
            if not np.isfinite(matrix).all():
                raise ValueError("transform: got a matrix with NaN or inf, expected finite "
                                 "numbers")
            value = matrix.astype(float)
        was_nonlinear = is_nonlinear(self)
        self._transform = value
        if is_nonlinear(self) or was_nonlinear:
            # non-linear transforms need absolute coordinates (no float64 origin)
            self._upload_geometry()

    def _upload_geometry(self) -> None:
        """Re-upload vertex positions (after a change of transform kind)."""

    def add(self, child: Visual) -> Visual:
        """Attach ``child``; it inherits this node's transform."""
        child.parent = self
        self.children.append(child)
        return child

    def model_matrix(self) -> np.ndarray | None:
        """The affine node transform from this node to the view (float64), or None."""
        m = None
        node = self
        while node is not None:
            t = node._transform
            if t is not None:
                t = t if isinstance(t, np.ndarray) else getattr(t, "matrix", None)
                if t is not None:
                    m = t if m is None else t @ m
            node = node.parent
        return m

    def bounds(self) -> np.ndarray | None:
        """(2, 3) float64 min/max of the finite data, after the node transform."""
        return None

    def _bounds_of(self, points: np.ndarray) -> np.ndarray | None:
        """Bounds (2, 3) of data points (N, 2|3) as the view sees them (non-linear
        transform applied)."""
        if is_nonlinear(self):
            t = self.transform
            dims = 2 if points.shape[1] == 2 or np.all(points[:, 2] == 0) else 3
            moved = np.zeros((len(points), 3))
            with np.errstate(all="ignore"):
                moved[:, :dims] = t.forward(points[:, :dims])
            return finite_bounds(moved)
        b = finite_bounds(points)
        if b is not None and b.shape[1] == 2:  # (N, 2) points: z = 0
            b = np.c_[b, np.zeros(2)]
        return transformed_bounds(b, self.model_matrix())

    def draws(self, ctx: DrawContext) -> list[Draw]:
        """The draws that show this visual now (``lumos.gpu.frame.Draw``): called for every frame;
        subclasses must define it."""
        raise NotImplementedError

    def pick_index(self, raw: int, frame: Frame, draw: Draw, x: float, y: float) -> int:
        """The index a user expects for a hit on ``draw`` (one of this visual's draws) at
        physical pixel (x, y): ``raw`` is ``gl_InstanceID`` for instanced draws, else
        the triangle (``gl_PrimitiveID``). Markers, mesh faces: the raw index."""
        return raw

    def member_at(self, index: int) -> tuple[object, int]:
        """``(key, index within its member)`` of a picked index in a batch
        (``set_members``); ``(None, index)`` for visuals that hold no members."""
        return None, index
    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """This visual as :mod:`lumos.primitives`: with a context, 2D primitives in
        canvas pixels, by default the fallback (a raster of the visual alone at the
        export resolution); without one, its world-space 3D primitives (spheres,
        cylinders, meshes: POV-Ray), by default none."""
        return [] if ctx is None else ctx.raster(self)

    def painter_depth(self, ctx: PrimitiveContext) -> float | None:
        """Where a 3D view's vector form (SVG, PDF) paints this visual: visuals are
        painted farthest first by this depth (matplotlib's ``computed_zorder``: the
        nearest projected depth of each artist; here the nearest corner of the bounds);
        None paints it before all of them, in its ``order`` (the 3D box's backdrop)."""
        b = self.bounds()
        if b is None:
            return None
        corners = np.array([[b[i][0], b[j][1], b[k][2]] for i in (0, 1) for j in (0, 1)
                            for k in (0, 1)])
        depth = ctx.project(corners)[1]
        return float(np.nanmin(depth)) if np.isfinite(depth).any() else None

    def walk(self):
        """This node and its descendants, depth first."""
        yield self
        for c in self.children:
            yield from c.walk()


# -- helpers shared by the visuals ------------------------------------------------

def as_array(value, argument: str) -> np.ndarray:
    """``np.asarray(value)``, with an error naming ``argument`` for ragged input."""
    try:
        return np.asarray(value)
    except Exception as exc:  # ragged input
        raise ValueError(f"{argument}: could not be read as an array ({exc})") from None


def as_positions(pos, argument: str = "pos", dims=(2, 3), columns: int | None = 3
                 ) -> np.ndarray:
    """Validate (N, 2|3) numeric positions; return a float64 (N, ``columns``) copy (z = 0
    for 2D input), or with ``columns=None`` one of the columns given."""
    arr = as_array(pos, argument)
    if arr.dtype.kind not in "biuf":  # not objects, strings or complex numbers
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
    if arr.ndim != 2 or arr.shape[1] not in dims:
        expected = " or ".join(f"(N, {d})" for d in dims)
        raise ValueError(f"{argument}: got shape {arr.shape}, expected {expected}")
    check_points(len(arr), argument)
    if columns is None or columns == arr.shape[1]:
        return np.array(arr, dtype=np.float64)
    out = np.zeros((arr.shape[0], columns), dtype=np.float64)
    out[:, : arr.shape[1]] = arr
    return out


def check_points(n: int, argument: str, bytes_per_point: int = 64) -> None:
    """Refuse ``n`` points whose copies (float64 xyz and the float32 GPU rows, about
    ``bytes_per_point`` each) exceed the memory budget, before anything is copied."""
    from ..gpu.budget import check_memory

    check_memory(float(n) * bytes_per_point, f"{argument}: {n:,} points",
                 "pass fewer points (decimate, or draw a density with density=True)")


def finite_rows(points: np.ndarray) -> np.ndarray:
    """Which rows of (N, d) points have every coordinate finite (column by column: numpy
    reduces short rows one at a time, a column at once)."""
    ok = np.isfinite(points[:, 0])
    for j in range(1, points.shape[1]):
        ok &= np.isfinite(points[:, j])
    return ok


def finite_bounds(points: np.ndarray) -> np.ndarray | None:
    """(2, d) min/max of the rows whose coordinates are all finite, or None."""
    if len(points):  # column by column (see finite_rows)
        lo = np.array([points[:, j].min() for j in range(points.shape[1])])
        hi = np.array([points[:, j].max() for j in range(points.shape[1])])
        if np.isfinite(lo).all() and np.isfinite(hi).all():
            return np.array([lo, hi])  # no NaN or inf (they would show): no copy needed
    ok = finite_rows(points) if len(points) else np.zeros(0, bool)
    if not ok.any():
        return None
    p = points[ok]
    return np.array([p.min(axis=0), p.max(axis=0)])


FLOAT32_MAX = float(np.finfo(np.float32).max)


def origin_for(points: np.ndarray, bounds: np.ndarray | None, grid: bool = False
               ) -> np.ndarray:
    """The float64 origin of points with finite ``bounds``: their centre (on a grid with
    ``grid``: see :func:`centre_origin`), or, when the points spread beyond what float32
    offsets can span, the lower median of each coordinate, a data value (the bulk of
    the data then stays exact and only the outliers are clipped; of two points, one
    is drawn where it is, not both clipped about their midpoint)."""
    centre = centre_origin(bounds, points.shape[1], grid)
    if centre is not None:
        return centre
    finite = points[np.isfinite(points).all(axis=1)]
    return np.percentile(finite, 50, axis=0, method="lower")


def centre_origin(bounds: np.ndarray | None, d: int, grid: bool = False
                  ) -> np.ndarray | None:
    """The origin (``origin_for``) of d-column points with finite ``bounds`` when it is
    their centre, rounded to a grid with ``grid`` (:func:`grid_centre`; zeros when no
    point is finite); None when it is their median.

    Rows changed in place (lines, markers: ``grid``) keep the origin of the last upload
    only while this is it: their float32 offsets are then a new visual's to the last
    bit, and a redraw draws what a new figure draws (a kept origin moves edges by
    float32 rounding: a level in a pixel here and there). The grid lets the origin stay
    while the centre moves a little; other visuals keep the exact centre (their
    pictures as before)."""
    if bounds is None:
        return np.zeros(d)
    los, his = bounds[0].tolist(), bounds[1].tolist()  # plain floats: short lines pay less
    if not all(hi / 2 - lo / 2 <= FLOAT32_MAX / 2  # halves: no overflow
               for lo, hi in zip(los, his, strict=True)):
        return None
    if not grid:
        return bounds[0] / 2 + bounds[1] / 2
    return np.array([grid_centre(a, b) for a, b in zip(los, his, strict=True)])


def grid_centre(lo: float, hi: float) -> float:
    """The centre of finite ``lo..hi`` rounded to a multiple of the power of two an eighth
    of the span's (``2**floor(log2(span)) / 8``); the centre itself when the span is 0.

    A pure function of the bounds, as a new upload's origin must be, that moves rarely:
    rows changed in place that move the centre by less than a step keep the origin (and
    upload those rows alone). Offsets grow by half a step at most (a sixteenth of the
    span): float32 keeps the same precision to within a bit. Exact: the quotient and
    the product by a power of two are, and the result lies within lo..hi."""
    centre = lo / 2 + hi / 2
    half = hi / 2 - lo / 2  # in [2**(e-1), 2**e): the span in [2**e, 2**(e+1))
    step = math.ldexp(1.0, math.frexp(half)[1] - 3) if half > 0 else 0.0
    return round(centre / step) * step if step > 0 else centre


class RowBounds:
    """The finite bounds of (N, d) points changed in place a range of rows at a time,
    and the row holding each column's least and greatest value: a range updates the
    bounds from its own rows (O(range)) unless it holds the row of an extreme and its
    rows no longer reach that extreme; then, or for points given anew (:meth:`forget`),
    every row is scanned."""

    def __init__(self) -> None:
        self._bounds: np.ndarray | None = None
        self._rows: np.ndarray | None = None  # (2, d): the rows of the mins, the maxes

    def forget(self) -> None:
        """The points were given anew: the next call scans them."""
        self._rows = None

    def after(self, points: np.ndarray, start: int, stop: int) -> np.ndarray | None:
        """The (2, d) finite bounds of ``points`` (None: no finite row) once rows
        ``start:stop`` changed."""
        rows = self._rows
        if stop - start >= len(points):  # every row: min and max alone, no rows kept
            self._bounds, self._rows = finite_bounds(points), None
        elif rows is None or rows.shape[1] != points.shape[1]:
            self._bounds, self._rows = _extremes(points, 0)
        else:
            held = (rows >= start) & (rows < stop)  # extremes whose rows were rewritten
            b, r = _extremes(points[start:stop], start)
            if self._bounds is None or b is None:
                if b is not None:
                    self._bounds, self._rows = b, r
                elif held.any():  # an extreme's row is no longer finite
                    self._bounds, self._rows = _extremes(points, 0)
                return None if self._bounds is None else self._bounds.copy()
            # the range reaches an extreme: every other row lies within it
            reach = np.array([b[0] <= self._bounds[0], b[1] >= self._bounds[1]])
            if bool((held & ~reach).any()):
                self._bounds, self._rows = _extremes(points, 0)
            else:
                take = held | np.array([b[0] < self._bounds[0], b[1] > self._bounds[1]])
                self._bounds[take] = b[take]
                self._rows[take] = r[take]
        return None if self._bounds is None else self._bounds.copy()


def _extremes(points: np.ndarray, first: int) -> tuple[np.ndarray | None, np.ndarray]:
    """The finite bounds of (n, d) points and the rows (numbered from ``first``) holding
    them; (None, rows -1) when no row is finite."""
    d = points.shape[1]
    ok = finite_rows(points) if len(points) else np.zeros(0, bool)
    if not ok.any():
        return None, np.full((2, d), -1)
    index = None if ok.all() else np.flatnonzero(ok)
    p = points if index is None else points[index]
    at = np.array([[p[:, j].argmin() for j in range(d)], [p[:, j].argmax() for j in range(d)]])
    bounds = np.array([[p[at[s, j], j] for j in range(d)] for s in (0, 1)])
    return bounds, first + (at if index is None else index[at])


def float32_offsets(local: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float32 of float64 offsets (N, d) from an origin, and which rows hold a value
    beyond float32's range; those values are clipped to it (never turned into inf)."""
    if local.size and local.ndim == 2:  # within range (NaN aside): no row to look at
        # over the whole array at once: a reduction along its short rows is slow
        with np.errstate(invalid="ignore"):
            inside = (np.fmin.reduce(local, axis=None) >= -FLOAT32_MAX
                      and np.fmax.reduce(local, axis=None) <= FLOAT32_MAX)
        if inside:
            return local.astype(np.float32), np.zeros(len(local), bool)
    with np.errstate(invalid="ignore"):
        beyond = (np.abs(local) > FLOAT32_MAX).any(axis=1)
    if beyond.any():
        local = np.clip(local, -FLOAT32_MAX, FLOAT32_MAX)
    return local.astype(np.float32), beyond


def absolute_float32(points: np.ndarray, argument: str = "pos") -> np.ndarray:
    """Float32 of absolute points for a shader whose transform takes them whole (a
    non-linear one: log, polar), where no origin can be split off: rows with NaN or
    inf become 0 (their owners skip them: a marker of size 0, a dropped triangle);
    values beyond float32's range are clipped to it, with ``warn_clipped``'s warning
    naming ``argument`` (never an overflow to inf in the cast)."""
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or not len(pts):
        return pts.astype(np.float32)
    valid = finite_rows(pts)
    if not valid.all():
        pts = np.where(valid[:, None], pts, 0.0)
    local, beyond = float32_offsets(pts)
    warn_clipped(int(beyond.sum()), argument)
    return local


def warn_clipped(count: int, argument: str, what: str = "drawn clipped to it") -> None:
    """Say that ``count`` points lie beyond the float32 range from the data's centre
    (once per call) and what is done with them."""
    if count:
        import warnings

        warnings.warn(f"{argument}: {count} points lie beyond the float32 range "
                      f"(±{FLOAT32_MAX:.3g}) from the data's centre and are {what}",
                      RuntimeWarning, stacklevel=3)


def float32_minus(points: np.ndarray, origin: np.ndarray) -> np.ndarray:
    """``(points - origin).astype(float32)``, bit for bit, without the float64 temporary:
    flat cache-sized chunks minus the origin repeated (numpy's broadcast over rows of 2
    or 3 values runs an inner loop per row, 3x slower)."""
    flat = np.ascontiguousarray(points).reshape(-1)
    out = np.empty(points.shape, np.float32)
    dest = out.reshape(-1)
    rows = max(min(len(points), 1 << 14), 1)  # a few labels' anchors: no 16384-row tile
    step = len(origin) * rows
    pattern = np.tile(origin, rows)
    scratch = np.empty(step)
    for i in range(0, flat.size, step):
        m = min(step, flat.size - i)
        np.subtract(flat[i : i + m], pattern[:m], out=scratch[:m])
        dest[i : i + m] = scratch[:m]
    return out


def split_origin(points: np.ndarray, argument: str = "pos", grid: bool = False
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split float64 points into a float64 origin (``origin_for``) and float32 offsets
    from it.

    Returns ``(origin, local_float32, valid)``; rows with NaN/inf are zeroed and
    flagged invalid so shaders can break lines or skip markers there. Offsets beyond
    float32's range are clipped, with a warning naming ``argument``.
    """
    if 0 < len(points) <= 64 and points.ndim == 2 and points.dtype == np.float64:
        small = _split_small(points, grid)
        if small is not None:
            return small
    valid = finite_rows(points)
    bounds = finite_bounds(points)
    origin = origin_for(points, bounds, grid)
    # every finite offset fits float32 when the bounds' do (the common case): subtract
    # straight into float32 rows, rounded as astype rounds, with no float64 temporary
    fits = bounds is None or np.abs(bounds - origin).max() < 0.5 * FLOAT32_MAX
    with np.errstate(over="ignore", invalid="ignore"):
        local = float32_minus(points, origin) if fits else points - origin
    if not valid.all():
        local[~valid] = 0.0
    if not fits:
        local, beyond = float32_offsets(local)
        warn_clipped(int(beyond.sum()), argument)
    return origin, local, valid


def _split_small(points: np.ndarray, grid: bool
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """``split_origin`` of a few rows (a few labels' anchors), all finite and well within
    float32's range: the bounds and origin from Python floats (the same double
    arithmetic), without the dozen numpy calls that cost several times the work here;
    None for anything else (the general path)."""
    columns = list(zip(*points.tolist(), strict=True))
    if not all(math.isfinite(v) for c in columns for v in c):
        return None
    lo, hi = [min(c) for c in columns], [max(c) for c in columns]
    if any(b / 2 - a / 2 > FLOAT32_MAX / 4 for a, b in zip(lo, hi, strict=True)):
        return None  # origin_for's median, or offsets float32 must clip
    origin = np.array([grid_centre(a, b) if grid else a / 2 + b / 2
                       for a, b in zip(lo, hi, strict=True)])
    return origin, (points - origin).astype(np.float32), np.ones(len(points), bool)


def transformed_bounds(b: np.ndarray | None, model: np.ndarray | None) -> np.ndarray | None:
    """Bounds of a box after an affine matrix (its 8 corners)."""
    if b is None or model is None:
        return b
    corners = np.array([[x, y, z, 1.0] for x in b[:, 0] for y in b[:, 1] for z in b[:, 2]])
    t = corners @ model.T
    return np.array([t[:, :3].min(axis=0), t[:, :3].max(axis=0)])


def check_number(value, argument: str, minimum: float | None = None,
                 exclusive: bool = False) -> float:
    """A finite float (``>= minimum``, or ``> minimum`` when ``exclusive``), or a
    TypeError/ValueError naming ``argument``."""
    # a Python float first: the ABC check costs about a microsecond (a frame checks the
    # size and rotation of every tick label)
    if type(value) is not float and not isinstance(value, numbers.Real):
        raise TypeError(f"{argument}: got {type(value).__name__}, expected a number")
    v = float(value)
    low_ok = minimum is None or (v > minimum if exclusive else v >= minimum)
    if not math.isfinite(v) or not low_ok:
        bound = "" if minimum is None else f" {'>' if exclusive else '>='} {minimum:g}"
        raise ValueError(f"{argument}: got {value!r}, expected a finite number{bound}")
    return v


def check_positive(value, argument: str) -> float:
    """A finite, non-negative float, or a clear error."""
    return check_number(value, argument, 0.0)


def check_numbers(value, argument: str, count: int, expected: str) -> tuple[float, ...]:
    """``count`` finite floats (limits, an extent), or an error naming ``argument``;
    ``expected`` describes them, e.g. ``"(vmin, vmax)"``."""
    try:
        if isinstance(value, (str, bytes)) or any(isinstance(v, (str, bytes)) for v in value):
            raise TypeError
        vals = tuple(float(v) for v in value)
    except (TypeError, ValueError):
        raise TypeError(f"{argument}: got {value!r}, expected {expected} numbers") from None
    if len(vals) != count or not all(math.isfinite(v) for v in vals):
        raise ValueError(f"{argument}: got {value!r}, expected {count} finite numbers "
                         f"{expected}")
    return vals


def window_xy(frame: Frame, draw: Draw, local: np.ndarray) -> np.ndarray:
    """Physical pixels (top-left origin) of a draw's float32-local points (its origin and
    model matrix applied, then the view's camera), for pick decoding."""
    from ..gpu.camera_math import draw_matrices

    vx, vy, vw, vh = frame.views[draw.view].rect
    mvp, _, _ = draw_matrices(frame.views[draw.view].camera, vw / vh, draw.origin, draw.model)
    clip = np.c_[local, np.ones(len(local))] @ mvp.T
    with np.errstate(all="ignore"):
        ndc = clip[:, :2] / clip[:, 3:]
    return np.c_[vx + (ndc[:, 0] + 1) / 2 * vw, vy + (1 - ndc[:, 1]) / 2 * vh]


def window_to_plane(frame: Frame, draw: Draw, x: float, y: float) -> np.ndarray | None:
    """The point of a 2D draw's plane (z = 0, its origin added back) under physical
    pixel (x, y): the inverse of ``window_xy`` there; None if the view looks edge-on."""
    from ..gpu.camera_math import draw_matrices

    vx, vy, vw, vh = frame.views[draw.view].rect
    mvp, _, _ = draw_matrices(frame.views[draw.view].camera, vw / vh, (0.0, 0.0, 0.0),
                              draw.model)
    ndc = np.array([(x - vx) / vw * 2 - 1, 1 - (y - vy) / vh * 2])
    a, b = mvp[:2, :2], mvp[:2, 3]
    if abs(np.linalg.det(a)) < 1e-300 or np.any(mvp[3, :2]):
        return None  # perspective or degenerate: not a flat 2D view
    return np.linalg.solve(a, ndc - b)


def rgba_bytes(rgba: np.ndarray) -> np.ndarray:
    """Float RGBA rows in 0..1 as the uint8 rows the shaders read (float32 rows rounded
    in float32, as ever; see :func:`lumos.colors.rgba_to_bytes`)."""
    return colors.rgba_to_bytes(rgba)


def transform_parts(visual: Visual):
    """``(snippet, model)`` for a visual: the GLSL hook for a non-linear transform
    (identity otherwise) and the float64 affine node matrix for ``Draw.model``."""
    from ..shaders import IDENTITY

    t = visual.transform
    if t is not None and not isinstance(t, np.ndarray) and not getattr(t, "is_linear", True):
        return t.glsl_forward(), None
    return IDENTITY, visual.model_matrix()


def is_nonlinear(visual: Visual) -> bool:
    t = visual.transform
    return t is not None and not isinstance(t, np.ndarray) and not getattr(t, "is_linear", True)


def colormap_property() -> property:
    """The ``cmap`` property of a colormapped visual: any colormap spec (name, lumos or
    matplotlib colormap) in, a lumos Colormap out; setting it refills ``_cmap_texture``."""

    def get(self):
        return self._cmap

    def set(self, value) -> None:
        self._cmap = colors.get_cmap(value)
        self._cmap_texture = colormap_texture(self._cmap, self._cmap_texture)

    return property(get, set, doc="The colormap (set with a name or a colormap object).")


# matplotlib's lookup (Colormap.__call__): entry floor(t * N) of the N-entry table, 1.0
# the last, read with texelFetch so that neighbouring entries never blend (a 5-entry map
# shows 5 flat bands). A program declares ``uniform sampler2D u_cmap`` before it.
CMAP_ENTRY_GLSL = """
vec4 cmap_entry(float t) {
    int n = textureSize(u_cmap, 0).x;
    return texelFetch(u_cmap, ivec2(clamp(int(t * float(n)), 0, n - 1), 0), 0);
}
"""
MAX_CMAP_ENTRIES = 4096  # a longer table is resampled to this many (textures' width)


def colormap_texture(cmap, texture=None):
    """The lookup texture of a colormap: its ``N`` entries (at most
    ``MAX_CMAP_ENTRIES``), read by ``cmap_entry()``; refills ``texture`` when it can."""
    from ..gpu.resources import Texture

    lut = cmap.lut(min(cmap.N, MAX_CMAP_ENTRIES))[None, :, :]
    if texture is None or texture.data.shape != lut.shape:
        return Texture(lut, filter="nearest")
    texture.set_data(lut)
    return texture
