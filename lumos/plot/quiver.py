"""The arrows of ``quiver`` (:class:`Quiver`), with matplotlib's units, scaling and
pivots.

Arrows are outlines in pixels drawn through one :class:`~lumos.visuals.path.Paths`:
where matplotlib keeps their shape in pixels as the view moves (``units`` 'width',
'height', 'dots', 'inches' with lengths not scaled in data), they are pixels about
their data points (``units="pixels"``), so a page that moves the camera alone keeps
them as Python redraws them; arrows in data units ('x', 'y', 'xy') are data
vertices, which a zoom scales as matplotlib's do. Either is marked for a page as
what only Python redraws where a view can change it otherwise (an x-only zoom,
``angles='xy'``).
"""

from __future__ import annotations

import math

import numpy as np

from .. import primitives as prim
from ..path import CLOSEPOLY, LINETO, MOVETO
from ..visuals.path import Paths
from .artists import ScalarMappable
from .barbs_clip import clip_polygon, polar_rim
from .collections import Collection, finite_limits_xy, to_scale
from .style import dash_offset, dash_pattern


def _codes(n: int) -> np.ndarray:
    """The codes of a closed polygon of ``n`` points (an arrow cut at a polar rim)."""
    return np.array([MOVETO, *[LINETO] * (n - 1), CLOSEPOLY], np.uint8)


#: one arrow's codes: its 7 outline points (``Quiver._arrow_shapes``), closed
_CODES = _codes(7)
#: the units of ``units`` and ``scale_units`` that do not change with the view
_PIXEL_UNITS = ("width", "height", "dots", "inches")


class ArrowPaths(Collection):
    """Arrows (7-point outlines in pixels, ``Quiver._arrow_shapes``) drawn through one
    Paths visual: placed in pixels about anchors in data, in data, or in axes
    fractions (``_arrows()`` says which), filled and outlined as the collection's
    colors and ``linewidth`` say."""

    space = "scale"  # data anchors and vertices are scale space; the GPU projects them
    _view_dependent = True  # Python remakes them per view (lengths, angles may change)
    _page_name = "quiver arrows"

    def __init__(self, axes, **kwargs) -> None:
        self._paths_visual = Paths()
        super().__init__(axes, n_lines=0, **kwargs)

    def visuals(self) -> list:
        return [self._paths_visual]

    def _arrows(self):
        """``(points (n, 7, 2) in figure pixels, where, anchors (n, 2) data or None,
        face rgba (n, 4), edge rgba (n, 4), follows)``: ``where`` 'pixels' (points
        about the anchors' pixels), 'data' or 'axes'; ``follows``: whether a page that
        moves the camera alone draws them as Python redraws them; None: nothing."""
        raise NotImplementedError

    def _update_geometry(self) -> None:
        self._built_for = self._state()
        ax, visual = self.axes, self._paths_visual
        arrows = self._arrows() if ax is not None else None
        if arrows is not None and arrows[1] == "pixels":
            arrows = self._cut_at_rim(*arrows)
        if arrows is None or not len(arrows[0]):
            visual.set_paths([], "data")
            self._shown = [False]
            self._sync_visuals()
            return
        pts, where, anchors, face, edge, follows = arrows
        if where == "pixels":
            anchors = np.c_[to_scale(ax.xaxis, anchors[:, 0]), to_scale(ax.yaxis, anchors[:, 1])]
        else:
            back = ax.transView.inverse if where == "data" else ax.transAxes.inverse
            pts = [back(p) for p in pts]
        w = ax.figure.points_to_pixels(self._linewidth)
        ls = self._linestyle
        strokes = [None] * len(pts) if w <= 0 or ls is None else [
            prim.Stroke(tuple(e), width=w, dashes=dash_pattern(ls, w),
                        dash_offset=dash_offset(ls, w), join="round", cap="butt")
            if e[3] > 0 else None for e in edge.tolist()]
        visual.set_paths([prim.Path(np.r_[v, v[:1]], _CODES if len(v) == 7 else _codes(len(v)),
                                    fill=tuple(f) if f[3] > 0 else None, stroke=s)
                          for v, f, s in zip(pts, face.tolist(), strokes, strict=True)],
                         where, anchors)
        self._shown = [True]
        self._sync_visuals()
        visual.follow = None if follows else self._page_follow()

    def _cut_at_rim(self, pts, where, anchors, face, edge, follows):
        """The arrows as pixels from their points, those crossing a full-circle polar
        axes' rim cut at it as matplotlib clips them (:mod:`.barbs_clip`)."""
        base = self.axes.transData.forward(anchors)
        pts = pts - base[:, None, :]
        rim = polar_rim(self)
        if rim is None:
            return list(pts), where, anchors, face, edge, follows
        c = rim[0] - base  # the circle's centre from each point
        polys = [clip_polygon(p, ci, rim[1]) if (np.hypot(*(p - ci).T) > rim[1]).any() else p
                 for p, ci in zip(pts, c, strict=True)]
        keep = np.array([len(p) > 2 for p in polys], bool)
        return ([p for p, k in zip(polys, keep, strict=True) if k], where, anchors[keep],
                face[keep], edge[keep], follows)


class Quiver(ArrowPaths, ScalarMappable):
    """Arrows as filled outlines (``quiver``): shapes in pixels like
    matplotlib (shaft width, head width/length in shaft widths, length autoscaled),
    outlined ``linewidth`` points wide in ``edgecolor`` ('face': the arrow's color)."""

    _UNITS = (*_PIXEL_UNITS, "x", "y", "xy")

    def __init__(self, axes, X, Y, U, V, C=None, scale=None, scale_units=None, units="width",
                 angles="uv", width=None, headwidth=3.0, headlength=5.0, headaxislength=4.5,
                 minshaft=1.0, minlength=1.0, pivot="tail", color="k", cmap=None, norm=None,
                 vmin=None, vmax=None, alpha=None, label=None, zorder=None, edgecolor="face",
                 linewidth=0.0, linestyle="-") -> None:
        for name, v, allowed in (("units", units, self._UNITS),
                                 ("scale_units", scale_units, (None, *self._UNITS)),
                                 ("pivot", pivot, ("tail", "mid", "middle", "tip"))):
            if v not in allowed:
                raise ValueError(f"{name}: got {v!r}, expected one of "
                                 f"{', '.join(repr(a) for a in allowed)}")
        self._edge_is_face = isinstance(edgecolor, str) and edgecolor == "face"
        super().__init__(axes, facecolor=color,
                         edgecolor="none" if self._edge_is_face else edgecolor,
                         linewidth=linewidth, linestyle=linestyle, alpha=alpha, label=label,
                         zorder=zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self.X, self.Y = np.asarray(X, dtype=float).ravel(), np.asarray(Y, dtype=float).ravel()
        self.N = len(self.X)
        self.scale, self.scale_units, self.units = scale, scale_units, units
        self.angles = angles
        self.width = width
        self.headwidth, self.headlength = float(headwidth), float(headlength)
        self.headaxislength = float(headaxislength)
        self.minshaft, self.minlength = float(minshaft), float(minlength)
        self.pivot = "middle" if pivot == "mid" else pivot
        self._C = None
        # what matplotlib computes at the first draw, in the view drawn (before it, in the
        # view of now: the limits may not be fitted yet)
        self._auto = (width is None, scale is None)
        self._drawn = False
        self.set_UVC(U, V, C)

    def set_UVC(self, U, V, C=None) -> None:  # noqa: N802 - matplotlib's name
        """New vector components (and values to color by)."""
        u = np.ma.masked_invalid(np.ma.array(U, dtype=float)).ravel()
        v = np.ma.masked_invalid(np.ma.array(V, dtype=float)).ravel()
        for name, arr in (("U", u), ("V", v)):
            if arr.size not in (1, self.N):
                raise ValueError(f"{name}: got {arr.size} values for {self.N} arrows")
        self.U = np.broadcast_to(u.filled(np.nan), (self.N,)).copy()
        self.V = np.broadcast_to(v.filled(np.nan), (self.N,)).copy()
        if C is not None:
            c = np.ma.masked_invalid(np.ma.array(C, dtype=float)).ravel()
            if c.size not in (1, self.N):
                raise ValueError(f"C: got {c.size} values for {self.N} arrows")
            self._C = np.broadcast_to(c.filled(np.nan), (self.N,)).copy()
            self.autoscale_clim(self._C)
        self.rescale()

    def get_array(self):
        return None if self._C is None else self._C.copy()

    def set_array(self, C) -> None:
        self.set_UVC(self.U, self.V, C)

    def _mapping_changed(self) -> None:
        self.rescale()

    def _dots_per_unit(self, units: str) -> float:
        ax = self.axes
        bw, bh = ax.box[2], ax.box[3]
        (x0, x1), (y0, y1) = ax.xaxis.get_view_interval(), ax.yaxis.get_view_interval()
        return {"x": bw / (x1 - x0), "y": bh / (y1 - y0),
                "xy": math.hypot(bw, bh) / math.hypot(x1 - x0, y1 - y0),
                "width": bw, "height": bh, "dots": 1.0,
                "inches": ax.figure.dpi}[units]

    def _magnitudes(self):
        """(arrow base pixels, screen offsets of (u, v) for 'xy', |(u, v)| in the units
        the scale divides)."""
        ax = self.axes
        base = ax.transData.forward(np.c_[self.X, self.Y])
        u, v = self.U, self.V
        d = None
        if (isinstance(self.angles, str) and self.angles == "xy") or self.scale_units == "xy":
            d = ax.transData.forward(np.c_[self.X + u, self.Y + v]) - base
        a = np.hypot(d[:, 0], d[:, 1]) if self.scale_units == "xy" else np.hypot(u, v)
        return base, d, a

    def draw_overlay(self, ov) -> None:
        """The first draw fixes an automatic ``width`` and ``scale`` in the view it
        draws, as matplotlib's (data units: the fitted limits)."""
        if not self._drawn:
            self._drawn, self._built_for = True, None
            self.width = None if self._auto[0] else self.width
            self.scale = None if self._auto[1] else self.scale
        super().draw_overlay(ov)

    def pixel_scale(self) -> tuple[float, float]:
        """(pixels per width unit, shaft width in pixels), fixing ``width`` and the
        autoscaled ``scale`` on first use (matplotlib's, from the arrows' mean length)."""
        ax = self.axes
        dpu = self._dots_per_unit(self.units)
        span = ax.box[2] / dpu
        if self.width is None:
            self.width = 0.06 * span / float(np.clip(math.sqrt(self.N), 8, 25))
        if self.scale is None:
            base, _, a = self._magnitudes()
            ok = np.isfinite(a) & np.isfinite(base).all(axis=1)
            amean = float(a[ok].mean()) if ok.any() else 1.0
            sn = max(10.0, math.sqrt(self.N))
            scale = 1.8 * amean * sn / span
            if self.scale_units is not None:
                scale *= (1.0 if self.scale_units == "xy" else
                          self._dots_per_unit(self.scale_units)) / dpu
            self.scale = scale if scale > 0 else 1.0
        return dpu, float(self.width) * dpu

    def length_pixels(self, a) -> np.ndarray:
        """Arrow lengths in pixels for magnitudes ``a`` (after :meth:`pixel_scale`)."""
        dpu = self._dots_per_unit(self.units)
        if self.scale_units is None:
            return a / float(self.scale) * dpu
        if self.scale_units == "xy":
            return a / float(self.scale)
        return a / float(self.scale) * self._dots_per_unit(self.scale_units)

    def follows_view(self) -> bool:
        """Whether a page that moves the camera alone draws the arrows as Python
        redraws them for its view: shapes in pixels (``units`` and ``scale_units`` not
        in data) turned by (u, v) or given angles, not by the view's aspect
        (``angles='xy'``). Arrows in data units scale with a zoom as matplotlib's for
        zooms alike along x and y only."""
        return self.units in _PIXEL_UNITS and self.scale_units in (None, *_PIXEL_UNITS) \
            and not self._xy_angles()

    def _state(self):
        """Arrows that follow the view (:meth:`follows_view`) are pixels about their
        points: only the box's size (units 'width', 'height'), the dpi and the
        projection change them; others change with the view, as those cut at a polar
        rim (their points move on it)."""
        if not self.follows_view() or polar_rim(self) is not None:
            return super()._state()
        ax = self.axes
        return tuple(ax.box[2:]), ax.transProjection.frozen(), ax.figure.dpi

    def _xy_angles(self) -> bool:
        return isinstance(self.angles, str) and self.angles == "xy"

    def _arrows(self):
        ax = self.axes
        if ax.box[2] <= 1 or self.N == 0:
            return None
        _, width_px = self.pixel_scale()
        base, d, a = self._magnitudes()
        u, v = self.U, self.V
        ok = np.isfinite(a) & np.isfinite(base).all(axis=1)
        length_px = self.length_pixels(a)
        if self._xy_angles():
            theta = np.arctan2(d[:, 1], d[:, 0])
        elif isinstance(self.angles, str):
            theta = np.arctan2(v, u)
        else:
            theta = np.deg2rad(np.broadcast_to(np.asarray(self.angles, dtype=float), (self.N,)))
        shape = self._arrow_shapes(np.where(ok, length_px / width_px, 0.0)) * width_px
        rot = np.exp(1j * np.nan_to_num(theta))[:, None]
        pts = (shape[..., 0] + 1j * shape[..., 1]) * rot
        px = np.stack([pts.real + base[:, :1], pts.imag + base[:, 1:]], axis=-1)[ok]
        if self._C is not None:
            rgba = np.asarray(self.cmap(self.norm(self._C)), dtype=float).reshape(-1, 4)
            if self._alpha is not None:
                rgba[:, 3] = self._alpha
        else:
            rgba = self.face_rgba(self.N)
        edge = rgba if self._edge_is_face else self.edge_rgba(self.N)
        # data units: vertices in data, which a zoom scales as matplotlib's dots per
        # unit (on axes that project linearly; else pixels about the points, redrawn)
        data = self.units in ("x", "y", "xy") and ax.transProjection.frozen().is_linear
        return (px, "data" if data else "pixels", None if data else np.c_[self.X, self.Y][ok],
                rgba[ok], edge[ok], self.follows_view())


    def _arrow_shapes(self, length: np.ndarray, pivot: str | None = None) -> np.ndarray:
        """(N, 7, 2) arrow outlines in shaft widths along +x (matplotlib's ``_h_arrows``):
        tail top, head-axis top, barb top, tip, barb bottom, head-axis bottom, tail bottom.
        ``pivot`` (default the quiver's) is the point at the anchor."""
        pivot = self.pivot if pivot is None else pivot
        hl, hw, hal = self.headlength, self.headwidth, self.headaxislength
        minsh = self.minshaft * hl
        L = np.clip(length, 0, 2 ** 16)[:, None]  # noqa: N806
        x = np.array([0, -hal, -hl, 0, -hl, -hal, 0.0]) + np.array([0, 1, 1, 1, 1, 1, 0]) * L
        y = 0.5 * np.array([1, 1, hw, 0, -hw, -1, -1.0])
        y = np.broadcast_to(y, x.shape).copy()
        x0 = np.array([0, minsh - hal, minsh - hl, minsh, minsh - hl, minsh - hal, 0.0])
        y0 = 0.5 * np.array([1, 1, hw, 0, -hw, -1, -1.0])
        short = (L < minsh)[:, 0]
        if short.any():
            shrink = (L[short] / minsh) if minsh else 0.0
            x[short] = shrink * x0
            y[short] = shrink * y0
        if pivot == "middle":
            x -= 0.5 * x[:, 3:4]
        elif pivot == "tip":
            x -= x[:, 3:4]
        tiny = (L < self.minlength)[:, 0]
        if tiny.any():
            # a hexagonal dot, laid on the same 7 slots (the triangles still cover it)
            th = np.array([0, 1, 2, 3, 4, 5, 0]) * np.pi / 3
            x[tiny] = np.cos(th) * self.minlength * 0.5
            y[tiny] = np.sin(th) * self.minlength * 0.5
        return np.stack([x, y], axis=-1)

    def data_limits(self):
        return finite_limits_xy(self.X, self.Y, self.axes)

    def legend_patch(self):
        return tuple(self.face_rgba(1)[0]), None
