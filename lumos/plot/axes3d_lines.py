"""Lines and points of 3D axes, with mplot3d's ``art3d`` names: ``Line3D`` (plot) and
``Path3DCollection`` (scatter). Their protocol is :class:`lumos.plot.axes3d_artists.Art3D`.
"""

from __future__ import annotations

import numpy as np

from ..visuals import Markers
from .artists import as_1d
from .axes3d_artists import Art3D, RankedLine, check_zdir, juggle_axes, limits3
from .lines import Line2D
from .scatter import PathCollection
from .style import set_dashes

# -- lines and points ---------------------------------------------------------------------------

class Line3D(Art3D, Line2D):
    """A 3D line with optional markers (``ax.plot`` on 3D axes). ``set_data(x, y)`` then
    ``set_3d_properties(z)``, or ``set_data_3d(x, y, z)``, change it."""

    def __init__(self, axes, xs, ys, zs=0, zdir: str = "z", **style) -> None:
        self._line3 = RankedLine()
        self._markers3 = Markers()
        self._zs = np.zeros(0)
        self._zdir = check_zdir(zdir)
        super().__init__(axes, xs, ys, **style)
        self.set_3d_properties(zs, zdir)

    def set_3d_properties(self, zs=0, zdir: str = "z") -> None:
        """z of every point (one number for all), with the plane's ``zdir``."""
        z = np.asarray(zs, dtype=float)
        n = len(self._x)
        if z.ndim > 1 or (z.ndim == 1 and len(z) not in (1, n)):
            raise ValueError(f"zs: got shape {z.shape}, expected a number or {n} values")
        self._zs = np.array(np.broadcast_to(z.reshape(-1) if z.ndim else z, (n,)))
        self._zdir = check_zdir(zdir)
        self._changed()

    def set_data_3d(self, *args) -> None:
        """``set_data_3d(x, y, z)`` or ``set_data_3d((x, y, z))``."""
        if len(args) == 1:
            args = tuple(args[0])
        if len(args) != 3:
            raise TypeError(f"set_data_3d: got {len(args)} arrays, expected x, y and z")
        x, y, z = (as_1d(v, n) for v, n in zip(args, "xyz", strict=True))
        if not (len(x) == len(y) == len(z)):
            raise ValueError(f"x, y, z: got lengths {len(x)}, {len(y)}, {len(z)}, expected "
                             "equal lengths")
        self.set_data(x, y)
        self.set_3d_properties(z, "z")

    def get_data_3d(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        p = self.points3d()
        return p[:, 0].copy(), p[:, 1].copy(), p[:, 2].copy()

    def points3d(self) -> np.ndarray:
        n = len(self._x)
        z = self._zs if len(self._zs) == n else np.zeros(n)
        return np.c_[juggle_axes(self._x, self._y, z, self._zdir)]

    def batch_items(self) -> list:
        return []

    def visuals(self) -> list:
        return [self._line3, self._markers3]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._line3.visible = self._markers3.visible = self._visible

    def _update3d(self) -> None:
        pts = self.axes.scaled(self.clip_to_limits(self.points3d()))
        line = self._line3
        width = self.axes.figure.points_to_pixels(self._linewidth)
        line.visible = self._visible and self._linestyle is not None and width > 0
        if line.visible:
            line.width = width
            set_dashes(line, self._linestyle, width)
            line.set_data(pts, color=self.line_rgba())
        m = self._markers3
        m.visible = self._visible and self._marker is not None and len(pts) > 0
        if m.visible:
            symbol, size, face, edge, edge_w = self.marker_style()
            m.symbol, m.edge_width, m.edge_color = symbol, edge_w, edge
            every = self._markevery
            mp = pts if every is None else pts[:: int(every)] \
                if isinstance(every, (int, np.integer)) else pts[every]
            m.set_data(mp, size=size, color=face)
        rgba = self.line_rgba()
        for v in self.visuals():
            self._order(v, rgba[3] < 1)

    def data_limits3d(self):
        return limits3(self.points3d())

    def pick_index(self, index: int, part=None) -> int:
        return int(index)


class Path3DCollection(Art3D, PathCollection):
    """Scatter points in 3D (``ax.scatter``); ``depthshade`` fades the farther points as
    mplot3d does (computed from the camera on the GPU). ``_offsets3d`` (x, y, z) and
    ``set_3d_properties`` move them."""

    def __init__(self, axes, xs, ys, zs, zdir: str = "z", depthshade: bool = True,
                 depthshade_minalpha: float = 0.3, **kwargs) -> None:
        self._markers3 = Markers()
        self._zs = np.zeros(0)
        self._zdir = check_zdir(zdir)
        self._depthshade = bool(depthshade)
        self._minalpha = float(depthshade_minalpha)
        if not 0 <= self._minalpha <= 1:
            raise ValueError(f"depthshade_minalpha: got {depthshade_minalpha!r}, expected "
                             "a number in [0, 1]")
        super().__init__(axes, xs, ys, density=False, **kwargs)
        self.set_3d_properties(zs, zdir)

    def set_3d_properties(self, zs=0, zdir: str = "z") -> None:
        n = len(self._offsets)
        z = np.asarray(zs, dtype=float).reshape(-1)
        if z.size not in (1, n):
            raise ValueError(f"zs: got {z.size} values for {n} points, expected 1 or {n}")
        self._zs = np.array(np.broadcast_to(z, (n,)))
        self._zdir = check_zdir(zdir)
        self._changed()

    @property
    def _offsets3d(self):
        p = self.points3d()
        return p[:, 0], p[:, 1], p[:, 2]

    @_offsets3d.setter
    def _offsets3d(self, xyz) -> None:
        x, y, z = (np.asarray(v, dtype=float).reshape(-1) for v in xyz)
        self.set_offsets(np.c_[x, y])
        self.set_3d_properties(z, "z")

    def set_depthshade(self, depthshade: bool, depthshade_minalpha=None) -> None:
        self._depthshade = bool(depthshade)
        if depthshade_minalpha is not None:
            self._minalpha = float(depthshade_minalpha)
        self._changed()

    def get_depthshade(self) -> bool:
        return self._depthshade

    def points3d(self) -> np.ndarray:
        n = len(self._offsets)
        z = self._zs if len(self._zs) == n else np.zeros(n)
        return np.c_[juggle_axes(self._offsets[:, 0], self._offsets[:, 1], z, self._zdir)]

    def batch_items(self) -> list:
        self._dirty = {}
        return []

    def _marker_snap(self):
        """As a 2D scatter's, but depth shading gives matplotlib one face color per
        point (``draw_path_collection``: the points where they project)."""
        return None if self._depthshade else super()._marker_snap()

    def visuals(self) -> list:
        return [self._markers3]

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._markers3.visible = self._visible

    def _update3d(self) -> None:
        # marker_style grows markers outlined in their face color by the outline already
        symbol, sizes, face, edge, edge_w = self.marker_style()
        m = self._markers3
        m.symbol, m.edge_width, m.edge_color = symbol, edge_w, edge
        m.depth_shade = self._minalpha if self._depthshade else None
        m.snap = self._marker_snap()
        m.set_data(self.axes.scaled(self.clip_to_limits(self.points3d())), size=sizes,
                   color=face)
        self._order(m, bool(len(face)) and face[:, 3].min() < 1)

    def data_limits3d(self):
        return limits3(self.points3d())

