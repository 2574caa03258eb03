"""Which axes a pan or zoom of the mouse moves: matplotlib's ``set_navigate`` and
``set_forward_navigation_events`` (lumos.app.interaction follows them; controls.js, the
page's twin, is checked in tests/web/test_web_interaction.py)."""

from __future__ import annotations

import pytest

import lumos
from lumos.app.interaction import Interaction


def _overlapping():
    """A figure with a big axes and a small one over its middle (both limits 0..1)."""
    fig = lumos.figure(figsize=(4, 3), dpi=100)
    below = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    above = fig.add_axes((0.3, 0.3, 0.4, 0.4))
    for ax in (below, above):
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
    fig.draw()
    return fig, below, above


def _drag_middle(fig, dx: float = 30.0) -> list:
    """Drag from the middle of the figure ``dx`` pixels right; the events seen."""
    seen = []
    fig.on("mouse_press", seen.append)
    it = Interaction(fig)
    it.press(200, 150, 1)
    it.move(200 + dx, 150)
    it.release(200 + dx, 150, 1)
    return seen


def test_topmost_axes_takes_the_drag_by_default():
    fig, below, above = _overlapping()
    assert below.get_navigate() and above.get_navigate()
    assert above.get_forward_navigation_events() == "auto"
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0  # moved with the cursor
    assert below.get_xlim() == (0.0, 1.0)


def test_set_navigate_false_passes_the_drag_below_but_not_the_events():
    fig, below, above = _overlapping()
    above.set_navigate(False)
    assert above.get_navigate() is False
    seen = _drag_middle(fig)
    assert above.get_xlim() == (0.0, 1.0)
    assert below.get_xlim()[0] < 0
    assert seen[0].inaxes is above  # events still name it (widgets need them)
    # the wheel and a double-click (reset) also go below
    it = Interaction(fig)
    it.wheel(200, 150, 2)
    assert above.get_xlim() == (0.0, 1.0)
    it.double_click(200, 150)
    assert below.get_xlim() == (0.0, 1.0)
    # and the page is told the mouse never moves it
    fig.draw()
    assert above.view.camera_dict()["interactive"] is False
    assert "interactive" not in below.view.camera_dict()


def test_set_navigate_through_set_and_back_on():
    fig, below, above = _overlapping()
    above.set(navigate=False)
    assert not above.get_navigate()
    above.set_navigate(True)
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0 and below.get_xlim() == (0.0, 1.0)


def test_forward_navigation_moves_both():
    fig, below, above = _overlapping()
    above.set_forward_navigation_events(True)
    fig.draw()
    assert above.view.camera_dict()["forward"] is True
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0 and below.get_xlim()[0] < 0


def test_auto_forwards_when_the_patch_is_hidden():
    fig, below, above = _overlapping()
    above.patch.set_visible(False)
    fig.draw()
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0 and below.get_xlim()[0] < 0


def test_forward_false_overrides_a_hidden_patch():
    fig, below, above = _overlapping()
    above.patch.set_visible(False)
    above.set_forward_navigation_events(False)
    fig.draw()
    assert "forward" not in above.view.camera_dict()
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0 and below.get_xlim() == (0.0, 1.0)


def test_twin_axes_still_move_together_and_forward_to_their_parent():
    fig, below, above = _overlapping()
    twin = above.twinx()
    twin.set_ylim(0, 10)
    fig.draw()
    _drag_middle(fig)
    assert above.get_xlim()[0] < 0 and twin.get_xlim()[0] < 0
    assert below.get_xlim() == (0.0, 1.0)  # the parent's patch is visible: stops there


def test_bad_forward_value():
    fig, below, above = _overlapping()
    with pytest.raises(ValueError, match="forward: got 'yes'"):
        above.set_forward_navigation_events("yes")
