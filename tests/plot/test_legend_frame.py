"""The legend frame's alpha as matplotlib sets it: opaque under a shadow unless the
script gives framealpha (gallery text_labels_and_annotations/legend_demo.py)."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402

CASES = [{"shadow": True}, {"shadow": True, "framealpha": 0.5}, {}, {"framealpha": 0.3}]


@pytest.mark.parametrize("kw", CASES)
def test_frame_alpha_is_matplotlibs(kw):
    alphas = []
    for lib in (plt, mplt):
        fig, ax = lib.subplots()
        ax.plot([0, 1], label="a")
        alphas.append(ax.legend(**kw).get_frame().get_alpha())
        lib.close(fig)
    assert alphas[0] == pytest.approx(alphas[1])


def test_a_shadowed_frame_hides_its_shadow():
    fig, ax = plt.subplots()
    ax.plot([0, 1], label="a line with a long label")
    leg = ax.legend(loc="upper left", shadow=True)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    box = leg.get_window_extent()
    h = img.shape[0]
    # inside the frame, right of the text, where the shadow lies 2 points down-right
    x, y = int(box.x1) - 3, int(h - box.y0) - 4
    assert tuple(img[y, x]) == (255, 255, 255)
    plt.close(fig)


def test_a_patch_legend_box_takes_the_patch_line_width_and_dashes():
    # gallery statistics/confidence_ellipse: dashed and dotted ellipses in the legend
    from matplotlib.patches import Ellipse as MplEllipse
    from matplotlib.patches import Rectangle as MplRectangle

    from lumos.patches import Ellipse

    fig, ax = plt.subplots()
    e = ax.add_patch(Ellipse((0, 0), 1, 2, facecolor="none", edgecolor="b",
                             linestyle="--", linewidth=2, label="e"))
    handle = e.legend_handle(10.0)
    px = fig.points_to_pixels
    width, dashes = handle.patch_edge
    assert width == pytest.approx(px(2))
    # matplotlib's dashed pattern scaled by the line width, as the patch draws it
    theirs = MplEllipse((0, 0), 1, 2, linestyle="--", linewidth=2)
    mpl_dashes = np.asarray(theirs._dash_pattern[1]) * fig.dpi / 72  # noqa: SLF001
    np.testing.assert_allclose(dashes, mpl_dashes, rtol=1e-6)
    solid = ax.add_patch(Ellipse((0, 0), 1, 1, edgecolor="k", label="s")).legend_handle(10.0)
    assert solid.patch_edge[1] is None
    # a matplotlib Patch given as a handle keeps its own rule
    ax.legend([e, MplRectangle((0, 0), 1, 1)], ["e", "r"])
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


@pytest.mark.parametrize("lw", [1.0, 4.0])
def test_frame_linewidth_is_drawn(lw):
    fig, ax = plt.subplots()
    ax.plot([0, 1], label="a line")
    leg = ax.legend(loc="center", edgecolor="black", framealpha=1)
    leg.get_frame().set_linewidth(lw)
    assert leg.get_frame().get_linewidth() == lw
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(buf).convert("L")).astype(int)
    box = leg.get_window_extent()
    h = img.shape[0]
    col = img[int(h - box.y1) - 8:int(h - box.y1) + 8, int((box.x0 + box.x1) / 2)]
    dark = int((col < 128).sum())
    assert dark == pytest.approx(fig.points_to_pixels(lw), abs=1.0)
    plt.close(fig)
