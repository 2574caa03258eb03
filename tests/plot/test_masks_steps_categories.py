"""Pictures that used to be silently wrong: masked arrays leave gaps (as NaN does),
``steps-pre`` goes up first, ``bar(label=[...])`` gives one legend entry per bar, and
strings on an axis are categories (matplotlib's category axis)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from plot_helpers import px  # tests/plot/plot_helpers.py

import lumos
from lumos import colors

matplotlib.use("Agg")

C0 = colors.to_rgba("C0")[:3]


def small():
    return lumos.subplots(figsize=(3, 2), dpi=80)


def is_white(rgb) -> bool:
    return bool(np.all(np.asarray(rgb) > 0.97))


# -- masked arrays ------------------------------------------------------------------------
def masked_sine():
    x = np.linspace(0, 10, 51)
    y = np.ma.masked_where((x > 4) & (x < 6), np.sin(x) + 2)
    return x, y


def test_plot_masked_values_break_the_line():
    fig, ax = small()
    x, y = masked_sine()
    before = y.copy()
    (line,) = ax.plot(x, y)
    assert np.isnan(line.get_ydata()[(x > 4) & (x < 6)]).all()
    img = fig.render()
    ax.set_ylim(0, 4)
    img = fig.render()
    assert is_white(px(img, ax, 5.0, 2 + np.sin(5.0)))
    assert not is_white(px(img, ax, 2.0, 2 + np.sin(2.0)))
    assert np.ma.allequal(y, before) and (y.mask == before.mask).all()


def test_scatter_leaves_out_points_masked_in_x_y_s_or_c():
    fig, ax = small()
    x = np.arange(6.0)
    c = np.ma.masked_equal([0, 1, 2, 3, 4, 5], 2)
    s = np.ma.masked_equal([20, 20, 20, 20, 20, 99], 99)
    y = np.ma.masked_equal([1, 1, 1, 5, 1, 1], 5)
    pc = ax.scatter(x, y, s=s, c=c)
    off = pc.get_offsets()
    gone = ~np.isfinite(off).all(axis=1)
    assert gone.tolist() == [False, False, True, True, False, True]
    # matplotlib drops the same points
    import matplotlib.pyplot as mplt

    mfig, max_ = mplt.subplots()
    mpc = max_.scatter(x, y, s=s, c=c)
    assert len(mpc.get_offsets().compressed()) // 2 == int((~gone).sum())
    mplt.close(mfig)


def test_fill_between_masked_values_leave_a_gap():
    fig, ax = small()
    x, y = masked_sine()
    ax.fill_between(x, y, 0)
    ax.set_ylim(0, 4)
    img = fig.render()
    assert is_white(px(img, ax, 5.0, 0.5))
    assert not is_white(px(img, ax, 2.0, 0.5))


def test_fill_betweenx_masked():
    fig, ax = small()
    x, y = masked_sine()
    ax.fill_betweenx(x, y, 0)
    ax.set_xlim(0, 4)
    img = fig.render()
    assert is_white(px(img, ax, 0.5, 5.0))
    assert not is_white(px(img, ax, 0.5, 2.0))


def test_imshow_masked_pixels_are_transparent():
    fig, ax = small()
    z = np.ma.masked_greater(np.arange(16.0).reshape(4, 4), 11)  # the bottom row
    before = z.copy()
    im = ax.imshow(z)
    img = fig.render()
    assert is_white(px(img, ax, 1, 3))
    assert not is_white(px(img, ax, 1, 1))
    assert np.isnan(im.get_array()[3]).all()
    assert (z.mask == before.mask).all()
    rgb = np.ma.masked_array(np.ones((2, 2, 3)) * 0.2, mask=np.zeros((2, 2, 3), bool))
    rgb.mask[0, 0, 1] = True
    fig2, ax2 = small()
    ax2.imshow(rgb)
    img2 = fig2.render()
    assert is_white(px(img2, ax2, 0, 0))
    assert not is_white(px(img2, ax2, 1, 1))


@pytest.mark.parametrize("kind", ["pcolormesh", "contourf"])
def test_grids_masked_cells_are_left_out(kind):
    fig, ax = small()
    z = np.ma.masked_array(np.add.outer(np.arange(8.0), np.arange(8.0)))
    z[2:6, 2:6] = np.ma.masked
    getattr(ax, kind)(z)
    img = fig.render()
    assert is_white(px(img, ax, 3.8, 3.8))
    assert not is_white(px(img, ax, 0.5, 7.0))


# -- steps ---------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["pre", "post", "mid"])
def test_step_vertices_match_matplotlib(where):
    import matplotlib.pyplot as mplt
    from matplotlib.lines import Line2D as MLine

    x = np.array([0.0, 1.0, 3.0, 4.0])
    y = np.array([1.0, 2.0, 0.5, 3.0])
    fig, ax = small()
    (line,) = ax.step(x, y, where=where)
    ours = np.asarray(line._positions()[0])
    ref = MLine(x, y, drawstyle=f"steps-{where}")
    mfig, max_ = mplt.subplots()
    max_.add_line(ref)
    theirs = ref._get_transformed_path().get_fully_transformed_path().vertices
    theirs = max_.transData.inverted().transform(theirs)
    mplt.close(mfig)
    assert np.allclose(ours, theirs)


def test_steps_pre_rises_first_in_the_picture():
    fig, ax = small()
    ax.plot([0, 1, 2], [0, 1, 2], drawstyle="steps-pre", lw=4)
    ax.set_xlim(-0.5, 2.5)
    ax.set_ylim(-0.5, 2.5)
    img = fig.render()
    assert not is_white(px(img, ax, 0.0, 0.5))  # up at x=0 first ...
    assert not is_white(px(img, ax, 0.5, 1.0))  # ... then along y=1
    assert is_white(px(img, ax, 0.5, 0.0))  # not along y=0 ('post')


# -- bar labels -----------------------------------------------------------------------------
def test_bar_label_list_makes_one_legend_entry_per_bar():
    fig, ax = small()
    ax.bar(["a", "b", "c"], [1, 2, 3], label=["x", "y", "z"], color=["C0", "C1", "C2"])
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["x", "y", "z"]
    assert np.allclose(handles[1].get_facecolor()[:3], colors.to_rgba("C1")[:3])
    leg = ax.legend()
    assert [t.get_text() for t in leg.get_texts()] == ["x", "y", "z"]


# -- categories ------------------------------------------------------------------------------
def test_plot_strings_are_categories_in_first_seen_order():
    fig, ax = small()
    (line,) = ax.plot(["b", "a", "c"], [1, 2, 3])
    assert line.get_xdata().tolist() == [0.0, 1.0, 2.0]
    (line2,) = ax.plot(["c", "d"], [1, 1])
    assert line2.get_xdata().tolist() == [2.0, 3.0]
    fig.render()
    values, labels, _, _ = ax.xaxis.ticks()
    assert values.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert labels == ["b", "a", "c", "d"]


def test_categories_match_matplotlib_and_are_shared_with_bar_and_scatter():
    import matplotlib.pyplot as mplt

    def draw(ax):
        ax.bar(["mon", "tue"], [3, 4])
        ax.plot(["tue", "wed"], [2, 5])
        ax.scatter(["wed", "mon"], ["hi", "lo"])

    fig, ax = small()
    draw(ax)
    mfig, max_ = mplt.subplots()
    draw(max_)
    mfig.canvas.draw()
    fig.render()
    values, labels, _, _ = ax.xaxis.ticks()
    assert labels == [t.get_text() for t in max_.get_xticklabels()]
    assert values.tolist() == list(max_.get_xticks())
    assert ax.yaxis.units.mapping == {"hi": 0, "lo": 1}
    mplt.close(mfig)


def test_numbers_mixed_with_strings_raise():
    fig, ax = small()
    with pytest.raises(TypeError, match="x"):
        ax.plot(["a", 1], [1, 2])
    with pytest.raises(TypeError, match="y1"):
        ax.fill_between([0, 1], "ab")  # one string is no data unless the axis has categories


def test_shared_axes_share_categories():
    fig, (a, b) = lumos.subplots(1, 2, sharey=True, figsize=(4, 2), dpi=60)
    a.barh(["x", "y"], [1, 2])
    (line,) = b.plot([1, 2], ["y", "z"])
    assert line.get_ydata().tolist() == [1.0, 2.0]
    fig.render()
    assert b.yaxis.ticks()[1] == ["x", "y", "z"]


def test_category_axis_limits_by_category_name():
    # matplotlib's axes_units guide: set_xlim('orange', 'lemon') on a category axis
    fig, ax = lumos.subplots()
    ax.bar(["apple", "orange", "lemon", "lime"], [1, 2, 3, 4])
    ax.set_xlim("orange", "lemon")
    assert ax.get_xlim() == (1.0, 2.0)
    with pytest.raises(TypeError, match="bottom"):  # a numeric axis refuses a string
        ax.set_ylim("a", 3)
