"""A translucent patch whose outline crosses itself is shaded once where it overlaps,
as matplotlib's Agg fills a path's coverage with the nonzero rule (the gallery's
statistics/curve_error_band.py: an error band around a limaçon); the vector files give
the path no fill-rule (nonzero, as matplotlib's)."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import pyplot as plt
from lumos.path import Path
from lumos.plot.patch_base import PathPatch

# matplotlib 3.11's Agg: C1 (#ff7f0e) at alpha 0.3 over white, shaded once
ONCE = (255, 217, 183)


def band_figure():
    n = 400
    t = np.linspace(0, 2 * np.pi, n)
    r = 0.5 + np.cos(t)
    x, y = r * np.cos(t), r * np.sin(t)
    err = 0.05 * np.sin(2 * t) ** 2 + 0.04
    dx = np.gradient(x)
    dy = np.gradient(y)
    length = np.hypot(dx, dy)
    nx, ny = dy / length, -dx / length
    v = np.block([[x + nx * err, (x - nx * err)[::-1]],
                  [y + ny * err, (y - ny * err)[::-1]]]).T
    codes = np.full(len(v), Path.LINETO)
    codes[0] = codes[n] = Path.MOVETO
    fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
    ax.set(xlim=(-0.6, 0.1), ylim=(-0.35, 0.35), xticks=[], yticks=[])
    # no frame: the band runs into the axes' edges, where a (snapped) spine's faint
    # neighbour rows over it would read as a darker shade
    ax.spines[:].set_visible(False)
    ax.add_patch(PathPatch(Path(v, codes), facecolor="C1", edgecolor="none",
                           alpha=0.3))
    return fig


def test_overlap_is_shaded_once():
    fig = band_figure()
    img = fig.render()[..., :3].astype(int)
    plt.close(fig)
    orange = (img[..., 0] > 240) & (img[..., 2] < 230)
    assert orange.sum() > 10000  # the band is drawn
    # twice would be (255, 190, 143): no pixel darker than once, edges are lighter
    assert int((orange & (img[..., 1] < ONCE[1] - 6)).sum()) == 0
    inner = img[orange & (img[..., 1] < 225)]
    assert np.median(inner, axis=0) == pytest.approx(ONCE, abs=2)


def test_svg_fills_it_with_the_nonzero_rule(tmp_path):
    fig = band_figure()
    fig.savefig(tmp_path / "band.svg")
    plt.close(fig)
    svg = (tmp_path / "band.svg").read_text()
    assert "fill:#ff7f0e;fill-opacity:0.3" in svg
    assert "evenodd" not in svg
