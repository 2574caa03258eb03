"""Camera controllers: what each action means, and the Python and JavaScript twins
agreeing on tests/app/controller_vectors.json."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from lumos.app import controllers as C
from lumos.gpu.camera_math import camera_parts, draw_matrices
from lumos.io.html import runtime_source

VECTORS = json.loads(Path(__file__).with_name("controller_vectors.json").read_text())["cases"]
RECT = [10, 20, 300, 200]


def data_at(camera: dict, x: float, y: float, rect) -> tuple[float, float]:
    """Data point shown at physical pixel (x, y) of a panzoom view."""
    x0, y0, w, h = camera["rect"]
    u, v = (x - rect[0]) / rect[2], 1 - (y - rect[1]) / rect[3]
    return x0 + u * w, y0 + v * h


def assert_close(actual, expected, tol=1e-9):
    if isinstance(expected, dict):
        assert set(actual) == set(expected), (actual, expected)
        for k in expected:
            assert_close(actual[k], expected[k], tol)
    elif isinstance(expected, (list, tuple)):
        assert len(actual) == len(expected)
        for a, b in zip(actual, expected, strict=True):
            assert_close(a, b, tol)
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert math.isclose(actual, expected, rel_tol=tol, abs_tol=tol), (actual, expected)
    else:
        assert actual == expected


PZ = {"type": "panzoom", "rect": [-1.0, 2.0, 4.0, 3.0]}


def test_pan_moves_the_point_under_the_cursor_with_it():
    out = C.panzoom_drag(PZ, {"x": 130, "y": 60, "dx": 30, "dy": -12}, RECT)
    np.testing.assert_allclose(data_at(out, 130, 60, RECT), data_at(PZ, 100, 72, RECT))
    assert PZ["rect"] == [-1.0, 2.0, 4.0, 3.0]  # the input is left alone


@pytest.mark.parametrize("action,keeps", [("wheel", None), ("wheel_x", 1), ("wheel_y", 0)])
def test_wheel_keeps_the_cursor_point_and_zooms_the_asked_axes(action, keeps):
    out = C.apply("panzoom", action, PZ, {"x": 85, "y": 70, "notches": -3}, RECT)
    np.testing.assert_allclose(data_at(out, 85, 70, RECT), data_at(PZ, 85, 70, RECT))
    s = 1.1 ** -3
    want_w = 4.0 if keeps == 0 else 4.0 * s
    want_h = 3.0 if keeps == 1 else 3.0 * s
    np.testing.assert_allclose(out["rect"][2:], [want_w, want_h])


def test_right_drag_zoom_about_the_press_point():
    ev = {"x0": 160, "y0": 120, "dx": 40, "dy": -20}  # right and up: zoom in both
    out = C.panzoom_zoom(PZ, ev, RECT)
    np.testing.assert_allclose(data_at(out, 160, 120, RECT), data_at(PZ, 160, 120, RECT))
    np.testing.assert_allclose(out["rect"][2:], [4.0 * 1.1 ** -2, 3.0 * 1.1 ** -1])


def test_box_zoom_shows_the_box_and_a_flat_box_zooms_x_only():
    out = C.panzoom_box(PZ, {"x0": 60, "y0": 150, "x": 210, "y": 50}, RECT)
    (ax, ay), (bx, by) = data_at(PZ, 60, 150, RECT), data_at(PZ, 210, 50, RECT)
    np.testing.assert_allclose(out["rect"], [ax, ay, bx - ax, by - ay])
    flat = C.panzoom_box(PZ, {"x0": 210, "y0": 50, "x": 60, "y": 51}, RECT)
    np.testing.assert_allclose(flat["rect"], [ax, 2.0, bx - ax, 3.0])
    tiny = C.panzoom_box(PZ, {"x0": 100, "y0": 100, "x": 101, "y": 102}, RECT)
    assert tiny["rect"] == PZ["rect"]


def test_box_zoom_keeps_an_inverted_axis_inverted():
    inv = {"type": "panzoom", "rect": [3.0, 5.0, -4.0, -3.0]}
    out = C.panzoom_box(inv, {"x0": 60, "y0": 150, "x": 210, "y": 50}, RECT)
    assert out["rect"][2] < 0 and out["rect"][3] < 0
    # the box's corners are now the view's corners
    np.testing.assert_allclose(data_at(out, 10, 220, RECT), data_at(inv, 60, 150, RECT))
    np.testing.assert_allclose(data_at(out, 310, 20, RECT), data_at(inv, 210, 50, RECT))


TT = {"type": "turntable", "center": [1.0, -2.0, 0.5], "azimuth": 30.0, "elevation": 20.0,
      "distance": 10.0, "fov": 45.0}


def eye_of(camera: dict) -> np.ndarray:
    """World position of the eye, from the view matrix of camera_math."""
    _, eye, center = camera_parts(camera, 1.5)
    view = eye @ np.block([[np.eye(3), -np.asarray(center)[:, None]], [np.zeros((1, 3)), 1]])
    return np.linalg.inv(view)[:3, 3]


def forward_of(camera: dict) -> np.ndarray:
    _, eye, _ = camera_parts(camera, 1.5)
    return -eye[2, :3]  # the view looks along -z of eye space


def test_fly_turns_about_the_eye_and_walks_along_the_view():
    turned = C.fly_drag(TT, {"x": 100, "y": 80, "dx": 25, "dy": -10}, RECT)
    np.testing.assert_allclose(eye_of(turned), eye_of(TT), atol=1e-9)
    assert turned["azimuth"] != TT["azimuth"] and turned["elevation"] < TT["elevation"]
    walked = C.fly_move(TT, {"forward": 1})
    np.testing.assert_allclose(eye_of(walked) - eye_of(TT), forward_of(TT) * 1.0, atol=1e-9)
    side = C.fly_move(TT, {"right": 2})
    step = eye_of(side) - eye_of(TT)
    assert abs(step @ forward_of(TT)) < 1e-9 and abs(np.linalg.norm(step) - 2.0) < 1e-9


def test_orbit_pan_moves_content_at_the_centre_depth_with_the_cursor():
    cam = dict(TT, fov=0.0)
    rect = [0, 0, 300, 200]
    out = C.orbit_pan(cam, {"dx": 12, "dy": 7}, rect)

    def pixel(c, p):
        mvp, _, _ = draw_matrices(c, 1.5)
        q = mvp @ np.r_[p, 1.0]
        return np.array([(q[0] / q[3] + 1) / 2 * 300, (1 - q[1] / q[3]) / 2 * 200])

    np.testing.assert_allclose(pixel(out, TT["center"]) - pixel(cam, TT["center"]), [12, 7],
                               atol=1e-9)


def test_arcball_point_under_the_cursor_follows():
    ab = {"type": "arcball", "center": [0.0, 0.0, 0.0], "quaternion": [1.0, 0.0, 0.0, 0.0],
          "distance": 5.0, "fov": 30.0}
    ev = {"x": 180, "y": 110, "dx": 20, "dy": 15}
    out = C.arcball_drag(ab, ev, RECT)
    p1 = C.trackball_point(160, 95, RECT)
    p2 = C.trackball_point(180, 110, RECT)
    rot = np.array(C.camera_rotation(out))
    np.testing.assert_allclose(rot @ p1, p2, atol=1e-12)


def test_unknown_action_gives_none():
    assert C.apply("panzoom", "pan", PZ, {}, RECT) is None
    assert C.apply("nope", "drag", PZ, {}, RECT) is None


@pytest.mark.parametrize("case", VECTORS, ids=lambda c: f"{c['controller']}-{c['action']}")
def test_python_matches_the_vectors(case):
    got = C.apply(case["controller"], case["action"], case["camera"], case["event"],
                  case["rect"])
    assert_close(got, case["expected"], tol=1e-12)


_CHECK_ALL = """
(() => {
  const cases = %s;
  return cases.map((c) => lumos.controllers[c.controller][c.action](c.camera, c.event, c.rect));
})()
"""


@pytest.mark.browser
def test_runtime_js_matches_the_vectors():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import browser

    with browser.Chromium((64, 64)) as b:
        b.evaluate(runtime_source())
        got = b.evaluate(_CHECK_ALL % json.dumps(VECTORS))
        b.check_errors()
    assert len(got) == len(VECTORS)
    for case, result in zip(VECTORS, got, strict=True):
        # V8 and CPython may differ in the last bit of pow/sin: 1e-12 relative
        assert_close(result, case["expected"], tol=1e-12)
