"""Density scatter (counts per pixel on the GPU) and partial scatter updates."""

from __future__ import annotations

import numpy as np
import pytest

import lumos
from lumos import colors
from lumos.gpu.context import current
from lumos.plot.scatter import PathCollection
from lumos.scene import Canvas
from lumos.visuals.density import HIST_BINS, Density

W, H = 64, 40


def pixel_canvas(visual) -> Canvas:
    """A canvas whose one view shows data [0, W] x [0, H]: pixel (i, j) is data
    [i, i + 1] x [j, j + 1], rows counted from the bottom."""
    canvas = Canvas(size=(W, H), bgcolor="white")
    view = canvas.add_view()
    view.camera.rect = (0, 0, W, H)
    view.add(visual)
    return canvas


def reference_counts(xy: np.ndarray) -> np.ndarray:
    """(H, W) counts, first row at the top like the picture."""
    ok = np.isfinite(xy).all(axis=1)
    counts, _, _ = np.histogram2d(xy[ok, 1], xy[ok, 0], bins=(H, W), range=((0, H), (0, W)))
    return counts[::-1]


def random_points(n: int, seed: int = 0) -> np.ndarray:
    """Points at pixel centres, denser in the middle (counts from 0 to dozens)."""
    rng = np.random.default_rng(seed)
    ij = np.clip(rng.normal([W / 2, H / 2], [W / 6, H / 5], size=(n, 2)), 0, [W - 1, H - 1])
    return np.floor(ij) + 0.5


def rendered(visual) -> tuple[np.ndarray, np.ndarray]:
    canvas = pixel_canvas(visual)
    img = canvas.render()
    with current():  # GL objects of lumos's context are read with it current
        counts = canvas._executor.target_pixels(visual.targets("view0")["counts"])[..., 0]
    return img, counts


def expected_picture(counts: np.ndarray, norm: str, cmap="viridis") -> np.ndarray:
    """What the GPU passes compute, in numpy: t per pixel through the colormap's
    256-entry table; empty pixels show the white background."""
    nz = counts > 0
    lo, hi = counts[nz].min(), counts[nz].max()
    t = np.zeros_like(counts)
    if norm == "linear":
        t[nz] = (counts[nz] - lo) / (hi - lo)
    elif norm == "log":
        t[nz] = (np.log1p(counts[nz]) - np.log1p(lo)) / (np.log1p(hi) - np.log1p(lo))
    else:
        u = np.log(counts[nz] / lo) / np.log(hi / lo)
        bins = np.clip(np.floor(u * (HIST_BINS - 1) + 0.5), 0, HIST_BINS - 1).astype(int)
        hist = np.bincount(bins, minlength=HIST_BINS).astype(float)
        first = hist[hist > 0][0]
        cdf = (np.cumsum(hist) - first) / (hist.sum() - first)
        t[nz] = cdf[bins]
    lut = colors.get_cmap(cmap).lut(256)
    rgb = lut[np.clip(np.round(t * 255), 0, 255).astype(int), :3] / 255.0
    out = np.ones(counts.shape + (3,))
    out[nz] = rgb[nz]
    return np.round(out * 255)


def test_counts_are_the_histogram_of_the_points():
    xy = random_points(20_000)
    xy[::97] = np.nan  # NaN points are skipped
    _, counts = rendered(Density(xy))
    np.testing.assert_array_equal(counts, reference_counts(xy))
    assert counts.max() > 20


@pytest.mark.parametrize("norm", ["linear", "log", "eq_hist"])
def test_norms_match_a_numpy_reference(norm):
    xy = random_points(20_000, seed=1)
    img, counts = rendered(Density(xy, norm=norm))
    expected = expected_picture(counts, norm)
    diff = np.abs(img[..., :3].astype(float) - expected).max(axis=2)
    # the GPU interpolates the colormap texture; one table step at most
    assert (diff <= 12).mean() > 0.995, diff.max()
    assert len(np.unique(img[..., :3].reshape(-1, 3), axis=0)) > 20


def test_fixed_clim_and_spread():
    xy = np.array([[10.5, 10.5]] * 3 + [[30.5, 20.5]], float)
    d = Density(xy, norm="linear", clim=(0, 3), spread=3, cmap="gray")
    img, counts = rendered(d)
    # a 3 x 3 splat per point
    assert counts.sum() == 4 * 9
    assert counts[H - 11, 10] == 3 and counts[H - 12, 11] == 3
    # clim (0, 3): 3 counts are white, 1 count is a third of the way
    assert (img[H - 11, 10, :3] >= 250).all()
    assert abs(int(img[H - 21, 30, 0]) - 85) <= 4


def test_bad_arguments():
    with pytest.raises(ValueError, match="norm: got 'hist'"):
        Density(norm="hist")
    with pytest.raises(ValueError, match="clim"):
        Density(clim=(0, np.inf))
    with pytest.raises(ValueError, match="spread"):
        Density(spread=0.5)
    with pytest.raises(ValueError, match="pos: got shape"):
        Density(np.zeros((3, 4)))


def test_empty_and_all_nan_draw_nothing():
    assert Density().draws(None) == []
    img, counts = rendered(Density(np.full((5, 2), np.nan)))
    assert counts.sum() == 0 and (img[..., :3] == 255).all()


# -- through ax.scatter ------------------------------------------------------------------
def figure():
    fig, ax = lumos.subplots(figsize=(3.2, 2.4), dpi=100)
    return fig, ax


def test_scatter_density_true_draws_counts():
    fig, ax = figure()
    rng = np.random.default_rng(2)
    sc = ax.scatter(rng.normal(size=5000), rng.normal(size=5000), density=True, cmap="magma",
                    norm="log")
    assert sc.uses_density()
    assert sc._density.norm == "log" and sc._density.cmap.name == "magma"
    frame = fig.frame()
    assert any(d.target is not None for d in frame.draws)
    assert not any(d.instances == 5000 for d in frame.draws)  # no markers
    img = fig.render()
    assert len(np.unique(img[..., :3].reshape(-1, 3), axis=0)) > 10


def test_density_is_automatic_beyond_the_threshold(monkeypatch):
    monkeypatch.setattr(PathCollection, "density_threshold", 1000)
    fig, ax = figure()
    x = np.linspace(0, 1, 1001)
    assert ax.scatter(x, x).uses_density()
    assert ax.scatter(x, x).get_offsets().shape == (1001, 2)
    assert ax.scatter(x, x)._density.norm == "eq_hist"
    assert not ax.scatter(x[:1000], x[:1000]).uses_density()
    assert not ax.scatter(x, x, c=x).uses_density()  # values per point: markers
    assert not ax.scatter(x, x, density=False).uses_density()


def test_density_arguments():
    fig, ax = figure()
    x = np.linspace(0, 1, 50)
    with pytest.raises(ValueError, match="per-point colors or values"):
        ax.scatter(x, x, c=x, density=True)
    with pytest.raises(ValueError, match="needs density=True"):
        ax.scatter(x, x, norm="eq_hist")
    sc = ax.scatter(x, x, density=True, norm="linear", vmin=0, vmax=5)
    assert sc._density.clim == (0.0, 5.0) and sc._density.norm == "linear"
    sc.set_clim(1, 9)
    assert sc._density.clim == (1.0, 9.0)
    sc.set_alpha(0.5)
    assert sc._density.alpha == 0.5


def test_density_scatter_uploads_only_moved_points():
    fig, ax = figure()
    xy = np.random.default_rng(3).normal(size=(4000, 2))
    sc = ax.scatter(xy[:, 0], xy[:, 1], density=True)
    fig.render()
    ex = fig.canvas._executor
    before = ex.uploaded_bytes
    xy[100:110] += 0.01
    sc.set_offsets(xy)
    fig.render()
    # 10 points of 12 bytes, plus the decorations the figure re-makes every frame
    moved = ex.uploaded_bytes - before
    assert moved < 4000 * 12 / 4
    np.testing.assert_allclose(sc._density.pos[100:110, :2], xy[100:110])


# -- partial updates of marker scatters -------------------------------------------------
def test_set_offsets_and_set_array_upload_only_changed_rows():
    fig, ax = figure()
    rng = np.random.default_rng(4)
    n = 3000
    xy = rng.normal(size=(n, 2))
    c = rng.random(n)
    sc = ax.scatter(xy[:, 0], xy[:, 1], c=c, s=20)
    fig.render()
    ex = fig.canvas._executor
    baseline = ex.uploaded_bytes
    fig.render()
    decorations = ex.uploaded_bytes - baseline  # re-made every frame
    batch = next(v for v in ax._batches.values() if len(v.pos) == n)

    before = ex.uploaded_bytes
    xy[10:20] += 0.05
    sc.set_offsets(xy)
    fig.render()
    assert ex.uploaded_bytes - before - decorations == 10 * 8  # float32 x, y

    before = ex.uploaded_bytes
    c2 = c.copy()
    c2[500:600] = 0.5
    sc.set_array(c2)
    fig.render()
    assert ex.uploaded_bytes - before - decorations == 100 * 4  # RGBA bytes

    buffers = (batch._pos_buffer, batch._size_buffer, batch._color_buffer)
    versions = [b.version for b in buffers]
    ax.set_xlim(-1, 1)  # pan: the scatter's data is not touched
    fig.render()
    assert [b.version for b in buffers] == versions
    assert next(v for v in ax._batches.values() if len(v.pos) == n) is batch

    # the same picture as a fresh figure of the final data
    img = fig.render()
    fig2, ax2 = figure()
    ax2.scatter(xy[:, 0], xy[:, 1], c=c2, s=20)
    ax2.set_xlim(-1, 1)
    sc2 = ax2.artists[0]
    sc2.set_clim(*sc.get_clim())
    np.testing.assert_array_equal(img, fig2.render())


def test_partial_set_array_keeps_each_points_alpha():
    """Rows start:stop of a per-point alpha go with rows start:stop of the values (the
    mapped rows took the first stop - start alphas until 2026-12-03)."""
    rng = np.random.default_rng(5)
    n = 400
    xy, alpha = rng.normal(size=(n, 2)), rng.random(n)
    c, c2 = rng.random(n), rng.random(n)
    c2[:300] = c[:300]  # only rows 300..399 change
    fig, ax = figure()
    sc = ax.scatter(xy[:, 0], xy[:, 1], c=c, s=40, alpha=alpha, vmin=0, vmax=1)
    fig.render()
    sc.set_array(c2)
    fig2, ax2 = figure()
    ax2.scatter(xy[:, 0], xy[:, 1], c=c2, s=40, alpha=alpha, vmin=0, vmax=1)
    np.testing.assert_array_equal(fig.render(), fig2.render())
    np.testing.assert_array_equal(sc.get_facecolor()[:, 3], alpha)


@pytest.mark.parametrize("alpha", [None, 0.4, "rows"])
def test_scatter_colors_reach_the_batch_as_the_bytes_of_its_face_colors(alpha):
    """A colormapped scatter's rows go to the shader straight from the colormap's table
    in bytes (no float rows made for them): the bytes of get_facecolor(), to the bit,
    values beyond the limits and NaN included; colors given as colors too."""
    rng = np.random.default_rng(6)
    n = 1000
    xy = rng.normal(size=(n, 2))
    c = rng.random(n) * 1.4 - 0.2
    c[::97] = np.nan
    a = rng.random(n) if alpha == "rows" else alpha
    fig, ax = figure()
    cmap = colors.get_cmap("plasma").with_extremes(under="red", over="blue")
    mapped = ax.scatter(xy[:, 0], xy[:, 1], c=c, s=30, alpha=a, cmap=cmap, vmin=0, vmax=1)
    given = ax.scatter(xy[:, 0], xy[:, 1] + 5, c=rng.random((n, 4)), s=30, alpha=a,
                       zorder=3)
    fig.render()
    for sc in (mapped, given):
        face = sc.get_facecolor()
        assert face.dtype == np.float64
        batch = next(v for v in ax._batches.values() if v.member_at(0)[0] == (sc, None))
        np.testing.assert_array_equal(batch._color_buffer.data,
                                      colors.to_rgba_bytes(face, n))


def test_one_marker_size_is_one_diameter():
    """Points of one size get one diameter (a view of it per point, not N computed
    ones); the sizes the shader reads are those of per-point sizes all equal."""
    rng = np.random.default_rng(7)
    xy = rng.normal(size=(500, 2))
    xy[3] = np.nan
    fig, ax = figure()
    one = ax.scatter(xy[:, 0], xy[:, 1], s=17.3)
    each = ax.scatter(xy[:, 0], xy[:, 1] + 9, s=np.full(500, 17.3), zorder=3)
    fig.render()
    (item,) = one.batch_items()
    assert item.size.strides == (0,) and len(item.size) == 500
    assert each.batch_items()[0].size.strides != (0,)
    sizes = [next(v for v in ax._batches.values() if v.member_at(0)[0] == (sc, None))
             ._size_buffer.data for sc in (one, each)]
    np.testing.assert_array_equal(sizes[0], sizes[1])
    assert sizes[0][3] == 0 and sizes[0][0] > 0  # a NaN point is skipped
    one.set_sizes(np.arange(500.0))  # sizes of their own again
    fig.render()
    assert one.batch_items()[0].size.strides != (0,)


def test_scatter_copies_its_input_once():
    x, y = np.arange(5.0), np.arange(5) * 2  # float and int
    fig, ax = figure()
    sc = ax.scatter(x, y, s=10)
    x[0] = 99.0
    np.testing.assert_array_equal(sc.get_offsets(), np.c_[np.arange(5.0), np.arange(5) * 2])
    assert sc.get_offsets().dtype == np.float64
    sc2 = ax.scatter([[1, 2], [3, 4]], np.arange(4.0), s=10)  # 2-D x: flattened
    np.testing.assert_array_equal(sc2.get_offsets()[:, 0], [1, 2, 3, 4])
    with pytest.raises(ValueError, match="x and y must be the same size: got 3 and 2"):
        ax.scatter([1, 2, 3], [1, 2])


def test_nan_offsets_hide_points_in_place():
    fig, ax = figure()
    xy = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]])
    sc = ax.scatter(xy[:, 0], xy[:, 1], s=100)
    fig.render()
    batch = next(v for v in ax._batches.values() if len(v.pos) == 3)
    xy[1] = np.nan
    sc.set_offsets(xy)
    fig.render()
    assert next(v for v in ax._batches.values() if len(v.pos) == 3) is batch
    assert batch._size_buffer.data[1] == 0 and batch._size_buffer.data[0] > 0


def test_far_moves_and_new_lengths_rebuild():
    fig, ax = figure()
    xy = np.random.default_rng(5).random((100, 2))
    sc = ax.scatter(xy[:, 0], xy[:, 1])
    fig.render()
    sc.set_offsets(xy + 1e6)  # beyond the float64 origin's range: rebuilt, exact
    fig.render()
    batch = next(iter(v for v in ax._batches.values() if len(v.pos) == 100))
    np.testing.assert_allclose(batch.pos[:, :2], xy + 1e6)
    sc.set_offsets(xy[:50])
    fig.render()
    assert any(len(v.pos) == 50 for v in ax._batches.values())
    assert sc.get_sizes().shape == (50,)
