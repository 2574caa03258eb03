"""hexbin and hist2d counts, and the spectral plots' numbers, against matplotlib."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos
from lumos.plot import spectral

matplotlib.use("Agg")
import matplotlib.mlab as mlab  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402


def small():
    return lumos.subplots(figsize=(4, 3), dpi=80)


def points(n=3000, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    return x, 2.0 * x + rng.standard_normal(n)


# -- hexbin ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kw", [{"gridsize": 20}, {"gridsize": (15, 8), "mincnt": 2},
                                {"gridsize": 10, "extent": (-2, 2, -4, 4)},
                                {"gridsize": 12, "bins": "log"}, {"gridsize": 12, "bins": 4}])
def test_hexbin_counts_match_matplotlib(kw):
    x, y = points()
    fig, ax = small()
    ours = ax.hexbin(x, y, **kw)
    _, max_ = mplt.subplots()
    theirs = max_.hexbin(x, y, **kw)
    assert np.allclose(ours.get_array(), theirs.get_array())
    assert np.allclose(ours.get_offsets(), theirs.get_offsets())
    fig.render()
    assert ax.get_xlim() == pytest.approx(max_.get_xlim())


def test_hexbin_reduce_c_and_log_scales_match_matplotlib():
    x, y = points(800)
    c = np.abs(y)
    fig, ax = small()
    ours = ax.hexbin(x, y, C=c, gridsize=8, reduce_C_function=np.max, mincnt=3)
    _, max_ = mplt.subplots()
    theirs = max_.hexbin(x, y, C=c, gridsize=8, reduce_C_function=np.max, mincnt=3)
    assert np.allclose(ours.get_array(), theirs.get_array())
    xp, yp = np.exp(x), np.exp(y / 3)
    fig, ax = small()
    ours = ax.hexbin(xp, yp, gridsize=6, xscale="log", yscale="log")
    _, max_ = mplt.subplots()
    theirs = max_.hexbin(xp, yp, gridsize=6, xscale="log", yscale="log")
    assert np.allclose(ours.get_array(), theirs.get_array())
    assert ax.get_xscale() == "log"
    fig.render()


def test_hexbin_leaves_out_missing_points_and_colorbar_works():
    x, y = points(500)
    x2, y2 = x.copy(), y.copy()
    x2[:10] = np.nan
    ym = np.ma.masked_array(y2, mask=np.r_[np.zeros(490, bool), np.ones(10, bool)])
    fig, ax = small()
    hb = ax.hexbin(x2, ym, gridsize=10)
    assert hb.get_array().sum() == 480
    assert np.isnan(x2[:10]).all()  # the caller's array is untouched
    fig.colorbar(hb, ax=ax)
    fig.render()
    with pytest.raises(ValueError, match="x and C"):
        ax.hexbin(x, y, C=[1, 2])
    with pytest.raises(ValueError, match="xscale"):
        ax.hexbin(x, y, xscale="symlog")
    with pytest.raises(ValueError, match="log-scaled"):
        ax.hexbin(x, y, xscale="log")


def test_hist2d_matches_matplotlib():
    x, y = points()
    fig, ax = small()
    h, xe, ye, mesh = ax.hist2d(x, y, bins=(12, 9), cmin=2, density=True)
    _, max_ = mplt.subplots()
    mh, mxe, mye, _ = max_.hist2d(x, y, bins=(12, 9), cmin=2, density=True)
    assert np.allclose(h, mh, equal_nan=True)
    assert np.allclose(xe, mxe) and np.allclose(ye, mye)
    assert ax.get_xlim() == pytest.approx(max_.get_xlim())
    with pytest.raises(ValueError, match="range"):
        ax.hist2d(x, y, range=(0, 1))


# -- spectra -------------------------------------------------------------------------------------
def signal(n=2000, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    x = np.sin(0.3 * t) + rng.standard_normal(n)
    return x, np.roll(x, 5) + 0.5 * rng.standard_normal(n)


@pytest.mark.parametrize("kw", [{}, {"NFFT": 128, "noverlap": 64, "Fs": 100},
                                {"NFFT": 101, "pad_to": 256, "sides": "twosided",
                                 "detrend": "mean", "noverlap": 10},
                                {"NFFT": 64, "scale_by_freq": False,
                                 "window": mlab.window_none, "detrend": "linear"}])
def test_psd_csd_specgram_numbers_match_mlab(kw):
    x, y = signal()
    for ours, theirs in ((spectral.psd(x, **kw), mlab.psd(x, **kw)),
                         (spectral.csd(x, y, **kw), mlab.csd(x, y, **kw))):
        assert np.allclose(ours[0], theirs[0]) and np.allclose(ours[1], theirs[1])
    kw = {"noverlap": 0, **kw}
    for mode in ("psd", "magnitude", "phase", "angle", "complex"):
        ours = spectral.specgram(x, mode=mode, **kw)
        theirs = mlab.specgram(x, mode=mode, **kw)
        assert all(np.allclose(a, b) for a, b in zip(ours, theirs, strict=True)), mode


def test_axes_spectral_methods_return_matplotlibs_values():
    x, y = signal()
    fig, ax = small()
    _, max_ = mplt.subplots()
    for name, args, kw in (("psd", (x,), {"NFFT": 256, "Fs": 10}),
                           ("csd", (x, y), {"NFFT": 128}),
                           ("cohere", (x, y), {"NFFT": 128}),
                           ("magnitude_spectrum", (x[:300],), {"Fs": 5, "scale": "dB"}),
                           ("phase_spectrum", (x[:300],), {}),
                           ("angle_spectrum", (x[:300],), {}),
                           ("specgram", (x,), {"NFFT": 128, "noverlap": 64})):
        ours = getattr(ax, name)(*args, **kw)
        theirs = getattr(max_, name)(*args, **kw)
        for a, b in zip(ours[:2], theirs[:2], strict=True):
            assert np.allclose(a, b), name
    lags, c, lines, base = ax.xcorr(x[:200], y[:200], maxlags=20)
    mlags, mc, _, _ = max_.xcorr(x[:200], y[:200], maxlags=20)
    assert np.array_equal(lags, mlags) and np.allclose(c, mc)
    assert len(lines.get_segments()) == 41
    lags, c, line, base = ax.acorr(x[:200], usevlines=False, maxlags=None)
    assert base is None and len(lags) == 399


def test_psd_axes_look_like_matplotlibs():
    x, _ = signal()
    fig, ax = small()
    ax.psd(x, NFFT=256, Fs=100)
    _, max_ = mplt.subplots()
    max_.psd(x, NFFT=256, Fs=100)
    assert ax.get_ylabel() == max_.get_ylabel()
    assert np.allclose(ax.get_yticks(), max_.get_yticks())
    assert ax.get_ylim() == pytest.approx(max_.get_ylim(), rel=0.02)


def test_spectral_bad_input():
    x, y = signal(400)
    fig, ax = small()
    with pytest.raises(ValueError, match="noverlap"):
        ax.psd(x, NFFT=64, noverlap=64)
    with pytest.raises(ValueError, match="NFFT"):
        ax.psd(x, NFFT=0)
    with pytest.raises(ValueError, match="Fs"):
        ax.psd(x, Fs=-1)
    with pytest.raises(TypeError, match="x"):
        ax.psd(["a", "b"])
    with pytest.raises(ValueError, match="x"):
        ax.psd(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="mode"):
        ax.specgram(x, mode="complex")
    with pytest.raises(ValueError, match="maxlags"):
        ax.xcorr(x, y, maxlags=1000)
    with pytest.raises(ValueError, match="same length"):
        ax.xcorr(x, y[:10])
    with pytest.raises(ValueError, match="window"):
        ax.psd(x, NFFT=64, window=np.ones(10))
