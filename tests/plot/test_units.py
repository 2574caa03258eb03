"""matplotlib's unit converters (``matplotlib.units.registry``) on lumos axes: data of
a registered type goes through the converter in the axis' unit (``set_units``,
``xunits=``/``yunits=``, else the converter's default), and ``axisinfo`` gives the
axis its locator, formatter and label (lumos/plot/units.py)."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt

munits = pytest.importorskip("matplotlib.units")
mticker = pytest.importorskip("matplotlib.ticker")


class Length:
    """A value in metres, shown in any unit of ``UNITS``."""

    def __init__(self, metres) -> None:
        self.metres = np.asarray(metres, dtype=float)


UNITS = {"m": 1.0, "cm": 0.01}


class LengthConverter(munits.ConversionInterface):
    @staticmethod
    def convert(value, unit, axis):
        unit = unit or "m"  # a patch's values may come before the axis has a unit
        if isinstance(value, Length):
            return value.metres / UNITS[unit]
        return np.array([v.metres / UNITS[unit] for v in value], dtype=float)

    @staticmethod
    def axisinfo(unit, axis):
        return munits.AxisInfo(majloc=mticker.MultipleLocator(50 if unit == "cm" else 0.5),
                               majfmt=mticker.FormatStrFormatter(f"%g {unit}"),
                               label={"m": "metres", "cm": "centimetres"}[unit])

    @staticmethod
    def default_units(x, axis):
        return "m"


@pytest.fixture(autouse=True)
def _registered():
    munits.registry[Length] = LengthConverter()
    yield
    del munits.registry[Length]


def test_default_unit_converts_and_labels():
    fig, ax = plt.subplots()
    line, = ax.plot(Length([0.0, 1.0, 2.0]), [1, 2, 3])
    assert list(line.get_xdata()) == [0.0, 1.0, 2.0]
    assert ax.xaxis.get_units() == "m" and ax.xaxis.have_units()
    assert isinstance(ax.xaxis.get_converter(), LengthConverter)
    assert ax.xaxis.get_label_text() == "metres"
    fig.draw()
    ticks, labels, *_ = ax.xaxis.ticks()
    assert np.allclose(np.diff(ticks), 0.5)  # the converter's locator
    assert "1 m" in labels  # and formatter


def test_xunits_keyword_and_set_units_choose_the_unit():
    fig, (a, b) = plt.subplots(2)
    line, = a.plot(Length([0.5, 1.0]), [0, 1], xunits="cm")
    assert list(line.get_xdata()) == [50.0, 100.0]
    assert a.xaxis.get_label_text() == "centimetres"
    b.yaxis.set_units("cm")
    bars = b.bar([0, 1], [Length(0.2), Length(0.3)], yerr=[Length(0.01), Length(0.02)])
    assert [r.get_height() for r in bars] == pytest.approx([20.0, 30.0])
    b.set_ylim(Length(0.0), Length(0.5))
    assert b.get_ylim() == pytest.approx((0.0, 50.0))
    sc = a.scatter(Length([1.0]), [2.0])
    assert sc.get_offsets()[0, 0] == pytest.approx(100.0)


def test_a_label_the_script_set_stays():
    fig, ax = plt.subplots()
    ax.set_xlabel("length")
    ax.plot(Length([0.0, 1.0]), [0, 1])
    assert ax.xaxis.get_label_text() == "length"
    ax.xaxis.set_units("cm")  # the converter's new label does not replace it either
    assert ax.xaxis.get_label_text() == "length"


def test_plain_numbers_meet_no_converter():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [2, 3])
    assert ax.xaxis.get_converter() is None and not ax.xaxis.have_units()


def _labels_and_units(pyplot, patches):
    """What units_scatter.py-like code leaves on each axes: shared x axes (label_outer),
    a patch in units, a limit in units."""
    fig, (a1, a2, a3) = pyplot.subplots(nrows=3, sharex=True)
    a1.scatter(Length([1.0, 2.0]), Length([1.0, 2.0]))
    a3.scatter(Length([1.0, 2.0]), [1.0, 2.0])
    fig2, (b1, b2) = pyplot.subplots(ncols=2)
    b1.add_patch(patches.Ellipse((Length(0.5), Length(0.5)), 0.2, 0.1))
    b2.set_xlim(Length(0.0), Length(2.0))
    return [(a.get_xlabel(), a.get_ylabel(), a.xaxis.get_units()) for a in (a1, a2, a3, b1)] \
        + [(b2.get_xlabel(), b2.xaxis.get_units())]


def test_units_reach_shared_axes_patches_and_limits_as_matplotlibs():
    # matplotlib: set_units gives every shared axis the unit, and an axis labels itself
    # only when a plotting call (or set_xlim) brings it its first unit; a patch's
    # values are converted with no label; label_outer's '' label stays
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.patches as mpatches
    import matplotlib.pyplot as mplt

    want = _labels_and_units(mplt, mpatches)
    mplt.close("all")
    assert _labels_and_units(plt, mpatches) == want
    assert want[2] == ("", "", "m") and want[4] == ("metres", "m")
