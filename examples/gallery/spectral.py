"""Spectra: power and cross spectral densities, coherence, a spectrogram, correlations
and a magnitude spectrum (matplotlib.mlab's numbers)."""

import sys

import numpy as np

import lumos.pyplot as plt

rng = np.random.default_rng(11)
dt = 0.01
t = np.arange(0, 30, dt)
nse1, nse2 = rng.standard_normal(len(t)), rng.standard_normal(len(t))
s1 = np.sin(2 * np.pi * 10 * t) + 0.5 * nse1
s2 = np.sin(2 * np.pi * 10 * t + 0.7) + 0.5 * nse2
chirp = np.sin(2 * np.pi * (5 + 15 * t / 30) * t) + 0.2 * nse1

fig, axs = plt.subplots(2, 3, figsize=(13, 7), dpi=100)
axs[0, 0].psd(s1, NFFT=256, Fs=1 / dt)
axs[0, 0].set_title("psd")
axs[0, 1].csd(s1, s2, NFFT=256, Fs=1 / dt)
axs[0, 1].set_title("csd")
axs[0, 2].cohere(s1, s2, NFFT=256, Fs=1 / dt)
axs[0, 2].set_title("cohere")
spec, freqs, times, im = axs[1, 0].specgram(chirp, NFFT=128, Fs=1 / dt, noverlap=96,
                                              cmap="magma")
fig.colorbar(im, ax=axs[1, 0], label="dB")
axs[1, 0].set_title("specgram")
axs[1, 1].xcorr(s1[:400], s2[:400], maxlags=40)
axs[1, 1].set_title("xcorr")
axs[1, 2].magnitude_spectrum(s1[:512], Fs=1 / dt, scale="dB", color="C1")
axs[1, 2].set_title("magnitude_spectrum")
plt.savefig(sys.argv[1] if len(sys.argv) > 1 else "spectral.png")
