"""Colormaps are looked up as matplotlib's ``Colormap.__call__``: entry floor(t * N) of
the N-entry table, never a blend of two entries, on the GPU (image, pcolormesh) as on the
CPU: ``get_cmap('viridis', 5)`` shows exactly 5 flat bands where matplotlib does."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

import lumos.colors
import lumos.pyplot as plt

matplotlib.use("Agg")

Z = np.linspace(0, 1, 300)[None, :].repeat(8, 0)


def _row(pyplot, cmap, kind: str) -> np.ndarray:
    """The middle row of an axes-filling imshow/pcolormesh of a 0..1 ramp."""
    fig = pyplot.figure(figsize=(3, 0.5), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    if kind == "imshow":
        ax.imshow(Z, cmap=cmap, aspect="auto")
    else:
        ax.pcolormesh(Z, cmap=cmap)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    pyplot.close(fig)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))[25, 2:-2]


@pytest.mark.parametrize("kind", ["imshow", "pcolormesh"])
@pytest.mark.parametrize("spec", [("viridis", 5), ("jet", 7), ["r", "g", "b"]],
                         ids=["viridis5", "jet7", "listed3"])
def test_a_short_colormap_shows_its_entries_as_flat_bands(kind, spec):
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as mplt

    if isinstance(spec, tuple):
        ours, theirs = plt.get_cmap(*spec), mplt.get_cmap(*spec)
    else:
        ours, theirs = lumos.colors.ListedColormap(spec), mcolors.ListedColormap(spec)
    got, want = _row(plt, ours, kind), _row(mplt, theirs, kind)
    colors = np.unique(got, axis=0)
    assert len(colors) == ours.N  # flat bands, no blends
    assert len(np.unique(want, axis=0)) == theirs.N
    diff = np.abs(got.astype(int) - want).max(axis=1)
    assert diff.max() <= 3 or (diff > 3).sum() <= 2 * ours.N  # band edges may move a pixel


@pytest.mark.parametrize("cmap", [("viridis", 5), ("viridis", 256)])
def test_image_rgba_on_the_cpu_is_what_the_gpu_draws(cmap):
    """Image.rgba (the CPU twin of the shader's colormap()) reads the same entries."""
    from lumos import scene, visuals

    ramp = np.linspace(-0.2, 1.2, 70)[None, :].repeat(3, 0)
    image = visuals.Image(ramp, cmap=lumos.colors.get_cmap(*cmap), clim=(0.0, 1.0),
                          interpolation="nearest")
    canvas = scene.Canvas(size=(70, 3))
    view = canvas.add_view()
    view.add(image)
    view.camera.rect = (0.0, 0.0, 70.0, 3.0)
    drawn = canvas.render()[1, :, :3].astype(int)
    cpu = image.rgba()[1, :, :3].astype(int)
    assert np.abs(drawn - cpu).max() <= 1
    want = np.round(lumos.colors.get_cmap(*cmap)(np.clip(ramp[1], 0, 1))[:, :3] * 255)
    assert np.abs(cpu - want).max() <= 1
