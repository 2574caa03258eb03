"""Spectral analysis plots: ``psd``, ``csd``, ``cohere``, ``specgram``,
``magnitude_spectrum``, ``phase_spectrum``, ``angle_spectrum``, ``xcorr``, ``acorr``.

The numbers are matplotlib.mlab's (Welch's averaged periodogram with its windows,
detrending, one/two-sided scaling and defaults), computed with numpy alone; the
functions here return what matplotlib's return.
"""

from __future__ import annotations

import math
import warnings
from numbers import Integral, Real

import numpy as np

from .artists import accepts_rasterized
from .plot_args import check_choice


# -- windows and detrending (matplotlib.mlab's) --------------------------------------------
def window_hanning(x: np.ndarray) -> np.ndarray:
    """A Hann window times ``x`` (the default window)."""
    return np.hanning(len(x)) * x


def window_none(x: np.ndarray) -> np.ndarray:
    """No window: ``x`` itself."""
    return x


def detrend_none(x, axis=None):
    """No detrending."""
    return x


def detrend_mean(x, axis=None):
    """``x`` minus its mean (along ``axis``)."""
    x = np.asarray(x)
    return x - x.mean(axis, keepdims=True)


def detrend_linear(y):
    """``y`` minus its least-squares line."""
    y = np.asarray(y)
    if y.ndim > 1:
        raise ValueError(f"y: got shape {y.shape}, expected one dimension")
    if not y.ndim:
        return np.array(0.0, dtype=y.dtype)
    x = np.arange(y.size, dtype=float)
    c = np.cov(x, y, bias=1)
    b = c[0, 1] / c[0, 0]
    return y - (b * x + (y.mean() - b * x.mean()))


def detrend(x, key=None, axis=None):
    """``key`` 'mean'/'constant'/'default' (the default), 'linear', 'none' or a
    function applied to ``x`` (along ``axis``)."""
    if key is None or (isinstance(key, str) and key in ("constant", "mean", "default")):
        return detrend(x, detrend_mean, axis)
    if isinstance(key, str) and key == "linear":
        return detrend(x, detrend_linear, axis)
    if isinstance(key, str) and key == "none":
        return x
    if not callable(key):
        raise ValueError(f"detrend: got {key!r}, expected 'mean', 'linear', 'none' or a "
                         "function")
    x = np.asarray(x)
    if (axis is None and x.ndim == 0) or (not axis and x.ndim == 1):
        return key(x)
    try:
        return key(x, axis=axis)
    except TypeError:
        return np.apply_along_axis(key, axis=axis, arr=x)


# -- the spectral helper ----------------------------------------------------------------------
def _signal(x, argument: str) -> np.ndarray:
    if np.ma.is_masked(x):
        x = np.ma.filled(np.ma.asarray(x, dtype=float), np.nan)
    arr = np.asarray(x)
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    if arr.ndim != 1:
        raise ValueError(f"{argument}: got shape {arr.shape}, expected one dimension")
    return arr


def _check_params(NFFT, Fs, noverlap, pad_to) -> None:  # noqa: N803
    if isinstance(NFFT, bool) or not isinstance(NFFT, Integral) or NFFT < 1:
        raise ValueError(f"NFFT: got {NFFT!r}, expected a positive integer")
    if isinstance(Fs, bool) or not isinstance(Fs, Real) or not Fs > 0:
        raise ValueError(f"Fs: got {Fs!r}, expected a positive number")
    if isinstance(noverlap, bool) or not isinstance(noverlap, Integral) or \
            not 0 <= noverlap < NFFT:
        raise ValueError(f"noverlap: got {noverlap!r}, expected an integer in 0..NFFT-1 "
                         f"(NFFT={NFFT})")
    if pad_to is not None and (isinstance(pad_to, bool) or not isinstance(pad_to, Integral)
                               or pad_to < 1):
        raise ValueError(f"pad_to: got {pad_to!r}, expected a positive integer")


def spectral_helper(x, y=None, NFFT=None, Fs=None, detrend_func=None,  # noqa: N803
                    window=None, noverlap=None, pad_to=None, sides=None,
                    scale_by_freq=None, mode=None) -> tuple:
    """matplotlib's ``mlab._spectral_helper``: the unaveraged spectra of NFFT-long
    segments (columns), their frequencies and the segments' centre times."""
    same_data = y is None or y is x
    Fs = 2 if Fs is None else Fs  # noqa: N806
    noverlap = 0 if noverlap is None else noverlap
    detrend_func = detrend_none if detrend_func is None else detrend_func
    window = window_hanning if window is None else window
    NFFT = 256 if NFFT is None else NFFT  # noqa: N806
    _check_params(NFFT, Fs, noverlap, pad_to)
    mode = "psd" if mode is None or mode == "default" else mode
    check_choice(mode, "mode", ("psd", "complex", "magnitude", "angle", "phase"))
    if not same_data and mode != "psd":
        raise ValueError("mode: x and y must be the same signal unless mode is 'psd'")
    x = _signal(x, "x")
    if not same_data:
        y = _signal(y, "y")
    if sides is None or sides == "default":
        sides = "twosided" if np.iscomplexobj(x) else "onesided"
    check_choice(sides, "sides", ("default", "onesided", "twosided"))
    if len(x) < NFFT:
        x = np.r_[x, np.zeros(NFFT - len(x), dtype=x.dtype)]
    if not same_data and len(y) < NFFT:
        y = np.r_[y, np.zeros(NFFT - len(y), dtype=y.dtype)]
    pad_to = NFFT if pad_to is None else pad_to
    if mode != "psd":
        scale_by_freq = False
    elif scale_by_freq is None:
        scale_by_freq = True
    if sides == "twosided":
        num_freqs = pad_to
        freqcenter = (pad_to - 1) // 2 + 1 if pad_to % 2 else pad_to // 2
        scaling = 1.0
    else:
        num_freqs = (pad_to + 1) // 2 if pad_to % 2 else pad_to // 2 + 1
        scaling = 2.0
    if not np.iterable(window):
        window = window(np.ones(NFFT, x.dtype))
    window = np.asarray(window)
    if len(window) != NFFT:
        raise ValueError(f"window: got {len(window)} values, expected NFFT={NFFT}")

    def segments(sig):
        seg = np.lib.stride_tricks.sliding_window_view(sig, NFFT, axis=0)[
            ::NFFT - noverlap].T
        seg = detrend(seg, detrend_func, axis=0)
        return np.fft.fft(seg * window.reshape((-1, 1)), n=pad_to, axis=0)[:num_freqs, :]

    result = segments(x)
    freqs = np.fft.fftfreq(pad_to, 1 / Fs)[:num_freqs]
    if not same_data:
        result = np.conj(result) * segments(y)
    elif mode == "psd":
        result = np.conj(result) * result
    elif mode == "magnitude":
        result = np.abs(result) / window.sum()
    elif mode in ("angle", "phase"):
        result = np.angle(result)
    elif mode == "complex":
        result = result / window.sum()
    if mode == "psd":
        slc = slice(1, -1) if not NFFT % 2 else slice(1, None)
        result[slc] *= scaling
        if scale_by_freq:
            result /= Fs
            result /= (window ** 2).sum()
        else:
            result /= window.sum() ** 2
    t = np.arange(NFFT / 2, len(x) - NFFT / 2 + 1, NFFT - noverlap) / Fs
    if sides == "twosided":
        freqs = np.roll(freqs, -freqcenter, axis=0)
        result = np.roll(result, -freqcenter, axis=0)
    elif not pad_to % 2:
        freqs[-1] *= -1
    if mode == "phase":
        result = np.unwrap(result, axis=0)
    return result, freqs, t


def csd(x, y, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None,  # noqa: N803
        pad_to=None, sides=None, scale_by_freq=None) -> tuple[np.ndarray, np.ndarray]:
    """The cross-spectral density of x and y by Welch's method: ``(Pxy, freqs)``."""
    pxy, freqs, _ = spectral_helper(x, y, NFFT, Fs, detrend, window, noverlap, pad_to,
                                    sides, scale_by_freq, "psd")
    if pxy.ndim == 2:
        pxy = pxy.mean(axis=1) if pxy.shape[1] > 1 else pxy[:, 0]
    return pxy, freqs


def psd(x, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None,  # noqa: N803
        pad_to=None, sides=None, scale_by_freq=None) -> tuple[np.ndarray, np.ndarray]:
    """The power spectral density of x by Welch's method: ``(Pxx, freqs)``."""
    pxx, freqs = csd(x, None, NFFT, Fs, detrend, window, noverlap, pad_to, sides,
                     scale_by_freq)
    return pxx.real, freqs


def single_spectrum(mode: str, x, Fs=None, window=None, pad_to=None,  # noqa: N803
                    sides=None) -> tuple[np.ndarray, np.ndarray]:
    """One spectrum of the whole signal: mode 'complex', 'magnitude', 'angle' or
    'phase' (matplotlib's ``mlab.magnitude_spectrum`` & co.)."""
    check_choice(mode, "mode", ("complex", "magnitude", "angle", "phase"))
    x = _signal(x, "x")
    spec, freqs, _ = spectral_helper(x, None, len(x), Fs, detrend_none, window, 0,
                                     len(x) if pad_to is None else pad_to, sides, False,
                                     mode)
    if mode != "complex":
        spec = spec.real
    if spec.ndim == 2 and spec.shape[1] == 1:
        spec = spec[:, 0]
    return spec, freqs


def specgram(x, NFFT=None, Fs=None, detrend=None, window=None, noverlap=None,  # noqa: N803
             pad_to=None, sides=None, scale_by_freq=None, mode=None) -> tuple:
    """A spectrogram: ``(spectrum (freqs × segments), freqs, t)``; 128 samples of
    overlap by default."""
    noverlap = 128 if noverlap is None else noverlap
    NFFT = 256 if NFFT is None else NFFT  # noqa: N806
    x = _signal(x, "x")
    if len(x) <= NFFT:
        warnings.warn(f"specgram: only one segment is calculated since NFFT (={NFFT}) >= "
                      f"the signal length (={len(x)})", stacklevel=3)
    spec, freqs, t = spectral_helper(x, None, NFFT, Fs, detrend, window, noverlap, pad_to,
                                     sides, scale_by_freq, mode)
    if mode != "complex":
        spec = spec.real
    return spec, freqs, t


def cohere(x, y, NFFT=256, Fs=2, detrend=detrend_none, window=window_hanning,  # noqa: N803
           noverlap=0, pad_to=None, sides="default",
           scale_by_freq=None) -> tuple[np.ndarray, np.ndarray]:
    """The coherence |Pxy|² / (Pxx Pyy) of x and y: ``(Cxy, freqs)``."""
    if len(x) < 2 * NFFT:
        raise ValueError(f"x: got {len(x)} samples, coherence averages NFFT={NFFT} long "
                         "segments and needs at least 2 * NFFT")
    pxx, f = psd(x, NFFT, Fs, detrend, window, noverlap, pad_to, sides, scale_by_freq)
    pyy, f = psd(y, NFFT, Fs, detrend, window, noverlap, pad_to, sides, scale_by_freq)
    pxy, f = csd(x, y, NFFT, Fs, detrend, window, noverlap, pad_to, sides, scale_by_freq)
    return np.abs(pxy) ** 2 / (pxx * pyy), f


class SpectralMixin:
    """The spectral plots of Axes (matplotlib's signatures and return values)."""

    def _db_ticks(self) -> None:
        """matplotlib's psd/csd y ticks: every 10·k dB from the floor of the autoscaled
        range, the view widened to them."""
        self._autoscale()
        vmin, vmax = self.get_ylim()
        if not (np.isfinite(vmin) and np.isfinite(vmax)) or vmax <= vmin:
            return
        step = max(10 * int(np.log10(vmax - vmin)), 1)
        ticks = np.arange(math.floor(vmin), math.ceil(vmax) + 1, step)
        self.set_yticks(ticks)
        # matplotlib's set_ticks widens the view to its ticks
        self.set_ylim(min(vmin, ticks[0]), max(vmax, ticks[-1]))

    def psd(self, x, NFFT=None, Fs=None, Fc=None, detrend=None, window=None,  # noqa: N803
            noverlap=None, pad_to=None, sides=None, scale_by_freq=None, return_line=None,
            **kwargs):
        """Plot the power spectral density of x in dB (Welch's method); returns
        ``(Pxx, freqs)`` (and the line with ``return_line=True``)."""
        pxx, freqs = psd(x, NFFT, Fs, detrend, window, noverlap, pad_to, sides,
                         scale_by_freq)
        freqs = freqs + (0 if Fc is None else Fc)
        units = "dB/Hz" if scale_by_freq in (None, True) else "dB"
        with np.errstate(divide="ignore"):
            line = self.plot(freqs, 10 * np.log10(pxx), **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel(f"Power Spectral Density ({units})")
        self.grid(True)
        self._db_ticks()
        return (pxx, freqs, line) if return_line else (pxx, freqs)

    def csd(self, x, y, NFFT=None, Fs=None, Fc=None, detrend=None, window=None,  # noqa: N803
            noverlap=None, pad_to=None, sides=None, scale_by_freq=None, return_line=None,
            **kwargs):
        """Plot the cross-spectral density magnitude of x and y in dB; returns
        ``(Pxy, freqs)`` (complex Pxy; and the line with ``return_line=True``)."""
        pxy, freqs = csd(x, y, NFFT, Fs, detrend, window, noverlap, pad_to, sides,
                         scale_by_freq)
        freqs = freqs + (0 if Fc is None else Fc)
        with np.errstate(divide="ignore"):
            line = self.plot(freqs, 10 * np.log10(np.abs(pxy)), **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel("Cross Spectrum Magnitude (dB)")
        self.grid(True)
        self._db_ticks()
        return (pxy, freqs, line) if return_line else (pxy, freqs)

    def cohere(self, x, y, NFFT=256, Fs=2, Fc=0, detrend=detrend_none,  # noqa: N803
               window=window_hanning, noverlap=0, pad_to=None, sides="default",
               scale_by_freq=None, **kwargs):
        """Plot the coherence of x and y; returns ``(Cxy, freqs)``."""
        cxy, freqs = cohere(x, y, NFFT, Fs, detrend, window, noverlap, pad_to, sides,
                            scale_by_freq)
        freqs = freqs + Fc
        self.plot(freqs, cxy, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel("Coherence")
        self.grid(True)
        return cxy, freqs

    def _single(self, mode, x, Fs, Fc, window, pad_to, sides, kwargs):
        spec, freqs = single_spectrum(mode, x, Fs, window, pad_to, sides)
        return spec, freqs + (0 if Fc is None else Fc)

    def magnitude_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None,  # noqa: N803
                           sides=None, scale=None, **kwargs):
        """Plot the magnitude spectrum of x (``scale`` 'linear' or 'dB'); returns
        ``(spectrum, freqs, line)``."""
        spec, freqs = self._single("magnitude", x, Fs, Fc, window, pad_to, sides, kwargs)
        units = {None: "energy", "default": "energy", "linear": "energy", "dB": "dB"}
        if scale not in units:
            raise ValueError(f"scale: got {scale!r}, expected 'default', 'linear' or 'dB'")
        with np.errstate(divide="ignore"):
            z = spec if units[scale] == "energy" else 20.0 * np.log10(spec)
        (line,) = self.plot(freqs, z, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel(f"Magnitude ({units[scale]})")
        return spec, freqs, line

    def angle_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None,  # noqa: N803
                       sides=None, **kwargs):
        """Plot the wrapped phase (angle) spectrum of x; returns
        ``(spectrum, freqs, line)``."""
        spec, freqs = self._single("angle", x, Fs, Fc, window, pad_to, sides, kwargs)
        (line,) = self.plot(freqs, spec, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel("Angle (radians)")
        return spec, freqs, line

    def phase_spectrum(self, x, Fs=None, Fc=None, window=None, pad_to=None,  # noqa: N803
                       sides=None, **kwargs):
        """Plot the unwrapped phase spectrum of x; returns ``(spectrum, freqs, line)``."""
        spec, freqs = self._single("phase", x, Fs, Fc, window, pad_to, sides, kwargs)
        (line,) = self.plot(freqs, spec, **kwargs)
        self.set_xlabel("Frequency")
        self.set_ylabel("Phase (radians)")
        return spec, freqs, line

    @accepts_rasterized
    def specgram(self, x, NFFT=None, Fs=None, Fc=None, detrend=None, window=None,  # noqa: N803
                 noverlap=None, cmap=None, xextent=None, pad_to=None, sides=None,
                 scale_by_freq=None, mode=None, scale=None, vmin=None, vmax=None,
                 **kwargs):
        """Plot a spectrogram as an image (time along x, frequency along y, dB by
        default); returns ``(spectrum, freqs, t, image)``."""
        NFFT = 256 if NFFT is None else NFFT  # noqa: N806
        Fc = 0 if Fc is None else Fc  # noqa: N806
        noverlap = 128 if noverlap is None else noverlap
        Fs = 2 if Fs is None else Fs  # noqa: N806
        if mode == "complex":
            raise ValueError("mode: cannot plot a complex specgram")
        if scale is None or scale == "default":
            scale = "linear" if mode in ("angle", "phase") else "dB"
        elif mode in ("angle", "phase") and scale == "dB":
            raise ValueError("scale: cannot use dB with angle or phase mode")
        check_choice(scale, "scale", ("linear", "dB"))
        if "origin" in kwargs:
            raise TypeError("specgram: got an unexpected keyword argument 'origin'")
        spec, freqs, t = specgram(x, NFFT, Fs, detrend, window, noverlap, pad_to, sides,
                                  scale_by_freq, mode)
        with np.errstate(divide="ignore"):
            if scale == "linear":
                z = spec
            elif mode in (None, "default", "psd"):
                z = 10.0 * np.log10(spec)
            else:
                z = 20.0 * np.log10(spec)
        z = np.flipud(z)
        if xextent is None:
            pad = (NFFT - noverlap) / Fs / 2
            xextent = np.min(t) - pad, np.max(t) + pad
        freqs = freqs + Fc
        extent = (xextent[0], xextent[1], freqs[0], freqs[-1])
        im = self.imshow(z, cmap, extent=extent, vmin=vmin, vmax=vmax, origin="upper",
                         **kwargs)
        self.set_aspect("auto")
        return spec, freqs, t, im

    def xcorr(self, x, y, normed: bool = True, detrend=detrend_none,
              usevlines: bool = True, maxlags=10, **kwargs):
        """Plot the cross correlation of x and y at lags -maxlags..maxlags; returns
        ``(lags, c, vlines LineCollection or Line2D, axhline or None)``."""
        x, y = _signal(x, "x"), _signal(y, "y")
        n = len(x)
        if n != len(y):
            raise ValueError(f"x and y must have the same length: got {n} and {len(y)}")
        x = detrend(np.asarray(x))
        y = detrend(np.asarray(y))
        correls = np.correlate(x, y, mode="full")
        if normed:
            correls = correls / np.sqrt(np.dot(x, x) * np.dot(y, y))
        maxlags = n - 1 if maxlags is None else maxlags
        if isinstance(maxlags, bool) or not isinstance(maxlags, Integral) or \
                not 1 <= maxlags < n:
            raise ValueError(f"maxlags: got {maxlags!r}, expected None or an integer in "
                             f"1..{n - 1}")
        lags = np.arange(-maxlags, maxlags + 1)
        correls = correls[n - 1 - maxlags:n + maxlags]
        if usevlines:
            a = self.vlines(lags, [0], correls, **kwargs)
            kwargs.pop("label", None)
            b = self.axhline(**kwargs)
        else:
            kwargs.setdefault("marker", "o")
            kwargs.setdefault("linestyle", "None")
            (a,) = self.plot(lags, correls, **kwargs)
            b = None
        return lags, correls, a, b

    def acorr(self, x, **kwargs):
        """Plot the autocorrelation of x (``xcorr(x, x)``)."""
        return self.xcorr(x, x, **kwargs)


__all__ = ["SpectralMixin", "cohere", "csd", "detrend", "detrend_linear", "detrend_mean",
           "detrend_none", "psd", "single_spectrum", "spectral_helper", "specgram",
           "window_hanning", "window_none"]
