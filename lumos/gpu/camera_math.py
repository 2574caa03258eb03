"""Camera matrices from the plain camera dictionaries of a frame.

Everything here is float64 numpy; ``lumos/web/camera.js`` mirrors these formulas
so that both executors place every vertex on the same pixel. Matrices are 4x4,
column vectors (``clip = P @ V @ p``); the frame stores them column-major.
"""

from __future__ import annotations

import math

import numpy as np


def translate(t) -> np.ndarray:
    m = np.eye(4)
    m[:3, 3] = t
    return m


def scale(s) -> np.ndarray:
    return np.diag([s[0], s[1], s[2], 1.0])


def rotate_x(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    m = np.eye(4)
    m[1, 1], m[1, 2], m[2, 1], m[2, 2] = c, -s, s, c
    return m


def rotate_z(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    m = np.eye(4)
    m[0, 0], m[0, 1], m[1, 0], m[1, 1] = c, -s, s, c
    return m


def quaternion_matrix(q) -> np.ndarray:
    w, x, y, z = (float(v) for v in q)
    n = math.sqrt(w * w + x * x + y * y + z * z) or 1.0
    w, x, y, z = w / n, x / n, y / n, z / n
    m = np.eye(4)
    m[:3, :3] = [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ]
    return m


def view_lens(rect, exact) -> np.ndarray | None:
    """The matrix that moves clip positions of a camera shown in the ``exact`` rect into
    the viewport ``rect`` (both ``(x, y, w, h)`` in pixels from the top left; the frame
    view's ``exact`` and ``rect``), so that a point lands where the exact rect puts it;
    None when they are the same (nothing to move)."""
    if exact is None:
        return None
    x, y, w, h = (float(v) for v in rect)
    ex, ey, ew, eh = (float(v) for v in exact)
    if (x, y, w, h) == (ex, ey, ew, eh) or w <= 0 or h <= 0:
        return None
    m = np.eye(4)
    m[0, 0], m[1, 1] = ew / w, eh / h
    # the exact rect's lower-left corner from the viewport's, in clip units
    m[0, 3] = m[0, 0] - 1.0 + 2.0 * (ex - x) / w
    m[1, 3] = m[1, 1] - 1.0 + 2.0 * ((y + h) - (ey + eh)) / h
    return m


def perspective(fov_deg: float, aspect: float, near: float, far: float) -> np.ndarray:
    f = 1.0 / math.tan(math.radians(fov_deg) / 2)
    m = np.zeros((4, 4))
    m[0, 0], m[1, 1] = f / aspect, f
    m[2, 2] = (far + near) / (near - far)
    m[2, 3] = 2 * far * near / (near - far)
    m[3, 2] = -1.0
    return m


def orthographic(half_w: float, half_h: float, near: float, far: float) -> np.ndarray:
    m = np.eye(4)
    m[0, 0], m[1, 1] = 1.0 / half_w, 1.0 / half_h
    m[2, 2] = -2.0 / (far - near)
    m[2, 3] = -(far + near) / (far - near)
    return m


def camera_parts(camera: dict, aspect: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(P, R, center)``: projection, rotation/eye part of the view, and the
    float64 point the view is centred on (subtracted before anything is rounded)."""
    kind = camera["type"]
    if kind == "panzoom":
        x0, y0, w, h = (float(v) for v in camera["rect"])
        w = w if w != 0 else 1.0
        h = h if h != 0 else 1.0
        center = np.array([x0 + w / 2, y0 + h / 2, 0.0])
        return np.eye(4), scale((2.0 / w, 2.0 / h, 0.0)), center
    center = np.asarray(camera["center"], dtype=float)
    d = max(float(camera["distance"]), 1e-30)
    fov = float(camera.get("fov", 45.0))
    if kind == "turntable":
        rot = rotate_x(float(camera["elevation"]) - 90.0) @ rotate_z(-float(camera["azimuth"]))
        # roll turns the picture counter-clockwise about the line of sight
        rot = rotate_z(float(camera.get("roll", 0.0))) @ rot
    elif kind == "arcball":
        rot = quaternion_matrix(camera["quaternion"])
    else:
        raise ValueError(f"camera type: got {kind!r}, expected 'panzoom', 'turntable' or 'arcball'")
    eye = translate((0.0, 0.0, -d)) @ rot
    if fov > 0:
        proj = perspective(fov, aspect, d / 100.0, d * 100.0)
    else:
        proj = orthographic(d / 2 * aspect, d / 2, -d * 100.0, d * 100.0)
    shift = camera.get("shift")
    if shift is not None:
        # a lens shift: the centre of the projection moves by (sx, sy) in NDC units
        lens = np.eye(4)
        lens[0, 3], lens[1, 3] = float(shift[0]), float(shift[1])
        proj = lens @ proj
    return proj, eye, center


def draw_matrices(camera: dict, aspect: float, origin=(0.0, 0.0, 0.0), model=None,
                  parts=None, normal: bool = True):
    """Matrices for one draw: ``(mvp, modelview, normal_matrix)``.

    ``origin`` is the float64 offset of the draw's float32 vertices and ``model`` an
    optional 4x4 node transform. Translations are combined before the rotation so a
    large origin cancels against the camera center in float64. ``parts``: the
    ``camera_parts(camera, aspect)`` already computed (draws of one view share them).
    ``normal=False`` leaves the normal matrix out (None): most programs read none.
    """
    proj, eye, center = camera_parts(camera, aspect) if parts is None else parts
    local = translate(-center) @ (np.eye(4) if model is None else np.asarray(model, float))
    local = local @ translate(origin)
    modelview = eye @ local
    mvp = proj @ modelview
    return mvp, modelview, normal_matrix(modelview) if normal else None


def normal_matrix(modelview: np.ndarray) -> np.ndarray:
    """The 3x3 matrix that turns normals as ``modelview`` turns points: the inverse
    transpose of its linear part (the identity where that part is singular)."""
    try:
        return np.linalg.inv(modelview[:3, :3]).T
    except np.linalg.LinAlgError:
        return np.eye(3)
