"""``findobj``, ``getp`` and ``setp`` as matplotlib's (gallery findobj_demo.py and
set_and_get.py)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.text as mtext  # noqa: E402


def _scene(mod):
    fig, ax = mod.subplots(figsize=(3, 2), dpi=80)
    a, = ax.plot([0, 1], [0, 1], "k--", lw=3)
    b, = ax.plot([0, 1], [1, 0], "r:")
    ax.set_title("T")
    ax.set_xlabel("x")
    return fig, ax, a, b


def test_findobj_finds_lines_and_texts():
    fig, ax, a, b = _scene(plt)
    found = fig.findobj(lambda o: hasattr(o, "set_color") and not hasattr(o, "set_facecolor"))
    assert a in found and b in found
    texts = fig.findobj(mtext.Text)  # matplotlib's class: the lumos objects standing for it
    shown = {t.get_text() for t in texts}
    assert {"T", "x"} <= shown
    assert any(t.get_text() == "0.00" for t in texts)  # tick labels, as matplotlib's
    assert fig in fig.findobj() and fig not in fig.findobj(include_self=False)
    assert ax.findobj(type(a)) == [a, b]
    with pytest.raises(TypeError, match="match"):
        fig.findobj(3)


def test_findobj_recolors_as_matplotlib():
    pictures = []
    for mod in (plt, mplt):
        fig, ax, a, b = _scene(mod)
        for o in fig.findobj(lambda o: hasattr(o, "set_color")
                             and not hasattr(o, "set_facecolor")):
            o.set_color("blue")
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
        pictures.append(img)
        assert matplotlib.colors.to_rgba(mod.getp(a, "color")) == (0, 0, 1, 1)
    blue = [((p[..., 2] > 150) & (p[..., 0] < 90) & (p[..., 1] < 90)).sum() for p in pictures]
    red = [((p[..., 0] > 150) & (p[..., 1] < 90) & (p[..., 2] < 90)).sum() for p in pictures]
    assert red == [0, 0]  # the red dotted line turned blue in both
    assert abs(blue[0] - blue[1]) < 0.25 * blue[1]  # lines, ticks, labels and title


def test_getp_and_setp_as_matplotlib(capsys):
    values = []
    for mod in (plt, mplt):
        _, ax, a, _ = _scene(mod)
        mod.setp([a], linewidth=5)
        values.append((mod.getp(a, "linewidth"), mod.getp(a, "linestyle")))
    assert values[0] == values[1] == (5.0, "--")
    _, ax, a, _ = _scene(plt)
    plt.getp(a)
    listing = capsys.readouterr().out
    assert "    linewidth = 3.0" in listing and "    color = 'k'" in listing
    plt.setp(a)
    assert "  linewidth: " in capsys.readouterr().out
    with pytest.raises(AttributeError, match="wobble"):
        plt.getp(a, "wobble")


def test_setp_takes_an_array_iterator():
    fig, axs = plt.subplots(2, 2)
    plt.setp(axs.flat, xticks=[], yticks=[])
    assert all(len(ax.get_xticks()) == 0 for ax in axs.flat)
    plt.setp(axs, xticks=[1.0])
    assert all(list(ax.get_xticks()) == [1.0] for ax in axs.flat)


def test_set_names_every_unknown_property_before_setting_any():
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    text = ax.text(0, 0, "t")
    objects = [line, text, ax, ax.spines["left"], ax.patch, ax.xaxis,
               ax.get_xticklabels()[0]]
    for obj in objects:
        for error in (TypeError, AttributeError):  # lumos's rule and matplotlib's
            with pytest.raises(error, match="'wobble'"):
                obj.set(visible=False, wobble=1)
    assert all(obj.get_visible() for obj in objects)  # nothing was set
    with pytest.raises(TypeError, match="'lw' and 'linewidth'"):
        line.set(lw=1, linewidth=2)
    line.set(lw=3, c="r")
    assert line.get_linewidth() == 3 and line.get_color() == "r"
    ax.set(xlim=(2, 5), title="t")
    assert ax.get_xlim() == (2, 5) and ax.get_title() == "t"
