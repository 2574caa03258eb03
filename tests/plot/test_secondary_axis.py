"""Secondary axes placed by a data value (``secondary_xaxis(0, transform=ax.transData)``,
gallery subplots_axes_and_figures/secondary_axis.py), against matplotlib's label boxes;
the labels of non-linear functions' ticks, against matplotlib's."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from plot_helpers import drawn_strings  # noqa: E402  (tests/plot/plot_helpers.py)

import lumos.pyplot as plt  # noqa: E402


def _label_y0(lib, orientation="x", invert=False, ylim=None):
    fig, ax = lib.subplots()
    ax.plot(np.arange(10), np.linspace(-1, 2, 10))
    if invert:
        ax.invert_yaxis()
    if orientation == "x":
        sec = ax.secondary_xaxis(0, transform=ax.transData)
        sec.set_xlabel("Axis at Y = 0")
        label = sec.xaxis.label
    else:
        sec = ax.secondary_yaxis(4, transform=ax.transData)
        sec.set_ylabel("Axis at X = 4")
        label = sec.yaxis.label
    if ylim is not None:
        ax.set_ylim(*ylim)
    fig.canvas.draw()
    box = label.get_window_extent()
    return box.y0 if orientation == "x" else box.x0


@pytest.mark.parametrize("kw", [{}, {"invert": True}, {"ylim": (-2, 2)},
                                {"orientation": "y"}])
def test_secondary_axis_at_a_data_value_stands_where_matplotlib_puts_it(kw):
    ours, theirs = _label_y0(plt, **kw), _label_y0(mplt, **kw)
    assert abs(ours - theirs) < 1.0


def test_secondary_axis_at_a_data_value_is_not_on_the_edge():
    fig, ax = plt.subplots()
    edge = ax.secondary_xaxis("bottom")
    edge.set_xlabel("edge")
    fig.canvas.draw()
    assert abs(_label_y0(plt) - edge.xaxis.label.get_window_extent().y0) > 20


def test_secondary_axis_other_transforms_are_refused():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="transform"):
        ax.secondary_xaxis(0, transform=fig.transFigure)
    assert ax.children == []  # the refused call left no half-made axes to draw
    fig.canvas.draw()
    # the axes fraction transform is the default's meaning
    sec = ax.secondary_xaxis(0.3, transform=ax.transAxes)
    assert sec.spines["bottom"].get_position() == ("axes", 0.3)


def _title_over_secondary(lib):
    fig, ax = lib.subplots(layout="constrained")
    x = np.arange(0, 360, 1)
    ax.plot(x, np.sin(2 * x * np.pi / 180))
    ax.set_title("Sine wave")
    sec = ax.secondary_xaxis("top", functions=(np.deg2rad, np.rad2deg))
    sec.set_xlabel("angle [rad]")
    fig.canvas.draw()
    return ax.title.get_window_extent().y0, sec.xaxis.label.get_window_extent().y1


def test_title_stands_over_a_top_secondary_axis():
    (title, label), (mtitle, mlabel) = _title_over_secondary(plt), _title_over_secondary(mplt)
    assert title > label  # above the secondary axis's label, not on it
    assert abs(title - mtitle) < 1.0 and abs(label - mlabel) < 1.0


def _mpl_labels(make):
    fig, ax = mplt.subplots()
    axis = make(ax)
    fig.canvas.draw()
    lo, hi = sorted(axis.get_view_interval())
    labels = {t.label1.get_text() for t in axis.get_major_ticks()
              if lo <= t.get_loc() <= hi and t.label1.get_text()}
    mplt.close(fig)
    return labels


_PAIRS = {
    "cube": ((lambda x: x**3, np.cbrt), None),  # the parent's limits: 0..10 and margins
    "square": ((lambda x: x**2, np.sqrt), None),
    "inverse": ((lambda x: 1 / x, lambda x: 1 / x), (1, 10)),
    "log": ((np.log10, lambda x: 10**x), (1, 1000)),
}


@pytest.mark.filterwarnings("ignore:divide by zero")  # 1 / x of a default limit 0
@pytest.mark.parametrize("name", sorted(_PAIRS))
@pytest.mark.parametrize("orientation", ["x", "y"])
def test_secondary_axis_of_a_nonlinear_function_keeps_every_label(name, orientation):
    # ticks of a non-linear function stand unevenly along the axis: lumos's every-k-th
    # thinning dropped 200, 600 and 1000 of x**3 on 0..10 though 200 overlaps nothing;
    # matplotlib draws every label (the two of them crowd at the dense end)
    functions, lims = _PAIRS[name]

    def make(ax):
        lo, hi = lims or (0, 10)
        ax.plot(np.linspace(lo, hi, 11), np.linspace(lo, hi, 11))
        if lims:
            ax.set_xlim(lo, hi)
            ax.set_ylim(lo, hi)
        ax.set_xticks([])  # only the secondary axis's labels are drawn
        ax.set_yticks([])
        if orientation == "x":
            return ax.secondary_xaxis("top", functions=functions).xaxis
        return ax.secondary_yaxis("right", functions=functions).yaxis

    theirs = _mpl_labels(make)
    fig, ax = plt.subplots()
    make(ax)
    assert len(theirs) >= 4 and set(drawn_strings(fig)) == theirs


def test_function_scale_keeps_every_label():
    fig, ax = plt.subplots()
    ax.plot(range(11))
    ax.set_xscale("function", functions=(lambda x: x**3, np.cbrt))
    ax.set_yticks([])  # only the x labels are drawn
    drawn = set(drawn_strings(fig))
    assert {"0", "2", "4", "6", "8", "10"} <= drawn


@pytest.mark.parametrize("orientation", ["x", "y"])
def test_secondary_axis_functions_undefined_at_the_limits_raise(orientation):
    # log10 of a parent's limit <= 0: matplotlib raises "Axis limits cannot be NaN or
    # Inf" at draw; lumos kept the last limits (0..1) and labelled the axis 0.0-1.0
    functions = (np.log10, lambda v: 10 ** v)
    for mod in (mplt, plt):
        fig, ax = mod.subplots()
        ax.plot([-1, 10], [-1, 10])
        sec = getattr(ax, f"secondary_{orientation}axis")(
            "top" if orientation == "x" else "right", functions=functions)
        with pytest.raises(ValueError, match="NaN or Inf" if mod is mplt else
                           f"secondary_{orientation}axis functions: .*nan"), \
                np.errstate(invalid="ignore"):
            fig.canvas.draw()
        getattr(ax, f"set_{orientation}lim")(1, 1000)  # inside the domain: drawn
        fig.canvas.draw()
        ticks = sec.get_xticks() if orientation == "x" else sec.get_yticks()
        assert {1.0, 2.0, 3.0} <= {float(t) for t in ticks}
