"""What matplotlib's gallery sections lines_bars_and_markers and
images_contours_and_fields use, run with one changed import: the draw order of equal
zorders, ``use_sticky_edges``, shared colorizers."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt


def _centre_rgb(pyplot, fig) -> tuple:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    h, w = img.shape[:2]
    return tuple(int(c) for c in img[h // 2, w // 2])


def _line_then_fill(pyplot, line_first: bool) -> tuple:
    """A thick red line and a blue band through the axes' centre, both at zorder 1."""
    fig, ax = pyplot.subplots(figsize=(2, 2), dpi=50)
    ax.set_axis_off()
    steps = [lambda: ax.plot([0, 1], [0.5, 0.5], color="red", lw=8, zorder=1),
             lambda: ax.fill_between([0, 1], [0, 0], [1, 1], color="blue", zorder=1)]
    for step in steps if line_first else steps[::-1]:
        step()
    return _centre_rgb(pyplot, fig)


@pytest.mark.parametrize("line_first", [True, False])
def test_equal_zorders_draw_in_the_order_added(line_first):
    """matplotlib draws artists of equal zorder in the order they were added: a line
    plotted before a fill at the same zorder is under it (lines are batched at the draw,
    after the fill's own visual was made; they drew on top whatever the order)."""
    import matplotlib.pyplot as mplt

    got = _line_then_fill(plt, line_first)
    want = _line_then_fill(mplt, line_first)
    assert want == ((0, 0, 255) if line_first else (255, 0, 0))
    assert got == want


def _contour_limits(pyplot, sticky: bool) -> tuple:
    fig, ax = pyplot.subplots()
    ax.use_sticky_edges = sticky
    ax.margins(0.07)
    x = np.linspace(0.0, 1.0, 5)
    ax.contour(x, x, np.add.outer(x, x), levels=[0.5, 1.0])
    ax.pcolormesh([2.0, 3.0], [2.0, 3.0], [[1.0]])
    return ax.get_xlim() + ax.get_ylim()


@pytest.mark.parametrize("sticky", [True, False])
def test_use_sticky_edges_false_lets_margins_cross_contours_and_meshes(sticky):
    """``ax.use_sticky_edges = False`` (trigradient_demo) pads a contour and a mesh by
    the margins, as matplotlib does; it was ignored (the limits hugged the data)."""
    import matplotlib.pyplot as mplt

    want = _contour_limits(mplt, sticky)
    assert want[0] == pytest.approx(0.0 if sticky else -0.21)  # 7 % of 0..3
    assert _contour_limits(plt, sticky) == pytest.approx(want)


def test_a_colorizer_gives_its_colormap_and_norm_to_each_artist():
    """``colorizer=`` (multi_image, matplotlib 3.10) was refused by imshow: images,
    meshes and contours given one colorizer map values by its cmap and norm, the
    colors matplotlib gives."""
    import matplotlib.colorizer as mcolorizer
    import matplotlib.colors as mcolors

    colorizer = mcolorizer.Colorizer(cmap="plasma", norm=mcolors.Normalize(0.0, 4.0))
    data = np.arange(12.0).reshape(3, 4) / 3
    fig, ax = plt.subplots()
    made = [ax.imshow(data, colorizer=colorizer),
            ax.pcolormesh(data, colorizer=colorizer),
            ax.pcolor(data, colorizer=colorizer),
            ax.contourf(data, colorizer=colorizer),
            ax.scatter([0, 1], [0, 1], c=[1.0, 3.0], colorizer=colorizer),
            ax.tripcolor([0.0, 1, 0], [0.0, 0, 1], [1.0, 2, 3], colorizer=colorizer)]
    for artist in made:
        assert artist.get_clim() == (0.0, 4.0)
        np.testing.assert_allclose(artist.to_rgba(np.array([0.5, 3.5])),
                                   colorizer.to_rgba(np.array([0.5, 3.5])))


@pytest.mark.parametrize("extra", [{"cmap": "gray"}, {"vmin": 0.0}])
def test_a_colorizer_beside_cmap_or_limits_is_refused(extra):
    import matplotlib.colorizer as mcolorizer

    ax = plt.subplots()[1]
    with pytest.raises(ValueError, match=f"imshow: got colorizer and {next(iter(extra))}"):
        ax.imshow(np.eye(3), colorizer=mcolorizer.Colorizer(), **extra)
    with pytest.raises(TypeError, match="colorizer: got str"):
        ax.pcolormesh(np.eye(3), colorizer="viridis")


def _darkest_hatch(pyplot, alpha) -> int:
    """The darkest grey of a white-filled contourf hatched with '-' lines."""
    fig, ax = pyplot.subplots(figsize=(2, 2), dpi=100)
    ax.set_axis_off()
    x = np.linspace(0.0, 1.0, 5)
    ax.contourf(x, x, np.add.outer(x, x), levels=[-1, 3], colors=["white"],
                hatches=["-"], alpha=alpha)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return int(np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("L")).min())


@pytest.mark.parametrize("alpha", [None, 0.5])
def test_contourf_alpha_fades_its_hatches(alpha):
    """contourf_hatching: ``alpha=0.5`` draws the default (black) hatches grey, as
    matplotlib does; lumos drew them black whatever the alpha."""
    import matplotlib.pyplot as mplt

    want = _darkest_hatch(mplt, alpha)
    assert want == (0 if alpha is None else pytest.approx(128, abs=2))
    assert _darkest_hatch(plt, alpha) == pytest.approx(want, abs=12)
