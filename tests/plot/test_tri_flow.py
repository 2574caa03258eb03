"""Triangular grids (lumos.tri, tricontour/f, tripcolor, triplot) and vector fields
(streamplot, barbs, quiverkey) against matplotlib."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import px, small  # tests/plot/plot_helpers.py

import lumos.tri as ltri
from lumos import colors
from lumos.plot.contour import ContourSet

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402


def cloud(n=250, seed=3):
    rng = np.random.default_rng(seed)
    x, y = rng.random(n), rng.random(n)
    return x, y, np.sin(6 * x) * np.cos(5 * y)


def length(segs) -> float:
    return sum(np.hypot(*np.diff(s, axis=0).T).sum() for s in segs if len(s))


def test_delaunay_matches_matplotlib():
    x, y, _ = cloud()
    ours, theirs = ltri.Triangulation(x, y), mtri.Triangulation(x, y)
    key = lambda t: np.sort(np.sort(t, axis=1), axis=0)  # noqa: E731
    assert np.array_equal(key(ours.triangles), key(theirs.triangles))
    assert np.array_equal(ours.edges, np.unique(np.sort(theirs.edges, axis=1), axis=0))


def test_tricontour_lines_and_fills_match_matplotlib():
    x, y, z = cloud()
    fig, ax = small()
    cs = ax.tricontour(x, y, z, levels=7)
    _, max_ = mplt.subplots()
    mcs = max_.tricontour(x, y, z, levels=7)
    assert isinstance(cs, ContourSet)
    assert np.allclose(cs.levels, mcs.levels)
    for ours, theirs in zip(cs.allsegs, mcs.allsegs, strict=True):
        assert length(ours) == pytest.approx(length(theirs))
    cf = ax.tricontourf(ltri.Triangulation(x, y), z, levels=7)
    mcf = max_.tricontourf(mtri.Triangulation(x, y), z, levels=7)

    def area(ring):
        return 0.5 * abs(np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1]))

    for i in range(len(mcf.levels) - 1):
        pts, tris = cf._band_meshes[i]
        p = pts[tris]
        ours = 0.5 * np.abs((p[:, 1, 0] - p[:, 0, 0]) * (p[:, 2, 1] - p[:, 0, 1])
                            - (p[:, 2, 0] - p[:, 0, 0]) * (p[:, 1, 1] - p[:, 0, 1])).sum()
        theirs = sum(0.5 * np.sum(s[:, 0] * np.roll(s[:, 1], -1) - np.roll(s[:, 0], -1)
                                  * s[:, 1]) for s in mcf.allsegs[i])
        assert ours == pytest.approx(theirs, abs=1e-9)
        # the band's outlines enclose its area
        assert sum(area(r) for r in cf.allsegs[i]) >= ours - 1e-9
    fig.colorbar(cf, ax=ax)
    fig.render()


def test_tricontourf_fills_with_level_colors_and_masks():
    x, y = np.meshgrid(np.linspace(0, 1, 11), np.linspace(0, 1, 11))
    x, y = x.ravel(), y.ravel()
    z = x.copy()
    t = ltri.Triangulation(x, y)
    cx = x[t.triangles].mean(axis=1)
    t.set_mask(cx > 0.8)
    fig, ax = small()
    cf = ax.tricontourf(t, z, levels=[0, 0.5, 1], colors=["C0", "C1"])
    img = fig.render()
    assert np.allclose(px(img, ax, 0.25, 0.5), colors.to_rgba("C0")[:3], atol=0.05)
    assert np.allclose(px(img, ax, 0.65, 0.5), colors.to_rgba("C1")[:3], atol=0.05)
    assert np.all(px(img, ax, 0.95, 0.5) > 0.97)  # masked triangles: nothing
    assert len(cf.levels) == 3


def test_matplotlib_triangulation_accepted_and_tripcolor():
    x, y, z = cloud(60)
    mt = mtri.Triangulation(x, y)
    fig, ax = small()
    flat = ax.tripcolor(mt, z)
    _, max_ = mplt.subplots()
    mflat = max_.tripcolor(mt, z)
    assert np.allclose(flat.get_array(), mflat.get_array())
    g = ax.tripcolor(x, y, z, shading="gouraud", cmap="magma")
    assert np.allclose(g.get_array(), z)
    fc = ax.tripcolor(mt, facecolors=np.arange(len(mt.triangles), dtype=float))
    assert fc.get_array().size == len(mt.triangles)
    fig.colorbar(flat, ax=ax)
    fig.render()
    with pytest.raises(ValueError, match="C"):
        ax.tripcolor(mt, z[:5])
    with pytest.raises(ValueError, match="gouraud"):
        ax.tripcolor(mt, facecolors=np.zeros(len(mt.triangles)), shading="gouraud")


def test_triplot_returns_lines_and_markers():
    x, y, _ = cloud(30)
    fig, ax = small()
    lines, markers = ax.triplot(x, y, "go-", lw=0.5)
    t = ltri.Triangulation(x, y)
    assert np.isnan(lines.get_xdata()).sum() == len(t.edges)
    assert markers.get_marker() == "o"
    _, max_ = mplt.subplots()
    mlines, _ = max_.triplot(x, y, "go-")
    assert np.isnan(mlines.get_xdata()).sum() == np.isnan(lines.get_xdata()).sum()


def test_triangulation_bad_input():
    with pytest.raises(ValueError, match="triangles"):
        ltri.Triangulation([0, 1, 0], [0, 0, 1], triangles=[[0, 1, 5]])
    with pytest.raises(ValueError, match="x and y"):
        ltri.Triangulation([0, 1, 0], [0, 0])
    with pytest.raises(ValueError, match="mask"):
        ltri.Triangulation([0, 1, 0], [0, 0, 1], mask=[True, False])
    with pytest.raises(ValueError, match="finite"):
        ltri.Triangulation([0, 1, np.nan], [0, 0, 1])
    fig, ax = small()
    with pytest.raises(ValueError, match="z"):
        ax.tricontour([0, 1, 0], [0, 0, 1], [1, 2])
    with pytest.raises(TypeError, match="z"):
        ax.tricontour([0, 1, 0], [0, 0, 1])


# -- streamplot ----------------------------------------------------------------------------------
def field():
    Y, X = np.mgrid[-3:3:60j, -3:3:60j]  # noqa: N806
    return X, Y, -1 - X ** 2 + Y, 1 + X - Y ** 2


@pytest.mark.parametrize("kw", [{}, {"density": [0.5, 1]},
                                {"density": 1.5, "integration_direction": "forward"},
                                {"start_points": [[0, 0], [1, 1], [-2, 2]]},
                                {"broken_streamlines": False, "density": 0.5}])
def test_streamplot_streamlines_match_matplotlib(kw):
    X, Y, U, V = field()  # noqa: N806
    fig, ax = small()
    ours = ax.streamplot(X, Y, U, V, **kw)
    _, max_ = mplt.subplots()
    theirs = max_.streamplot(X, Y, U, V, **kw)
    a, b = ours.lines.get_segments(), theirs.lines.get_segments()
    assert len(a) == len(b)
    assert all(np.allclose(p, q) for p, q in zip(a, b, strict=True))
    assert len(ours.arrows.get_offsets()) == len(theirs.arrows.get_paths())


def test_streamplot_colors_widths_masks_and_picture():
    X, Y, U, V = field()  # noqa: N806
    U = np.ma.masked_where((np.abs(X) < 0.5) & (np.abs(Y) < 0.5), U)  # noqa: N806
    fig, ax = small()
    s = ax.streamplot(X, Y, U, V, color=V, linewidth=np.hypot(U, V) / 5, cmap="plasma")
    _, max_ = mplt.subplots()
    ms = max_.streamplot(X, Y, U, V, color=V, linewidth=np.hypot(U, V) / 5, cmap="plasma")
    assert len(s.lines.get_segments()) == len(ms.lines.get_segments())
    assert np.allclose(s.lines.get_array(), ms.lines.get_array())
    fig.colorbar(s.lines, ax=ax)
    img = fig.render()
    assert (img[..., :3] < 200).any()
    with pytest.raises(ValueError, match="color"):
        ax.streamplot(X, Y, U, V, color=np.zeros((3, 3)))
    with pytest.raises(ValueError, match="start_points"):
        ax.streamplot(X, Y, U, V, start_points=[[10, 10]])
    with pytest.raises(ValueError, match="equally spaced"):
        ax.streamplot(np.r_[0, 1, 3.0], np.r_[0, 1, 2.0], np.ones((3, 3)), np.ones((3, 3)))


# -- barbs and quiverkey -------------------------------------------------------------------------
def test_barbs_shapes_match_matplotlib():
    x = np.linspace(-5, 5, 5)
    X, Y = np.meshgrid(x, x)  # noqa: N806
    U, V = 12 * X, 12 * Y  # noqa: N806
    fig, ax = small()
    b = ax.barbs(X, Y, U, V, length=7, fill_empty=True)
    _, max_ = mplt.subplots()
    mb = max_.barbs(X, Y, U, V, length=7, fill_empty=True)
    for (line, flags), mp in zip(b._barbs, mb.get_paths(), strict=True):
        ours = np.concatenate([line, *flags]) if len(line) else np.concatenate(flags)
        theirs = mp.vertices
        assert ours.min(axis=0) == pytest.approx(theirs.min(axis=0), abs=1e-9)
        assert ours.max(axis=0) == pytest.approx(theirs.max(axis=0), abs=1e-9)
    img = fig.render()
    assert img[..., :3].min() < 100


def test_quiverkey_draws_and_labels():
    fig, ax = small()
    q = ax.quiver([0, 1], [0, 1], [1, 1], [0, 1])
    key = ax.quiverkey(q, 0.8, 0.9, 1, "1 m/s", labelpos="E", color="C3")
    img = fig.render()
    x, y = ax.transAxes.forward(np.array([[0.8, 0.9]]))[0]
    h = img.shape[0]
    patch = img[int(h - y) - 3:int(h - y) + 3, int(x) - 12:int(x) - 2, :3] / 255.0
    assert np.any(np.all(np.abs(patch - colors.to_rgba("C3")[:3]) < 0.1, axis=-1))
    assert key.text.get_text() == "1 m/s"
    with pytest.raises(ValueError, match="labelpos"):
        ax.quiverkey(q, 0.5, 0.5, 1, "x", labelpos="NE")
    with pytest.raises(TypeError, match="Q"):
        ax.quiverkey(None, 0.5, 0.5, 1, "x")
