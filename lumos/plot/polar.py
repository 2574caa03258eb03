"""Polar axes (``projection="polar"``), with matplotlib's PolarAxes API.

x is the angle θ in radians, y the radius r. The transform chain is the rectilinear
one with a projection step: ``transScale`` (the r scale), ``transProjection`` (angle
``direction * θ + offset``, radius ``(r - rorigin) * sign``, then ``x = r cos, y = r sin``;
radii below the origin are masked as matplotlib does), ``transLimits`` (the square
around the visible wedge onto the unit square) and ``transAxes``.

Lines and markers stay in (θ, r) on the GPU: the projection is their shader transform,
and a line's segments are subdivided so that a straight data segment is drawn as the
curve it is in polar coordinates (an arc at constant r). Patches (bars, fills) are
projected on the CPU and triangulated there; bars follow their arcs.

The mouse does what it does on matplotlib's polar axes: dragging the r labels moves
them round (``set_rlabel_position``), right-drag zooms r (``set_rmax``); the wheel
zooms r too. There is no box zoom and no pan.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from ..geometry import triangulate, triangulate_polygon
from ..shaders import Snippet
from ..transforms import Transform
from ..transforms.base import GLSL_NAN, GLSL_NAN_IN, glsl_float, make_snippet
from ..visuals import Mesh
from . import text as textmod
from . import ticker
from .axes import Axes
from .collections import set_mesh
from .spines import Spines
from .style import rcParams, set_dashes
from .unclipped import FixedRings

TWO_PI = 2 * math.pi
_ZERO_LOCATIONS = {"N": 0.5, "NW": 0.75, "W": 1.0, "SW": 1.25, "S": 1.5, "SE": 1.75, "E": 0.0,
                   "NE": 0.25}
_ARC_STEP = math.pi / 180  # at most a degree per straight piece of a drawn arc
_THETA_LABEL_PAD = 7.0  # points added to the tick pad, as matplotlib's ThetaTick


def _tick_padding(major) -> float:
    """Points matplotlib's Tick adds to its pad: the tick's length for ticks 'out',
    half of it for 'inout' (drawn or not)."""
    return {"out": 1.0, "inout": 0.5}.get(major.direction, 0.0) * major.size


# what a page cannot move on polar axes (it names it once the view moves)
_FROZEN_TEXTS = "texts anchored to data on polar axes"

class PolarProjection(Transform):
    """``(θ, r) → (x, y)`` with angle ``direction * θ + offset`` and radius
    ``(r - origin) * sign``; radii below the origin become NaN (not drawn)."""

    def __init__(self, offset: float = 0.0, direction: int = 1, origin: float = 0.0,
                 sign: float = 1.0) -> None:
        self.offset, self.direction = float(offset), int(direction)
        self.origin, self.sign = float(origin), float(sign)

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            a = self.direction * pts[:, 0] + self.offset
            r = (pts[:, 1] - self.origin) * self.sign
            r = np.where(r >= 0, r, np.nan)
            pts[:, 0], pts[:, 1] = r * np.cos(a), r * np.sin(a)
        return pts

    def _inverse(self, pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0].copy(), pts[:, 1].copy()
        theta = np.mod(self.direction * (np.arctan2(y, x) - self.offset), TWO_PI)
        pts[:, 0] = theta
        pts[:, 1] = np.hypot(x, y) / self.sign + self.origin
        return pts

    def glsl_forward(self) -> Snippet:
        d, off = glsl_float(self.direction), glsl_float(self.offset)
        o, s = glsl_float(self.origin), glsl_float(self.sign)
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                f"    float a = {d} * p.x + {off};\n"
                f"    float r = (p.y - {o}) * {s};\n"
                f"    if (r < 0.0) return {GLSL_NAN};\n"
                "    return vec4(r * cos(a), r * sin(a), p.z, p.w);\n}")
        return make_snippet("polar_axes", body)

    def glsl_inverse(self) -> Snippet:
        d, off = glsl_float(self.direction), glsl_float(self.offset)
        o, s = glsl_float(self.origin), glsl_float(self.sign)
        body = (f"vec4 $fn(vec4 p) {{\n{GLSL_NAN_IN}"
                f"    float t = mod({d} * (atan(p.y, p.x) - {off}), {glsl_float(TWO_PI)});\n"
                f"    return vec4(t, length(p.xy) / {s} + {o}, p.z, p.w);\n}}")
        return make_snippet("polar_axes_inverse", body)

    def _key(self) -> tuple:
        return (self.offset, self.direction, self.origin, self.sign)

    def __repr__(self) -> str:
        return (f"PolarProjection(offset={self.offset!r}, direction={self.direction!r}, "
                f"origin={self.origin!r}, sign={self.sign!r})")


class ThetaLocator(ticker.Locator):
    """Every 45° on a full circle (matplotlib's default), else nice multiples of
    degrees (1, 1.5, 3, 4.5, 9, 10)."""

    def __init__(self) -> None:
        self.base = ticker.MaxNLocator(nbins="auto", steps=(1, 1.5, 3, 4.5, 9, 10))

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        if _full_circle(vmin, vmax):
            return min(vmin, vmax) + np.arange(8) * TWO_PI / 8
        self.base.tick_space = self.tick_space
        return np.deg2rad(self.base.tick_values(*np.rad2deg((vmin, vmax))))


class ThetaFormatter(ticker.Formatter):
    """Radians as degrees with a degree sign, as many digits as the span needs."""

    def __call__(self, x: float, pos=None) -> str:
        vmin, vmax = self.view
        d = np.rad2deg(abs(vmax - vmin)) or 360.0
        digits = max(-int(np.log10(d) - 1.5), 0)
        return ticker.fix_minus(f"{np.rad2deg(x):0.{digits}f}\N{DEGREE SIGN}")


class RadialLocator(ticker.Locator):
    """The r ticks of the base locator beyond the origin (matplotlib's RadialLocator:
    no label at the pole)."""

    def __init__(self, base: ticker.Locator, axes: PolarAxes) -> None:
        self.base = base
        self.axes = axes

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        self.base.tick_space = self.tick_space
        ticks = np.asarray(self.base.tick_values(vmin, vmax), dtype=float)
        lo, hi = self.axes.get_thetamin(), self.axes.get_thetamax()
        if _full_circle(np.deg2rad(lo), np.deg2rad(hi)):
            origin = self.axes.get_rorigin() * self.axes.get_rsign()
            if self.axes.get_rmin() <= origin:
                ticks = ticks[ticks * self.axes.get_rsign() > origin]
        return ticks

    def view_limits(self, vmin: float, vmax: float) -> tuple[float, float]:
        self.base.tick_space = self.tick_space
        return self.base.view_limits(vmin, vmax)


def _full_circle(t0: float, t1: float) -> bool:
    return abs(abs(t1 - t0) - TWO_PI) < 1.74e-14


def _wrap(a):
    """Angles to [-π, π)."""
    return a - TWO_PI * np.floor((a + math.pi) / TWO_PI)


class PolarAxes(Axes):
    """Polar axes: ``fig.add_subplot(projection="polar")`` or ``polar=True``.

    matplotlib's API: ``set_theta_zero_location``, ``set_theta_offset``,
    ``set_theta_direction``, ``set_rmax``/``set_rmin``/``set_rlim``/``set_rorigin``,
    ``set_rticks``, ``set_rlabel_position``, ``set_thetamin``/``set_thetamax``/
    ``set_thetalim`` (sectors), ``set_thetagrids``/``set_rgrids``, ``set_rscale``.
    ``plot``, ``scatter``, ``bar``, ``fill`` and ``fill_between`` take (θ, r).
    """

    rectangular = False

    name = "polar"

    axis_sticky = ((), (0.0,))

    def __init__(self, figure, spec, sharex=None, sharey=None, parent=None,
                 role: str = "main") -> None:
        self._theta_offset = 0.0
        self._direction = 1
        self._rlabel_position = 22.5
        self._rorigin: float | None = None
        super().__init__(figure, spec, sharex=sharex, sharey=sharey, parent=parent, role=role)
        self.spines = Spines(("polar", "start", "end", "inner"))
        self.aspect = 1.0  # a circle is round: the box is made square
        self.view.controller = "polar"
        self.view.bgcolor = None  # the background is the wedge (self._patch)
        self._patch = Mesh(shading=None, color="none")
        self._patch.order = -2e9
        self._patch_for = None  # what the background wedge was last built for
        self.view.add(self._patch)
        self._init_polar()

    def _init_polar(self) -> None:
        """The full circle, its locators and formatters, grids and margins."""
        self.xaxis.set_limits(0.0, TWO_PI)
        self.xaxis.major_locator = ThetaLocator()
        self.xaxis.major_formatter = ThetaFormatter()
        self.xaxis.ticks_visible = False  # labels only, like matplotlib
        self.yaxis.major_locator = RadialLocator(self.yaxis.major_locator, self)
        grid = bool(rcParams["polaraxes.grid"])
        self.xaxis.grid_major = self.yaxis.grid_major = grid
        self._margins = (0.0, self._margins[1])

    def cla(self) -> None:
        """As ``Axes.cla``, then the full circle again, θ = 0 to the right growing
        counter-clockwise and no r origin (matplotlib's ``PolarAxes.clear``)."""
        super().cla()
        self._theta_offset, self._direction, self._rorigin = 0.0, 1, None
        self._init_polar()

    clear = cla

    # -- the transform chain ------------------------------------------------------------
    def _radii(self) -> tuple[float, float, float, float]:
        """(origin, sign, inner, outer): the origin in scale space, the r direction, and
        the projected radii of rmin and rmax."""
        lo, hi = self.yaxis.get_view_interval()
        bottom, top = (hi, lo) if self.yaxis.inverted else (lo, hi)
        origin = bottom if self._rorigin is None else self._rorigin
        with np.errstate(all="ignore"):
            s_origin, s_bottom, s_top = self.yaxis.scale.forward(np.array([origin, bottom,
                                                                            top]))
        if not np.isfinite([s_origin, s_bottom, s_top]).all():
            return 0.0, 1.0, 0.0, 1.0
        sign = 1.0 if top >= bottom else -1.0
        inner = max((s_bottom - s_origin) * sign, 0.0)
        outer = (s_top - s_origin) * sign
        return float(s_origin), sign, float(inner), float(outer) if outer > 0 else 1.0

    def _projection_transform(self) -> Transform:
        origin, sign, _, _ = self._radii()
        return PolarProjection(self._theta_offset, self._direction, origin, sign)

    def _screen_angles(self) -> tuple[float, float]:
        """The wedge's angles on screen (radians, counter-clockwise from +x), ascending."""
        t0, t1 = self.xaxis.get_view_interval()
        a0, a1 = (self._direction * t + self._theta_offset for t in (t0, t1))
        return (a0, a1) if a0 <= a1 else (a1, a0)

    def view_rect(self) -> tuple[float, float, float, float]:
        """The square around the visible wedge in projected space (matplotlib's
        _WedgeBbox)."""
        _, _, inner, outer = self._radii()
        t0, t1 = self.xaxis.get_view_interval()
        if _full_circle(t0, t1):
            return -outer, -outer, 2 * outer, 2 * outer
        a0, a1 = self._screen_angles()
        quarter = np.arange(math.ceil(a0 / (math.pi / 2)), math.floor(a1 / (math.pi / 2)) + 1)
        angles = np.r_[a0, a1, quarter * math.pi / 2]
        ring = np.c_[np.cos(angles), np.sin(angles)]
        pts = np.r_[ring * outer, ring * inner]
        (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
        side = max(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return cx - side / 2, cy - side / 2, side, side

    def edge_steps(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Edges that turn in θ bend into arcs: one piece per degree (at most 360)."""
        turn = np.abs(np.asarray(stop, float)[:, 0] - np.asarray(start, float)[:, 0])
        steps = np.ceil(np.nan_to_num(turn) / _ARC_STEP)
        return np.clip(steps, 1, 360).astype(int)

    def _background(self):
        return None  # the wedge is the background (self._patch)

    def sync_camera(self) -> None:
        super().sync_camera()
        # the controller needs where the r labels are (the screen angle they sit at)
        self.view.controller_params = {"rlabel": self._rlabel_angle()}
        self._update_patch()
        self._layers.default_clip = self._sector_clip()

    def _sector_clip(self):
        """A sector's wedge, which the clipped artists draw inside (matplotlib clips
        to the axes' patch); None for the full circle, which the box clip suffices."""
        if _full_circle(*self.xaxis.get_view_interval()):
            return None
        outer, inner = self._wedge_rings()
        ring = np.r_[[[0.0, 0.0]], outer] if inner is None else np.r_[outer, inner[::-1]]
        return FixedRings([np.r_[ring, ring[:1]]])

    def _rlabel_angle(self) -> float:
        return self._direction * math.radians(self._rlabel_position) + self._theta_offset

    # -- limits ---------------------------------------------------------------------------
    def _autoscale(self, keep_held: bool = False) -> None:
        """θ keeps its limits; r gets margins like y, then starts at 0 (matplotlib)."""
        self.xaxis.limits.auto = False
        super()._autoscale(keep_held)
        lim = self.yaxis.limits
        if lim.auto and lim.lo is not None and self.yaxis.scale.name != "log" \
                and lim.hi > lim.lo and lim.lo > 0:
            lim.lo = 0.0

    def _set_scale(self, axis, value: str, kwargs) -> None:
        if axis is self.xaxis and value != "linear":
            raise ValueError(f"value: got {value!r}, expected 'linear' (θ cannot have another "
                             "scale on polar axes)")
        super()._set_scale(axis, value, kwargs)
        if axis is self.yaxis:
            self.yaxis.major_locator = RadialLocator(self.yaxis.major_locator, self)
        else:
            self.xaxis.major_locator = ThetaLocator()
            self.xaxis.major_formatter = ThetaFormatter()

    def set_rscale(self, value: str, **kwargs) -> None:
        """The radial scale ('linear', 'log', 'symlog')."""
        self.set_yscale(value, **kwargs)

    def set_rmax(self, rmax) -> None:
        """The outer radius."""
        self.set_ylim(top=rmax)

    def get_rmax(self) -> float:
        return float(self.get_ylim()[1])

    def set_rmin(self, rmin) -> None:
        """The inner radius (at the pole unless ``set_rorigin`` moves the origin)."""
        self.set_ylim(bottom=rmin)

    def get_rmin(self) -> float:
        return float(self.get_ylim()[0])

    def set_rlim(self, bottom=None, top=None, **kwargs) -> tuple[float, float]:
        """``set_rlim(rmin, rmax)``; ``rmin=``/``rmax=`` as keywords too."""
        unknown = set(kwargs) - {"rmin", "rmax"}
        if unknown:
            raise TypeError(f"set_rlim: unexpected keyword arguments {sorted(unknown)}")
        if "rmin" in kwargs:
            if bottom is not None:
                raise ValueError("bottom and rmin: got both, expected one of them")
            bottom = kwargs["rmin"]
        if "rmax" in kwargs:
            if top is not None:
                raise ValueError("top and rmax: got both, expected one of them")
            top = kwargs["rmax"]
        return self.set_ylim(bottom, top)

    def set_rorigin(self, rorigin) -> None:
        """The radius at the pole (None: rmin); a smaller one leaves a hole."""
        self._rorigin = None if rorigin is None else float(rorigin)
        self._dirty = True

    def get_rorigin(self) -> float:
        lo, hi = self.yaxis.get_view_interval()
        bottom = hi if self.yaxis.inverted else lo
        return bottom if self._rorigin is None else self._rorigin

    def get_rsign(self) -> float:
        return -1.0 if self.yaxis.inverted else 1.0

    def set_rticks(self, ticks, labels=None) -> None:
        """r ticks (and grid circles) at ``ticks``."""
        self.set_yticks(ticks, labels)

    def _set_ticks(self, axis, ticks, labels, minor: bool) -> None:
        super()._set_ticks(axis, ticks, labels, minor)
        if axis is self.yaxis and not minor:  # no r label at the pole (matplotlib's rule)
            self.yaxis.major_locator = RadialLocator(self.yaxis.major_locator, self)

    def set_rlabel_position(self, value) -> None:
        """The angle (degrees, in θ) along which the r labels sit."""
        v = float(value)
        if not math.isfinite(v):
            raise ValueError(f"value: got {value!r}, expected a finite angle in degrees")
        self._rlabel_position = v

    def get_rlabel_position(self) -> float:
        return self._rlabel_position

    def set_theta_offset(self, offset) -> None:
        """Where θ = 0 is, in radians counter-clockwise from the right."""
        v = float(offset)
        if not math.isfinite(v):
            raise ValueError(f"offset: got {offset!r}, expected a finite angle in radians")
        self._theta_offset = v
        self._dirty = True

    def get_theta_offset(self) -> float:
        return self._theta_offset

    def set_theta_zero_location(self, loc: str, offset: float = 0.0) -> None:
        """θ = 0 at 'N', 'NW', 'W', 'SW', 'S', 'SE', 'E' or 'NE', plus ``offset``
        degrees."""
        if loc not in _ZERO_LOCATIONS:
            raise ValueError(f"loc: got {loc!r}, expected one of "
                             f"{', '.join(repr(k) for k in _ZERO_LOCATIONS)}")
        self.set_theta_offset(_ZERO_LOCATIONS[loc] * math.pi + math.radians(offset))

    def set_theta_direction(self, direction) -> None:
        """1 or 'counterclockwise' (θ grows anticlockwise), -1 or 'clockwise'."""
        names = {"counterclockwise": 1, "anticlockwise": 1, "clockwise": -1}
        if isinstance(direction, str):
            if direction not in names:
                raise ValueError(f"direction: got {direction!r}, expected 'clockwise', "
                                 "'counterclockwise', 1 or -1")
            d = names[direction]
        elif direction in (1, -1):
            d = int(direction)
        else:
            raise ValueError(f"direction: got {direction!r}, expected 'clockwise', "
                             "'counterclockwise', 1 or -1")
        self._direction = d
        self._dirty = True

    def get_theta_direction(self) -> int:
        return self._direction

    def set_thetamin(self, thetamin) -> None:
        """The start of the θ range (degrees): sectors of a circle."""
        self.set_thetalim(thetamin=thetamin, thetamax=self.get_thetamax())

    def set_thetamax(self, thetamax) -> None:
        """The end of the θ range (degrees)."""
        self.set_thetalim(thetamin=self.get_thetamin(), thetamax=thetamax)

    def get_thetamin(self) -> float:
        return float(np.rad2deg(self.get_xlim()[0]))

    def get_thetamax(self) -> float:
        return float(np.rad2deg(self.get_xlim()[1]))

    def set_thetalim(self, *args, **kwargs) -> tuple[float, float]:
        """``set_thetalim(minval, maxval)`` in radians, or ``thetamin=``/``thetamax=`` in
        degrees (matplotlib's two forms); at most a full circle."""
        if args and kwargs or len(args) not in (0, 2) or set(kwargs) - {"thetamin",
                                                                         "thetamax"}:
            raise TypeError(f"set_thetalim: got {args!r} {sorted(kwargs)}, expected "
                            "(minval, maxval) in radians or thetamin=, thetamax= in degrees")
        if kwargs:
            lo = np.deg2rad(float(kwargs.get("thetamin", self.get_thetamin())))
            hi = np.deg2rad(float(kwargs.get("thetamax", self.get_thetamax())))
        else:
            lo, hi = (float(v) for v in args)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"thetalim: got ({lo}, {hi}), expected finite angles")
        if abs(hi - lo) > TWO_PI + 1e-12:
            raise ValueError("thetalim: the angle range must be at most a full circle")
        self.xaxis.inverted = False
        self.xaxis.set_limits(min(lo, hi), max(lo, hi))
        self._dirty = True
        return self.get_xlim()

    def set_thetagrids(self, angles, labels=None, fmt=None) -> None:
        """θ grid lines and labels at ``angles`` (degrees); ``fmt`` formats them."""
        angles = np.asarray(angles, dtype=float)
        if labels is None and fmt is not None:
            labels = [fmt % a for a in angles]
        self.set_xticks(np.deg2rad(angles), labels)

    def set_rgrids(self, radii, labels=None, angle=None, fmt=None) -> None:
        """Grid circles and labels at ``radii``; ``angle`` moves the labels."""
        radii = np.asarray(radii, dtype=float)
        if labels is None and fmt is not None:
            labels = [fmt % r for r in radii]
        self.set_yticks(radii, labels)
        if angle is not None:
            self.set_rlabel_position(angle)

    def can_zoom(self) -> bool:
        """No box zoom on polar axes (matplotlib's answer too)."""
        return False

    def can_pan(self) -> bool:
        return True

    # -- the mouse ----------------------------------------------------------------------
    def camera_changed(self, camera: dict) -> None:
        """The polar controller scaled the view about the pole (new rmax) or moved the r
        labels round (``rlabel``, a screen angle)."""
        old = self.view_rect()
        w = abs(float(camera["rect"][2]))
        if old[2] and w and abs(w - old[2]) > 1e-12 * old[2]:
            origin, sign, _, outer = self._radii()
            top = origin + sign * outer * w / old[2]
            with np.errstate(all="ignore"):
                rmax = float(self.yaxis.scale.inverse(np.array([top]))[0])
            if math.isfinite(rmax):
                self.set_rmax(rmax)
        if "rlabel" in camera:
            deg = math.degrees((float(camera["rlabel"]) - self._theta_offset) * self._direction)
            self.set_rlabel_position(deg)
        self.sync_camera()

    def home_state(self):
        return super().home_state(), self._rlabel_position

    def restore_home(self, state) -> None:
        limits, self._rlabel_position = state
        super().restore_home(limits)

    # -- drawing ------------------------------------------------------------------------
    def _wedge_rings(self, n_min: int = 2) -> tuple[np.ndarray, np.ndarray | None]:
        """Outer arc and inner arc (None at the pole) of the wedge, projected."""
        _, _, inner, outer = self._radii()
        a0, a1 = self._screen_angles()
        k = max(n_min, int(math.ceil((a1 - a0) / _ARC_STEP)) + 1)
        a = np.linspace(a0, a1, k)
        ring = np.c_[np.cos(a), np.sin(a)]
        return ring * outer, (ring * inner if inner > 0 else None)

    def _update_patch(self) -> None:
        """The axes' background: the wedge filled with the face color (rebuilt only
        when the wedge or the color changed)."""
        state = (self._radii(), self._screen_angles(), str(self.facecolor), self.axison)
        if state == self._patch_for:
            return
        self._patch_for = state
        outer, inner = self._wedge_rings()
        full = _full_circle(*self.xaxis.get_view_interval())
        if full:
            outer = outer[:-1]
        if inner is None:
            pts = outer if full else np.r_[[[0.0, 0.0]], outer]
            faces = triangulate_polygon(pts)
        else:
            inner = inner[:-1] if full else inner
            pts = np.r_[outer, inner[::-1]]
            if full:  # an annulus: a ring with a hole
                faces = triangulate(pts, [len(outer), len(pts)])
            else:
                faces = triangulate_polygon(pts)
        rgba = colors.to_rgba(self.facecolor) if self.axison else (0.0, 0.0, 0.0, 0.0)
        self._patch.visible = set_mesh(self._patch, pts, faces, np.array([rgba]))

    def _grid_segments(self) -> list[np.ndarray]:
        """Spokes at the θ ticks and circles (arcs) at the r ticks, projected."""
        proj = self.transProjection.frozen()
        segments = []
        t0, t1 = self.xaxis.get_view_interval()
        lo, hi = self.yaxis.get_view_interval()
        s_lo, s_hi = self.yaxis.scaled_interval()
        if self.xaxis.grid_major:
            for t in self.xaxis.ticks()[0]:
                seg = proj.forward(np.array([[t, s_lo], [t, s_hi]]))
                if np.isfinite(seg).all():
                    segments.append(seg)
        if self.yaxis.grid_major:
            k = max(2, int(math.ceil((t1 - t0) / _ARC_STEP)) + 1)
            theta = np.linspace(t0, t1, k)
            with np.errstate(all="ignore"):
                radii = self.yaxis.scale.forward(self.yaxis.ticks()[0])
            for r in radii[np.isfinite(radii)]:
                if min(s_lo, s_hi) < r <= max(s_lo, s_hi):
                    arc = proj.forward(np.c_[theta, np.full(k, r)])
                    if np.isfinite(arc).all():
                        segments.append(arc)
        return segments

    def _label_offset(self, direction: np.ndarray, w: float, h: float, pad: float) -> float:
        """How far from its anchor along ``direction`` a label of size w×h is centred so
        that it stays ``pad`` clear of it."""
        return pad + abs(direction[0]) * w / 2 + abs(direction[1]) * h / 2

    def _theta_labels(self) -> list[tuple[str, float, float, float, float]]:
        """(text, x, y, w, h) of the θ tick labels: centred outside the outer circle."""
        if not (self.xaxis.visible and self.xaxis.show_labels):
            return []
        values, labels, _, _ = self.xaxis.ticks()
        fig = self.figure
        size = fig.points_to_pixels(self.xaxis.tick_size)
        pad = self.theta_label_pad()
        _, _, _, outer = self._radii()
        pole = self.transView.forward(np.zeros(2))
        edge = self.transView.forward(np.array([outer, 0.0]))
        radius = float(np.hypot(*(edge - pole)))
        out = []
        full = _full_circle(*self.xaxis.get_view_interval())
        seen = set()
        for v, text in zip(values, labels, strict=True):
            if not text:  # set_xticklabels([]): nothing drawn, no room taken (matplotlib's)
                continue
            a = self._direction * v + self._theta_offset
            key = round(float(_wrap(a)), 9)
            if full and key in seen:  # 0° and 360° land on the same spot
                continue
            seen.add(key)
            u = np.array([math.cos(a), math.sin(a)])
            w, h, _ = textmod.measure(text, size)
            x, y = pole + u * (radius + pad)
            out.append((text, float(x), float(y), w, h))
        return out

    def own_margins(self) -> tuple[float, float, float, float]:
        """The θ labels stick out of the box (and the title sits above them)."""
        from .decorations import title_room

        bx, by, bw, bh = self.box
        left = right = bottom = top = 0.0
        for _, x, y, w, h in self._theta_labels():
            left = max(left, bx - (x - w / 2))
            right = max(right, x + w / 2 - (bx + bw))
            bottom = max(bottom, by - (y - h / 2))
            top = max(top, y + h / 2 - (by + bh))
        fig = self.figure
        for axis, side in ((self.xaxis, "bottom"), (self.yaxis, "left")):
            if axis.label_text:
                room = fig.points_to_pixels(axis.labelpad) + textmod.measure(
                    axis.label_text, fig.points_to_pixels(axis.label_size))[1]
                if side == "bottom":
                    bottom += room
                else:
                    left += room
        return left, right, bottom, max(top, title_room(self))

    def decorations_above(self, span: tuple[float, float] | None = None) -> float:
        bx, by, bw, bh = self.box
        return max([0.0] + [y + h / 2 - (by + bh) for _, _, y, _, h in self._theta_labels()])

    def draw_bare(self, ov) -> None:
        """With the axis off: nothing of the frame; texts anchored to data stay in the
        overlay, as exported (a page names them once the view moves)."""
        from . import page_axes, page_texts

        if page_texts.anchored(self):
            page_axes.name_frozen(self, ov, _FROZEN_TEXTS)
        return None

    def draw_frame(self, ov) -> None:
        """The circle (or wedge outline), θ labels round it, r labels along the
        r-label angle; axis labels if set. The labels go to the axes' own visuals,
        which a page redraws as it zooms r and turns the r labels (page_axes.py)."""
        from . import page_axes, page_texts

        decor = page_axes.decor(self, ov)
        decor.begin([])
        self._draw_frame(ov, decor)
        record = page_axes.polar_record(self)
        if record is not None and page_texts.anchored(self):
            # they stay in the overlay, as exported: the page names them
            record["frozen_texts"] = [_FROZEN_TEXTS]
        decor.commit(record, {"grid": self._grid_lines()[0], "patch": self._patch})

    def _draw_frame(self, ov, labels) -> None:
        fig = self.figure
        view = self.transView
        if self.frame_on:
            outer, inner = self._wedge_rings()
            full = _full_circle(*self.xaxis.get_view_interval())
            spine = self.spines["polar"]
            if spine.get_visible():
                ov.line(view.forward(outer), spine.color, fig.points_to_pixels(spine.linewidth))
            ring_in = inner if inner is not None else np.zeros((1, 2))
            if inner is not None and self.spines["inner"].get_visible():
                sp = self.spines["inner"]
                ov.line(view.forward(inner), sp.color, fig.points_to_pixels(sp.linewidth))
            if not full:
                for name, i in (("start", 0), ("end", -1)):
                    sp = self.spines[name]
                    if sp.get_visible():
                        ends = np.array([ring_in[i if len(ring_in) > 1 else 0], outer[i]])
                        ov.line(view.forward(ends), sp.color,
                                fig.points_to_pixels(sp.linewidth))
        axis = self.xaxis
        size = fig.points_to_pixels(axis.tick_size)
        for text, x, y, _, _ in self._theta_labels():
            labels.text(text, x, y, size, axis.tick_label_color, ha="center", va="center")
        self._draw_r_labels(labels)
        bx, by, bw, bh = self.box
        if self.xaxis.label_text:
            below = max([0.0] + [by - (y - h / 2) for _, _, y, _, h in self._theta_labels()])
            labels.text(self.xaxis.label_text, bx + bw / 2,
                    by - below - fig.points_to_pixels(self.xaxis.labelpad),
                    fig.points_to_pixels(self.xaxis.label_size), self.xaxis.label_color,
                    ha="center", va="top")
        if self.yaxis.label_text:
            beside = max([0.0] + [bx - (x - w / 2) for _, x, _, w, _ in self._theta_labels()])
            labels.text(self.yaxis.label_text,
                        bx - beside - fig.points_to_pixels(self.yaxis.labelpad), by + bh / 2,
                        fig.points_to_pixels(self.yaxis.label_size),
                        self.yaxis.label_color, ha="center", va="bottom", rotation=90.0)

    def _draw_r_labels(self, ov) -> None:
        axis = self.yaxis
        if not (axis.visible and axis.show_labels):
            return
        fig = self.figure
        values, labels, _, _ = axis.ticks()
        size = fig.points_to_pixels(axis.tick_size)
        full = _full_circle(*self.xaxis.get_view_interval())
        if full:
            theta = math.radians(self._rlabel_position)
        else:  # sectors: along the start edge, outside the wedge
            theta = self.xaxis.get_view_interval()[0 if self._direction > 0 else 1]
        pts = self.transData.forward(np.c_[np.full(len(values), theta), values])
        a = self._direction * theta + self._theta_offset
        normal = -self._direction * np.array([-math.sin(a), math.cos(a)])
        pad = self.sector_r_label_pad()
        for (x, y), text in zip(pts, labels, strict=True):
            if not (math.isfinite(x) and math.isfinite(y)) or not text:
                continue
            if full:
                ov.text(text, x, y, size, axis.tick_label_color, ha="left", va="bottom")
            else:
                w, h, _ = textmod.measure(text, size)
                cx, cy = np.array([x, y]) + normal * self._label_offset(normal, w, h, pad)
                ov.text(text, cx, cy, size, axis.tick_label_color, ha="center", va="center")

    def theta_label_pad(self) -> float:
        """Pixels from the outer circle to the θ labels' centres, whatever the labels'
        size: matplotlib's ThetaTick pad, the tick pad (counting the tick's length for
        ticks 'out', half of it for 'inout') plus 7 points."""
        return float(self.figure.points_to_pixels(
            self.xaxis.tick_pad + _tick_padding(self.xaxis.major) + _THETA_LABEL_PAD))

    def sector_r_label_pad(self) -> float:
        """Pixels from a sector's start edge to its r labels' boxes: the tick pad from
        the tick's end, as matplotlib pads (ticks 'out' add their length, 'inout' half
        of it, drawn or not)."""
        return float(self.figure.points_to_pixels(
            self.yaxis.tick_pad + _tick_padding(self.yaxis.major)))

    def _update_grid(self) -> None:
        segments = self._grid_segments() if self.axison else []
        lines = self._grid_lines()
        for other in lines[1:]:
            other.visible = False
        line = lines[0]
        line.visible = bool(segments)
        if not segments:
            return
        style = {**self.yaxis.grid_style, **self.xaxis.grid_style}
        width = self.figure.points_to_pixels(style.get("linewidth", rcParams["grid.linewidth"]))
        line.width = width
        set_dashes(line, style.get("linestyle", rcParams["grid.linestyle"]), width)
        line.set_data(segments)
        line.color = colors.to_rgba(style.get("color", rcParams["grid.color"]),
                                    style.get("alpha", rcParams["grid.alpha"]))
