"""Hatch colors follow matplotlib 3.11's rules: ``hatchcolor`` else ``hatch.color``
(faded by ``alpha``) else the edge color; with no visible edge, ``patch.edgecolor``, which
a collection's ``alpha`` fades (fill_between) and a patch's (bar, Rectangle) does not."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

import lumos.patches
import lumos.pyplot as plt

matplotlib.use("Agg")

X = np.linspace(0.0, 1.0, 5)
CASES = {
    "fill_between alpha": lambda ax, rect: ax.fill_between(X, 0 * X, 0 * X + 1, alpha=0.3,
                                                     hatch="//", facecolor="white"),
    "fill_between edge alpha": lambda ax, rect: ax.fill_between(X, 0 * X, 0 * X + 1, alpha=0.5,
                                                          hatch="//", edgecolor="r",
                                                          facecolor="white"),
    "fill_between hatchcolor": lambda ax, rect: ax.fill_between(X, 0 * X, 0 * X + 1, alpha=0.5,
                                                          hatch="//", hatchcolor="m",
                                                          facecolor="white"),
    "bar alpha": lambda ax, rect: ax.bar([0.5], [1], width=1, hatch="//", alpha=0.5,
                                   color="white"),
    "Rectangle alpha": lambda ax, rect: ax.add_patch(rect((0, 0), 1, 1, hatch="//",
                                                         alpha=0.5, facecolor="white")),
    # fill and the spans make patches (Polygon, Rectangle) in matplotlib
    "fill alpha": lambda ax, rect: ax.fill([0, 1, 1, 0], [0, 0, 1, 1], hatch="//", alpha=0.5,
                                           facecolor="white"),
    "fill hatchcolor": lambda ax, rect: ax.fill([0, 1, 1, 0], [0, 0, 1, 1], "w", hatch="//",
                                                hatchcolor="g"),
    "axvspan alpha": lambda ax, rect: ax.axvspan(0, 1, hatch="//", alpha=0.5,
                                                 facecolor="white"),
    "axhspan unfilled": lambda ax, rect: ax.axhspan(0, 1, fill=False, hatch="//"),
}


def _hatch_color(pyplot, rect, case: str, rc: dict) -> tuple:
    """The darkest pixel (by luminance) inside the hatched square and what the artist
    says its hatch color is."""
    with pyplot.rc_context(rc):
        fig, ax = pyplot.subplots(figsize=(2, 2), dpi=100)
        ax.set_position([0, 0, 1, 1])
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        art = CASES[case](ax, rect)
        art = art[0] if isinstance(art, (list, tuple)) or hasattr(art, "patches") else art
        said = np.asarray(art.get_hatchcolor(), float).reshape(-1, 4)[0]
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))[20:-20, 20:-20]
    px = img.reshape(-1, 3).astype(int)
    return tuple(px[np.argmin(px.sum(axis=1))]), said


@pytest.mark.parametrize("rc", [{}, {"hatch.color": "b"}], ids=["edge", "rc blue"])
@pytest.mark.parametrize("case", list(CASES))
def test_hatch_color_and_alpha_as_matplotlib(case, rc):
    import matplotlib.patches as mpatches
    import matplotlib.pyplot as mplt

    want, want_said = _hatch_color(mplt, mpatches.Rectangle, case, rc)
    got, got_said = _hatch_color(plt, lumos.patches.Rectangle, case, rc)
    np.testing.assert_allclose(got_said, want_said, atol=1e-6)
    np.testing.assert_allclose(got, want, atol=14)


@pytest.mark.parametrize("kwargs", [{"fill": False}, {"fill": False, "color": "r"}, {}])
def test_an_unfilled_span_is_outlined_as_matplotlib(kwargs):
    import matplotlib.pyplot as mplt

    want = mplt.subplots()[1].axhspan(0.2, 0.4, **kwargs).get_edgecolor()
    got = plt.subplots()[1].axhspan(0.2, 0.4, **kwargs).get_edgecolor()
    np.testing.assert_allclose(np.asarray(got, float).reshape(-1, 4)[0], want, atol=1e-6)
