"""Vector fields beyond ``quiver``: ``streamplot`` (matplotlib's RK12 integrator on its
grid and density mask), ``barbs`` (wind barbs) and ``quiverkey``.

Streamlines are a :class:`~lumos.plot.path_collections.LineCollection` (colored and
widened per segment when ``color``/``linewidth`` are arrays); arrow heads and barbs are
shapes in points placed at data points, redrawn when the view changes.
"""

from __future__ import annotations

import math

import numpy as np

from .. import colors
from ..path import Path
from .artists import accepts_rasterized
from .barbs_clip import clip_polygon, clip_polyline, polar_rim
from .collections import color_rows
from .grid_plots import grid_coords
from .path_collections import LineCollection, PolyCollection
from .plot_args import check_choice
from .quiver import ArrowPaths, Quiver
from .stream_arrows import FancyArrowPatch, StreamArrows, StreamplotSet
from .style import rcParams


# -- streamplot: matplotlib's integrator ------------------------------------------------------
class _Stop(Exception):
    """The trajectory ends here (zero speed, masked data, or a filled mask cell)."""


class _OutOfBounds(IndexError):
    pass


class _Grid:
    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        if x.ndim == 2:
            if not np.allclose(x[0], x):
                raise ValueError("x: the rows of a 2-D x must be equal")
            x = x[0]
        elif x.ndim != 1:
            raise ValueError(f"x: got {x.ndim} dimensions, expected 1 or 2")
        if y.ndim == 2:
            if not np.allclose(y[:, 0][:, None], y):
                raise ValueError("y: the columns of a 2-D y must be equal")
            y = y[:, 0]
        elif y.ndim != 1:
            raise ValueError(f"y: got {y.ndim} dimensions, expected 1 or 2")
        for name, a in (("x", x), ("y", y)):
            if len(a) < 2 or not (np.diff(a) > 0).all():
                raise ValueError(f"{name}: must be strictly increasing")
        self.nx, self.ny = len(x), len(y)
        self.dx, self.dy = x[1] - x[0], y[1] - y[0]
        self.x_origin, self.y_origin = float(x[0]), float(y[0])
        self.width, self.height = float(x[-1] - x[0]), float(y[-1] - y[0])
        if not np.allclose(np.diff(x), self.width / (self.nx - 1)):
            raise ValueError("x: values must be equally spaced")
        if not np.allclose(np.diff(y), self.height / (self.ny - 1)):
            raise ValueError("y: values must be equally spaced")

    @property
    def shape(self) -> tuple[int, int]:
        return self.ny, self.nx

    def within(self, xi: float, yi: float) -> bool:
        return 0 <= xi <= self.nx - 1 and 0 <= yi <= self.ny - 1


class _Mask:
    """Which cells of the (30·density)² mask a streamline already passed."""

    def __init__(self, density) -> None:
        try:
            self.nx, self.ny = (30 * np.broadcast_to(np.asarray(density, dtype=float), 2)) \
                .astype(int)
        except ValueError:
            raise ValueError(f"density: got {density!r}, expected a number or (x, y)") \
                from None
        if self.nx < 0 or self.ny < 0:
            raise ValueError(f"density: got {density!r}, expected positive values")
        self.cells = np.zeros((self.ny, self.nx))
        self.current = None
        self.traj: list = []

    def start(self, xm: int, ym: int, broken: bool) -> None:
        self.traj = []
        self.update(xm, ym, broken)

    def undo(self) -> None:
        for t in self.traj:
            self.cells[t] = 0

    def update(self, xm: int, ym: int, broken: bool) -> None:
        if self.current != (xm, ym):
            if self.cells[ym, xm] == 0:
                self.traj.append((ym, xm))
                self.cells[ym, xm] = 1
                self.current = (xm, ym)
            elif broken:
                raise _Stop


class _DomainMap:
    def __init__(self, grid: _Grid, mask: _Mask) -> None:
        self.grid, self.mask = grid, mask
        self.x_grid2mask = (mask.nx - 1) / (grid.nx - 1)
        self.y_grid2mask = (mask.ny - 1) / (grid.ny - 1)
        self.x_data2grid, self.y_data2grid = 1.0 / grid.dx, 1.0 / grid.dy

    def grid2mask(self, xi, yi) -> tuple[int, int]:
        return round(xi * self.x_grid2mask), round(yi * self.y_grid2mask)

    def mask2grid(self, xm, ym) -> tuple[float, float]:
        # matplotlib's arithmetic, to the last bit (it decides which cells are taken)
        return xm * (1.0 / self.x_grid2mask), ym * (1.0 / self.y_grid2mask)

    def update(self, xg, yg, broken: bool) -> None:
        if not self.grid.within(xg, yg):
            raise _Stop
        self.mask.update(*self.grid2mask(xg, yg), broken)


def _interp(a: np.ndarray, xi, yi):
    """Bilinear interpolation of grid ``a`` at grid coordinates (scalars or arrays)."""
    ny, nx = a.shape
    if isinstance(xi, np.ndarray):
        x, y = xi.astype(int), yi.astype(int)
        xn, yn = np.clip(x + 1, 0, nx - 1), np.clip(y + 1, 0, ny - 1)
    else:
        x, y = int(xi), int(yi)
        xn = x if x == nx - 1 else x + 1
        yn = y if y == ny - 1 else y + 1
    xt, yt = xi - x, yi - y
    a0 = a[y, x] * (1 - xt) + a[y, xn] * xt
    a1 = a[yn, x] * (1 - xt) + a[yn, xn] * xt
    return a0 * (1 - yt) + a1 * yt


def _integrator(u, v, dmap: _DomainMap, minlength, maxlength, direction):
    grid = dmap.grid
    u, v = u * dmap.x_data2grid, v * dmap.y_data2grid
    speed = np.sqrt((u / (grid.nx - 1)) ** 2 + (v / (grid.ny - 1)) ** 2)

    def forward(xi, yi):
        if not grid.within(xi, yi):
            raise _OutOfBounds
        ds_dt = _interp(speed, xi, yi)
        if not np.isfinite(ds_dt):
            raise _Stop  # masked or NaN data
        if ds_dt == 0:
            raise _Stop
        dt_ds = 1.0 / ds_dt
        return _interp(u, xi, yi) * dt_ds, _interp(v, xi, yi) * dt_ds

    def backward(xi, yi):
        dx, dy = forward(xi, yi)
        return -dx, -dy

    def integrate(x0, y0, broken, step_scale, error_scale):
        total, traj = 0.0, []
        try:
            dmap.mask.start(*dmap.grid2mask(x0, y0), broken)
        except _Stop:
            return None
        if direction in ("both", "backward"):
            s, xyt = _rk12(x0, y0, dmap, backward, maxlength, broken, step_scale, error_scale)
            total += s
            traj += xyt[::-1]
        if direction in ("both", "forward"):
            dmap.mask.current = dmap.grid2mask(x0, y0)
            s, xyt = _rk12(x0, y0, dmap, forward, maxlength, broken, step_scale, error_scale)
            total += s
            traj += xyt[1:]
        if total > minlength:
            return np.asarray(traj, dtype=float).reshape(-1, 2)
        dmap.mask.undo()  # too short: give its cells back
        return None

    return integrate


def _rk12(x0, y0, dmap, f, maxlength, broken, step_scale, error_scale):
    """matplotlib's adaptive second-order Runge-Kutta (Heun) steps with an Euler estimate
    of the error, ending at the edge with an Euler step onto it."""
    maxerror = 0.003 * error_scale
    maxds = min(1.0 / dmap.mask.nx, 1.0 / dmap.mask.ny, 0.1) * step_scale
    ds, total = maxds, 0.0
    xi, yi = x0, y0
    traj: list = []
    ny, nx = dmap.grid.shape
    while True:
        try:
            if not dmap.grid.within(xi, yi):
                raise _OutOfBounds
            traj.append((xi, yi))
            k1x, k1y = f(xi, yi)
            k2x, k2y = f(xi + ds * k1x, yi + ds * k1y)
        except _OutOfBounds:
            if traj:
                step = _euler_to_edge(traj, dmap, f)
                total += step
            break
        except _Stop:
            break
        dx1, dy1 = ds * k1x, ds * k1y
        dx2, dy2 = ds * 0.5 * (k1x + k2x), ds * 0.5 * (k1y + k2y)
        error = np.hypot((dx2 - dx1) / (nx - 1), (dy2 - dy1) / (ny - 1))
        if error < maxerror:
            xi += dx2
            yi += dy2
            try:
                dmap.update(xi, yi, broken)
            except _Stop:
                break
            if total + ds > maxlength:
                break
            total += ds
        ds = maxds if error == 0 else min(maxds, 0.85 * ds * (maxerror / error) ** 0.5)
    return total, traj


def _euler_to_edge(traj: list, dmap, f) -> float:
    ny, nx = dmap.grid.shape
    xi, yi = traj[-1]
    cx, cy = f(xi, yi)
    dsx = np.inf if cx == 0 else (xi / -cx if cx < 0 else (nx - 1 - xi) / cx)
    dsy = np.inf if cy == 0 else (yi / -cy if cy < 0 else (ny - 1 - yi) / cy)
    ds = min(dsx, dsy)
    traj.append((xi + cx * ds, yi + cy * ds))
    return ds


def _spiral_starts(ny: int, nx: int):
    """Mask cells from the outside in, as matplotlib seeds streamlines."""
    xfirst, yfirst, xlast, ylast = 0, 1, nx - 1, ny - 1
    x = y = 0
    direction = "right"
    for _ in range(nx * ny):
        yield x, y
        if direction == "right":
            x += 1
            if x >= xlast:
                xlast -= 1
                direction = "up"
        elif direction == "up":
            y += 1
            if y >= ylast:
                ylast -= 1
                direction = "left"
        elif direction == "left":
            x -= 1
            if x <= xfirst:
                xfirst += 1
                direction = "down"
        else:
            y -= 1
            if y <= yfirst:
                yfirst += 1
                direction = "right"


# -- barbs and quiver keys --------------------------------------------------------------------
class Barbs(PolyCollection):
    """Wind barbs (``barbs``): a staff per vector with flags (50), full barbs (10) and
    half barbs (5), or a circle for calm; ``length`` in points, as matplotlib."""

    def __init__(self, x, y, u, v, c=None, *, pivot="tip", length=7, barbcolor=None,
                 flagcolor=None, sizes=None, fill_empty: bool = False,
                 barb_increments=None, rounding: bool = True, flip_barb=False,
                 **kwargs) -> None:
        self.sizes = dict(sizes or {})
        self.barb_increments = dict(barb_increments or {})
        self.fill_empty, self.rounding = bool(fill_empty), bool(rounding)
        self.flip = np.atleast_1d(np.asarray(flip_barb, dtype=bool))
        if not (isinstance(pivot, str) and pivot.lower() in ("tip", "middle")):
            try:
                float(pivot)
            except (TypeError, ValueError):
                raise ValueError(f"pivot: got {pivot!r}, expected 'tip', 'middle' or a "
                                 "number") from None
        self._pivot, self._length = pivot, float(length)
        if barbcolor is None or flagcolor is None:
            kwargs["edgecolors"] = "face"
            if flagcolor is not None:
                kwargs["facecolors"] = flagcolor
            elif barbcolor is not None:
                kwargs["facecolors"] = barbcolor
            else:
                kwargs.setdefault("facecolors", "k")
        else:
            kwargs["edgecolors"], kwargs["facecolors"] = barbcolor, flagcolor
        if "linewidth" not in kwargs and "lw" not in kwargs and "linewidths" not in kwargs:
            kwargs["linewidths"] = 1
        super().__init__([], **kwargs)
        self.x, self.y = x, y
        self.set_UVC(u, v, c)

    def set_UVC(self, U, V, C=None) -> None:  # noqa: N802 - matplotlib's name
        u = np.ma.filled(np.ma.masked_invalid(np.ma.array(U, dtype=float)), np.nan).ravel()
        v = np.ma.filled(np.ma.masked_invalid(np.ma.array(V, dtype=float)), np.nan).ravel()
        n = self.x.size
        for name, arr in (("U", u), ("V", v)):
            if arr.size != n:
                raise ValueError(f"{name}: got {arr.size} values for {n} positions")
        keep = np.isfinite(u) & np.isfinite(v) & np.isfinite(self.x) & np.isfinite(self.y)
        c = None
        if C is not None:
            c = np.ma.filled(np.ma.masked_invalid(np.ma.array(C, dtype=float)), np.nan).ravel()
            if c.size != n:
                raise ValueError(f"C: got {c.size} values for {n} positions")
            keep &= np.isfinite(c)
        flip = np.broadcast_to(self.flip, (n,)) if self.flip.size == 1 else self.flip
        if flip.size != n:
            raise ValueError(f"flip_barb: got {flip.size} values for {n} positions")
        self.u, self.v = u[keep], v[keep]
        self._barbs = self._make_barbs(self.u, self.v, flip[keep])
        self._paths = [Path(np.asarray(lines, dtype=float)) for lines, _ in self._barbs]
        self._offsets = np.c_[self.x[keep], self.y[keep]]
        if c is not None:
            self.set_array(c[keep])
        self._changed()

    def _tails(self, mag):
        half = self.barb_increments.get("half", 5)
        full = self.barb_increments.get("full", 10)
        flag = self.barb_increments.get("flag", 50)
        if self.rounding:
            mag = half * np.around(mag / half)
        n_flags, mag = divmod(mag, flag)
        n_barb, mag = divmod(mag, full)
        half_flag = mag >= half
        empty = ~(half_flag | (n_flags > 0) | (n_barb > 0))
        return n_flags.astype(int), n_barb.astype(int), half_flag, empty

    def _make_barbs(self, u, v, flip) -> list:
        """matplotlib's barbs, in units where the staff is ``length`` long: per vector
        the staff and barbs as one line, and the flags (filled) as triangles."""
        length = self._length
        spacing = length * self.sizes.get("spacing", 0.125)
        full_height = length * self.sizes.get("height", 0.4)
        full_width = length * self.sizes.get("width", 0.25)
        empty_rad = length * self.sizes.get("emptybarb", 0.15)
        pivot = self._pivot
        endy = float(pivot) if not isinstance(pivot, str) else \
            {"tip": 0.0, "middle": -length / 2.0}[pivot.lower()]
        angles = -(np.arctan2(v, u) + np.pi / 2)
        th = 2 * np.pi * np.arange(20) / 20 + np.pi / 2  # CirclePolygon's 20 sides
        circ = empty_rad * np.c_[np.cos(th), np.sin(th)]
        circ = np.r_[circ, circ[:1]]
        nflags, nbarbs, halves, empty = self._tails(np.hypot(u, v))
        out = []
        for i, angle in enumerate(angles):
            if empty[i]:
                out.append((np.zeros((0, 2)), [circ]) if self.fill_empty else (circ, []))
                continue
            line, flags = [(0.0, endy)], []
            offset = length
            h = -full_height if flip[i] else full_height
            for _ in range(nflags[i]):
                if offset != length:
                    offset += spacing / 2.0
                tri = [(0.0, endy + offset), (h, endy - full_width / 2 + offset),
                       (0.0, endy - full_width + offset)]
                line += tri
                flags.append(np.array(tri + tri[:1]))
                offset -= full_width + spacing
            for _ in range(nbarbs[i]):
                line += [(0.0, endy + offset), (h, endy + offset + full_width / 2),
                         (0.0, endy + offset)]
                offset -= spacing
            if halves[i]:
                if offset == length:
                    line.append((0.0, endy + offset))
                    offset -= 1.5 * spacing
                line += [(0.0, endy + offset), (h / 2, endy + offset + full_width / 4),
                         (0.0, endy + offset)]
            c, s = math.cos(-angle), math.sin(-angle)
            rot = np.array([[c, s], [-s, c]])
            out.append((np.asarray(line) @ rot, [f @ rot for f in flags]))
        return out

    def _build_key(self, fig) -> tuple:
        """Cut at the rim, the barbs change with the view (their points move on it)."""
        key = super()._build_key(fig)
        return key if polar_rim(self) is None else (*key, self.axes.view_state())

    def _geometry(self):
        """Two items per barb, in points at its position (matplotlib scales the units by
        sqrt(length² / 4) points): the line (not filled), then its flags (filled); on
        full-circle polar axes cut at the circle (:mod:`.barbs_clip`)."""
        k = self._length / 2 * self.axes.figure.dpi / 72.0
        rim = polar_rim(self)
        at = self.axes.transData.forward(self._offsets) if rim is not None else None
        paths = []
        for i, (line, flags) in enumerate(self._barbs):
            line, flags = line * k, [f * k for f in flags]
            if rim is not None:
                c = rim[0] - at[i]
                line = clip_polyline(line, c, rim[1]) if len(line) else line
                flags = [np.r_[p, p[:1]] for f in flags
                         if len(p := clip_polygon(f[:-1], c, rim[1])) > 2]
            paths.append((line, None))
            if flags:
                codes = np.concatenate([np.r_[Path.MOVETO, np.full(len(f) - 2, Path.LINETO),
                                              Path.CLOSEPOLY] for f in flags]).astype(np.uint8)
                paths.append((np.concatenate(flags), codes))
            else:
                paths.append((np.zeros((0, 2)), None))
        return paths, "pixels", np.repeat(self._offsets, 2, axis=0)

    def _styles_per_item(self, n: int) -> tuple:
        face, edge, hatch, lw, styles = super()._styles_per_item(n // 2)
        line_face = np.zeros_like(face)
        face2 = np.stack([line_face, face], axis=1).reshape(-1, 4)
        rep = np.repeat
        return (face2, rep(edge, 2, axis=0), rep(hatch, 2, axis=0), rep(lw, 2),
                [s for s in styles for _ in range(2)])

    def set_offsets(self, xy) -> None:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.x, self.y = xy[:, 0].copy(), xy[:, 1].copy()
        self.set_UVC(self.u, self.v)


class QuiverKey(ArrowPaths):
    """A reference arrow of length ``U`` drawn as the arrows of ``Q`` are, at (X, Y) in
    ``coordinates``, with its ``label`` (``quiverkey``)."""

    _page_name = "a quiver key"

    def __init__(self, Q: Quiver, X, Y, U, label, *, angle=0, coordinates="axes",  # noqa: N803
                 color=None, labelsep=0.1, labelpos="N", labelcolor=None,
                 fontproperties=None, zorder=None) -> None:
        check_choice(coordinates, "coordinates", ("axes", "figure", "data", "inches"))
        check_choice(labelpos, "labelpos", ("N", "S", "E", "W"))
        if not isinstance(Q, Quiver):
            raise TypeError(f"Q: got {type(Q).__name__}, expected what quiver returned")
        face = Q.get_facecolor()[0] if color is None else colors.to_rgba(color,
                                                                         argname="color")
        super().__init__(Q.axes, facecolor=face, edgecolor="none", linewidth=0,
                         zorder=Q.zorder + 0.1 if zorder is None else zorder)
        self.Q, self.X, self.Y, self.U = Q, float(X), float(Y), float(U)
        self.angle, self.coord, self.labelpos = float(angle), coordinates, labelpos
        self.labelsep = float(labelsep)
        ax = Q.axes
        xycoords = {"axes": "axes fraction", "figure": "figure fraction", "data": "data",
                    "inches": "figure points"}[coordinates]
        at = (self.X * 72, self.Y * 72) if coordinates == "inches" else (self.X, self.Y)
        shift = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}[labelpos]
        props = dict(fontproperties or {})
        size = props.pop("size", props.pop("fontsize", None))
        weight = props.pop("weight", props.pop("fontweight", None))
        if props:
            raise TypeError(f"fontproperties: lumos takes size and weight; got "
                            f"{sorted(props)}")
        self.text = ax.annotate(
            str(label), at, (shift[0] * self.labelsep * 72, shift[1] * self.labelsep * 72),
            xycoords=xycoords, textcoords="offset points",
            ha={"N": "center", "S": "center", "E": "left", "W": "right"}[labelpos],
            va={"N": "bottom", "S": "top", "E": "center", "W": "center"}[labelpos],
            color="black" if labelcolor is None else labelcolor, fontsize=size,
            fontweight=weight)

    def _anchor_pixels(self) -> np.ndarray:
        ax = self.axes
        xy = np.array([[self.X, self.Y]])
        if self.coord == "axes":
            return ax.transAxes.forward(xy)[0]
        if self.coord == "figure":
            return ax.figure.transFigure.forward(xy)[0]
        if self.coord == "data":
            return ax.transData.forward(xy)[0]
        return xy[0] * ax.figure.dpi

    def _state(self):
        """The view, and the width and scale of Q's arrows (fixed at its first draw)."""
        return super()._state(), self.Q.width, self.Q.scale

    def _arrows(self):
        ax, q = self.axes, self.Q
        if ax.box[2] <= 1:
            return None
        _, width_px = q.pixel_scale()
        length = q.length_pixels(np.array([abs(self.U)]))
        pivot = {"N": "middle", "S": "middle", "E": "tip", "W": "tail"}[self.labelpos]
        shape = q._arrow_shapes(length / width_px, pivot)[0] * width_px
        theta = math.radians(self.angle) + (math.pi if self.U < 0 else 0.0)
        c, s = math.cos(theta), math.sin(theta)
        px = shape @ np.array([[c, s], [-s, c]]) + self._anchor_pixels()
        face = self.face_rgba(1)
        # in data: pixels about its point; else where it stands on the axes (a page's
        # zoom leaves it there)
        data = self.coord == "data"
        return (px[None], "pixels" if data else "axes",
                np.array([[self.X, self.Y]]) if data else None, face, face, q.follows_view())

    def data_limits(self):
        return None

    def remove(self) -> None:
        self.text.remove()
        super().remove()


class FlowMixin:
    """``streamplot``, ``barbs`` and ``quiverkey`` of Axes."""

    def streamplot(self, x, y, u, v, density=1, linewidth=None, color=None, cmap=None,
                   norm=None, arrowsize=1, arrowstyle="-|>", minlength=0.1, transform=None,
                   zorder=None, start_points=None, maxlength=4.0,
                   integration_direction="both", broken_streamlines: bool = True, *,
                   integration_max_step_scale=1.0, integration_max_error_scale=1.0,
                   num_arrows=1) -> StreamplotSet:
        """Streamlines of the field (u, v) on the evenly spaced grid x, y, spaced by
        ``density``; ``color``/``linewidth`` may be grids (colored through ``cmap``).
        Returns a StreamplotSet (``.lines``, ``.arrows``)."""
        if arrowstyle != "-|>":
            raise TypeError(f"arrowstyle: lumos draws '-|>' heads; got {arrowstyle!r}")
        if transform is not None and transform is not self.transData:
            raise TypeError("transform: streamlines are in data coordinates; got "
                            f"{transform!r}, expected ax.transData")
        check_choice(integration_direction, "integration_direction",
                     ("both", "forward", "backward"))
        for name, val in (("integration_max_step_scale", integration_max_step_scale),
                          ("integration_max_error_scale", integration_max_error_scale)):
            if not val > 0:
                raise ValueError(f"{name}: got {val!r}, expected a number > 0")
        if num_arrows < 0:
            raise ValueError(f"num_arrows: got {num_arrows!r}, expected >= 0")
        xg, yg = grid_coords(self, x, y)
        grid = _Grid(xg, yg)
        mask = _Mask(density)
        dmap = _DomainMap(grid, mask)
        zorder = 2.0 if zorder is None else float(zorder)
        uu, vv = _field(u, "u", grid.shape), _field(v, "v", grid.shape)
        multicolor = isinstance(color, np.ndarray) or np.ma.isMaskedArray(color)
        cgrid = _field(color, "color", grid.shape) if multicolor else None
        wide = isinstance(linewidth, np.ndarray)
        wgrid = _field(linewidth, "linewidth", grid.shape) if wide else None
        lw = float(rcParams["lines.linewidth"] if linewidth is None else
                   (0 if wide else linewidth))
        if color is None:
            color = self._next_color()
        if integration_direction == "both":
            maxlength /= 2.0
        integrate = _integrator(uu, vv, dmap, minlength, maxlength, integration_direction)
        trajectories = []
        if start_points is None:
            for xm, ym in _spiral_starts(*mask.cells.shape):
                if mask.cells[ym, xm] == 0:
                    t = integrate(*dmap.mask2grid(xm, ym), broken_streamlines,
                                  integration_max_step_scale, integration_max_error_scale)
                    if t is not None:
                        trajectories.append(t)
        else:
            sp = np.array(start_points, dtype=float).reshape(-1, 2)
            for xs, ys in sp:
                if not (grid.x_origin <= xs <= grid.x_origin + grid.width
                        and grid.y_origin <= ys <= grid.y_origin + grid.height):
                    raise ValueError(f"start_points: ({xs}, {ys}) is outside the data")
            for xs, ys in sp:
                gx = np.clip((xs - grid.x_origin) * dmap.x_data2grid, 0, grid.nx - 1)
                gy = np.clip((ys - grid.y_origin) * dmap.y_data2grid, 0, grid.ny - 1)
                t = integrate(gx, gy, broken_streamlines, integration_max_step_scale,
                              integration_max_error_scale)
                if t is not None:
                    trajectories.append(t)
        segments, widths, values, tails, heads, arrow_w, arrow_v = [], [], [], [], [], [], []
        for t in trajectories:
            tgx, tgy = t[:, 0], t[:, 1]
            tx = tgx / dmap.x_data2grid + grid.x_origin
            ty = tgy / dmap.y_data2grid + grid.y_origin
            pts = np.c_[tx, ty]
            if wide or multicolor:
                segments.extend(np.stack([pts[:-1], pts[1:]], axis=1))
            else:
                segments.append(pts)
            s = np.cumsum(np.hypot(np.diff(tx), np.diff(ty)))
            seg_w = _interp(wgrid, tgx, tgy)[:-1] if wide else None
            seg_c = _interp(cgrid, tgx, tgy)[:-1] if multicolor else None
            if wide:
                widths.extend(seg_w)
            if multicolor:
                values.extend(seg_c)
            for k in range(1, int(num_arrows) + 1):
                if not len(s):
                    break
                i = int(np.searchsorted(s, s[-1] * (k / (num_arrows + 1))))
                tails.append((tx[i], ty[i]))
                heads.append((np.mean(tx[i:i + 2]), np.mean(ty[i:i + 2])))
                arrow_w.append(seg_w[min(i, len(seg_w) - 1)] if wide else lw)
                if multicolor:
                    arrow_v.append(seg_c[min(i, len(seg_c) - 1)])
        line_kw = {"zorder": zorder, "linewidths": np.asarray(widths) if wide else lw}
        arrow_kw = {"zorder": zorder, "linewidths": np.asarray(arrow_w) if arrow_w else lw}
        if multicolor:
            finite = cgrid[np.isfinite(cgrid)]
            norm = colors.get_norm(norm, *((float(finite.min()), float(finite.max()))
                                           if norm is None and finite.size else (None, None)))
            lc = LineCollection(segments, cmap=cmap, norm=norm, **line_kw)
            lc.set_array(np.asarray(values, dtype=float))
            rgba = lc.cmap(lc.norm(np.asarray(arrow_v, dtype=float))) if arrow_v else \
                np.zeros((0, 4))
            arrows = StreamArrows(tails, heads, 10 * arrowsize, facecolors=rgba,
                                  edgecolors=rgba, **arrow_kw)
        else:
            rgba = color_rows(color, "color")
            lc = LineCollection(segments, colors=rgba, **line_kw)
            arrows = StreamArrows(tails, heads, 10 * arrowsize, facecolors=rgba,
                                  edgecolors=rgba, **arrow_kw)
        lc.sticky = (np.array([grid.x_origin, grid.x_origin + grid.width]),
                     np.array([grid.y_origin, grid.y_origin + grid.height]))
        self.add_collection(lc)
        self.add_collection(arrows, autolim=False)
        return StreamplotSet(lc, arrows)

    @accepts_rasterized
    def barbs(self, *args, **kwargs) -> Barbs:
        """Wind barbs: ``barbs(U, V)``, ``barbs(U, V, C)``, ``barbs(X, Y, U, V)`` or
        ``barbs(X, Y, U, V, C)``."""
        args = list(args)
        c = kwargs.pop("C", None)
        if len(args) in (3, 5):
            c = args.pop()
        if len(args) == 2:
            uu = np.asarray(args[0])
            ny, nx = (1, uu.size) if uu.ndim < 2 else uu.shape
            xg, yg = np.meshgrid(np.arange(nx, dtype=float), np.arange(ny, dtype=float))
            u, v = args
        elif len(args) == 4:
            xg, yg = grid_coords(self, args[0], args[1])
            u, v = args[2], args[3]
            if xg.ndim == 1 and yg.ndim == 1 and np.ndim(u) == 2 and xg.size != np.size(u):
                xg, yg = np.meshgrid(xg, yg)
        else:
            raise TypeError(f"barbs: got {len(args)} positional arguments, expected (U, V), "
                            "(U, V, C), (X, Y, U, V) or (X, Y, U, V, C)")
        x, y = np.asarray(xg, dtype=float).ravel(), np.asarray(yg, dtype=float).ravel()
        if x.size != y.size:
            raise ValueError(f"X and Y must have the same size: got {x.size} and {y.size}")
        cmap, norm = kwargs.pop("cmap", None), kwargs.pop("norm", None)
        b = Barbs(x, y, u, v, c, cmap=cmap, norm=norm, **kwargs)
        self.add_collection(b, autolim=False)
        self.update_datalim(np.c_[x, y])
        return b

    def quiverkey(self, Q, X, Y, U, label, **kwargs) -> QuiverKey:  # noqa: N803
        """A key arrow for the quiver ``Q``: length ``U`` at (X, Y) (``coordinates``
        'axes' by default), labelled ``label`` at ``labelpos`` ('N', 'S', 'E', 'W')."""
        key = QuiverKey(Q, X, Y, U, label, **kwargs)
        return self._add_artist(key)


def _field(a, argument: str, shape: tuple[int, int]) -> np.ndarray:
    """A float grid of ``shape`` with masked values as NaN."""
    if np.ma.isMaskedArray(a):
        a = np.ma.filled(a.astype(float), np.nan)
    arr = np.asarray(a)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    if arr.shape != shape:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected {shape} (the grid of "
                         "x and y)")
    return arr.astype(float)


__all__ = ["Barbs", "FancyArrowPatch", "FlowMixin", "QuiverKey", "StreamArrows",
           "StreamplotSet"]
