"""matplotlib's arrow styles with parameters: geometry against matplotlib's transmute."""

import numpy as np
import pytest

from lumos.plot.arrowstyles import draw_arrow, parse_arrowstyle

mpatches = pytest.importorskip("matplotlib.patches")
mpath = pytest.importorskip("matplotlib.path")


class _Recorder:
    def __init__(self):
        self.lines, self.polygons = [], []

    def line(self, points, color, width_px, dashes=None):
        self.lines.append(np.asarray(points, dtype=float))

    def polygon(self, points, facecolor):
        self.polygons.append(np.asarray(points, dtype=float))


def _area_mask(polys, grid):
    inside = np.zeros(len(grid), bool)
    for p in polys:
        inside |= mpath.Path(p).contains_points(grid)
    return inside


@pytest.mark.parametrize("style", ["simple", "fancy", "wedge", "wedge,tail_width=0.7",
                                   "simple,head_length=0.8,tail_width=0.4",
                                   "fancy,head_width=0.9"])
def test_filled_styles_cover_matplotlibs_outline(style):
    path = np.array([[10.0, 20.0], [150.0, 90.0]])
    ov = _Recorder()
    draw_arrow(ov, path, style, None, 1.0, 40.0, facecolor="k")
    quad = mpath.Path([path[0], path.mean(axis=0), path[1]],
                      [mpath.Path.MOVETO, mpath.Path.CURVE3, mpath.Path.CURVE3])
    mpl_path, _ = mpatches.ArrowStyle(style).transmute(quad, 40.0, 1.0)
    xs, ys = np.meshgrid(np.linspace(-20, 190, 300), np.linspace(-20, 130, 220))
    grid = np.column_stack([xs.ravel(), ys.ravel()])
    ours = _area_mask(ov.polygons, grid)
    theirs = _area_mask(mpl_path.to_polygons(), grid)
    iou = (ours & theirs).sum() / (ours | theirs).sum()
    assert iou > 0.9, iou


@pytest.mark.parametrize("style", ["->,head_width=0.5,head_length=0.3", "-[", "]-[",
                                   "|-|", "]->", "<-[", "-[,widthB=2,lengthB=0.5,angleB=30",
                                   "<|-|>,head_width=0.4"])
def test_line_styles_match_matplotlibs_vertices(style):
    path = np.array([[0.0, 0.0], [120.0, 50.0]])
    ov = _Recorder()
    draw_arrow(ov, path, style, "k", 0.0, 20.0, facecolor="k")
    paths, _ = mpatches.ArrowStyle(style).transmute(mpath.Path(path), 20.0, 0.0)
    ours = sorted(np.round(np.vstack(ov.lines), 6).tolist())
    theirs = sorted(np.round(np.vstack([p.vertices for p in paths]), 6).tolist())
    # matplotlib closes filled heads with a (0, 0) CLOSEPOLY vertex, lumos with the
    # first point again
    mine = {tuple(p) for p in ours}
    assert {tuple(p) for p in theirs} - {(0.0, 0.0)} <= mine
    assert mine <= {tuple(p) for p in theirs} | {tuple(p) for p in path.round(6)}


def test_matplotlib_arrowstyle_object_parameters():
    name, params = parse_arrowstyle(mpatches.ArrowStyle("->", head_width=0.7))
    assert name == "->" and params["head_width"] == 0.7 and params["head_length"] == 0.4
    name, params = parse_arrowstyle(mpatches.ArrowStyle("wedge", tail_width=1.2))
    assert name == "wedge" and params == {"tail_width": 1.2, "shrink_factor": 0.5}


def test_bad_arrowstyles_name_what_is_wrong():
    with pytest.raises(TypeError, match="tail_width"):
        parse_arrowstyle("->,tail_width=2")
    with pytest.raises(ValueError, match="arrowstyle"):
        parse_arrowstyle("=>")
    with pytest.raises(ValueError, match="head_width"):
        parse_arrowstyle("->,head_width=wide")


def test_annotate_with_arrowstyle_parameters_draws():
    import lumos.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    a = ax.annotate("", (0.8, 0.8), (0.1, 0.1),
                    arrowprops=dict(arrowstyle="wedge,tail_width=0.7", fc="r", ec="none"))
    style = a.arrow_style()
    assert style["color"] is None and style["facecolor"] == "r"
    fig.draw()
    px = np.asarray(fig.canvas.render())[..., :3].astype(int)
    red = (px[..., 0] > 200) & (px[..., 1] < 60) & (px[..., 2] < 60)
    plt.close(fig)
    assert red.sum() > 20


def _blue_box(png):
    px = np.asarray(png)[..., :3].astype(int)
    blue = (abs(px - [31, 119, 180]).sum(axis=-1) < 30)
    ys, xs = np.nonzero(blue)
    return np.array([xs.min(), ys.min(), xs.max(), ys.max()])


@pytest.mark.parametrize("transform", ["data", "axes"])
def test_fancy_arrow_patch_where_matplotlib_draws_it(transform):
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    import lumos.pyplot as plt

    boxes = []
    for lib in (plt, mplt):
        fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
        ax.set(xlim=(0, 2), ylim=(0, 2))
        kw = {} if transform == "data" else {"transform": ax.transAxes}
        ax.add_patch(mpatches.FancyArrowPatch((0.1, 0.5), (0.9, 0.8), mutation_scale=50,
                                              **kw))
        if lib is plt:
            fig.draw()
            boxes.append(_blue_box(fig.canvas.render()))
        else:
            fig.canvas.draw()
            boxes.append(_blue_box(fig.canvas.buffer_rgba()))
        lib.close(fig)
    assert np.abs(boxes[0] - boxes[1]).max() <= 3, boxes


def test_fancy_arrow_patch_made_from_a_path_is_refused():
    import lumos.pyplot as plt

    fig, ax = plt.subplots()
    arrow = mpatches.FancyArrowPatch(path=mpath.Path([[0, 0], [1, 1]]))
    with pytest.raises(TypeError, match="path="):
        ax.add_patch(arrow)
    plt.close(fig)


def _hausdorff(p, q):
    d = np.hypot(*(p[:, None, :] - q[None, :, :]).transpose(2, 0, 1))
    return max(d.min(axis=0).max(), d.min(axis=1).max())


def _dense(poly, n=400):
    seg = np.hypot(*np.diff(poly, axis=0).T)
    s = np.concatenate([[0], np.cumsum(seg)])
    t = np.linspace(0, s[-1], n)
    return np.c_[np.interp(t, s, poly[:, 0]), np.interp(t, s, poly[:, 1])]


@pytest.mark.parametrize("style", ["arc3,rad=0.3", "angle3,angleA=0,angleB=-90",
                                   "angle,angleA=0,angleB=90,rad=10",
                                   "arc,angleA=0,armA=50,rad=10",
                                   "arc,angleA=0,armA=40,angleB=-90,armB=30,rad=7",
                                   "bar,fraction=-0.2", "bar,angle=180,fraction=0.3"])
def test_connection_styles_follow_matplotlibs_paths(style):
    from lumos.plot.arrowstyles import connect, parse_connectionstyle

    a, b = np.array([10.0, 20.0]), np.array([200.0, 120.0])
    ours = connect(a, b, *parse_connectionstyle(style))
    theirs = mpatches.ConnectionStyle(style).connect(tuple(a), tuple(b))
    theirs = np.vstack(theirs.to_polygons(closed_only=False))
    assert np.allclose(ours[0], a) and np.allclose(ours[-1], b)
    assert _hausdorff(_dense(ours), _dense(theirs)) < 1.5


def test_bad_connection_styles_name_what_is_wrong():
    from lumos.plot.arrowstyles import parse_connectionstyle

    with pytest.raises(TypeError, match="armA"):
        parse_connectionstyle("angle3,armA=3")
    with pytest.raises(ValueError, match="connectionstyle"):
        parse_connectionstyle("zigzag")
    name, params = parse_connectionstyle(mpatches.ConnectionStyle("angle", rad=5))
    assert name == "angle" and params["rad"] == 5


def _arrow_ends(lib, monkeypatch, patch_kind, connection, shrink):
    """The first and last points (display pixels) of the path of an annotation's "-"
    arrow from (0.5, 0.5) to (2, 1.5), cut by patchA around its start and patchB
    around its end, in lumos or matplotlib."""
    import lumos.plot.annotations as ta

    fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
    ax.set(xlim=(0, 3), ylim=(0, 2))
    if patch_kind == "matplotlib":
        a_patch = mpatches.Rectangle((0.3, 0.35), 0.4, 0.3)
        b_patch = mpatches.Ellipse((2, 1.5), 0.6, 0.4, angle=30)
    else:
        from lumos.plot.patch_shapes import Circle, Rectangle

        a_patch, b_patch = Rectangle((0.3, 0.35), 0.4, 0.3), Circle((2, 1.5), 0.25)
        if lib.__name__.startswith("matplotlib"):
            a_patch = mpatches.Rectangle((0.3, 0.35), 0.4, 0.3)
            b_patch = mpatches.Circle((2, 1.5), 0.25)
    ax.add_patch(a_patch)
    ax.add_patch(b_patch)
    ann = ax.annotate("", (2, 1.5), (0.5, 0.5), arrowprops=dict(
        arrowstyle="-", patchA=a_patch, patchB=b_patch, connectionstyle=connection,
        shrinkA=shrink, shrinkB=shrink))
    if lib.__name__.startswith("matplotlib"):
        fig.canvas.draw()
        paths = ann.arrow_patch._get_path_in_displaycoord()[0]
        path = (paths[0] if isinstance(paths, list) else paths).vertices
    else:
        seen = []
        monkeypatch.setattr(ta, "draw_arrow", lambda ov, path, *a, **k: seen.append(path))
        fig.draw()
        path = seen[-1]
    lib.close(fig)
    return np.array([path[0], path[-1]], dtype=float)


@pytest.mark.parametrize("patch_kind", ["matplotlib", "lumos"])
@pytest.mark.parametrize("connection", ["arc3", "arc3,rad=0.3", "angle3,angleA=0,angleB=90",
                                        "angle,angleA=90,angleB=0,rad=10"])
@pytest.mark.parametrize("shrink", [0, 5])
def test_patch_a_and_b_cut_the_arrow_where_matplotlib_does(monkeypatch, patch_kind,
                                                            connection, shrink):
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    import lumos.pyplot as plt

    ours = _arrow_ends(plt, monkeypatch, patch_kind, connection, shrink)
    theirs = _arrow_ends(mplt, monkeypatch, patch_kind, connection, shrink)
    uncut = _arrow_ends(mplt, monkeypatch, patch_kind, connection, 0)
    assert np.abs(ours - theirs).max() <= 1.5, (ours, theirs)
    # the cut moved the ends well away from the points the arrow joins
    fig, ax = mplt.subplots(figsize=(4, 3), dpi=100)
    ax.set(xlim=(0, 3), ylim=(0, 2))
    joined = ax.transData.transform([(0.5, 0.5), (2, 1.5)])
    mplt.close(fig)
    assert np.hypot(*(uncut - joined).T).min() > 10


def test_unsupported_arrowprops_keys_raise_naming_them():
    import lumos.pyplot as plt

    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="mutation_aspect"):
        ax.annotate("a", (1, 1), (0, 0), arrowprops=dict(arrowstyle="->", mutation_aspect=2))
    with pytest.raises(TypeError, match="connectionstyle"):  # not without an arrowstyle
        ax.annotate("a", (1, 1), (0, 0), arrowprops=dict(connectionstyle="arc3"))
    with pytest.raises(TypeError, match="patchB got int"):
        ax.annotate("a", (1, 1), (0, 0), arrowprops=dict(arrowstyle="->", patchB=3))
    with pytest.raises(TypeError, match="patchA got dict"):  # matplotlib's box: a patch
        ax.annotate("a", (1, 1), (0, 0), arrowprops=dict(arrowstyle="->", patchA={}))
    elsewhere = fig.text(0.1, 0.1, "b", bbox={}).get_bbox_patch()
    with pytest.raises(TypeError, match="patchA got the box of a text not in these axes"):
        ax.annotate("a", (1, 1), (0, 0), arrowprops=dict(arrowstyle="->", patchA=elsewhere))
        fig.draw()
    plt.close(fig)


@pytest.mark.parametrize("case", ["line", "patchA=None", "bbox"])
def test_line_patch_and_explicit_none_cut_where_matplotlib_does(monkeypatch, case):
    """patchB a line (its pick radius around its markers), patchA=None (no cut at the
    text), a text with a box (cut where the box is, not 2 points outside it)."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    import lumos.plot.annotations as ta
    import lumos.pyplot as plt

    ends, seen = [], []
    monkeypatch.setattr(ta, "draw_arrow", lambda ov, p, *a, **k: seen.append(p))
    for lib in (plt, mplt):
        fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
        ax.set(xlim=(0, 3), ylim=(0, 2))
        (line,) = ax.plot(2, 1.5, "o")
        props = {"arrowstyle": "-", "patchB": line} if case == "line" else \
            {"arrowstyle": "-", "patchA": None, "relpos": (0.2, 0.5)} \
            if case == "patchA=None" else {"arrowstyle": "-"}
        bbox = {"boxstyle": "square", "pad": 0.5} if case == "bbox" else None
        ann = ax.annotate("a" if bbox else "", (2, 1.5), (0.5, 0.5), arrowprops=props,
                          bbox=bbox, ha="center", va="center")
        if lib is mplt:
            fig.canvas.draw()
            paths = ann.arrow_patch._get_path_in_displaycoord()[0]
            path = (paths[0] if isinstance(paths, list) else paths).vertices
        else:
            fig.draw()
            path = seen[-1]
        ends.append(np.array([path[0], path[-1]], dtype=float))
        lib.close(fig)
    assert np.abs(ends[0] - ends[1]).max() <= 1.5, ends
