"""What lumos accepts is honoured as matplotlib 3.11 honours it (stop 34):
``tick_params(zorder=...)``, rcParams' font.weight/font.style, ``svg.fonttype='none'``
text with ligatures, log autoscaling of values <= 0 and of a single value."""

import io
import warnings

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from plot_helpers import both_libraries  # noqa: E402  tests/plot/plot_helpers.py

import lumos.pyplot as plt  # noqa: E402


@pytest.mark.parametrize("kwargs", [{}, {"zorder": 10}, {"zorder": -5, "which": "minor"},
                                    {"zorder": 0.5, "which": "both"}])
def test_tick_params_zorder_on_tick_lines(kwargs):
    def make(fig):
        ax = fig.add_subplot()
        ax.minorticks_on()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ax.tick_params(**kwargs)
        major, minor = ax.xaxis.get_major_ticks()[0], ax.yaxis.get_minor_ticks()[0]
        return (major.tick1line.get_zorder(), major.tick2line.get_zorder(),
                minor.tick1line.get_zorder())

    mpl, lum = both_libraries(make)
    assert lum == pytest.approx(mpl)


def test_tick_params_zorder_orders_nothing():
    """matplotlib's Axis draws its ticks in one pass at the axis's zorder: a thick line
    covers the ticks whatever their zorder, in both libraries."""
    def picture(z):
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        ax.plot([0, 1], [0, 0], lw=20)
        ax.set_ylim(0, 1)
        if z is not None:
            ax.tick_params(zorder=z)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
        return np.frombuffer(buf.getvalue(), np.uint8)

    base = picture(None)
    assert np.array_equal(picture(10), base) and np.array_equal(picture(-5), base)


def test_tick_params_zorder_checked():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="zorder"):
        ax.tick_params(zorder="top")
    plt.close(fig)


@pytest.mark.parametrize("rc", [{"font.weight": "bold"}, {"font.style": "italic"},
                                {"font.weight": 700, "font.style": "oblique"}])
def test_rc_font_weight_and_style_for_new_texts(rc):
    """Texts made under rcParams' font.weight/font.style take them (text, tick labels,
    legend texts, offset texts); titles and axis labels keep axes.titleweight/labelweight."""
    def make(fig):
        pyplot = plt if type(fig).__module__.startswith("lumos") else mplt
        with pyplot.rc_context(rc), warnings.catch_warnings():
            warnings.simplefilter("error")
            ax = fig.add_subplot()
            t = fig.text(0.1, 0.1, "x")
            ax.set_title("title")
            ax.set_xlabel("label")
            ax.plot([1, 2], label="a")
            lg = ax.legend()
            tick = ax.xaxis.get_major_ticks()[0].label1
        return [(a.get_fontweight(), a.get_fontstyle())
                for a in (t, ax.title, ax.xaxis.label, tick, lg.get_texts()[0],
                          ax.yaxis.get_offset_text())]

    mpl, lum = both_libraries(make)
    assert lum == mpl


def test_rc_font_weight_draws_bold_tick_labels():
    def fonts(rc):
        with plt.rc_context(rc):
            fig, ax = plt.subplots()
            fig.text(0.5, 0.5, "text")
        fig.render()
        import lumos.primitives as P
        out = {p.text: str(p.font) for p in fig.canvas.primitives()
               if isinstance(p, P.GlyphRun)}
        plt.close(fig)
        return out

    normal, bold = fonts({}), fonts({"font.weight": "bold", "font.style": "italic"})
    assert "Bold" not in normal["text"] and "Bold" in bold["text"]
    assert "Oblique" in bold["text"] and "Oblique" in bold["0.0"]
    assert "Bold" in bold["0.0"] and "Bold" not in normal["0.0"]


@pytest.mark.parametrize("s", ["office flow", "affluent fiddle", "plain"])
def test_svg_fonttype_none_writes_the_text_as_written(s):
    """matplotlib's svg.fonttype='none' writes the text as the user wrote it; lumos's
    shaping draws ligatures (U+FB00..U+FB04), which the SVG text spells back out."""
    import re

    def make(fig):
        fig.text(0.1, 0.5, s)
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        return re.findall(r"<text[^>]*>(.*?)</text>", buf.getvalue(), re.S)

    with mplt.rc_context({"svg.fonttype": "none"}), plt.rc_context({"svg.fonttype": "none"}):
        mpl, lum = both_libraries(make)
    assert lum == mpl == [s]


@pytest.mark.parametrize("kind, x, base", [
    ("plot", [0, 1, 10, 100], 10), ("plot", [-5, 0, 2, 50], 10), ("plot", [0, 0.5], 10),
    ("plot", [0.5, 0.5], 10), ("plot", [3, 3], 10), ("plot", [3, 3], 2), ("plot", [1, 1], 10),
    ("plot", [0.5, 0.5], 2), ("scatter", [0, 0.5], 10), ("bar", [0, 1, 10, 100], 10),
    ("step", [0, 1, 100], 10), ("fill_between", [0, 1, 10], 10)])
def test_log_autoscale_limits_from_minpos(kind, x, base):
    """Values <= 0 on a log axis move to the smallest positive value (matplotlib's
    LogScale.limit_range_for_scale), and a single value spans the decades around it
    (LogLocator.nonsingular)."""
    def make(fig):
        ax = fig.add_subplot()
        ax.set_xscale("log", base=base)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            getattr(ax, kind)(x, np.arange(1.0, len(x) + 1))
        return ax.get_xlim()

    mpl, lum = both_libraries(make)
    assert lum == pytest.approx(mpl, rel=1e-9)


@pytest.mark.parametrize("v", [0.5, 1.0, 3.0])
def test_log_set_xlim_singular_decades(v):
    def make(fig):
        ax = fig.add_subplot()
        ax.set_xscale("log")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ax.set_xlim(v, v)
        return ax.get_xlim()

    mpl, lum = both_libraries(make)
    assert lum == pytest.approx(mpl, rel=1e-9)


def test_restore_region_that_moves_pixels_refused():
    """lumos redraws rather than copying pixels: a region restored elsewhere (``xy``
    moves it) is refused by name rather than restored in place (a part in place is
    restored: tests/plot/test_figure_canvas.py)."""
    fig, ax = plt.subplots()
    fig.canvas.draw()
    bg = fig.canvas.copy_from_bbox(fig.bbox)
    with pytest.raises(TypeError, match="xy"):
        fig.canvas.restore_region(bg, xy=(5, 5))
    fig.canvas.restore_region(bg)  # whole: as before
    plt.close(fig)


def test_offset_text_weight_drawn():
    """The offset text (a plain Text in matplotlib) takes rcParams' font.weight, and a
    weight set on it draws (it was kept and drawn regular)."""
    import lumos.primitives as P

    def offset_font(rc, weight=None):
        with plt.rc_context(rc):
            fig, ax = plt.subplots()
        ax.plot([0, 1], [1e6 + 1, 1e6 + 2])
        if weight is not None:
            ax.yaxis.get_offset_text().set_fontweight(weight)
        fig.render()
        got = ax.yaxis.get_offset_text().get_fontweight()
        fonts = [str(p.font) for p in fig.canvas.primitives()
                 if isinstance(p, P.GlyphRun) and "1e6" in p.text]
        plt.close(fig)
        return got, fonts

    got, fonts = offset_font({})
    assert got == "normal" and len(fonts) == 1 and "Bold" not in fonts[0]
    for rc, weight in (({"font.weight": "bold"}, None), ({}, "bold")):
        got, fonts = offset_font(rc, weight)
        assert got == "bold" and len(fonts) == 1 and "Bold" in fonts[0]
