"""Gaps the gallery's ticks, scales and statistics sections ran into: tickers a script
set before dates arrive, ..."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from lumos import pyplot as plt


def test_dates_after_set_major_formatter_keep_the_scripts_tickers():
    # matplotlib's date unit only installs its tickers where the script set none
    # (isDefault_majloc & co.): gallery ticks/date_concise_formatter
    mdates = pytest.importorskip("matplotlib.dates")
    fig, ax = plt.subplots()
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    base = datetime.datetime(2005, 2, 1)
    ax.plot([base + datetime.timedelta(hours=2 * i) for i in range(732)], np.arange(732.0))
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    assert ax.xaxis.get_major_locator() is locator
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Feb", "15", "Mar", "15", "Apr"]
    # the minor ticker the script did not set is the date unit's (none)
    assert len(ax.xaxis.get_minor_ticks()) == 0
    plt.close(fig)



@pytest.mark.parametrize(("name", "kwargs", "first"), [
    ("MonthLocator", {"bymonth": (1, 7)}, "2004-07"),  # monthly ticks: '%Y-%m'
    ("DayLocator", {"interval": 180}, "2004-07-16"),  # daily ticks: '%Y-%m-%d'
    # matplotlib's labels include the locator's tick before the view (2004-01-01)
    ("YearLocator", {}, "2004"),
])
def test_the_default_date_formatter_reads_the_unit_of_the_locator_set(name, kwargs, first):
    # matplotlib's set_major_locator hands the new locator to the formatter
    # (Formatter._set_locator): gallery ticks/date shows '2004-07', not '2004-07-01'
    mdates = pytest.importorskip("matplotlib.dates")
    fig, ax = plt.subplots(figsize=(6.4, 2))
    t = np.arange("2004-07-01", "2008-10-01", dtype="datetime64[D]")
    ax.plot(t, np.arange(len(t), dtype=float))
    ax.xaxis.set_major_locator(getattr(mdates, name)(**kwargs))
    assert ax.xaxis.get_ticklabels()[0].get_text() == first
    plt.close(fig)


def test_logit_limits_stop_at_the_smallest_positive_value():
    # matplotlib's limit_range_for_scale: data reaching 1 (gallery scales/scales) gives
    # limits short of 0 and 1, not an axis that cannot be drawn
    fig, ax = plt.subplots()
    y = np.linspace(0.002, 1.0, 400)
    ax.plot(np.arange(400.0), y)
    ax.set_yscale("logit")
    lo, hi = ax.get_ylim()
    assert 0.0005 < lo < 0.002 and 0.998 < hi < 0.9995
    assert len(ax.get_yticks()) >= 3
    plt.close(fig)


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # its axis argument
def test_a_matplotlib_scale_that_masks_beyond_its_bounds():
    # gallery scales/custom_scale: axis.set(...) while the scale sets its tickers, values
    # masked beyond the bound (NaN, not the value itself), limits kept within the bound
    mscale = pytest.importorskip("matplotlib.scale")
    mticker = pytest.importorskip("matplotlib.ticker")
    mtransforms = pytest.importorskip("matplotlib.transforms")

    class Clamp(mtransforms.Transform):
        input_dims = output_dims = 1

        def transform_non_affine(self, a):
            return np.ma.masked_where(np.abs(a) > 1, 2 * a)

        def inverted(self):
            return Half()

    class Half(mtransforms.Transform):
        input_dims = output_dims = 1

        def transform_non_affine(self, a):
            return a / 2

    class ClampScale(mscale.ScaleBase):
        name = "s27_clamp"

        def get_transform(self):
            return Clamp()

        def set_default_locators_and_formatters(self, axis):
            axis.set(major_locator=mticker.FixedLocator([-1, 0, 1]),
                     major_formatter=mticker.FuncFormatter(lambda x, pos=None: f"<{x:g}>"))

        def limit_range_for_scale(self, vmin, vmax, minpos):
            return max(vmin, -1), min(vmax, 1)

    mscale.register_scale(ClampScale)
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [-3.0, 0.5, 3.0])
    ax.set_yscale("s27_clamp")
    assert np.isnan(ax.yaxis.scale.forward(np.array([2.0]))[0])
    assert ax.get_ylim() == pytest.approx((-1, 1))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["<-1>", "<0>", "<1>"]
    plt.close(fig)


def test_a_scale_setting_an_unsupported_axis_property_is_told_its_name():
    from lumos.plot.mpl_ticker import CollectingAxis

    with pytest.raises(TypeError, match="'label'"):
        CollectingAxis().set(label="x")


def test_sharing_an_axis_takes_the_ticks_its_script_set():
    # matplotlib's shared axes share one Ticker: psd's fixed y ticks stay when a panel
    # shares y with the psd panel, or with itself (gallery statistics/psd_demo)
    fig, (a, b) = plt.subplots(1, 2)
    a.plot([0, 1], [-41, 19])
    a.set_yticks(np.arange(-41, 20, 10))
    b.plot([0, 1], [0, 5])
    a.sharey(a)
    b.sharey(a)
    for ax in (a, b):
        assert list(ax.get_yticks()) == list(range(-41, 20, 10))
    fig2, (c, d) = plt.subplots(1, 2)
    d.sharey(c)  # nothing set: d keeps the default ticker of its own
    assert d.yaxis.major_locator is not c.yaxis.major_locator
    plt.close(fig)
    plt.close(fig2)


def test_fixed_labels_stay_with_their_ticks_when_some_are_outside_the_view():
    # set_yticks([1, 2**10, 2**20, 2**30], labels=[...]) on a view without 1 labelled
    # 2**10 'kB' (gallery scales/log_demo): labels go by position among all the ticks
    fig, ax = plt.subplots()
    ax.plot([0, 10], [0, 10])
    ax.set_xticks([-50, 0, 5, 150], labels=["a", "b", "c", "d"])
    ax.set_xlim(-1, 11)
    assert ax.xaxis.ticks()[1] == ["b", "c"]  # the labels drawn
    # matplotlib's get_xticks/get_xticklabels: every tick set, with its label
    assert list(ax.get_xticks()) == [-50, 0, 5, 150]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c", "d"]
    ax.set_xlim(1, 10)
    assert ax.xaxis.ticks()[1] == ["c"]
    plt.close(fig)


def test_a_registered_concise_date_converter_gives_the_date_axis_its_tickers():
    # munits.registry[np.datetime64] = ConciseDateConverter(): matplotlib's date axis
    # takes the converter's locator and formatter (gallery ticks/date_concise_formatter)
    mdates = pytest.importorskip("matplotlib.dates")
    munits = pytest.importorskip("matplotlib.units")
    saved = munits.registry.get(np.datetime64)
    munits.registry[np.datetime64] = mdates.ConciseDateConverter()
    try:
        fig, ax = plt.subplots()
        t = np.arange("2005-02-01", "2005-04-01", dtype="datetime64[h]")[::2]
        ax.plot(t, np.arange(len(t), dtype=float))
        ax.set_xlim(np.datetime64("2005-02"), np.datetime64("2005-04"))
        assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
        assert ax.get_xticklabels()[0].get_text() == "Feb"
        plt.close(fig)
    finally:
        munits.registry[np.datetime64] = saved
    fig, ax = plt.subplots()  # the default converter again: lumos's own tickers
    ax.plot(np.arange("2005-02-01", "2005-04-01", dtype="datetime64[D]"), np.arange(59.0))
    assert not isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    plt.close(fig)
