"""NaN, inf, empty and huge values in visuals (issue 9, finding 8, the visual layer)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from lumos import colors, scene, visuals


def _render(visual, rect=(0, 0, 4, 2), size=(64, 32)):
    canvas = scene.Canvas(size=size)
    view = canvas.add_view()
    view.add(visual)
    view.camera.rect = rect
    return canvas.render()


def _background(img) -> bool:
    return bool((img[..., :3] == 255).all())


@pytest.mark.parametrize("data", [
    np.full((2, 4), np.nan), np.full((2, 4), np.inf), np.array([[np.inf, -np.inf],
                                                                 [np.nan, np.inf]]),
], ids=["all-nan", "all-inf", "mixed"])
def test_an_image_without_a_finite_value_draws_nothing(data):
    image = visuals.Image(data, extent=(0, 4, 0, 2))
    assert image.clim == (0.0, 1.0)
    assert _background(_render(image))


@pytest.mark.parametrize("shape", [(0, 0), (0, 5), (3, 0), (0, 4, 3)])
def test_an_empty_image_draws_nothing(shape):
    image = visuals.Image(np.zeros(shape))
    assert image.draws is not None and _background(_render(image))


def test_clim_may_leave_either_end_to_the_data():
    image = visuals.Image(np.array([[1.0, 2.0], [3.0, np.nan]]))
    image.clim = (None, None)
    assert image.clim == (1.0, 3.0)
    image.clim = (0.0, None)
    assert image.clim == (0.0, 3.0)
    image.clim = (None, 10)
    assert image.clim == (1.0, 10.0)
    empty = visuals.Image(np.full((2, 2), np.nan), clim=(None, 5.0))
    assert empty.clim == (0.0, 5.0)
    for bad in [(np.nan, 1), (0, np.inf), (1, 2, 3), "ab"]:
        with pytest.raises((TypeError, ValueError), match="clim"):
            image.clim = bad


def test_an_image_beyond_the_float32_range_keeps_its_colors():
    lut = colors.get_cmap("viridis").lut(256)
    image = visuals.Image(np.array([[-1e300, 0.0, 1e300, np.nan]]), extent=(0, 4, 0, 2))
    img = _render(image)
    row = img[16]
    assert np.abs(row[4, :3].astype(int) - lut[0, :3]).max() <= 2  # vmin: the first color
    assert np.abs(row[40, :3].astype(int) - lut[255, :3]).max() <= 2  # vmax: the last
    assert (row[60, :3] == 255).all()  # NaN: the "bad" color (transparent)


def test_an_image_of_large_values_with_small_differences_keeps_them():
    # float32 has 64 between neighbours near 1e9: the texture holds offsets instead
    image = visuals.Image(1e9 + np.array([[0.0, 1.0, 2.0, 3.0]]), extent=(0, 4, 0, 2))
    row = _render(image)[16]
    cols = [tuple(row[c, :3]) for c in (8, 24, 40, 56)]
    assert len(set(cols)) == 4, cols


@pytest.mark.parametrize("cls", [visuals.Markers, visuals.Line])
def test_points_beyond_float32_are_named_in_a_warning_and_the_rest_draws(cls):
    # the far point's offset from the data's centre does not fit float32; before, the
    # whole visual moved by it (its centre) and nothing near the view was drawn. A
    # marker there is clipped to the float32 range; a line breaks there.
    pos = np.array([[1.0, 0.5], [2.0, 1.0], [3.0, 1.5], [3.0, 1e39]])
    said = "clipped" if cls is visuals.Markers else "breaks"
    with pytest.warns(RuntimeWarning, match=f"pos: 1 points lie beyond the float32.*{said}"):
        visual = cls(pos=pos, color="red") if cls is visuals.Markers else cls(
            pos=pos, color="red", width=3)
    img = _render(visual)
    red = (img[..., 0] > 200) & (img[..., 1] < 100)
    assert red[:, 12:21].any() and red[:, 43:52].any()  # at x = 1 and x = 3


def test_points_spread_over_the_whole_float64_range_do_not_crash():
    pos = np.array([[-1.7e308, -1.7e308], [0.0, 0.0], [1.0, 1.0], [1.7e308, 1.7e308]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for visual in (visuals.Markers(pos=pos), visuals.Line(pos=pos, width=2)):
            img = _render(visual, rect=(-2, -2, 4, 4))
            assert img.shape == (32, 64, 4)
            assert not _background(img)
