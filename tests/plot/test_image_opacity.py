"""``imshow(..., alpha=0.5)``: a scalar alpha is an opacity applied after the colormap
(the GPU's ``u_opacity``), so the data is interpolated as without alpha, as matplotlib
does (gallery gradient_bar.py keeps RdYlGn's yellow); SVG and PDF show the same."""

from __future__ import annotations

import base64
import io
import re
import sys
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from PIL import Image as PILImage

import lumos.pyplot as plt
from lumos.visuals import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from test_vector_gallery import pdftoppm  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


def _scene(p, interpolation="bilinear", data=((0.0, 1.0),), **kwargs):
    """An image over a thick red line (zorder: the image on top), matplotlib's or ours."""
    fig, ax = p.subplots(figsize=(4, 2), dpi=100)
    ax.axhline(0.0, color="r", lw=20)
    ax.imshow(np.asarray(data, dtype=float), cmap="RdYlGn", vmin=0, vmax=1, alpha=0.5,
              interpolation=interpolation, origin="lower", aspect="auto", zorder=3,
              **kwargs)
    ax.set_axis_off()
    fig.subplots_adjust(0, 0, 1, 1)
    return fig


def _picture(p, fig) -> np.ndarray:
    if p is mplt:
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    return fig.render()[..., :3].astype(int)


def test_scalar_alpha_interpolates_data_then_colors_as_matplotlib():
    # gradient_bar.py: two values, bilinear, alpha 0.5; the middle is RdYlGn's yellow
    ours, theirs = (_picture(p, _scene(p)) for p in (plt, mplt))
    h, w = theirs.shape[:2]
    row = h // 4  # above the red line: over white
    mid = ours[row, w // 2]
    assert mid[0] > 240 and mid[1] > 240 and mid[2] > 180, mid  # light yellow, not brown
    # across the middle half (the image's texel centres lie at 1/4 and 3/4 of its width)
    cols = slice(w // 4 + 2, 3 * w // 4 - 2)
    assert np.abs(ours[row, cols] - theirs[row, cols]).max() <= 6
    # over the red line the image is see-through by half, as matplotlib's
    line = h // 2
    assert np.abs(ours[line, cols] - theirs[line, cols]).max() <= 6


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_scalar_alpha_on_rgb_and_data_images_as_matplotlib(interpolation):
    data = [[0.0, 0.3], [0.6, 1.0]]
    ours, theirs = (_picture(p, _scene(p, interpolation, data)) for p in (plt, mplt))
    h, w = theirs.shape[:2]
    for y, x in ((h // 4, w // 8), (h // 2, w // 8), (3 * h // 4, 7 * w // 8),
                 (h // 2, 7 * w // 8)):
        assert np.abs(ours[y, x] - theirs[y, x]).max() <= 4, (y, x, ours[y, x], theirs[y, x])
    rgb = np.zeros((2, 2, 3))
    rgb[..., 2] = 1.0  # blue over the red line: a purple, over white: a light blue
    pics = []
    for p in (plt, mplt):
        fig, ax = p.subplots(figsize=(2, 2), dpi=100)
        ax.axhline(0.5, color="r", lw=20)
        ax.imshow(rgb, alpha=0.5, interpolation=interpolation, extent=(0, 1, 0, 1),
                  zorder=3)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        ax.set_axis_off()
        fig.subplots_adjust(0, 0, 1, 1)
        pics.append(_picture(p, fig))
    np.testing.assert_allclose(pics[0][100, 100], pics[1][100, 100], atol=4)
    np.testing.assert_allclose(pics[0][20, 100], pics[1][20, 100], atol=4)
    np.testing.assert_allclose(pics[0][20, 100], (127, 127, 255), atol=4)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_an_image_see_through_by_half_is_the_same_in_png_svg_and_pdf(tmp_path,
                                                                    interpolation):
    # bilinear: the GPU's picture at the file's resolution (data interpolated first)
    fig = _scene(plt, interpolation, [[0.0, 0.3], [0.6, 1.0]])
    png = fig.render()[..., :3].astype(int)
    fig.savefig(tmp_path / "a.pdf")
    fig.savefig(tmp_path / "a.svg")
    pdf = pdftoppm(tmp_path / "a.pdf", 100)[..., :3].astype(int)
    assert pdf.shape == png.shape
    d = np.abs(pdf - png).max(axis=2)
    assert d.mean() < 2 and (d > 24).mean() < 0.01, (d.mean(), (d > 24).mean())
    # the SVG's raster holds the image's colors with alpha 0.5 (no extra opacity)
    svg = (tmp_path / "a.svg").read_text()
    (data,) = re.findall(r'href="data:image/png;base64,([^"]+)"', svg)
    raster = np.asarray(PILImage.open(io.BytesIO(base64.b64decode(data))).convert("RGBA"))
    assert np.abs(raster[..., 3].astype(int) - 128).max() <= 1
    assert "opacity" not in svg.split(data)[0].rsplit("<image", 1)[1]


def test_opacity_of_the_image_visual_is_checked():
    v = Image(np.eye(2))
    assert v.opacity == 1.0
    v.opacity = 0.25
    assert v.opacity == 0.25
    with pytest.raises(ValueError, match="opacity"):
        v.opacity = 1.5
    with pytest.raises(TypeError, match="opacity"):
        v.opacity = "half"
