"""matplotlib's other Axes plotting methods: fill_between, hlines/vlines, annotate,
axhline, axhspan, fill (bar, hist, errorbar, stem: :mod:`.bar_plots`; pcolormesh,
contour, quiver: :mod:`.grid_plots`).

``Axes`` has the methods of :class:`PlottingMixin` through
:class:`~lumos.plot.plot_types.PlotTypesMixin`, which loads this module at the first use
of one of them (a figure of lines and text does not import the collections and polygons
they make); they use ``self`` as the Axes. Argument
names, defaults and return types follow matplotlib; the artists are in
:mod:`lumos.plot.collections` and the modules it names.
"""

from __future__ import annotations

import numpy as np

from . import validate
from .annotations import Annotation
from .artists import accepts_rasterized
from .axlines import AxLine
from .collections import LineCollection
from .lines import Line2D
from .plot_args import broadcast_1d, check_choice, float_values, normalize_kwargs
from .polygons import FillBetweenPolyCollection, Polygon, SpanRectangle
from .style import rcParams
from .transformed_collections import (
    TransformedFillBetween,
    TransformedLineCollection,
    is_data_transform,
)


class PlottingMixin:
    """The plotting methods of :class:`lumos.plot.Axes` beyond plot/scatter/imshow."""

    # -- helpers -----------------------------------------------------------------------
    # -- fills -------------------------------------------------------------------------
    @accepts_rasterized
    def fill_between(self, x, y1, y2=0, where=None, interpolate: bool = False, step=None,
                     **kwargs) -> FillBetweenPolyCollection:
        """Fill the area between the curves (x, y1) and (x, y2); NaN splits the band.

        ``where`` keeps only some x ranges, ``interpolate`` extends them to where the
        curves cross, ``step`` ('pre', 'post', 'mid') fills a step function;
        ``transform`` the coordinates (``ax.get_xaxis_transform()``: y in axes fraction).
        """
        return self._fill_between("x", x, y1, y2, where, interpolate, step, kwargs,
                                  ("x", "y1", "y2"))

    @accepts_rasterized
    def fill_betweenx(self, y, x1, x2=0, where=None, step=None, interpolate: bool = False,
                      **kwargs) -> FillBetweenPolyCollection:
        """Fill the area between the curves (x1, y) and (x2, y)."""
        return self._fill_between("y", y, x1, x2, where, interpolate, step, kwargs,
                                  ("y", "x1", "x2"))

    def _fill_between(self, t_dir, t, f1, f2, where, interpolate, step, kwargs, names):
        where_name = "fill_between" if t_dir == "x" else "fill_betweenx"
        transform = kwargs.pop("transform", None)
        kw = normalize_kwargs(kwargs, where_name, ("color", "facecolor", "edgecolor", "linewidth",
                                                   "linestyle", "alpha", "label", "zorder",
                                                   "hatch", "hatchcolor"))
        if step is not None:
            check_choice(step, "step", ("pre", "post", "mid"))
        taxis, faxis = (self.xaxis, self.yaxis) if t_dir == "x" else (self.yaxis, self.xaxis)
        tv = float_values(t, names[0], taxis)
        v1 = float_values(f1, names[1], faxis)
        v2 = float_values(f2, names[2], faxis)
        for name, v in zip(names, (tv, v1, v2), strict=True):
            if v.ndim > 1:
                raise ValueError(f"{name}: got shape {v.shape}, expected 1 dimension")
        tv, v1, v2 = broadcast_1d(**{names[0]: tv, names[1]: v1, names[2]: v2})
        mask = None
        if where is not None:
            mask = np.asarray(where, dtype=bool).reshape(-1)
            if mask.size == 1:
                mask = np.broadcast_to(mask, tv.shape)
            if mask.size != tv.size:
                raise ValueError(f"where and {names[0]} must have the same length: got "
                                 f"{mask.size} and {tv.size}")
        face, edge = kw.pop("facecolor", None), kw.pop("edgecolor", None)
        color = kw.pop("color", None)
        if color is not None:
            face = color if face is None else face
            edge = color if edge is None else edge
        if face is None:
            face = self._next_patch_color()
        style = dict(where=mask, interpolate=bool(interpolate), step=step, facecolor=face,
                     edgecolor="none" if edge is None else edge, **kw)
        if is_data_transform(transform, self):
            coll = FillBetweenPolyCollection(self, t_dir, tv, v1, v2, **style)
        else:
            coll = TransformedFillBetween(self, t_dir, tv, v1, v2, transform, **style)
        return self._add_artist(coll)

    @accepts_rasterized
    def hlines(self, y, xmin, xmax, colors=None, linestyles="solid", label="",
               **kwargs) -> LineCollection:
        """Horizontal lines at each y from xmin to xmax (one draw)."""
        return self._hvlines("h", y, xmin, xmax, colors, linestyles, label, kwargs)

    @accepts_rasterized
    def vlines(self, x, ymin, ymax, colors=None, linestyles="solid", label="",
               **kwargs) -> LineCollection:
        """Vertical lines at each x from ymin to ymax (one draw); ``transform`` the
        coordinates (``ax.get_xaxis_transform()``: ymin, ymax in axes fraction)."""
        return self._hvlines("v", x, ymin, ymax, colors, linestyles, label, kwargs)

    def _hvlines(self, kind, pos, lo, hi, colors_, linestyles, label, kwargs):
        where = "hlines" if kind == "h" else "vlines"
        from .axes_plotting import artist_props, with_props

        transform = kwargs.pop("transform", None)
        props = artist_props(kwargs)
        kw = normalize_kwargs(kwargs, where, ("linewidth", "alpha", "zorder", "color",
                                              "linestyle"))
        validate.check(colors=colors_)
        if colors_ is None:
            colors_ = kw.pop("color", rcParams.get("lines.color", "C0"))
        kw.pop("color", None)
        linestyles = kw.pop("linestyle", linestyles)
        pa, va = (self.yaxis, self.xaxis) if kind == "h" else (self.xaxis, self.yaxis)
        names = ("y", "xmin", "xmax") if kind == "h" else ("x", "ymin", "ymax")
        p = float_values(pos, names[0], pa)
        a = float_values(lo, names[1], va)
        b = float_values(hi, names[2], va)
        p, a, b = broadcast_1d(**{names[0]: p, names[1]: a, names[2]: b})
        if kind == "h":
            segs = np.stack([np.c_[a, p], np.c_[b, p]], axis=1)
        else:
            segs = np.stack([np.c_[p, a], np.c_[p, b]], axis=1)
        style = dict(colors=colors_, linestyle=linestyles, label=label, **kw)
        if is_data_transform(transform, self):
            lc = LineCollection(self, segs, **style)
        else:
            lc = TransformedLineCollection(self, segs, transform, **style)
        return with_props([self._add_artist(lc)], props)[0]

    # -- annotations -------------------------------------------------------------------
    def annotate(self, text, xy, xytext=None, xycoords: str = "data", textcoords=None,
                 arrowprops=None, annotation_clip=None, **kwargs) -> Annotation:
        """Text at ``xytext`` with an optional arrow to ``xy``.

        Coordinates: 'data', 'polar' ((theta, r) on the data), 'axes fraction',
        'axes pixels', 'figure fraction', 'figure pixels', 'offset points',
        'offset pixels', 'offset fontsize', a transform, or an artist (fractions of
        its window extent, e.g. another annotation's).
        ``arrowprops`` takes matplotlib's ``arrowstyle`` (``'->'``, ``'-|>'``, ``'<->'``,
        ...) or the YAArrow keys (width, headwidth, headlength, shrink, facecolor)."""
        from .axes_plotting import text_keywords, text_setters, with_props

        props, zorder, label = text_keywords(kwargs, "annotate")
        setters = text_setters(props)
        if arrowprops is not None and not isinstance(arrowprops, dict):
            raise TypeError(f"arrowprops: got {type(arrowprops).__name__}, expected a dict")
        a = Annotation(self, text, xy, xytext=xytext, xycoords=xycoords, textcoords=textcoords,
                       arrowprops=arrowprops, annotation_clip=annotation_clip, zorder=zorder,
                       label=label, **props)
        with_props([a], setters)
        # like a text, an annotation asks no fit (matplotlib's _add_text)
        return self._add_artist(a, request=(False, False))

    # -- reference lines and spans -----------------------------------------------------
    @accepts_rasterized
    def axhline(self, y=0, xmin=0, xmax=1, **kwargs) -> Line2D:
        """A horizontal line at data y across the axes (xmin, xmax in axes fraction)."""
        return self._axline("horizontal", y, xmin, xmax, kwargs)

    @accepts_rasterized
    def axvline(self, x=0, ymin=0, ymax=1, **kwargs) -> Line2D:
        """A vertical line at data x across the axes (ymin, ymax in axes fraction)."""
        return self._axline("vertical", x, ymin, ymax, kwargs)

    def _axline(self, orientation, value, fmin, fmax, kwargs) -> Line2D:
        from .axes_plotting import _normalize_kwargs, artist_props, with_props

        horizontal = orientation == "horizontal"
        names = ("y", "xmin", "xmax") if horizontal else ("x", "ymin", "ymax")
        axis = self.yaxis if horizontal else self.xaxis
        for name, given in zip(names, (value, fmin, fmax), strict=True):
            if np.iscomplexobj(given):  # matplotlib's float() refuses it (plot warns)
                raise TypeError(f"{name}: got a complex number ({given!r}), expected a "
                                "real number")
        v = float_values(value, names[0], axis).reshape(-1)
        if v.size != 1:
            raise ValueError(f"{names[0]}: got {v.size} values, expected one number (use "
                             f"{'hlines' if horizontal else 'vlines'} for several)")
        f0 = float(float_values(fmin, names[1]).reshape(-1)[0])
        f1 = float(float_values(fmax, names[2]).reshape(-1)[0])
        kwargs = _normalize_kwargs(kwargs)
        props = artist_props(kwargs)
        kwargs.setdefault("color", rcParams.get("lines.color", "C0"))
        # matplotlib fits the view to the line only when it lies outside the view
        self._autoscale(keep_held=True)  # the view as it is now, pending fits made
        lo, hi = self.get_ybound() if horizontal else self.get_xbound()
        outside = float(v[0]) < lo or float(v[0]) > hi  # NaN: not outside, as there
        line = AxLine(self, orientation, float(v[0]), f0, f1, **kwargs)
        request = (False, outside) if horizontal else (outside, False)
        return with_props([self._add_artist(line, request=request)], props)[0]

    @accepts_rasterized
    def fill(self, *args, **kwargs) -> list[Polygon]:
        """Filled polygons: ``fill(x, y)``, ``fill(x, y, 'r')``, ``fill(x1, y1, x2, y2)``;
        each closes back to its first point. Colors come from the patch cycle unless
        given; ``color`` sets face and edge (matplotlib's Polygon), a format string's
        color the face only."""
        kw = normalize_kwargs(kwargs, "fill", ("color", "facecolor", "edgecolor", "linewidth",
                                               "linestyle", "alpha", "label", "zorder",
                                               "hatch", "hatchcolor"))
        groups, rest = [], list(args)
        while rest:
            if len(rest) < 2 or isinstance(rest[0], str) or isinstance(rest[1], str):
                raise TypeError(f"fill: got {args!r}, expected x, y[, color] groups")
            x, y = rest.pop(0), rest.pop(0)
            fmt = rest.pop(0) if rest and isinstance(rest[0], str) else None
            groups.append((x, y, fmt))
        polys = []
        for x, y, fmt in groups:
            xv, yv = float_values(x, "x", self.xaxis), float_values(y, "y", self.yaxis)
            xv, yv = broadcast_1d(x=xv, y=yv)
            face, edge = kw.get("facecolor"), kw.get("edgecolor")
            color = kw.get("color")
            if color is not None:
                face = color if face is None else face
                edge = color if edge is None else edge
            if face is None and fmt is not None:  # a format's color fills only (matplotlib)
                face = fmt
            if face is None:
                face = self._next_patch_color()
            style = {k: v for k, v in kw.items() if k not in ("color", "facecolor",
                                                              "edgecolor")}
            poly = Polygon(self, np.c_[xv, yv], closed=True, facecolor=face,
                           edgecolor="none" if edge is None else edge, **style)
            polys.append(self._add_artist(poly))
        return polys

    @accepts_rasterized
    def axhspan(self, ymin, ymax, xmin=0, xmax=1, **kwargs) -> SpanRectangle:
        """A horizontal band from data ymin to ymax across the axes."""
        return self._axspan("horizontal", ymin, ymax, xmin, xmax, kwargs)

    @accepts_rasterized
    def axvspan(self, xmin, xmax, ymin=0, ymax=1, **kwargs) -> SpanRectangle:
        """A vertical band from data xmin to xmax across the axes."""
        return self._axspan("vertical", xmin, xmax, ymin, ymax, kwargs)

    def _axspan(self, orientation, lo, hi, fmin, fmax, kwargs) -> SpanRectangle:
        horizontal = orientation == "horizontal"
        where = "axhspan" if horizontal else "axvspan"
        kw = normalize_kwargs(kwargs, where, ("color", "facecolor", "edgecolor", "linewidth",
                                              "linestyle", "alpha", "label", "zorder", "fill",
                                              "hatch", "hatchcolor"))
        names = ("ymin", "ymax", "xmin", "xmax") if horizontal else \
            ("xmin", "xmax", "ymin", "ymax")
        axis = self.yaxis if horizontal else self.xaxis
        a = float(float_values(lo, names[0], axis).reshape(-1)[0])
        b = float(float_values(hi, names[1], axis).reshape(-1)[0])
        f0 = float(float_values(fmin, names[2]).reshape(-1)[0])
        f1 = float(float_values(fmax, names[3]).reshape(-1)[0])
        # matplotlib's Rectangle((xmin, ymin), xmax - xmin, ymax - ymin)
        if horizontal:
            box = ((f0, a), f1 - f0, b - a)
            coords = {"xcoords": "axes"}
        else:
            box = ((a, f0), b - a, f1 - f0)
            coords = {"ycoords": "axes"}
        face, edge, color = kw.pop("facecolor", None), kw.pop("edgecolor", None), \
            kw.pop("color", None)
        if color is not None:
            face = color if face is None else face
            edge = color if edge is None else edge
        fill = kw.pop("fill", True)
        if edge is None:  # an unfilled patch is outlined in patch.edgecolor (matplotlib)
            edge = "none" if fill else rcParams.get("patch.edgecolor", "black")
        rect = SpanRectangle(self, *box, fill=fill,
                             facecolor=rcParams.get("patch.facecolor", "C0") if face is None
                             else face, edgecolor=edge, **kw, **coords)
        # matplotlib asks a fit of the data direction only
        return self._add_artist(rect, request=(False, True) if horizontal else (True, False))


__all__ = ["PlottingMixin"]
