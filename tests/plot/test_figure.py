"""Figure, Axes and pyplot: matplotlib's API on lumos, rendered headless."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from plot_helpers import drawn_strings  # tests/plot/plot_helpers.py

import lumos
import lumos.pyplot as plt
from lumos.plot import ticker
from lumos.plot.axes_plotting import parse_fmt


def small(**kwargs):
    return lumos.subplots(figsize=(3, 2), dpi=80, **kwargs)


def colored(img: np.ndarray, rgb, tol: int = 40) -> np.ndarray:
    return (np.abs(img[..., :3].astype(int) - np.asarray(rgb)).max(axis=2) <= tol)


# -- format strings and return values ------------------------------------------------
@pytest.mark.parametrize("fmt, expected", [
    ("r--o", {"color": "r", "linestyle": "--", "marker": "o"}),
    ("o", {"marker": "o", "linestyle": "None"}),
    ("C3-.", {"color": lumos.colors.to_rgba("C3"), "linestyle": "-."}),  # as matplotlib
    ("k", {"color": (0.0, 0.0, 0.0, 1.0)}),
    (":k", {"color": "k", "linestyle": ":"}),
    ("s", {"marker": "s", "linestyle": "None"}),
])
def test_parse_fmt(fmt, expected):
    assert parse_fmt(fmt) == expected


def test_parse_fmt_rejects_unknown_characters():
    with pytest.raises(ValueError, match="fmt"):
        parse_fmt("r-q")


def test_plot_returns_lines_with_data_and_cycle_colors():
    fig, ax = small()
    lines = ax.plot([0, 1, 2], [1, 3, 2], [0, 1, 2], [2, 2, 2], "g:")
    assert len(lines) == 2
    np.testing.assert_array_equal(lines[0].get_ydata(), [1, 3, 2])
    assert lines[0].get_color() == "#1f77b4"  # as the cycle holds it
    assert lines[1].get_color() == "g"  # as given
    assert lines[1].get_linestyle() == ":"
    y2 = ax.plot(np.c_[np.arange(3), np.arange(3) * 2])  # columns are lines
    assert len(y2) == 2


def test_plot_mismatched_lengths_names_both():
    fig, ax = small()
    with pytest.raises(ValueError, match=r"\(5,\).*\(10,"):
        ax.plot(np.arange(10)[:5], np.arange(10))


def test_strings_where_numbers_expected_raise_type_error():
    fig, ax = small()
    with pytest.raises(TypeError, match="y"):
        ax.plot([0, 1], ["a", 1])  # all strings are categories; a mix is neither
    with pytest.raises(TypeError, match="left"):
        ax.set_xlim("a", 2)


def test_unknown_color_and_colormap_list_close_matches():
    fig, ax = small()
    with pytest.raises(ValueError, match="did you mean 'red'"):
        ax.plot([0, 1], color="redd")
    with pytest.raises(ValueError, match="viridis"):
        ax.imshow(np.zeros((2, 2)), cmap="virdis")


def test_caller_arrays_are_not_modified():
    fig, ax = small()
    x = np.array([0.0, 1.0, np.nan, 3.0])
    y = np.array([1.0, -2.0, 3.0, 4.0])
    z = np.array([[1.0, np.nan], [3.0, 4.0]])
    copies = [a.copy() for a in (x, y, z)]
    ax.plot(x, y)
    ax.scatter(x, y, c=y)
    ax.imshow(z)
    ax.set_yscale("log")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.render()
    for a, c in zip((x, y, z), copies, strict=True):
        np.testing.assert_array_equal(a, c)


# -- sizes and output ------------------------------------------------------------------
def test_savefig_pixel_size_is_figsize_times_dpi(tmp_path):
    from PIL import Image

    fig, ax = lumos.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 1], [0, 1])
    for dpi, size in ((None, (200, 150)), (100, (400, 300)), (123, (492, 369))):
        path = fig.savefig(tmp_path / f"f{dpi}.png", dpi=dpi)
        assert Image.open(path).size == size
    assert fig.render().shape == (150, 200, 4)


def test_savefig_svg_into_a_text_file_as_matplotlib():
    import io

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    text, raw = io.StringIO(), io.BytesIO()
    fig.savefig(text, format="svg")
    fig.savefig(raw, format="svg")
    assert text.getvalue() == raw.getvalue().decode("utf-8")
    assert text.getvalue().startswith("<?xml")
    with pytest.raises(TypeError):  # PNG is bytes (matplotlib raises as well)
        fig.savefig(io.StringIO(), format="png")


def test_savefig_html(tmp_path):
    fig, ax = small()
    ax.plot([0, 1], [0, 1], label="</script><b>x</b>")
    ax.set_title("<title>")
    path = fig.savefig(tmp_path / "f.html")
    text = path.read_text()
    assert "<b>x</b>" not in text and "</script><b>" not in text


def test_higher_dpi_is_sharper_not_different():
    fig, ax = small()
    ax.plot([0, 1], [0, 1], lw=2)
    lo = fig.render(dpi=80).astype(float)
    hi = fig.render(dpi=160).astype(float)
    down = hi.reshape(lo.shape[0], 2, lo.shape[1], 2, 4).mean(axis=(1, 3))
    assert np.abs(down - lo).mean() < 6


# -- limits, scales, empty data ---------------------------------------------------------
def test_autoscale_margins_like_matplotlib():
    fig, ax = small()
    ax.plot([0, 10], [0, 1])
    np.testing.assert_allclose(ax.get_xlim(), (-0.5, 10.5))
    np.testing.assert_allclose(ax.get_ylim(), (-0.05, 1.05))


def test_new_data_keeps_automatic_limits_until_relim_as_matplotlib():
    # matplotlib's dataLim: taken when an artist is added; set_data, set_offsets and
    # set_height change what is drawn, not the limits, until relim()
    fig, ax = small()
    (line,) = ax.plot([0, 10], [0, 1])
    sc = ax.scatter([5], [0.5])
    fig.render()
    line.set_data([0, 20], [0, 5])
    sc.set_offsets([[5, -3]])
    fig.render()
    np.testing.assert_allclose(ax.get_xlim(), (-0.5, 10.5))
    np.testing.assert_allclose(ax.get_ylim(), (-0.05, 1.05))
    ax.plot([0, 1], [0, 2])  # a new artist adds its data to what was fitted
    fig.render()
    np.testing.assert_allclose(ax.get_ylim(), (-0.1, 2.1))
    ax.relim()
    ax.autoscale_view()
    np.testing.assert_allclose(ax.get_xlim(), (-1, 21))
    np.testing.assert_allclose(ax.get_ylim(), (-3.4, 5.4))
    ax.set_yscale("log")  # positive data only: fitted anew for the new scale
    fig.render()
    assert ax.get_ylim()[0] > 0
    line.remove()  # a removed artist leaves what is fitted
    ax.set_yscale("linear")
    fig.render()
    np.testing.assert_allclose(ax.get_ylim(), (-3.25, 2.25))


def test_set_extent_refits_the_limits_as_matplotlib():
    fig, ax = small()
    im = ax.imshow(np.zeros((4, 4)))
    fig.render()
    im.set_extent((0, 100, 0, 50))
    fig.render()
    np.testing.assert_allclose(ax.get_xlim(), (0, 100))
    np.testing.assert_allclose(ax.get_ylim(), (0, 50))


def test_a_stream_moves_the_limits_with_its_samples():
    fig, ax = small()
    s = ax.stream(channels=1, capacity=100, dt=1.0)
    s.push(np.zeros((10, 1)))
    fig.render()
    first = ax.get_xlim()
    s.push(np.ones((200, 1)))
    fig.render()
    assert ax.get_xlim()[1] > first[1] + 100 and ax.get_ylim()[1] > 1


def test_set_lim_invert_and_ticks_follow():
    fig, ax = small()
    ax.plot([0, 10], [0, 1])
    ax.set_xlim(10, 0)
    assert ax.xaxis_inverted() and ax.get_xlim() == (10, 0)
    ax.set_xlim(0, 1000)
    ticks = ax.get_xticks()
    assert ticks.min() >= 0 and ticks.max() <= 1000 and len(ticks) >= 3
    ax.invert_yaxis()
    assert ax.yaxis_inverted()
    img = fig.render()
    assert img.shape == (160, 240, 4)


def test_empty_and_all_nan_data_give_default_limits():
    fig, ax = small()
    ax.plot([], [])
    ax.plot([np.nan, np.nan], [np.nan, np.nan])
    # matplotlib's view of no finite data: nonsingular(-inf, inf) = -0.05..0.05 + margins
    assert ax.get_xlim() == pytest.approx((-0.055, 0.055))
    assert ax.get_ylim() == pytest.approx((-0.055, 0.055))
    fig.render()


def test_log_scale_limits_from_the_positive_values():
    # non-positive values are clipped far below the view, silently, as in matplotlib
    # (tests/plot/test_log_nonpositive.py draws them)
    fig, ax = small()
    ax.plot([1, 2, 3, 4], [10, -1, 0, 1000])
    ax.set_yscale("log")
    lo, hi = ax.get_ylim()
    assert 0 < lo < 10 and hi > 1000
    labels = ax.yaxis.ticks()[1]
    assert any("10^{" in s for s in labels)
    fig.render()


def test_symlog_scale():
    fig, ax = small()
    ax.plot(np.linspace(-100, 100, 50), np.linspace(-100, 100, 50))
    ax.set_xscale("symlog", linthresh=1.0)
    assert ax.get_xscale() == "symlog"
    fig.render()


def test_unknown_scale_raises():
    fig, ax = small()
    with pytest.raises(ValueError, match="scale"):
        ax.set_xscale("logit2")


def test_large_offset_ticks_use_an_offset():
    fig, ax = small()
    ax.plot(1.7e9 + np.arange(100) * 1e-3, np.arange(100))
    major, labels, minor, offset = ax.xaxis.ticks()
    assert offset  # "+1.7e9" style
    assert len(set(labels)) == len(labels)


def test_datetime64_axis_gets_date_ticks():
    fig, ax = small()
    t = np.arange("2024-01-01", "2024-03-01", dtype="datetime64[D]")
    ax.plot(t, np.arange(len(t)))
    assert ax.xaxis.is_date
    _, labels, _, _ = ax.xaxis.ticks()
    assert labels and all(lab for lab in labels)
    fig.render()


# -- artists in pictures ---------------------------------------------------------------
def test_plot_draws_in_its_color_inside_the_axes():
    fig, ax = small()
    ax.plot([0, 1], [0.5, 0.5], color="red", lw=3)
    img = fig.render()
    red = colored(img, (255, 0, 0), 60)
    assert red.sum() > 50
    ys, xs = np.nonzero(red)
    bx, by, bw, bh = ax.box
    assert xs.min() >= bx - 1 and xs.max() <= bx + bw + 1


def test_scatter_colormap_and_sizes():
    fig, ax = small()
    pc = ax.scatter([0, 1, 2], [0, 1, 2], c=[0.0, 0.5, 1.0], s=[20, 40, 80], cmap="viridis")
    assert pc.get_clim() == (0.0, 1.0)
    img = fig.render()
    # a tolerance under 41 keeps antialiased gray text out of the purple count
    yellow = colored(img, (253, 231, 37), 25)
    purple = colored(img, (68, 1, 84), 25)
    assert yellow.sum() > purple.sum() > 5  # the largest point is yellow
    with pytest.raises(ValueError, match="s"):
        ax.scatter([0, 1], [0, 1], s=[1, 2, 3])


def test_imshow_origin_upper_puts_row_zero_on_top():
    fig, ax = small()
    z = np.zeros((2, 2))
    z[0, :] = 1.0
    ax.imshow(z, cmap="gray")
    img = fig.render()
    bx, by, bw, bh = ax.box
    h = img.shape[0]
    top = img[int(h - by - bh * 0.75), int(bx + bw / 2), :3]
    bottom = img[int(h - by - bh * 0.25), int(bx + bw / 2), :3]
    assert top.mean() > 200 and bottom.mean() < 50
    assert ax.yaxis_inverted()


def test_imshow_keeps_limits_the_script_set():
    """As matplotlib: limits set before imshow stay, also after set_extent and a draw
    (Rougier's interactive loupe); an autoscaling axis still fits the image."""
    mplt = pytest.importorskip("matplotlib.pyplot")
    out = []
    for mod in (plt, mplt):
        fig = mod.figure()
        ax = fig.add_subplot(xlim=(0.0, 5), aspect=1)
        im = ax.imshow(np.zeros((3, 3)), extent=[0, 5, 0, 4])
        im.set_extent([0, 10, 0, 8])
        fig.canvas.draw()
        out.append((ax.get_xlim(), ax.get_ylim()))
    mplt.close("all")
    np.testing.assert_allclose(out[0], out[1])
    assert tuple(out[0][0]) == (0, 5) and tuple(out[0][1]) == (0, 8)


def test_legend_best_avoids_the_data():
    fig, ax = small()
    ax.plot([0, 1], [0, 1], label="rising")  # fills lower left and upper right
    leg = ax.legend()
    assert [t.get_text() for t in leg.get_texts()] == ["rising"]
    fig.draw()
    w, h = leg._size()[:2]
    x, y = leg._position(w, h)
    bx, by, bw, bh = ax.box
    fx = (x + w / 2 - bx) / bw
    fy = (y + h / 2 - by) / bh
    assert (fx < 0.5) != (fy < 0.5)  # upper left or lower right


def test_legend_without_labels_is_empty_and_bad_loc_raises():
    fig, ax = small()
    ax.plot([0, 1])
    assert [t.get_text() for t in ax.legend().get_texts()] == []
    with pytest.raises(ValueError, match="loc"):
        ax.legend(loc="middle earth")


def test_colorbar_has_ticks_and_label():
    fig, ax = small()
    im = ax.imshow(np.arange(12.0).reshape(3, 4))
    cb = fig.colorbar(im, label="K")
    fig.draw()
    major, labels, _, _ = cb.ax.yaxis.ticks()
    assert len(major) >= 2 and labels
    assert cb.ax.get_ylabel() == "K"
    assert cb.ax.box[0] > ax.box[0] + ax.box[2]


def test_shared_axes_and_twinx():
    fig, axs = lumos.subplots(2, 1, sharex=True, figsize=(3, 3), dpi=80)
    axs[0].plot([0, 10], [0, 1])
    axs[1].plot([5, 20], [0, 1])
    assert axs[0].get_xlim() == axs[1].get_xlim()
    assert axs[0].get_xlim()[1] >= 20
    twin = axs[1].twinx()
    twin.plot([0, 1], [100, 200], color="C1")
    assert twin.get_xlim() == axs[1].get_xlim()
    assert twin.get_ylim()[1] >= 200
    fig.render()


def test_constrained_layout_keeps_labels_inside_the_figure():
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100, layout="constrained")
    ax.plot([0, 1e6], [0, 1e6])
    ax.set_ylabel("a long y label")
    ax.set_title("title")
    ax.set_xlabel("x")
    fig.draw()
    bx, by, bw, bh = ax.box
    assert bx > 20 and by > 15 and bx + bw < 300 and by + bh < 200 - 10
    img = fig.render()
    # the figure border rows/cols stay background: nothing was cut at the edges
    assert (img[:, 0, :3] == 255).all() and (img[0, :, :3] == 255).all()


def test_set_and_text_and_axhline():
    fig, ax = small()
    ax.set(xlim=(0, 2), ylim=(0, 4), xlabel="a", ylabel="b", title="c")
    assert ax.get_xlim() == (0, 2) and ax.get_title() == "c"
    t = ax.text(1, 2, "hi", ha="center")
    assert t.get_text() == "hi"
    t2 = ax.text(0.5, 0.5, "axes", transform=ax.transAxes)
    assert t2.pixel_position()[0] == pytest.approx(ax.box[0] + ax.box[2] / 2)
    fig.render()


# -- pyplot ------------------------------------------------------------------------------
def test_pyplot_state_machine(tmp_path):
    plt.figure(figsize=(3, 2), dpi=80)
    plt.plot([1, 2, 3], "r--o", label="a")
    plt.xlabel("x")
    plt.ylabel("y")
    plt.title("t")
    plt.xlim(0, 4)
    assert plt.xlim() == (0, 4)
    plt.legend()
    plt.grid(True)
    ax1 = plt.subplot(2, 1, 2)
    assert plt.gca() is ax1
    plt.plot([3, 2, 1])
    out = plt.savefig(tmp_path / "p.png")
    assert out.exists()
    assert plt.get_fignums() == [1]
    plt.close()
    assert plt.get_fignums() == []


def test_figure_indexing_with_spans():
    fig = lumos.Figure(figsize=(4, 3), dpi=60)
    a = fig[0, 0]
    b = fig[0, 1]
    c = fig.subplot(1, 0, colspan=2)
    assert fig[0, 0] is a and a is not b
    for ax in (a, b, c):
        ax.plot([0, 1])
    fig.draw()
    assert c.box[2] > a.box[2] + b.box[2]


def test_batches_follow_new_artists_between_renders():
    fig, ax = small()
    ax.plot([0, 1])
    fig.render()
    ax.plot([1, 0])
    fig.render()
    ax.plot([0.5, 0.5], label="c")
    ax.legend()
    img = fig.render()
    # the third line (C2) is drawn: 1.67 px wide, snapped as Agg snaps it, it covers two
    # rows at 83 % (matplotlib's pixels: 79, 175, 79), the legend's handle likewise
    assert colored(img, (44, 160, 44), 40).sum() > 20


def test_spines_tick_params_and_rotated_ticklabels():
    fig, ax = small()
    ax.plot([0, 1], [0, 1])
    ax.spines[["top", "right"]].set_visible(False)
    assert not ax.spines["top"].get_visible() and ax.spines.left.get_visible()
    ax.set_xticks([0, 0.5, 1])
    ax.set_xticklabels(["zero", "half", "one"], rotation=45, ha="right")
    ax.tick_params(axis="y", direction="in", length=5, labelsize="small", colors="red")
    assert ax.xaxis.major.labelrotation == 45 and ax.xaxis.tick_ha == "right"
    assert ax.yaxis.major.direction == "in" and ax.yaxis.tick_size < 10
    img = fig.render()
    bx, by, bw, bh = ax.box
    h = img.shape[0]
    top_row = img[int(h - by - bh), int(bx + bw / 2), :3]
    assert top_row.min() > 200  # no top spine
    ax.tick_params(labelbottom=False)
    fig.draw()
    assert not ax.xaxis.show_labels
    with pytest.raises(ValueError, match="direction"):
        ax.tick_params(direction="sideways")
    with pytest.raises(TypeError):
        ax.tick_params(wobble=3)


def test_matplotlib_conveniences():
    import datetime as dt
    import warnings

    fig, axs = lumos.subplots(2, 2, figsize=(5, 4), dpi=60)
    bars = axs[0, 0].bar(["x", "y", "z"], [1, 2, 3])
    assert len(bars.patches) == 3
    assert axs[0, 0].xaxis.ticks()[1] == ["x", "y", "z"]
    axs[0, 1].plot([dt.date(2024, 1, d) for d in range(1, 11)], np.arange(10))
    assert axs[0, 1].xaxis.is_date
    fig.autofmt_xdate()
    assert axs[1, 0].xaxis.major.labelrotation == 30
    assert axs[0, 1].xaxis.major.labelrotation == 0
    (line,) = axs[1, 0].loglog([1, 10, 100, 1000], [1, 2, 3, 4], "o-", markevery=2,
                                label="a")
    assert axs[1, 0].get_xscale() == axs[1, 0].get_yscale() == "log"
    assert len(line.marker_positions()) == 2
    assert axs[1, 0].get_legend_handles_labels() == ([line], ["a"])
    axs[1, 0].minorticks_on()
    axs[1, 1].plot([0, 1])
    axs[1, 1].yaxis.tick_right()
    axs[1, 1].xaxis.set_tick_params(rotation=30)
    assert axs[1, 1].yaxis.get_ticks_position() == "right"
    assert axs[1, 1].xaxis.major.labelrotation == 30
    with pytest.raises(ValueError, match="position"):
        axs[1, 1].yaxis.set_ticks_position("top")
    top = axs[0, 0].get_position().y0
    fig.subplots_adjust(hspace=0.5)  # matplotlib's subplot parameters: room between rows
    assert axs[0, 0].get_position().y0 > top
    with pytest.raises(ValueError, match="markevery"):
        line.set_markevery(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.render()


def test_legend_anchored_outside_gets_room_and_log_clip():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80, layout="constrained")
    ax.plot([0, 1, 2], [0, 1, 4], label="a")
    leg = ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
    fig.draw()
    w, h = leg._size()[:2]
    x, y = leg._position(w, h)
    bx, by, bw, bh = ax.box
    assert x >= bx + bw and x + w <= fig.canvas.size[0]  # right of the axes, inside the figure
    with pytest.raises(TypeError, match="bbox_to_anchor"):
        ax.legend(bbox_to_anchor="right")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # clip: no masking warning
        ax.set_yscale("log", nonpositive="clip")
        fig.render()
    with pytest.raises(ValueError, match="nonpositive"):
        ax.set_yscale("log", nonpositive="hide")


def test_text_bbox_draws_a_box_behind_the_text():
    fig, ax = small()
    ax.set(xlim=(0, 1), ylim=(0, 1))
    t = ax.text(0.5, 0.5, "boxed", ha="center", va="center",
                bbox=dict(facecolor="yellow", edgecolor="none"))
    img = fig.render()
    x, y = t.pixel_position()
    h = img.shape[0]
    yellow = colored(img, (255, 255, 0), 30)
    ys, xs = np.nonzero(yellow)
    assert yellow.sum() > 100 and abs(xs.mean() - x) < 3 and abs(ys.mean() - (h - y)) < 3
    with pytest.raises(TypeError, match="bbox"):
        ax.text(0, 0, "x", bbox=dict(wobble=1))


def test_figure_legend_collects_every_axes():
    fig, (a, b) = lumos.subplots(1, 2, figsize=(4, 2), dpi=60)
    a.plot([0, 1], label="first")
    b.plot([1, 0], label="second")
    leg = fig.legend(loc="upper center", ncol=2)
    assert [t.get_text() for t in leg.get_texts()] == ["first", "second"]
    fig.render()
    w, h = leg._size()[:2]
    x, y = leg._position(w, h)
    assert abs(x + w / 2 - fig.canvas.size[0] / 2) < 2  # centered in the figure
    fig.clf()
    assert fig.legends == []


def test_ticklabel_objects_and_setp():
    fig, ax = small()
    ax.plot([0, 10], [0, 1])
    fig.draw()
    labels = ax.get_xticklabels()
    # matplotlib's (3.11, same script): one label per tick of the locator, those
    # beyond the view included
    assert [t.get_text() for t in labels] == [
        "\u22122.5", "0.0", "2.5", "5.0", "7.5", "10.0", "12.5"]
    for t in labels:
        t.set_rotation(45)
    assert all(t.get_rotation() == 45 for t in ax.get_xticklabels())
    labels[1].set_visible(False)  # one label: matplotlib styles ticks one by one
    assert not labels[1].get_visible() and labels[2].get_visible()
    # matplotlib lists the labels shown only
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["\u22122.5", "2.5"]
    assert drawn_strings(fig)[:2] == ["2.5", "5.0"]
    plt.setp(ax.get_yticklabels(), fontsize=6, ha="left", color="red")
    assert all(t.get_fontsize() == 6 for t in ax.get_yticklabels())
    with pytest.raises(AttributeError, match="wobble"):
        plt.setp(labels, wobble=1)
    fig.render()


def test_horizontal_colorbar_below_the_axes_decorations():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=80)
    im = ax.imshow(np.arange(12.0).reshape(3, 4))
    ax.set_xlabel("x label")
    cb = fig.colorbar(im, orientation="horizontal", label="K")
    fig.draw()
    bx, by, bw, bh = ax.box
    cx, cy, cw, ch = cb.ax.box
    assert cy + ch < by - 10  # below the tick labels and the x label
    assert cw > ch and cb.ax.get_xlabel() == "K"
    assert len(cb.ax.xaxis.ticks()[0]) >= 2
    assert cy > 0  # inside the figure
    with pytest.raises(ValueError, match="orientation"):
        fig.colorbar(im, orientation="diagonal")
    fig.render()


def test_gridspec_spans():
    fig = lumos.Figure(figsize=(5, 4), dpi=60)
    gs = fig.add_gridspec(2, 3)
    top = fig.add_subplot(gs[0, :])
    left = fig.add_subplot(gs[1, 0])
    right = fig.add_subplot(gs[1, 1:])
    for ax in (top, left, right):
        ax.plot([0, 1])
    fig.draw()
    assert top.box[2] > right.box[2] > left.box[2]
    assert right.box[2] == pytest.approx(2 * left.box[2], rel=0.25)
    with pytest.raises(IndexError, match="row"):
        gs[2, 0]
    gs2 = fig.add_gridspec(1, 2, width_ratios=[1, 2], left=0.1, right=0.9, wspace=0)
    a, b = fig.add_subplot(gs2[0]), fig.add_subplot(gs2[1])
    assert b.get_position().width == pytest.approx(2 * a.get_position().width)
    assert a.get_position().x1 == pytest.approx(b.get_position().x0)
    with pytest.raises(ValueError, match="width_ratios"):
        fig.add_gridspec(2, 2, width_ratios=[1, 2, 3])
    fig.render()


class _CountingLocator(lumos.plot.ticker.MaxNLocator):
    """MaxNLocator that counts its tick_values calls."""

    calls = 0

    def tick_values(self, vmin, vmax):
        self.calls += 1
        return super().tick_values(vmin, vmax)


def test_one_draw_computes_each_axis_ticks_once():
    # layout (two passes), grid and decorations all ask for the ticks of an axis
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 1, 2], [0, 1, 0])
    ax.grid(True)
    loc = _CountingLocator(nbins=5)
    ax.xaxis.set_major_locator(loc)
    fig.draw()
    ax.set_xlim(0, 3)  # a new view: the next draw computes its ticks again
    loc.calls = 0
    fig.draw()
    assert loc.calls == 1
    ticks = ax.get_xticks()  # outside a draw: computed anew, as the draw did
    assert loc.calls == 2 and ticks[0] == 0 and ticks[-1] == pytest.approx(3)


def test_ticks_follow_locator_changes_between_draws():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 10], [0, 1])
    loc = lumos.plot.ticker.MaxNLocator(nbins=10)
    ax.xaxis.set_major_locator(loc)
    fig.draw()
    many = ax.get_xticks()
    loc.nbins = 2  # the same locator object, changed in place
    assert len(ax.get_xticks()) < len(many)  # asked outside a draw: computed anew
    fig.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == len(ax.get_xticks()) < len(many)
    # the arrays handed out are the callers' own
    ticks = ax.get_xticks()
    kept = ticks.copy()
    ticks[:] = -1
    assert (ax.get_xticks() == kept).all()


def test_scatter_takes_matplotlibs_short_color_names():
    fig, ax = lumos.subplots()
    sc = ax.scatter([0, 1], [0, 1], s=100, fc="none", ec="red")
    assert np.allclose(sc.get_edgecolor()[0], (1, 0, 0, 1))
    assert np.allclose(sc.get_facecolor()[0], (0, 0, 0, 0))


def test_dash_sequences_as_matplotlib():
    """dashes=[on, off], ls=(0, (on, off)) and set_dashes draw dashes in line widths."""
    def covered(**kw):
        fig, ax = lumos.subplots(figsize=(4, 1), dpi=100)
        (line,) = ax.plot([0, 1], [0.5, 0.5], lw=2, color="k", **kw)
        ax.set_ylim(0, 1)
        ax.set_axis_off()  # only the line is dark
        img = fig.render()
        fig.canvas.close()
        return line, int((img[..., :3] < 128).all(axis=2).sum())

    solid = covered()[1]
    line, dashed = covered(dashes=[4, 4])
    assert line.get_linestyle() == (0.0, (4.0, 4.0))
    assert 0.35 * solid < dashed < 0.65 * solid
    assert covered(ls=(0, (4, 4)))[1] == dashed
    line, shifted = covered(ls=(2, (4, 4)))  # the pattern starts 2 widths into it
    assert line.get_linestyle() == (2.0, (4.0, 4.0)) and shifted != dashed
    with pytest.raises(ValueError, match=r"^linestyle: .*even number"):
        covered(dashes=[4, 4, 4])


def test_set_axisbelow_puts_the_grid_under_or_over_bars():
    def bar_pixels(below):
        fig, ax = lumos.subplots(figsize=(3, 3), dpi=100)
        ax.bar([0], [2], width=1.0, color="C0")
        ax.set_xlim(-1, 1)
        ax.set_ylim(0, 3)
        ax.grid(True, color="k", lw=2)
        ax.set_axisbelow(below)
        img = fig.render()
        (x0, y0), (x1, y1) = ax.transData.forward(np.array([[-0.4, 0.2], [0.4, 1.8]]))
        h = img.shape[0]  # figure pixels from the bottom left; rows from the top
        patch = img[int(h - y1):int(h - y0), int(x0):int(x1), :3].reshape(-1, 3)
        fig.canvas.close()
        return (patch < 60).all(axis=1).sum()  # black grid pixels inside the bar

    assert bar_pixels(True) == 0
    assert bar_pixels(False) > 50
    fig, ax = lumos.subplots()
    assert ax.get_axisbelow() == "line"  # matplotlib's default
    with pytest.raises(ValueError, match=r"^b: got 'x'"):
        ax.set_axisbelow("x")


@pytest.mark.parametrize("set_ticks", [
    lambda ax, t: ax.set_yticks(t, [f"L{i}" for i in range(len(t))]),
    lambda ax, t: (ax.yaxis.set_major_locator(ticker.MultipleLocator(t[1] - t[0])),
                   ax.yaxis.set_major_formatter(ticker.FuncFormatter(
                       lambda v, pos: f"L{round(v * 30)}"))),
])
def test_ticks_the_user_chose_keep_every_label_as_in_matplotlib(set_ticks):
    # 31 labels on a 2-inch axis overlap; matplotlib draws them all (lumos dropped
    # every other one, a silently different picture of the user's own ticks)
    fig, ax = lumos.subplots(figsize=(3, 2), dpi=100)
    ax.plot([0, 1], [0, 1])
    set_ticks(ax, np.linspace(0, 1, 31))
    drawn = drawn_strings(fig)
    assert {f"L{i}" for i in range(31)} <= set(drawn)


def test_colorbar_of_contour_lines_draws_the_lines_on_white_as_matplotlib():
    # matplotlib's colorbar of a line contour (contour_demo.py): no color blocks, one
    # line per level in the contour's colors and widths
    fig, ax = small()
    z = np.add.outer(np.linspace(-1, 1, 30), np.linspace(-1, 1, 30))
    cs = ax.contour(z, levels=[-1, -0.5, 0, 0.5, 1], colors=["r", "g", "b", "m", "c"],
                    linewidths=3)
    cb = fig.colorbar(cs)
    values, rgba, widths = cb.lines[0]
    np.testing.assert_array_equal(values, cs.levels)
    np.testing.assert_array_equal(widths, 3)
    img = fig.render()
    bx, by, bw, bh = cb.ax.box
    h = img.shape[0]
    column = img[:, int(bx + bw / 2), :3].astype(int)
    for lo, hi in zip(values[:-1], values[1:], strict=True):  # white between the lines
        mid = cb.long_axis.pixels_along([(lo + hi) / 2])[0]
        assert (column[int(h - mid)] > 240).all()
    at_zero = column[int(h - cb.long_axis.pixels_along([0.0])[0])]
    assert at_zero[2] > 150 and at_zero[0] < 100  # the blue line of level 0


def test_script_artists_in_fig_artists_draw_lumos_patches_and_texts():
    """matplotlib's fig.artists: a script's own Artist whose draw(renderer) draws a
    patch in inches (fig.dpi_scale_trans) and a text (gallery widgets/menu.py) paints
    the same box as matplotlib's."""
    martist = pytest.importorskip("matplotlib.artist")
    mplt = pytest.importorskip("matplotlib.pyplot")
    import matplotlib.patches as mpatches

    import lumos.patches as lpatches
    import lumos.pyplot as lplt

    boxes = []
    for pyplot, patches in ((lplt, lpatches), (mplt, mpatches)):
        fig = pyplot.figure(figsize=(4, 3), dpi=50)

        class Item(martist.Artist):
            def __init__(self, fig, patches) -> None:
                super().__init__()
                self.rect = patches.Rectangle((0.5, 1.0), 1.5, 0.75, facecolor="red",
                                              transform=fig.dpi_scale_trans)
                self.rect.set(x=1.0, width=2.0)

            def draw(self, renderer) -> None:
                self.rect.draw(renderer)

        fig.artists.append(Item(fig, patches))
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        red = (img[..., 0] > 200) & (img[..., 1] < 60) & (img[..., 2] < 60)
        rows, cols = np.nonzero(red)
        boxes.append((rows.min(), rows.max(), cols.min(), cols.max()))
        pyplot.close(fig)
    # 1..3 inches across, 1..1.75 up at 50 dpi: columns 50..149, rows 63..99 of 150
    assert boxes[0] == boxes[1] == (63, 99, 50, 149)
    with pytest.raises(TypeError, match="renderer"):
        lpatches.Rectangle((0, 0), 1, 1).draw(object())
