"""Geographic axes: ``projection="aitoff"``, ``"hammer"``, ``"mollweide"``, ``"lambert"``.

matplotlib's ``matplotlib.projections.geo`` API and look: x is the longitude and y the
latitude, both in radians, with fixed limits (-π..π, -π/2..π/2); the map's outline (an
ellipse, Lambert's a circle) is the axes' patch, spine and clip; a graticule every 30° of
longitude and 15° of latitude (``set_longitude_grid``, ``set_latitude_grid``,
``set_longitude_grid_ends``) labelled in degrees; no zoom nor pan.

The chain is the rectilinear one with the map as ``transProjection``
(:mod:`lumos.transforms.geo`, matplotlib's projected units) and the outline's bounding
box as the view rectangle. Lines and markers stay in (longitude, latitude) on the GPU,
which projects them (lines subdivided, so a long segment bends as the map does);
patches and meshes are projected on the CPU with their edges cut per degree.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from ..geometry import triangulate_polygon
from ..transforms import Transform
from ..transforms.geo import Aitoff, Hammer, Lambert, Mollweide
from ..visuals import Mesh
from . import text as textmod
from . import ticker
from .axes import Axes
from .collections import set_mesh
from .spines import Spines
from .style import rcParams, set_dashes
from .unclipped import FixedRings

_DEGREE = math.pi / 180
_OUTLINE_POINTS = 361  # the outline: a point per degree round the ellipse
# matplotlib's label offsets, in display pixels (its Affine2D translations, not points)
_X_LABEL_RISE = 4.0
_Y_LABEL_GAP = 8.0
_Y_LABEL_SPREAD = 1.1  # latitude labels sit 10 % further from the equator than the parallel
_NO_LIMITS = ("Changing axes limits of a geographic projection is not supported.  Please "
              "consider using Cartopy.")


class ThetaFormatter(ticker.Formatter):
    """Radians as whole degrees with a degree sign, rounded to ``round_to`` degrees
    (matplotlib's ``GeoAxes.ThetaFormatter``: ``-150°``, ``30°``)."""

    def __init__(self, round_to: float = 1.0) -> None:
        self._round_to = float(round_to)

    def __call__(self, x: float, pos=None) -> str:
        degrees = round(math.degrees(x) / self._round_to) * self._round_to
        return f"{degrees:0.0f}\N{DEGREE SIGN}"


def _check_degrees(degrees, argument: str) -> float:
    if isinstance(degrees, bool) or not isinstance(degrees, (int, float, np.number)):
        raise TypeError(f"{argument}: got {type(degrees).__name__}, expected a number of "
                        "degrees")
    value = float(degrees)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{argument}: got {degrees!r}, expected a number of degrees > 0")
    return value


class GeoAxes(Axes):
    """The base of the geographic axes (matplotlib's ``GeoAxes``): a subclass names its
    map in ``_core_transform``. Not registered itself."""

    rectangular = False
    #: matplotlib's attribute: how finely its paths are cut (lumos cuts per degree)
    RESOLUTION = 75
    ThetaFormatter = ThetaFormatter
    #: height / width of the box (matplotlib's set_aspect(0.5) on a data ratio of 1)
    box_ratio = 0.5

    def __init__(self, figure, spec, sharex=None, sharey=None, parent=None,
                 role: str = "main") -> None:
        self._longitude_cap = math.pi / 2
        super().__init__(figure, spec, sharex=sharex, sharey=sharey, parent=parent, role=role)
        self.spines = Spines(("geo",))
        # a controller no front-end knows: the mouse moves nothing (matplotlib's
        # can_zoom() and can_pan() are False), though events still name the axes
        self.view.controller = "geo"
        self.view.bgcolor = None  # the background is the map's outline (self._patch)
        self._patch = Mesh(shading=None, color="none")
        self._patch.order = -2e9
        self._patch_for = None  # what the background was last built for
        self.view.add(self._patch)
        self.set_aspect(self.box_ratio, adjustable="box", anchor="C")
        self._init_geo()

    def _init_geo(self) -> None:
        """matplotlib's ``GeoAxes.clear``: the whole sphere, the graticule every 30° and
        15° ending at ±75°, no tick marks, no minor ticks, grid as rcParams says."""
        for axis, half in ((self.xaxis, math.pi), (self.yaxis, math.pi / 2)):
            axis.set_limits(-half, half)
            axis.limits.auto = False
            axis.set_minor_locator(ticker.NullLocator())
            axis.ticks_visible = False
        self.set_longitude_grid(30)
        self.set_latitude_grid(15)
        self.set_longitude_grid_ends(75)
        self.xaxis.grid_major = self.yaxis.grid_major = bool(rcParams["axes.grid"])
        self._margins = (0.0, 0.0, *self._margins[2:])

    def cla(self) -> None:
        """As ``Axes.cla``, then the whole sphere and the default graticule again."""
        super().cla()
        self._init_geo()

    clear = cla

    # -- the transform chain ------------------------------------------------------------
    def _core_transform(self) -> Transform:
        raise NotImplementedError(f"{type(self).__name__} names no map projection")

    def _projection_transform(self) -> Transform:
        return self._core_transform()

    def view_rect(self) -> tuple[float, float, float, float]:
        """The outline's bounding box in projected space (matplotlib's ``transAffine``
        maps it onto the axes)."""
        proj = self._core_transform()
        xs = float(proj.forward(np.array([math.pi, 0.0]))[0])
        ys = float(proj.forward(np.array([0.0, math.pi / 2]))[1])
        return -xs, -ys, 2 * xs, 2 * ys

    def get_data_ratio(self) -> float:
        """1.0, as matplotlib's: the box's shape comes from the aspect alone."""
        return 1.0

    def edge_steps(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Edges bend on the map: a piece per degree of longitude or latitude (at most
        360)."""
        d = np.abs(np.asarray(stop, float) - np.asarray(start, float))[:, :2].max(axis=1)
        return np.clip(np.ceil(np.nan_to_num(d) / _DEGREE), 1, 360).astype(int)

    def _background(self):
        return None  # the outline is the background (self._patch)

    def _outline(self) -> np.ndarray:
        """The map's rim in projected space, closed (first point repeated)."""
        x0, y0, w, h = self.view_rect()
        a = np.linspace(0.0, 2 * math.pi, _OUTLINE_POINTS)
        return np.c_[x0 + w * (0.5 + 0.5 * np.cos(a)), y0 + h * (0.5 + 0.5 * np.sin(a))]

    def sync_camera(self) -> None:
        super().sync_camera()
        self._update_patch()
        # matplotlib clips the artists to the axes' patch: the map
        self._layers.default_clip = FixedRings([self._outline()])

    def _update_patch(self) -> None:
        """The map filled with the face color (rebuilt when the color changes)."""
        state = (self.view_rect(), str(self.facecolor), self.axison, self.frame_on)
        if state == self._patch_for:
            return
        self._patch_for = state
        pts = self._outline()[:-1]
        rgba = colors.to_rgba(self.facecolor) if self.axison and self.frame_on \
            else (0.0, 0.0, 0.0, 0.0)
        self._patch.visible = set_mesh(self._patch, pts, triangulate_polygon(pts),
                                       np.array([rgba]))

    # -- limits and scales: fixed, as matplotlib's -------------------------------------
    def _autoscale(self, keep_held: bool = False) -> None:
        """The limits are the whole sphere whatever the data."""
        self.xaxis.limits.auto = self.yaxis.limits.auto = False
        super()._autoscale(keep_held)

    def set_xlim(self, *args, **kwargs):
        """Not supported (matplotlib's TypeError): the map always shows the sphere."""
        raise TypeError(_NO_LIMITS)

    set_ylim = set_xbound = set_ybound = invert_xaxis = invert_yaxis = set_xlim

    def _set_scale(self, axis, value, kwargs) -> None:
        if value != "linear":
            raise NotImplementedError(f"value: got {value!r}; geographic axes have only "
                                      "the 'linear' scale")
        if kwargs:
            raise TypeError(f"set_{axis.name}scale: unexpected keyword arguments "
                            f"{sorted(kwargs)} for the 'linear' scale")

    def set_longitude_grid(self, degrees) -> None:
        """Meridians (and x labels) every ``degrees`` of longitude, ±180 left out."""
        self._set_graticule(self.xaxis, degrees, 180)

    def set_latitude_grid(self, degrees) -> None:
        """Parallels (and y labels) every ``degrees`` of latitude, ±90 left out."""
        self._set_graticule(self.yaxis, degrees, 90)

    def _set_graticule(self, axis, degrees, edge: int) -> None:
        """Ticks every ``degrees`` strictly between ``-edge`` and ``edge`` (the fixed
        limits), labelled in degrees rounded to the step."""
        step = _check_degrees(degrees, "degrees")
        axis.set_major_locator(ticker.FixedLocator(np.deg2rad(np.arange(-edge + step, edge,
                                                                        step))))
        axis.set_major_formatter(self.ThetaFormatter(step))
        self._dirty = True

    def set_longitude_grid_ends(self, degrees) -> None:
        """The latitude (degrees, both hemispheres) at which the meridians stop."""
        self._longitude_cap = math.radians(_check_degrees(degrees, "degrees"))
        self._dirty = True

    def format_coord(self, lon: float, lat: float) -> str:
        """``'12.000000°N, 45.000000°W'`` from radians (matplotlib's format)."""
        lon, lat = math.degrees(lon), math.degrees(lat)
        ns = "N" if lat >= 0.0 else "S"
        ew = "E" if lon >= 0.0 else "W"
        return f"{abs(lat):f}\N{DEGREE SIGN}{ns}, {abs(lon):f}\N{DEGREE SIGN}{ew}"

    def can_zoom(self) -> bool:
        """No box zoom (matplotlib's answer)."""
        return False

    def can_pan(self) -> bool:
        """No pan nor zoom with the mouse (matplotlib's answer)."""
        return False

    def camera_changed(self, camera: dict) -> None:
        """The view never moves: the camera goes back to the map."""
        self.sync_camera()

    # -- drawing ------------------------------------------------------------------------
    def _grid_segments(self, axis) -> list[np.ndarray]:
        """Meridians (x) from -cap to cap, or parallels (y) round the sphere, projected
        with a point per degree."""
        proj = self._core_transform()
        values = np.asarray(axis.ticks()[0], float)
        values = values[np.isfinite(values)]
        if axis is self.xaxis:
            cap = self._longitude_cap
            along = np.linspace(-cap, cap, max(2, int(math.ceil(2 * cap / _DEGREE)) + 1))
            rows = [np.c_[np.full(len(along), v), along] for v in values]
        else:
            along = np.linspace(-math.pi, math.pi, 361)
            rows = [np.c_[along, np.full(len(along), v)] for v in values]
        return [proj.forward(r) for r in rows]

    def _update_grid(self) -> None:
        """Meridians in the x major grid line, parallels in the y one (projected)."""
        lines = self._grid_lines()
        lines[1].visible = lines[3].visible = False  # no minor grid: no minor ticks
        for axis, line in ((self.xaxis, lines[0]), (self.yaxis, lines[2])):
            segments = self._grid_segments(axis) if self.axison and axis.grid_major else []
            line.visible = bool(segments)
            if not segments:
                continue
            style = axis.grid_style
            width = self.figure.points_to_pixels(style.get("linewidth",
                                                           rcParams["grid.linewidth"]))
            line.width = width
            set_dashes(line, style.get("linestyle", rcParams["grid.linestyle"]), width)
            line.set_data(segments)
            line.color = colors.to_rgba(style.get("color", rcParams["grid.color"]),
                                        style.get("alpha", rcParams["grid.alpha"]))
            # matplotlib's grid lines: square ends; the straight ones (parallels of the
            # cylindrical-looking maps, the central meridian) snapped to pixels as Agg does
            line.cap = "projecting"
            line.snap = bool(rcParams["path.snap"])
            self.set_visual_clip(line, style.get("clip_on", True))

    def _tick_labels(self) -> list[tuple[str, float, float, str, str, float, object, float]]:
        """(text, x, y, ha, va, size px, color, rotation) of the tick labels (aligned as
        matplotlib's default rotation mode aligns: the rotated box), where matplotlib puts
        them: longitudes on the equator, 4 pixels above it (label1) or below it
        (label2); latitudes 8 pixels left of the western rim (label1) or right of the
        eastern one (label2), 10 % further from the equator than their parallel."""
        out = []
        view = self.transView.frozen()
        proj = self._core_transform()
        fig = self.figure
        for axis in (self.xaxis, self.yaxis):
            sides = [side for side, on in ((1, axis.major.label1On), (2, axis.major.label2On))
                     if on]
            if not (axis.visible and sides):
                continue
            values, labels, _, _ = axis.ticks()
            size = fig.points_to_pixels(axis.tick_size)
            color, rotation = axis.tick_label_color, float(axis.major.labelrotation)
            for v, text in zip(values, labels, strict=True):
                if not text or not math.isfinite(v):
                    continue
                for side in sides:
                    sign = 1.0 if side == 1 else -1.0
                    if axis is self.xaxis:
                        px, py = view.forward(proj.forward(np.array([v, 0.0])))
                        out.append((text, px, py + sign * _X_LABEL_RISE, "center",
                                    "bottom" if side == 1 else "top", size, color, rotation))
                    else:
                        x, y = proj.forward(np.array([-sign * math.pi, v]))
                        px, py = view.forward(np.array([x, y * _Y_LABEL_SPREAD]))
                        out.append((text, px - sign * _Y_LABEL_GAP, py,
                                    "right" if side == 1 else "left", "center", size, color,
                                    rotation))
        return out

    def _tick_label_reach(self) -> tuple[float, float, float, float]:
        """Pixels (left, right, bottom, top) the tick labels reach beyond the box."""
        bx, by, bw, bh = self.box
        left = bottom = right = top = 0.0
        for text, x, y, ha, va, size, _, rotation in self._tick_labels():
            x0, y0, x1, y1 = textmod.window_box(text, x, y, size, ha, va, rotation)
            left, right = max(left, bx - x0), max(right, x1 - (bx + bw))
            bottom, top = max(bottom, by - y0), max(top, y1 - (by + bh))
        return left, right, bottom, top

    def own_margins(self) -> tuple[float, float, float, float]:
        """The latitude labels reach left of the box; the title sits above it."""
        from .titles import title_room

        left, right, bottom, top = self._tick_label_reach()
        fig = self.figure
        for axis in (self.xaxis, self.yaxis):
            if axis.label_text:
                room = fig.points_to_pixels(axis.labelpad) + textmod.measure(
                    axis.label_text, fig.points_to_pixels(axis.label_size))[1]
                if axis is self.xaxis:
                    bottom += room
                else:
                    left += room
        return left, right, bottom, max(top, title_room(self))

    def decorations_above(self, span: tuple[float, float] | None = None) -> float:
        """Nothing the title must clear: the longitude labels are inside the map
        (matplotlib places the title above the box)."""
        return 0.0

    def draw_bare(self, ov) -> None:
        """With the axis off: nothing of the frame."""
        return None

    def draw_frame(self, ov) -> None:
        """The rim (spine 'geo'), the tick labels and the axis labels, in figure pixels
        (nothing of them moves: the view is fixed)."""
        fig = self.figure
        spine = self.spines["geo"]
        if self.frame_on and spine.get_visible():
            ov.line(self.transView.frozen().forward(self._outline()), spine.color,
                    fig.points_to_pixels(spine.linewidth))
        for text, x, y, ha, va, size, color, rotation in self._tick_labels():
            tx, ty, tha, tva = textmod.place(text, x, y, size, ha, va, rotation)
            ov.text(text, tx, ty, size, color, ha=tha, va=tva, rotation=rotation)
        bx, by, bw, bh = self.box
        if self.xaxis.label_text:
            ov.text(self.xaxis.label_text, bx + bw / 2,
                    by - fig.points_to_pixels(self.xaxis.labelpad),
                    fig.points_to_pixels(self.xaxis.label_size), self.xaxis.label_color,
                    ha="center", va="top")
        if self.yaxis.label_text:
            left = self._tick_label_reach()[0]
            ov.text(self.yaxis.label_text,
                    bx - left - fig.points_to_pixels(self.yaxis.labelpad), by + bh / 2,
                    fig.points_to_pixels(self.yaxis.label_size), self.yaxis.label_color,
                    ha="center", va="bottom", rotation=90.0)


class AitoffAxes(GeoAxes):
    """``projection="aitoff"``: matplotlib's Aitoff map."""

    name = "aitoff"

    def _core_transform(self) -> Transform:
        return Aitoff()


class HammerAxes(GeoAxes):
    """``projection="hammer"``: the Hammer (Aitoff-Hammer) equal-area map."""

    name = "hammer"

    def _core_transform(self) -> Transform:
        return Hammer()


class MollweideAxes(GeoAxes):
    """``projection="mollweide"``: the Mollweide equal-area map."""

    name = "mollweide"

    def _core_transform(self) -> Transform:
        return Mollweide()


class LambertAxes(GeoAxes):
    """``projection="lambert"``: the Lambert azimuthal equal-area map about
    ``center_longitude``, ``center_latitude`` (radians; keywords of ``add_subplot``),
    drawn in a circle; no latitude labels (matplotlib's)."""

    name = "lambert"
    box_ratio = 1.0
    init_keywords = ("center_longitude", "center_latitude")

    def __init__(self, figure, spec, sharex=None, sharey=None, parent=None,
                 role: str = "main", center_longitude: float = 0,
                 center_latitude: float = 0) -> None:
        self._center = Lambert(center_longitude, center_latitude)
        super().__init__(figure, spec, sharex=sharex, sharey=sharey, parent=parent, role=role)

    def _init_geo(self) -> None:
        super()._init_geo()
        self.yaxis.set_major_formatter(ticker.NullFormatter())

    def _core_transform(self) -> Transform:
        return self._center

    def view_rect(self) -> tuple[float, float, float, float]:
        """The disc of radius 2 (the antipode's circle), as matplotlib's 0.25 scale."""
        return -2.0, -2.0, 4.0, 4.0
