"""A live audio spectrum as a scrolling surface (the GR audio-spectrum demo).

    python examples/science/spectrum.py [out.png] [--frames 150]

A synthetic signal (a chirp, two tones with harmonics, noise) is cut into 1024-sample
blocks; each block's magnitude spectrum (dB, 256 bins up to 5.5 kHz) enters the
surface at the front and the older ones move back. ``Surface.set_zdata`` sends only
what changed: here every row moves each frame, so it is a full upload of 128 x 256
heights and normals (about 0.8 MB), well under a millisecond of bus time; the timing
printed is the whole update + draw, per frame.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from lumos import scene
from lumos.visuals.surface import Surface

RATE = 22050
BLOCK = 1024
BINS = 256
HISTORY = 128


def signal(frames: int, seed: int = 0) -> np.ndarray:
    """frames * BLOCK samples of a chirp, two tones with harmonics and noise."""
    t = np.arange(frames * BLOCK) / RATE
    chirp = np.sin(2 * np.pi * (300 * t + 900 * t ** 2 / t[-1]))
    tones = sum(np.sin(2 * np.pi * f * k * t) / k for f in (440.0, 1320.0) for k in (1, 2, 3))
    wobble = 1 + 0.5 * np.sin(2 * np.pi * 0.8 * t)
    noise = np.random.default_rng(seed).normal(0, 0.01, t.shape)
    return chirp * wobble + 0.15 * tones + noise


def spectrum(block: np.ndarray) -> np.ndarray:
    """Magnitude in dB of the first BINS bins (Hann window), clipped to [-60, 40]."""
    mag = np.abs(np.fft.rfft(block * np.hanning(len(block))))[:BINS]
    return np.clip(20 * np.log10(mag + 1e-9), -60, 40)


def build_canvas(frames: int = 150, pixel_ratio: float = 1.0):
    """The canvas after ``frames`` updates, and the mean update + draw time (s)."""
    canvas = scene.Canvas(size=(800, 500), pixel_ratio=pixel_ratio, bgcolor="#0b0f1a",
                          title="lumos: live spectrum")
    view = canvas.add_view(camera="turntable")
    freq = np.arange(BINS) * RATE / BLOCK / 1000  # kHz
    age = np.arange(HISTORY) * BLOCK / RATE  # seconds back
    z = np.full((HISTORY, BINS), -60.0)
    surf = Surface(freq, age, z / 60, cmap="inferno", clim=(-0.8, 0.65), shading="smooth",
                   lighting={"ambient": 0.45, "specular": 0.15})
    view.add(surf)
    view.camera.set_range(z=(-1, 0.7), margin=-0.35)
    view.camera.azimuth, view.camera.elevation = -30.0, 35.0
    data = signal(frames)
    times = []
    for k in range(frames):
        z = np.roll(z, 1, axis=0)  # the newest row in front (age 0)
        z[0] = spectrum(data[k * BLOCK: (k + 1) * BLOCK])
        t = time.perf_counter()
        surf.set_zdata(z / 60)
        if k % 10 == 9 or k == frames - 1:  # draw every 10th frame (headless: no vsync)
            canvas.render()
            times.append(time.perf_counter() - t)
    return canvas, float(np.mean(times))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    frames = int(sys.argv[sys.argv.index("--frames") + 1]) if "--frames" in sys.argv else 150
    out = Path(args[0] if args and not args[0].isdigit() else "spectrum.png")
    canvas, per_frame = build_canvas(frames)
    canvas.save(out)
    print(f"{out}: {frames} spectra, update + draw {per_frame * 1000:.0f} ms a frame")


if __name__ == "__main__":
    main()
