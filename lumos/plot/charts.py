"""matplotlib's chart types: ``pie``, ``stackplot``, ``stairs``, ``eventplot``,
``broken_barh``, ``bar_label`` and ``axline`` (plus ``update_datalim``).

Each returns what matplotlib returns, built from lumos's patches and collections:
wedges are :class:`~lumos.plot.patch_shapes.Wedge`, stairs a :class:`StepPatch`, event lines
:class:`~lumos.plot.path_collections.EventCollection`, broken bars a
:class:`~lumos.plot.path_collections.PolyCollection`.
"""

from __future__ import annotations

import itertools
import math
from numbers import Real

import numpy as np

from .. import colors
from ..path import Path
from . import category
from .artists import Artist, LegendHandle, accepts_rasterized, as_1d
from .axlines import ViewLine
from .collections import color_rows, finite_limits_xy, to_scale
from .lines import Line2D
from .patch_base import Patch
from .patch_shapes import Wedge
from .patch_style import stroke
from .path_collections import EventCollection, PolyCollection
from .plot_args import check_choice, float_values, normalize_kwargs
from .style import rcParams


class DataLimits(Artist):
    """Points that join the axes' data limits without being drawn (matplotlib's
    ``update_datalim``), with optional sticky edges that margins stop at."""

    def __init__(self, axes, xy, sticky=None) -> None:
        super().__init__(axes, "_nolegend_", None)
        self._xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if sticky is not None:
            self.sticky = tuple(np.asarray(s, dtype=float).ravel() for s in sticky)

    def data_limits(self):
        return finite_limits_xy(self._xy[:, 0], self._xy[:, 1], self.axes)


class PieContainer:
    """What ``pie`` returns: ``wedges, texts = ax.pie(x)`` (and ``autotexts`` with
    ``autopct``), with matplotlib's ``wedges``, ``texts``, ``values`` and ``fracs``."""

    def __init__(self, wedges: list, values: np.ndarray, normalize: bool) -> None:
        self.wedges = wedges
        self._texts: list[list] = []
        self._values = values
        self._normalize = normalize

    @property
    def texts(self) -> list[list]:
        return [t for t in self._texts if t]

    @property
    def values(self) -> np.ndarray:
        v = self._values.copy()
        v.flags.writeable = False
        return v

    @property
    def fracs(self) -> np.ndarray:
        f = self._values / self._values.sum() if self._normalize else self._values.copy()
        f.flags.writeable = False
        return f

    def add_texts(self, texts: list) -> None:
        self._texts.append(texts)

    def remove(self) -> None:
        for a in [*self.wedges, *(t for ts in self._texts for t in ts)]:
            a.remove()

    def __getitem__(self, key):
        return (self.wedges, *self._texts)[key]

    def __len__(self) -> int:
        return 1 + len(self._texts)

    def __iter__(self):
        return iter((self.wedges, *self._texts))


class StepPatch(Patch):
    """A stepwise constant function as a patch (what ``stairs`` returns): ``values``
    between ``edges``, closed down to ``baseline`` (a number, one per step, or None for
    an open outline). NaN values leave gaps."""

    def __init__(self, values, edges, *, orientation: str = "vertical", baseline=0,
                 **kwargs) -> None:
        check_choice(orientation, "orientation", ("vertical", "horizontal"))
        self.orientation = orientation
        super().__init__(**kwargs)
        self._values = self._edges = None
        self._baseline = None
        self.set_data(values, edges, baseline)

    def set_data(self, values=None, edges=None, baseline=None) -> None:
        """New values, edges and/or baseline (None keeps the current one)."""
        v = self._values if values is None else as_1d(values, "values").astype(float)
        e = self._edges if edges is None else as_1d(edges, "edges").astype(float)
        if edges is None and self._edges is None:
            e = np.arange(len(v) + 1, dtype=float)
        if np.isnan(e).any():
            raise ValueError("edges: NaN values are not allowed")
        if e.size != v.size + 1:
            raise ValueError(f"values and edges: got {v.size} values and {e.size} edges, "
                             "expected len(edges) == len(values) + 1")
        if baseline is not None or self._values is None:
            b = None if baseline is None else np.asarray(baseline, dtype=float)
            if b is not None and b.ndim == 1 and b.size != v.size:
                raise ValueError(f"baseline: got {b.size} values for {v.size} steps")
            if b is not None and b.ndim > 1:
                raise ValueError(f"baseline: got shape {b.shape}, expected a number or "
                                 f"({v.size},)")
            self._baseline = b
        self._values, self._edges = v, e
        self._changed()

    def get_data(self):
        return self._values.copy(), self._edges.copy(), self._baseline

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        """Unfilled stairs show as a line in a legend (matplotlib's HandlerStepPatch)."""
        if self._fill:
            return super().legend_handle(fontsize_px)
        s = stroke(self.get_edgecolor(), self._linewidth, self._style,
                   self.axes.figure.points_to_pixels)
        return LegendHandle(line=((0.0, 0.0, 0.0, 0.0), 0.0, None) if s is None else
                            (s.color, s.width, s.dashes))

    @property
    def baseline(self):
        return self._baseline

    def get_path(self) -> Path:
        from .polygons import contiguous_regions

        v, e, b = self._values, self._edges, self._baseline
        bad = np.isnan(v)
        if b is not None:
            bad = bad | np.isnan(b)
        verts, codes = [np.zeros((0, 2))], [np.zeros(0, dtype=np.uint8)]
        for i0, i1 in contiguous_regions(~bad):
            x = np.repeat(e[i0:i1 + 1], 2)
            y = np.repeat(v[i0:i1], 2)
            if b is None:
                y = np.r_[y[:1], y, y[-1:]]
            elif b.ndim == 0:
                y = np.r_[b, y, b]
            else:
                base = np.repeat(b[i0:i1], 2)[::-1]
                x = np.r_[x, x[::-1]]
                y = np.r_[base[-1:], y, base[:1], base[:1], base, base[-1:]]
            xy = np.c_[x, y] if self.orientation == "vertical" else np.c_[y, x]
            verts.append(xy)
            codes.append(np.r_[Path.MOVETO, np.full(len(xy) - 1, Path.LINETO)]
                         .astype(np.uint8))
        return Path(np.concatenate(verts), np.concatenate(codes))


class _SlopedLine(ViewLine):
    """An infinite straight line through a point with a slope, or through two points
    (``axline``); straight on the screen, drawn across whatever the view shows."""

    def __init__(self, axes, xy1, xy2, slope, points_transform=None, **kwargs) -> None:
        self._xy1, self._xy2, self._slope = xy1, xy2, slope
        # matplotlib: the points in another space (ax.transAxes, ...): the slope stays
        # in data units and the points leave the data limits alone
        self._points_transform = points_transform
        pts = [xy1] if xy2 is None else [xy1, xy2]
        if points_transform is not None:
            pts = [(np.nan, np.nan)]
        super().__init__(axes, [p[0] for p in pts], [p[1] for p in pts], **kwargs)

    def get_xy1(self):
        return self._xy1

    def get_xy2(self):
        return self._xy2

    def get_slope(self):
        return self._slope

    def set_xy1(self, *args) -> None:
        self._xy1 = tuple(float(v) for v in (args[0] if len(args) == 1 else args))
        self._changed()

    def set_xy2(self, *args) -> None:
        if self._slope is not None:
            raise ValueError("xy2: this line has a slope; it takes no second point")
        self._xy2 = tuple(float(v) for v in (args[0] if len(args) == 1 else args))
        self._changed()

    def set_slope(self, slope) -> None:
        if self._xy2 is not None:
            raise ValueError("slope: this line goes through two points; it has no slope")
        self._slope = float(slope)
        self._changed()

    def _data_points(self) -> list:
        """xy1 (and xy2) in data units, where the view puts them now."""
        pts = [self._xy1] if self._xy2 is None else [self._xy1, self._xy2]
        if self._points_transform is None:
            return pts
        px = np.asarray(self._points_transform.transform(np.array(pts, dtype=float)),
                        dtype=float).reshape(-1, 2)
        return list(np.asarray(self.axes.transData.inverted().transform(px)).reshape(-1, 2))

    def _ends(self):
        ax = self.axes
        pts = self._data_points()
        p1 = np.array([to_scale(ax.xaxis, [pts[0][0]])[0], to_scale(ax.yaxis, [pts[0][1]])[0]])
        if self._xy2 is not None:
            p2 = np.array([to_scale(ax.xaxis, [pts[1][0]])[0],
                           to_scale(ax.yaxis, [pts[1][1]])[0]])
            d = p2 - p1
        else:
            d = np.array([1.0, self._slope])
        x0, x1 = ax.xaxis.scaled_interval()
        y0, y1 = ax.yaxis.scaled_interval()
        norm = np.hypot(*d)
        if not (np.isfinite(p1).all() and np.isfinite(norm)) or norm == 0:
            return np.full(2, np.nan), np.full(2, np.nan)
        d = d / norm
        # far enough along the line to cross the whole view from any point of it
        reach = np.hypot(x1 - x0, y1 - y0) + np.hypot(*(p1 - [(x0 + x1) / 2,
                                                              (y0 + y1) / 2]))
        ends = np.array([p1 - reach * d, p1 + reach * d])
        return ends[:, 0], ends[:, 1]


class ChartsMixin:
    """``pie``, ``stackplot``, ``stairs``, ``eventplot``, ``broken_barh``, ``bar_label``,
    ``axline`` and ``update_datalim`` of Axes."""

    def update_datalim(self, xys, updatex: bool = True, updatey: bool = True) -> None:
        """Extend the data limits to include the points ``xys`` ((N, 2) data units)."""
        xy = np.asarray(xys, dtype=float).reshape(-1, 2).copy()
        if not updatex:
            xy[:, 0] = np.nan
        if not updatey:
            xy[:, 1] = np.nan
        self._add_artist(DataLimits(self, xy))

    # -- pie -----------------------------------------------------------------------------
    def pie(self, x, explode=None, labels=None, colors=None, autopct=None,
            pctdistance: float = 0.6, shadow=False, labeldistance=1.1,
            startangle: float = 0, radius: float = 1, counterclock: bool = True,
            wedgeprops=None, textprops=None, center=(0, 0), frame: bool = False,
            rotatelabels: bool = False, *, normalize: bool = True,
            hatch=None) -> PieContainer:
        """A pie chart of the values ``x``: wedges counterclockwise from ``startangle``
        (degrees from the x axis), each ``x / sum(x)`` of the circle, colored from the
        patch cycle. ``labels`` go at ``labeldistance`` radii, ``autopct`` ('%1.1f%%' or
        a function of the percentage) at ``pctdistance``."""
        xv = np.ma.filled(np.ma.asarray(x, dtype=float), np.nan) if np.ma.is_masked(x) \
            else np.asarray(x)
        if xv.dtype.kind not in "biuf":
            raise TypeError(f"x: got {xv.dtype} values, expected numbers")
        raw = np.array(xv, copy=True).reshape(-1)  # its dtype too: '{absval:d}' labels
        xv = xv.astype(float)
        if xv.ndim > 1:
            raise ValueError(f"x: got shape {xv.shape}, expected one dimension")
        xv = xv.reshape(-1)
        if not np.all(np.isfinite(xv)):
            raise ValueError("x: wedge sizes must be finite numbers")
        if np.any(xv < 0):
            raise ValueError("x: wedge sizes must not be negative")
        total = xv.sum()
        if total == 0:
            raise ValueError("x: all wedge sizes are zero")
        if normalize:
            fracs = xv / total
        elif total > 1:
            raise ValueError(f"x: got sum {total:g} > 1 with normalize=False")
        else:
            fracs = xv
        n = len(xv)
        labels = [""] * n if labels is None else list(labels)
        explode = [0.0] * n if explode is None else list(explode)
        if len(labels) != n:
            raise ValueError(f"labels: got {len(labels)} labels for {n} wedges")
        if len(explode) != n:
            raise ValueError(f"explode: got {len(explode)} values for {n} wedges")
        for name, v in (("radius", radius), ("startangle", startangle)):
            if isinstance(v, bool) or not isinstance(v, Real):
                raise TypeError(f"{name}: got {v!r}, expected a number")
        if radius <= 0:
            raise ValueError(f"radius: got {radius!r}, expected a positive number")
        if colors is None:
            next_color = self._next_patch_color
        else:
            next_color = itertools.cycle([tuple(r) for r in color_rows(colors,
                                                                       "colors")]).__next__
        hatches = np.atleast_1d(np.asarray(hatch, dtype=object))
        if wedgeprops is not None and not isinstance(wedgeprops, dict):
            raise TypeError(f"wedgeprops: got {type(wedgeprops).__name__}, expected a dict")
        if textprops is not None and not isinstance(textprops, dict):
            raise TypeError(f"textprops: got {type(textprops).__name__}, expected a dict")
        cx, cy = (float(v) for v in center)
        theta1 = startangle / 360
        wedges = []
        for i, (frac, label, expl) in enumerate(zip(fracs, labels, explode, strict=True)):
            theta2 = theta1 + frac if counterclock else theta1 - frac
            thetam = math.pi * (theta1 + theta2)
            xp = cx + float(expl) * math.cos(thetam)
            yp = cy + float(expl) * math.sin(thetam)
            kw = {"facecolor": next_color(), "hatch": hatches[i % len(hatches)],
                  "label": label, **(wedgeprops or {})}
            w = Wedge((xp, yp), radius, 360 * min(theta1, theta2), 360 * max(theta1, theta2),
                      **kw)
            self.add_patch(w)
            wedges.append(w)
            if shadow:
                opts = {"ox": -0.02, "oy": -0.02, "shade": 0.7,
                        **(shadow if isinstance(shadow, dict) else {})}
                self._pie_shadow(w, opts)
            theta1 = theta2
        pc = PieContainer(wedges, raw, normalize)
        if labeldistance is None:
            pc.add_texts([])
        else:
            props = {"fontsize": rcParams["xtick.labelsize"], **(textprops or {})}
            self.pie_label(pc, labels, distance=labeldistance, alignment="outer",
                           rotate=rotatelabels, textprops=props)
        if autopct is not None:
            if isinstance(autopct, str):
                auto = [autopct % (100.0 * f) for f in fracs]
            elif callable(autopct):
                auto = [autopct(100.0 * f) for f in fracs]
            else:
                raise TypeError(f"autopct: got {type(autopct).__name__}, expected a format "
                                "string or a function")
            self.pie_label(pc, auto, distance=pctdistance, alignment="center",
                           textprops=textprops)
        self.set_aspect("equal")
        if frame:
            self._autoscale()
        else:
            self.set_frame_on(False)
            self.set_xticks([])
            self.set_yticks([])
            self.set_xlim(-1.25 + cx, 1.25 + cx)
            self.set_ylim(-1.25 + cy, 1.25 + cy)
        return pc

    def _pie_shadow(self, w: Wedge, opts: dict) -> None:
        shade = float(opts.pop("shade"))
        if not 0 <= shade <= 1:
            raise ValueError(f"shadow: got shade={shade!r}, expected 0..1")
        k = self.figure.dpi / 72.0  # matplotlib: the offset is scaled by dpi/72
        ox, oy = float(opts.pop("ox")) * k, float(opts.pop("oy")) * k
        rgb = (1 - shade) * np.asarray(colors.to_rgba(w.get_facecolor())[:3])
        kw = {"facecolor": tuple(rgb), "edgecolor": tuple(rgb), "alpha": 0.5,
              "zorder": np.nextafter(w.zorder, -np.inf), "label": "_nolegend_", **opts}
        s = Wedge((w.center[0] + ox, w.center[1] + oy), w.r, w.theta1, w.theta2,
                  width=w.width, **kw)
        self.add_patch(s)

    def pie_label(self, container: PieContainer, labels, *, distance: float = 0.6,
                  textprops=None, rotate: bool = False, alignment: str = "auto") -> list:
        """Label each wedge of a pie at ``distance`` radii from its centre; ``labels`` a
        list, or a format string with ``{absval}`` and ``{frac}``."""
        check_choice(alignment, "alignment", ("center", "outer", "auto"))
        if alignment == "auto":
            alignment = "outer" if distance > 1 else "center"
        textprops = dict(textprops or {})
        if isinstance(labels, str):
            labels = [labels.format(absval=v, frac=f) for v, f in
                      zip(container.values, container.fracs, strict=True)]
        elif len(labels) != len(container.wedges):
            raise ValueError(f"labels: got {len(labels)} labels for "
                             f"{len(container.wedges)} wedges")
        texts = []
        for w, label in zip(container.wedges, labels, strict=True):
            thetam = math.radians((w.theta1 + w.theta2) / 2)
            xt = w.center[0] + distance * w.r * math.cos(thetam)
            yt = w.center[1] + distance * w.r * math.sin(thetam)
            ha = ("left" if xt > 0 else "right") if alignment == "outer" else "center"
            va, rotation = "center", 0.0
            if rotate:
                if alignment == "outer":
                    va = "bottom" if yt > 0 else "top"
                rotation = math.degrees(thetam) + (0 if xt > 0 else 180)
            kw = {"ha": ha, "va": va, "rotation": rotation, **textprops}
            if "weight" in kw:
                kw["fontweight"] = kw.pop("weight")
            texts.append(self.text(xt, yt, str(label), **kw))
        container.add_texts(texts)
        return texts

    # -- stacks and steps ----------------------------------------------------------------
    @accepts_rasterized
    def stackplot(self, x, *args, labels=(), colors=None, hatch=None,
                  baseline: str = "zero", **kwargs) -> list:
        """Areas stacked on each other: ``stackplot(x, y)`` with y (M, N) or
        ``stackplot(x, y1, y2, ...)``; ``baseline`` 'zero', 'sym', 'wiggle' or
        'weighted_wiggle'. Colors come from the line cycle, as in matplotlib; ``hatch``
        one for every area or one per area (cycled)."""
        check_choice(baseline, "baseline", ("zero", "sym", "wiggle", "weighted_wiggle"))
        rows = []
        for i, a in enumerate(args):
            if not isinstance(a, (list, tuple, np.ndarray)) and np.iterable(a):
                a = list(a)  # dict values, generators
            arr = np.atleast_2d(np.ma.filled(np.ma.asarray(a, dtype=float), np.nan)
                                if np.ma.is_masked(a) else _grid_number(a, f"y[{i}]"))
            rows.extend(arr)
        if not rows:
            raise TypeError("stackplot: got no y data")
        y = np.vstack(rows)
        xv = float_values(x, "x", self.xaxis).reshape(-1)
        if y.shape[1] != len(xv):
            raise ValueError(f"x and y must have the same length: got {len(xv)} and "
                             f"{y.shape[1]}")
        labels = list(labels)
        faces = [self._next_color() for _ in y] if colors is None else \
            [tuple(r) for r in color_rows(colors, "colors")]
        kw = normalize_kwargs(kwargs, "stackplot", ("facecolor", "edgecolor", "linewidth",
                                                    "linestyle", "alpha", "zorder"))
        if "facecolor" in kw:
            faces = [tuple(r) for r in color_rows(kw.pop("facecolor"), "facecolor")]
        hatches = [hatch] if hatch is None or isinstance(hatch, str) else list(hatch)
        if not hatches:
            raise ValueError("hatch: got an empty sequence, expected a hatch or one per area")
        stack = np.cumsum(y, axis=0)
        if baseline == "zero":
            first = np.zeros(len(xv))
        elif baseline == "sym":
            first = -np.sum(y, 0) * 0.5
            stack += first[None, :]
        elif baseline == "wiggle":
            m = y.shape[0]
            first = (y * (m - 0.5 - np.arange(m)[:, None])).sum(0) / -m
            stack += first
        else:
            total = np.sum(y, 0)
            inv = np.zeros_like(total)
            ok = total > 0
            inv[ok] = 1.0 / total[ok]
            increase = np.hstack((y[:, 0:1], np.diff(y)))
            below = total - stack + 0.5 * y
            move_up = below * inv
            move_up[:, 0] = 0.5
            center = np.cumsum(((move_up - 0.5) * increase).sum(0))
            first = center - 0.5 * total
            stack += first
        out = []
        lower = first
        for i in range(len(y)):
            coll = self.fill_between(xv, lower, stack[i], facecolor=faces[i % len(faces)],
                                     label=labels[i] if i < len(labels) else None,
                                     hatch=hatches[i % len(hatches)], **kw)
            if i == 0:
                coll.sticky = (np.zeros(0), np.zeros(1))
            out.append(coll)
            lower = stack[i]
        return out

    @accepts_rasterized
    def stairs(self, values, edges=None, *, orientation: str = "vertical", baseline=0,
               fill: bool = False, **kwargs) -> StepPatch:
        """A stepwise constant function: ``values[i]`` between ``edges[i]`` and
        ``edges[i + 1]`` (default 0..N), outlined in the next line color or filled
        down to ``baseline``."""
        kw = {("edgecolor" if k == "ec" else "facecolor" if k == "fc" else
               "linewidth" if k == "lw" else "linestyle" if k == "ls" else k): v
              for k, v in kwargs.items()}
        color = kw.pop("color", None)
        if color is None:
            color = self._next_color()
        if fill:
            kw.setdefault("linewidth", 0)
            kw.setdefault("facecolor", color)
        else:
            kw.setdefault("edgecolor", color)
        vertical = orientation == "vertical"
        check_choice(orientation, "orientation", ("vertical", "horizontal"))
        vaxis, eaxis = (self.yaxis, self.xaxis) if vertical else (self.xaxis, self.yaxis)
        v = float_values(values, "values", vaxis).reshape(-1)
        e = np.arange(len(v) + 1, dtype=float) if edges is None else \
            float_values(edges, "edges", eaxis).reshape(-1)
        b = None if baseline is None else float_values(baseline, "baseline", vaxis)
        if b is not None and b.size == 1:
            b = b.reshape(())
        patch = StepPatch(v, e, orientation=orientation, baseline=b, fill=fill, **kw)
        self._add_object(patch, "stairs", Patch, autolim=True)  # fits the view, unlike add_patch
        if b is not None:
            low = float(np.nanmin(b)) if np.size(b) else 0.0
            corner = (e[0], low) if vertical else (low, e[0])
            self._add_artist(DataLimits(self, [corner], sticky=(
                ([], [low]) if vertical else ([low], []))))
        return patch

    # -- events and broken bars ----------------------------------------------------------
    @accepts_rasterized
    def eventplot(self, positions, orientation: str = "horizontal", lineoffsets=1,
                  linelengths=1, linewidths=None, colors=None, alpha=None,
                  linestyles="solid", **kwargs) -> list[EventCollection]:
        """Rows of short parallel lines at ``positions`` (one row per sequence, offset by
        ``lineoffsets``): a raster plot. Returns one EventCollection per row."""
        check_choice(orientation, "orientation", ("horizontal", "vertical"))
        kw = normalize_kwargs(kwargs, "eventplot", ("color", "linewidth", "linestyle", "label",
                                                    "zorder"))
        if kw.get("color") is not None:
            colors = kw.pop("color") if colors is None else colors
        if kw.get("linewidth") is not None:
            linewidths = kw.pop("linewidth") if linewidths is None else linewidths
        if "linestyle" in kw:
            linestyles = kw.pop("linestyle")
        for k in ("color", "linewidth"):
            kw.pop(k, None)
        if not np.iterable(positions):
            positions = [positions]
        elif any(np.iterable(p) for p in positions):
            positions = list(positions)
        else:
            positions = [positions]
        along = self.xaxis if orientation == "horizontal" else self.yaxis
        poss = [float_values(p, f"positions[{i}]" if len(positions) > 1 else "positions", along)
                .reshape(-1) for i, p in enumerate(positions)]
        n = len(poss)

        def per_row(value, argument, convert=float):
            items = list(value) if np.iterable(value) and not isinstance(value, str) \
                else [value]
            if not items:
                raise ValueError(f"{argument}: got an empty sequence")
            if len(items) == 1:
                items = items * n
            if len(items) != n:
                raise ValueError(f"{argument}: got {len(items)} values for {n} rows of "
                                 "positions")
            return [None if v is None else convert(v) for v in items]

        offsets = list(lineoffsets) if np.iterable(lineoffsets) else [lineoffsets]
        if len(offsets) == 1 and n != 1:
            offsets = list(np.cumsum(np.r_[0.0, np.full(n - 1, float(offsets[0]))]))
        offsets = per_row(offsets, "lineoffsets")
        lengths = per_row(linelengths, "linelengths")
        widths = per_row(linewidths, "linewidths", float)
        if colors is None:
            cols = [None] * n
        else:
            rows = color_rows(colors, "colors")
            if len(rows) not in (1, n):
                raise ValueError(f"colors: got {len(rows)} colors for {n} rows of positions")
            cols = [tuple(rows[i % len(rows)]) for i in range(n)]
        alphas = per_row(alpha, "alpha", float)
        styles = per_row(linestyles if not isinstance(linestyles, str) else [linestyles],
                         "linestyles", lambda v: v)
        out = []
        for p, off, length, w, c, a, ls in zip(poss, offsets, lengths, widths, cols, alphas,
                                               styles, strict=True):
            coll = EventCollection(p, orientation=orientation, lineoffset=off,
                                   linelength=length, linewidth=w,
                                   color=rcParams.get("lines.color", "C0") if c is None
                                   else c, alpha=a, linestyle=ls, **kw)
            self.add_collection(coll, autolim=False)
            out.append(coll)
        nonempty = [p for p in poss if len(p)]
        if nonempty:
            lo = min(float(np.nanmin(p)) for p in nonempty)
            hi = max(float(np.nanmax(p)) for p in nonempty)
            offs, lens = np.asarray(offsets), np.asarray(lengths)
            a, b = float((offs - lens).min()), float((offs + lens).max())
            corners = [(lo, a), (hi, b)] if orientation == "horizontal" else \
                [(a, lo), (b, hi)]
            self.update_datalim(corners)
        return out

    @accepts_rasterized
    def broken_barh(self, xranges, yrange, align: str = "bottom", **kwargs) -> PolyCollection:
        """Horizontal bars at ``yrange = (ymin, height)``, one per ``(xmin, width)`` in
        ``xranges``; one PolyCollection (colors from the patch defaults)."""
        check_choice(align, "align", ("bottom", "center", "top"))
        if np.size(yrange) != 2:
            raise ValueError(f"yrange: got {yrange!r}, expected (ymin, height)")
        y0 = yrange[0]
        # one string names a category (matplotlib's category axis)
        y0 = float(np.reshape(self.yaxis.convert([y0]) if category.is_categorical(y0) else
                              float_values(y0, "yrange", self.yaxis), -1)[0])
        dy = float(float_values(yrange[1], "yrange", None).reshape(-1)[0])
        if align == "bottom":
            y1 = y0 + dy
        elif align == "center":
            y0, y1 = y0 - dy / 2, y0 + dy / 2
        else:
            y0, y1 = y0 - dy, y0
        verts = []
        for i, xr in enumerate(xranges):
            if np.size(xr) != 2 or isinstance(xr, str):
                raise ValueError(f"xranges[{i}]: got {xr!r}, expected (xmin, width)")
            x0 = float(float_values(xr[0], "xranges", self.xaxis).reshape(-1)[0])
            x1 = x0 + float(float_values(xr[1], "xranges", None).reshape(-1)[0])
            verts.append([(x0, y0), (x0, y1), (x1, y1), (x1, y0)])
        coll = PolyCollection(verts, **kwargs)
        return self.add_collection(coll)

    # -- bar labels ----------------------------------------------------------------------
    def bar_label(self, container, labels=None, *, fmt="%g", label_type: str = "edge",
                  padding=0, **kwargs) -> list:
        """Label each bar of a ``bar``/``barh`` result with its value (``fmt``: a '%'
        or '{}' format string, or a function) at its end (``label_type='edge'``, offset
        by ``padding`` points) or centre."""
        check_choice(label_type, "label_type", ("edge", "center"))
        bars = list(container.patches)
        datavalues = np.asarray(container.datavalues, dtype=float)
        vertical = container.orientation != "horizontal"
        errs = []
        if container.errorbar is not None and container.errorbar.lines[2]:
            errs = container.errorbar.lines[2][0].get_segments()
        labels = [] if labels is None else list(labels)
        if np.iterable(padding):
            padding = list(padding)
            if len(padding) != len(bars):
                raise ValueError(f"padding: got {len(padding)} values for {len(bars)} bars")
        else:
            padding = [float(padding)] * len(bars)
        y_inv, x_inv = self.yaxis.inverted, self.xaxis.inverted
        out = []
        for i, bar in enumerate(bars):
            x0, y0, x1, y1 = bar.get_bbox()
            dat = datavalues[i]
            sign = 1 if dat >= 0 else -1
            xc, yc = (x0 + x1) / 2, (y0 + y1) / 2
            if vertical:
                extrema = max(y0, y1) if dat >= 0 else min(y0, y1)
            else:
                extrema = max(x0, x1) if dat >= 0 else min(x0, x1)
            err = errs[i] if i < len(errs) else None
            if err is None or np.size(err) == 0:
                end = extrema
            else:
                col = 1 if vertical else 0
                end = err[:, col].max() if dat >= 0 else err[:, col].min()
            pad = padding[i]
            if label_type == "center":
                xy, ha, va, off = (xc, yc), "center", "center", (0, 0)
            elif vertical:
                xy, ha = (xc, end), "center"
                va = ("top" if dat > 0 else "bottom") if y_inv else \
                    ("top" if dat < 0 else "bottom")
                off = (0, (-1 if y_inv else 1) * sign * pad)
            else:
                xy, va = (end, yc), "center"
                ha = ("right" if dat > 0 else "left") if x_inv else \
                    ("right" if dat < 0 else "left")
                off = ((-1 if x_inv else 1) * sign * pad, 0)
            lbl = labels[i] if i < len(labels) else None
            if np.isnan(dat):
                lbl = ""
            if lbl is None:
                if isinstance(fmt, str):
                    try:
                        lbl = fmt % (dat,)
                    except (TypeError, ValueError):
                        lbl = fmt.format(dat)
                elif callable(fmt):
                    lbl = fmt(dat)
                else:
                    raise TypeError(f"fmt: got {type(fmt).__name__}, expected a format "
                                    "string or a function")
            out.append(self.annotate(str(lbl), xy, off, textcoords="offset points", ha=ha,
                                     va=va, **kwargs))
        return out

    # -- infinite lines ------------------------------------------------------------------
    @accepts_rasterized
    def axline(self, xy1, xy2=None, *, slope=None, **kwargs) -> Line2D:
        """An infinite straight line through ``xy1`` and ``xy2``, or through ``xy1``
        with ``slope`` (data units; linear axes only): it always crosses the view.
        ``transform`` (``ax.transAxes``, ``fig.transFigure``, ...) places the points; the
        slope stays in data units, as matplotlib's."""
        from .axes_plotting import _normalize_kwargs

        if (xy2 is None) == (slope is None):
            raise TypeError("axline: expected exactly one of xy2 and slope")
        transform = kwargs.pop("transform", None)
        if transform is self.transData:
            transform = None
        if transform is not None and not callable(getattr(transform, "transform", None)):
            raise TypeError(f"transform: got {transform!r}, expected a transform such as "
                            "ax.transAxes")
        point = _point if transform is None else _plain_point
        p1 = point(self, xy1, "xy1")
        p2 = None if xy2 is None else point(self, xy2, "xy2")
        if slope is not None:
            if isinstance(slope, bool) or not isinstance(slope, Real):
                raise TypeError(f"slope: got {slope!r}, expected a number")
            if self.get_xscale() != "linear" or self.get_yscale() != "linear":
                raise TypeError("slope: axline with a slope needs linear axes (give xy2)")
            slope = float(slope)
        kwargs = _normalize_kwargs(kwargs)
        kwargs.setdefault("color", rcParams.get("lines.color", "C0"))  # a plain Line2D's
        line = _SlopedLine(self, p1, p2, slope, points_transform=transform, **kwargs)
        return self._add_artist(line)


def _point(ax, xy, argument: str) -> tuple[float, float]:
    if isinstance(xy, str) or np.size(xy) != 2:
        raise ValueError(f"{argument}: got {xy!r}, expected a point (x, y)")
    x = float(float_values(xy[0], argument, ax.xaxis).reshape(-1)[0])
    y = float(float_values(xy[1], argument, ax.yaxis).reshape(-1)[0])
    return x, y


def _plain_point(ax, xy, argument: str) -> tuple[float, float]:
    """A point in a transform's own coordinates: two numbers."""
    arr = np.asarray(xy)
    if arr.size != 2 or arr.dtype.kind not in "biuf":
        raise ValueError(f"{argument}: got {xy!r}, expected a point (x, y) of numbers")
    return float(arr.flat[0]), float(arr.flat[1])


def _grid_number(a, argument: str) -> np.ndarray:
    arr = np.asarray(a)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{argument}: got {arr.dtype} values, expected numbers")
    return arr.astype(float)


__all__ = ["ChartsMixin", "DataLimits", "PieContainer", "StepPatch"]
