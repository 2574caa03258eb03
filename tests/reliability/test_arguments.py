"""Plotting arguments are checked at the call, under the name the user spelled (issue 9,
findings 7 and 9): a refused call raises ValueError/TypeError naming the argument, what
it got and what it expects, and leaves the figure as it was, so it still saves."""

from __future__ import annotations

import numpy as np
import pytest

import lumos.pyplot as plt
from lumos.collections import LineCollection
from lumos.plot import validate


def _state(fig):
    return [(len(ax.artists), len(ax.texts)) for ax in fig.axes]


# (call, the error type, what the message must say)
CASES = {
    "plot lw=nan": (lambda ax: ax.plot([0, 1], lw=float("nan")), ValueError, r"^lw: got nan"),
    "plot linewidth=-1": (lambda ax: ax.plot([0, 1], linewidth=-1), ValueError,
                          r"^linewidth: got -1, expected a finite number >= 0"),
    "plot lw='x'": (lambda ax: ax.plot([0, 1], lw="x"), TypeError, r"^lw: got 'x'"),
    "plot alpha=2": (lambda ax: ax.plot([0, 1], alpha=2), ValueError,
                     r"^alpha: got 2, expected a finite number in 0..1"),
    "plot ms=nan": (lambda ax: ax.plot([0, 1], "o", ms=np.nan), ValueError, r"^ms: got nan"),
    "plot zorder=inf": (lambda ax: ax.plot([0, 1], zorder=np.inf), ValueError,
                        r"^zorder: got inf"),
    "plot c": (lambda ax: ax.plot([0, 1], c="nocolor"), ValueError, r"^c: got 'nocolor'"),
    "plot mfc": (lambda ax: ax.plot([0, 1], "o", mfc="nocolor"), ValueError,
                 r"^mfc: got 'nocolor'"),
    "plot markevery=[1000]": (lambda ax: ax.plot([0, 1], "o", markevery=[1000]), ValueError,
                              r"^markevery: got indices 1000\.\.1000, expected indices of "
                              r"the 2 points"),
    "plot ragged": (lambda ax: ax.plot([[1, 2], [3]]), ValueError,
                    r"^y: got nested sequences of different lengths"),
    "imshow complex": (lambda ax: ax.imshow(np.array([[1 + 1j, 2]])), TypeError,
                       r"^X: got complex numbers"),
    "scatter vmin>vmax": (lambda ax: ax.scatter([0, 1], [0, 1], c=[0, 1], vmin=1, vmax=0),
                          ValueError, r"^vmin and vmax: got 1 > 0"),
    "scatter c": (lambda ax: ax.scatter([0, 1], [0, 1], c="nocolor"), ValueError,
                  r"^c: got 'nocolor'"),
    "scatter c length": (lambda ax: ax.scatter([0, 1], [0, 1], c=[0, 1, 2]),
                         ValueError, r"^c: got 3 values for 2 points"),
    "scatter s=-1": (lambda ax: ax.scatter([0, 1], [0, 1], s=-1), ValueError, r"^s: got -1"),
    "scatter s inf": (lambda ax: ax.scatter([0, 1], [0, 1], s=[1, np.inf]), ValueError,
                      r"^s: got .* with inf"),
    "scatter linewidths": (lambda ax: ax.scatter([0, 1], [0, 1], linewidths=np.nan),
                           ValueError, r"^linewidths: got nan"),
    "scatter alpha": (lambda ax: ax.scatter([0, 1], [0, 1], alpha=2), ValueError,
                      r"^alpha: got 2"),
    "scatter alpha length": (lambda ax: ax.scatter([0, 1], [0, 1], alpha=[0.5] * 3),
                             ValueError, r"^alpha: got 3 values for 2 points"),
    "scatter ragged": (lambda ax: ax.scatter([[1, 2], [3]], [1, 2]), ValueError,
                       r"^x: got nested sequences"),
    "text rotation=nan": (lambda ax: ax.text(0, 0, "t", rotation=np.nan), ValueError,
                          r"^rotation: got nan"),
    "text rotation word": (lambda ax: ax.text(0, 0, "t", rotation="sideways"), ValueError,
                           r"^rotation: got 'sideways'"),
    "errorbar ecolor": (lambda ax: ax.errorbar([0, 1], [0, 1], yerr=1, ecolor="nocolor"),
                        ValueError, r"^ecolor: got 'nocolor'"),
    "errorbar capsize": (lambda ax: ax.errorbar([0, 1], [0, 1], yerr=1, capsize=np.nan),
                         ValueError, r"^capsize: got nan"),
    "errorbar yerr<0": (lambda ax: ax.errorbar([0, 1], [0, 1], yerr=-1), ValueError,
                        r"^yerr: must not contain negative values"),
    "imshow vmin>vmax": (lambda ax: ax.imshow(np.eye(3), vmin=1, vmax=0), ValueError,
                         r"^vmin and vmax: got 1 > 0"),
    "imshow alpha": (lambda ax: ax.imshow(np.eye(3), alpha=1.5), ValueError,
                     r"^alpha: got 1.5"),
    "imshow extent": (lambda ax: ax.imshow(np.eye(3), extent=(0, np.nan, 0, 1)), ValueError,
                      r"^extent\[1\]: got nan"),
    "bar lw": (lambda ax: ax.bar([0, 1], [1, 2], lw=-2), ValueError, r"^lw: got -2"),
    "bar ec": (lambda ax: ax.bar([0, 1], [1, 2], ec="nocolor"), ValueError,
               r"^ec: got 'nocolor'"),
    "hlines colors": (lambda ax: ax.hlines([0, 1], 0, 1, colors=["r", "nocolor"]),
                      ValueError, r"^colors\[1\]: got 'nocolor'"),
    "fill_between alpha": (lambda ax: ax.fill_between([0, 1], [0, 1], alpha=-0.5),
                           ValueError, r"^alpha: got -0.5"),
    "grid lw": (lambda ax: ax.grid(True, lw=np.nan), ValueError, r"^lw: got nan"),
    "axhline lw": (lambda ax: ax.axhline(0.5, lw=np.inf), ValueError, r"^lw: got inf"),
    "margins nan": (lambda ax: ax.margins(np.nan), ValueError, r"^x: got nan"),
    "margins -1": (lambda ax: ax.margins(y=-1), ValueError, r"^y: got -1, expected .* > -0.5"),
    "tick_params width": (lambda ax: ax.tick_params(width=-1), ValueError, r"^width: got -1"),
    "tick_params labelrotation": (lambda ax: ax.tick_params(labelrotation=np.nan),
                                  ValueError, r"^labelrotation: got nan"),
    "hist range nan": (lambda ax: ax.hist([1, 2], range=(np.nan, 1)), ValueError,
                       r"^range: got \(nan, 1\)"),
    "hist range reversed": (lambda ax: ax.hist([1, 2], range=(2, 1)), ValueError,
                            r"^range: got \(2, 1\)"),
    "hist rule over an extreme range": (
        lambda ax: ax.hist([0.0, 0, 0, -1, -3.5e38], bins="fd"), ValueError, r"^bins: "),
    "errorbar ragged yerr": (lambda ax: ax.errorbar([0, 1], [0, 1], yerr=[[1, 2], [1]]),
                             ValueError, r"^yerr: got nested sequences"),
    "errorbar complex xerr": (lambda ax: ax.errorbar([0, 1], [0, 1], xerr=[1j, 1]),
                              TypeError, r"^xerr: got complex numbers"),
    "plot columns": (lambda ax: ax.plot(np.zeros((3, 2)), np.zeros((3, 4))), ValueError,
                     r"^x and y: x has 2 columns but y has 4"),
}

# setters of existing artists: refused at the call, the artist kept as it was
SETTERS = {
    "set_linewidth": (lambda a: a['line'].set_linewidth(np.nan), r"^linewidth: got nan"),
    "set lw": (lambda a: a['line'].set(lw=-1), r"^lw: got -1"),
    "set_alpha": (lambda a: a['line'].set_alpha(2), r"^alpha: got 2"),
    "set_markersize": (lambda a: a['line'].set_markersize(np.inf), r"^markersize: got inf"),
    "set_zorder": (lambda a: a['line'].set_zorder(np.nan), r"^zorder: got nan"),
    "set_markeredgecolor": (lambda a: a['line'].set_markeredgecolor("nocolor"),
                            r"^markeredgecolor: got 'nocolor'"),
    "scatter set_sizes": (lambda a: a['scatter'].set_sizes([np.inf, 1]), r"^s: got"),
    "scatter set_clim": (lambda a: a['scatter'].set_clim(1, 0),
                         r"^vmin and vmax: got 1 > 0"),
    "imshow set_alpha": (lambda a: a['image'].set_alpha(2), r"^alpha: got 2"),
}


@pytest.mark.parametrize("name", list(SETTERS))
def test_a_bad_value_for_a_setter_is_refused_at_the_call(name):
    call, message = SETTERS[name]
    fig, ax = plt.subplots(figsize=(2, 1.5))
    parts = {"line": ax.plot([0, 1], [0, 1], "o-")[0],
             "scatter": ax.scatter([0, 1], [0, 1], c=[0, 1]),
             "image": ax.imshow(np.eye(2), extent=(0, 1, 0, 1))}
    with pytest.raises(ValueError, match=message):
        call(parts)
    assert fig.render().shape == (150, 200, 4)  # the figure still draws
    plt.close(fig)


def test_subplots_and_a_scalar_plot():
    fig = plt.figure()
    with pytest.raises(ValueError, match=r"^nrows: got 0, expected an integer >= 1"):
        fig.subplots(0, 1)
    ax = fig.subplots()
    (line,) = ax.plot(5)  # one point, as matplotlib
    assert line.get_ydata().tolist() == [5.0]
    plt.close(fig)


@pytest.mark.parametrize("name", list(CASES))
def test_a_bad_argument_is_refused_at_the_call_by_its_name(name):
    call, error, message = CASES[name]
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.plot([0, 1], [0, 1])
    fig.render()
    before = _state(fig)
    with pytest.raises(error, match=message):
        call(ax)
    assert _state(fig) == before  # nothing was added
    assert fig.render().shape == (150, 200, 4)  # and the figure still draws
    plt.close(fig)


def test_a_ragged_segment_is_refused_by_name_and_changes_nothing():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    lc = ax.add_collection(LineCollection([[(0, 0), (1, 1)]]))
    with pytest.raises(ValueError, match=r"^segments\[1\]: got nested sequences"):
        lc.set_segments([[(0, 0), (1, 1)], [(0, 0), (1,)]])
    assert np.array_equal(lc.get_segments()[0], [[0, 0], [1, 1]])
    assert len(lc.get_segments()) == 1 and fig.render().shape == (150, 200, 4)
    plt.close(fig)


def test_scatter_edge_setters_are_checked_at_the_call():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    sc = ax.scatter([0, 1], [0, 1])
    with pytest.raises(ValueError, match=r"^linewidths: got nan"):
        sc.set_linewidth(np.nan)
    with pytest.raises(ValueError, match=r"^linewidths: got -1"):
        sc.set_linewidths(-1)
    with pytest.raises(ValueError, match=r"^edgecolors: got 'zz'"):
        sc.set_edgecolor("zz")
    assert fig.render().shape == (150, 200, 4)
    plt.close(fig)


def test_the_same_argument_twice_is_refused():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match=r"'lw' and 'linewidth'"):
        ax.bar([0], [1], lw=1, linewidth=2)
    plt.close(fig)


def test_figure_size_and_dpi_are_checked_at_the_call():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    for w, h in ((np.nan, 3), (0, 0), (-1, 2), (np.inf, 2)):
        with pytest.raises(ValueError, match=r"^set_size_inches: got .*expected positive"):
            fig.set_size_inches(w, h)
    with pytest.raises(TypeError, match=r"^set_size_inches: got \('a'"):
        fig.set_size_inches("a", 2)
    for dpi in (np.nan, 0, -5):
        with pytest.raises(ValueError, match=r"^dpi: got"):
            fig.set_dpi(dpi)
        with pytest.raises(ValueError, match=r"^dpi: got"):  # was named pixel_ratio
            fig.render(dpi=dpi)
    with pytest.raises(TypeError, match=r"^dpi: got str 'x'"):
        fig.render(dpi="x")
    assert fig.get_size_inches().tolist() == [2, 1.5]
    assert fig.render().shape == (150, 200, 4)
    fig.set_size_inches((3, 1))  # the pair form still works
    assert fig.render().shape == (100, 300, 4)
    plt.close(fig)


def test_good_arguments_still_pass():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.plot([0, 1, 2], "o-", lw=0, ms=0, alpha=0, zorder=-3, c=(1, 0, 0), markevery=[0, -1])
    ax.plot([0, 1, 2], markevery=(1, 2))
    ax.scatter([0, 1], [0, 1], s=[np.nan, 4], alpha=[0.2, 1.0], edgecolors="face")
    ax.text(0, 0, "v", rotation="vertical")
    ax.bar([0, 1], [1, 2], color=["r", "g"], linewidth=[2, 2])
    ax.imshow(np.eye(3), vmin=0, vmax=0, extent=(0, 1, 0, 1))
    fig.render()
    plt.close(fig)


def test_each_bar_gets_its_own_edge_width_other_collections_refuse_several():
    # matplotlib gives each bar its own edge width (gallery leftventricle_bullseye.py);
    # the one-draw collections (vlines, hlines, ...) refuse different widths by name
    # rather than drawing them all as the first
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    bars = ax.bar([0, 1, 2], [1, 1, 1], color="w", edgecolor="k", linewidth=[1, 6, 1])
    ax.set_xlim(-0.6, 2.6)
    ax.set_ylim(0, 1.5)
    ax.set_axis_off()
    assert [b.get_linewidth() for b in bars] == [1.0, 6.0, 1.0]
    img = fig.render()[..., :3].astype(int)
    dark = img.sum(axis=2) < 200
    thirds = np.array_split(np.arange(img.shape[1]), 3)
    ink = [int(dark[:, cols].sum()) for cols in thirds]
    assert ink[1] > 3 * ink[0] and ink[1] > 3 * ink[2], ink  # the 6 pt bar's edge
    with pytest.raises(ValueError, match="linewidth: got 2 widths for 3 bars"):
        ax.bar([0, 1, 2], [1, 2, 3], linewidth=[1, 2])
    with pytest.raises(ValueError, match=r"linewidth: got 2 different widths"):
        ax.vlines([0, 1], 0, 1, linewidth=[1, 3])
    plt.close(fig)


def test_scatter_takes_dates_as_plot_does():
    fig, ax = plt.subplots()
    days = np.array(["2020-01-01", "2020-01-03"], dtype="datetime64[D]")
    line = ax.plot(days, [0, 1])[0]
    pc = ax.scatter(days, [0, 1])
    assert np.array_equal(pc.get_offsets()[:, 0], line.get_xdata())
    plt.close(fig)


def test_the_check_table_names_every_check_once():
    # one check per meaning, shared by every entry point (no per-method copies)
    assert validate.CHECKS["linewidth"] is validate.CHECKS["markersize"]
    assert validate.CHECKS["color"] is validate.CHECKS["edgecolor"] is validate.color


def test_scatter_draws_one_alpha_per_point():
    fig, ax = plt.subplots(figsize=(2, 1), dpi=50)
    ax.set_axis_off()
    ax.scatter([0, 1], [0, 0], s=400, c="k", alpha=[1.0, 0.0])
    ax.set_xlim(-0.5, 1.5)
    img = fig.render()
    h, w = img.shape[:2]
    left, right = img[:, : w // 2, :3], img[:, w // 2 :, :3]
    assert left.min() < 40  # the opaque marker
    assert right.min() == 255  # the transparent one draws nothing
    plt.close(fig)
