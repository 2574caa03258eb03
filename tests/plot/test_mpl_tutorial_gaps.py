"""matplotlib's users_explain and plot_types tutorials that crashed or drew something
else with one changed import: custom box styles, legend handlers, path effects on texts,
``GridSpec.tight_layout``, Artist keywords."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402


def _png(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")).astype(int)


def _ink_box(img: np.ndarray, test) -> tuple:
    """(x0, y0, x1, y1) of the pixels where ``test(img)`` holds."""
    ys, xs = np.nonzero(test(img))
    return xs.min(), ys.min(), xs.max(), ys.max()


class _Angled:
    """annotations.py's registered box: a square with a point on its left side."""

    def __init__(self, pad=0.3):
        self.pad = pad

    def __call__(self, x0, y0, width, height, mutation_size):
        pad = mutation_size * self.pad
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x0 + width + pad, y0 + height + pad
        return MplPath([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0 - pad, (y0 + y1) / 2),
                        (x0, y0), (x0, y0)], closed=True)


@pytest.mark.parametrize("where", ["matplotlib", "lumos", "object"])
def test_registered_box_style_as_matplotlib(where):
    """``BoxStyle._style_list["angled"] = MyStyle`` (in matplotlib's registry, which the
    tutorial fills, or lumos's) and a user box-style object draw matplotlib's box."""
    from lumos.patches import BoxStyle

    registry = {"matplotlib": mpatches.BoxStyle._style_list,
                "lumos": BoxStyle._style_list, "object": {}}[where]
    boxes = []
    for mod in (plt, mplt):
        style = _Angled(0.5) if where == "object" else "angled,pad=0.5"
        (registry if mod is plt else mpatches.BoxStyle._style_list)["angled"] = _Angled
        try:
            fig, ax = mod.subplots(figsize=(3, 3))
            ax.text(0.5, 0.5, "Test", size=30, va="center", ha="center", rotation=30,
                    bbox=dict(boxstyle=style, fc="r", ec="none"))
            boxes.append(_ink_box(_png(fig), lambda im: (im[..., 0] > 200)
                                  & (im[..., 1] < 60)))
            if mod is plt and where != "object":
                assert isinstance(BoxStyle("angled"), _Angled)
        finally:
            registry.pop("angled", None)
            mpatches.BoxStyle._style_list.pop("angled", None)
    np.testing.assert_allclose(boxes[0], boxes[1], atol=2)
    assert sorted(BoxStyle.get_styles()) == sorted(mpatches.BoxStyle.get_styles())
    with pytest.raises(ValueError, match="angled"):
        BoxStyle("angled")


def test_every_matplotlib_style_name_is_known():
    from lumos.plot.arrowstyles import CONNECTIONS, STYLES

    assert sorted(STYLES) == sorted(mpatches.ArrowStyle.get_styles())
    assert sorted(CONNECTIONS) == sorted(mpatches.ConnectionStyle.get_styles())


class _AnyObject:
    pass


class _AnyObjectHandler:
    """legend_guide's handler of its own: a red box filling the handle box."""

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        x0, y0 = handlebox.xdescent, handlebox.ydescent
        patch = mpatches.Rectangle([x0, y0], handlebox.width, handlebox.height,
                                   facecolor="red", edgecolor="none",
                                   transform=handlebox.get_transform())
        handlebox.add_artist(patch)
        return patch


def test_custom_legend_handlers_as_matplotlib():
    """legend_guide: a class with ``legend_artist`` for an object of the script's, and a
    ``HandlerPatch`` subclass drawing an ellipse for a circle, draw where matplotlib's do."""
    from matplotlib.legend_handler import HandlerPatch

    class HandlerEllipse(HandlerPatch):
        def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height,
                           fontsize, trans):
            center = 0.5 * width - 0.5 * xdescent, 0.5 * height - 0.5 * ydescent
            p = mpatches.Ellipse(xy=center, width=width + xdescent, height=height + ydescent)
            self.update_prop(p, orig_handle, legend)
            p.set_transform(trans)
            return [p]

    red = lambda im: (im[..., 0] > 200) & (im[..., 1] < 60) & (im[..., 2] < 60)  # noqa: E731
    green = lambda im: (im[..., 1] > 100) & (im[..., 0] < 60)  # noqa: E731
    boxes = {}
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        ax.legend([_AnyObject()], ["My first handler"],
                  handler_map={_AnyObject: _AnyObjectHandler()})
        boxes.setdefault("box", []).append(_ink_box(_png(fig), red))
        fig, ax = mod.subplots()
        c = mpatches.Circle((5, 5), 0.25, facecolor="green", edgecolor="red",
                            linewidth=3)
        ax.add_patch(c)
        ax.set(xlim=(0, 1), ylim=(0, 1))  # only the legend's ellipse is seen
        ax.legend([c], ["An ellipse"], handler_map={mpatches.Circle: HandlerEllipse()})
        img = _png(fig)
        boxes.setdefault("ellipse", []).append(_ink_box(img, red))
        boxes.setdefault("inside", []).append(_ink_box(img, green))
    for key, (got, want) in boxes.items():
        # 2 px: lumos centres every handle on its row where matplotlib's packer aligns
        # the handle box with the label's baseline (lumos's own patch handles alike)
        np.testing.assert_allclose(got, want, atol=2, err_msg=key)
    with pytest.raises(TypeError, match="legend_artist"):
        plt.subplots()[1].legend([_AnyObject()], ["a"], handler_map={_AnyObject: object()})


@pytest.mark.parametrize("rect", [None, (0, 0, 0.5, 1.0)])
def test_matplotlib_gridspec_tight_layout_on_a_lumos_figure(rect):
    """tight_layout_guide: ``gs1 = matplotlib.gridspec.GridSpec(2, 1)``, its cells added
    to a lumos figure, ``gs1.tight_layout(fig, rect=...)`` places them as matplotlib does;
    the same grid still lays out a matplotlib figure."""
    from matplotlib import gridspec

    positions = []
    for mod in (plt, mplt):
        fig = mod.figure()
        gs1 = gridspec.GridSpec(2, 1)
        for cell in (gs1[0], gs1[1]):
            ax = fig.add_subplot(cell)
            ax.plot([1, 2])
            ax.set_xlabel("x-label", fontsize=12)
            ax.set_ylabel("y-label", fontsize=12)
            ax.set_title("Title", fontsize=12)
        gs1.tight_layout(fig, rect=rect)
        fig.canvas.draw()
        positions.append([a.get_position().extents for a in fig.axes])
    np.testing.assert_allclose(positions[0], positions[1], atol=0.012)
    assert positions[0][0][2] < (0.5 if rect else 1.0)


def test_path_patch_effect_on_text_as_matplotlib():
    """patheffects_guide: two PathPatchEffects on a text (a hatched gray copy offset by
    (4, -4) points, then the glyphs black with a white edge) draw what matplotlib's do:
    the same ink box, the same share of black, gray and white-edged pixels."""
    import matplotlib.patheffects as path_effects

    shares, boxes = [], []
    for mod in (plt, mplt):
        fig = mod.figure(figsize=(8.5, 1))
        t = fig.text(0.02, 0.5, "Hatch shadow", fontsize=75, weight=1000, va="center")
        t.set_path_effects([
            path_effects.PathPatchEffect(offset=(4, -4), hatch="xxxx", facecolor="gray"),
            path_effects.PathPatchEffect(edgecolor="white", linewidth=1.1,
                                         facecolor="black")])
        img = _png(fig)
        boxes.append(_ink_box(img, lambda im: im.sum(2) < 600))
        black = (img.sum(2) < 60).mean()
        gray = ((np.abs(img - 128) < 20).all(2)).mean()
        shares.append((black, gray))
    np.testing.assert_allclose(boxes[0], boxes[1], atol=4)
    np.testing.assert_allclose(shares[0], shares[1], rtol=0.15)
    assert shares[0][1] > 0.01  # the gray face under the hatch shows


def test_artist_keywords_honoured_or_refused_by_name():
    """Artist.set's keywords in a making call: ``animated`` is kept (texts, figure texts,
    annotations, pcolor...), ``aa``/``antialiaseds`` are pcolor's ``antialiased`` as in
    matplotlib; what lumos does not draw (gid, url, sketch_params, agg_filter, mouseover)
    is a TypeError naming it."""
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        made = [fig.text(0.1, 0.1, "a", animated=True), ax.text(0, 0, "b", animated=True),
                ax.annotate("c", (0, 0), animated=True),
                ax.pcolor(np.eye(2), animated=True), ax.pcolormesh(np.eye(2), animated=True)]
        assert [a.get_animated() for a in made] == [True] * 5, mod
        for spelled, value in (("aa", False), ("antialiaseds", True), ("antialiased", False)):
            got = np.ravel(ax.pcolor(np.eye(2), edgecolor="k", **{spelled: value})
                           .get_antialiased())
            assert list(got) == [value] * len(got), (mod, spelled)
    fig, ax = plt.subplots()
    calls = [lambda k: ax.plot([1, 2], **k), lambda k: ax.imshow(np.eye(2), **k),
             lambda k: fig.text(0, 0, "a", **k), lambda k: ax.scatter([1], [1], **k),
             lambda k: ax.pcolor(np.eye(2), **k)]
    for key, value in (("gid", "g"), ("url", "u"), ("sketch_params", (1, 100, 2)),
                       ("agg_filter", lambda im, dpi: (im, 0, 0)), ("mouseover", True)):
        for call in calls:
            with pytest.raises(TypeError, match=key):
                call({key: value})


@pytest.mark.parametrize("loc", ["outside upper right", "outside right upper",
                                 "outside lower left", "outside center left"])
def test_outside_figure_legend_side_as_matplotlib(loc):
    """legend_guide: the first word after 'outside' (less 'center') is the side the
    legend stands on: 'upper right' above the axes, 'right upper' beside them."""
    got = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots(figsize=(6, 4), layout="constrained")
        ax.plot([1, 2], [1, 2], label="TEST")
        leg = fig.legend(loc=loc, title=loc)
        fig.canvas.draw()
        box = leg.get_window_extent()
        got.append(np.r_[np.asarray(ax.get_position().extents) * 100,
                         box.x0, box.y0, box.x1, box.y1])
    np.testing.assert_allclose(got[0], got[1], atol=6)  # percent of the figure; pixels


@pytest.mark.parametrize("alignment", ["center", "left", "right"])
def test_legend_entries_under_a_wider_title_as_matplotlib(alignment):
    """legend_guide's outside legends: a title wider than the entries; matplotlib packs
    the entries at the title's ``alignment`` (centre by default)."""
    lines = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots(figsize=(4, 3))
        ax.plot([1, 2], [1, 2], color="r", lw=3, label="t")
        ax.legend(title="a rather long legend title", alignment=alignment, loc="center")
        ax.set_xlim(5, 6)  # only the legend's line is red
        lines.append(_ink_box(_png(fig), lambda im: (im[..., 0] > 200) & (im[..., 1] < 60)))
    np.testing.assert_allclose(lines[0], lines[1], atol=2.5)


def test_tight_layout_counts_axes_placed_by_a_divider():
    """tight_layout_guide: a colorbar in ``make_axes_locatable(ax).append_axes`` counts
    in its axes' grid cell (matplotlib's get_subplotspec_list reads the locator), so the
    image shrinks and the colorbar's labels stay in the figure."""
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    boxes = []
    for mod in (plt, mplt):
        fig = mod.figure(figsize=(4, 4))
        im = mod.imshow(np.arange(100).reshape((10, 10)), interpolation="none")
        ax = mod.gca()
        cax = make_axes_locatable(ax).append_axes("right", "5%", pad="3%")
        mod.colorbar(im, cax=cax)
        mod.tight_layout()
        fig.canvas.draw()
        boxes.append([np.asarray(a.get_position().extents) for a in (ax, cax)])
    np.testing.assert_allclose(boxes[0], boxes[1], atol=0.004)


def test_annotation_on_a_matplotlib_arrow_as_matplotlib():
    """annotations tutorial: ``annotate("label", (.5, .5), xycoords=arr)`` with arr a
    matplotlib FancyArrowPatch on the axes stands on the arrow (it read the arrow's
    matplotlib box, in data units taken for pixels: the label sat at the corner)."""
    extents = []
    for mod in (plt, mplt):
        fig, ax = mod.subplots(figsize=(3, 3))
        arr = mpatches.FancyArrowPatch((1.25, 1.5), (1.75, 1.5),
                                       arrowstyle="->,head_width=.15", mutation_scale=20)
        ax.add_patch(arr)
        an = ax.annotate("label", (.5, .5), xycoords=arr, ha="center", va="bottom")
        ax.set(xlim=(1, 2), ylim=(1, 2))
        fig.canvas.draw()
        extents.append(np.asarray(an.get_window_extent().extents))
    np.testing.assert_allclose(extents[0], extents[1], atol=2)
