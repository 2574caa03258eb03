"""Tuple handles in a legend (matplotlib's HandlerTuple): gallery legend_demo.py."""
import io

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.legend_handler import HandlerLine2D, HandlerTuple  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

RED, BLUE = (255, 0, 0), (0, 0, 255)


def _legend_pixels(lib, fig, leg) -> np.ndarray:
    """The saved figure's RGB pixels inside the legend's box (the figure closed)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    lib.close(fig)
    img = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    box = leg.get_window_extent()
    h = img.shape[0]
    return img[int(h - box.y1):int(h - box.y0), int(box.x0):int(box.x1)]


def _centres(handler_map):
    """Mean x (pixels) of the red and the blue handle inside the legend box."""
    fig, ax = plt.subplots()
    p1 = ax.scatter([1], [5], c="r", marker="s", s=100)
    p2, = ax.plot([1, 5], [4, 4], "b-")
    leg = ax.legend([(p1, p2)], ["two keys"], loc="center", handler_map=handler_map)
    crop = _legend_pixels(plt, fig, leg)
    out = []
    for rgb in (RED, BLUE):
        ys, xs = np.nonzero(np.all(np.abs(crop - rgb) < 30, axis=2))
        assert xs.size, f"no {rgb} pixel in the legend"
        out.append(xs.mean())
    return out, leg


def test_a_tuple_is_drawn_over_one_another_by_default():
    (red, blue), _ = _centres(None)
    assert red == pytest.approx(blue, abs=1.5)


def test_handler_tuple_ndivide_none_puts_them_side_by_side():
    (red, blue), leg = _centres({tuple: HandlerTuple(ndivide=None)})
    fs = leg.axes.figure.points_to_pixels(leg.fontsize)
    # two slots of (2 - 0.4) / 2 font sizes, 0.4 (borderpad) apart: centres 1.2 apart
    assert blue - red == pytest.approx(1.2 * fs, abs=1.5)
    (red0, blue0), _ = _centres({tuple: HandlerTuple(ndivide=None, pad=0.0)})
    assert blue0 - red0 == pytest.approx(1.0 * fs, abs=1.5)


def test_a_container_is_one_handle_and_other_handlers_are_refused():
    fig, ax = plt.subplots()
    bars = ax.bar([1, 2], [1, 2], label="bars")  # a BarContainer is a tuple
    leg = ax.legend(handler_map={tuple: HandlerTuple(ndivide=None)})
    assert [t.get_text() for t in leg.get_texts()] == ["bars"]
    line, = ax.plot([0, 1], label="line")
    with pytest.raises(TypeError, match="HandlerLine2D for a BarContainer"):
        ax.legend([bars], ["bars"], handler_map={type(bars): HandlerLine2D(numpoints=4)})
    with pytest.raises(TypeError, match="update_func"):
        ax.legend(handler_map={line: HandlerLine2D(update_func=lambda a, b: None)})
    with pytest.raises(TypeError, match="xpad"):
        ax.legend(handler_map={line: HandlerLine2D(xpad=2)})
    with pytest.raises(ValueError, match="empty"):
        ax.legend([()], ["nothing"])
    assert len(bars) == 2
    plt.close(fig)


def _legend_box(lib, build):
    fig, ax = lib.subplots()
    leg = build(ax)
    fig.canvas.draw()
    box = leg.get_window_extent()
    lib.close(fig)
    return box.width, box.height


def test_rows_are_as_tall_as_their_own_label_as_matplotlibs():
    # gallery legend_demo: a two-line label and math labels; one row each
    import matplotlib.pyplot as mplt

    def build(ax):
        x = np.linspace(0, 1)
        ax.plot(x, x ** 2, label="multi\nline")
        ax.plot(x, x, label=r"$\frac{1}{2}\pi$")
        ax.plot(x, x, label="$2^{x^2}$")
        ax.plot(x, x, label="plain")
        return ax.legend()
    ours, theirs = _legend_box(plt, build), _legend_box(mplt, build)
    assert ours[1] == pytest.approx(theirs[1], abs=3.0)  # 48 px taller before


def test_empty_labels_given_are_kept_and_a_line_high():
    # gallery legend_demo's table: blank cells are entries with "" labels
    import matplotlib.pyplot as mplt
    from matplotlib.patches import Rectangle

    def build(ax):
        lines = [ax.plot([0, 1], c)[0] for c in "rgb"]
        extra = Rectangle((0, 0), 1, 1, fill=False, edgecolor="none", linewidth=0)
        return ax.legend([extra, *lines, extra, *lines], ["top", "", "", "", "$j = 1$",
                                                          "a", "b", "c"], ncols=2)
    ours, theirs = _legend_box(plt, build), _legend_box(mplt, build)
    fig, ax = plt.subplots()
    assert len(build(ax).get_texts()) == 8
    plt.close(fig)
    np.testing.assert_allclose(ours, theirs, atol=3.0)


def _marker_columns(lib, handler_map, numpoints=None):
    """The x (pixels, from the legend box's left) of each run of red marker pixels in
    the legend: a line of red circles, the legend over an empty axes."""
    fig, ax = lib.subplots(figsize=(3, 2), dpi=100)
    line, = ax.plot([0, 1], [5, 5], "r-o", lw=0.5, label="red")
    ax.plot([0, 1], [2, 2], "b-s", label="blue")
    ax.set_ylim(8, 9)  # the lines out of sight: only the legend's markers are red
    leg = ax.legend(handler_map=handler_map(line), loc="center", handlelength=4,
                    numpoints=numpoints)
    crop = _legend_pixels(lib, fig, leg)
    # marker columns: more red pixels than a thin line's
    cols = (np.all(np.abs(crop - RED) < 60, axis=2).sum(axis=0) > 3).astype(int)
    starts = np.nonzero(np.diff(np.r_[0, cols]) == 1)[0]
    ends = np.nonzero(np.diff(np.r_[cols, 0]) == -1)[0]
    return (starts + ends) / 2


@pytest.mark.parametrize("handler", [
    lambda line: {line: HandlerLine2D(numpoints=4)},
    lambda line: {line: HandlerLine2D(numpoints=3, marker_pad=1.0)},
    lambda line: {type(line): HandlerLine2D(numpoints=2)},
    lambda line: {line: HandlerLine2D()},
])
def test_handler_line2d_numpoints_and_marker_pad_as_matplotlibs(handler):
    """legend_guide: ``handler_map={line: HandlerLine2D(numpoints=4)}``; an entry's own
    markers (a type's handler: matplotlib's Line2D, lumos's too), the others the
    legend's numpoints."""
    import matplotlib.pyplot as mplt

    ours = _marker_columns(plt, handler, numpoints=2)
    theirs = _marker_columns(mplt, handler, numpoints=2)
    assert len(theirs) >= 2
    np.testing.assert_allclose(ours, theirs, atol=1.5)
