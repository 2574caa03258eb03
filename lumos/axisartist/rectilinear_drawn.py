"""Rectilinear axisartist axes drawn by axisartist's own rules
(:class:`~.curvilinear.DrawnAxisArtist`) where lumos's axes cannot place them: tick
labels or labels on the inner side of a side (``set_axis_direction("right")`` on the
left axis), turned by a direction (``major_ticklabels.set_axis_direction("top")``),
aligned otherwise (``set_ha("center")``), and floating axes whose labels stand along
them (``new_floating_axis(1, 0.5)``, "bottom" by default).

:func:`redraw` hands a side from lumos's axis to a drawn artist: the side's ticks and
labels leave the lumos axis, which keeps its locator and formatter (the drawn artist
reads ``tick_lists``), and the side's AxisArtist forwards its API to the drawn one.
"""

from __future__ import annotations

import numpy as np

from .curvilinear import DrawnAxisArtist

__all__ = ["RectilinearHelper", "redraw"]

#: what a side's AxisArtist forwards to the drawn artist that replaced it
_FORWARDED = ("major_ticks", "minor_ticks", "major_ticklabels", "minor_ticklabels",
              "label", "line", "toggle", "set_visible", "get_visible", "get_helper",
              "set_axis_direction", "set_ticklabel_direction", "set_axislabel_direction",
              "invert_ticklabel_direction", "set_axisline_style")


class RectilinearHelper:
    """The ticks of the axes' x (``nth_coord`` 0) or y (1) axis (its locator and
    formatter) on a side of the box (``side``) or along the line through data
    ``value`` of the other coordinate (a floating axis)."""

    def __init__(self, nth_coord: int, side: str | None = None,
                 value: float | None = None) -> None:
        self.nth_coord, self.side, self.value = nth_coord, side, value

    def _across(self, ax) -> float:
        """The line's pixel coordinate across it."""
        x0, y0, w, h = ax.box
        if self.side is not None:
            return {"bottom": y0, "top": y0 + h, "left": x0, "right": x0 + w}[self.side]
        point = [0.0, self.value] if self.nth_coord == 0 else [self.value, 0.0]
        return float(ax.transData.forward(np.array(point))[1 - self.nth_coord])

    def _point(self, along: float, across: float) -> np.ndarray:
        return np.array([along, across] if self.nth_coord == 0 else [across, along])

    def ticks(self, ax, grid) -> list:
        """(pixels, normal, tangent, label) per tick of the axis's locator."""
        axis = ax.xaxis if self.nth_coord == 0 else ax.yaxis
        values, labels = axis.tick_lists()[:2]
        normal, tangent = (90.0, 0.0) if self.nth_coord == 0 else (0.0, 90.0)
        across = self._across(ax)
        out = []
        for v, text in zip(values, labels, strict=True):
            point = [v, 0.0] if self.nth_coord == 0 else [0.0, v]
            along = float(ax.transData.forward(np.array(point, dtype=float))[self.nth_coord])
            out.append((self._point(along, across), normal, tangent, str(text)))
        return out

    def label_at(self, ax, grid) -> tuple[np.ndarray, float]:
        """The line's middle and its angle."""
        x0, y0, w, h = ax.box
        middle = x0 + w / 2 if self.nth_coord == 0 else y0 + h / 2
        return self._point(middle, self._across(ax)), 90.0 * self.nth_coord

    def line(self, ax, grid) -> np.ndarray | None:
        """A floating axis's line across the box (a side's: its spine)."""
        if self.side is not None:
            return None
        x0, y0, w, h = ax.box
        lo, hi = (x0, x0 + w) if self.nth_coord == 0 else (y0, y0 + h)
        across = self._across(ax)
        return np.array([self._point(lo, across), self._point(hi, across)])


def redraw(artist) -> DrawnAxisArtist:
    """Hand the side ``artist`` (an AxisArtist of a host's box) to a drawn artist with
    its state (tick direction, size and pad, what is shown, label pad), hide the side
    on the lumos axis and make ``artist`` forward to the drawn one; returns it."""
    ax, axis, side = artist.axes, artist.axis, artist.side
    nth = 0 if side in ("bottom", "top") else 1
    drawn = DrawnAxisArtist(ax, RectilinearHelper(nth, side=side), side, artist.spine,
                            ticklabels=artist.major_ticklabels.get_visible(),
                            label=artist.label.get_visible())
    drawn.major_ticks.set_visible(artist.major_ticks.get_visible())
    drawn.major_ticks.set_tick_direction(artist.tick_dir["major"])
    drawn.major_ticks.set_ticksize(axis.major.size)
    drawn.major_ticklabels.set_pad(artist.pad["major"])
    drawn.label.set_pad(axis.labelpad)
    if artist.inside:  # tick labels across the line, as lumos drew them
        drawn.invert_ticklabel_direction()
    axis.set_tick_params(which="both", **{f"tick{artist.num}On": False,
                                          f"label{artist.num}On": False})
    if axis.get_label_position() == side:
        axis.label.set_visible(False)
    for name in _FORWARDED:
        setattr(artist, name, getattr(drawn, name))
    ax.axis.swap(artist, drawn)
    return drawn
