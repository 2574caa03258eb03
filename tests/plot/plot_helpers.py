"""Helpers the plot tests share: a small lumos figure, the pixel under a point and the
strings a figure draws."""

from __future__ import annotations

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
