"""Helpers the plot tests share: a small lumos figure, the pixel under a point, the
strings a figure draws, matplotlib's tick labels as lumos writes them, and blue/red
classes of a picture (path effects' tests), a figure's PNG as an array."""

from __future__ import annotations

import io
import re

import numpy as np

import lumos


def small():
    """A 4 x 3 inch lumos figure at 80 dpi and its axes."""
    return lumos.subplots(figsize=(4, 3), dpi=80)


def px(img, ax, x, y) -> np.ndarray:
    """RGB (0..1) of the pixel of ``img`` (rows from the top) under data point (x, y)."""
    fx, fy = ax.to_pixels(x, y)
    h, w = img.shape[:2]
    return img[int(np.clip(np.floor(h - fy), 0, h - 1)), int(np.clip(np.floor(fx), 0, w - 1)),
               :3] / 255.0


def drawn_strings(fig) -> list[str]:
    """The strings of every text visual a draw of ``fig`` puts in its overlay."""
    fig.draw()
    return [s for v in fig.overlay.view.visuals if type(v).__name__ == "Text"
            for s in ([v.text] if isinstance(v.text, str) else v.text)]


def mpl_text(s: str) -> str:
    """A matplotlib tick label as lumos writes it: no ``\\mathdefault{}`` wrapper
    around a math label, ASCII minus."""
    s = s.replace("\u2212", "-")
    m = re.fullmatch(r"\$\\mathdefault\{(.*)\}\$", s)
    return f"${m.group(1)}$" if m else s


def blue_red(img) -> np.ndarray:
    """0 white (or other), 1 blue, 2 red of an RGB picture (antialiased edges: neither)."""
    blue = (img[..., 2] > 180) & (img[..., 0] < 90) & (img[..., 1] < 90)
    red = (img[..., 0] > 180) & (img[..., 1] < 90) & (img[..., 2] < 90)
    return np.where(blue, 1, np.where(red, 2, 0))


def grown(mask: np.ndarray, reach: int = 1) -> np.ndarray:
    """``mask`` grown by ``reach`` pixels each way (a square neighbourhood)."""
    out = mask.copy()
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            out |= np.roll(mask, (dy, dx), axis=(0, 1))
    return out


def both_libraries(make) -> list:
    """``make(fig)`` on a matplotlib (Agg) figure, then on a lumos one, each 4 x 3
    inches at 100 dpi and closed after: [matplotlib's result, lumos's]."""
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as mplt

    import lumos.pyplot as plt

    out = []
    for pyplot in (mplt, plt):
        fig = pyplot.figure(figsize=(4, 3), dpi=100)
        out.append(make(fig))
        pyplot.close(fig)
    return out


def png_pixels(fig, pyplot) -> np.ndarray:
    """``fig`` (of ``pyplot``: lumos's or matplotlib's) saved as a PNG, then closed: its
    RGB pixels as floats."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    buf.seek(0)
    return np.asarray(Image.open(buf).convert("RGB"), dtype=float)
