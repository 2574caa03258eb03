"""mplot3d's ``errorbar`` of :class:`~lumos.plot.axes3d.Axes3D` (a mixin): error bars
along x, y and z with caps, and limit arrows where a value is only a bound; names,
keywords and defaults as mplot3d's."""

from __future__ import annotations

import numpy as np

from .artists import accepts_rasterized
from .axes3d_collections import Line3DCollection
from .bar_plots import _error_bounds, _errorevery_mask, _limits_mask
from .containers import ErrorbarContainer
from .style import rcParams

#: mplot3d's factor on the limit arrows' length (a marker's area, in the y direction of
#: the view from elev = azim = roll = 0)
_ARROW_SCALE = 1.8660254037844388


class Errorbar3D:
    """``errorbar`` of 3D axes (mixed into Axes3D)."""

    @accepts_rasterized
    def errorbar(self, x, y, z, zerr=None, yerr=None, xerr=None, fmt: str = "",
                 barsabove: bool = False, errorevery=1, ecolor=None, elinewidth=None,
                 capsize=None, capthick=None, xlolims=False, xuplims=False, ylolims=False,
                 yuplims=False, zlolims=False, zuplims=False, axlim_clip: bool = False,
                 **kwargs):
        """Points (x, y, z) with error bars: ``xerr``/``yerr``/``zerr`` a number, N
        values or (2, N) (lower, upper); ``fmt`` styles the data line ('none': bars
        only); ``*lolims``/``*uplims`` mark bounds: the bar goes one way and ends in an
        arrow. Returns (bar collections, cap lines, []) as mplot3d."""
        from .axes3d_plotting import _broadcast
        from .axes_plotting import _normalize_kwargs

        if not isinstance(fmt, str):
            raise TypeError(f"fmt: got {type(fmt).__name__}, expected str")
        kwargs = {k: v for k, v in _normalize_kwargs(kwargs).items() if v is not None}
        zorder = float(kwargs.pop("zorder", 2.0))
        label = kwargs.pop("label", None)
        x, y, z = (np.ravel(v) for v in _broadcast("x, y, z", x, y, z))
        n = x.size
        every = _errorevery_mask(n, errorevery)
        coords = (x, y, z)
        axes = (self.xaxis, self.yaxis, self.zaxis)
        # everything checked before anything is added (a refused call adds nothing)
        bars = []
        for i, (name, err, lo_lim, up_lim) in enumerate((
                ("x", xerr, xlolims, xuplims), ("y", yerr, ylolims, yuplims),
                ("z", zerr, zlolims, zuplims))):
            if err is None:
                continue
            lo, hi = _error_bounds(err, coords[i], name, axes[i])
            low = _limits_mask(lo_lim, n, f"{name}lolims")
            up = _limits_mask(up_lim, n, f"{name}uplims")
            bars.append((i, np.where(low | ~every, coords[i], lo),
                         np.where(up | ~every, coords[i], hi), low, up))
        caps = float(rcParams["errorbar.capsize"] if capsize is None else capsize)
        # the arrows' length: from the limits before this call's data, as mplot3d's
        self.update_limits()
        arrow = self._limit_arrow_length(2 * caps if caps > 0 else rcParams["lines.markersize"])
        data_line = None
        if fmt.lower() != "none":
            data_line = self.plot(x, y, z, *([fmt] if fmt else []), label="_nolegend_",
                                  zorder=zorder + (-0.1 if barsabove else 0.1),
                                  axlim_clip=axlim_clip, **kwargs)[0]
            color = data_line.get_color()
        else:
            color = "C0"  # mplot3d: bars alone are C0 unless ecolor says otherwise
        ecolor = color if ecolor is None else ecolor
        width = elinewidth if elinewidth else kwargs.get("linewidth")
        bar_style = {"colors": ecolor, "zorder": zorder, "label": "_nolegend_",
                     "axlim_clip": axlim_clip,
                     **({"linewidths": width} if width else {}),
                     **({"alpha": kwargs["alpha"]} if "alpha" in kwargs else {})}
        cap_style = {"color": ecolor, "linestyle": "None", "label": "_nolegend_",
                     "axlim_clip": axlim_clip,
                     "zorder": zorder, **({"markersize": 2 * caps} if caps > 0 else {}),
                     **({"markeredgewidth": capthick} if capthick is not None else {})}
        errlines, caplines = [], []
        for i, lo, hi, low, up in bars:
            ends = []
            for end in (lo, hi):
                pts = np.c_[x, y, z]
                pts[:, i] = end
                ends.append(pts)
            plain = every & ~(low | up)
            if plain.any() and caps > 0:
                for pts in ends:
                    caplines += self.plot(*pts[plain].T, marker="_" if i == 2 else "|",
                                          **cap_style)
            unit = np.eye(3)[i]
            for mask, start, sign in ((every & low, ends[1], 1.0), (every & up, ends[0], -1.0)):
                if mask.any():
                    self.quiver(*start[mask].T, *(sign * unit), length=arrow,
                                arrow_length_ratio=1, color=ecolor, zorder=zorder,
                                axlim_clip=axlim_clip)
            segs = np.stack(ends, axis=1)[every]  # (M, 2, 3): the points with bars
            errlines.append(self.add_collection3d(Line3DCollection(segs, **bar_style)))
        # mplot3d's container: x and y bars show as the handle's horizontal bar, z bars
        # as its vertical one; the data line (or the first bars) brings it to legends
        container = ErrorbarContainer(
            (data_line, tuple(caplines), tuple(errlines)),
            has_xerr=xerr is not None or yerr is not None, has_yerr=zerr is not None,
            label=label, cap_points=2.0 * caps if caps > 0 else rcParams["lines.markersize"])
        stand_in = data_line if data_line is not None else (errlines[0] if errlines else None)
        if stand_in is not None:
            stand_in.legend_container = container
        return errlines, caplines, []

    def _limit_arrow_length(self, marker_points: float) -> float:
        """mplot3d's limit arrow length in data units: a marker's area in pixels, as a
        fraction of the axes, taken back through the projection seen from elev = azim =
        roll = 0 (its y component), times 1.866."""
        px = float(marker_points) ** 2 * self.figure.dpi / 72.0
        _, _, w, h = self.box
        frac = (px / w + px / h) / 2 if w > 0 and h > 0 else 0.0
        inv = np.linalg.inv(self.projection_matrix(0.0, 0.0, 0.0))
        return float((inv @ [frac, 0.0, 0.0, 0.0])[1]) * _ARROW_SCALE
