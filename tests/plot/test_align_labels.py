"""Figure.align_xlabels/align_ylabels/align_labels and axis labels with a box, against
matplotlib's label boxes (gallery text_labels_and_annotations/align_ylabels.py)."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402


def _grid(lib, align=None):
    fig, axs = lib.subplots(2, 2)
    fig.subplots_adjust(left=0.2, wspace=0.6)
    for (r, c), top in np.ndenumerate([[2000, 2000], [1, 1]]):
        axs[r, c].plot(top * np.linspace(0, 1, 10))
        axs[r, c].set_ylabel(f"label {r}{c}")
    if align == "y":
        fig.align_ylabels(axs[:, 1])
    elif align == "all":
        fig.align_labels()
    fig.canvas.draw()
    return fig, axs


def _x0(axs):
    return np.array([[ax.yaxis.label.get_window_extent().x0 for ax in row] for row in axs])


@pytest.mark.parametrize("align", [None, "y", "all"])
def test_aligned_y_labels_stand_where_matplotlib_puts_them(align):
    _, ours = _grid(plt, align)
    _, theirs = _grid(mplt, align)
    # within 1.5 px: lumos's "2000" tick labels are 1.1 px narrower, aligned or not
    np.testing.assert_allclose(_x0(ours), _x0(theirs), atol=1.5)
    x0 = _x0(ours)
    if align is None:
        assert abs(x0[0, 1] - x0[1, 1]) > 5  # '2000' labels are wider than '0.2'
    else:
        assert x0[0, 1] == pytest.approx(x0[1, 1])
    if align == "all":
        assert x0[0, 0] == pytest.approx(x0[1, 0])
    else:
        assert abs(x0[0, 0] - x0[1, 0]) > 5
    plt.close("all")
    mplt.close("all")


def test_align_xlabels_groups_axes_ending_on_the_same_row():
    out = []
    for lib in (plt, mplt):
        fig, axs = lib.subplots(1, 2)
        axs[0].plot([0, 1])
        axs[0].tick_params(axis="x", labelrotation=90)
        axs[0].set_xticks([0, 0.5], ["a long label", "b"])
        axs[1].plot([0, 1])
        for ax in axs:
            ax.set_xlabel("x")
        fig.align_xlabels()
        fig.canvas.draw()
        out.append([ax.xaxis.label.get_window_extent().y1 for ax in axs])
    ours, theirs = out
    assert ours[0] == pytest.approx(ours[1])
    np.testing.assert_allclose(ours, theirs, atol=2.5)  # turned tick labels: 2.1 px
    plt.close("all")
    mplt.close("all")


def test_ylabel_bbox_draws_the_box_and_bad_keys_are_named():
    fig, ax = plt.subplots()
    ax.plot([0, 1])
    ax.set_ylabel("boxed", bbox=dict(facecolor="yellow", pad=5, alpha=0.2))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(buf).convert("RGB")).astype(int)
    box = fig.axes[0].yaxis.label.get_window_extent()
    h = img.shape[0]
    cy, cx = int(h - (box.y0 + box.y1) / 2), int(box.x0) - 2  # just left of the text
    assert tuple(img[cy, cx]) == pytest.approx((255, 255, 204), abs=2)  # yellow at 0.2
    with pytest.raises(TypeError, match="bogus"):
        ax.set_ylabel("x", bbox=dict(bogus=1))
    plt.close(fig)


def _titles(lib, align):
    fig, axs = lib.subplots(2, 2)
    for ax in axs.flat:
        ax.plot([0, 1000], [0, 1])
        ax.set_title("Title")
    axs[0, 1].xaxis.tick_top()  # its title rises over the top tick labels
    if align:
        fig.align_titles()
    fig.canvas.draw()
    return np.array([[ax.title.get_window_extent().y0 for ax in row] for row in axs])


@pytest.mark.parametrize("align", [False, True])
def test_align_titles_raises_the_row_to_its_highest_title(align):
    ours, theirs = _titles(plt, align), _titles(mplt, align)
    np.testing.assert_allclose(ours, theirs, atol=0.5)
    # aligned, the top row shares the raised title's height; the bottom row stays
    assert (ours[0, 0] == ours[0, 1]) == align
    assert ours[1, 0] == ours[1, 1]
