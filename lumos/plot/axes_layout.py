"""Where an axes sits in its figure, matplotlib's way: a position in figure fraction
(``get_position``/``set_position``), the grid cell it came from (``get_subplotspec``),
and how a fixed aspect shrinks its box (``set_aspect``, ``set_box_aspect``,
``set_adjustable``, ``set_anchor``). The figure turns positions into pixel boxes
(``ax.box``) at each draw; layout engines (``lumos.plot.layout``) move positions.
"""

from __future__ import annotations

import numpy as np

from .bbox import Bbox, anchor_coefs, as_bbox
from .callbacks import CallbackRegistry
from .gridspec import SubplotSpec
from .patch_style import check_real


class AxesLayout:
    """Mixin of Axes: position, grid cell, anchor, box aspect, adjustable, margins."""

    def _init_position(self, spec) -> None:
        """``spec``: a SubplotSpec (the position follows the grid) or a rectangle in
        the figure's fraction (``fig.add_axes``)."""
        self._subplotspec: SubplotSpec | None = None
        if isinstance(spec, SubplotSpec):
            self._subplotspec = spec
            self._position = spec.get_position(self.figure)
        else:
            self._position = as_bbox(spec)
        self._anchor = "C"
        self._box_aspect: float | None = None
        # insets made by ``inset_axes`` (matplotlib's ``child_axes``): the layout
        # engines make room for those beside the axes
        self.child_axes: list = []
        self._adjustable = "box"
        self._in_layout = True
        self._visible = True
        self._zorder = 0.0
        self._locator = None  # set_axes_locator: a callable placing the axes at each draw
        #: matplotlib's ``ax.callbacks``: 'xlim_changed' and 'ylim_changed' get the axes
        self.callbacks = CallbackRegistry(("xlim_changed", "ylim_changed", "zlim_changed"))
        self._told_limits: dict = {}
        self.box = self.figure.fraction_to_pixels(self._position)

    # -- the grid cell ------------------------------------------------------------------
    def get_subplotspec(self) -> SubplotSpec | None:
        """The grid cell the axes was made in (None for ``fig.add_axes``)."""
        return self._subplotspec

    def set_subplotspec(self, subplotspec: SubplotSpec) -> None:
        """Move the axes to another grid cell."""
        if not isinstance(subplotspec, SubplotSpec):
            raise TypeError(f"subplotspec: got {type(subplotspec).__name__}, expected a "
                            "SubplotSpec")
        self._subplotspec = subplotspec
        self._set_position(subplotspec.get_position(self.figure))

    def get_gridspec(self):
        """The grid of the axes' cell, or None."""
        return None if self._subplotspec is None else self._subplotspec.get_gridspec()

    # -- the position ---------------------------------------------------------------------
    def __str__(self) -> str:
        """matplotlib's: ``Axes(left,bottom;widthxheight)`` in figure fraction (what
        the event examples print)."""
        x, y, w, h = self._position.bounds
        return f"{type(self).__name__}({x:g},{y:g};{w:g}x{h:g})"

    def get_position(self, original: bool = False) -> Bbox:
        """The axes' box in figure fraction (``original=True``: before a fixed aspect
        shrinks it); a copy."""
        if original:
            return self._position.frozen()
        return self.figure.pixels_to_fraction(self.box)

    def set_position(self, pos, which: str = "both") -> None:
        """Place the axes at ``pos`` = (left, bottom, width, height) in figure fraction
        or a Bbox; a layout engine no longer moves it (matplotlib's rule)."""
        if which not in ("both", "active", "original"):
            raise ValueError(f"which: got {which!r}, expected 'both', 'active' or 'original'")
        self._set_position(as_bbox(pos, "pos"))
        self._in_layout = False

    def _set_position(self, pos: Bbox) -> None:
        """Set by layouts: the position, and the box (after the aspect) from it."""
        self._position = pos.frozen()
        for child in self.children:
            child._position = self._position.frozen()
        self.update_box()

    def update_box(self) -> None:
        """The pixel box from the position (or the axes locator's), after the aspect
        (twins share it; insets follow it)."""
        pos = None
        if self._locator is not None:
            found = self._locator(self, self.figure.figure.canvas.get_renderer())
            pos = as_bbox(found, "the axes locator's position")
        self.box = self.figure.fraction_to_pixels(self.apply_aspect(pos))
        for child in self.children:
            child.box = self.box
        for inset in self.child_axes:  # they follow the box (a layout measures them)
            inset.update_box()

    def set_visible(self, b: bool) -> None:
        """Whether the axes (data, decorations, legend) is drawn at all."""
        b = bool(b)
        if b == self._visible:
            return
        self._visible = b
        views = self.figure.canvas.views
        if b and self.view not in views:
            views.append(self.view)
        elif not b and self.view in views:
            views.remove(self.view)

    def get_visible(self) -> bool:
        """Whether the axes is drawn."""
        return self._visible

    def get_zorder(self) -> float:
        """Where the axes draws among the figure's axes: a higher zorder in front, ties
        in the order they were made (0 by default)."""
        return self._zorder

    def set_zorder(self, level) -> None:
        """Where the axes draws among the figure's axes (see ``get_zorder``); of twins,
        the one drawn first draws the background (matplotlib's rule)."""
        self._zorder = check_real(level, "level", finite=True)
        self._artist_changed(None)

    @property
    def zorder(self) -> float:
        """matplotlib's ``ax.zorder`` (``set_zorder`` sets it)."""
        return self._zorder

    @zorder.setter
    def zorder(self, level) -> None:
        self.set_zorder(level)

    def draws_background(self) -> bool:
        """Whether this axes draws the background of its twins' group: the first drawn
        of the axes and its twins (the axes itself unless a twin is put under it)."""
        main = self.parent if self.role == "twin" else self
        if main is None:
            return True
        group = [main, *(c for c in main.children if c.role == "twin")]
        return min(group, key=lambda a: a.get_zorder()) is self

    def get_in_layout(self) -> bool:
        """Whether layout engines place this axes."""
        return self._in_layout

    def set_in_layout(self, in_layout: bool) -> None:
        """Whether layout engines place this axes."""
        self._in_layout = bool(in_layout)

    def get_window_extent(self, renderer=None) -> Bbox:
        """The axes' box in display pixels (from the figure's bottom left), as laid out
        at the last draw."""
        return Bbox.from_bounds(*self.box)

    @property
    def bbox(self) -> Bbox:
        """The axes' box in display pixels (matplotlib's ``ax.bbox``), as laid out at
        the last draw."""
        return self.get_window_extent()

    def get_tightbbox(self, renderer=None, *, call_axes_locator: bool = True) -> Bbox:
        """The axes' box with its decorations (tick labels, labels, title) and its
        insets' (those in the layout), in display pixels, as laid out at the last draw.
        Titles and axis labels count whole, as matplotlib's (a layout counts only
        what they need across the axis: ``tight_box``). The box is always the one
        the layout gave, which is the locator's: ``call_axes_locator=False``
        (axes_grid1's sizes ask so, from inside the locator) changes nothing."""
        del call_axes_locator  # see the docstring: lumos never calls the locator here
        from .axisdraw import axis_label_box
        from .layout_room import tight_box
        from .titles import title_box

        insets = [a for a in self.child_axes if a.get_visible() and a.get_in_layout()]
        boxes = [tight_box(self)] + [a.get_tightbbox() for a in insets]
        if self.get_visible() and self.title.visible:
            boxes += [title_box(self, loc) for loc in ("left", "center", "right")
                      if self.title[loc]]
        if self.get_visible() and self.axison and self.name == "rectilinear":
            labels = (axis_label_box(self, axis) for axis in (self.xaxis, self.yaxis))
            boxes += [b for b in labels if b is not None]
        return Bbox.union(boxes)

    def get_figure(self, root: bool = False):
        """The (sub)figure holding the axes; ``root=True``: the top figure."""
        return self.figure.figure if root else self.figure

    # -- locators: mpl_toolkits.axes_grid1 dividers, inset axes ---------------------------
    def set_axes_locator(self, locator) -> None:
        """``locator(ax, renderer)`` gives the axes' box (a Bbox in figure fraction) at
        each draw, as matplotlib's; None: the axes' position."""
        if locator is not None and not callable(locator):
            raise TypeError(f"locator: got {type(locator).__name__}, expected a callable "
                            "locator(ax, renderer) or None")
        self._locator = locator

    def get_axes_locator(self):
        """The axes locator set by ``set_axes_locator`` (None: none)."""
        return self._locator

    def inset_axes(self, bounds, *, transform=None, **kwargs):
        """A child axes at ``bounds`` = (x0, y0, width, height) in this axes' fraction
        (or in ``transform``'s coordinates, e.g. ``ax.transData``); it follows this axes
        when the layout moves it. Keywords as ``fig.add_axes`` (``projection``,
        ``sharex``, ``facecolor``, ...)."""
        box = as_bbox(bounds, "bounds")
        # not the current axes, nor in fig.axes (matplotlib's): drawn with this one
        inset = self.figure._new_axes(self.get_position(), where="inset_axes",
                                      current=False, **kwargs)
        inset.set_axes_locator(_TransformedBoundsLocator(box.bounds, transform or
                                                         self.transAxes))
        inset.update_box()
        self.child_axes.append(inset)
        return inset

    def inset_fractions(self, inset) -> Bbox | None:
        """Where ``inset`` (one of ``child_axes``) stands now in this axes' fraction:
        its box (after its own aspect, and a colorbar's shortening for its extends) in
        this axes' box; None for an inset not placed in this axes' fraction or data
        (``inset_axes``)."""
        locator = inset.get_axes_locator()
        # a colorbar's locator wraps the inset locator (it shortens the box it gives)
        locator = getattr(locator, "wrapped", locator)
        if not isinstance(locator, _TransformedBoundsLocator) or not (
                locator.transform is self.transAxes or locator.transform is self.transData):
            return None
        bx, by, bw, bh = self.box
        if bw <= 0 or bh <= 0:
            return None
        x, y, w, h = inset.box
        return Bbox.from_extents((x - bx) / bw, (y - by) / bh, (x + w - bx) / bw,
                                 (y + h - by) / bh)

    # -- aspect -----------------------------------------------------------------------
    def set_anchor(self, anchor, share: bool = False) -> None:
        """Where a box shrunk to its aspect sits in its cell: 'C', 'SW', 'N', ... or (x, y);
        ``share=True``: of every axes sharing an axis with these too."""
        anchor_coefs(anchor)
        for ax in self._sharing(share):
            ax._anchor = anchor

    def _sharing(self, share: bool) -> list:
        """These axes, and with ``share`` every axes sharing x or y with them."""
        if not share:
            return [self]
        found = [self]
        for axis in (self.xaxis, self.yaxis):
            found += [m.axes for m in axis.limits.members if m.axes not in found]
        return found

    def get_anchor(self):
        """Where a box shrunk to its aspect sits in its cell ('C', 'SW', ... or (x, y))."""
        return self._anchor

    def set_box_aspect(self, aspect=None) -> None:
        """Height / width of the box in physical units (None: from the cell)."""
        if aspect is not None:
            aspect = float(aspect)
            if not np.isfinite(aspect) or aspect <= 0:
                raise ValueError(f"aspect: got {aspect!r}, expected a positive number or None")
        self._box_aspect = aspect

    def get_box_aspect(self):
        """Height / width of the box in physical units (None: from the cell)."""
        return self._box_aspect

    def set_adjustable(self, adjustable: str, share: bool = False) -> None:
        """What a fixed aspect changes: 'box' (the box shrinks) or 'datalim' (the limits
        grow); ``share=True``: for every axes sharing an axis with these too."""
        if adjustable not in ("box", "datalim"):
            raise ValueError(f"adjustable: got {adjustable!r}, expected 'box' or 'datalim'")
        for ax in self._sharing(share):
            ax._adjustable = adjustable

    def get_adjustable(self) -> str:
        """What a fixed aspect changes: 'box' or 'datalim'."""
        return self._adjustable

    def get_data_ratio(self) -> float:
        """Height / width of the view in scale space."""
        _, _, w, h = self.view_rect()
        return abs(h) / max(abs(w), 1e-30)

    def apply_aspect(self, position: Bbox | None = None) -> Bbox:
        """The box (figure fraction) after the aspect: the original position shrunk
        about its anchor (adjustable 'box' or a box aspect), or the limits widened
        (adjustable 'datalim'), as matplotlib's ``apply_aspect``."""
        pos = self.aspect_box(position)
        if self.aspect != "auto" and self._adjustable != "box":
            w, h = self.figure.bbox_pixels()[2:]  # the (sub)figure's: pos is its fraction
            self._widen_limits(h / w * pos.height / pos.width / self.aspect)
        return pos

    def aspect_box(self, position: Bbox | None = None) -> Bbox:
        """The box (figure fraction) ``apply_aspect`` gives ``position`` (default: the
        axes' position), the limits left as they are."""
        pos = self._position if position is None else position
        box_aspect = self.fixed_box_aspect()
        if box_aspect is None:
            return pos.frozen()
        w, h = self.figure.bbox_pixels()[2:]  # the (sub)figure's: pos is its fraction
        return pos.shrunk_to_aspect(box_aspect, pos, h / w).anchored(self._anchor, pos)

    def fixed_box_aspect(self) -> float | None:
        """The height / width (physical) ``apply_aspect`` shrinks the box to (a fixed
        aspect with adjustable 'box', or a box aspect); None: the box keeps its shape."""
        if self._adjustable == "box" and self.aspect != "auto":
            return self.aspect * self.get_data_ratio()
        return self._box_aspect

    def _widen_limits(self, data_ratio: float) -> None:
        """adjustable='datalim': widen x or y about its centre (in scale space) so that
        the view's height / width is ``data_ratio`` (matplotlib's choice of axis)."""
        x0, y0, w, h = self.view_rect()
        xsize, ysize = max(abs(w), 1e-30), max(abs(h), 1e-30)
        y_expander = data_ratio * xsize / ysize - 1
        if abs(y_expander) < 0.005:
            return
        shared_x = len(self.xaxis.limits.members) > 1
        shared_y = len(self.yaxis.limits.members) > 1
        if shared_x and shared_y:
            raise RuntimeError("set_aspect(..., adjustable='datalim') or axis('equal') are "
                               "not allowed when both axes are shared; use adjustable='box'")
        if shared_y:
            adjust_y = False
        else:
            # the data span (scale space, with 5 % room) decides which axis has slack
            xr, yr = (1.05 * (s1 - s0) for s0, s1 in self._scaled_data_spans())
            big_y, big_x = data_ratio * xsize, ysize / data_ratio
            if xsize - xr > 0 and ysize - yr > 0:
                adjy = (big_y - yr > 0 and y_expander < 0) or (big_x - xr < 0 and
                                                               y_expander > 0)
            else:
                adjy = y_expander > 0
            adjust_y = shared_x or adjy
        if adjust_y:
            axis, centre, size = self.yaxis, y0 + h / 2, data_ratio * xsize
        else:
            axis, centre, size = self.xaxis, x0 + w / 2, ysize / data_ratio
        with np.errstate(all="ignore"):
            lo, hi = axis.scale.inverse(np.array([centre - size / 2, centre + size / 2]))
        if np.isfinite(lo) and np.isfinite(hi) and lo != hi:
            axis.limits.lo, axis.limits.hi = float(min(lo, hi)), float(max(lo, hi))

    def _scaled_data_spans(self) -> list[tuple[float, float]]:
        """(lo, hi) of the artists' data in scale space along x and y (inf, -inf: none)."""
        spans = []
        for i, axis in enumerate((self.xaxis, self.yaxis)):
            values = [v for a in self.artists if (lim := self.fitted_limits(a)) is not None
                      and lim[i] is not None for v in lim[i]]
            with np.errstate(all="ignore"):
                s = axis.scale.forward(np.asarray(values, dtype=float))
            s = s[np.isfinite(s)]
            spans.append((float(s.min()), float(s.max())) if s.size else (np.inf, -np.inf))
        return spans

    def notify_limits(self) -> None:
        """Tell ``callbacks`` of x or y limits that changed since they were last told
        (``set_xlim`` does at once; a draw does for autoscaling and aspect)."""
        for name, lim in (("x", self.get_xlim()), ("y", self.get_ylim())):
            if self._told_limits.get(name) != lim:
                self._told_limits[name] = lim
                self.callbacks.process(f"{name}lim_changed", self)

    def remove(self) -> None:
        """Take the axes out of its figure (``fig.delaxes(ax)``; an inset out of its
        parent's ``child_axes`` too)."""
        if self not in self.figure.figure.axes_list:
            raise ValueError("remove: the axes is not in its figure (removed already?)")
        self.figure._discard_axes(self)

    def draw_artist(self, a) -> None:
        """matplotlib's blitting step: ``a`` (an animated artist too) is drawn as it is
        now until the next full draw or ``canvas.restore_region``; ``canvas.blit``
        shows it."""
        from .artists import Artist

        # matplotlib's objects added here are drawn by an adapter, a bar by its
        # collection: both name these axes as theirs
        shown = a in self.artists or a in self.texts or (
            not isinstance(a, Artist) and getattr(a, "axes", None) is self)
        if not shown:
            raise ValueError(f"a: got {a!r}, which is not in these axes")
        self.figure.figure.canvas.mark_drawn(a)

    # -- label, frame, sharing --------------------------------------------------------
    def set_label(self, label) -> None:
        """A name for the axes (``subplot_mosaic`` names its axes so)."""
        self._label = "" if label is None else str(label)

    def get_label(self) -> str:
        """The axes' name ('' if none)."""
        return self._label

    def set_frame_on(self, b: bool) -> None:
        """Whether the spines and the background are drawn."""
        self.frame_on = bool(b)

    set_frameon = set_frame_on

    def get_frame_on(self) -> bool:
        """Whether the spines and the background are drawn."""
        return self.frame_on

    get_frameon = get_frame_on

    def sharex(self, other) -> None:
        """Share the x limits (and scale) of ``other`` from now on."""
        if len(self.xaxis.limits.members) > 1:
            raise ValueError("x-axis is already shared")
        self.xaxis.limits.members.remove(self.xaxis)
        self._share(self.xaxis, other.xaxis)

    def sharey(self, other) -> None:
        """Share the y limits (and scale) of ``other`` from now on."""
        if len(self.yaxis.limits.members) > 1:
            raise ValueError("y-axis is already shared")
        self.yaxis.limits.members.remove(self.yaxis)
        self._share(self.yaxis, other.yaxis)

    def label_outer(self, remove_inner_ticks: bool = False) -> None:
        """Only the outer axes of a grid keep their tick labels and axis labels (and,
        with ``remove_inner_ticks``, their ticks on the inner sides)."""
        self._label_outer_xaxis(remove_inner_ticks)
        self._label_outer_yaxis(remove_inner_ticks)

    def _label_outer_xaxis(self, remove_inner_ticks: bool = False) -> None:
        ss = self._subplotspec
        if ss is None or not getattr(self, "rectangular", True):
            return
        _hide_inner(self.xaxis, ss.is_first_row(), ss.is_last_row(), ("top", "bottom"),
                    remove_inner_ticks)
        self._dirty = True

    def _label_outer_yaxis(self, remove_inner_ticks: bool = False) -> None:
        ss = self._subplotspec
        if ss is None or not getattr(self, "rectangular", True):
            return
        _hide_inner(self.yaxis, ss.is_last_col(), ss.is_first_col(), ("right", "left"),
                    remove_inner_ticks)
        self._dirty = True

    # -- margins ----------------------------------------------------------------------
    def set_xmargin(self, m: float) -> None:
        """Padding of the x data limits, a fraction of the data span (> -0.5)."""
        self.margins(x=_margin(m, "m"), tight=None)  # matplotlib keeps tight as it was

    def set_ymargin(self, m: float) -> None:
        """Padding of the y data limits, a fraction of the data span (> -0.5)."""
        self.margins(y=_margin(m, "m"), tight=None)

    def get_xmargin(self) -> float:
        """Padding of the x data limits, a fraction of the data span."""
        return self._margins[0]

    def get_ymargin(self) -> float:
        """Padding of the y data limits, a fraction of the data span."""
        return self._margins[1]


def _margin(m, name: str) -> float:
    m = float(m)
    if not np.isfinite(m) or m <= -0.5:
        raise ValueError(f"{name}: got {m!r}, expected a number > -0.5")
    return m


class _TransformedBoundsLocator:
    """Places an inset axes at ``bounds`` in ``transform``'s coordinates (matplotlib's
    locator of the same name): the corners go through the transform at each draw."""

    def __init__(self, bounds, transform) -> None:
        self.bounds = bounds
        self.transform = transform

    def __call__(self, ax, renderer) -> Bbox:
        x, y, w, h = self.bounds
        (x0, y0), (x1, y1) = np.asarray(self.transform.transform(
            [[x, y], [x + w, y + h]]), dtype=float)
        return ax.figure.pixels_to_fraction((x0, y0, x1 - x0, y1 - y0))


def _hide_inner(axis, outer2: bool, outer1: bool, sides: tuple[str, str],
                remove_inner_ticks: bool) -> None:
    """label_outer for one axis: the tick labels (and the axis label, and the offset
    text) of side 1 (bottom/left) stay only when ``outer1``, of side 2 (top/right) only
    when ``outer2``. ``sides`` is (side 2, side 1) by name."""
    for st in (axis.major, axis.minor):
        if not outer2:
            st.label2On = False
            st.tick2On = st.tick2On and not remove_inner_ticks
        if not outer1:
            st.label1On = False
            st.tick1On = st.tick1On and not remove_inner_ticks
    if (not outer1 and axis.label_position == sides[1]) or \
            (not outer2 and axis.label_position == sides[0]):
        axis.set_label_text("")  # matplotlib's: a later label shows, a unit's does not
    if (not outer1 and axis.offset_side == 1) or (not outer2 and axis.offset_side == 2):
        axis.offset_style["visible"] = False
