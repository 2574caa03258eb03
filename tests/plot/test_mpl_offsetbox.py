"""matplotlib's AnchoredOffsetbox, AnnotationBbox and their boxes (TextArea, DrawingArea,
AuxTransformBox, OffsetImage, HPacker, VPacker, PaddedBox) added to lumos axes
(lumos/plot/mpl_offsetbox.py): laid out and framed where matplotlib puts them."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image
from pixels import bbox, ink  # tests/pixels.py

import lumos.pyplot as lplt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.offsetbox import (  # noqa: E402
    AnchoredOffsetbox,
    AnnotationBbox,
    AuxTransformBox,
    DrawingArea,
    HPacker,
    OffsetImage,
    PaddedBox,
    TextArea,
    VPacker,
)
from matplotlib.patches import Circle, Ellipse, FancyArrowPatch  # noqa: E402


def _circles(w=40, h=20):
    area = DrawingArea(w, h, 2, 3)
    area.add_artist(Circle((10, 7), 10, fc="tab:blue"))
    area.add_artist(Circle((30, 7), 5, fc="tab:red"))
    return area


def _drawn(plt, make, axis_off=True):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    if axis_off:
        ax.set_axis_off()
    ax.add_artist(make(ax))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB"))


# boxes without text: lumos's layout equals matplotlib's to the pixel
EXACT = [
    lambda ax: AnchoredOffsetbox("upper right", child=_circles(), pad=0, frameon=False),
    lambda ax: AnchoredOffsetbox("center", child=_circles(), pad=1, borderpad=2),
    lambda ax: AnchoredOffsetbox(8, child=PaddedBox(_circles(), pad=6, draw_frame=False),
                                 frameon=True),
    lambda ax: AnchoredOffsetbox("lower left", child=HPacker(
        children=[_circles(), _circles(20, 40)], align="top", sep=7, pad=2)),
    lambda ax: AnchoredOffsetbox("center left", child=VPacker(
        children=[_circles(), _circles(30, 10)], align="right", sep=4, mode="equal")),
    lambda ax: AnchoredOffsetbox("lower left", child=_circles(), pad=0.2, borderpad=0,
                                 bbox_to_anchor=(0.3, 0.6), bbox_transform=ax.transAxes),
]


@pytest.mark.parametrize("make", EXACT)
def test_boxes_where_matplotlib_draws_them(make):
    got, want = bbox(ink(_drawn(lplt, make))), bbox(ink(_drawn(mplt, make)))
    assert got is not None
    assert np.abs(np.subtract(got, want)).max() <= 1, (got, want)


def _text_boxes(ax):
    aux = AuxTransformBox(ax.transData)
    aux.add_artist(Line2D([0, 0.3], [0, 0], color="k"))
    rows = VPacker(children=[aux, TextArea("1 mm")], align="center", sep=5)
    return AnchoredOffsetbox("lower center", child=HPacker(
        children=[TextArea(" Test: "), rows], align="center"), pad=0.5, frameon=True)


def _round(ax):
    box = AnchoredOffsetbox("upper left", child=TextArea("Figure 1a"), frameon=True)
    box.patch.set_boxstyle("round,pad=0.,rounding_size=0.2")
    return box


@pytest.mark.parametrize("make", [_text_boxes, _round])
def test_text_boxes_where_matplotlib_draws_them(make):
    # texts measured at their pixel size, hinted as they are drawn (they were measured
    # at their size in points: the round box's right edge sat 3-4 px short)
    got, want = bbox(ink(_drawn(lplt, make))), bbox(ink(_drawn(mplt, make)))
    assert got is not None
    assert np.abs(np.subtract(got, want)).max() <= 1, (got, want)


def test_multiline_text_area_on_its_middle_baseline():
    def make(ax):
        return AnchoredOffsetbox("center", frameon=True, child=HPacker(children=[
            TextArea("two\nlines", multilinebaseline=True), TextArea("Ag")],
            align="baseline"))

    got, want = bbox(ink(_drawn(lplt, make))), bbox(ink(_drawn(mplt, make)))
    assert np.abs(np.subtract(got, want)).max() <= 1, (got, want)  # main: 2


def test_children_follow_the_layout_as_matplotlib_places_them():
    def place(plt):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        area = _circles()
        ax.add_artist(AnchoredOffsetbox("upper center", child=HPacker(
            children=[_circles(), area], sep=3, align="bottom")))
        aux = AuxTransformBox(ax.transData)
        ell = Ellipse((0.5, 0.5), 0.2, 0.1)
        aux.add_artist(ell)
        ax.add_artist(AnchoredOffsetbox("lower right", child=aux))
        ax.set_xlim(0, 2)  # the data box shrinks: the frame and the ellipse follow
        fig.canvas.draw()
        pts = [[0, 0], [10, 20]]
        out = (area.get_children()[0].get_transform().transform(pts),
               ell.get_transform().transform(pts))
        plt.close(fig)
        return np.concatenate(out)

    np.testing.assert_allclose(place(lplt), place(mplt), atol=1e-6)


def test_what_lumos_cannot_draw_raises_before_adding_anything():
    fig, ax = lplt.subplots()
    area = DrawingArea(20, 20)
    area.add_artist(FancyArrowPatch((0, 0), (10, 10)))
    n = len(ax.artists) if hasattr(ax, "artists") else None
    with pytest.raises(TypeError, match="FancyArrowPatch"):
        ax.add_artist(AnchoredOffsetbox("center", child=HPacker(children=[
            TextArea("a"), area])))
    if n is not None:
        assert len(ax.artists) == n
    with pytest.raises(ValueError, match="align"):
        ax.add_artist(AnchoredOffsetbox("center", child=HPacker(
            children=[_circles()], align="middle")))
    lplt.close(fig)


def test_svg_draws_the_texts_and_frame():
    # SVG draws glyphs as paths: the markup parses whatever the text holds, and the
    # box's glyphs and frame are there
    def svg(add):
        fig, ax = lplt.subplots()
        ax.set_axis_off()
        if add:
            ax.add_artist(AnchoredOffsetbox("upper left", child=TextArea("a<b&c")))
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
        lplt.close(fig)
        return buf.getvalue().decode()

    empty, boxed = svg(False), svg(True)
    ElementTree.fromstring(boxed)
    assert boxed.count("<use") - empty.count("<use") == 5
    assert boxed.count("<path") > empty.count("<path")


def _image_box(ax):
    image = OffsetImage(np.arange(100.0).reshape(10, 10), zoom=2, cmap="viridis")
    return AnnotationBbox(image, xy=(0.3, 0.55), xybox=(-50.0, 30.0),
                          boxcoords="offset points", pad=0.3,
                          arrowprops=dict(arrowstyle="->"))


def _area_box(ax):
    area = _circles(60, 30)
    return AnnotationBbox(area, xy=(0.05, 0.5), xybox=(0.55, 0.5),
                          boxcoords=("axes fraction", "data"), box_alignment=(0, 0.5),
                          arrowprops=dict(arrowstyle="->"), bboxprops=dict(alpha=0.5))


@pytest.mark.parametrize("make", [_image_box, _area_box])
def test_annotation_boxes_where_matplotlib_draws_them(make):
    # the frame, its contents and the arrow to xy (its head within 2 px): the ink's box
    # and the image's colors
    got, want = _drawn(lplt, make), _drawn(mplt, make)
    assert np.abs(np.subtract(bbox(ink(got)), bbox(ink(want)))).max() <= 2
    colored = [bbox((img[..., 1].astype(int) - img[..., 0]) > 60) for img in (got, want)]
    assert np.abs(np.subtract(*colored)).max() <= 1, colored


def _figure_box_drawn(plt, layout=None):
    """matplotlib's demo_annotation_box: two axes joined by a ConnectionPatch, and a
    figure's AnnotationBbox 30 points above its middle with an arrow down to it."""
    from matplotlib.patches import ConnectionPatch

    fig, axs = plt.subplots(1, 3, figsize=(5, 2), dpi=100, layout=layout)
    axs[1].set_axis_off()
    for ax in axs[::2]:
        ax.set_axis_off()
        ax.set(xlim=(0, 1), ylim=(0, 1))
    c = ConnectionPatch(xyA=(0.25, 0.75), xyB=(0.75, 0.25), coordsA=axs[0].transData,
                        coordsB=axs[2].transData, linewidth=0)
    fig.add_artist(c)
    fig.add_artist(AnnotationBbox(TextArea("Test 1"), xy=(0.5, 0.5), xybox=(0, 30),
                                  xycoords=c, boxcoords="offset points",
                                  arrowprops=dict(arrowstyle="->"),
                                  bboxprops=dict(boxstyle="round")))
    boxes = np.array([a.get_position().bounds for a in axs])
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB")), boxes


@pytest.mark.parametrize("layout", [None, "compressed"])
def test_figure_annotation_box_where_matplotlib_draws_it(layout):
    """fig.add_artist(AnnotationBbox(...)) (a TypeError before): its frame, text and
    arrow to the middle of a ConnectionPatch (xycoords=the patch) where matplotlib draws
    them, and the axes where matplotlib's layouts put them."""
    (got, got_boxes), (want, want_boxes) = _figure_box_drawn(lplt, layout), \
        _figure_box_drawn(mplt, layout)
    assert np.abs(np.subtract(bbox(ink(got)), bbox(ink(want)))).max() <= 2, \
        (bbox(ink(got)), bbox(ink(want)))
    np.testing.assert_allclose(got_boxes, want_boxes, atol=0.01)


def test_figure_annotation_box_refuses_axes_coordinates():
    fig = lplt.figure()
    fig.add_subplot()
    with pytest.raises(ValueError, match="xycoords: got 'data'"):
        fig.add_artist(AnnotationBbox(TextArea("T"), xy=(0.5, 0.5)))
    with pytest.raises(TypeError, match="without any"):
        lplt.figure().add_artist(AnnotationBbox(TextArea("T"), xy=(0.5, 0.5),
                                                xycoords="figure fraction"))
    lplt.close("all")
