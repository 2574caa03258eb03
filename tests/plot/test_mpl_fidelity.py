"""matplotlib scripts run with one changed import and look the same: what a tight save
keeps, what ``cla`` resets, how images set the limits, stable layouts, what streamplot
lists."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.colors import to_hex
from PIL import Image

import lumos.pyplot as plt


def _png(fig, **kwargs) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", **kwargs)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L")).astype(int)


def test_tight_save_keeps_the_offset_text_below_the_figure():
    """The x axis' "1e6" hangs below a 6 x 3 in figure; a tight save grows the file to
    hold it, and draws it there (it was cut at the figure's old bottom edge)."""
    fig, ax = plt.subplots(figsize=(6, 3))
    x = np.linspace(0, 5e6, 50)
    ax.plot(x, x * 1e9)
    x0, y0, x1, y1 = fig.get_tightbbox().extents
    assert y0 < 0  # the offset text reaches below the figure
    img = _png(fig, bbox_inches="tight", pad_inches=0)
    below = img[-int(-y0) + 1:, -60:]  # the rows under the figure's old bottom edge
    assert (below < 128).sum() > 10  # the offset text's lower part is there


def _after_cla(plt_module, ticker):
    """What ``cla`` leaves, read the same way from matplotlib and lumos."""
    fig, ax = plt_module.subplots()
    ax.set_xlim(3, 5)
    ax.set_yscale("log")
    ax.tick_params(labelsize=14, colors="r", direction="in")
    ax.grid(True)
    ax.margins(0.3)
    ax.invert_xaxis()
    ax.set_title("old")
    ax.set_xlabel("old x")
    ax.xaxis.set_major_formatter(ticker.FormatStrFormatter("%g!"))
    ax.xaxis.set_major_locator(ticker.MultipleLocator(0.5))
    ax.plot([1, 2])
    ax.plot([1, 3])
    ax.cla()
    empty = tuple(float(v) for v in ax.get_xlim())
    line, = ax.plot([0, 10], [5, 6])
    return {"empty": empty, "xlim": tuple(round(float(v), 6) for v in ax.get_xlim()),
            "ylim": tuple(round(float(v), 6) for v in ax.get_ylim()),
            "yscale": ax.get_yscale(), "margins": tuple(ax.margins()),
            "inverted": ax.xaxis_inverted(), "auto": ax.get_autoscalex_on(),
            "formatter": type(ax.xaxis.get_major_formatter()).__name__,
            "locator": type(ax.xaxis.get_major_locator()).__name__,
            "title": ax.get_title(), "xlabel": ax.get_xlabel(),
            "color": to_hex(line.get_color())}


def test_cla_resets_what_matplotlib_resets():
    """Limits, scales, locators, formatters, margins, titles and the color cycle start
    over after ``cla``, as in matplotlib."""
    import matplotlib.pyplot as mplt
    from matplotlib import ticker as mticker

    from lumos import ticker as lticker

    want = _after_cla(mplt, mticker)
    got = _after_cla(plt, lticker)
    assert got == want


def test_cla_keeps_tick_params_and_polar_circle():
    """matplotlib keeps ``tick_params`` through ``cla``; a polar axes is a full circle
    again, its r axis starting at 0."""
    fig, ax = plt.subplots()
    ax.tick_params(labelsize=14, direction="in")
    ax.cla()
    assert ax.xaxis.major.labelsize == 14 and ax.xaxis.major.direction == "in"
    pax = plt.figure().add_subplot(projection="polar")
    pax.plot([0, 1], [0, 3])
    pax.set_rmax(5)
    pax.cla()
    pax.plot(np.linspace(0, 6, 20), np.linspace(0, 2, 20))
    assert pax.get_xlim() == (0.0, 2 * np.pi)
    assert pax.get_ylim()[0] == 0.0 and abs(pax.get_ylim()[1] - 2.1) < 1e-9


def _image_limits(plt_module) -> list:
    img = np.arange(12.0).reshape(3, 4)
    fig, axs = plt_module.subplots(1, 4)
    axs[0].plot([-3, 10], [-2, 8])
    axs[0].imshow(img)  # after a plot: the image's extent, not both
    axs[1].imshow(img)
    axs[1].plot([-3, 10], [-2, 8])  # a plot after: both, the image's edges sticky
    axs[2].plot([1, 2], [0.5, 1.5])
    axs[2].imshow(img, extent=(0, 8, 0, 3), aspect="auto")
    axs[3].imshow(img, extent=(0, 8, 0, 3))
    axs[3].plot([1, 2], [0.5, 9])
    fig.canvas.draw()
    return [([round(float(v), 6) for v in (*a.get_xlim(), *a.get_ylim())], a.get_aspect())
            for a in axs]


def test_imshow_sets_the_limits_to_its_extent():
    """As matplotlib: imshow after a plot shows the image (the plot's pending fit is
    dropped, also at the draw); a plot after imshow fits both."""
    import matplotlib.pyplot as mplt

    assert _image_limits(plt) == _image_limits(mplt)


def _rgba(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="rgba")
    return np.frombuffer(buf.getvalue(), np.uint8)


def test_layouts_give_the_same_pixels_on_every_render():
    """A colorbar's pad follows its parent's box: the layout runs until the boxes
    settle, so the second render of a figure is the first one (it moved by ~0.2 px)."""
    for layout in ("constrained", "tight"):
        fig, axs = plt.subplots(2, 2, figsize=(6, 4), layout=layout)
        for a in axs.flat:
            a.plot(np.linspace(0, 5e6, 10), np.linspace(0, 1e-3, 10))
            a.set_title("t")
            a.set_ylabel("y")
        fig.colorbar(axs[0, 0].imshow(np.eye(3)), ax=axs[0, 0])
        fig.suptitle("S")
        first = _rgba(fig)
        boxes = [a.box for a in fig.axes]
        assert np.array_equal(_rgba(fig), first), layout
        assert np.allclose([a.box for a in fig.axes], boxes, rtol=0, atol=1e-5), layout


def _stream_patches(plt_module) -> tuple:
    Y, X = np.mgrid[-3:3:30j, -3:3:30j]
    fig, ax = plt_module.subplots()
    ax.streamplot(X, Y, -1 - X**2 + Y, 1 + X - Y**2, density=0.6)
    n = len(ax.patches)
    for p in ax.patches[: n // 2]:
        p.remove()
    ax.patches[0].set_color("red")
    return (n, len(ax.patches), {type(p).__name__ for p in ax.patches},
            to_hex(ax.patches[0].get_facecolor()), to_hex(ax.patches[1].get_facecolor()))


def test_streamplot_lists_one_fancy_arrow_patch_per_arrow():
    """``ax.patches`` holds one FancyArrowPatch per arrow, as matplotlib's; removing or
    recoloring one changes that arrow (the arrows still draw together)."""
    import matplotlib.pyplot as mplt

    assert _stream_patches(plt) == _stream_patches(mplt)
    fig, ax = plt.subplots()
    Y, X = np.mgrid[-1:1:10j, -1:1:10j]
    s = ax.streamplot(X, Y, np.ones_like(X), np.zeros_like(X))
    assert len(s.arrows.get_facecolor()) >= 1 and ax.patches
    for p in ax.patches:
        p.remove()
    assert ax.patches == [] and s.arrows not in ax.artists


def _subfigure_square(plt_module) -> tuple:
    fig = plt_module.figure(figsize=(8, 5))
    sub = fig.subfigures(1, 2)[0]
    ax = sub.subplots(4, 3, subplot_kw={"aspect": 1})[0, 0]
    ax.plot(0.5, 0.5, "o")
    fig.canvas.draw()
    return tuple(round(float(v), 6) for v in ax.get_position().bounds)


def test_aspect_in_a_subfigure_follows_the_subfigure():
    """A fixed-aspect axes in a half-width subfigure is square on the page (it was
    drawn half as wide: the aspect used the whole figure's shape)."""
    import matplotlib.pyplot as mplt

    assert _subfigure_square(plt) == _subfigure_square(mplt)


def test_text_window_extent_is_a_bbox_that_transforms():
    """``get_window_extent().transformed(ax.transData.inverted())``, as matplotlib's
    gallery does it, gives the text's box in data units."""
    fig, ax = plt.subplots()
    t = ax.text(0.5, 0.5, "Tpg", rotation=40)
    fig.canvas.draw()
    bb = t.get_window_extent().transformed(ax.transData.inverted())
    assert bb.x0 == pytest.approx(0.5) and 0.5 < bb.x1 < 0.7  # left-aligned: starts there
    assert 0.4 < bb.y0 < 0.5 < bb.y1 < 0.7


def test_matshow_places_its_axes_and_ticks_as_matplotlib():
    """pyplot.matshow: the axes at matplotlib's (0.15, 0.09, 0.775, 0.775) of a figure
    of the matrix's shape, x labels on top and x ticks on both sides."""
    import matplotlib.pyplot as mplt

    def read(p):
        p.matshow(np.diag(np.arange(1.0, 15.0)))
        ax = p.gcf().axes[0]
        return (tuple(round(float(v), 6) for v in ax.get_position().bounds),
                ax.xaxis.get_ticks_position(), ax.xaxis.get_label_position())

    assert read(plt) == read(mplt)


def test_gouraud_mesh_leaves_out_triangles_at_masked_points():
    """pcolormesh(shading='gouraud') of masked data draws no triangle touching a masked
    point (matplotlib's way; not smeared into them, not in the 'bad' color)."""
    from lumos import colors

    x, y = np.meshgrid(np.linspace(0, 1, 11), np.linspace(0, 1, 11))
    z = np.ma.masked_where(y < 0.5, x + y)
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    cmap = colors.get_cmap("viridis").with_extremes(bad="y")
    ax.pcolormesh(x, y, z, shading="gouraud", cmap=cmap)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    img = _png(fig)
    fx, fy = ax.to_pixels(0.5, 0.3)  # under the masked half
    assert img[int(img.shape[0] - fy), int(fx)] > 250  # white: the axes' background
    fx, fy = ax.to_pixels(0.5, 0.8)
    assert img[int(img.shape[0] - fy), int(fx)] < 200  # the mesh


def test_image_set_transform_takes_transforms_and_names_bad_ones():
    """matplotlib's affine_image example turns an image after imshow: lumos draws it
    turned (tests/plot/test_image_filters.py); something not a transform is named."""
    fig, ax = plt.subplots()
    im = ax.imshow(np.eye(3))
    im.set_transform(ax.transData)
    assert im.get_transform() is ax.transData
    with pytest.raises(TypeError, match="transform"):
        im.set_transform("data")


def _right_label_ink(va) -> float:
    fig, ax = plt.subplots(figsize=(3, 3), dpi=100)
    ax.yaxis.set_label_position("right")
    kw = {} if va is None else {"va": va}
    ax.set_ylabel("LABEL", rotation=-90, **kw)
    ax.set_yticks([])
    ax.set_xticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    img = _png(fig)  # the label is all that is drawn
    return float(np.nonzero((img < 128).any(axis=0))[0].mean())


def test_axis_label_alignment_keywords_are_honoured():
    """set_ylabel(..., rotation=-90, va="bottom") (a colorbar's label reading down)
    turns the label about its bottom, so it lies further out than with the default
    alignment, as in matplotlib (va was accepted and ignored)."""
    assert _right_label_ink("bottom") > _right_label_ink(None) + 5


def test_labels_set_after_shared_subplots_show():
    """subplots(sharey=True) hides the inner y tick labels; a y label set afterwards on
    an inner axes shows (matplotlib clears the labels at creation, it does not hide
    later ones); label_outer() called later clears it."""
    import matplotlib.pyplot as mplt

    def read(p):
        fig, axs = p.subplots(1, 2, sharey=True)
        axs[1].set_ylabel("inner")
        before = axs[1].get_ylabel()
        axs[1].label_outer()
        return before, axs[1].get_ylabel()

    assert read(plt) == read(mplt) == ("inner", "")
    fig, axs = plt.subplots(1, 2, sharey=True, figsize=(4, 2), dpi=100)
    axs[1].set_ylabel("INNER LABEL", fontsize=14)
    img = _png(fig)
    x0 = int(axs[0].box[0] + axs[0].box[2]) + 2
    x1 = int(axs[1].box[0]) - 1
    assert (img[:, x0:x1] < 128).sum() > 30  # the label between the two axes
