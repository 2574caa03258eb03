"""Every plot type with NaN, inf and masked values: it draws (gaps where values are
missing), never modifies the caller's arrays, and names bad arguments."""

from __future__ import annotations

import numpy as np
import pytest

import lumos


def arrays(n=40, seed=0):
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 4, n)
    y = np.sin(x) + 0.1 * rng.standard_normal(n)
    y[5] = np.nan
    y[7] = np.inf
    ym = np.ma.masked_array(y.copy(), mask=np.zeros(n, bool))
    ym[10:13] = np.ma.masked
    return x, y, ym


CALLS = {
    "boxplot": lambda ax, x, y, ym: ax.boxplot([y, ym]),
    "violinplot": lambda ax, x, y, ym: ax.violinplot([y[np.isfinite(y)], ym]),
    "stackplot": lambda ax, x, y, ym: ax.stackplot(x, np.abs(np.nan_to_num(y, posinf=0))),
    "stairs": lambda ax, x, y, ym: ax.stairs(ym[:-1], x),
    "eventplot": lambda ax, x, y, ym: ax.eventplot([x, x[::2]]),
    "hexbin": lambda ax, x, y, ym: ax.hexbin(x, ym, gridsize=5),
    "hist2d": lambda ax, x, y, ym: ax.hist2d(x, y, bins=5),
    "psd": lambda ax, x, y, ym: ax.psd(np.nan_to_num(y, posinf=0), NFFT=16),
    "specgram": lambda ax, x, y, ym: ax.specgram(np.nan_to_num(y, posinf=0), NFFT=16,
                                                 noverlap=8),
    "tricontourf": lambda ax, x, y, ym: ax.tricontourf(x, np.cos(3 * x) + x % 1, ym),
    "tripcolor": lambda ax, x, y, ym: ax.tripcolor(x, np.cos(3 * x) + x % 1, y),
    "errorbar": lambda ax, x, y, ym: ax.errorbar(x, ym, yerr=0.1, uplims=True),
    "pie": lambda ax, x, y, ym: ax.pie(x[1:6]),
    "matshow": lambda ax, x, y, ym: ax.matshow(ym[:36].reshape(6, 6)),
    "spy": lambda ax, x, y, ym: ax.spy(np.nan_to_num(y[:36]).reshape(6, 6)),
    "pcolorfast": lambda ax, x, y, ym: ax.pcolorfast(ym[:36].reshape(6, 6)),
    "fill_between": lambda ax, x, y, ym: ax.fill_between(x, ym),
    "scatter": lambda ax, x, y, ym: ax.scatter(x, ym, c=y),
    "plot": lambda ax, x, y, ym: ax.plot(x, ym, x, y),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_missing_values_draw_and_inputs_stay_unchanged(name):
    x, y, ym = arrays()
    copies = [a.copy() for a in (x, y, ym)]
    mask = ym.mask.copy()
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=60)
    CALLS[name](ax, x, y, ym)
    img = fig.render()
    assert img.shape == (120, 180, 4)
    for a, b in zip((x, y, ym), copies, strict=True):
        assert np.array_equal(np.ma.getdata(a), np.ma.getdata(b), equal_nan=True)
    assert np.array_equal(ym.mask, mask)


@pytest.mark.parametrize("call, argument", [
    (lambda ax: ax.violinplot([[1, 2, 3]], widths=[1, 2]), "widths"),
    (lambda ax: ax.boxplot([[1, 2, 3]], capwidths=[1, 2]), "capwidths"),
    (lambda ax: ax.stackplot([1, 2, 3], [1, 2]), "x and y"),
    (lambda ax: ax.stairs([1, 2], baseline=[1, 2, 3]), "baseline"),
    (lambda ax: ax.hexbin([1, 2], [1, 2], gridsize=0), "gridsize"),
    (lambda ax: ax.hexbin([1, 2], [1, 2], extent=(1, 0, 0, 1)), "extent"),
    (lambda ax: ax.hist2d([1, 2], [1, 2, 3]), "x and y"),
    (lambda ax: ax.streamplot([0, 1, 2], [0, 1, 2], np.ones((2, 2)), np.ones((3, 3))), "u"),
    (lambda ax: ax.barbs([1, 2], [1, 2], [1], [1]), "U"),
    (lambda ax: ax.pie([1, 2], explode=[0.1]), "explode"),
    (lambda ax: ax.bar_label(ax.bar([1], [1]), label_type="top"), "label_type"),
    (lambda ax: ax.table(cellText=[["1", "2"], ["3"]]), "cellText"),
    (lambda ax: ax.errorbar([1, 2], [1, 2], yerr=1, lolims="yes"), "lolims"),
])
def test_bad_arguments_are_named(call, argument):
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=60)
    with pytest.raises((ValueError, TypeError), match=argument):
        call(ax)


def test_what_matplotlib_gallery_scripts_pass():
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=60)
    # contour(cs): lines at a filled contour set's levels, on its grid
    z = np.ma.masked_greater(np.add.outer(np.arange(6.0), np.arange(7.0)), 10)
    cf = ax.contourf(z, 4)
    cs = ax.contour(cf, colors="k")
    assert np.allclose(cs.levels, cf.levels)
    # limits as numbers, vlines' linestyle, category names in broken_barh, dict values
    eb = ax.errorbar([1, 2], [1, 2], yerr=0.1, lolims=np.array([1.0, 0.0]))
    assert len(eb.lines[1]) == 1
    lc = ax.vlines([1, 2], 0, 1, linestyle="--")
    assert lc.get_linestyle() == "--"
    fig2, ax2 = lumos.subplots(figsize=(3, 2), dpi=60)
    ax2.broken_barh([(1, 2)], ("CPU 1", 0.4), align="center")
    ax2.broken_barh([(2, 2)], ("disk", 0.4), align="center")
    assert ax2.yaxis.units.mapping == {"CPU 1": 0, "disk": 1}
    polys = ax2.stackplot([1, 2, 3], {"a": [1, 2, 3], "b": [3, 2, 1]}.values(),
                          labels={"a": 0, "b": 0}.keys())
    assert len(polys) == 2 and polys[1].get_label() == "b"
    fig2.render()


def test_complex_coordinates_plot_their_real_part_with_numpys_warning():
    # matplotlib plots complex data's real part and numpy warns (scipy-lectures'
    # plot_fftpack.py plots an FFT); images refuse complex data in both
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=60)
    z = np.array([1 + 2j, 2 - 1j, 3 + 0j])
    before = z.copy()
    with pytest.warns(np.exceptions.ComplexWarning, match="discards the imaginary part"):
        (line,) = ax.plot(z)
    assert np.array_equal(line.get_ydata(), z.real)
    assert np.array_equal(z, before)
    with pytest.warns(np.exceptions.ComplexWarning):
        line.set_data(z * 1j, z)
    assert np.array_equal(line.get_xdata(), (z * 1j).real)
    with pytest.warns(np.exceptions.ComplexWarning):
        sc = ax.scatter(z, np.ma.masked_array(z, mask=[0, 1, 0]))
    offsets = np.asarray(sc.get_offsets())
    assert np.array_equal(offsets[[0, 2]], np.c_[z.real, z.real][[0, 2]])
    with pytest.warns(np.exceptions.ComplexWarning):
        ax.contour(np.outer(z, z))
    fig.render()
    with pytest.raises(TypeError, match="C: got"):
        ax.pcolormesh(np.outer(z, z))
    # one number: matplotlib's float() refuses a complex one
    with pytest.raises(TypeError, match=r"y: got a complex number \(\(1\+1j\)\)"):
        ax.axhline(1 + 1j)
    with pytest.raises(TypeError, match="ymax: got a complex number"):
        ax.axvline(0.5, ymax=np.complex128(1))
