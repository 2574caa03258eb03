"""The view of a 3D axes: mplot3d's camera (``view_init``, ``elev``/``azim``/``roll``,
``set_proj_type``), the frame camera that shows it, the projection of points and the
mouse turning, panning and zooming the view. A mixin of :class:`lumos.plot.axes3d.Axes3D`.
"""

from __future__ import annotations

import math

import numpy as np

from ..gpu.camera_math import draw_matrices
from ..scene.cameras import TurntableCamera
from ..transforms import Affine, Transform

PROJ_DIST = 10.0  # mplot3d's camera distance (its _dist)
VIEW_LO, VIEW_HI = -0.95 / PROJ_DIST, 0.9 / PROJ_DIST  # projected range the box shows
VIEW_SPAN = VIEW_HI - VIEW_LO

_LAST = object()  # sync_camera: keep the last viewport


def _norm_view(elev: float, azim: float, roll: float) -> tuple[float, float, float]:
    """The same view with the elevation in [-90, 90]: past the pole the camera looks
    from the other side, upside down (azimuth and roll turn by 180 degrees)."""
    e = (elev + 180.0) % 360.0 - 180.0
    if e > 90.0:
        return 180.0 - e, azim + 180.0, roll + 180.0
    if e < -90.0:
        return -180.0 - e, azim + 180.0, roll + 180.0
    return e, azim, roll


class Axes3DView:
    """The view of :class:`~lumos.plot.axes3d.Axes3D` (a mixin): view angles, projection
    type, the camera the GPU draws with and what the mouse does to it."""

    # -- the view -------------------------------------------------------------------------
    def _make_camera(self):
        return TurntableCamera()

    def view_init(self, elev=None, azim=None, roll=None, vertical_axis: str = "z",
                  share: bool = False) -> None:
        """Where the camera looks from: ``elev`` above the plane of the other two axes,
        ``azim`` about the vertical axis, ``roll`` about the line of sight (degrees;
        None: the initial values); ``vertical_axis`` 'x', 'y' or 'z' points up."""
        if vertical_axis not in ("x", "y", "z"):
            raise ValueError(f"vertical_axis: got {vertical_axis!r}, expected 'x', 'y' or 'z'")
        elev = self.initial_elev if elev is None else elev
        azim = self.initial_azim if azim is None else azim
        roll = self.initial_roll if roll is None else roll
        for name, v in (("elev", elev), ("azim", azim), ("roll", roll)):
            if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) \
                    or not math.isfinite(v):
                raise ValueError(f"{name}: got {v!r}, expected a finite angle in degrees")
        axes = self._view_group() if share else [self]
        for ax in axes:
            ax.elev, ax.azim, ax.roll = float(elev), float(azim), float(roll)
            ax._vertical = "xyz".index(vertical_axis)
            ax._zoom, ax._pan = 1.0, np.zeros(3)
            ax._dirty = True

    # The view angles. Set by code they are also the view the layout makes room for;
    # the mouse (camera_changed) turns only the view.
    @property
    def elev(self) -> float:
        """The elevation of the view in degrees (mplot3d's ``elev``)."""
        return self._angles[0]

    @elev.setter
    def elev(self, value) -> None:
        self._set_angle(0, value)

    @property
    def azim(self) -> float:
        """The azimuth of the view in degrees (mplot3d's ``azim``)."""
        return self._angles[1]

    @azim.setter
    def azim(self, value) -> None:
        self._set_angle(1, value)

    @property
    def roll(self) -> float:
        """The roll of the view in degrees (mplot3d's ``roll``)."""
        return self._angles[2]

    @roll.setter
    def roll(self, value) -> None:
        self._set_angle(2, value)

    def _set_angle(self, i: int, value) -> None:
        angles = list(getattr(self, "_angles", (0.0, 0.0, 0.0)))
        angles[i] = float(value)
        self._angles = self._home_view = tuple(angles)
        self._dirty = True

    def _view_group(self) -> list:
        group = getattr(self, "_shared_view", None)
        return group if group is not None else [self]

    def join_view(self, group: list) -> None:
        """Turn with the axes in ``group`` (``shareview``'s bookkeeping)."""
        self._shared_view = group

    def set_proj_type(self, proj_type: str, focal_length=None) -> None:
        """'persp' (``focal_length``, default 1; the field of view is 2 atan(1 / f)) or
        'ortho'."""
        if proj_type == "persp":
            f = 1.0 if focal_length is None else float(focal_length)
            if not (f > 0 and math.isfinite(f)):
                raise ValueError(f"focal_length: got {focal_length!r}, expected a number > 0")
            self._focal_length = f
        elif proj_type == "ortho":
            if focal_length not in (None, np.inf):
                raise ValueError(f"focal_length: got {focal_length!r}, expected None for "
                                 "proj_type='ortho'")
            self._focal_length = np.inf
        else:
            raise ValueError(f"proj_type: got {proj_type!r}, expected 'persp' or 'ortho'")
        self._dirty = True

    def get_proj_type(self) -> str:
        """'persp' or 'ortho'."""
        return "ortho" if self._focal_length == np.inf else "persp"

    def _camera_dict(self, rect, home: bool = False) -> dict:
        """The frame camera showing mplot3d's view in a viewport ``rect`` (figure pixels
        from the bottom left): the projection's centre lands where mplot3d's does in the
        box, at mplot3d's scale. ``home``: the view the script set (before the mouse
        turned, panned or zoomed it)."""
        bx, by, bw, _ = self.box
        unit = bw / VIEW_SPAN  # pixels per projected unit
        ox, oy = bx - VIEW_LO * unit, by - VIEW_LO * unit
        rx, ry, rw, rh = rect
        zoom, pan = (1.0, np.zeros(3)) if home else (self._zoom, self._pan)
        half_h = rh / 2 / unit * zoom
        elev, azim, roll = _norm_view(*(self._home_view if home else
                                        (self.elev, self.azim, self.roll)))
        cam = {"type": "turntable", "center": [float(c) for c in pan],
               "azimuth": azim + 90.0, "elevation": elev}
        if self._focal_length == np.inf:
            cam.update(distance=2 * PROJ_DIST * half_h, fov=0.0)
        else:
            f = self._focal_length
            cam.update(distance=PROJ_DIST * f,
                       fov=2 * math.degrees(math.atan(half_h / f)))
        if roll:
            cam["roll"] = roll
        cam["shift"] = [(ox - (rx + rw / 2)) / (rw / 2), (oy - (ry + rh / 2)) / (rh / 2)]
        return cam

    def project(self, points, coords: str = "data", home: bool = False) -> np.ndarray:
        """Figure pixels (from the bottom left) of (N, 3) points in data (or box)
        coordinates, and their depth (N,), through the camera the GPU uses (``home``:
        the view the script set, before the mouse moved it)."""
        pts = np.atleast_2d(np.asarray(points, float))
        if coords == "data":
            pts = np.c_[self.scaled(pts), np.ones(len(pts))] @ self.model_matrix().T
            pts = pts[:, :3]
        rect = self.box
        mvp, mv, _ = draw_matrices(self._camera_dict(rect, home), rect[2] / rect[3])
        clip = np.c_[pts, np.ones(len(pts))] @ mvp.T
        with np.errstate(all="ignore"):
            ndc = clip[:, :2] / clip[:, 3:]
        px = np.c_[rect[0] + (ndc[:, 0] + 1) / 2 * rect[2],
                   rect[1] + (ndc[:, 1] + 1) / 2 * rect[3]]
        depth = -(np.c_[pts, np.ones(len(pts))] @ mv.T)[:, 2]
        return np.c_[px, depth]

    def projected(self, points) -> np.ndarray:
        """mplot3d's projected coordinates (what ``transData`` maps to pixels) of (N, 3)
        data points at the current view."""
        return self.transData.inverse(self.project(points)[:, :2])

    def depth_direction(self, home: bool = False) -> np.ndarray:
        """The direction in which depth grows, in box coordinates."""
        _, mv, _ = draw_matrices(self._camera_dict(self.box, home), 1.0)
        return -mv[2, :3]

    def get_proj(self) -> np.ndarray:
        """mplot3d's projection matrix M: data (homogeneous) → projected coordinates
        (x, y as ``transData`` takes them, z growing with depth), for the current view
        (mouse pans and zooms excepted)."""
        return self.projection_matrix(self.elev, self.azim, self.roll)

    def projection_matrix(self, elev: float, azim: float, roll: float) -> np.ndarray:
        """:meth:`get_proj` for the view from other angles (degrees)."""
        elev, azim, roll = (math.radians(v) for v in (elev, azim, roll))
        a = self._world_aspect()
        r = a / 2
        ps = np.roll([math.cos(elev) * math.cos(azim), math.cos(elev) * math.sin(azim),
                      math.sin(elev)], self._vertical - 2)
        up = np.zeros(3)
        up[self._vertical] = -1.0 if abs((math.degrees(elev) + 180) % 360 - 180) > 90 else 1.0
        f = self._focal_length
        eye = r + PROJ_DIST * ps * (1.0 if f == np.inf else f)
        w = eye - r
        w = w / np.linalg.norm(w)
        u = np.cross(up, w)
        u = u / np.linalg.norm(u)
        v = np.cross(w, u)
        if roll:
            c, s = math.cos(-roll), math.sin(-roll)
            u, v = c * u + s * np.cross(w, u), c * v + s * np.cross(w, v)
        view = np.eye(4)
        view[:3, :3] = [u, v, w]
        view[:3, 3] = -np.array([u, v, w]) @ eye
        if f == np.inf:
            proj = np.array([[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, -2, 0],
                             [0, 0, 0, 2 * PROJ_DIST]], float)
        else:
            proj = np.array([[f, 0, 0, 0], [0, f, 0, 0], [0, 0, 0, -PROJ_DIST],
                             [0, 0, -1, 0]], float)
        return proj @ view @ self._world()

    def sync_camera(self, spec=_LAST) -> None:
        """The camera from the view angles, zoom and pan; the viewport from the box and
        ``spec`` (by default the last frame's viewport)."""
        if spec is not _LAST or getattr(self, "_rect", None) is None:
            self._rect = self._viewport(self._box_spec() if spec is _LAST else spec)
        rect = self._rect
        cam = self.view.camera
        d = self._camera_dict(rect)
        cam.center = np.asarray(d["center"], float)
        cam.azimuth, cam.elevation = d["azimuth"], d["elevation"]
        cam.roll, cam.shift = d.get("roll", 0.0), tuple(d["shift"])
        cam.distance, cam.fov = d["distance"], d["fov"]
        height = self.figure.canvas.size[1]
        self.view.fixed_rect = (rect[0], height - rect[1] - rect[3], rect[2], rect[3])
        self.view.controller_params = {"box": [self.box[2] / rect[2], self.box[3] / rect[3]]}

    def view_rect(self) -> tuple[float, float, float, float]:
        """The projected coordinates the box shows (mplot3d's view limits; the mouse's
        zoom scales them)."""
        z = self._zoom
        return VIEW_LO * z, VIEW_LO * z, VIEW_SPAN * z, VIEW_SPAN * z

    def _scale_transform(self) -> Transform:
        return Affine()

    def camera_changed(self, camera: dict) -> None:
        """The mouse turned, panned or zoomed the camera: the view angles, pan and zoom
        it shows become the axes' (and those sharing its view)."""
        elev, azim = float(camera["elevation"]), float(camera["azimuth"]) - 90.0
        roll = float(camera.get("roll", 0.0))
        rect = self._rect
        half_h = rect[3] / 2 / (self.box[2] / VIEW_SPAN)
        if self._focal_length == np.inf:
            zoom = float(camera["distance"]) / (2 * PROJ_DIST * half_h)
        else:
            zoom = math.tan(math.radians(float(camera["fov"])) / 2) * self._focal_length / half_h
        pan = np.asarray(camera["center"], float)
        for ax in self._view_group():
            ax._angles = (elev, azim, roll)  # the view only, not the layout's
            if ax is self:
                ax._zoom, ax._pan = zoom, pan
            ax.sync_camera()

    def home_state(self):
        return (super().home_state(), (self.zaxis, self.zaxis.limits.lo, self.zaxis.limits.hi,
                                       self.zaxis.limits.auto, self.zaxis.inverted),
                (self.elev, self.azim, self.roll, self._zoom, self._pan.copy()))

    def restore_home(self, state) -> None:
        limits, (axis, lo, hi, auto, inverted), view = state
        axis.limits.lo, axis.limits.hi, axis.limits.auto = lo, hi, auto
        axis.inverted = inverted
        self._angles, self._zoom, self._pan = view[:3], view[3], view[4]
        super().restore_home(limits)

    def can_zoom(self) -> bool:
        """False: matplotlib's toolbar does not zoom 3D axes (the mouse zooms the view)."""
        return False

    def can_pan(self) -> bool:
        """False: matplotlib's toolbar pan does not apply (the mouse rotates)."""
        return False
