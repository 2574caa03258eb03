"""Cameras: a little float64 state that becomes the frame's camera dictionary.

Cameras are uniforms: moving one changes no buffer, and the browser runtime moves
the same dictionaries with the mouse on its own (``docs/frame.md``).
"""

from __future__ import annotations

import copy
import math

import numpy as np

from ..visuals.base import check_number, check_numbers


class Camera:
    """Base class. ``view`` is set when the camera is attached to a view."""

    kind = ""

    def __init__(self) -> None:
        self.view = None

    def to_dict(self, size: tuple[float, float]) -> dict:
        raise NotImplementedError

    def set_range(self, x=None, y=None, z=None, margin: float = 0.05) -> None:
        raise NotImplementedError

    def update_from_dict(self, camera: dict) -> None:
        """Take the state of a frame camera dictionary (what ``to_dict`` gives and the
        controllers move)."""
        raise NotImplementedError

    def get_state(self) -> dict:
        """A copy of the camera's parameters (``set_state`` brings them back)."""
        return copy.deepcopy({k: v for k, v in vars(self).items() if k != "view"})

    def set_state(self, state: dict) -> None:
        vars(self).update(copy.deepcopy(state))

    def _data_bounds(self, x, y, z) -> np.ndarray:
        """Bounds from explicit (min, max) pairs, falling back to the view's visuals."""
        b = self.view.bounds() if self.view is not None else None
        if b is None:
            b = np.array([[-1.0, -1.0, -1.0], [1.0, 1.0, 1.0]]) if self.kind != "panzoom" \
                else np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 0.0]])
        b = b.copy()
        for axis, given in enumerate((x, y, z)):
            if given is not None:
                b[:, axis] = check_numbers(given, "xyz"[axis], 2, "(min, max)")
        return b


def _pad(lo: float, hi: float, margin: float) -> tuple[float, float]:
    span = hi - lo
    if span == 0 or not math.isfinite(span):
        # a single value: show a unit around it (or a relative one for big values)
        half = max(abs(lo) * 1e-3, 0.5) if math.isfinite(lo) else 0.5
        return lo - half, lo + half
    return lo - span * margin, hi + span * margin


class PanZoomCamera(Camera):
    """2D camera showing the data rectangle ``rect = (x0, y0, width, height)``.

    ``aspect`` (None = free) fixes the ratio of a y unit to an x unit on screen, like
    matplotlib's ``set_aspect``; ``aspect=1`` keeps circles round.
    """

    kind = "panzoom"

    def __init__(self, rect=(0.0, 0.0, 1.0, 1.0), aspect: float | None = None,
                 invert_x: bool = False, invert_y: bool = False) -> None:
        super().__init__()
        self.rect = rect
        self.aspect = aspect
        self.invert_x = invert_x
        self.invert_y = invert_y

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return self._rect

    @rect.setter
    def rect(self, value) -> None:
        self._rect = check_numbers(value, "rect", 4, "(x0, y0, w, h)")

    def set_range(self, x=None, y=None, z=None, margin: float = 0.05) -> None:
        """Show the given (min, max) ranges, or everything in the view plus a margin."""
        b = self._data_bounds(x, y, z)
        x0, x1 = (b[0, 0], b[1, 0]) if x is not None else _pad(b[0, 0], b[1, 0], margin)
        y0, y1 = (b[0, 1], b[1, 1]) if y is not None else _pad(b[0, 1], b[1, 1], margin)
        self.rect = (x0, y0, x1 - x0, y1 - y0)

    def visible_rect(self, size: tuple[float, float]) -> tuple[float, float, float, float]:
        """The rectangle actually shown in a view of ``size`` pixels (aspect applied)."""
        x0, y0, w, h = self._rect
        if self.aspect is not None and size[0] > 0 and size[1] > 0 and w and h:
            # grow one side about the centre so that y units are `aspect` x units
            want_h = abs(w) * size[1] / size[0] / self.aspect
            if want_h >= abs(h):
                y0, h = y0 + h / 2 - math.copysign(want_h, h) / 2, math.copysign(want_h, h)
            else:
                want_w = abs(h) * size[0] / size[1] * self.aspect
                x0, w = x0 + w / 2 - math.copysign(want_w, w) / 2, math.copysign(want_w, w)
        return x0, y0, w, h

    def to_dict(self, size) -> dict:
        x0, y0, w, h = self.visible_rect(size)
        if self.invert_x:
            x0, w = x0 + w, -w
        if self.invert_y:
            y0, h = y0 + h, -h
        return {"type": "panzoom", "rect": [x0, y0, w, h]}

    def update_from_dict(self, camera: dict) -> None:
        """The shown rectangle from a camera dictionary (a negative width or height is
        an inverted axis, as ``to_dict`` writes it); non-finite or empty ones are
        ignored."""
        x0, y0, w, h = (float(v) for v in camera["rect"])
        if self.invert_x:
            x0, w = x0 + w, -w
        if self.invert_y:
            y0, h = y0 + h, -h
        if all(math.isfinite(v) for v in (x0, y0, w, h)) and w and h:
            self.rect = (x0, y0, w, h)

    def zoom(self, factor: float, center=None) -> None:
        """Zoom by ``factor`` (>1 magnifies) about a data point (default the centre)."""
        factor = check_number(factor, "factor", 0.0, exclusive=True)
        x0, y0, w, h = self._rect
        cx, cy = center if center is not None else (x0 + w / 2, y0 + h / 2)
        self.rect = (cx - (cx - x0) / factor, cy - (cy - y0) / factor, w / factor, h / factor)

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by a data offset."""
        x0, y0, w, h = self._rect
        self.rect = (x0 + dx, y0 + dy, w, h)


class _Camera3D(Camera):
    def __init__(self, center=(0.0, 0.0, 0.0), distance: float | None = None,
                 fov: float = 45.0) -> None:
        super().__init__()
        self.center = np.asarray(center, dtype=float)
        self.distance = 10.0 if distance is None else float(distance)
        if not 0 <= fov < 180:
            raise ValueError(f"fov: got {fov!r}, expected degrees in [0, 180) (0: orthographic)")
        self.fov = float(fov)

    def update_from_dict(self, camera: dict) -> None:
        self.center = np.asarray(camera["center"], float)
        self.distance = float(camera["distance"])

    def set_range(self, x=None, y=None, z=None, margin: float = 0.05) -> None:
        """Centre on the data and move back until its bounding sphere fits."""
        b = self._data_bounds(x, y, z)
        self.center = (b[0] + b[1]) / 2
        radius = max(float(np.linalg.norm(b[1] - b[0])) / 2, 1e-9) * (1 + margin)
        if self.fov > 0:
            self.distance = radius / math.sin(math.radians(self.fov) / 2)
        else:
            self.distance = 2 * radius  # orthographic: the visible height is `distance`


class TurntableCamera(_Camera3D):
    """Rotates about the z axis (``azimuth``) and tilts (``elevation``), in degrees.

    ``fov=0`` gives an orthographic projection. ``roll`` (degrees) turns the picture
    counter-clockwise about the line of sight; ``shift`` (sx, sy) moves the centre of
    the projection off the centre of the view, in units of half the view (a lens shift:
    3D axes put their box where matplotlib does with it).
    """

    kind = "turntable"

    def __init__(self, azimuth: float = 30.0, elevation: float = 30.0, roll: float = 0.0,
                 shift=(0.0, 0.0), **kwargs) -> None:
        super().__init__(**kwargs)
        self.azimuth = float(azimuth)
        self.elevation = float(elevation)
        self.roll = check_number(roll, "roll")
        self.shift = check_numbers(shift, "shift", 2, "(sx, sy)")

    def update_from_dict(self, camera: dict) -> None:
        super().update_from_dict(camera)
        self.azimuth, self.elevation = float(camera["azimuth"]), float(camera["elevation"])
        self.roll = float(camera.get("roll", 0.0))
        self.fov = float(camera.get("fov", self.fov))
        self.shift = tuple(float(v) for v in camera.get("shift", (0.0, 0.0)))

    def to_dict(self, size) -> dict:
        out = {"type": "turntable", "center": [float(c) for c in self.center],
               "azimuth": self.azimuth, "elevation": max(-90.0, min(90.0, self.elevation)),
               "distance": self.distance, "fov": self.fov}
        if self.roll:
            out["roll"] = self.roll
        if any(self.shift):
            out["shift"] = [float(v) for v in self.shift]
        return out


class ArcballCamera(_Camera3D):
    """A trackball camera: free rotation stored as a quaternion ``(w, x, y, z)``."""

    kind = "arcball"

    def __init__(self, quaternion=(1.0, 0.0, 0.0, 0.0), **kwargs) -> None:
        super().__init__(**kwargs)
        self.quaternion = np.asarray(quaternion, dtype=float)

    def update_from_dict(self, camera: dict) -> None:
        super().update_from_dict(camera)
        self.quaternion = np.asarray(camera["quaternion"], float)

    def to_dict(self, size) -> dict:
        return {"type": "arcball", "center": [float(c) for c in self.center],
                "quaternion": [float(q) for q in self.quaternion],
                "distance": self.distance, "fov": self.fov}


CAMERAS = {"panzoom": PanZoomCamera, "turntable": TurntableCamera, "arcball": ArcballCamera}


def make_camera(camera) -> Camera:
    """A camera from a name ('panzoom', 'turntable', 'arcball') or a Camera."""
    if isinstance(camera, Camera):
        return camera
    if isinstance(camera, str) and camera in CAMERAS:
        return CAMERAS[camera]()
    raise ValueError(f"camera: got {camera!r}, expected one of {', '.join(CAMERAS)} "
                     "or a Camera")
