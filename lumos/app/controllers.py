"""Camera controllers: pure functions ``(camera, event, rect) -> camera``.

The Python twin of ``lumos.controllers`` in ``lumos/web/camera.js``: the window, the
Qt widget and the browser move cameras with the same formulas. ``tests/app/
controller_vectors.json`` holds cases both implementations must reproduce.

Cameras are the plain dictionaries of the frame (``docs/frame.md``); an event is a
dictionary in physical pixels relative to the canvas' top-left corner, like view
rects (``rect = [x, y, w, h]``). Every function returns a new camera and leaves its
input alone.

Events by action:

- ``drag``: ``{x, y, dx, dy}`` (cursor now and its move since the last event)
- ``wheel``, ``wheel_x``, ``wheel_y``: ``{x, y, notches}`` (notches > 0 zoom out)
- ``zoom`` (right-drag): ``{x0, y0, dx, dy}`` about the press point; right/up zooms in
- ``box``: ``{x0, y0, x, y}``: show the dragged rectangle (a thin box zooms one axis)
- ``pan`` (3D): ``{dx, dy}``: the content at the centre depth follows the cursor
- fly ``drag`` turns the head about the eye; fly ``move``: ``{forward, right, up}`` in
  tenths of the camera distance; fly ``wheel`` moves forward.
- polar (a panzoom camera of polar axes, with ``rlabel``: the screen angle of the r
  labels): ``drag`` moves the r labels round when it starts on them, ``zoom``
  (right-drag) and ``wheel`` scale about the pole, as matplotlib's polar axes do.
- mplot3d (the turntable camera of 3D axes, with ``box``): ``drag`` rotates, ``pan``
  (middle-drag) moves the centre, ``zoom`` (right-drag) and ``wheel`` narrow or widen
  the view, as matplotlib's 3D axes do.

``press_action`` and ``wheel_action`` say which action a button or the wheel starts.
"""

from __future__ import annotations

import copy
import math

WHEEL_FACTOR = 1.1  # zoom per wheel notch
ZOOM_DRAG_PIXELS = 20.0  # right-drag pixels that zoom as much as one wheel notch
BOX_MIN_PIXELS = 3.0  # a box thinner than this leaves that axis alone
FLY_STEP = 0.1  # fly move unit, as a fraction of the camera distance


def _clone(camera: dict) -> dict:
    return copy.deepcopy(camera)


def _fov(camera: dict) -> float:
    return 45.0 if camera.get("fov") is None else float(camera["fov"])


# -- 2D -----------------------------------------------------------------------------

def panzoom_drag(camera: dict, ev: dict, rect) -> dict:
    """Pan: the data point under the cursor follows it."""
    x0, y0, w, h = camera["rect"]
    out = _clone(camera)
    out["rect"] = [x0 - (ev["dx"] / rect[2]) * w, y0 + (ev["dy"] / rect[3]) * h, w, h]
    return out


def _zoom_about(camera: dict, u: float, v: float, sx: float, sy: float) -> dict:
    """Scale the shown rectangle by (sx, sy) keeping fraction (u, v) of it in place."""
    x0, y0, w, h = camera["rect"]
    cx, cy = x0 + u * w, y0 + v * h
    out = _clone(camera)
    out["rect"] = [cx - u * w * sx, cy - v * h * sy, w * sx, h * sy]
    return out


def _fractions(ev: dict, rect, xkey: str = "x", ykey: str = "y") -> tuple[float, float]:
    """Cursor position as fractions of the view, v = 0 at the bottom (data y up)."""
    return (ev[xkey] - rect[0]) / rect[2], 1 - (ev[ykey] - rect[1]) / rect[3]


def panzoom_wheel(camera: dict, ev: dict, rect) -> dict:
    """Zoom both axes about the cursor; notches > 0 zoom out."""
    u, v = _fractions(ev, rect)
    s = WHEEL_FACTOR ** ev["notches"]
    return _zoom_about(camera, u, v, s, s)


def panzoom_wheel_x(camera: dict, ev: dict, rect) -> dict:
    """Zoom the x axis only (Ctrl + wheel)."""
    u, v = _fractions(ev, rect)
    return _zoom_about(camera, u, v, WHEEL_FACTOR ** ev["notches"], 1.0)


def panzoom_wheel_y(camera: dict, ev: dict, rect) -> dict:
    """Zoom the y axis only (Shift + wheel)."""
    u, v = _fractions(ev, rect)
    return _zoom_about(camera, u, v, 1.0, WHEEL_FACTOR ** ev["notches"])


def panzoom_zoom(camera: dict, ev: dict, rect) -> dict:
    """Right-drag zoom about the press point: right zooms x in, up zooms y in."""
    u, v = _fractions(ev, rect, "x0", "y0")
    sx = WHEEL_FACTOR ** (-ev["dx"] / ZOOM_DRAG_PIXELS)
    sy = WHEEL_FACTOR ** (ev["dy"] / ZOOM_DRAG_PIXELS)
    return _zoom_about(camera, u, v, sx, sy)


def panzoom_box(camera: dict, ev: dict, rect) -> dict:
    """Show the rectangle dragged from (x0, y0) to (x, y); an axis whose side of the box
    is thinner than BOX_MIN_PIXELS keeps its range (a flat box zooms x only)."""
    x0, y0, w, h = camera["rect"]
    out = _clone(camera)
    r = [x0, y0, w, h]
    if abs(ev["x"] - ev["x0"]) >= BOX_MIN_PIXELS:
        a = (min(ev["x"], ev["x0"]) - rect[0]) / rect[2]
        b = (max(ev["x"], ev["x0"]) - rect[0]) / rect[2]
        r[0], r[2] = x0 + a * w, (b - a) * w
    if abs(ev["y"] - ev["y0"]) >= BOX_MIN_PIXELS:
        a = 1 - (max(ev["y"], ev["y0"]) - rect[1]) / rect[3]
        b = 1 - (min(ev["y"], ev["y0"]) - rect[1]) / rect[3]
        r[1], r[3] = y0 + a * h, (b - a) * h
    out["rect"] = r
    return out


# -- polar --------------------------------------------------------------------------

def _pole(camera: dict, rect) -> tuple[float, float]:
    """Physical pixel of the pole: the origin of the polar view's projected space."""
    x0, y0, w, h = camera["rect"]
    return rect[0] - x0 / w * rect[2], rect[1] + (1 + y0 / h) * rect[3]


def _scale_about_pole(camera: dict, s: float) -> dict:
    out = _clone(camera)
    out["rect"] = [float(v) * s for v in camera["rect"]]
    return out


def _wrap(a: float) -> float:
    """An angle in [-pi, pi) (the same formula in camera.js)."""
    return a - 2 * math.pi * math.floor((a + math.pi) / (2 * math.pi))


def polar_drag(camera: dict, ev: dict, rect) -> dict:
    """The r labels follow the cursor round the pole when the drag is on them (within
    4 degrees of their angle); elsewhere nothing moves (matplotlib's polar pan)."""
    px, py = _pole(camera, rect)
    before = math.atan2(py - (ev["y"] - ev["dy"]), ev["x"] - ev["dx"] - px)
    now = math.atan2(py - ev["y"], ev["x"] - px)
    rlabel = float(camera["rlabel"])
    out = _clone(camera)
    if abs(_wrap(before - rlabel)) <= math.pi / 45:
        out["rlabel"] = rlabel + _wrap(now - before)
    return out


def polar_zoom(camera: dict, ev: dict, rect) -> dict:
    """Right-drag: dragging away from the pole zooms in (rmax shrinks by the ratio of the
    cursor's distances from the pole), towards it zooms out."""
    px, py = _pole(camera, rect)
    before = math.hypot(ev["x"] - ev["dx"] - px, ev["y"] - ev["dy"] - py)
    now = math.hypot(ev["x"] - px, ev["y"] - py)
    if before <= 0 or now <= 0:
        return _clone(camera)
    return _scale_about_pole(camera, before / now)


def polar_wheel(camera: dict, ev: dict, rect=None) -> dict:
    """Scale about the pole; notches > 0 zoom out."""
    return _scale_about_pole(camera, WHEEL_FACTOR ** ev["notches"])


# -- 3D -----------------------------------------------------------------------------

def _rotate_x(deg: float) -> list[list[float]]:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [[1, 0, 0], [0, c, -s], [0, s, c]]


def _rotate_z(deg: float) -> list[list[float]]:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [[c, -s, 0], [s, c, 0], [0, 0, 1]]


def _matmul3(a, b) -> list[list[float]]:
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def _quaternion_rows(q) -> list[list[float]]:
    w, x, y, z = (float(v) for v in q)
    n = math.sqrt(w * w + x * x + y * y + z * z) or 1.0
    w, x, y, z = w / n, x / n, y / n, z / n
    return [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ]


def camera_rotation(camera: dict) -> list[list[float]]:
    """World-to-view rotation (3x3 rows) of a 3D camera, as camera_math.camera_parts."""
    if camera["type"] == "turntable":
        rot = _matmul3(_rotate_x(float(camera["elevation"]) - 90.0),
                       _rotate_z(-float(camera["azimuth"])))
        return _matmul3(_rotate_z(float(camera.get("roll", 0.0))), rot)
    if camera["type"] == "arcball":
        return _quaternion_rows(camera["quaternion"])
    raise ValueError(f"camera type: got {camera['type']!r}, expected 'turntable' or 'arcball'")


def turntable_drag(camera: dict, ev: dict, rect) -> dict:
    """Dragging across the smaller side of the view turns 180 degrees."""
    k = 180 / min(rect[2], rect[3])
    out = _clone(camera)
    out["azimuth"] = float(camera["azimuth"]) - ev["dx"] * k
    out["elevation"] = min(90.0, max(-90.0, float(camera["elevation"]) + ev["dy"] * k))
    return out


def orbit_wheel(camera: dict, ev: dict, rect=None) -> dict:
    """Distance zoom for turntable and arcball cameras."""
    out = _clone(camera)
    out["distance"] = float(camera["distance"]) * WHEEL_FACTOR ** ev["notches"]
    return out


def orbit_pan(camera: dict, ev: dict, rect) -> dict:
    """Move the centre in the view plane; the content at the centre depth follows."""
    rot = camera_rotation(camera)
    d = float(camera["distance"])
    fov = _fov(camera)
    visible = 2 * d * math.tan(math.radians(fov) / 2) if fov > 0 else d
    per_pixel = visible / rect[3]
    right, up = rot[0], rot[1]  # rows 0 and 1: the view's axes in world space
    out = _clone(camera)
    out["center"] = [float(c) - ev["dx"] * per_pixel * right[i] + ev["dy"] * per_pixel * up[i]
                     for i, c in enumerate(camera["center"])]
    return out


def _qmul(a, b) -> list[float]:
    aw, ax, ay, az = a
    bw, bx, by, bz = b
    return [
        aw * bw - ax * bx - ay * by - az * bz,
        aw * bx + ax * bw + ay * bz - az * by,
        aw * by - ax * bz + ay * bw + az * bx,
        aw * bz + ax * by - ay * bx + az * bw,
    ]


def trackball_point(x: float, y: float, rect) -> list[float]:
    """A point of the view on the trackball (unit sphere, hyperbolic sheet outside)."""
    r = min(rect[2], rect[3]) / 2
    px = (x - rect[0] - rect[2] / 2) / r
    py = -(y - rect[1] - rect[3] / 2) / r
    d2 = px * px + py * py
    pz = math.sqrt(1 - d2) if d2 <= 0.5 else 0.5 / math.sqrt(d2)
    n = math.hypot(px, py, pz)
    return [px / n, py / n, pz / n]


def arcball_drag(camera: dict, ev: dict, rect) -> dict:
    """The point under the cursor on the trackball follows it."""
    p1 = trackball_point(ev["x"] - ev["dx"], ev["y"] - ev["dy"], rect)
    p2 = trackball_point(ev["x"], ev["y"], rect)
    axis = [p1[1] * p2[2] - p1[2] * p2[1], p1[2] * p2[0] - p1[0] * p2[2],
            p1[0] * p2[1] - p1[1] * p2[0]]
    sin_a = math.hypot(*axis)
    out = _clone(camera)
    if sin_a < 1e-12:
        return out
    angle = math.atan2(sin_a, p1[0] * p2[0] + p1[1] * p2[1] + p1[2] * p2[2])
    s = math.sin(angle / 2) / sin_a
    # the drag rotates in view space, after the camera's world-to-view rotation
    q = _qmul([math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s],
              [float(v) for v in camera["quaternion"]])
    n = math.hypot(*q)
    out["quaternion"] = [v / n for v in q]
    return out


def _eye_offset(az: float, el: float, d: float) -> list[float]:
    """Eye minus centre of a turntable camera (z up, azimuth 0 looks along +y)."""
    a, e = math.radians(az), math.radians(el)
    return [d * math.cos(e) * math.sin(a), -d * math.cos(e) * math.cos(a), d * math.sin(e)]


def fly_drag(camera: dict, ev: dict, rect) -> dict:
    """Turn the head: the eye stays, the centre swings around it (turntable cameras).
    Dragging across the smaller side of the view turns by the field of view."""
    fov = _fov(camera)
    k = (fov if fov > 0 else 45.0) / min(rect[2], rect[3])
    az, el, d = float(camera["azimuth"]), float(camera["elevation"]), float(camera["distance"])
    eye = [c + o for c, o in zip(camera["center"], _eye_offset(az, el, d), strict=True)]
    az2 = az - ev["dx"] * k
    el2 = min(89.0, max(-89.0, el + ev["dy"] * k))
    out = _clone(camera)
    out["azimuth"], out["elevation"] = az2, el2
    out["center"] = [p - o for p, o in zip(eye, _eye_offset(az2, el2, d), strict=True)]
    return out


def fly_move(camera: dict, ev: dict, rect=None) -> dict:
    """Walk: ``forward`` along the view direction, ``right`` sideways, ``up`` along z,
    in steps of FLY_STEP times the distance (the eye and centre move together)."""
    az, el, d = float(camera["azimuth"]), float(camera["elevation"]), float(camera["distance"])
    a, e = math.radians(az), math.radians(el)
    forward = [-math.cos(e) * math.sin(a), math.cos(e) * math.cos(a), -math.sin(e)]
    right = [math.cos(a), math.sin(a), 0.0]
    step = FLY_STEP * d
    f, r, u = (float(ev.get(k, 0.0)) for k in ("forward", "right", "up"))
    out = _clone(camera)
    out["center"] = [float(c) + step * (f * forward[i] + r * right[i] + (u if i == 2 else 0.0))
                     for i, c in enumerate(camera["center"])]
    return out


def fly_wheel(camera: dict, ev: dict, rect=None) -> dict:
    """Wheel forward (notches < 0) walks forward."""
    return fly_move(camera, {"forward": -ev["notches"]})


# -- mplot3d: 3D axes (a turntable camera with ``box``, the axes box as fractions of the
# view's width and height) move as matplotlib's do: left-drag rotates (its "azel"
# style: a drag across the box turns 180 degrees), middle-drag pans, right-drag zooms
# (down zooms in); the wheel zooms too. Zooming narrows the field of view (or the
# orthographic height), so the perspective stays the same.

def _box_pixels(camera: dict, rect) -> tuple[float, float]:
    fx, fy = (float(v) for v in camera.get("box", (1.0, 1.0)))
    return max(rect[2] * fx, 1.0), max(rect[3] * fy, 1.0)


def _zoom_by(camera: dict, s: float) -> dict:
    """Scale what the view shows by ``s`` (< 1 zooms in) about the projection centre."""
    out = _clone(camera)
    fov = _fov(camera)
    if fov > 0:
        out["fov"] = 2 * math.degrees(math.atan(math.tan(math.radians(fov) / 2) * s))
    else:
        out["distance"] = float(camera["distance"]) * s
    return out


def mplot3d_drag(camera: dict, ev: dict, rect) -> dict:
    """Rotate: right turns the azimuth down, down raises the elevation (in the rolled
    screen's directions when the camera rolls), 180 degrees per box size."""
    bw, bh = _box_pixels(camera, rect)
    r = math.radians(float(camera.get("roll", 0.0)))
    u, v = ev["dx"] / bw, ev["dy"] / bh
    out = _clone(camera)
    out["azimuth"] = float(camera["azimuth"]) + 180 * (v * math.sin(r) - u * math.cos(r))
    out["elevation"] = min(90.0, max(-90.0, float(camera["elevation"])
                                     + 180 * (v * math.cos(r) + u * math.sin(r))))
    return out


def mplot3d_zoom(camera: dict, ev: dict, rect) -> dict:
    """Right-drag: each move scales by box_height / (box_height + dy) (down zooms in)."""
    _, bh = _box_pixels(camera, rect)
    if bh + ev["dy"] <= 0:
        return _clone(camera)
    return _zoom_by(camera, bh / (bh + ev["dy"]))


def mplot3d_wheel(camera: dict, ev: dict, rect=None) -> dict:
    """Zoom about the projection centre; notches > 0 zoom out."""
    return _zoom_by(camera, WHEEL_FACTOR ** ev["notches"])


CONTROLLERS: dict[str, dict[str, object]] = {
    "panzoom": {"drag": panzoom_drag, "wheel": panzoom_wheel, "wheel_x": panzoom_wheel_x,
                "wheel_y": panzoom_wheel_y, "zoom": panzoom_zoom, "box": panzoom_box},
    "turntable": {"drag": turntable_drag, "wheel": orbit_wheel, "pan": orbit_pan},
    "arcball": {"drag": arcball_drag, "wheel": orbit_wheel, "pan": orbit_pan},
    "fly": {"drag": fly_drag, "wheel": fly_wheel, "move": fly_move, "pan": orbit_pan},
    "polar": {"drag": polar_drag, "zoom": polar_zoom, "wheel": polar_wheel},
    "mplot3d": {"drag": mplot3d_drag, "pan": orbit_pan, "zoom": mplot3d_zoom,
                "wheel": mplot3d_wheel},
}


def press_action(controller: str, button: int, modifiers=frozenset()) -> str | None:
    """The action a mouse button starts (1 left, 2 middle, 3 right), or None."""
    if controller == "panzoom":
        return {1: "box" if "shift" in modifiers else "drag", 3: "zoom", 2: "drag"}.get(button)
    if controller == "polar":
        return {1: "drag", 3: "zoom"}.get(button)
    if controller == "mplot3d":
        return "pan" if button == 2 or (button == 1 and "shift" in modifiers) \
            else {1: "drag", 3: "zoom"}.get(button)
    return "pan" if (button in (2, 3) or "shift" in modifiers) else "drag"


def wheel_action(controller: str, modifiers=frozenset()) -> str:
    """The action of the wheel: panzoom views zoom x only with Ctrl, y only with Shift."""
    if controller == "panzoom":
        return "wheel_x" if "ctrl" in modifiers else "wheel_y" if "shift" in modifiers \
            else "wheel"
    return "wheel"


def apply(controller: str, action: str, camera: dict, ev: dict, rect) -> dict | None:
    """``CONTROLLERS[controller][action](camera, ev, rect)``, or None when that
    controller has no such action."""
    fn = CONTROLLERS.get(controller, {}).get(action)
    return None if fn is None else fn(camera, ev, rect)
