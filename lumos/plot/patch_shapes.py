"""matplotlib's simple patches: Rectangle, Ellipse, Circle, Arc, Polygon, RegularPolygon
and Wedge (``lumos.patches`` re-exports them). Their base is
:class:`lumos.plot.patch_base.Patch`.
"""

from __future__ import annotations

import math

import numpy as np

from ..path import Affine2D, Path
from .legend_best import Obstacles
from .patch_base import Patch
from .patch_style import check_real, check_xy


# -- the patches ------------------------------------------------------------------------
class BoxBounds:
    """The anchor corner ``xy``, ``width`` and ``height`` of a box patch and their
    accessors (matplotlib's Rectangle and FancyBboxPatch share these names); mixed into a
    :class:`Patch` subclass, whose ``__init__`` calls ``_set_box``."""

    def _set_box(self, xy, width, height) -> None:
        self._x0, self._y0 = check_xy(xy, "xy")
        self._width = check_real(width, "width")
        self._height = check_real(height, "height")

    def get_x(self) -> float:
        """The x of the anchor corner."""
        return self._x0

    def get_y(self) -> float:
        """The y of the anchor corner."""
        return self._y0

    def get_width(self) -> float:
        """The width."""
        return self._width

    def get_height(self) -> float:
        """The height."""
        return self._height

    def get_bbox(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of the unrotated box."""
        return self._x0, self._y0, self._x0 + self._width, self._y0 + self._height

    def set_x(self, x) -> None:
        """Move the anchor corner's x."""
        self._x0 = check_real(x, "x")
        self._box_changed()

    def set_y(self, y) -> None:
        """Move the anchor corner's y."""
        self._y0 = check_real(y, "y")
        self._box_changed()

    def set_width(self, w) -> None:
        """A new width."""
        self._width = check_real(w, "width")
        self._box_changed()

    def set_height(self, h) -> None:
        """A new height."""
        self._height = check_real(h, "height")
        self._box_changed()

    def set_bounds(self, *args) -> None:
        """``set_bounds(left, bottom, width, height)`` or with one 4-tuple."""
        left, bottom, w, h = args[0] if len(args) == 1 else args
        self._set_box((left, bottom), w, h)
        self._box_changed()

    def _box_changed(self) -> None:
        """The box moved or resized: redraw (a subclass first rebuilds its vertices)."""
        self._changed()


class Rectangle(BoxBounds, Patch):
    """A rectangle from ``xy`` (its anchor corner) of ``width`` × ``height``, rotated by
    ``angle`` degrees about ``rotation_point`` ('xy', 'center' or (x, y))."""

    def __init__(self, xy, width, height, *, angle=0.0, rotation_point="xy", **kwargs) -> None:
        super().__init__(**kwargs)
        self._set_box(xy, width, height)
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

    def get_xy(self) -> tuple[float, float]:
        """The anchor corner (x, y)."""
        return self._x0, self._y0

    def get_angle(self) -> float:
        """The rotation in degrees, counter-clockwise, about ``rotation_point``."""
        return self.angle

    def get_corners(self) -> np.ndarray:
        """The 4 corners, anticlockwise from xy."""
        return self.get_patch_transform().transform([(0, 0), (1, 0), (1, 1), (0, 1)])

    def get_center(self) -> np.ndarray:
        """The centre (x, y) of the (rotated) rectangle."""
        return self.get_patch_transform().transform((0.5, 0.5))

    def set_xy(self, xy) -> None:
        """Move the anchor corner to (x, y)."""
        self._x0, self._y0 = check_xy(xy, "xy")
        self._changed()

    def set_angle(self, angle) -> None:
        """The rotation in degrees, counter-clockwise, about ``rotation_point``."""
        self.angle = check_real(angle, "angle")
        self._changed()

    xy = property(get_xy, set_xy)

    def legend_obstacles(self) -> Obstacles | None:
        """Its box, unturned (matplotlib's ``get_bbox`` in its coordinates)."""
        fwd = self._to_pixels(self._units())
        corners = fwd(np.array([[self._x0, self._y0],
                                [self._x0 + self._width, self._y0 + self._height]]))
        return Obstacles.extents(corners.reshape(1, 4))

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

