"""The colormap and the norm are read at each draw, as in matplotlib: one changed in
place after plotting (``im.cmap.set_under('k')``, ``im.norm.vmin = 0``) shows in the next
frame; and lumos changes no colormap it was given (registered ones are copies)."""

from __future__ import annotations

import numpy as np
import pytest
from plot_helpers import px, small

import lumos
import lumos.pyplot as plt
from lumos import colors

RED, BLUE, GREEN = (1.0, 0.0, 0.0), (0.0, 0.0, 1.0), (0.0, 0.5, 0.0)
Z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 20))  # 0..2 along the diagonal
Z[0, 0] = np.nan


def _scene(kind):
    """An artist colored between 0.5 and 1.5, and the data points where it shows a value
    below that range, above it, NaN (None: the kind leaves NaN out) and 0.55."""
    fig, ax = small()
    if kind == "imshow":
        m = ax.imshow(Z, vmin=0.5, vmax=1.5, origin="lower")
        pts = {"under": (1, 1), "over": (18, 18), "bad": (0, 0), "low": (10, 0)}
    elif kind == "pcolormesh":
        m = ax.pcolormesh(Z, vmin=0.5, vmax=1.5)
        pts = {"under": (1.5, 1.5), "over": (18.5, 18.5), "bad": (0.5, 0.5),
               "low": (10.5, 0.5)}
    elif kind == "scatter":
        x = np.arange(3.0)
        m = ax.scatter(x, x, c=[0.0, 2.0, 0.55], vmin=0.5, vmax=1.5, s=400)
        ax.set(xlim=(-1, 3), ylim=(-1, 3))
        pts = {"under": (0, 0), "over": (1, 1), "bad": None, "low": (2, 2)}
    else:  # contourf: layers below 0.5 and above 1.5 (extended), one between 0.5 and 1
        m = ax.contourf(Z, levels=[0.5, 1.0, 1.5], extend="both")
        pts = {"under": (1, 1), "over": (18, 18), "bad": None, "low": (10, 1)}
    fig.render()
    return fig, ax, m, pts


@pytest.mark.parametrize("kind", ["imshow", "pcolormesh", "scatter", "contourf"])
def test_extremes_changed_in_place_show_in_the_next_frame(kind):
    fig, ax, m, pts = _scene(kind)
    low = px(fig.render(), ax, *pts["low"])
    m.cmap.set_under("r")
    m.cmap.set_over("b")
    if pts["bad"] is not None:
        m.cmap.set_bad("g")
    img = fig.render()
    np.testing.assert_allclose(px(img, ax, *pts["under"]), RED, atol=0.02)
    np.testing.assert_allclose(px(img, ax, *pts["over"]), BLUE, atol=0.02)
    if pts["bad"] is not None:
        np.testing.assert_allclose(px(img, ax, *pts["bad"]), GREEN, atol=0.02)
    np.testing.assert_allclose(px(img, ax, *pts["low"]), low, atol=0.02)  # unchanged
    m.cmap.set_extremes(under="b", over="r")
    img = fig.render()
    np.testing.assert_allclose(px(img, ax, *pts["under"]), BLUE, atol=0.02)
    np.testing.assert_allclose(px(img, ax, *pts["over"]), RED, atol=0.02)


@pytest.mark.parametrize("kind", ["imshow", "pcolormesh", "scatter", "contourf"])
def test_norm_limits_changed_in_place_show_in_the_next_frame(kind):
    fig, ax, m, pts = _scene(kind)
    low = px(fig.render(), ax, *pts["low"])
    m.norm.vmin = -5.0  # 0.55 now lies near the top of the range, a bright color
    img = fig.render()
    expected = np.asarray(m.to_rgba(0.55 if kind != "contourf" else 0.75))[:3]
    np.testing.assert_allclose(px(img, ax, *pts["low"]), expected, atol=0.03)
    assert np.abs(expected - low).max() > 0.3


def test_colorbar_follows_its_mappable_changed_in_place():
    fig, ax = small()
    im = ax.imshow(Z, vmin=0.5, vmax=1.5)
    cb = fig.colorbar(im, extend="both")
    fig.render()
    im.cmap.set_under("r")
    im.cmap.set_over("b")
    im.norm.vmin = 0.0
    img = fig.render()
    assert cb.ax.get_ylim() == (0.0, 1.5)
    bx, by, bw, bh = cb.ax.box
    h, x = img.shape[0], int(bx + bw / 2)
    np.testing.assert_allclose(img[int(h - (by - 3)), x, :3] / 255, RED, atol=0.02)
    np.testing.assert_allclose(img[int(h - (by + bh + 3)), x, :3] / 255, BLUE, atol=0.02)
    # the ramp: its lowest color is the colormap's first entry, at 0.0 now
    np.testing.assert_allclose(img[int(h - by - 2), x, :3] / 255,
                               np.asarray(im.cmap(0.0))[:3], atol=0.03)


def test_a_surface_in_3d_follows_its_norm_changed_in_place():
    fig = lumos.figure(figsize=(4, 3), dpi=80)
    ax = fig.add_subplot(projection="3d")
    x, y = np.meshgrid(np.linspace(0, 1, 8), np.linspace(0, 1, 8))
    surf = ax.plot_surface(x, y, np.full_like(x, 0.5), cmap="viridis", vmin=0, vmax=1)
    before = fig.render()
    surf.norm.vmin = -10.0  # 0.5 is near the top of the range now: a yellow-green
    after = fig.render()
    assert np.abs(after.astype(int) - before.astype(int)).max() > 60


def test_an_idle_frame_recolors_nothing(monkeypatch):
    fig, axs = lumos.subplots(2, 2, figsize=(4, 3), dpi=60)
    a = axs.ravel()
    fig.colorbar(a[0].imshow(Z), ax=a[0])
    a[1].pcolormesh(Z)
    a[2].scatter([0, 1], [0, 1], c=[0.0, 1.0])
    a[3].contourf(Z)
    calls = []
    for artist in (x for ax in a for x in ax.artists if hasattr(x, "norm")):
        monkeypatch.setattr(artist, "_mapping_changed",
                            lambda a=artist: calls.append(type(a).__name__))
    fig.render()
    fig.render()
    assert calls == []


def test_lumos_changes_no_colormap_it_is_given():
    # matplotlib's rule: a registered colormap is a copy each time it is looked up
    assert plt.get_cmap("viridis") is not plt.get_cmap("viridis")
    assert colors.colormaps["viridis"] is not colors.colormaps["viridis"]
    fig, ax = small()
    im = ax.imshow(Z, cmap="viridis")
    im.cmap.set_under("r")
    fig.render()
    assert not plt.get_cmap("viridis")._under and not colors.colormaps["viridis"]._under
    # a colormap object given is used as it is (in place changes show, as in
    # matplotlib), and drawing leaves its state alone
    given = colors.colormaps["magma"]
    state = given.state()
    im2 = ax.imshow(Z, cmap=given)
    assert im2.cmap is given
    fig.render()
    assert given.state() == state
    # registering copies: changing the object afterwards leaves the registered one alone
    mine = colors.ListedColormap(["k", "w"], name="test_live_mine")
    colors.colormaps.register(mine)
    try:
        mine.set_under("r")
        assert colors.colormaps["test_live_mine"].get_under().tolist() == [0, 0, 0, 1]
    finally:
        colors.colormaps.unregister("test_live_mine")


def test_cmap_and_norm_attributes_set_like_their_setters():
    fig, ax = small()
    im = ax.imshow(Z)
    im.cmap = "magma"
    im.norm = colors.LogNorm(0.1, 2)
    assert im.cmap.name == "magma" and isinstance(im.norm, colors.LogNorm)
    with pytest.raises(ValueError, match="cmap"):
        im.cmap = "no_such_map"
    img = fig.render()
    np.testing.assert_allclose(px(img, ax, 10, 10), np.asarray(im.to_rgba(Z[10, 10]))[:3],
                               atol=0.03)
