"""The Axes methods about axes' scales, ticks, tick labels, axis labels and grids
(matplotlib's names): ``set_xscale``, ``set_xticks``, ``tick_params``,
``ticklabel_format``, ``locator_params``, ``grid``, ``minorticks_on``,
``secondary_xaxis``, ... A mixin of :class:`lumos.plot.axes.Axes`.
"""

from __future__ import annotations

import numpy as np

from .. import colors as colormod
from . import text as textmod
from . import validate
from .axis import Axis, axis_zorder
from .style import rcParams, set_dashes
from .ticklabels import _rotation

_GRID_KEYS = {"grid_color": "color", "grid_alpha": "alpha", "grid_linewidth": "linewidth",
              "grid_linestyle": "linestyle", "grid_lw": "linewidth", "grid_ls": "linestyle",
              "grid_c": "color"}
_TICK_PARAMS = {
    "size", "length", "width", "color", "colors", "pad", "labelsize", "labelcolor",
    "labelfontfamily", "labelrotation", "rotation", "rotation_mode", "direction",
    "tickdir", "zorder", "bottom", "top", "left", "right", "labelbottom", "labeltop",
    "labelleft", "labelright", "gridOn", "tick1On", "tick2On", "label1On", "label2On",
    *_GRID_KEYS,
}  # fmt: skip


class TickingMixin:
    """Scales, ticks, labels and grids of a rectilinear Axes."""

    #: whether the axes is a rectangle with x along the bottom and y along the left:
    #: ``label_outer`` applies (matplotlib skips other projections)
    rectangular = True

    # -- scales ----------------------------------------------------------------------
    def set_xscale(self, value, **kwargs) -> None:
        """'linear', 'log', 'symlog', 'asinh', 'logit', 'function' (``functions=(f,
        g)``), a registered name or a scale object (lumos's or matplotlib's), with
        matplotlib's keywords (``base``, ``linthresh``, ``linscale``, ``subs``,
        ``nonpositive``, ``linear_width``)."""
        self._set_scale(self.xaxis, value, kwargs)

    def set_yscale(self, value, **kwargs) -> None:
        """The y scale (as :meth:`set_xscale`)."""
        self._set_scale(self.yaxis, value, kwargs)

    def _set_scale(self, axis: Axis, value, kwargs) -> None:
        for member in axis.limits.members:
            member.set_scale(value, **kwargs)
            for a in member.axes.artists:
                a.rescale()
        lo, hi = axis.limits.lo, axis.limits.hi
        dlo, dhi = axis.scale.domain
        if lo is not None and not (dlo < lo < dhi and dlo < hi < dhi):
            axis.limits.auto = True
        self._ask_fit([axis.name])
        self._dirty = True

    def get_xscale(self) -> str:
        """The x scale's name ('linear', 'log', ...)."""
        return self.xaxis.scale.name

    def get_yscale(self) -> str:
        """The y scale's name ('linear', 'log', ...)."""
        return self.yaxis.scale.name

    # -- axis labels -----------------------------------------------------------------
    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        """The x axis label: ``fontsize``, ``color``, ``labelpad`` (points), ``loc``
        ('left', 'center', 'right'), ``fontdict`` and matplotlib's other Text keywords.
        Returns the label (``ax.xaxis.label``), as matplotlib returns its Text."""
        self.xaxis.set_label(xlabel, labelpad=labelpad, fontdict=fontdict,
                             **({} if loc is None else {"loc": loc}), **kwargs)
        return self.xaxis.label

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        """The y axis label (as :meth:`set_xlabel`); returns it."""
        self.yaxis.set_label(ylabel, labelpad=labelpad, fontdict=fontdict,
                             **({} if loc is None else {"loc": loc}), **kwargs)
        return self.yaxis.label

    def get_xlabel(self) -> str:
        """The x axis label."""
        return self.xaxis.label_text

    def get_ylabel(self) -> str:
        """The y axis label."""
        return self.yaxis.label_text

    # -- ticks -----------------------------------------------------------------------
    def set_xticks(self, ticks, labels=None, *, minor: bool = False, **kwargs) -> None:
        """Ticks at fixed positions; ``labels`` and Text keywords for their labels
        (``rotation``, ``fontsize``, ``ha``, ...); ``minor=True`` for minor ticks."""
        self.xaxis.set_ticks(ticks, labels, minor=minor, **kwargs)

    def set_yticks(self, ticks, labels=None, *, minor: bool = False, **kwargs) -> None:
        """Ticks at fixed y positions (as :meth:`set_xticks`)."""
        self.yaxis.set_ticks(ticks, labels, minor=minor, **kwargs)

    def set_xticklabels(self, labels, *, fontdict=None, minor: bool = False, **kwargs) -> None:
        """Labels for the current x ticks, with Text keywords (``rotation``, ``ha``,
        ``fontsize``, ``color``, ...)."""
        self.xaxis.set_ticklabels(labels, minor=minor, fontdict=fontdict, **kwargs)

    def set_yticklabels(self, labels, *, fontdict=None, minor: bool = False, **kwargs) -> None:
        """Labels for the current y ticks, with Text keywords."""
        self.yaxis.set_ticklabels(labels, minor=minor, fontdict=fontdict, **kwargs)

    def get_xticklabels(self, minor: bool = False, which: str | None = None) -> list:
        """The x tick labels; their setters (rotation, size, color, ha, visible) style
        one tick each."""
        return self.xaxis.get_ticklabels(minor=minor, which=which)

    def get_yticklabels(self, minor: bool = False, which: str | None = None) -> list:
        """The y tick labels; their setters style one tick each."""
        return self.yaxis.get_ticklabels(minor=minor, which=which)

    def get_xticklines(self, minor: bool = False) -> list:
        """The x tick lines, two a tick (bottom, top); setters restyle one each."""
        return self.xaxis.get_ticklines(minor=minor)

    def get_yticklines(self, minor: bool = False) -> list:
        """The y tick lines, two a tick (left, right)."""
        return self.yaxis.get_ticklines(minor=minor)

    def get_xgridlines(self) -> list:
        """The grid lines of the major x ticks."""
        return self.xaxis.get_gridlines()

    def get_ygridlines(self) -> list:
        """The grid lines of the major y ticks."""
        return self.yaxis.get_gridlines()

    def get_xmajorticklabels(self) -> list:
        """The major x tick labels."""
        return self.xaxis.get_ticklabels()

    def get_ymajorticklabels(self) -> list:
        """The major y tick labels."""
        return self.yaxis.get_ticklabels()

    def get_xminorticklabels(self) -> list:
        """The minor x tick labels."""
        return self.xaxis.get_ticklabels(minor=True)

    def get_yminorticklabels(self) -> list:
        """The minor y tick labels."""
        return self.yaxis.get_ticklabels(minor=True)

    def get_xticks(self, *, minor: bool = False) -> np.ndarray:
        """The x tick positions (major, or minor with ``minor=True``)."""
        return self.xaxis.get_ticklocs(minor=minor)

    def get_yticks(self, *, minor: bool = False) -> np.ndarray:
        """The y tick positions (major, or minor with ``minor=True``)."""
        return self.yaxis.get_ticklocs(minor=minor)

    def tick_params(self, axis: str = "both", which: str = "major", reset: bool = False,
                    **kwargs) -> None:
        """matplotlib's ``tick_params``: sizes in points, ``direction`` 'in', 'out' or
        'inout', ``labelrotation`` in degrees (``rotation_mode`` 'default', 'anchor',
        'xtick', 'ytick'), ``bottom``/``top``/``left``/``right`` show the ticks of a side
        and ``labelbottom``/``labeltop``/``labelleft``/``labelright`` their labels,
        ``grid_color``/``grid_linewidth``/... style the grid, ``which`` 'major',
        'minor' or 'both'."""
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        if which not in ("major", "minor", "both"):
            raise ValueError(f"which: got {which!r}, expected 'major', 'minor' or 'both'")
        unknown = sorted(set(kwargs) - _TICK_PARAMS)
        if unknown:
            raise TypeError(f"tick_params: unexpected keyword arguments {unknown}")
        direction = kwargs.get("direction", kwargs.get("tickdir"))
        if direction is not None and direction not in ("in", "out", "inout"):
            raise ValueError(f"direction: got {direction!r}, expected 'in', 'out' or 'inout'")
        for name in ("labelrotation", "rotation"):  # checked before anything is set
            if kwargs.get(name) is not None:
                _rotation(kwargs[name], name)
        for name in ("size", "length", "width", "pad"):
            if kwargs.get(name) is not None:
                validate.number(kwargs[name], name, None if name == "pad" else 0.0)
        mode = kwargs.get("rotation_mode")
        if mode not in (None, "default", "anchor", "xtick", "ytick"):
            raise ValueError(f"rotation_mode: got {mode!r}, expected 'default', 'anchor', "
                             "'xtick' or 'ytick'")
        targets = (self.xaxis, self.yaxis) if axis == "both" else (getattr(self, f"{axis}axis"),)
        for ax_ in targets:
            for st in ((ax_.major, ax_.minor) if which == "both" else (getattr(ax_, which),)):
                if reset:
                    from .axis import TickStyle

                    st.__dict__.update(TickStyle(ax_.name, "major" if st is ax_.major
                                                 else "minor").__dict__)
                _apply_tick_params(ax_, st, kwargs)
        self._dirty = True

    def ticklabel_format(self, *, axis: str = "both", style: str = "", scilimits=None,
                         useOffset=None, useLocale=None, useMathText=None) -> None:  # noqa: N803
        """Scientific notation of the default (ScalarFormatter) tick labels:
        ``style='sci'|'scientific'|'plain'``, ``scilimits=(m, n)`` (0, 0: always),
        ``useOffset`` (bool or the offset), ``useMathText``."""
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        style = style.lower()
        if style not in ("", "sci", "scientific", "plain"):
            raise ValueError(f"style: got {style!r}, expected 'sci', 'scientific' or 'plain'")
        if scilimits is not None:
            try:
                m, n = scilimits
                scilimits = (int(m), int(n))
            except (TypeError, ValueError):
                raise ValueError(f"scilimits: got {scilimits!r}, expected (m, n) integers") \
                    from None
        if useLocale:
            raise ValueError("useLocale: lumos formats numbers without the C locale")
        for ax_ in ((self.xaxis, self.yaxis) if axis == "both" else
                    (getattr(self, f"{axis}axis"),)):
            fmt = ax_.get_major_formatter()
            needed = [hasattr(fmt, "set_scientific"), hasattr(fmt, "set_useOffset")]
            if not all(needed):
                raise AttributeError("ticklabel_format: only works with ScalarFormatter "
                                     f"tick labels, the {ax_.name} axis has "
                                     f"{type(fmt).__name__}")
            if style in ("sci", "scientific"):
                fmt.set_scientific(True)
            elif style == "plain":
                fmt.set_scientific(False)
            if scilimits is not None:
                fmt.set_powerlimits(scilimits)
            if useOffset is not None:
                fmt.set_useOffset(useOffset)
            if useMathText is not None:
                fmt.set_useMathText(useMathText)
        self._dirty = True

    def locator_params(self, axis: str = "both", tight=None, **kwargs) -> None:
        """Parameters of the major locators (``nbins=4``, ...): matplotlib's; ``tight``
        is kept for later fits as :meth:`autoscale` keeps it.

        >>> ax.locator_params(tight=True, nbins=4)
        """
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        if tight is not None:
            self._tight = bool(tight)
        for ax_ in ((self.xaxis, self.yaxis) if axis == "both" else
                    (getattr(self, f"{axis}axis"),)):
            ax_.get_major_locator().set_params(**kwargs)
        self._dirty = True

    def minorticks_on(self) -> None:
        """Minor ticks on both axes (subdivisions; 2..9 per decade on log axes)."""
        self.xaxis.minorticks_on()
        self.yaxis.minorticks_on()
        self._dirty = True

    def minorticks_off(self) -> None:
        """No minor ticks on either axis."""
        self.xaxis.minorticks_off()
        self.yaxis.minorticks_off()
        self._dirty = True

    # -- grid ------------------------------------------------------------------------
    def grid(self, visible: bool | None = None, which: str = "major", axis: str = "both",
             **kwargs) -> None:
        """Grid lines (``color``, ``linestyle``, ``linewidth``, ``alpha``, ``zorder``,
        ``dashes``, ``clip_on`` and ``path_effects``: Normal and Stroke/withStroke, like
        matplotlib), for 'major', 'minor' or 'both' ticks of 'x', 'y' or 'both'."""
        from .axes_plotting import _normalize_kwargs

        if which not in ("major", "minor", "both"):
            raise ValueError(f"which: got {which!r}, expected 'major', 'minor' or 'both'")
        if axis not in ("x", "y", "both"):
            raise ValueError(f"axis: got {axis!r}, expected 'x', 'y' or 'both'")
        kwargs = _normalize_kwargs(kwargs)
        visible = kwargs.pop("visible", visible)
        unknown = sorted(set(kwargs) - {"color", "linestyle", "linewidth", "alpha", "zorder",
                                        "dashes", "clip_on", "path_effects"})
        if unknown:
            raise TypeError(f"grid: unexpected keyword arguments {unknown}")
        if "path_effects" in kwargs:
            kwargs["path_effects"] = _grid_effects(kwargs["path_effects"])
        if "clip_on" in kwargs:
            kwargs["clip_on"] = validate.flag(kwargs["clip_on"], "clip_on")
        if "color" in kwargs:
            colormod.to_rgba(kwargs["color"], argname="color")
        for a in (("x", "y") if axis == "both" else (axis,)):
            ax_ = getattr(self, f"{a}axis")
            for w in (("major", "minor") if which == "both" else (which,)):
                st = getattr(ax_, w)
                on = visible
                if on is None:
                    on = True if kwargs else not st.gridOn
                st.gridOn = bool(on)
                st.grid.update(kwargs)
        self._dirty = True

    def _update_grid(self) -> None:
        """Grid lines in scale space, one Line per (axis, which): x major, x minor,
        y major, y minor (:meth:`grid_parts` names them for a page)."""
        xs0, xs1 = self.xaxis.scaled_interval()
        ys0, ys1 = self.yaxis.scaled_interval()
        lines = self._grid_lines()
        slot = 0
        for axis in (self.xaxis, self.yaxis):
            for which in ("major", "minor"):
                line = lines[slot]
                slot += 1
                st = getattr(axis, which)
                strokes = self._grid_strokes(slot - 1)
                if not st.gridOn or not self.axison:
                    line.visible = False
                    for stroke in strokes:
                        stroke.visible = False
                    continue
                values = axis.ticks()[0] if which == "major" else axis.minor_ticks()[0]
                keep = [axis.tick_override(which, i, "gridline", "visible", True)
                        for i in axis.tick_index(which).tolist()]
                with np.errstate(all="ignore"):
                    sv = axis.scale.forward(np.asarray(values, float)[np.asarray(keep, bool)]
                                            if len(values) else np.zeros(0))
                sv = sv[np.isfinite(sv)]
                if axis.name == "x":
                    segs = [np.array([[v, ys0], [v, ys1]]) for v in sv]
                else:
                    segs = [np.array([[xs0, v], [xs1, v]]) for v in sv]
                g = st.grid
                # minor lines as wide as major ones, as matplotlib's (grid.linewidth)
                width = self.figure.points_to_pixels(g.get("linewidth",
                                                           rcParams["grid.linewidth"]))
                line.visible = True
                line.width = width
                set_dashes(line, g.get("linestyle", rcParams["grid.linestyle"]), width)
                # none in view: two break points keep a draw a page can fill
                line.set_data(segs if segs else np.full((2, 2), np.nan))
                line.color = colormod.to_rgba(g.get("color", rcParams["grid.color"]),
                                              g.get("alpha", rcParams["grid.alpha"]))
                zorder = g.get("zorder")
                line.order = axis_zorder(self.get_axisbelow()) if zorder is None else \
                    float(zorder)
                # clip_on=False: lines on the limits show whole, with matplotlib's square
                # ends just past the axes (clipped, the ends are cut at its edge anyway)
                line.cap = "projecting"
                line.snap = bool(rcParams["path.snap"])  # on the pixel grid, as Agg
                self.set_visual_clip(line, g.get("clip_on", True))
                self._stroke_grid(line, strokes, g.get("path_effects", []),
                                  g.get("clip_on", True))

    def _stroke_grid(self, line, strokes: list, effects: list, clip_on: bool) -> None:
        """The Stroke path effects of a grid line: its copies ``strokes`` (as many as the
        effects have strokes) drawn wide in the strokes' colors, under the line where
        the effects draw them first and over it after; the line itself hidden where the
        effects draw no Normal."""
        from .line_effects import effect_steps

        steps = effect_steps(effects) if effects else ["line"]
        at = steps.index("line") if "line" in steps else len(steps)
        line.visible = line.visible and "line" in steps
        kept = [(i, e) for i, e in enumerate(steps) if e != "line"]
        for stroke, (i, e) in zip(strokes, kept, strict=True):
            width = self.figure.points_to_pixels(e.linewidth)
            stroke.visible = True
            stroke.width = width
            set_dashes(stroke, "-", width)
            stroke.set_data(line.pos)
            stroke.color = colormod.to_rgba(e.foreground, e.alpha)
            stroke.order = line.order + (i - at) * 1e-6  # a hair under or over the line
            stroke.cap = line.cap
            stroke.snap = line.snap
            self.set_visual_clip(stroke, clip_on)

    def set_axisbelow(self, b) -> None:
        """Grid lines under everything (True), under lines but over patches ('line') or
        over lines (False), as matplotlib's ``ax.set_axisbelow``."""
        if b not in (True, False, "line"):
            raise ValueError(f"b: got {b!r}, expected True, False or 'line'")
        self._axisbelow = b
        self._update_grid()

    def get_axisbelow(self):
        """True, False or 'line' (``set_axisbelow``; by default rcParams["axes.axisbelow"]
        when the axes was made or cleared)."""
        return self._axisbelow

    def _grid_strokes(self, slot: int) -> list:
        """The Line visuals drawing the strokes of grid line ``slot`` (of
        :meth:`_grid_lines`), one per Stroke of its path effects (made on first use;
        those beyond hidden)."""
        from ..visuals import Line

        axis = (self.xaxis, self.yaxis)[slot // 2]
        effects = getattr(axis, ("major", "minor")[slot % 2]).grid.get("path_effects", [])
        n = 0
        if effects:  # the effects module only where a grid has some (a cold line's save)
            from .effects import Stroke

            n = sum(isinstance(e, Stroke) for e in effects)
        pool = self.__dict__.setdefault("_grid_stroke_pools", [[], [], [], []])[slot]
        while len(pool) < n:
            stroke = Line(width=1.0)
            stroke.visible = False
            self.view.add(stroke)
            pool.append(stroke)
        for extra in pool[n:]:
            extra.visible = False
        return pool[:n]

    def _grid_lines(self) -> list:
        """Four grid Line visuals (x/y, major/minor), made on first use."""
        from ..visuals import Line

        pool = self.__dict__.setdefault("_grid_pool", [])
        while len(pool) < 4:
            line = Line(width=1.0)
            line.order = axis_zorder(self.get_axisbelow())
            line.visible = False
            self.view.add(line)
            pool.append(line)
        return pool

    def grid_parts(self) -> dict:
        """The grid Lines a page redraws for any view, by part name (``grid:x:major``,
        ``grid:x:minor``, ``grid:y:major``, ``grid:y:minor``: lumos/web/axes.js), and
        the strokes of their path effects, by the part name and ``#k``."""
        lines = self._grid_lines()
        names = ("x:major", "x:minor", "y:major", "y:minor")
        out = {}
        for slot, (n, line) in enumerate(zip(names, lines, strict=True)):
            if line.visible:
                out[f"grid:{n}"] = line
            for k, stroke in enumerate(self._grid_strokes(slot)):
                if stroke.visible:
                    out[f"grid:{n}#{k}"] = stroke
        return out

    # -- secondary axes ----------------------------------------------------------------
    def secondary_xaxis(self, location, functions=None, *, transform=None, **kwargs):
        """A second x axis at ``location`` ('top', 'bottom' or an axes fraction) showing
        ``functions[0](x)`` of this axes' x (``functions=(forward, inverse)``; None:
        the same values)."""
        from .secondary import SecondaryAxes

        return SecondaryAxes(self, "x", location, functions, transform, kwargs)

    def secondary_yaxis(self, location, functions=None, *, transform=None, **kwargs):
        """A second y axis at ``location`` ('left', 'right' or an axes fraction)."""
        from .secondary import SecondaryAxes

        return SecondaryAxes(self, "y", location, functions, transform, kwargs)

    # -- the frame -------------------------------------------------------------------
    def decorations_above(self, span: tuple[float, float] | None = None) -> float:
        """Pixels the frame's decorations reach above the box (titles go above them):
        as matplotlib's ``_update_title_position``, the x axis's labels when it shows
        tick labels or its label at the top (ticks alone do not lift a title); for a
        title over ``span`` (x0, x1 in figure pixels), also the y axis's offset text
        when the title would overlap it (matplotlib raises the title over it)."""
        from .axisdraw import TickLayout, axis_margins, y_offset_box

        if not self.axison:
            return 0.0
        ticks = TickLayout(self, self.xaxis)
        labelled = any(lab.visible for ts in (ticks.major_set, ticks.minor_set)
                       for lab in ts.labels[2]) or \
            (bool(self.xaxis.drawn_label) and self.xaxis.label_position == "top")
        top = axis_margins(self, self.xaxis, ticks)["top"] if labelled else 0.0
        box = y_offset_box(self) if span is not None else None
        if box is not None and box[0] < span[1] and span[0] < box[1]:
            top = max(top, box[2] + 2)
        return top


def _apply_tick_params(axis: Axis, st, kw: dict) -> None:
    """One TickStyle from tick_params keywords."""
    first, second = ("bottom", "top") if axis.name == "x" else ("left", "right")
    for key, value in kw.items():
        if value is None:
            continue
        if key in ("size", "length"):
            st.size = float(value)
        elif key == "width":
            st.width = float(value)
        elif key == "pad":
            st.pad = float(value)
        elif key == "color":
            st.color = colormod.to_rgba(value, argname="color")
        elif key == "colors":
            st.color = st.labelcolor = colormod.to_rgba(value, argname="colors")
        elif key == "labelcolor":
            st.labelcolor = colormod.to_rgba(value, argname="labelcolor")
        elif key == "labelsize":
            st.labelsize = st.params_labelsize = textmod.points(value)
        elif key in ("labelrotation", "rotation"):
            st.labelrotation = _rotation(value)
        elif key == "rotation_mode":
            st.rotation_mode = value
        elif key in ("direction", "tickdir"):
            st.direction = value
        elif key == "labelfontfamily":
            from .fonts import check_family

            st.labelfamily = check_family(value)
        elif key == "zorder":
            st.zorder = validate.number(value, "zorder")
        elif key in (first, "tick1On"):
            st.tick1On = bool(value)
        elif key in (second, "tick2On"):
            st.tick2On = bool(value)
        elif key in (f"label{first}", "label1On"):
            st.label1On = bool(value)
        elif key in (f"label{second}", "label2On"):
            st.label2On = bool(value)
        elif key == "gridOn":
            st.gridOn = bool(value)
        elif key in _GRID_KEYS:
            if _GRID_KEYS[key] == "color":
                colormod.to_rgba(value, argname=key)
            st.grid[_GRID_KEYS[key]] = value
        # the other side's keywords (left/right on the x axis) are not for this axis


def _grid_effects(path_effects) -> list:
    """The path effects grid lines take (Normal and Stroke/withStroke, not offset) read
    from matplotlib's list; a TypeError names any other."""
    from .effects import Normal, Stroke, read_effects

    read = read_effects(path_effects, on="line")
    for e in read:
        if not isinstance(e, (Normal, Stroke)) or any(getattr(e, "offset", ())):
            raise TypeError(f"path_effects: grid lines take Normal and strokes not offset; "
                            f"got {type(e).__name__}")
    return read
