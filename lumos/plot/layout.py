"""Layout engines: how a figure moves its axes to make room for their decorations.

A figure without an engine (``layout=None`` or ``"none"``, matplotlib's default) puts
each grid cell where the figure's subplot parameters say (``fig.subplotpars``:
``figure.subplot.left = 0.125`` ...; ``fig.subplots_adjust`` changes them), so a script
frames its axes exactly as matplotlib does. The engines run at each draw:

- :class:`TightLayoutEngine` (``layout="tight"``, ``fig.tight_layout()``,
  ``rcParams["figure.autolayout"]``): matplotlib's ``tight_layout``, subplot
  parameters computed from the room the decorations need;
- :class:`ConstrainedLayoutEngine` (``layout="constrained"`` or ``"compressed"``,
  ``rcParams["figure.constrained_layout.use"]``): matplotlib's constrained layout, each
  grid's rows and columns get margins as wide as their decorations, colorbars and
  figure titles included.

Decoration sizes come from the axes' own ``own_margins`` (``decorations.axes_margins``,
read through :mod:`lumos.plot.layout_room`), in pixels; positions are in figure
fraction. This module holds the engines and the tight layout; the constrained layout's
solver is :mod:`lumos.plot.layout_constrained`. Both engines also make room for insets
beside their axes (``ax.inset_axes([1.05, 0, 0.05, 1])``): that room grows with the
box the engine gives the axes (:func:`inset_reach`). matplotlib takes it from the last
draw's boxes and gets there over several draws; both engines measure it as
matplotlib's first draw does (what a script's savefig shows): the tight layout in one
pass from the boxes where they stand, the constrained layout in two from the
positions before any layout.
"""

from __future__ import annotations

import warnings

import numpy as np

from .layout_room import inset_reach, inset_room, layout_axes, tight_box
from .style import rcParams


class LayoutEngine:
    """Base of the engines: ``execute(fig)`` places the axes; ``set``/``get`` its
    parameters. ``adjust_compatible``: whether ``subplots_adjust`` still applies;
    ``colorbar_gridspec``: whether colorbars take their room from the parent's cell."""

    adjust_compatible = True
    colorbar_gridspec = True

    def __init__(self, **kwargs) -> None:
        if kwargs:
            raise TypeError(f"{type(self).__name__}: unexpected keyword arguments "
                            f"{sorted(kwargs)}")
        self._params: dict = {}

    def get(self) -> dict:
        return dict(self._params)

    def set(self, **kwargs) -> None:
        unknown = sorted(set(kwargs) - set(self._params))
        if unknown:
            raise TypeError(f"{type(self).__name__}.set: unexpected keyword arguments "
                            f"{unknown}")
        self._params.update({k: v for k, v in kwargs.items() if v is not None})

    def execute(self, fig) -> None:
        raise NotImplementedError


class PlaceholderLayoutEngine(LayoutEngine):
    """``layout="none"`` after another engine: nothing moves (matplotlib's)."""

    def __init__(self, adjust_compatible: bool = True, colorbar_gridspec: bool = True) -> None:
        super().__init__()
        self.adjust_compatible = adjust_compatible
        self.colorbar_gridspec = colorbar_gridspec

    def execute(self, fig) -> None:
        pass


class TightLayoutEngine(LayoutEngine):
    """matplotlib's ``tight_layout``: ``pad`` (figure edge), ``h_pad``, ``w_pad``
    (between axes) in fractions of the font size; ``rect`` (left, bottom, right, top)
    the part of the figure the axes and their decorations fill."""

    def __init__(self, *, pad: float = 1.08, h_pad=None, w_pad=None, rect=(0, 0, 1, 1),
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self._params = {"pad": 1.08, "h_pad": None, "w_pad": None, "rect": (0, 0, 1, 1)}
        self.set(pad=pad, h_pad=h_pad, w_pad=w_pad, rect=rect)

    def execute(self, fig) -> None:
        """Set the figure's subplot parameters (one pass: :func:`tight_subplot_params`)."""
        p = self._params
        kwargs = tight_subplot_params(fig, pad=p["pad"], h_pad=p["h_pad"], w_pad=p["w_pad"],
                                      rect=p["rect"])
        if kwargs:
            fig.subplotpars.update(**kwargs)
            fig.reposition_subplots()


class ConstrainedLayoutEngine(LayoutEngine):
    """matplotlib's constrained layout: ``w_pad``, ``h_pad`` (inches around each axes,
    default ``rcParams["figure.constrained_layout.w_pad"]`` = 3 points), ``wspace``,
    ``hspace`` (fraction of the figure between axes), ``rect``, ``compress`` (close the
    gaps fixed-aspect axes leave: ``layout="compressed"``)."""

    adjust_compatible = False
    colorbar_gridspec = False

    def __init__(self, *, h_pad=None, w_pad=None, hspace=None, wspace=None,
                 rect=(0, 0, 1, 1), compress: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self._params = {k: float(rcParams[f"figure.constrained_layout.{k}"])
                        for k in ("h_pad", "w_pad", "hspace", "wspace")}
        self._params["rect"] = (0, 0, 1, 1)
        self.set(h_pad=h_pad, w_pad=w_pad, hspace=hspace, wspace=wspace, rect=rect)
        self._compress = bool(compress)

    def execute(self, fig) -> None:
        from .layout_constrained import constrained_layout  # its first use loads it

        constrained_layout(fig, **self._params, compress=self._compress)


ENGINES = {"tight": TightLayoutEngine, "constrained": ConstrainedLayoutEngine,
           "compressed": lambda **kw: ConstrainedLayoutEngine(compress=True, **kw)}


def make_engine(layout, current=None, **kwargs):
    """The engine a ``layout=`` value names (None: none; "none": a placeholder that
    keeps the current engine's compatibility, as matplotlib's)."""
    if isinstance(layout, LayoutEngine):
        if kwargs:
            raise TypeError(f"layout: got an engine and keyword arguments {sorted(kwargs)}")
        return layout
    if layout is None:
        if kwargs:
            raise TypeError(f"layout=None takes no keyword arguments, got {sorted(kwargs)}")
        return None
    if layout == "none":
        if current is None:
            return None
        return PlaceholderLayoutEngine(current.adjust_compatible, current.colorbar_gridspec)
    if layout not in ENGINES:
        raise ValueError(f"layout: got {layout!r}, expected 'constrained', 'compressed', "
                         "'tight', 'none', None or a LayoutEngine")
    return ENGINES[layout](**kwargs)


# -- tight layout ---------------------------------------------------------------------------
def tight_subplot_params(fig, pad: float = 1.08, h_pad=None, w_pad=None,
                         rect=(0, 0, 1, 1), gridspec=None) -> dict:
    """matplotlib's ``get_tight_layout_figure``: the subplot parameters that leave the
    decorations of every grid axes ``pad`` font sizes of room (an empty dict when the
    grids are incompatible or the room does not fit, with a warning). ``gridspec``: only
    the axes of that grid (``GridSpec.tight_layout``); ``rect`` entries may be None
    (that side's margin as the decorations need). One pass, from where the boxes are
    now, as matplotlib's (the room of insets beside an axes included)."""
    groups: dict = {}
    for ax, spec in _tight_axes(fig):
        ss = spec.get_topmost_subplotspec()
        grid = ss.get_gridspec()
        if (grid is not gridspec) if gridspec is not None else \
                grid.locally_modified_subplot_params():
            continue
        groups.setdefault(ss, []).append(ax)
    if not groups:
        return {}
    specs = list(groups)
    max_rows = max(ss.get_gridspec().nrows for ss in specs)
    max_cols = max(ss.get_gridspec().ncols for ss in specs)
    spans = []
    for ss in specs:
        rows, cols = ss.get_gridspec().get_geometry()
        if max_rows % rows or max_cols % cols:
            warnings.warn("tight_layout not applied: the numbers of rows and columns of "
                          "the grids must be multiples of one another", stacklevel=3)
            return {}
        dr, dc = max_rows // rows, max_cols // cols
        spans.append((slice(ss.rowspan.start * dr, ss.rowspan.stop * dr),
                      slice(ss.colspan.start * dc, ss.colspan.stop * dc)))
    # one pass, as matplotlib's: the room the decorations need where the blocks stand
    # now (insets beside an axes, whose room grows with the box, too: matplotlib gets
    # to where that room settles over several draws, its first, a script's savefig,
    # is this one)
    margins = [_tight_room(fig, ss, axes) for ss, axes in groups.items()]
    shape = (max_rows, max_cols)
    kwargs = _tight_params(fig, shape, spans, margins, pad, h_pad, w_pad, None)
    if kwargs and tuple(rect) != (0, 0, 1, 1):
        left, bottom, right, top = rect
        kwargs = _tight_params(fig, shape, spans, margins, pad, h_pad, w_pad, (
            None if left is None else left + kwargs["left"],
            None if bottom is None else bottom + kwargs["bottom"],
            None if right is None else right - (1 - kwargs["right"]),
            None if top is None else top - (1 - kwargs["top"])))
    return kwargs or {}


def _tight_axes(fig) -> list:
    """(axes, grid cell) of what tight_layout places: the layout's axes, and axes an
    axes locator places beside one (``make_axes_locatable(ax).append_axes``), in the
    cell the locator names (matplotlib's ``get_subplotspec_list``)."""
    placed = [(a, a.get_subplotspec()) for a in layout_axes(fig)]
    for a in fig.axes:
        locator = a.get_axes_locator() if a.get_subplotspec() is None else None
        spec = getattr(locator, "get_subplotspec", lambda: None)()
        if spec is not None and a.role in ("main", "colorbar") and a.get_in_layout():
            placed.append((a, spec))
    return placed


def _tight_room(fig, ss, axes):
    """The room (left, right, bottom, top; figure fraction) the decorations of the
    ``axes`` of block ``ss`` need beyond it where it stands now (insets beside an axes
    included), or None when none of them is shown."""
    visible = [a for a in axes if a.get_visible()]
    if not visible:
        return None
    _, _, w, h = fig.bbox_pixels()
    box = ss.get_position(fig)
    found = []
    for a in visible:
        # (an axes of a grid nested in the block: its insets get no room here, as its
        # box is not the block's)
        room = inset_room(a) if a.get_subplotspec() is ss else ()
        if len(room):
            found.append(inset_reach(a, room, box.width * w, box.height * h) /
                         np.array([w, w, h, h], float))
        else:
            t = tight_box(a)
            found.append(np.array([box.x0 - t.x0 / w, t.x1 / w - box.x1, box.y0 - t.y0 / h,
                                   t.y1 / h - box.y1]))
    return np.max(found, axis=0)


def _tight_params(fig, shape, spans, margins, pad, h_pad, w_pad, rect):
    rows, cols = shape
    _, _, w, h = fig.bbox_pixels()
    font = float(rcParams["font.size"]) / 72 * fig.dpi  # pixels
    pad_x, pad_y = pad * font / w, pad * font / h
    hpad = (w_pad if w_pad is not None else pad) * font / w
    vpad = (h_pad if h_pad is not None else pad) * font / h
    vspaces = np.zeros((rows + 1, cols))
    hspaces = np.zeros((rows, cols + 1))
    for margin, (rs, cs) in zip(margins, spans, strict=True):
        if margin is None:
            continue
        left, right, bottom, top = margin
        hspaces[rs, cs.start] += left
        hspaces[rs, cs.stop] += right
        vspaces[rs.start, cs] += top
        vspaces[rs.stop, cs] += bottom
    if rect is None:
        m_left = m_bottom = m_right = m_top = None
    else:
        m_left, m_bottom, right, top = rect
        m_right = 1 - right if right else None
        m_top = 1 - top if top else None
    suptitle, supx, supy = (fig.figure_label_box(k) for k in ("suptitle", "supxlabel",
                                                             "supylabel"))
    if not m_left:
        m_left = max(hspaces[:, 0].max(), 0) + pad_x
        if supy is not None:
            m_left += supy.width / w + pad_x
    if not m_right:
        m_right = max(hspaces[:, -1].max(), 0) + pad_x
    if not m_top:
        m_top = max(vspaces[0, :].max(), 0) + pad_y
        if suptitle is not None:
            m_top += suptitle.height / h + pad_y
    if not m_bottom:
        m_bottom = max(vspaces[-1, :].max(), 0) + pad_y
        if supx is not None:
            m_bottom += supx.height / h + pad_y
    if m_left + m_right >= 1 or m_bottom + m_top >= 1:
        warnings.warn("Tight layout not applied: the margins cannot be made large enough "
                      "for all the axes decorations", stacklevel=4)
        return None
    kwargs = dict(left=m_left, right=1 - m_right, bottom=m_bottom, top=1 - m_top)
    if cols > 1:
        space = hspaces[:, 1:-1].max() + hpad
        axes_w = (1 - m_right - m_left - space * (cols - 1)) / cols
        if axes_w < 0:
            warnings.warn("Tight layout not applied: the axes cannot be made narrow enough "
                          "for all the axes decorations", stacklevel=4)
            return None
        kwargs["wspace"] = space / axes_w
    if rows > 1:
        space = vspaces[1:-1, :].max() + vpad
        axes_h = (1 - m_top - m_bottom - space * (rows - 1)) / rows
        if axes_h < 0:
            warnings.warn("Tight layout not applied: the axes cannot be made short enough "
                          "for all the axes decorations", stacklevel=4)
            return None
        kwargs["hspace"] = space / axes_h
    return kwargs
