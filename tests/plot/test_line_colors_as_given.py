"""``Line2D.get_color`` and the marker color getters return colors as they were given,
as matplotlib's do (not lumos's RGBA)."""

from __future__ import annotations

import pytest

import lumos.pyplot as plt
from lumos import colors

mplt = pytest.importorskip("matplotlib.pyplot")

# (plot args, plot kwargs, what to read after)
CASES = {
    "fmt letter": (([1, 2], "r--"), {}, "get_color"),
    "CN": (([1, 2],), {"color": "C1"}, "get_color"),
    "hex": (([1, 2],), {"color": "#ff0000"}, "get_color"),
    "tuple": (([1, 2],), {"color": (1, 0, 0)}, "get_color"),
    "fmt CN": (([1, 2], "C3o-"), {}, "get_color"),
    "fmt whole color": (([1, 2], "k"), {}, "get_color"),
    "mfc": (([1, 2], "o"), {"color": "b", "mfc": "g"}, "get_markerfacecolor"),
    "mfc auto": (([1, 2], "o"), {"color": "b"}, "get_markerfacecolor"),
    "mec": (([1, 2], "o"), {"color": "b", "mec": "0.5"}, "get_markeredgecolor"),
    "mec auto": (([1, 2], "o"), {"color": "b"}, "get_mec"),
    "hollow": (([1, 2], "o"), {"color": "b", "fillstyle": "none"}, "get_mfc"),
    "alt": (([1, 2], "o"), {"color": "b", "fillstyle": "left"}, "get_markerfacecoloralt"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_color_getters_as_matplotlib(name):
    args, kwargs, getter = CASES[name]
    got = getattr(plt.subplots()[1].plot(*args, **kwargs)[0], getter)()
    want = getattr(mplt.subplots()[1].plot(*args, **kwargs)[0], getter)()
    assert type(got) is type(want) and got == want


def test_default_color_is_the_cycle_entry():
    """No color: the property cycle's entry as the cycle holds it ('#1f77b4'), and
    set_color keeps what it is given."""
    line = plt.subplots()[1].plot([1, 2])[0]
    assert line.get_color() == "#1f77b4"
    line.set_color("C2")
    assert line.get_color() == "C2" and line.get_markeredgecolor() == "C2"
    assert line.line_rgba() == colors.to_rgba("C2")
    with pytest.raises(ValueError, match="color"):
        line.set_color("not a color")


def test_given_color_still_draws():
    """The color kept as given is the one drawn (the RGBA the renderer gets)."""
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.plot([0, 1], [0.5, 0.5], color="C1", lw=8)
    ax.set_axis_off()
    img = fig.render()
    h, w = img.shape[:2]
    assert tuple(img[h // 2, w // 2, :3]) == pytest.approx(
        tuple(round(255 * c) for c in colors.to_rgba("C1")[:3]), abs=2)
