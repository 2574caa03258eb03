"""axisartist's ``axislines``: :class:`Axes` (``ax.axis["left"]`` & co. as
:class:`~.axis_artist.AxisArtist`, ticks on all four sides, labelled on the
bottom and left) and :class:`AxesZero` (with ``ax.axis["xzero"]`` and ``["yzero"]``, the
axes through data 0, hidden until shown), as matplotlib's, on lumos axes.

>>> ax = fig.add_subplot(axes_class=AxesZero)
>>> ax.axis["xzero"].set_visible(True)
>>> ax.axis["xzero"].set_axisline_style("-|>")
>>> ax.axis["top", "right"].set_visible(False)
"""

from __future__ import annotations

from ..plot.axes import Axes as _LumosAxes
from .axis_artist import _SIDES, AxisArtist, _check_side
from .curvilinear import (
    CurvedGrid,
    DrawnAxisArtist,
    FixedAxisHelper,
    FloatingAxisHelper,
    reach,
)
from .grid_helper_curvelinear import GridHelperCurveLinear
from .rectilinear_drawn import RectilinearHelper

__all__ = ["Axes", "AxesZero", "AxisDict", "Subplot", "SubplotZero"]

#: axisartist's label pad (points; its AxisLabel's, not rcParams' axes.labelpad)
_LABEL_PAD = 5.0


class _Chain:
    """Several AxisArtists (or their parts) as one: ``ax.axis[:]`` and
    ``ax.axis["top", "right"]`` (matplotlib's ``SimpleChainedObjects``)."""

    def __init__(self, objects: list) -> None:
        self._objects = objects

    def __getattr__(self, name: str) -> _Chain:
        return _Chain([getattr(o, name) for o in self._objects])

    def __call__(self, *args, **kwargs) -> None:
        for o in self._objects:
            o(*args, **kwargs)


class AxisDict(dict):
    """``ax.axis``: the axes' AxisArtists by name (``ax.axis["left"]``, several with
    ``ax.axis["top", "right"]`` or ``ax.axis[:]``, new ones by assignment:
    ``ax.axis["y=0"] = ax.new_floating_axis(0, 0)``); ``ax.axis("off")`` is lumos's
    ``Axes.axis``."""

    def __init__(self, axes) -> None:
        super().__init__()
        self._axes = axes

    def __getitem__(self, key):
        if isinstance(key, tuple):
            return _Chain([super(AxisDict, self).__getitem__(k) for k in key])
        if isinstance(key, slice):
            if key != slice(None):
                raise ValueError("axis: only [:] selects by slice")
            return _Chain(list(self.values()))
        try:
            return super().__getitem__(key)
        except KeyError:
            raise KeyError(f"axis: got {key!r}, expected one of "
                           f"{', '.join(map(repr, self))}") from None

    def __setitem__(self, key, artist) -> None:
        if not isinstance(artist, (AxisArtist, DrawnAxisArtist)):
            raise TypeError(f"axis[{key!r}]: got {type(artist).__name__}, expected an "
                            "AxisArtist (new_floating_axis, new_fixed_axis)")
        old = self.get(key)
        if isinstance(artist, DrawnAxisArtist) or isinstance(old, DrawnAxisArtist):
            if old is not None and old is not artist:
                old.set_visible(False)
        elif old is not None and old is not artist and old.spine is not artist.spine:
            if old.axes is self._axes and old.side == artist.side and \
                    artist.outward is not None and artist.axes.parent is self._axes:
                # a fixed axis replacing a side: that side, moved (its label the axes')
                artist.take_side(old, artist.outward)
            else:
                old.set_visible(False)  # a replaced axis is drawn no more, as matplotlib's
        super().__setitem__(key, artist)

    def __call__(self, *args, **kwargs):
        return _LumosAxes.axis(self._axes, *args, **kwargs)

    def swap(self, old, new) -> None:
        """``new`` in place of ``old`` under each of its names (nothing hidden: a side
        handed to an artist drawing it otherwise)."""
        for key in [k for k, v in self.items() if v is old]:
            super().__setitem__(key, new)


def _check_grid_helper(grid_helper) -> GridHelperCurveLinear | None:
    """lumos's helper of ``grid_helper`` (lumos's or matplotlib's
    GridHelperCurveLinear), None for None; NotImplementedError for another."""
    if grid_helper is None or isinstance(grid_helper, GridHelperCurveLinear):
        return grid_helper
    from mpl_toolkits.axisartist import floating_axes
    from mpl_toolkits.axisartist import grid_helper_curvelinear as mpl_curved

    if type(grid_helper) is mpl_curved.GridHelperCurveLinear:
        return GridHelperCurveLinear.from_grid_finder(grid_helper.grid_finder)
    if type(grid_helper) is floating_axes.GridHelperCurveLinear:
        from .floating_axes import GridHelperCurveLinear as Bounded

        return Bounded.from_grid_finder(grid_helper.grid_finder)
    raise NotImplementedError(
        f"grid_helper: got {type(grid_helper).__module__}.{type(grid_helper).__name__}; "
        "lumos draws axisartist's GridHelperCurveLinear grids (lumos's or matplotlib's, "
        "of grid_helper_curvelinear or floating_axes)")


class Axes(_LumosAxes):
    """matplotlib's axisartist ``Axes`` on lumos: ``ax.axis`` holds an
    :class:`~.axis_artist.AxisArtist` per side; ticks on every side and only the bottom
    and left ones labelled (axisartist's defaults)."""

    init_keywords = ("grid_helper",)
    #: the host axes class ``host_subplot(axes_class=...)`` makes for this class (set by
    #: :mod:`.parasite_axes`; None: none)
    host_class: type | None = None

    def __init__(self, *args, grid_helper=None, **kwargs) -> None:
        grid_helper = _check_grid_helper(grid_helper)
        super().__init__(*args, **kwargs)
        self._axislines = AxisDict(self)
        self._grid_helper = grid_helper
        if grid_helper is not None:
            self._init_curved(grid_helper)
            return
        for side in _SIDES:
            axis = self.xaxis if side in ("bottom", "top") else self.yaxis
            self._axislines[side] = AxisArtist(self, axis, side, self.spines[side])
        for axis, (first, second) in ((self.xaxis, ("bottom", "top")),
                                      (self.yaxis, ("left", "right"))):
            axis.set_tick_params(which="both", **{
                first: True, second: True, f"label{first}": True,
                f"label{second}": False})
            axis.labelpad = _LABEL_PAD
            axis.ticklabel_clearance = "ink"

    def _init_curved(self, helper: GridHelperCurveLinear) -> None:
        """The sides and grid of a curvilinear grid, drawn by :mod:`.curvilinear`
        (the rectilinear ticks, tick labels and labels hidden)."""
        for axis in (self.xaxis, self.yaxis):
            axis.set_tick_params(which="both", tick1On=False, tick2On=False,
                                 label1On=False, label2On=False)
            axis.label.set_visible(False)
        for side in _SIDES:
            shown = side in ("bottom", "left")
            self._axislines[side] = DrawnAxisArtist(
                self, FixedAxisHelper(side), side, self.spines[side], ticklabels=shown,
                label=shown)
        #: the curved grid lines (matplotlib's ``ax.gridlines``)
        self.gridlines = CurvedGrid(self, helper)
        self.gridlines.in_autoscale = False  # made for the view: no part in fitting it
        # drawn by the axes, as matplotlib's: a child, not one of ax.collections
        self.gridlines.listed_as = "children"
        self._add_artist(self.gridlines, autoscale=False, request=(False, False))

    def get_grid_helper(self) -> GridHelperCurveLinear | None:
        """The curvilinear grid's helper (None: rectilinear)."""
        return self._grid_helper

    def grid(self, visible=None, which: str = "major", axis: str = "both",
             **kwargs) -> None:
        """Grid lines; on a curvilinear grid the lon ('x') and lat ('y') lines, styled
        by ``color``, ``linestyle``, ``linewidth``, ``alpha``, ``zorder``."""
        if self._grid_helper is None:
            return super().grid(visible, which=which, axis=axis, **kwargs)
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        if which != "major":
            raise NotImplementedError(f"which: got {which!r}; lumos draws a curvilinear "
                                      "grid's major lines only")
        grid = self.gridlines
        setters = {"color": grid.set_color, "c": grid.set_color,
                   "linestyle": grid.set_linestyle, "ls": grid.set_linestyle,
                   "linewidth": grid.set_linewidth, "lw": grid.set_linewidth,
                   "alpha": grid.set_alpha, "zorder": grid.set_zorder}
        unknown = sorted(set(kwargs) - set(setters))
        if unknown:
            raise TypeError(f"grid: unexpected keyword arguments {unknown}")
        for key, value in kwargs.items():
            setters[key](value)
        grid.which_axis = axis
        if visible is None:  # matplotlib's: on with a style, else toggled
            visible = bool(kwargs) or not grid.get_visible()
        grid.set_visible(bool(visible))
        return None

    def _curved_artists(self) -> list[DrawnAxisArtist]:
        return [a for a in self._axislines.values() if isinstance(a, DrawnAxisArtist)]

    def draw_frame(self, ov):
        """The frame, and a curvilinear grid's axes (their ticks and labels)."""
        drawn = super().draw_frame(ov)
        for artist in self._curved_artists():
            artist.draw(ov, self._grid_helper)
        return drawn

    def own_margins(self) -> tuple[float, float, float, float]:
        """The rectilinear room, and what a curvilinear grid's axes reach."""
        own = super().own_margins()
        artists = self._curved_artists()
        if not artists:
            return own
        curved = reach(self, artists, self._grid_helper)
        return tuple(max(a, b) for a, b in zip(own, curved, strict=True))

    @property
    def axis(self) -> AxisDict:  # type: ignore[override]
        """``ax.axis["left"]``: an AxisArtist; ``ax.axis("off")``: lumos's
        ``Axes.axis``."""
        return self._axislines

    def new_fixed_axis(self, loc: str, offset=None) -> AxisArtist:
        """A second axis on side ``loc`` showing this axes' ticks, ``offset`` (dx, dy)
        points away from the box (outward: right or up for 'right'/'top'); assign it
        to ``ax.axis[name]`` as matplotlib's. When that side of this axes is hidden
        (and the other side shows no label) it is this axes' own side, moved: its
        label is the axes' (``set_ylabel``); else a secondary axes whose label starts
        as the axes' label text and is its own from then on."""
        _check_side(loc, "loc")
        dx, dy = (0.0, 0.0) if offset is None else (float(v) for v in offset)
        vertical = loc in ("left", "right")
        along, across = (dy, dx) if vertical else (dx, dy)
        if along:
            raise NotImplementedError(f"offset: got {tuple(offset)!r}; lumos moves a "
                                      f"{loc!r} axis across its line only")
        outward = across if loc in ("right", "top") else -across
        host_axis = self.yaxis if vertical else self.xaxis
        sec = (self.secondary_yaxis if vertical else self.secondary_xaxis)(loc)
        sec.spine.set_position(("outward", outward))
        sec.long.set_label_text(host_axis.get_label_text())
        artist = self._secondary_artist(sec, loc, None)
        artist.outward = outward
        sibling = {"left": "right", "right": "left", "bottom": "top", "top": "bottom"}[loc]
        own = self._axislines[loc]
        if not own.get_visible() and not (self._axislines[sibling].label.get_visible() and
                                          host_axis.get_label_text()):
            artist.take_side(own, outward)  # the side is free: the axes' own
        return artist

    def new_floating_axis(self, nth_coord: int, value: float,
                          axis_direction: str = "bottom") -> AxisArtist:
        """An axis through data ``value`` of the other coordinate: ``nth_coord`` 0 an x
        axis (along y = value), 1 a y axis (along x = value), its ticks and labels on
        the ``axis_direction`` side; assign it to ``ax.axis[name]``."""
        if nth_coord not in (0, 1):
            raise ValueError(f"nth_coord: got {nth_coord!r}, expected 0 (x) or 1 (y)")
        _check_side(axis_direction, "axis_direction")
        if self._grid_helper is not None:
            # matplotlib's curvilinear floating axis starts as a "bottom" one
            return DrawnAxisArtist(self, FloatingAxisHelper(nth_coord, float(value)),
                                    "bottom")
        sides = ("bottom", "top") if nth_coord == 0 else ("left", "right")
        if axis_direction not in sides:
            # labels along the line (a y axis's "bottom"): drawn by axisartist's rules
            return DrawnAxisArtist(self, RectilinearHelper(nth_coord, value=float(value)),
                                   axis_direction)
        value = float(value)
        make = self.secondary_xaxis if nth_coord == 0 else self.secondary_yaxis
        sec = make(value, transform=self.transData)
        if sec.spine.name != axis_direction:  # the side the secondary chose by value
            sec.spine.set_position(("outward", 0.0))
            sec.spine = sec.spines[axis_direction]
            sec.set_alignment(axis_direction)
        return self._secondary_artist(sec, axis_direction, value)

    def _secondary_artist(self, sec, side: str, at: float | None) -> AxisArtist:
        num = 1 if side in ("bottom", "left") else 2
        other = 3 - num
        sec.long.set_tick_params(which="both", **{
            f"tick{num}On": True, f"label{num}On": True, f"tick{other}On": False,
            f"label{other}On": False})
        sec.long.labelpad = _LABEL_PAD
        sec.long.ticklabel_clearance = "ink"
        return AxisArtist(sec, sec.long, side, sec.spine, at)


class AxesZero(Axes):
    """:class:`Axes` with ``ax.axis["xzero"]`` (an x axis along y = 0) and
    ``ax.axis["yzero"]`` (a y axis along x = 0), hidden until ``set_visible(True)``."""

    host_class = None  # no host axes with the zero axes

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, nth, side in (("xzero", 0, "bottom"), ("yzero", 1, "left")):
            artist = self.new_floating_axis(nth, 0.0, side)
            artist.set_visible(False)
            self._axislines[name] = artist


Subplot = Axes
SubplotZero = AxesZero
