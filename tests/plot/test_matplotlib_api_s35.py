"""Small matplotlib API the gallery scripts use, compared with matplotlib 3.11: a font
file as ``font=`` (font_file.py, font_table.py), ``Annotation.arrow_patch``
(patheffect_demo.py), ``Line2D.get_transform`` (svg_filter_line.py) and one
``ax.xaxis.label`` object per axis."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.patheffects as mpe  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

import lumos.pyplot as plt  # noqa: E402
from lumos.plot.fonts import FontProperties  # noqa: E402

CMR10 = Path(matplotlib.get_data_path(), "fonts/ttf/cmr10.ttf")


def _rgb(fig) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), dtype=float)


def _both(build) -> tuple[np.ndarray, np.ndarray]:
    """(lumos's picture, matplotlib's) of ``build(pyplot)``."""
    out = []
    for pyplot in (plt, mplt):
        fig = build(pyplot)
        out.append(_rgb(fig))
        pyplot.close(fig)
    return out[0], out[1]


# -- font= a font file ---------------------------------------------------------------------
def test_title_font_path_draws_that_file_as_matplotlib():
    """font_file.py: ``set_title(..., font=Path(cmr10.ttf))``: the file's family and
    matplotlib's size (a FontProperties from a file has rcParams' font.size), and the
    title as wide as matplotlib draws it (DejaVu is about 20% wider)."""
    widths, names, sizes = [], [], []
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        title = ax.set_title("This is a special font: cmr10.ttf", font=CMR10)
        fig.canvas.draw()
        widths.append(title.get_window_extent().width)
        names.append(title.get_fontname())
        sizes.append(title.get_fontsize())
        pyplot.close(fig)
    assert names == ["cmr10", "cmr10"]
    assert sizes[0] == sizes[1] == 10.0
    assert widths[0] == pytest.approx(widths[1], rel=0.03)


def test_font_path_pictures_closer_to_matplotlib_than_dejavu():
    def build(font):
        def make(pyplot):
            fig = pyplot.figure(figsize=(3, 1), dpi=100)
            fig.text(0.05, 0.4, "Hamburgefonstiv 123", size=16, font=font)
            return fig
        return make

    lumos_file, mpl_file = _both(build(CMR10))
    lumos_default = _rgb(build(None)(plt))
    with_file = abs(lumos_file - mpl_file).mean()
    assert with_file < 0.5 * abs(lumos_default - mpl_file).mean()
    assert with_file < 3.0


def test_fontproperties_fname_and_str_is_a_family():
    fp = FontProperties(fname=str(CMR10))
    assert fp.get_file() == str(CMR10.resolve())
    assert fp.face().font_name == "cmr10"
    # as matplotlib: a str given as font= is a family, never a path
    fig, ax = plt.subplots()
    t = ax.text(0, 0, "x", font="serif")
    assert t.get_fontproperties().get_file() is None and t.get_family() == ["serif"]
    t.set_fontproperties(CMR10)
    assert t.get_fontproperties().get_file() == str(CMR10.resolve())
    t.set_fontproperties("monospace")  # a new font replaces the file
    assert t.get_fontproperties().get_file() is None
    plt.close(fig)


def test_font_path_bad_input_names_fname():
    with pytest.raises(ValueError, match="fname"):
        FontProperties(fname="/no/such/font.ttf")
    with pytest.raises(TypeError, match="fname"):
        FontProperties(fname=3)
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="font file"):  # tick labels draw bundled faces
        ax.get_xticklabels()[0].set_fontproperties(CMR10)
    plt.close(fig)


def test_table_cell_text_font_path():
    """font_table.py: ``cell.set_text_props(font=Path(path))`` draws the cells with
    that file (narrower than DejaVu: the table's columns shrink with it)."""
    widths = []
    for font in (None, CMR10):
        fig, ax = plt.subplots()
        table = ax.table(cellText=[["Hamburgefonstiv"]], loc="center")
        cell = table.get_celld()[(0, 0)]
        if font is not None:
            cell.set_text_props(font=font)
        widths.append(cell.required_width(400.0, 1.0))
        plt.close(fig)
    assert widths[1] < 0.9 * widths[0]


# -- Annotation.arrow_patch ---------------------------------------------------------------
def test_arrow_patch_none_without_arrowprops_as_matplotlib():
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        assert ax.annotate("a", (0.5, 0.5)).arrow_patch is None
        assert ax.annotate("b", (0.5, 0.5), (0.1, 0.1),
                           arrowprops=dict(arrowstyle="->")).arrow_patch is not None
        pyplot.close(fig)


def _annotated(effects, color=None):
    def make(pyplot):
        fig, ax = pyplot.subplots(figsize=(3, 3), dpi=100)
        ax.set_facecolor("k")
        txt = ax.annotate("", (0.8, 0.8), (0.2, 0.2),
                          arrowprops=dict(arrowstyle="->", connectionstyle="angle3", lw=2))
        if effects:
            txt.arrow_patch.set_path_effects([mpe.Stroke(linewidth=6, foreground="w"),
                                              mpe.Normal()])
        if color is not None:
            txt.arrow_patch.set_color(color)
        return fig
    return make


def test_arrow_patch_path_effects_drawn_as_matplotlib():
    """patheffect_demo.py: a white Stroke under the arrow (on a black axes): lumos's
    picture is near matplotlib's with it, and far without it."""
    lumos_fx, mpl_fx = _both(_annotated(True))
    lumos_plain = _rgb(_annotated(False)(plt))

    def white(img):  # white pixels inside the black axes
        return (img[50:250, 50:250].min(axis=2) > 200).sum()

    assert white(lumos_fx) > 100 and white(lumos_plain) == 0
    assert white(lumos_fx) == pytest.approx(white(mpl_fx), rel=0.25)
    assert abs(lumos_fx - mpl_fx).mean() < 0.5 * abs(lumos_plain - mpl_fx).mean()


def test_arrow_patch_set_color_as_matplotlib():
    lumos_red, mpl_red = _both(_annotated(False, color="r"))
    red = [((img[..., 0] > 200) & (img[..., 1] < 80)).sum() for img in (lumos_red, mpl_red)]
    assert red[0] > 50 and red[0] == pytest.approx(red[1], rel=0.3)


def test_arrow_patch_setters_check_their_input():
    fig, ax = plt.subplots()
    patch = ax.annotate("a", (0, 0), (1, 1), arrowprops=dict(arrowstyle="->")).arrow_patch
    with pytest.raises(TypeError, match="path_effects"):
        patch.set_path_effects([mpe.TickedStroke()])
    with pytest.raises(ValueError, match="color"):
        patch.set_color("not a color")
    plt.close(fig)


# -- Line2D.get_transform -----------------------------------------------------------------
def test_line_get_transform_is_trans_data_as_matplotlib():
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        line, = ax.plot([0, 1], [0, 1])
        assert line.get_transform() is ax.transData
        moved, = ax.plot([0, 1], [0, 1], transform=ax.transAxes)
        assert np.allclose(moved.get_transform().transform([[1, 1]]),
                           ax.transAxes.transform([[1, 1]]))
        pyplot.close(fig)


# -- one axis label object per axis -------------------------------------------------------
def test_axis_label_is_one_object_as_matplotlib():
    for pyplot in (plt, mplt):
        fig, ax = pyplot.subplots()
        label = ax.xaxis.label
        assert label is ax.xaxis.label is ax.xaxis.get_label()
        assert ax.set_xlabel("first") is label
        ax.set_xlabel("second")
        assert label.get_text() == "second"  # the object held follows the text
        label.set_color("red")
        label.set_fontsize(15)
        assert ax.xaxis.label.get_color() in ("red", (1.0, 0.0, 0.0, 1.0))
        assert ax.xaxis.label.get_fontsize() == 15
        assert ax.yaxis.label is not label
        pyplot.close(fig)
