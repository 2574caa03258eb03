"""
Live data
=========

Signals that keep coming: a stream of many channels fed from a thread, a scrolling
spectrogram (a waterfall), and a spectrum drawn as a 3D surface. Only new samples travel
to the GPU; a draw costs the same however long the history is.
"""

# %%
# A stream fed from a thread
# --------------------------
# ``ax.stream`` keeps the newest ``capacity`` samples of every channel in one GPU ring
# buffer. ``push`` may be called from any thread: here an acquisition thread pushes
# blocks while the main thread draws.

import threading

import numpy as np

import lumos.pyplot as plt

CHANNELS, RATE = 8, 2000.0
fig, ax = plt.subplots(figsize=(7, 3.5), dpi=100)
s = ax.stream(channels=CHANNELS, capacity=4000, dt=1 / RATE, stacked=True)
ax.set_xlabel("time (s)")
ax.set_title("8 channels, pushed from a thread")


def acquire(blocks: int, n: int = 100) -> None:
    rng = np.random.default_rng(0)
    for k in range(blocks):
        t = (k * n + np.arange(n)) / RATE
        freqs = 2.0 + np.arange(CHANNELS)
        block = np.sin(2 * np.pi * t[:, None] * freqs) + 0.2 * rng.normal(size=(n, CHANNELS))
        s.push(block)  # uploads only these n rows


worker = threading.Thread(target=acquire, args=(60,))
worker.start()
worker.join()  # a live program would draw while it runs (fig.show() or a timer)

# %%
# A waterfall: a spectrogram that scrolls
# ---------------------------------------
# ``ax.waterfall`` keeps rows of a spectrum; each ``push`` adds rows at the top and
# the texture scrolls without being uploaded again.

BLOCK, BINS = 256, 128
fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
w = ax.waterfall(BINS, capacity=200, dt=BLOCK / 8000, freqs=(0, 4000 * BINS / (BLOCK // 2)),
                 cmap="magma", vmin=-40, vmax=30)
fig.colorbar(w, ax=ax, label="dB")
ax.set_xlabel("frequency (Hz)")
ax.set_ylabel("time (s)")
t = np.arange(200 * BLOCK) / 8000
noise = 0.01 * np.random.default_rng(1).normal(size=t.size)
audio = np.sin(2 * np.pi * (200 + 300 * t) * t) + noise
for k in range(200):
    frame = audio[k * BLOCK:(k + 1) * BLOCK] * np.hanning(BLOCK)
    w.push(20 * np.log10(np.abs(np.fft.rfft(frame))[:BINS] + 1e-6)[None, :])

# %%
# A spectrum as a surface
# -----------------------
# Below the plotting API is the scene layer: a canvas, views with cameras, and visuals.
# A :class:`~lumos.visuals.Surface` takes a new height grid with ``set_zdata``; here the
# newest spectrum enters in front and the older ones move back.

from lumos import scene  # noqa: E402
from lumos.visuals import Surface  # noqa: E402

canvas = scene.Canvas(size=(700, 420), pixel_ratio=1, bgcolor="#0b0f1a")
view = canvas.add_view(camera="turntable")
history = np.full((60, BINS), -40.0)
surf = Surface(np.arange(BINS) / BINS * 4, np.arange(60) / 20, history / 40, cmap="inferno",
               clim=(-1, 0.75), shading="smooth")
view.add(surf)
view.camera.set_range(z=(-1, 0.8))
view.camera.azimuth, view.camera.elevation = -60.0, 40.0
for k in range(60):
    history = np.roll(history, 1, axis=0)
    frame = audio[3 * k * BLOCK:(3 * k + 1) * BLOCK] * np.hanning(BLOCK)  # every 3rd block
    history[0] = np.clip(20 * np.log10(np.abs(np.fft.rfft(frame))[:BINS] + 1e-6), -40, 30)
    surf.set_zdata(history / 40)
canvas.save("spectrum_surface.png")
