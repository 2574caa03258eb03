"""pyplot's module-level API as scripts use it."""

from __future__ import annotations

import numpy as np
import pytest

import lumos
import lumos.pyplot as plt
from lumos.plot.figure import Figure


@pytest.fixture(autouse=True)
def _interactive_off():
    yield
    plt.ioff()


class TaggedFigure(Figure):
    tag = "mine"


def test_figure_numbers_labels_class_and_clear():
    a = plt.figure()
    b = plt.figure("results", figsize=(3, 2))
    assert plt.get_fignums() == [1, 2] and plt.get_figlabels() == ["", "results"]
    assert plt.figure("results") is b and plt.gcf() is b
    assert plt.figure(1) is a and plt.fignum_exists("results")
    a.add_subplot().plot([1, 2])
    assert plt.figure(1, clear=True) is a and a.axes == []
    c = plt.figure(FigureClass=TaggedFigure, layout="constrained", facecolor="0.5")
    assert isinstance(c, TaggedFigure) and c.get_constrained_layout()
    assert c.get_facecolor()[0] == pytest.approx(0.5)
    with pytest.raises(TypeError, match="FigureClass"):
        plt.figure(FigureClass=dict)
    plt.close("results")
    assert plt.get_fignums() == [1, 3]
    plt.close(c)
    plt.close(1)
    assert plt.get_fignums() == []
    with pytest.raises(TypeError, match="fig"):
        plt.close(2.5)


def test_current_axes_image_and_colormap_setters():
    fig, (ax1, ax2) = plt.subplots(1, 2)
    assert plt.gca() is ax2  # the last one, as matplotlib
    plt.sca(ax1)
    plt.sca(ax2)
    im = plt.imshow(np.arange(6.0).reshape(2, 3))
    assert plt.gci() is im
    plt.gray()
    assert im.cmap.name == "gray" and plt.rcParams["image.cmap"] == "gray"
    plt.jet()
    plt.clim(1, 4)
    assert im.get_clim() == (1, 4)
    cb = plt.colorbar()
    assert cb.mappable is im and plt.gca() is ax2  # the current axes stays
    plt.rcdefaults()
    with pytest.raises(AttributeError, match="gray_r"):
        plt.gray_r()


def test_ticks_limits_axis_margins_and_text_functions():
    plt.figure(figsize=(4, 3))
    plt.plot([0, 1, 2], [0, 1, 4])
    locs, labels = plt.xticks([0, 1, 2], ["a", "b", "c"], rotation=45, ha="right")
    assert list(locs) == [0, 1, 2] and [t.get_text() for t in labels] == ["a", "b", "c"]
    assert plt.gca().xaxis.major.labelrotation == 45
    plt.yticks(fontsize=8)
    assert plt.gca().yaxis.tick_size == 8
    assert plt.axis(xmin=-1, ymax=5)[0] == -1
    plt.margins(0)
    assert plt.margins() == (0, 0)
    plt.margins(x=0.1)
    assert plt.margins() == (0.1, 0)
    t = plt.figtext(0.5, 0.5, "middle", ha="center")
    assert t in plt.gcf().texts
    assert plt.suptitle("S").get_text() == "S"
    ax = plt.subplot2grid((3, 3), (1, 0), colspan=2, rowspan=2)
    assert ax.get_subplotspec().rowspan == range(1, 3)
    twin = plt.twinx()
    assert plt.gca() is twin
    with pytest.raises(TypeError, match="xmid"):
        plt.axis(xmid=2)


def test_axes_functions_follow_the_axes():
    ax = plt.axes((0.1, 0.1, 0.5, 0.5), polar=True)
    assert ax.name == "polar" and plt.gca() is ax
    assert plt.axes(ax) is ax
    plt.figure()
    assert "plot" in dir(plt) and callable(plt.hist)
    assert plt.plot.__name__ == "plot"
    with pytest.raises(AttributeError, match="no attribute 'plott'"):
        plt.__getattr__("plott")


def test_interactive_mode_and_draw():
    assert not plt.isinteractive()
    plt.ion()
    assert plt.isinteractive()
    plt.ioff()
    plt.figure()
    seen = []
    plt.connect("draw_event", seen.append)
    plt.draw()
    assert seen and seen[0].name == "draw_event"
    plt.pause(0.01)


def test_lumos_namespace_has_the_rc_functions():
    with lumos.rc_context({"lines.linewidth": 3}):
        assert lumos.rcParams["lines.linewidth"] == 3
    assert lumos.rcParams["lines.linewidth"] == 1.5
    assert callable(lumos.rc) and callable(lumos.rcdefaults)
