"""Line joins, dash caps and aliased lines drawn where matplotlib's Agg draws them
(``solid_joinstyle``, ``dash_capstyle``, ``antialiased``), and written to SVG."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest

import lumos
from lumos import colors

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

BLUE = colors.to_rgba("C0")[:3]


def _image(mod, fig) -> np.ndarray:
    if mod is lumos:
        return fig.render()
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())


def _ink(img, tol=0.3) -> np.ndarray:
    return (np.abs(img[..., :3] / 255.0 - np.asarray(BLUE)) <= tol).all(axis=-1)


def _apex_reach(mod, join, lw, apex_x) -> int:
    """The top row a V from (0.3, 0.2) up to (apex_x, 0.8) and down to (0.7, 0.2) inks,
    in pixels above the apex."""
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0.3, apex_x, 0.7], [0.2, 0.8, 0.2], lw=lw, color="C0", solid_joinstyle=join)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    img = _image(mod, fig)
    y0, h = (ax.box if mod is lumos else ax.bbox.bounds)[1::2]
    apex_row = img.shape[0] - (y0 + 0.8 * h)
    return apex_row - np.nonzero(_ink(img).any(axis=1))[0].min()


@pytest.mark.parametrize(("join", "lw", "apex_x"), [
    ("miter", 10, 0.5),   # a full miter point
    ("miter", 3, 0.5),    # past the limit (the width in pixels): cut square
    ("bevel", 10, 0.5),
    ("round", 10, 0.5),
    ("miter", 10, 0.55),  # not symmetric
])
def test_joins_reach_as_far_as_matplotlibs(join, lw, apex_x):
    ours, theirs = (_apex_reach(mod, join, lw, apex_x) for mod in (lumos, mplt))
    assert ours == pytest.approx(theirs, abs=1.5)


def test_miter_bevel_and_round_joins_differ():
    reach = {j: _apex_reach(lumos, j, 10, 0.5) for j in ("miter", "round", "bevel")}
    assert reach["miter"] > reach["round"] + 5
    assert reach["round"] > reach["bevel"] + 1


def _dash_columns(mod, cap, ls=(0, (2, 2))) -> tuple[np.ndarray, np.ndarray]:
    """Where the ink of a dashed horizontal line (10 points wide) starts and stops, on
    its middle row and 3 pixels off it."""
    fig, ax = mod.subplots(figsize=(4, 2), dpi=80)
    ax.plot([0.1, 0.9], [0.5, 0.5], lw=10, color="C0", ls=ls, dash_capstyle=cap)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    img = _image(mod, fig)
    y0, h = (ax.box if mod is lumos else ax.bbox.bounds)[1::2]
    row = int(round(img.shape[0] - (y0 + h / 2)))
    out = []
    for r in (row, row - 4):
        ink = _ink(img[r]).astype(int)
        edges = np.nonzero(np.diff(ink))[0]
        out.append(edges)
    return out


@pytest.mark.parametrize("cap", ["butt", "round", "projecting"])
def test_dash_capstyle_ends_dashes_as_matplotlibs(cap):
    ours, theirs = _dash_columns(lumos, cap), _dash_columns(mplt, cap)
    # matplotlib snaps a horizontal line's middle to a pixel centre, lumos does not:
    # half a pixel more off the middle row, where a round end curves
    for a, b in zip(ours, theirs, strict=True):
        assert len(a) == len(b) > 4
        assert np.abs(a - b).max() <= 2


@pytest.mark.parametrize("ls", [(0.7, (2, 2)), (-0.5, (2, 2)), (2, (2, 2)),
                                (-0.5, (2, 1.5, 0.5, 1.5, 0.5, 1.5))])
@pytest.mark.parametrize("cap", ["butt", "round"])
def test_dash_offsets_and_three_pairs_start_where_matplotlibs_do(cap, ls):
    # (offset, pattern): the pattern starts offset line widths into it, negative
    # offsets counting back from its end (rougier's tikz-dashes.py uses -0.5)
    ours, theirs = _dash_columns(lumos, cap, ls), _dash_columns(mplt, cap, ls)
    for a, b in zip(ours, theirs, strict=True):
        assert len(a) == len(b) > 4
        assert np.abs(a - b).max() <= 2
    assert not np.array_equal(ours[0], _dash_columns(lumos, cap)[0])


def test_dash_patterns_of_more_than_four_pairs_are_named():
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=72)
    with pytest.raises(ValueError, match="linestyle: .* at most four"):
        ax.plot([0, 1], ls=(0, (1, 1) * 5))


def test_dash_caps_differ():
    middle = {cap: _dash_columns(lumos, cap)[0] for cap in ("butt", "round", "projecting")}
    assert middle["projecting"][1] - middle["butt"][1] >= 5  # half of 10 pt at 80 dpi


@pytest.mark.parametrize("mod", [lumos, mplt])
def test_aliased_lines_have_no_partial_pixels(mod):
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.plot([0.1, 0.9], [0.2, 0.7], lw=4, color="C0", antialiased=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    img = _image(mod, fig)[..., :3] / 255.0
    white = (img > 0.99).all(axis=-1)
    blue = (np.abs(img - BLUE) < 0.01).all(axis=-1)
    assert blue.sum() > 100
    assert (~white & ~blue).sum() == 0


def _aliased_ink(mod, lw, ls, x, y) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(1.5, 1.5), dpi=100)
    ax.set_position([0, 0, 1, 1])
    ax.plot(x, y, lw=lw, ls=ls, color="k", antialiased=False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    return _image(mod, fig)[..., :3].mean(axis=-1) < 128


@pytest.mark.parametrize(("lw", "ls"), [(0.2, "-"), (0.5, "-"), (3.0, "-"), (2.0, "--")])
def test_aliased_lines_set_the_pixels_agg_sets(lw, ls):
    # Agg's binary rendering sets every pixel the stroke overlaps: a line thinner than
    # a pixel is a connected path of pixels (it was a dotted one: pixel centres only);
    # dashes and gaps are whole pixels and a half
    x, y = [0.03, 0.4, 0.97], [0.9, 0.13, 0.7]
    ours, agg = _aliased_ink(lumos, lw, ls, x, y), _aliased_ink(mplt, lw, ls, x, y)
    # dashed: 5 % of the pixels differ (38 % before the rounding), at dash ends
    assert (ours != agg).sum() <= (0.02 if ls == "-" else 0.06) * agg.sum(), \
        ((ours != agg).sum(), agg.sum())
    if ls == "-":
        rows = np.nonzero(ours.any(axis=1))[0]
        assert len(rows) == rows[-1] - rows[0] + 1  # every row between the ends is inked


@pytest.mark.parametrize(("kw", "cap", "join"), [
    ({"solid_joinstyle": "miter", "solid_capstyle": "butt"}, "butt", "miter"),
    ({"ls": "--", "dash_joinstyle": "bevel", "dash_capstyle": "round"}, "round", "bevel"),
    ({"ls": "--", "dash_capstyle": "projecting"}, "square", "round"),
])
def test_svg_says_the_caps_and_joins(kw, cap, join):
    fig, ax = lumos.subplots(figsize=(3, 2))
    ax.plot([0, 0.5, 1], [0, 1, 0], color="C0", **kw)
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    svg = buf.getvalue().decode()
    assert f"stroke-linecap:{cap}" in svg
    assert f"stroke-linejoin:{join}" in svg


def _end_reach(mod, **kw) -> float:
    """Pixels a 16-point line from x=0.25 to 0.75 inks past its right end, 7 pixels
    off its middle (where a round end has curved in by 3 pixels)."""
    fig, ax = mod.subplots(figsize=(4, 3), dpi=80)
    ax.plot([0.25, 0.75], [0.5, 0.5], lw=16, color="C0", **kw)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    img = _image(mod, fig)
    x0, y0, w, h = (ax.box if mod is lumos else ax.bbox.bounds)
    row = int(round(img.shape[0] - (y0 + h / 2))) - 7
    return np.nonzero(_ink(img[row]))[0].max() - (x0 + 0.75 * w)


def test_default_styles_are_matplotlibs_rcparams():
    """No keywords: matplotlib's lines.solid_capstyle ('projecting'), and what a script
    sets in rcParams."""
    assert _end_reach(lumos) == pytest.approx(_end_reach(mplt), abs=1.5)
    assert _end_reach(lumos) > _end_reach(lumos, solid_capstyle="round") + 2
    (line,) = lumos.subplots()[1].plot([0, 1])
    assert (line.get_solid_capstyle(), line.get_dash_capstyle(), line.get_solid_joinstyle(),
            line.get_antialiased()) == ("projecting", "butt", "round", True)
    import lumos.pyplot as plt

    with plt.rc_context({"lines.solid_capstyle": "butt", "lines.antialiased": False,
                         "lines.solid_joinstyle": "miter"}):
        (line,) = lumos.subplots()[1].plot([0, 1])
        assert _end_reach(lumos) < _end_reach(lumos, solid_capstyle="projecting") - 5
    assert (line.get_solid_capstyle(), line.get_solid_joinstyle(),
            line.get_antialiased()) == ("butt", "miter", False)


LEGEND_LINES = [  # (color, keywords): each line's legend swatch, ink told apart by color
    ("#ff0000", {}),  # rcParams: projecting solid caps
    ("#00b000", {"solid_capstyle": "round"}),
    ("#0000ff", {"solid_capstyle": "butt"}),
    ("#ff00ff", {"ls": "--", "dash_capstyle": "round"}),
    ("#00b0b0", {"ls": (0, (4, 1)), "dash_capstyle": "projecting"}),
]


def _swatches(mod) -> list[tuple[int, int]]:
    """Each legend swatch's (width of its middle row, width of its top row) in pixels,
    for lines 8 points wide (no data: only the legend draws them)."""
    fig, ax = mod.subplots(figsize=(4, 3), dpi=100)
    for color, kw in LEGEND_LINES:
        ax.plot([], [], lw=8, color=color, label=color, **kw)
    ax.legend(loc="center", handlelength=3)
    img = _image(mod, fig)[..., :3].astype(int)
    out = []
    for color, _ in LEGEND_LINES:
        ink = (np.abs(img - np.asarray(colors.to_rgba(color)[:3]) * 255) < 60).all(axis=-1)
        rows = np.nonzero(ink.any(axis=1))[0]
        mid, top = ink[(rows[0] + rows[-1]) // 2], ink[rows[0]]
        out.append((int(mid.sum()), int(top.sum())))
    return out


def test_legend_lines_have_the_lines_caps_as_matplotlibs():
    ours, theirs = _swatches(lumos), _swatches(mplt)
    for (color, kw), a, b in zip(LEGEND_LINES, ours, theirs, strict=True):
        assert a[0] == pytest.approx(b[0], abs=1.5), (color, kw, ours, theirs)
        assert a[1] == pytest.approx(b[1], abs=3.5), (color, kw, ours, theirs)
    (proj, _), (rnd, rnd_top), (butt, _) = ours[:3]
    assert proj - butt >= 10  # half of 8 points at 100 dpi at each end
    assert rnd - rnd_top >= 4  # the round ends curve in at the top


@pytest.mark.parametrize("cap", ["butt", "projecting"])
def test_a_matplotlib_line_as_legend_handle_keeps_its_caps(cap):
    from matplotlib.lines import Line2D

    def width(mod):
        fig, ax = mod.subplots(figsize=(3, 2), dpi=100)
        ax.legend(handles=[Line2D([], [], lw=8, color="#ff0000", solid_capstyle=cap,
                                  label="proxy")], loc="center", handlelength=3)
        ink = (np.abs(_image(mod, fig)[..., :3].astype(int) - (255, 0, 0)) < 60).all(-1)
        rows = np.nonzero(ink.any(axis=1))[0]
        return int(ink[(rows[0] + rows[-1]) // 2].sum())

    assert width(lumos) == pytest.approx(width(mplt), abs=1.5)


def _dash_runs(pyplot, rc: dict, ls: str) -> int:
    """How many dashes a horizontal line of style ``ls`` draws under ``rc``."""
    from PIL import Image

    with pyplot.rc_context(rc):
        fig = pyplot.figure(figsize=(3, 0.5), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.axis("off")
        ax.plot([0.02, 0.98], [0.5, 0.5], ls=ls, lw=2, color="k")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        pyplot.close(fig)
    row = np.asarray(Image.open(buf).convert("L"))[25] < 128
    return int((row[1:] & ~row[:-1]).sum())


@pytest.mark.parametrize(("key", "ls"), [("lines.dashed_pattern", "--"),
                                         ("lines.dotted_pattern", ":"),
                                         ("lines.dashdot_pattern", "-.")])
def test_named_dash_patterns_follow_rcparams(key, ls):
    """``lines.dashed_pattern`` & co. (the 'classic' style's 6, 6) make the named
    styles' dashes, as in matplotlib."""
    rc = {key: [6, 6] if ls != "-." else [3, 5, 1, 5]}
    theirs, ours = _dash_runs(mplt, rc, ls), _dash_runs(lumos.pyplot, rc, ls)
    assert ours == theirs != _dash_runs(mplt, {}, ls)
