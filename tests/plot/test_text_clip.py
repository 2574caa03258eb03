"""``ax.text(..., clip_on=True)`` is clipped at the pixel to the axes' box, as
matplotlib clips it to the axes' clip box: the part inside stays, glyphs are cut at the
edge (matplotlib 3.11 runs the same scripts here)."""

from __future__ import annotations

import io

import numpy as np
import pytest

import lumos.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _ink(pyplot, x, y, **kw):
    """(dark pixels, their first/last column and row) of a text on an axes without
    frame or ticks (200x150 figure, axes from pixel 50 to 150 across)."""
    from PIL import Image

    fig = pyplot.figure(figsize=(2, 1.5), dpi=100)
    ax = fig.add_axes((0.25, 0.2, 0.5, 0.6))
    ax.set_axis_off()
    ax.text(x, y, "clipped text", fontsize=20, clip_on=True, **kw)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    rows, cols = np.nonzero(np.asarray(Image.open(buf).convert("L")) < 128)
    if not len(rows):
        return 0, None
    return len(rows), (cols.min(), cols.max(), rows.min(), rows.max())


@pytest.mark.parametrize(("x", "y", "kw"), [
    (0.6, 0.5, {}),  # runs out on the right
    (0.5, 0.9, {"ha": "center"}),  # out at the top
    (-0.3, 0.05, {"rotation": 15}),  # anchored outside, reaching in
])
def test_text_cut_at_the_axes_edge(x, y, kw):
    want, got = _ink(mplt, x, y, **kw), _ink(plt, x, y, **kw)
    assert got[0] > 0
    assert got[1][1] <= 150 and got[1][0] >= 50  # nothing beyond the axes' columns
    assert np.abs(np.subtract(got[1], want[1])).max() <= 1, (got, want)
    assert abs(got[0] - want[0]) <= 0.15 * want[0], (got, want)  # glyph weights differ


def test_text_outside_draws_nothing_and_page_knows():
    assert _ink(plt, 1.5, 0.5)[0] == 0
    fig, ax = plt.subplots()
    t = ax.text(0.5, 0.5, "a", clip_on=True)
    assert "clip_on" in t.page_anchor()["why"]
    t.set_clip_on(False)
    assert "why" not in t.page_anchor()
    plt.close(fig)
