"""matplotlib scripts run with one changed import and look the same: what a tight save
keeps, what ``cla`` resets, how images set the limits, stable layouts, what streamplot
lists."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

import lumos.pyplot as plt


def _png(fig, **kwargs) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", **kwargs)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L")).astype(int)


def test_tight_save_keeps_the_offset_text_below_the_figure(close_figures):
    """The x axis' "1e6" hangs below a 6 x 3 in figure; a tight save grows the file to
    hold it, and draws it there (it was cut at the figure's old bottom edge)."""
    fig, ax = plt.subplots(figsize=(6, 3))
    x = np.linspace(0, 5e6, 50)
    ax.plot(x, x * 1e9)
    x0, y0, x1, y1 = fig.get_tightbbox().extents
    assert y0 < 0  # the offset text reaches below the figure
    img = _png(fig, bbox_inches="tight", pad_inches=0)
    below = img[-int(-y0) + 1:, -60:]  # the rows under the figure's old bottom edge
    assert (below < 128).sum() > 10  # the offset text's lower part is there
