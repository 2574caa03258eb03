"""matplotlib's patches: Rectangle, Circle, Ellipse, Polygon, Wedge, Arc, FancyArrow,
FancyBboxPatch, PathPatch, RegularPolygon (``lumos.patches`` re-exports them).

A patch is a :class:`lumos.path.Path` in its own units (``get_path()``) placed by an
affine ``get_patch_transform()``, with matplotlib's constructor signatures, defaults
(face C0, no edge unless the kind draws one, hatch in the edge color) and accessors.
``ax.add_patch(p)`` attaches it; it then draws through one ``lumos.visuals.Paths`` in
data coordinates (``transform=ax.transData``, the default) or axes fractions
(``transform=ax.transAxes``), and its primitives are paths for every device.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from .. import primitives as prim
from ..path import Affine2D, Path
from ..visuals.path import Paths, hatch_counts
from .artists import Artist, LegendHandle
from .boxstyles import BoxStyle
from .collections import check_alpha, to_scale
from .patch_style import (
    as_path,
    check_real,
    check_xy,
    coordinates,
    linestyle_name,
    parse_linestyle,
    path_limits,
    rc,
    stroke,
    to_rgba,
)
from .style import rcParams

_ALIASES = {"ec": "edgecolor", "fc": "facecolor", "lw": "linewidth", "ls": "linestyle",
            "aa": "antialiased"}


# -- the base class --------------------------------------------------------------------
class Patch(Artist):
    """A filled, hatched and outlined shape (matplotlib's ``Patch``).

    Keywords (and matplotlib's aliases): ``facecolor``/``fc``, ``edgecolor``/``ec``,
    ``color`` (both), ``linewidth``/``lw`` (points), ``linestyle``/``ls``, ``fill``,
    ``hatch``, ``hatchcolor``, ``alpha``, ``zorder``, ``label``, ``visible``,
    ``transform`` (``ax.transData`` or ``ax.transAxes``), ``capstyle``, ``joinstyle``,
    ``clip_on``.
    """

    zorder = 1.0
    _edge_default = False  # whether the edge shows by default (FancyArrow, boxes: yes)

    def __init__(self, *, edgecolor=None, facecolor=None, color=None, linewidth=None,
                 linestyle=None, antialiased=None, hatch=None, fill=True, capstyle=None,
                 joinstyle=None, hatchcolor=None, alpha=None, label=None, zorder=None,
                 transform=None, visible=True, clip_on=True, **kwargs) -> None:
        named = {"edgecolor": edgecolor, "facecolor": facecolor, "linewidth": linewidth,
                 "linestyle": linestyle, "antialiased": antialiased}
        for short, long in _ALIASES.items():
            if short in kwargs:
                if named[long] is not None:
                    raise TypeError(f"{type(self).__name__}: got both {short!r} and {long!r}")
                named[long] = kwargs.pop(short)
        edgecolor, facecolor = named["edgecolor"], named["facecolor"]
        linewidth, linestyle = named["linewidth"], named["linestyle"]
        antialiased = named["antialiased"]
        if kwargs:
            raise TypeError(f"{type(self).__name__}: unexpected keyword arguments "
                            f"{sorted(kwargs)}")
        super().__init__(None, label, zorder)
        self._visual: Paths | None = None
        self._built_for = None
        self.in_autoscale = True  # whether data_limits counts (add_artist: no)
        self._fill = bool(fill)
        self._alpha = check_alpha(alpha)
        self._transform = transform
        self._linewidth = check_real(rc("patch.linewidth", 1.0) if linewidth is None
                                     else linewidth, "linewidth", 0.0, finite=True)
        self._style = parse_linestyle("solid" if linestyle is None else linestyle)
        self._hatch = None
        self.set_hatch(hatch)
        self._hatch_linewidth = float(rc("hatch.linewidth", 1.0))
        self._capstyle = self._check_style(capstyle or "butt", prim.CAPS, "capstyle")
        self._joinstyle = self._check_style(joinstyle or "miter", prim.JOINS, "joinstyle")
        self._antialiased = True if antialiased is None else bool(antialiased)
        if color is not None:
            if edgecolor is not None or facecolor is not None:
                raise TypeError(f"{type(self).__name__}: 'color' sets both face and edge "
                                "colors; got it with 'facecolor' or 'edgecolor' too")
            self._face_spec = self._edge_spec = self._hatch_spec = color
        else:
            self._face_spec, self._edge_spec, self._hatch_spec = facecolor, edgecolor, hatchcolor
        self._check_colors()
        self._visible = bool(visible)
        self.set_clip_on(clip_on)

    @staticmethod
    def _check_style(value, allowed, argument: str) -> str:
        value = getattr(value, "value", value)  # matplotlib's CapStyle/JoinStyle enums
        if value not in allowed:
            raise ValueError(f"{argument}: got {value!r}, expected one of {', '.join(allowed)}")
        return value

    def _check_colors(self) -> None:
        self.get_facecolor()
        self.get_edgecolor()
        self.get_hatchcolor()

    # -- geometry: what subclasses provide ------------------------------------------------
    def get_path(self) -> Path:
        """The patch's path in its own units."""
        raise NotImplementedError

    def get_patch_transform(self) -> Affine2D:
        """The affine map from path units to data (or axes) units."""
        return Affine2D()

    def get_transform(self):
        """The coordinates the patch lives in: ``ax.transData`` (None before it is added
        with no transform given) or ``ax.transAxes``."""
        if self._transform is None and self.axes is not None:
            return self.axes.transData
        return self._transform

    def set_transform(self, t) -> None:
        """The coordinates of the patch: a transform such as ``ax.transData`` (default) or
        ``ax.transAxes``."""
        if self.axes is not None:
            coordinates(t, self.axes)
        self._transform = t
        self._changed()

    def get_verts(self) -> np.ndarray:
        """The outline in data units as one polygon (curves flattened)."""
        polys = self.get_path().to_polygons(self.get_patch_transform())
        return polys[0] if polys else np.zeros((0, 2))

    def contains_point(self, point) -> bool:
        """Whether a point (in the patch's coordinates) lies inside it."""
        return self.get_path().contains_point(point, self.get_patch_transform())

    # -- style (matplotlib's accessors) ---------------------------------------------------
    def get_facecolor(self) -> tuple:
        """The face color as RGBA floats (alpha applied)."""
        spec = rc("patch.facecolor", "C0") if self._face_spec is None else self._face_spec
        return to_rgba(spec, self._alpha if self._fill else 0.0, argname="facecolor")

    def get_edgecolor(self) -> tuple:
        """The edge color as RGBA floats (alpha applied)."""
        spec = self._edge_spec
        if spec is None:
            spec = rcParams["patch.edgecolor"] if (rc("patch.force_edgecolor", False)
                                                   or not self._fill
                                                   or self._edge_default) else "none"
        return to_rgba(spec, self._alpha, argname="edgecolor")

    def get_hatchcolor(self) -> tuple:
        """The hatch color as RGBA floats."""
        spec = rc("hatch.color", "edge") if self._hatch_spec is None else self._hatch_spec
        if isinstance(spec, str) and spec == "edge":
            edge = self.get_edgecolor()
            return edge if edge[3] > 0 else colors.to_rgba(rcParams["patch.edgecolor"])
        return to_rgba(spec, self._alpha, argname="hatchcolor")

    def set_facecolor(self, color) -> None:
        """The face color (None: the default)."""
        colors.to_rgba(rc("patch.facecolor", "C0") if color is None else color,
                       argname="facecolor")
        self._face_spec = color
        self._changed()

    def set_edgecolor(self, color) -> None:
        """The edge color (None: the default)."""
        if color is not None:
            colors.to_rgba(color, argname="edgecolor")
        self._edge_spec = color
        self._changed()

    def set_hatchcolor(self, color) -> None:
        """The hatch color (None: the edge color)."""
        if color is not None and not (isinstance(color, str) and color == "edge"):
            colors.to_rgba(color, argname="hatchcolor")
        self._hatch_spec = color
        self._changed()

    def set_color(self, c) -> None:
        """Face, edge and hatch color at once."""
        colors.to_rgba(c, argname="color")
        self._face_spec = self._edge_spec = self._hatch_spec = c
        self._changed()

    set_fc, set_ec, get_fc, get_ec = set_facecolor, set_edgecolor, get_facecolor, get_edgecolor

    def get_alpha(self) -> float | None:
        """The opacity, or None (the colors' own)."""
        return self._alpha

    def set_alpha(self, alpha) -> None:
        """The opacity 0..1 for face and edge (None: the colors' own)."""
        self._alpha = check_alpha(alpha)
        self._changed()

    def get_fill(self) -> bool:
        """Whether the face is drawn."""
        return self._fill

    def set_fill(self, b: bool) -> None:
        """Draw the face or not."""
        self._fill = bool(b)
        self._changed()

    fill = property(get_fill, set_fill)

    def get_linewidth(self) -> float:
        """The edge width in points."""
        return self._linewidth

    def set_linewidth(self, w) -> None:
        """The edge width in points (None: the default)."""
        self._linewidth = check_real(rc("patch.linewidth", 1.0) if w is None else w,
                                     "linewidth", 0.0, finite=True)
        self._changed()

    def get_linestyle(self):
        """The edge style: '-', '--', ':', '-.' or a dash tuple."""
        return linestyle_name(self._style)

    def set_linestyle(self, ls) -> None:
        """The edge style: '-', '--', ':', '-.', 'None' or (offset, on-off sequence)."""
        self._style = parse_linestyle("solid" if ls is None else ls)
        self._changed()

    set_lw, get_lw, set_ls, get_ls = set_linewidth, get_linewidth, set_linestyle, get_linestyle

    def get_hatch(self) -> str | None:
        """The hatch pattern ('/', 'x', '.', ...), or None."""
        return self._hatch

    def set_hatch(self, hatch) -> None:
        """A hatch pattern: matplotlib's characters, repeated for density ('//', 'xx', ...)."""
        hatch_counts(hatch)  # a ValueError naming unknown letters
        self._hatch = hatch or None
        self._changed()

    def get_hatch_linewidth(self) -> float:
        """The width of hatch lines in points."""
        return self._hatch_linewidth

    def set_hatch_linewidth(self, lw) -> None:
        """The width of hatch lines in points."""
        self._hatch_linewidth = check_real(lw, "hatch_linewidth", 0.0, finite=True)
        self._changed()

    def get_capstyle(self) -> str:
        """The cap style of open edges: 'butt', 'round' or 'projecting'."""
        return self._capstyle

    def set_capstyle(self, s) -> None:
        """The cap style of open edges: 'butt', 'round' or 'projecting'."""
        self._capstyle = self._check_style(s, prim.CAPS, "capstyle")
        self._changed()

    def get_joinstyle(self) -> str:
        """The join style of edges: 'miter', 'round' or 'bevel'."""
        return self._joinstyle

    def set_joinstyle(self, s) -> None:
        """The join style of edges: 'miter', 'round' or 'bevel'."""
        self._joinstyle = self._check_style(s, prim.JOINS, "joinstyle")
        self._changed()

    def get_antialiased(self) -> bool:
        """Whether edges are antialiased."""
        return self._antialiased

    def set_antialiased(self, aa) -> None:
        """Antialias the edges or not."""
        self._antialiased = True if aa is None else bool(aa)

    def update(self, props: dict) -> None:
        """Set several properties from a dict (matplotlib's ``Artist.update``)."""
        self.set(**props)

    # -- what the axes asks ------------------------------------------------------------
    def _attach(self, ax) -> None:
        coordinates(self._transform, ax)
        self.axes = ax
        self._visual = Paths()
        self._update()

    def visuals(self) -> list:
        return [] if self._visual is None else [self._visual]

    def rescale(self) -> None:
        self._update()

    def _changed(self) -> None:
        if self._visual is not None:
            self._update()
        super()._changed()

    def draw_overlay(self, ov) -> None:
        """Line widths are points: rebuild when the dpi changed."""
        fig = self.axes.figure
        if self._visual is not None and self._built_for != (fig.dpi, fig.canvas.size):
            self._update()

    def _data_vertices(self) -> tuple[np.ndarray, np.ndarray | None]:
        path = self.get_path()
        verts = self.get_patch_transform().transform(path.vertices)
        return verts, path.codes

    def _units(self) -> str:
        return coordinates(self._transform, self.axes)

    def primitive_path(self, vertices, codes, points_to_pixels) -> prim.Path:
        """This patch's look as a primitives Path around ``vertices``/``codes``."""
        face = self.get_facecolor()
        edge = self.get_edgecolor()
        hatch = self._hatch
        return prim.Path(
            vertices, codes, fill=face if face[3] > 0 else None,
            stroke=stroke(edge, self._linewidth, self._style, points_to_pixels,
                          self._joinstyle, self._capstyle),
            hatch=hatch, hatch_color=self.get_hatchcolor() if hatch else None,
            hatch_width=float(points_to_pixels(self._hatch_linewidth)))

    def _update(self) -> None:
        ax = self.axes
        if ax is None or self._visual is None:
            return
        fig = ax.figure
        verts, codes = self._data_vertices()
        units = self._units()
        if units == "data":
            verts = np.c_[to_scale(ax.xaxis, verts[:, 0]), to_scale(ax.yaxis, verts[:, 1])]
        path = self.primitive_path(verts, codes, fig.points_to_pixels)
        self._visual.set_paths([path] if len(verts) else [], units)
        self._visual.hatch_unit = fig.dpi
        self._visual.canvas_height = fig.canvas.size[1]  # hatches start at its top left
        self._visual.visible = self._visible
        self._visual.order = self.zorder
        self._built_for = (fig.dpi, fig.canvas.size)

    def data_limits(self):
        """The curve's extent in data units (Bézier extrema included), or None for patches
        in axes coordinates."""
        if self.axes is None or not self.in_autoscale or self._units() != "data":
            return None
        return path_limits([self._data_vertices()], self.axes)

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        hatch = None
        if self._hatch:
            fig = self.axes.figure
            hatch = (self._hatch, tuple(self.get_hatchcolor()),
                     fig.points_to_pixels(self._hatch_linewidth), fig.dpi)
        return LegendHandle(patch=self.legend_patch(), hatch=hatch)

    def legend_patch(self) -> tuple[tuple, tuple | None]:
        """(face, edge or None) of this patch's legend box."""
        edge = self.get_edgecolor()
        show = edge[3] > 0 and self._linewidth > 0 and self._style is not None
        return self.get_facecolor(), (edge if show else None)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


# -- the patches ------------------------------------------------------------------------
class Rectangle(Patch):
    """A rectangle from ``xy`` (its anchor corner) of ``width`` × ``height``, rotated by
    ``angle`` degrees about ``rotation_point`` ('xy', 'center' or (x, y))."""

    def __init__(self, xy, width, height, *, angle=0.0, rotation_point="xy", **kwargs) -> None:
        super().__init__(**kwargs)
        self._x0, self._y0 = check_xy(xy, "xy")
        self._width = check_real(width, "width")
        self._height = check_real(height, "height")
        self.angle = check_real(angle, "angle")
        self.rotation_point = rotation_point

    @property
    def rotation_point(self):
        """What ``angle`` turns about: 'xy', 'center' or an (x, y) point."""
        return self._rotation_point

    @rotation_point.setter
    def rotation_point(self, value) -> None:
        if not (isinstance(value, str) and value in ("xy", "center")):
            if isinstance(value, str) or np.size(value) != 2:
                raise ValueError(f"rotation_point: got {value!r}, expected 'xy', 'center' or "
                                 "(x, y)")
            value = check_xy(value, "rotation_point")
        self._rotation_point = value
        self._changed()

    def get_path(self) -> Path:
        return Path.unit_rectangle()

    def get_patch_transform(self) -> Affine2D:
        x0, y0 = self._x0, self._y0
        if self._rotation_point == "center":
            rx, ry = x0 + self._width / 2, y0 + self._height / 2
        elif self._rotation_point == "xy":
            rx, ry = x0, y0
        else:
            rx, ry = self._rotation_point
        return Affine2D().scale(self._width, self._height).translate(x0, y0) \
            .translate(-rx, -ry).rotate_deg(self.angle).translate(rx, ry)

    def get_x(self) -> float:
        """The x of the anchor corner."""
        return self._x0

    def get_y(self) -> float:
        """The y of the anchor corner."""
        return self._y0

    def get_xy(self) -> tuple[float, float]:
        """The anchor corner (x, y)."""
        return self._x0, self._y0

    def get_width(self) -> float:
        """The width."""
        return self._width

    def get_height(self) -> float:
        """The height."""
        return self._height

    def get_angle(self) -> float:
        """The rotation in degrees, counter-clockwise, about ``rotation_point``."""
        return self.angle

    def get_bbox(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of the unrotated rectangle."""
        return self._x0, self._y0, self._x0 + self._width, self._y0 + self._height

    def get_corners(self) -> np.ndarray:
        """The 4 corners, anticlockwise from xy."""
        return self.get_patch_transform().transform([(0, 0), (1, 0), (1, 1), (0, 1)])

    def get_center(self) -> np.ndarray:
        """The centre (x, y) of the (rotated) rectangle."""
        return self.get_patch_transform().transform((0.5, 0.5))

    def set_x(self, x) -> None:
        """Move the anchor corner's x."""
        self._x0 = check_real(x, "x")
        self._changed()

    def set_y(self, y) -> None:
        """Move the anchor corner's y."""
        self._y0 = check_real(y, "y")
        self._changed()

    def set_xy(self, xy) -> None:
        """Move the anchor corner to (x, y)."""
        self._x0, self._y0 = check_xy(xy, "xy")
        self._changed()

    def set_width(self, w) -> None:
        """A new width."""
        self._width = check_real(w, "width")
        self._changed()

    def set_height(self, h) -> None:
        """A new height."""
        self._height = check_real(h, "height")
        self._changed()

    def set_angle(self, angle) -> None:
        """The rotation in degrees, counter-clockwise, about ``rotation_point``."""
        self.angle = check_real(angle, "angle")
        self._changed()

    def set_bounds(self, *args) -> None:
        """``set_bounds(left, bottom, width, height)`` or with one 4-tuple."""
        left, bottom, w, h = args[0] if len(args) == 1 else args
        self._x0, self._y0 = check_xy((left, bottom), "xy")
        self._width, self._height = check_real(w, "width"), check_real(h, "height")
        self._changed()

    xy = property(get_xy, set_xy)

    def __repr__(self) -> str:
        return (f"Rectangle(xy=({self._x0:g}, {self._y0:g}), width={self._width:g}, "
                f"height={self._height:g}, angle={self.angle:g})")


class Ellipse(Patch):
    """An ellipse centred on ``xy`` with diameters ``width`` and ``height``, rotated by
    ``angle`` degrees."""

    def __init__(self, xy, width, height, *, angle=0.0, **kwargs) -> None:
        super().__init__(**kwargs)
        self._center = check_xy(xy, "xy")
        self._width = check_real(width, "width", 0.0)
        self._height = check_real(height, "height", 0.0)
        self._angle = check_real(angle, "angle")

    def get_path(self) -> Path:
        return Path.unit_circle()

    def get_patch_transform(self) -> Affine2D:
        return Affine2D().scale(self._width / 2, self._height / 2).rotate_deg(self._angle) \
            .translate(*self._center)

    def get_center(self) -> tuple[float, float]:
        """The centre (x, y)."""
        return self._center

    def set_center(self, xy) -> None:
        """Move the centre to (x, y)."""
        self._center = check_xy(xy, "xy")
        self._changed()

    center = property(get_center, set_center)

    def get_width(self) -> float:
        """The full width (the first axis, before rotation)."""
        return self._width

    def set_width(self, width) -> None:
        """The full width (the first axis, before rotation)."""
        self._width = check_real(width, "width", 0.0)
        self._changed()

    width = property(get_width, set_width)

    def get_height(self) -> float:
        """The full height (the second axis, before rotation)."""
        return self._height

    def set_height(self, height) -> None:
        """The full height (the second axis, before rotation)."""
        self._height = check_real(height, "height", 0.0)
        self._changed()

    height = property(get_height, set_height)

    def get_angle(self) -> float:
        """The rotation in degrees, counter-clockwise."""
        return self._angle

    def set_angle(self, angle) -> None:
        """The rotation in degrees, counter-clockwise."""
        self._angle = check_real(angle, "angle")
        self._changed()

    angle = property(get_angle, set_angle)

    def get_corners(self) -> np.ndarray:
        """The corners of the bounding box, anticlockwise from the lower left."""
        return self.get_patch_transform().transform([(-1, -1), (1, -1), (1, 1), (-1, 1)])

    def get_vertices(self) -> np.ndarray:
        """The ends of the major axis."""
        if self._width < self._height:
            ret = self.get_patch_transform().transform([(0, 1), (0, -1)])
        else:
            ret = self.get_patch_transform().transform([(1, 0), (-1, 0)])
        return np.array(ret)

    def get_co_vertices(self) -> np.ndarray:
        """The ends of the minor axis."""
        if self._width < self._height:
            ret = self.get_patch_transform().transform([(1, 0), (-1, 0)])
        else:
            ret = self.get_patch_transform().transform([(0, 1), (0, -1)])
        return np.array(ret)

    def __repr__(self) -> str:
        return (f"Ellipse(xy=({self._center[0]:g}, {self._center[1]:g}), width={self._width:g}, "
                f"height={self._height:g}, angle={self._angle:g})")


class Circle(Ellipse):
    """A circle of ``radius`` about ``xy``."""

    def __init__(self, xy, radius=5, **kwargs) -> None:
        r = check_real(radius, "radius", 0.0)
        super().__init__(xy, 2 * r, 2 * r, **kwargs)

    def get_radius(self) -> float:
        """The radius."""
        return self._width / 2

    def set_radius(self, radius) -> None:
        """A new radius."""
        r = check_real(radius, "radius", 0.0)
        self._width = self._height = 2 * r
        self._changed()

    radius = property(get_radius, set_radius)

    def __repr__(self) -> str:
        return f"Circle(xy=({self._center[0]:g}, {self._center[1]:g}), radius={self.radius:g})"


class Arc(Ellipse):
    """An elliptical arc from ``theta1`` to ``theta2`` degrees (relative to ``angle``);
    arcs cannot be filled."""

    def __init__(self, xy, width, height, *, angle=0.0, theta1=0.0, theta2=360.0,
                 **kwargs) -> None:
        if kwargs.setdefault("fill", False):
            raise ValueError("fill: Arc objects cannot be filled")
        super().__init__(xy, width, height, angle=angle, **kwargs)
        self.theta1 = check_real(theta1, "theta1")
        self.theta2 = check_real(theta2, "theta2")

    def set_fill(self, b: bool) -> None:
        """Arcs are never filled: ``True`` raises ValueError."""
        if b:
            raise ValueError("fill: Arc objects cannot be filled")

    def _theta_stretch(self) -> tuple[float, float]:
        """matplotlib's: angles on the circle that land on theta1/theta2 of the ellipse."""
        w, h = self._width, self._height
        t1, t2 = self.theta1, self.theta2
        if w != h and not (t1 != t2 and t1 % 360 == t2 % 360) and h != 0:
            def stretch(theta):
                r = math.radians(theta)
                return (math.degrees(math.atan2(w / h * math.sin(r), math.cos(r))) + 360) % 360
            return stretch(t1), stretch(t2)
        return t1, t2

    def get_path(self) -> Path:
        return Path.arc(*self._theta_stretch())

    def __repr__(self) -> str:
        return (f"Arc(xy=({self._center[0]:g}, {self._center[1]:g}), width={self._width:g}, "
                f"height={self._height:g}, angle={self._angle:g}, theta1={self.theta1:g}, "
                f"theta2={self.theta2:g})")


class Polygon(Patch):
    """A polygon through ``xy`` (N, 2); ``closed`` joins the last vertex to the first."""

    def __init__(self, xy, *, closed: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self._closed = bool(closed)
        self._path = Path(np.zeros((0, 2)))
        self.set_xy(xy)

    def get_path(self) -> Path:
        return self._path

    def get_xy(self) -> np.ndarray:
        """The vertices, (n, 2) (the first repeated at the end when closed, as matplotlib)."""
        return self._path.vertices

    def set_xy(self, xy) -> None:
        """New vertices (copied); a closed polygon gets its closing vertex added."""
        arr = np.asarray(xy)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"xy: got dtype {arr.dtype}, expected real numbers")
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"xy: got shape {arr.shape}, expected (N, 2)")
        xy = np.array(arr, dtype=float, copy=True)
        n = len(xy)
        if self._closed:
            if n == 1 or (n > 1 and (xy[0] != xy[-1]).any()):
                xy = np.concatenate([xy, xy[:1]])
        elif n > 2 and (xy[0] == xy[-1]).all():
            xy = xy[:-1]
        self._path = Path(xy, closed=self._closed)
        self._changed()

    xy = property(get_xy, set_xy)

    def get_closed(self) -> bool:
        """Whether the last vertex joins the first."""
        return self._closed

    def set_closed(self, closed: bool) -> None:
        """Join the last vertex to the first or not."""
        if self._closed == bool(closed):
            return
        self._closed = bool(closed)
        self.set_xy(self.get_xy())

    def __repr__(self) -> str:
        v = self._path.vertices
        return f"Polygon{len(v)}(({v[0, 0]:g}, {v[0, 1]:g}) ...)" if len(v) else "Polygon0()"


class RegularPolygon(Patch):
    """A regular polygon of ``numVertices`` sides about ``xy`` (circumradius ``radius``),
    rotated by ``orientation`` radians."""

    def __init__(self, xy, numVertices, *, radius=5, orientation=0, **kwargs) -> None:  # noqa: N803
        super().__init__(**kwargs)
        self.xy = check_xy(xy, "xy")
        self.numvertices = numVertices
        self._path = Path.unit_regular_polygon(numVertices)
        self.radius = check_real(radius, "radius", 0.0)
        self.orientation = check_real(orientation, "orientation")

    def get_path(self) -> Path:
        return self._path

    def get_patch_transform(self) -> Affine2D:
        return Affine2D().scale(self.radius).rotate(self.orientation).translate(*self.xy)


class Wedge(Patch):
    """A pie slice of radius ``r`` about ``center`` from ``theta1`` to ``theta2`` degrees;
    ``width`` makes it a ring sector from radius ``r - width`` to ``r``."""

    def __init__(self, center, r, theta1, theta2, *, width=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.center = check_xy(center, "center")
        self.r = check_real(r, "r", 0.0)
        self.width = None if width is None else check_real(width, "width", 0.0)
        self.theta1 = check_real(theta1, "theta1")
        self.theta2 = check_real(theta2, "theta2")

    def get_path(self) -> Path:
        if abs((self.theta2 - self.theta1) - 360) <= 1e-12:
            theta1, theta2, connector = 0.0, 360.0, Path.MOVETO
        else:
            theta1, theta2, connector = self.theta1, self.theta2, Path.LINETO
        arc = Path.arc(theta1, theta2)
        if self.width is not None:
            inner = (self.r - self.width) / self.r if self.r else 0.0
            v = np.concatenate([arc.vertices, arc.vertices[::-1] * inner, [(0, 0)]])
            c = [*arc.codes, connector, *arc.codes[1:], Path.CLOSEPOLY]
        else:
            v = np.concatenate([arc.vertices, [(0, 0), (0, 0)]])
            c = [*arc.codes, connector, Path.CLOSEPOLY]
        return Path(v * self.r + self.center, c)

    def set_center(self, center) -> None:
        """Move the centre to (x, y)."""
        self.center = check_xy(center, "center")
        self._changed()

    def set_radius(self, radius) -> None:
        """The outer radius."""
        self.r = check_real(radius, "radius", 0.0)
        self._changed()

    def set_theta1(self, theta1) -> None:
        """The start angle in degrees."""
        self.theta1 = check_real(theta1, "theta1")
        self._changed()

    def set_theta2(self, theta2) -> None:
        """The end angle in degrees."""
        self.theta2 = check_real(theta2, "theta2")
        self._changed()

    def set_width(self, width) -> None:
        """The ring width (None: a full wedge to the centre)."""
        self.width = None if width is None else check_real(width, "width", 0.0)
        self._changed()

    def __repr__(self) -> str:
        return (f"Wedge(center=({self.center[0]:g}, {self.center[1]:g}), r={self.r:g}, "
                f"theta1={self.theta1:g}, theta2={self.theta2:g}, width={self.width})")


class FancyArrow(Polygon):
    """An arrow from (x, y) by (dx, dy) with a tail of ``width`` and a head of
    ``head_width`` × ``head_length`` (data units), as matplotlib's."""

    _edge_default = True

    def __init__(self, x, y, dx, dy, *, width=0.001, length_includes_head=False,
                 head_width=None, head_length=None, shape="full", overhang=0,
                 head_starts_at_zero=False, **kwargs) -> None:
        if shape not in ("full", "left", "right"):
            raise ValueError(f"shape: got {shape!r}, expected 'full', 'left' or 'right'")
        self._x, self._y = check_real(x, "x"), check_real(y, "y")
        self._dx, self._dy = check_real(dx, "dx"), check_real(dy, "dy")
        self._width = check_real(width, "width", 0.0)
        self._length_includes_head = bool(length_includes_head)
        self._head_width = None if head_width is None else check_real(head_width,
                                                                      "head_width", 0.0)
        self._head_length = None if head_length is None else check_real(head_length,
                                                                         "head_length", 0.0)
        self._shape = shape
        self._overhang = check_real(overhang, "overhang")
        self._head_starts_at_zero = bool(head_starts_at_zero)
        super().__init__(self._make_verts(), closed=True, **kwargs)

    def set_data(self, *, x=None, y=None, dx=None, dy=None, width=None, head_width=None,
                 head_length=None) -> None:
        """Change the arrow; values left None keep theirs."""
        for name, value in (("x", x), ("y", y), ("dx", dx), ("dy", dy)):
            if value is not None:
                setattr(self, f"_{name}", check_real(value, name))
        for name, value in (("width", width), ("head_width", head_width),
                            ("head_length", head_length)):
            if value is not None:
                setattr(self, f"_{name}", check_real(value, name, 0.0))
        self.set_xy(self._make_verts())

    def _make_verts(self) -> np.ndarray:
        hw = 3 * self._width if self._head_width is None else self._head_width
        hl = 1.5 * hw if self._head_length is None else self._head_length
        distance = math.hypot(self._dx, self._dy)
        length = distance if self._length_includes_head else distance + hl
        hs, lw = self._overhang, self._width
        left = np.array([[0.0, 0.0], [-hl, -hw / 2], [-hl * (1 - hs), -lw / 2],
                         [-length, -lw / 2], [-length, 0]])
        if not self._length_includes_head:
            left += [hl, 0]
        if self._head_starts_at_zero:
            left += [hl / 2, 0]
        if self._shape == "left":
            coords = left
        else:
            right = left * [1, -1]
            coords = right if self._shape == "right" else \
                np.concatenate([left[:-1], right[-2::-1]])
        cx, sx = (self._dx / distance, self._dy / distance) if distance else (0.0, 1.0)
        return coords @ np.array([[cx, sx], [-sx, cx]]) + [self._x + self._dx,
                                                           self._y + self._dy]

    def __repr__(self) -> str:
        return "FancyArrow()"


class FancyBboxPatch(Patch):
    """A box around the rectangle (xy, width, height) drawn in ``boxstyle`` (a name with
    attributes, "round,pad=0.2", or a :class:`BoxStyle`); ``mutation_scale`` scales the
    style's pad and sizes, ``mutation_aspect`` squeezes them vertically."""

    _edge_default = True

    def __init__(self, xy, width, height, boxstyle="round", *, mutation_scale=1,
                 mutation_aspect=1, **kwargs) -> None:
        super().__init__(**kwargs)
        self._x, self._y = check_xy(xy, "xy")
        self._width = check_real(width, "width")
        self._height = check_real(height, "height")
        self._boxstyle = None
        self.set_boxstyle(boxstyle)
        self._mutation_scale = check_real(mutation_scale, "mutation_scale", 0.0, finite=True)
        self._mutation_aspect = check_real(mutation_aspect, "mutation_aspect", finite=True)
        if self._mutation_aspect == 0:
            raise ValueError("mutation_aspect: got 0, expected a nonzero number")

    def set_boxstyle(self, boxstyle=None, **kwargs):
        """``set_boxstyle("round", pad=0.2)``; without arguments, the style names."""
        if boxstyle is None:
            return ", ".join(BoxStyle._params)
        if isinstance(boxstyle, str):
            boxstyle = BoxStyle(boxstyle, **kwargs)
        elif not callable(boxstyle):
            raise TypeError(f"boxstyle: got {type(boxstyle).__name__}, expected a style name "
                            "or a BoxStyle")
        self._boxstyle = boxstyle
        self._changed()
        return None

    def get_boxstyle(self):
        """The box style object."""
        return self._boxstyle

    def get_mutation_scale(self) -> float:
        """The scale applied to the box style's sizes (pad, rounding)."""
        return self._mutation_scale

    def set_mutation_scale(self, scale) -> None:
        """The scale applied to the box style's sizes (pad, rounding)."""
        self._mutation_scale = check_real(scale, "scale", 0.0, finite=True)
        self._changed()

    def get_mutation_aspect(self) -> float:
        """The height/width ratio the box style is computed in."""
        return self._mutation_aspect

    def set_mutation_aspect(self, aspect) -> None:
        """The height/width ratio the box style is computed in."""
        self._mutation_aspect = check_real(aspect, "aspect", finite=True)
        self._changed()

    def get_path(self) -> Path:
        a = self._mutation_aspect
        p = self._boxstyle(self._x, self._y / a, self._width, self._height / a,
                           self._mutation_scale)
        return Path(np.asarray(p.vertices, dtype=float) * [1, a], p.codes)

    def get_x(self) -> float:
        """The x of the inner box's lower left corner."""
        return self._x

    def get_y(self) -> float:
        """The y of the inner box's lower left corner."""
        return self._y

    def get_width(self) -> float:
        """The inner box's width."""
        return self._width

    def get_height(self) -> float:
        """The inner box's height."""
        return self._height

    def set_x(self, x) -> None:
        """Move the inner box's lower left x."""
        self._x = check_real(x, "x")
        self._changed()

    def set_y(self, y) -> None:
        """Move the inner box's lower left y."""
        self._y = check_real(y, "y")
        self._changed()

    def set_width(self, w) -> None:
        """The inner box's width."""
        self._width = check_real(w, "width")
        self._changed()

    def set_height(self, h) -> None:
        """The inner box's height."""
        self._height = check_real(h, "height")
        self._changed()

    def set_bounds(self, *args) -> None:
        """``set_bounds(x, y, width, height)`` or ``set_bounds((x, y, width, height))``."""
        left, bottom, w, h = args[0] if len(args) == 1 else args
        self._x, self._y = check_xy((left, bottom), "xy")
        self._width, self._height = check_real(w, "width"), check_real(h, "height")
        self._changed()

    def get_bbox(self) -> tuple[float, float, float, float]:
        """The inner box: (x0, y0, x1, y1)."""
        return self._x, self._y, self._x + self._width, self._y + self._height

    def __repr__(self) -> str:
        return (f"FancyBboxPatch(({self._x:g}, {self._y:g}), width={self._width:g}, "
                f"height={self._height:g})")


class PathPatch(Patch):
    """Any path: a :class:`lumos.path.Path` or a matplotlib ``Path`` (vertices, codes)."""

    def __init__(self, path, **kwargs) -> None:
        super().__init__(**kwargs)
        self._path = as_path(path, "path")

    def get_path(self) -> Path:
        return self._path

    def set_path(self, path) -> None:
        """A new path (a lumos or matplotlib ``Path``)."""
        self._path = as_path(path, "path")
        self._changed()

    def __repr__(self) -> str:
        v = self._path.vertices
        return f"PathPatch{len(v)}(({v[0, 0]:g}, {v[0, 1]:g}) ...)" if len(v) else \
            "PathPatch0()"
