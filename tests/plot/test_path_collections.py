"""lumos.collections: matplotlib's per-item styles and colormapping, add_collection and
autoscaling, pictures, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink, near  # tests/pixels.py

import lumos.pyplot as plt
from lumos import collections as lc
from lumos import patches as lp

mcoll = pytest.importorskip("matplotlib.collections")
mpatches = pytest.importorskip("matplotlib.patches")


SEGS = [np.array([[0, 0], [1, 1]]), np.array([[1, 0], [2, 2], [3, 1]]),
        np.array([[0, 2], [3, 3]])]
POLYS = [np.array([[0, 0], [1, 0], [0.5, 1]]), np.array([[2, 0], [3, 0], [3, 1], [2, 1]])]
KINDS = {
    "line": lambda m: m.LineCollection(SEGS),
    "line_colors": lambda m: m.LineCollection(SEGS, colors=["r", "g"], linewidths=[1, 3]),
    "line_alpha": lambda m: m.LineCollection(SEGS, colors="C2", alpha=0.3),
    "poly": lambda m: m.PolyCollection(POLYS),
    "poly_face": lambda m: m.PolyCollection(POLYS, facecolors=["C1", "C2"], edgecolors="face"),
    "poly_none": lambda m: m.PolyCollection(POLYS, facecolors="none"),
    "poly_alpha": lambda m: m.PolyCollection(POLYS, edgecolors="k", alpha=[0.2, 0.7]),
    "event": lambda m: m.EventCollection([3, 1, 2], lineoffset=1, linelength=0.5),
    "event_vertical": lambda m: m.EventCollection([3, 1], orientation="vertical",
                                                  color="C3", linewidth=2),
}


@pytest.mark.parametrize("kind", KINDS)
def test_colors_and_widths_match_matplotlib(kind):
    ours, theirs = KINDS[kind](lc), KINDS[kind](mcoll)
    theirs.update_scalarmappable()
    np.testing.assert_allclose(ours.get_facecolor(), theirs.get_facecolor())
    np.testing.assert_allclose(ours.get_edgecolor(), theirs.get_edgecolor())
    np.testing.assert_allclose(ours.get_linewidth(), theirs.get_linewidth())
    assert ours.get_zorder() == theirs.get_zorder()


@pytest.mark.parametrize("kind", ["line", "poly", "event", "event_vertical"])
def test_paths_match_matplotlib(kind):
    ours, theirs = KINDS[kind](lc), KINDS[kind](mcoll)
    for p, q in zip(ours.get_paths(), theirs.get_paths(), strict=True):
        np.testing.assert_allclose(p.vertices, q.vertices)
        assert (p.codes is None) == (q.codes is None)


def test_patch_collection_paths_and_match_original():
    made = [lambda m: m.Circle((1, 1), 0.5, fc="red", ec="blue", lw=2),
            lambda m: m.Rectangle((2, 0), 1, 2, angle=20, fill=False, ls="--"),
            lambda m: m.Wedge((0, 3), 1, 10, 100, fc="C4")]
    ours = lc.PatchCollection([f(lp) for f in made], match_original=True)
    theirs = mcoll.PatchCollection([f(mpatches) for f in made], match_original=True)
    for p, q in zip(ours.get_paths(), theirs.get_paths(), strict=True):
        np.testing.assert_allclose(p.vertices, q.vertices, atol=1e-12)
    np.testing.assert_allclose(ours.get_facecolor(), theirs.get_facecolor())
    np.testing.assert_allclose(ours.get_edgecolor(), theirs.get_edgecolor())
    np.testing.assert_allclose(ours.get_linewidth(), theirs.get_linewidth())
    # matplotlib's own patches go in a lumos PatchCollection too
    mixed = lc.PatchCollection([mpatches.Circle((0, 0), 1), lp.Circle((0, 0), 1)])
    np.testing.assert_allclose(mixed.get_paths()[0].vertices, mixed.get_paths()[1].vertices)


def test_array_colors_faces_or_lines_like_matplotlib():
    values = np.array([0.0, 0.5, 1.0])
    for kind in ("line", "poly"):
        ours, theirs = KINDS[kind](lc), KINDS[kind](mcoll)
        for c in (ours, theirs):
            c.set_array(values[:len(c.get_paths())])
            c.set_cmap("viridis")
        theirs.update_scalarmappable()
        np.testing.assert_allclose(ours.get_facecolor(), theirs.get_facecolor(), atol=3e-3)
        np.testing.assert_allclose(ours.get_edgecolor(), theirs.get_edgecolor(), atol=3e-3)
    ours = lc.LineCollection(SEGS, array=values, cmap="plasma", clim=(0, 2))
    assert ours.get_clim() == (0, 2)
    np.testing.assert_allclose(ours.get_edgecolor()[2], plt_cmap("plasma", 0.5), atol=1e-6)


def plt_cmap(name, value):
    from lumos import colors

    return colors.get_cmap(name)(value)


def test_event_collection_api():
    e = lc.EventCollection([3, 1, 2], lineoffset=2, linelength=2)
    assert e.get_positions() == [1, 2, 3]
    e.add_positions([0.5])
    assert e.get_positions() == [0.5, 1, 2, 3]
    assert e.is_horizontal() and e.get_orientation() == "horizontal"
    e.switch_orientation()
    np.testing.assert_allclose(e.get_segments()[0], [[3, 0.5], [1, 0.5]])
    e.set_linelength(4)
    e.set_lineoffset(0)
    np.testing.assert_allclose(e.get_segments()[0], [[2, 0.5], [-2, 0.5]])
    with pytest.raises(ValueError, match="orientation"):
        e.set_orientation("diagonal")
    with pytest.raises(ValueError, match="positions"):
        e.set_positions([[1, 2]])


def test_setters_and_getters():
    c = lc.LineCollection(SEGS)
    c.set_segments([[(0, 0), (1, 1)]])
    assert len(c.get_segments()) == 1
    c.set_color("red")
    np.testing.assert_allclose(c.get_color(), [[1, 0, 0, 1]])
    c.set_linewidth([2, 3])
    c.set_linestyle(["--", ":"])
    assert c.get_linestyle() == ["--", ":"]
    p = lc.PolyCollection(POLYS)
    p.set_verts([POLYS[0]])
    p.set_alpha(0.5)
    assert p.get_facecolor()[0, 3] == 0.5
    p.set_hatch("/")
    assert p.get_hatch() == "/"
    p.set_offsets([[1, 1]])
    assert p.get_offsets().shape == (1, 2)


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="segments"):
        lc.LineCollection([np.zeros((3, 3))])
    with pytest.raises(TypeError, match="segments"):
        lc.LineCollection([[("a", "b")]])
    with pytest.raises(ValueError, match="verts"):
        lc.PolyCollection([np.zeros((2, 3))])
    with pytest.raises(ValueError, match="linewidths"):
        lc.LineCollection(SEGS, linewidths=-1)
    with pytest.raises(ValueError, match="linestyles"):
        lc.LineCollection(SEGS, linestyles="zigzag")
    with pytest.raises(ValueError, match="edgecolors"):
        lc.PolyCollection(POLYS, edgecolors="nocolor")
    with pytest.raises(TypeError, match="sparkle"):
        lc.PolyCollection(POLYS, sparkle=1)
    with pytest.raises(TypeError, match="sizes"):
        lc.PolyCollection(POLYS, sizes=[10])
    with pytest.raises(ValueError, match="A"):
        lc.PolyCollection(POLYS).set_array(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="offsets"):
        lc.PolyCollection(POLYS, offsets=np.zeros((2, 3)))
    with pytest.raises(TypeError, match="patches"):
        lc.PatchCollection([np.zeros(3)])
    with pytest.raises(ValueError, match="alpha"):
        lc.PolyCollection(POLYS, alpha=[0.5, 3])
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="add_collection"):
        ax.add_collection(lp.Circle((0, 0), 1))


def test_caller_arrays_are_not_modified():
    segs = [s.copy() for s in SEGS]
    verts = np.array(POLYS[0], dtype=float)
    before = verts.copy()
    c = lc.LineCollection(segs)
    p = lc.PolyCollection([verts])
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.add_collection(c)
    ax.add_collection(p)
    ax.set_yscale("log")
    fig.render()
    segs[0][0, 0] = 99
    assert np.array_equal(verts, before)
    assert c.get_segments()[0][0, 0] == 0


def test_add_collection_autolim_fits_the_view():
    fig, ax = plt.subplots()
    c = lc.LineCollection([[(0, 0), (10, 3)]])
    assert ax.add_collection(c) is c
    lo, hi = ax.get_xlim()
    assert lo <= 0 and hi >= 10
    fig2, ax2 = plt.subplots()
    ax2.plot([0, 1], [0, 1])
    before = ax2.get_xlim()
    ax2.add_collection(lc.LineCollection([[(50, 50), (60, 60)]]), autolim=False)
    assert ax2.get_xlim() == before
    assert len(ax2.collections) == 1


def test_collection_pictures():
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    p = lc.PolyCollection([[(0, 0), (1, 0), (1, 1), (0, 1)], [(2, 2), (3, 2), (3, 3), (2, 3)]],
                          facecolors=["red", "blue"])
    ax.add_collection(p)
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 3)
    img = fig.render()
    bx, by, bw, bh = ax.box
    h = img.shape[0]

    def at(x, y):
        return img[int(h - (by + y / 3 * bh)), int(bx + x / 3 * bw)]

    assert near(at(0.5, 0.5), (255, 0, 0)) and near(at(2.5, 2.5), (0, 0, 255))
    assert near(at(1.5, 1.5), (255, 255, 255))
    p.set_array(np.array([0.0, 1.0]))
    p.set_cmap("gray")
    img = fig.render()
    assert near(at(0.5, 0.5), (0, 0, 0)) and near(at(2.5, 2.5), (255, 255, 255))
    # with offsets, matplotlib cycles paths and offsets to the longer of the two
    q = lc.PolyCollection([[(0, 0), (0.2, 0), (0.2, 0.2)]], offsets=[(0, 0), (1, 1), (2, 2)],
                          offset_transform=ax.transData, facecolors="green")
    assert len(q.get_paths()) == 1
    ax.add_collection(q)
    img = fig.render()
    assert near(at(1.15, 1.05), (0, 128, 0), tol=40)


def test_line_collection_legend_and_colorbar():
    fig, ax = plt.subplots()
    c = lc.LineCollection(SEGS, colors="C1", linewidths=2, linestyles="--", label="segs")
    ax.add_collection(c)
    ax.legend()
    rgba, width, dashes = c.legend_line()
    assert width == pytest.approx(fig.points_to_pixels(2)) and dashes is not None
    m = lc.LineCollection(SEGS, array=[1, 2, 3], cmap="viridis")
    ax.add_collection(m)
    fig.colorbar(m, ax=ax)
    assert ink(fig.render()).any()


def test_nan_vertices_do_not_crash():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.add_collection(lc.LineCollection([[(0, 0), (np.nan, 1), (2, 2)], [(np.inf, 0)]]))
    ax.add_collection(lc.PolyCollection([[(0, 0), (1, np.nan), (1, 1)]]))
    ax.add_collection(lc.EventCollection([1, np.nan, 3]))
    fig.render()


def test_none_in_a_color_list_stays_transparent_under_alpha():
    # matplotlib's to_rgba_array(c, alpha): alpha overrides every color but 'none'
    v = [np.array([[0, 0], [1, 0], [1, 1]])] * 3
    pc = lc.PolyCollection(v, facecolors=["red", "none", (0, 0, 1, 0)], alpha=0.5)
    np.testing.assert_array_equal(pc.get_facecolor()[:, 3], [0.5, 0.0, 0.5])
