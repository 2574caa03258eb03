"""Artists of 3D axes, with mplot3d's ``art3d`` names: here mplot3d's helpers, the
protocol of 3D artists (:class:`Art3D`) and ``Text3D``; the lines and points
(``Line3D``, ``Path3DCollection``: scatter) are in :mod:`lumos.plot.axes3d_lines`, the
collections (``Poly3DCollection``, ``Line3DCollection``, ``Surface3DCollection``:
plot_surface) in :mod:`lumos.plot.axes3d_collections`.

Data stay in data coordinates (float64 copies); the visuals draw them through the
axes' data → box matrix (their node transform), so rotating, panning and zooming change
no buffer. Colors that mplot3d computes once — shading by its fixed light source
(``shade=True``), colormapping, face colors — are computed here the same way
(:func:`shade_colors` is mplot3d's formula); what changes with the camera (the depth cue
of ``depthshade``) is computed on the GPU.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from ..visuals import Line, Text
from ..visuals.base import TRANSLUCENT_ORDER
from .artists import Artist
from .style import font_points, rcParams
from .text import measure
from .ticklabels import _rotation

# -- mplot3d's helpers ----------------------------------------------------------------------

def juggle_axes(xs, ys, zs, zdir: str):
    """Put 2D data (xs, ys) on the plane perpendicular to ``zdir`` at ``zs``."""
    if zdir == "x":
        return zs, xs, ys
    if zdir == "y":
        return xs, zs, ys
    if zdir[0] == "-":
        return rotate_axes(xs, ys, zs, zdir)
    return xs, ys, zs


def rotate_axes(xs, ys, zs, zdir: str):
    """Reorder coordinates so that ``zdir`` comes last (mplot3d's ``rotate_axes``)."""
    if zdir in ("x", "-y"):
        return ys, zs, xs
    if zdir in ("-x", "y"):
        return zs, xs, ys
    return xs, ys, zs


def check_zdir(zdir: str) -> str:
    if zdir not in ("x", "y", "z", "-x", "-y", "-z"):
        raise ValueError(f"zdir: got {zdir!r}, expected 'x', 'y', 'z', '-x', '-y' or '-z'")
    return zdir


def generate_normals(polygons) -> np.ndarray:
    """One normal per polygon from three points spread around it (mplot3d's): towards
    the viewer for counter-clockwise vertices."""
    if isinstance(polygons, np.ndarray):
        n = polygons.shape[-2]
        i1, i2, i3 = 0, n // 3, 2 * n // 3
        v1 = polygons[..., i1, :] - polygons[..., i2, :]
        v2 = polygons[..., i2, :] - polygons[..., i3, :]
    else:
        v1 = np.empty((len(polygons), 3))
        v2 = np.empty((len(polygons), 3))
        for k, ps in enumerate(polygons):
            n = len(ps)
            ps = np.asarray(ps)
            v1[k] = ps[0] - ps[n // 3]
            v2[k] = ps[n // 3] - ps[2 * n // 3]
    return np.cross(v1, v2)


def light_direction(lightsource=None) -> np.ndarray:
    """The unit vector towards a matplotlib ``LightSource`` (default mplot3d's: azimuth
    225°, altitude 19.4712°)."""
    az, alt = (225.0, 19.4712) if lightsource is None else (lightsource.azdeg,
                                                             lightsource.altdeg)
    a, e = np.radians(90.0 - az), np.radians(alt)
    return np.array([np.cos(a) * np.cos(e), np.sin(a) * np.cos(e), np.sin(e)])


def shade_colors(color, normals: np.ndarray, lightsource=None) -> np.ndarray:
    """mplot3d's shading: each color times 0.65 + 0.35 n·l (n the unit normal, l the
    light), alpha kept; faces without a normal keep 0.65."""
    with np.errstate(invalid="ignore", divide="ignore"):
        shade = (normals / np.linalg.norm(normals, axis=1, keepdims=True)) @ \
            light_direction(lightsource)
    rgba = np.array(np.broadcast_to(colors.to_rgba_array(color, dtype=np.float64),
                                    (len(normals), 4)))
    if np.isnan(shade).all():
        return rgba
    shade = np.nan_to_num(shade)
    rgba[:, :3] *= (0.3 + 0.7 * (shade + 1) / 2)[:, None]
    return rgba


def limits3(points: np.ndarray):
    """((x0, x1), (y0, y1), (z0, z1)) of the finite rows, or None."""
    p = points[np.isfinite(points).all(axis=1)] if len(points) else points
    if not len(p):
        return None
    lo, hi = p.min(axis=0), p.max(axis=0)
    return tuple((float(a), float(b)) for a, b in zip(lo, hi, strict=True))


# -- the protocol of 3D artists ---------------------------------------------------------------

class Art3D:
    """What 3D axes ask of their artists (besides :class:`~lumos.plot.artists.Artist`'s):
    ``data_limits3d()``, ``sync3d()`` (bring the visuals up to date before a frame) and
    ``points3d()`` (points that legends avoid and selections pick, projected through the
    axes by ``data_points``)."""

    space = "box"  # the axes give the visuals their data → box matrix
    _stale3d = True
    #: mplot3d's ``axlim_clip``: points outside the axes limits are left out (lines
    #: break there); the limits the visuals were last clipped to
    axlim_clip = False
    _clipped_to = None
    #: drawn only inside the axes' rectangle, as matplotlib clips the lines, collections
    #: and patches of a 3D axes to its bbox (not its texts)
    clips_to_axes = True

    def _changed(self) -> None:
        self._stale3d = True
        super()._changed()

    def _attach(self, axes) -> None:
        self.axes = axes
        self._stale3d = True

    def sync3d(self) -> None:
        if self.axes is not None and self.axlim_clip:
            limits = self.axes.get_w_lims()
            if limits != self._clipped_to:
                self._clipped_to, self._stale3d = limits, True
        if self._stale3d and self.axes is not None:
            self._stale3d = False
            self._update3d()

    def clip_to_limits(self, points: np.ndarray) -> np.ndarray:
        """``points`` (N, 3), those outside the axes limits NaN when ``axlim_clip``
        (a copy; as given otherwise)."""
        if not self.axlim_clip or self.axes is None or not len(points):
            return points
        w = np.sort(np.reshape(self.axes.get_w_lims(), (3, 2)), axis=1)
        with np.errstate(invalid="ignore"):
            out = ((points < w[:, 0]) | (points > w[:, 1])).any(axis=1)
        clipped = np.array(points, dtype=float)
        clipped[out] = np.nan
        return clipped

    def _update3d(self) -> None:
        raise NotImplementedError

    def rescale(self) -> None:
        """The axes scales (or the data) changed: the visuals' points (in scale space)
        are rebuilt at the next sync, and the axes hear of it as of any change (what
        ``Line2D.rescale`` does in 2D)."""
        self._changed()

    def data_limits3d(self):
        return None

    def data_limits(self):
        return None  # 2D limits mean nothing here

    def points3d(self) -> np.ndarray | None:
        return None

    def data_points(self) -> np.ndarray | None:
        pts = self.points3d()
        return None if pts is None or self.axes is None else self.axes.projected(pts)

    def pick_hit(self, mouseevent) -> None:
        return None  # what the 3D view shows of it, the GPU's pick knows

    def _order(self, visual, translucent: bool) -> None:
        visual.order = self.zorder + (TRANSLUCENT_ORDER if translucent else 0.0)


class Artist3D(Art3D, Artist):
    """Base of the 3D artists that are not 2D artists lifted."""



class Text3D(Artist3D):
    """Text at a 3D point (``ax.text(x, y, z, s)``), facing the screen; ``zdir`` turns
    its baseline along that direction as the camera sees it (as mplot3d's)."""

    zorder = 3.0
    clips_to_axes = False  # matplotlib's ax.text gets no clip box

    def __init__(self, axes, x, y, z, text, zdir=None, fontsize=None, color="black",
                 ha="left", va="baseline", rotation=None, label=None, zorder=None,
                 fontweight=None) -> None:
        super().__init__(axes, label, zorder)
        if ha not in ("left", "center", "right"):
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        if va not in ("top", "center", "bottom", "baseline", "center_baseline"):
            raise ValueError(f"va: got {va!r}, expected 'top', 'center', 'bottom' or "
                             "'baseline'")
        va = "baseline" if va == "center_baseline" else va
        self._pos = np.array([float(x), float(y), float(z)])
        self._text = str(text)
        self._zdir = _text_direction(zdir)
        self._size = float(rcParams["font.size"] if fontsize is None else font_points(fontsize))
        self._color = colors.to_rgba(color)
        self._bold = fontweight in ("bold", "heavy", 700, 800, 900)
        self._visual = Text(self._text, pos=self._pos, anchor_x=ha, anchor_y=va,
                            rotation=_rotation(rotation), bold=self._bold,
                            rotation_mode="default")

    def get_text(self) -> str:
        return self._text

    def set_text(self, s) -> None:
        self._text = str(s)
        self._changed()

    def set_position_3d(self, xyz, zdir=None) -> None:
        self._pos = np.asarray(xyz, dtype=float).reshape(3).copy()
        if zdir is not None:
            self._zdir = _text_direction(zdir)
        self._changed()

    def get_position_3d(self) -> tuple[float, float, float]:
        return tuple(float(v) for v in self._pos)

    def set_color(self, color) -> None:
        self._color = colors.to_rgba(color)
        self._changed()

    def set_fontsize(self, size) -> None:
        self._size = font_points(size)
        self._changed()

    def visuals(self) -> list:
        return [self._visual]

    def _update3d(self) -> None:
        t = self._visual
        t.font_size = self.axes.figure.points_to_pixels(self._size)
        direction = self._zdir
        if direction is not None:
            # a direction in data units, short in the box: the axes' scales stretch it
            span = np.array([np.ptp(self.axes.scaled_lim(i)) for i in range(3)])
            direction = direction * span * 1e-3
        t.set_data(self._text, self.axes.scaled(self._pos), color=self._color,
                   direction=np.zeros(3) if direction is None else direction)
        # axlim_clip: hidden while its point is outside the limits (mplot3d's NaN)
        inside = np.isfinite(self.clip_to_limits(self._pos[None])).all()
        t.visible = self._visible and bool(inside)
        self._order(t, False)

    def data_limits3d(self):
        return None  # text does not scale the axes (matplotlib)

    def pixel_reach(self) -> tuple[float, float, float, float] | None:
        """x0, y0, x1, y1 (figure pixels from the bottom left) that the text can cover
        at the view the script set, turned any way about its anchor (``zdir``): the 3D
        view grows to hold it, as matplotlib does not clip ``ax.text``. None when
        hidden or empty."""
        if not self._visible or not self._text or self.axes is None:
            return None
        x, y = self.axes.project(self._pos[None], home=True)[0, :2]
        w, h, _ = measure(self._text, self.axes.figure.points_to_pixels(self._size),
                          bold=self._bold)
        r = float(np.hypot(w, h))
        if not (np.isfinite(x) and np.isfinite(y)):
            return None
        return x - r, y - r, x + r, y + r


def _text_direction(zdir) -> np.ndarray | None:
    if zdir is None:
        return None
    named = {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1)}
    d = np.asarray(named.get(zdir, zdir) if isinstance(zdir, str) else zdir, dtype=float)
    if d.shape != (3,) or not np.isfinite(d).all() or not d.any():
        raise ValueError(f"zdir: got {zdir!r}, expected 'x', 'y', 'z', None or a nonzero "
                         "(x, y, z) direction")
    return d / np.linalg.norm(d)



__all__ = ["Art3D", "Artist3D", "Text3D", "check_zdir", "generate_normals", "juggle_axes",
           "light_direction", "limits3", "rotate_axes", "shade_colors"]


#: depth units (the polygon offset's) a line artist is drawn nearer than the previous one
#: with lines: enough for the rounding of two artists' copies of one point (measured: 1 and
#: 4 show the same pixels), and small: n artists move the last by n units (2^-24 each)
TIE_UNITS = 1.0


class RankedLine(Line):
    """The line of a 3D artist: where it lies exactly on a line of an artist added before
    it (two wireframes of one surface, contour lines over a wireframe) it wins the depth
    test, as mplot3d paints the later artist over the earlier one, instead of each pixel
    going to whichever depth rounded nearer. ``rank``: the artist's place in its axes
    (:meth:`Axes3D.sync` sets it)."""

    rank = 0

    def draws(self, ctx):
        draws = super().draws(ctx)
        if not self.rank:
            return draws
        offset = (0.0, -TIE_UNITS * self.rank)
        return [replace(d, state=replace(d.state, polygon_offset=offset))
                if d.state.depth_test else d for d in draws]
