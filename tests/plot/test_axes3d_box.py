"""The box of 3D axes: mplot3d's choices of panes, edges, ticks and labels (the numpy
rules against matplotlib itself), and the GPU choosing the same from the camera."""

from __future__ import annotations

import math

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot.axes3d_box import CODE, far_faces, geometry, visible

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

_rng = np.random.default_rng(1)
# random views (roll and the vertical axis too) and the special ones: looking along
# an axis (mplot3d's edge-on rules), from below, from the pole
VIEWS = [dict(elev=30, azim=-60, roll=0), dict(elev=90, azim=-90, roll=0),
         dict(elev=0, azim=0, roll=0), dict(elev=0, azim=-90, roll=0),
         dict(elev=-89.9, azim=30, roll=0), dict(elev=-30, azim=135, roll=0),
         dict(elev=45, azim=45, roll=0, vertical_axis="y")] + [
    dict(elev=float(_rng.uniform(-180, 180)), azim=float(_rng.uniform(-180, 180)),
         roll=float(_rng.choice([0.0, _rng.uniform(-90, 90)])),
         vertical_axis=str(_rng.choice(list("xyzz")))) for _ in range(24)]


def both(view):
    lf = plt.figure()
    la = lf.add_subplot(projection="3d")
    la.plot([0, 3], [-1, 2], [5, 9])
    la.set_xlabel("X Label")
    la.set_ylabel("Y Label")
    la.set_zlabel("Z")
    la.view_init(**view)
    lf.draw()
    w, h = lf.canvas.size
    bx, by, bw, bh = la.box
    mf = mplt.figure()
    ma = mf.add_subplot(projection="3d")
    ma.plot([0, 3], [-1, 2], [5, 9])
    ma.set_xlabel("X Label")
    ma.set_ylabel("Y Label")
    ma.set_zlabel("Z")
    ma.view_init(**view)
    ma.set_position([bx / w, by / h, bw / w, bh / h])
    mf.canvas.draw()
    return la, ma


def shown(la, kind):
    """{data axis: [(pixel x, y, angle)]} of the labels the rules keep."""
    spec = la._box_spec()
    high = far_faces(la.depth_direction())
    out = {}
    for row in geometry(spec)[kind]:
        i, pos = row[0], row[1]
        code = np.floor(pos / CODE + 0.5)
        if not visible(code, high)[0]:
            continue
        q = pos - CODE * code
        (x, y, _), = la.project(q, coords="box")
        angle = 0.0
        if len(row) > 3 and np.any(row[3]):
            (x1, y1, _), (x2, y2, _) = la.project([q + row[4], q + row[4] + row[3]],
                                                  coords="box")
            angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
            angle = (angle + 180) % 180
            angle = angle - 180 if angle > 90 else angle
        out.setdefault("xyz"[la.data_axis_of(i)], []).append((x, y, angle))
    return out


@pytest.mark.parametrize("view", VIEWS, ids=str)
def test_panes_ticks_and_labels_sit_where_matplotlib_puts_them(view):
    la, ma = both(view)
    high = far_faces(la.depth_direction())
    axes = (ma.xaxis, ma.yaxis, ma.zaxis)
    for d, axis in enumerate(axes):
        _, loc = axis.active_pane()
        i = [k for k in range(3) if la.data_axis_of(k) == d][0]
        m = la.model_matrix()
        side = la.box_half()[i] if high[i] else -la.box_half()[i]
        assert (side - m[i, 3]) / m[i, d] == pytest.approx(loc, rel=1e-9, abs=1e-9)
    ticks = shown(la, "tick_labels")
    labels = shown(la, "axis_labels")
    for name, axis in zip("xyz", axes, strict=True):
        lo, hi = sorted(axis.get_view_interval())
        theirs = np.array([ma.transData.transform(t.label1.get_position())
                           for t in axis.get_major_ticks() if lo - 1e-9 <= t.get_loc() <=
                           hi + 1e-9])
        ours = np.array(ticks[name])[:, :2]
        np.testing.assert_allclose(ours, theirs, atol=0.05)
        (x, y, angle), = labels[name]
        np.testing.assert_allclose([x, y], ma.transData.transform(axis.label.get_position()),
                                   atol=0.05)
        want = axis.label.get_rotation()
        want = want - 360 if want > 180 else want
        assert abs((angle - want + 90) % 180 - 90) < 1e-3


PANE_COLORS = {"x": (1.0, 0.0, 0.0), "y": (0.0, 0.8, 0.0), "z": (0.0, 0.0, 1.0)}


@pytest.mark.parametrize("view", VIEWS[:12], ids=str)
def test_the_gpu_keeps_the_faces_the_rules_keep(view):
    """Opaque panes in three colours, no grid: at the centre of every candidate pane the
    picture shows that pane's colour exactly when the numpy rules say it is drawn."""
    fig = plt.figure(figsize=(4, 4))
    ax = fig.add_subplot(projection="3d")
    for name, rgb in PANE_COLORS.items():
        getattr(ax, f"{name}axis").set_pane_color(rgb)
    ax.grid(False)
    ax.view_init(**view)
    img = fig.render()
    high = far_faces(ax.depth_direction())
    h = img.shape[0]
    half = ax.box_half()
    for i in range(3):
        name = "xyz"[ax.data_axis_of(i)]
        u, v = [k for k in range(3) if k != i]
        quads = {}
        for side in (0, 1):
            corners = np.zeros((4, 3))
            corners[:, i] = (2 * side - 1) * half[i]
            corners[:, u] = np.array([-1, 1, 1, -1]) * half[u] * 0.98
            corners[:, v] = np.array([-1, -1, 1, 1]) * half[v] * 0.98
            quads[side] = ax.project(corners, coords="box")[:, :2]
        for side in (0, 1):
            code = np.zeros(3)
            code[i] = 1 if side else -1
            x, y = quads[side].mean(axis=0)
            px = img[int(round(h - y)), int(round(x)), :3] / 255.0
            is_pane = np.allclose(px, PANE_COLORS[name], atol=0.05)
            if visible(code, high)[0]:
                assert is_pane, (i, side, px)
            elif not inside(quads[1 - side], (x, y)):  # the drawn face is elsewhere
                assert not is_pane, (i, side, px)


def inside(quad: np.ndarray, p) -> bool:
    """Whether p lies inside the convex quadrilateral (either winding)."""
    d = quad - np.asarray(p)
    cross = d[:, 0] * np.roll(d, -1, axis=0)[:, 1] - d[:, 1] * np.roll(d, -1, axis=0)[:, 0]
    return bool((cross > 0).all() or (cross < 0).all())
