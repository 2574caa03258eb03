"""Calls from matplotlib's own gallery that lumos refused or drew wrongly, each checked
against matplotlib itself."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lumos.pyplot as plt  # noqa: E402


def _grid():
    x, y = np.meshgrid(np.linspace(-3, 3, 40), np.linspace(-2, 2, 30))
    return x, y, np.exp(-x ** 2 - y ** 2) - np.exp(-(x - 1) ** 2 - (y - 1) ** 2)


def test_contour_colors_of_mixed_kinds_as_matplotlib():
    # contour_demo.py: names, an RGB tuple and a gray string in one tuple
    mixed = ('r', 'green', 'blue', (1, 1, 0), '#afeeee', '0.5')
    want = mplt.subplots()[1].contour(*_grid(), 6, colors=mixed).get_edgecolor()
    cs = plt.subplots()[1].contour(*_grid(), 6, colors=mixed)
    got = [level.get_color() for level in cs.collections]
    np.testing.assert_allclose(got, want, atol=1 / 255)


@pytest.mark.parametrize("fmt", [
    lambda levels: {lev: f"{lev:.2f} m" for lev in levels},  # contour_label_demo.py
    lambda levels: "%1.1f",
])
def test_clabel_formats_as_matplotlib(fmt):
    def texts(pyplot):
        ax = pyplot.subplots()[1]
        cs = ax.contour(*_grid(), 5)
        labels = ax.clabel(cs, cs.levels[::2], fmt=fmt(cs.levels))
        return sorted({t.get_text() for t in labels})

    assert texts(plt) == texts(mplt)


def test_clabel_takes_a_ticker_formatter_as_matplotlib():
    import matplotlib.ticker as mticker

    def texts(pyplot):
        x, y = np.meshgrid(np.linspace(1, 3, 30), np.linspace(1, 3, 30))
        ax = pyplot.subplots()[1]
        cs = ax.contour(x, y, 10.0 ** (x * y - 3), [0.1, 1, 10, 100])
        fmt = mticker.LogFormatterMathtext()
        fmt.create_dummy_axis()
        return sorted({t.get_text() for t in ax.clabel(cs, cs.levels, fmt=fmt)})

    assert texts(plt) == texts(mplt)
    assert "$\\mathdefault{10^{2}}$" in texts(plt)


def _legend_corners(pyplot, keep: bool):
    """Dark pixels in the upper-left and lower-right corners of an axes whose data sit
    in the middle, with a first legend kept by add_artist and a second one."""
    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    a, = ax.plot([0.4, 0.6], [0.4, 0.6], label="first")
    b, = ax.plot([0.4, 0.6], [0.6, 0.4], label="second")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    first = ax.legend(handles=[a], loc="upper left")
    if keep:
        ax.add_artist(first)  # scatter_with_legend.py
    ax.legend(handles=[b], loc="lower right")
    if pyplot is plt:
        img = fig.render()[..., :3]
    else:
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    h, w = img.shape[:2]
    dark = img.min(axis=2) < 100
    corner = (slice(int(0.15 * h), int(0.35 * h)), slice(int(0.16 * w), int(0.4 * w)))
    other = (slice(int(0.62 * h), int(0.86 * h)), slice(int(0.62 * w), int(0.88 * w)))
    return dark[corner].any(), dark[other].any()


@pytest.mark.parametrize("keep", [True, False])
def test_add_artist_keeps_a_legend_as_matplotlib(keep):
    assert _legend_corners(plt, keep) == _legend_corners(mplt, keep) == (keep, True)


def test_a_kept_legend_goes_with_remove():
    ax = plt.subplots()[1]
    ax.plot([0, 1], label="a")
    first = ax.legend()
    ax.add_artist(first)
    second = ax.legend()
    assert ax.drawn_legends() == [first, second]
    first.remove()
    assert ax.drawn_legends() == [second]
    with pytest.raises(ValueError, match="add_artist"):
        plt.subplots()[1].add_artist(second)


def _bars(pyplot, heights, **kw):
    ax = pyplot.subplots()[1]
    res = ax.grouped_bar(heights, **kw)
    rects = [(r.get_x(), r.get_y(), r.get_width(), r.get_height(), *r.get_facecolor(),
              *r.get_edgecolor()) for bc in res.bar_containers for r in bc.patches]
    ticks = [t.get_text() for t in (ax.get_xticklabels() if kw.get("orientation") !=
                                    "horizontal" else ax.get_yticklabels())]
    labels = [bc.get_label() for bc in res.bar_containers
              if bc.get_label() and not bc.get_label().startswith("_")]
    return np.array(rects, dtype=float), ticks, labels


@pytest.mark.parametrize("heights, kw", [
    ({"Bill": [38.8, 48.8, 47.5], "Flipper": [18.3, 18.4, 15.0]},  # barchart.py
     {"tick_labels": ["Adelie", "Chinstrap", "Gentoo"], "group_spacing": 1}),
    ([[1, 2, 3], [3, 1, 2], [2, 2, 2]], {"labels": ["a", "b", "c"], "bar_spacing": 0.2,
                                         "edgecolor": ["k", "r"], "linewidth": [1, 2]}),
    (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), {"positions": [10, 20, 30],
                                                      "colors": ["C3", "C4"]}),
    ([[1, 2], [2, 1]], {"orientation": "horizontal", "tick_labels": ["x", "y"]}),
])
def test_grouped_bar_as_matplotlib(heights, kw):
    got, ticks, labels = _bars(plt, heights, **kw)
    want, mticks, mlabels = _bars(mplt, heights, **kw)
    np.testing.assert_allclose(got, want, atol=1e-6)
    if "tick_labels" in kw:
        assert ticks == mticks
    assert labels == mlabels


def test_grouped_bar_refuses_ragged_datasets_and_uneven_positions():
    ax = plt.subplots()[1]
    with pytest.raises(ValueError, match="heights: dataset 1"):
        ax.grouped_bar([[1, 2], [1]])
    with pytest.raises(ValueError, match="positions"):
        ax.grouped_bar([[1, 2, 3]], positions=[0, 1, 3])


def _tri_points():
    ang = np.repeat(np.linspace(0, 2 * np.pi, 24, endpoint=False)[:, None], 6, axis=1)
    r = np.linspace(0.25, 0.95, 6)
    x, y = (r * np.cos(ang)).ravel(), (r * np.sin(ang)).ravel()
    return x, y, (np.cos(r) * np.cos(3 * ang)).ravel()


@pytest.mark.parametrize("filled", [False, True])
def test_tricontour_on_3d_axes_as_mplot3d(filled):
    # tricontour3d.py, tricontourf3d.py: lumos drew a 2D ContourSet into the 3D axes,
    # which failed when the figure was saved
    def contours(pyplot):
        ax = pyplot.figure().add_subplot(projection="3d")
        method = ax.tricontourf if filled else ax.tricontour
        import matplotlib.tri as mtri

        x, y, z = _tri_points()  # the same triangles for both (as the gallery passes)
        cs = method(mtri.Triangulation(x, y), z, 5, cmap="CMRmap")
        pts = [np.round(np.concatenate(segs), 6) if segs else np.zeros((0, 2))
               for segs in cs.allsegs]
        return np.asarray(cs.levels), [np.unique(p, axis=0) for p in pts]

    levels, pts = contours(plt)
    mlevels, mpts = contours(mplt)
    np.testing.assert_allclose(levels, mlevels)
    assert sum(len(p) for p in pts) > 50
    for got, want in zip(pts, mpts, strict=True):
        if not filled:  # the same crossing points
            np.testing.assert_allclose(got, want, atol=1e-5)
        else:  # band rings on matplotlib's points (it keeps some collinear ones more)
            d = np.abs(got[:, None, :] - want[None, :, :]).max(axis=2).min(axis=1)
            assert d.max(initial=0) < 1e-5
    fig = plt.gcf()
    assert fig.render().shape[2] == 4  # and it draws


def test_colorbar_finds_the_axes_of_a_matplotlib_collection():
    # line_collection.py, multicolored_line.py: fig.colorbar(lc) without ax=
    from matplotlib.collections import LineCollection

    def colorbar_range(pyplot):
        fig, ax = pyplot.subplots()
        lc = LineCollection([np.c_[[0, 1], [0, 1]], np.c_[[0, 1], [1, 0]]],
                            array=np.array([4.0, 5.5]), cmap="rainbow")
        ax.add_collection(lc)
        cb = fig.colorbar(lc, label="Radius")
        if pyplot is plt:
            fig.render()
        else:
            fig.canvas.draw()
        ticks = np.asarray(cb.get_ticks())
        return (np.round(ticks[(ticks >= 4) & (ticks <= 5.5)], 6).tolist(),
                cb.ax.get_position().x0 > ax.get_position().x1)

    assert colorbar_range(plt) == colorbar_range(mplt)
    assert colorbar_range(plt)[1]


def _red_mask(pyplot, transform_of):
    from matplotlib.patches import Ellipse

    fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
    ax.set_xlim(-3, 5)
    ax.set_ylim(-3, 5)
    ell = Ellipse((0, 0), width=2, height=1, facecolor="red", edgecolor="none")
    ell.set_transform(transform_of(ax))
    ax.add_patch(ell)
    if pyplot is plt:
        img = fig.render()[..., :3].astype(int)
    else:
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    return (img[..., 0] > 200) & (img[..., 1] < 80) & (img[..., 2] < 80)


def test_matplotlib_patch_through_an_affine_then_transdata_as_matplotlib():
    # confidence_ellipse.py: ellipse.set_transform(Affine2D().rotate_deg(45)...
    # + ax.transData); lumos refused any transform but transData and transAxes
    import matplotlib.transforms as mtransforms

    def transform_of(ax):
        return mtransforms.Affine2D().rotate_deg(45).scale(2, 1).translate(1, 1) + \
            ax.transData

    got, want = _red_mask(plt, transform_of), _red_mask(mplt, transform_of)
    assert want.sum() > 500
    assert (got & want).sum() / (got | want).sum() > 0.9


def test_dpi_scale_trans_offsets_in_inches_as_matplotlib():
    # transoffset.py: offset_copy(ax.transData, fig=fig, x=0.05, y=0.10, units='inches')
    import matplotlib.transforms as mtransforms

    def pixels(pyplot):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        for units, dx in (("inches", 0.5), ("points", 36)):
            t = mtransforms.offset_copy(ax.transData, fig=fig, x=dx, y=dx, units=units)
            yield np.asarray(t.transform((2.0, 3.0))) - ax.transData.transform((2.0, 3.0))
        yield fig.dpi_scale_trans.transform((1.0, 2.0))

    for got, want in zip(pixels(plt), pixels(mplt), strict=True):
        np.testing.assert_allclose(got, want, atol=1e-6)


def test_pyplot_polar_makes_a_polar_axes_as_matplotlib():
    lines = plt.polar([0, 1, 2], [1, 2, 3], "ro")
    assert plt.gca().name == mplt.subplot(projection="polar").name == "polar"
    assert len(lines) == 1 and lines[0].get_marker() == "o"
    assert plt.polar([0, 1], [2, 3])[0].axes is plt.gca()  # the same axes again


@pytest.mark.parametrize("histtype, fill", [("step", False), ("step", True),
                                            ("stepfilled", True), ("bar", True)])
def test_hist_fill_as_matplotlib(histtype, fill):
    # histogram_multihist.py: hist(x, bins, histtype='step', stacked=True, fill=False)
    def filled(pyplot):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
        ax.hist([1, 2, 2, 3, 3, 3], bins=3, histtype=histtype, fill=fill, color="red")
        ax.set_xlim(0.5, 3.5)
        if pyplot is plt:
            img = fig.render()[..., :3].astype(int)
        else:
            fig.canvas.draw()
            img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        return ((img[..., 0] > 200) & (img[..., 1] < 80)).sum()

    got, want = filled(plt), filled(mplt)
    assert (got > 3000) == (want > 3000) == fill  # a filled histogram or its outline
    assert got == pytest.approx(want, rel=0.15)


def test_hist_refuses_unfilled_stepfilled_by_name():
    # unfilled bars are drawn (test_gallery_keywords.py); matplotlib draws nothing here
    with pytest.raises(TypeError, match="fill"):
        plt.subplots()[1].hist([1, 2, 2], histtype="stepfilled", fill=False)


@pytest.mark.parametrize("method", ["barh", "bar", "plot", "scatter"])
def test_dict_views_as_data_as_matplotlib(method):
    # ticklabels_rotation.py, align_ticklabels.py: ax.barh(d.keys(), d.values())
    population = {"India": 1417.5, "China": 1404.9, "United States": 341.8}

    def ticks(pyplot):
        ax = pyplot.subplots()[1]
        getattr(ax, method)(population.keys(), population.values())
        axis = ax.yaxis if method == "barh" else ax.xaxis
        other = ax.xaxis if method == "barh" else ax.yaxis
        return ([t.get_text() for t in axis.get_ticklabels()],
                other.get_view_interval()[1] > 1000)

    assert ticks(plt) == ticks(mplt)


def test_annotate_offset_fontsize_as_matplotlib():
    # label_subplots.py, ishikawa_diagram.py: xytext=(0.5, -0.5), textcoords='offset fontsize'
    def offset(pyplot):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
        ref = ax.annotate("a", (0.2, 0.3), xytext=(0, 0), textcoords="offset points",
                          fontsize=14)
        ann = ax.annotate("a", (0.2, 0.3), xytext=(1.5, -2), textcoords="offset fontsize",
                          fontsize=14)
        if pyplot is plt:
            fig.render()
        else:
            fig.canvas.draw()
        a, b = (ann.get_window_extent(), ref.get_window_extent())
        return np.array([a.x0 - b.x0, a.y0 - b.y0])

    np.testing.assert_allclose(offset(plt), offset(mplt), atol=0.5)
    np.testing.assert_allclose(offset(plt), [1.5 * 14 * 80 / 72, -2 * 14 * 80 / 72], atol=0.5)


@pytest.mark.parametrize("origin", ["image", "upper", "lower"])
def test_contour_origin_image_takes_rcparams_as_matplotlib(origin):
    # contour_image.py: contour(Z, levels, origin='image', extent=...) over an imshow
    z = np.outer(np.arange(4.0), np.ones(3))  # grows along the rows

    def first_level_y(pyplot):
        cs = pyplot.subplots()[1].contour(z, [1.5], origin=origin, extent=(0, 3, 0, 4))
        return np.round(np.concatenate(cs.allsegs[0])[:, 1], 6).tolist()

    assert first_level_y(plt) == first_level_y(mplt)


def test_contour_set_linestyle_restyles_the_negative_levels_as_matplotlib():
    # contour_image.py: cset2 = contour(..., colors='k'); cset2.set_linestyle('solid')
    def dark_pixels(pyplot, solid: bool):
        fig, ax = pyplot.subplots(figsize=(4, 3), dpi=80)
        cs = ax.contour(*_grid(), [-0.6, -0.3, 0.3, 0.6], colors="k")
        if solid:
            cs.set_linestyle("solid")
        if pyplot is plt:
            img = fig.render()[..., :3].astype(int)
        else:
            fig.canvas.draw()
            img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        return (img.max(axis=2) < 120).sum()

    dashed, solid = dark_pixels(plt, False), dark_pixels(plt, True)
    mdashed, msolid = dark_pixels(mplt, False), dark_pixels(mplt, True)
    assert solid > 1.05 * dashed and msolid > 1.05 * mdashed  # the dashes' gaps filled
    assert solid == pytest.approx(msolid, rel=0.2)


def test_plot_and_scatter_take_labelled_data_as_matplotlib():
    # ticks/date.py: ax.plot('date', 'adj_close', data=data); keyword_plotting.py
    data = {"a": np.arange(5.0), "b": np.arange(5.0) ** 2, "c": np.arange(5.0),
            "d": np.arange(1.0, 6.0) * 10}

    def made(pyplot):
        ax = pyplot.subplots()[1]
        line, = ax.plot("a", "b", "r--", data=data)
        only_y, = ax.plot("b", data=data)
        sc = ax.scatter("a", "b", c="c", s="d", data=data)
        return (np.c_[line.get_xdata(), line.get_ydata()].tolist(), line.get_label(),
                line.get_linestyle(),
                only_y.get_ydata().tolist(), only_y.get_label(),
                np.asarray(sc.get_offsets()).tolist(), np.asarray(sc.get_sizes()).tolist(),
                np.asarray(sc.get_array()).tolist(), sc.get_label())

    assert made(plt) == made(mplt)


def test_plot_surface_takes_a_grid_of_color_names_as_matplotlib():
    # surface3d_3.py: facecolors = a (rows, cols) array of 'y' and 'b'
    x, y = np.meshgrid(np.arange(6.0), np.arange(5.0))
    names = np.where((x + y) % 2 == 0, "y", "b")

    def faces(pyplot):
        ax = pyplot.figure().add_subplot(projection="3d")
        surf = ax.plot_surface(x, y, x * y, facecolors=names, linewidth=0, shade=False)
        return np.unique(np.round(np.asarray(surf.get_facecolor(), float), 4), axis=0)

    np.testing.assert_allclose(faces(plt), faces(mplt))
    assert len(faces(plt)) == 2


@pytest.mark.parametrize("shape", [(1, 3), (2, 2), (3, 1)])
def test_subplots_leaves_the_last_axes_current_as_matplotlib(shape):
    # style_sheets_reference.py: plt.title(...) after plt.subplots(ncols=6) titles the
    # last axes (lumos titled the first, over its own 'Axes title')
    def current(pyplot):
        axs = pyplot.subplots(*shape)[1]
        pyplot.title("t")
        return [a.get_title() for a in np.ravel(axs)]

    assert current(plt) == current(mplt)


def test_legend_elements_take_an_alpha_as_matplotlib():
    # gallery scatter_with_legend.py: legend_elements(prop="sizes", alpha=0.6)
    got = []
    for p in (mplt, plt):
        fig, ax = p.subplots()
        sc = ax.scatter([1, 2, 3], [1, 2, 3], c=[1, 2, 3], s=[10, 40, 90], alpha=0.5)
        handles, labels = sc.legend_elements(prop="sizes", alpha=0.6)
        kept, _ = sc.legend_elements(prop="sizes")
        got.append((len(handles), handles[0], kept[0]))
        p.close(fig)
    (n_mpl, h_mpl, k_mpl), (n, h, k) = got
    assert n == n_mpl == 3
    assert h.color[3] == h_mpl.get_alpha() == 0.6  # the caller's alpha
    assert k.color[3] == k_mpl.get_alpha() == 0.5  # else the scatter's
