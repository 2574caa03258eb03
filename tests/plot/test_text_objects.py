"""matplotlib's text objects: ``ax.texts`` lists texts and annotations, and
``Text.get_bbox_patch()`` is a patch (FancyBboxPatch) or None."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.plot.boxstyles import BoxStyle

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _texts(lib) -> list[tuple[str, str]]:
    fig, ax = lib.subplots()
    ax.text(0.1, 0.1, "a")
    ax.annotate("b", (0.5, 0.5), xytext=(0.2, 0.8), arrowprops={"arrowstyle": "->"})
    ax.annotate("c", (0.3, 0.3))
    ax.plot([0, 1])
    out = [(type(t).__name__, t.get_text()) for t in ax.texts]
    lib.close(fig)
    return out


def test_axes_texts_lists_annotations_as_matplotlib():
    assert _texts(plt) == _texts(mplt) == [("Text", "a"), ("Annotation", "b"),
                                           ("Annotation", "c")]


def test_removed_annotation_leaves_texts_and_cla_empties_it():
    fig, ax = plt.subplots()
    t = ax.text(0, 0, "a")
    a = ax.annotate("b", (0.5, 0.5))
    a.remove()
    assert ax.texts == [t]
    ax.annotate("c", (0.5, 0.5))
    ax.cla()
    assert ax.texts == []
    plt.close(fig)


def _patch(lib, bbox):
    fig, ax = lib.subplots(figsize=(4, 3), dpi=100)
    t = ax.text(0.5, 0.5, "boxed", bbox=bbox)
    fig.canvas.draw()
    p = t.get_bbox_patch()
    if p is None:
        lib.close(fig)
        return None
    style = p.get_boxstyle()
    out = (type(style).__name__.lower() if lib is mplt else style.name,
           float(style.pad), tuple(np.round(p.get_facecolor(), 3)),
           tuple(np.round(p.get_edgecolor(), 3)), float(p.get_linewidth()),
           p.get_window_extent().extents, p is t.get_bbox_patch())
    lib.close(fig)
    return out


@pytest.mark.parametrize("bbox", [None, {"boxstyle": "round", "fc": "yellow", "ec": "red"},
                                  {"facecolor": "0.9", "pad": 6, "linewidth": 2},
                                  {"boxstyle": "square,pad=0.5", "color": "C1", "alpha": 0.5}])
def test_bbox_patch_reads_as_matplotlibs(bbox):
    ours, theirs = _patch(plt, bbox), _patch(mplt, bbox)
    if theirs is None:
        assert ours is None
        return
    assert ours[:5] == theirs[:5]
    assert ours[6] and theirs[6]  # one object
    np.testing.assert_allclose(ours[5], theirs[5], atol=2.5)  # text widths differ a little


def test_bbox_patch_setters_restyle_the_box():
    fig, ax = plt.subplots()
    t = ax.text(0.5, 0.5, "boxed", bbox={"boxstyle": "round", "color": "C1"})
    p = t.get_bbox_patch()
    p.set_facecolor("yellow")
    assert p.get_facecolor() == (1.0, 1.0, 0.0, 1.0)
    assert p.get_edgecolor()[:3] == pytest.approx((1.0, 0.498, 0.055), abs=1e-3)  # kept
    p.set_boxstyle("circle", pad=0.4)
    assert isinstance(p.get_boxstyle(), BoxStyle) and p.get_boxstyle().name == "circle"
    assert p.get_boxstyle().pad == 0.4
    p.set(ec="blue", lw=3)
    assert p.get_edgecolor() == (0.0, 0.0, 1.0, 1.0) and p.get_linewidth() == 3
    assert t.get_bbox_patch() is p
    with pytest.raises(TypeError, match="hatch"):
        p.set(hatch="/")
    t.set_bbox(None)
    assert t.get_bbox_patch() is None
    plt.close(fig)


def test_text_and_annotate_take_their_artist_keywords_alike():
    """``text`` and ``annotate`` share one reading of the keywords: zorder, label and
    fontdict honoured, animated accepted, rasterized=True refused naming the call."""
    fig, ax = plt.subplots()
    t = ax.text(0, 0, "a", zorder=7, label="t", animated=True, fontdict={"size": 14})
    a = ax.annotate("b", (0.5, 0.5), zorder=8, label="n", animated=True,
                    fontdict={"size": 15})
    assert (t.get_zorder(), t.get_label(), t.get_fontsize()) == (7, "t", 14)
    assert (a.get_zorder(), a.get_label(), a.get_fontsize()) == (8, "n", 15)
    for call, make in (("text", lambda: ax.text(0, 0, "c", rasterized=True)),
                       ("annotate", lambda: ax.annotate("c", (0, 0), rasterized=True))):
        with pytest.raises(TypeError, match=f"^{call}: rasterized=True"):
            make()
    assert ax.texts == [t, a]
    plt.close(fig)


def _figure_png(title: str, xlabel: str) -> bytes:
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [1, 3, 2])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def test_a_figure_draws_the_same_whatever_figures_were_drawn_before(monkeypatch):
    """A figure's PNG does not depend on what the process drew before: on a new glyph
    atlas (as a new process starts with) and on one another figure's glyphs filled
    first, so that this figure's glyphs lie elsewhere in the atlas and in the sheets,
    the bytes are the same (the text shader samples each glyph in its cell's own
    texels)."""
    from lumos.visuals import glyphs

    figure = ("Sample title: Quick brown fox", "x label $x^2$")
    monkeypatch.setattr(glyphs, "_ATLASES", {})
    fresh = _figure_png(*figure)
    monkeypatch.setattr(glyphs, "_ATLASES", {})
    _figure_png("Ωμέγα ∫ ÄÖÜ ñ €₤ — αβγδ $\\frac{\\alpha}{\\beta}\\sum_i$ ♠♣♥",
                "ĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĸĹĻĽĿŁŃŅŇŉŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ")
    assert _figure_png(*figure) == fresh
