"""Artists: what plotting methods return (Line2D, PathCollection, AxesImage, Text, ...).

An artist keeps its data in data units (float64, copied from the caller) and style in
matplotlib terms (points, color specs). It turns them into visuals in the axes' scale
space; lines and markers of the same style are batched by the axes into one draw.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..visuals import Image
from .style import DASHES, rcParams

# matplotlib marker letters lumos draws, by visual symbol name
MARKERS = {
    "o": "disc", ".": "disc", ",": "square", "s": "square", "^": "triangle", "D": "diamond",
    "d": "diamond", "x": "cross", "X": "cross", "+": "plus", "P": "plus", "*": "star",
}
# relative sizes: '.' is a small dot, 'd' a thin diamond (approximated as smaller)
_MARKER_SCALE = {".": 0.5, ",": 0.2, "d": 0.8}


def check_marker(marker) -> str | None:
    if marker in (None, "", " ", "None", "none"):
        return None
    if marker not in MARKERS:
        raise ValueError(f"marker: got {marker!r}, expected one of {' '.join(MARKERS)}")
    return marker


def check_linestyle(ls) -> str | None:
    if ls in (None, "", " ", "None", "none"):
        return None
    if ls not in DASHES:
        raise ValueError(f"linestyle: got {ls!r}, expected one of '-', '--', ':', '-.'")
    return ls


def as_1d(values, argument: str) -> np.ndarray:
    """A float64 1D copy of numeric input, or a clear error."""
    if isinstance(values, str):
        raise TypeError(f"{argument}: got str, expected numbers")
    arr = np.array(values, copy=True)
    if arr.dtype == object:
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{argument}: got non-numeric values, expected numbers") from None
    if arr.dtype.kind in "US":
        raise TypeError(f"{argument}: got strings ({arr.dtype}), expected numbers")
    if arr.dtype.kind not in "biufM":
        raise TypeError(f"{argument}: got dtype {arr.dtype}, expected numbers")
    return arr.reshape(-1) if arr.ndim <= 1 else arr


class Artist:
    """Base class: label, visibility, zorder, and the axes it belongs to."""

    zorder = 1.0

    def __init__(self, axes, label: str | None = None, zorder: float | None = None) -> None:
        self.axes = axes
        self._label = "" if label is None else str(label)
        self._visible = True
        if zorder is not None:
            self.zorder = float(zorder)

    # matplotlib-style accessors
    def get_label(self) -> str:
        return self._label

    def set_label(self, label) -> None:
        self._label = "" if label is None else str(label)

    def get_visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)
        self._changed()

    def get_zorder(self) -> float:
        return self.zorder

    def set_zorder(self, z: float) -> None:
        self.zorder = float(z)
        self._changed()

    def set(self, **kwargs) -> Artist:
        """Set several properties at once: ``line.set(color="r", lw=2)``."""
        for key, value in kwargs.items():
            setter = getattr(self, f"set_{_ALIASES.get(key, key)}", None)
            if setter is None:
                raise AttributeError(f"{type(self).__name__} has no property {key!r}")
            setter(value)
        return self

    def remove(self) -> None:
        """Take the artist off its axes."""
        self.axes._remove_artist(self)

    def _changed(self) -> None:
        """Something visible changed: the axes re-syncs its batches before drawing."""
        if self.axes is not None:
            self.axes._artist_changed(self)

    # what the axes asks of every artist
    def data_limits(self):
        """((xmin, xmax), (ymin, ymax)) of finite data in data units, or None."""
        return None

    def visuals(self) -> list:
        """Visuals drawn on their own (not batched)."""
        return []

    def rescale(self) -> None:
        """The axes scales changed: recompute scale-space positions."""


_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ms": "markersize",
            "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
            "fontsize": "fontsize", "size": "fontsize", "ha": "horizontalalignment",
            "va": "verticalalignment"}


def _limits(x: np.ndarray, y: np.ndarray, xscale, yscale):
    """Finite, scale-valid limits of x and y (log axes ignore non-positive values)."""
    out = []
    for v, scale in ((x, xscale), (y, yscale)):
        v = v[np.isfinite(v)]
        if scale.name == "log":
            v = v[v > 0]
        if v.size == 0:
            return None
        out.append((float(v.min()), float(v.max())))
    return tuple(out)


class Line2D(Artist):
    """A line with optional markers, as ``ax.plot`` returns."""

    zorder = 2.0

    def __init__(self, axes, x, y, color=None, linewidth=None, linestyle="-", marker=None,
                 markersize=None, markerfacecolor=None, markeredgecolor=None,
                 markeredgewidth=None, alpha=None, label=None, zorder=None,
                 drawstyle="default") -> None:
        super().__init__(axes, label, zorder)
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._color = colors.to_rgba(color if color is not None else "C0")
        self._alpha = alpha
        self._linewidth = float(rcParams["lines.linewidth"] if linewidth is None else linewidth)
        self._linestyle = check_linestyle(linestyle)
        self._marker = check_marker(marker)
        self._markersize = float(rcParams["lines.markersize"] if markersize is None
                                 else markersize)
        self._mfc = markerfacecolor
        self._mec = markeredgecolor
        self._mew = float(rcParams["lines.markeredgewidth"] if markeredgewidth is None
                          else markeredgewidth)
        if drawstyle not in ("default", "steps", "steps-pre", "steps-mid", "steps-post"):
            raise ValueError(f"drawstyle: got {drawstyle!r}, expected 'default', 'steps-pre', "
                             "'steps-mid' or 'steps-post'")
        self._drawstyle = drawstyle
        self._scaled = np.zeros((0, 2))
        self.set_data(x, y)

    # data
    def set_data(self, x, y=None) -> None:
        """``set_data(x, y)`` or ``set_data(np.c_[x, y])``."""
        if y is None:
            xy = np.asarray(x)
            if xy.ndim != 2 or xy.shape[1] != 2:
                raise ValueError(f"x: got shape {xy.shape}, expected (N, 2) when y is omitted")
            x, y = xy[:, 0], xy[:, 1]
        x = self.axes.xaxis.convert(as_1d(x, "x"))
        y = self.axes.yaxis.convert(as_1d(y, "y"))
        if x.shape != y.shape:
            raise ValueError(f"x and y must have the same length: got {x.size} and {y.size}")
        self._x, self._y = x, y
        self.rescale()

    def set_xdata(self, x) -> None:
        self.set_data(x, self._y)

    def set_ydata(self, y) -> None:
        self.set_data(self._x, y)

    def get_xdata(self) -> np.ndarray:
        return self._x.copy()

    def get_ydata(self) -> np.ndarray:
        return self._y.copy()

    def get_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self.get_xdata(), self.get_ydata()

    def rescale(self) -> None:
        x, y = _steps(self._x, self._y, self._drawstyle)
        with np.errstate(all="ignore"):
            self._scaled = np.c_[self.axes.xaxis.scale.forward(x),
                                 self.axes.yaxis.scale.forward(y)]
        self._markers_scaled = self._scaled if self._drawstyle == "default" else np.c_[
            self.axes.xaxis.scale.forward(self._x), self.axes.yaxis.scale.forward(self._y)]
        self._changed()

    def data_limits(self):
        return _limits(self._x, self._y, self.axes.xaxis.scale, self.axes.yaxis.scale)

    # style
    def get_color(self):
        return self._color

    def set_color(self, color) -> None:
        self._color = colors.to_rgba(color)
        self._changed()

    def get_linewidth(self) -> float:
        return self._linewidth

    def set_linewidth(self, lw: float) -> None:
        self._linewidth = float(lw)
        self._changed()

    def get_linestyle(self) -> str:
        return self._linestyle or "None"

    def set_linestyle(self, ls) -> None:
        self._linestyle = check_linestyle(ls)
        self._changed()

    def get_marker(self):
        return self._marker or "None"

    def set_marker(self, marker) -> None:
        self._marker = check_marker(marker)
        self._changed()

    def set_markersize(self, ms: float) -> None:
        self._markersize = float(ms)
        self._changed()

    def set_markerfacecolor(self, c) -> None:
        self._mfc = c
        self._changed()

    def set_markeredgecolor(self, c) -> None:
        self._mec = c
        self._changed()

    def set_markeredgewidth(self, w: float) -> None:
        self._mew = float(w)
        self._changed()

    def set_alpha(self, alpha) -> None:
        self._alpha = alpha
        self._changed()

    def get_alpha(self):
        return self._alpha

    def line_rgba(self):
        return colors.to_rgba(self._color, self._alpha)

    def marker_style(self):
        """(symbol, size px, face rgba, edge rgba, edge width px) for the markers."""
        px = self.axes.figure.points_to_pixels
        face = colors.to_rgba(self._color if self._mfc is None else self._mfc, self._alpha)
        edge = colors.to_rgba(self._color if self._mec is None else self._mec, self._alpha)
        size = px(self._markersize) * _MARKER_SCALE.get(self._marker, 1.0)
        edge_w = px(self._mew) if self._marker not in ("x", "+", "X", "P") else 0.0
        if self._marker in ("x", "+"):  # line markers: drawn in their face color
            face = edge
        return MARKERS[self._marker], size, face, edge, edge_w


def _steps(x: np.ndarray, y: np.ndarray, style: str) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of a step line (matplotlib's drawstyle)."""
    if style == "default" or x.size < 2:
        return x, y
    n = x.size
    if style in ("steps", "steps-pre"):
        sx = np.empty(2 * n - 1)
        sy = np.empty(2 * n - 1)
        sx[0::2], sx[1::2] = x, x[1:]
        sy[0::2], sy[1::2] = y, y[:-1]
        return sx, sy
    if style == "steps-post":
        sx = np.empty(2 * n - 1)
        sy = np.empty(2 * n - 1)
        sx[0::2], sx[1::2] = x, x[:-1]
        sx[1::2] = x[1:]
        sy[0::2], sy[1::2] = y, y[:-1]
        return sx, sy
    # steps-mid
    mid = (x[:-1] + x[1:]) / 2
    sx = np.r_[x[0], np.repeat(mid, 2), x[-1]]
    sy = np.repeat(y, 2)
    return sx, sy


class ScalarMappable:
    """Data mapped to colors through a norm and a colormap (for colorbars)."""

    def _init_mappable(self, cmap, norm, vmin, vmax) -> None:
        self.cmap = colors.get_cmap(rcParams["image.cmap"] if cmap is None else cmap)
        self.norm = colors.get_norm(norm, vmin, vmax)
        self.colorbar = None

    def set_cmap(self, cmap) -> None:
        self.cmap = colors.get_cmap(cmap)
        self._mapping_changed()

    def get_cmap(self):
        return self.cmap

    def set_norm(self, norm) -> None:
        self.norm = colors.get_norm(norm)
        self._mapping_changed()

    def set_clim(self, vmin=None, vmax=None) -> None:
        """Color limits: ``set_clim(0, 1)`` or ``set_clim((0, 1))``."""
        if vmax is None and vmin is not None and np.ndim(vmin) == 1:
            vmin, vmax = vmin
        if vmin is not None:
            self.norm.vmin = float(vmin)
        if vmax is not None:
            self.norm.vmax = float(vmax)
        self._mapping_changed()

    def get_clim(self) -> tuple[float, float]:
        return self.norm.vmin, self.norm.vmax

    def autoscale_clim(self, values: np.ndarray) -> None:
        self.norm.autoscale_None(values)

    def _mapping_changed(self) -> None:
        raise NotImplementedError


class PathCollection(Artist, ScalarMappable):
    """Scatter points, as ``ax.scatter`` returns; sizes are areas in points²."""

    zorder = 1.0

    def __init__(self, axes, x, y, s=None, c=None, marker="o", cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None,
                 zorder=None, color=None) -> None:
        super().__init__(axes, label, zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._marker = check_marker(marker) or "o"
        self._alpha = alpha
        self._edgecolors = "face" if edgecolors is None else edgecolors
        self._linewidths = 0.0 if linewidths is None else float(np.mean(linewidths))
        self._array = None
        self._facecolor = None
        self._offsets = np.zeros((0, 2))
        self.set_offsets(np.c_[as_1d(x, "x").ravel(), as_1d(y, "y").ravel()]
                         if np.size(x) == np.size(y) else _mismatch(x, y))
        self.set_sizes(rcParams["lines.markersize"] ** 2 if s is None else s)
        if c is not None and color is not None:
            raise ValueError("c and color: got both, expected at most one")
        c = color if c is None else c
        self._set_c(c)

    def _set_c(self, c) -> None:
        n = len(self._offsets)
        arr = None if c is None or isinstance(c, str) else np.asarray(c)
        # like matplotlib: n numbers are values for the colormap, anything else colors
        if arr is not None and arr.dtype.kind in "biuf" and arr.ndim == 1 and arr.size == n:
            self.set_array(arr)
        else:
            self._array = None
            self._facecolor = colors.to_rgba_array("C0" if c is None else c, n)
            self._changed()

    def set_offsets(self, xy) -> None:
        xy = np.array(xy, dtype=float, copy=True)
        if xy.ndim != 2 or xy.shape[1] != 2:
            raise ValueError(f"offsets: got shape {xy.shape}, expected (N, 2)")
        self._offsets = np.c_[self.axes.xaxis.convert(xy[:, 0]),
                              self.axes.yaxis.convert(xy[:, 1])]
        self.rescale()

    def get_offsets(self) -> np.ndarray:
        return self._offsets.copy()

    def set_sizes(self, s) -> None:
        s = as_1d(s, "s").astype(float)
        n = len(self._offsets)
        if s.size not in (1, n):
            raise ValueError(f"s: got {s.size} sizes for {n} points, expected 1 or {n}")
        self._sizes = np.broadcast_to(s, (n,)).copy()
        self._changed()

    def get_sizes(self) -> np.ndarray:
        return self._sizes.copy()

    def set_array(self, values) -> None:
        """Values mapped through cmap/norm to face colors."""
        values = as_1d(values, "c").astype(float)
        if values.size != len(self._offsets):
            raise ValueError(f"c: got {values.size} values for {len(self._offsets)} points")
        self._array = values
        self.autoscale_clim(values)
        self._changed()

    def get_array(self):
        return None if self._array is None else self._array.copy()

    def set_color(self, c) -> None:
        self._set_c(c)

    def set_facecolor(self, c) -> None:
        self._set_c(c)

    def set_alpha(self, alpha) -> None:
        self._alpha = alpha
        self._changed()

    def _mapping_changed(self) -> None:
        self._changed()

    def rescale(self) -> None:
        with np.errstate(all="ignore"):
            self._scaled = np.c_[self.axes.xaxis.scale.forward(self._offsets[:, 0]),
                                 self.axes.yaxis.scale.forward(self._offsets[:, 1])]
        self._changed()

    def data_limits(self):
        return _limits(self._offsets[:, 0], self._offsets[:, 1], self.axes.xaxis.scale,
                       self.axes.yaxis.scale)

    def face_rgba(self) -> np.ndarray:
        if self._array is not None:
            rgba = np.asarray(self.cmap(self.norm(self._array)), dtype=float).reshape(-1, 4)
        else:
            rgba = self._facecolor.astype(float)
        if self._alpha is not None:
            rgba = rgba.copy()
            rgba[:, 3] = float(self._alpha)
        return rgba

    def marker_style(self):
        px = self.axes.figure.points_to_pixels
        diameter = px(np.sqrt(np.maximum(self._sizes, 0))) * _MARKER_SCALE.get(self._marker, 1.0)
        face = self.face_rgba()
        if isinstance(self._edgecolors, str) and self._edgecolors == "face":
            edge = (0.0, 0.0, 0.0, 0.0)
            edge_w = 0.0
        else:
            edge = colors.to_rgba(self._edgecolors)
            edge_w = px(self._linewidths)
        return MARKERS[self._marker], diameter, face, edge, edge_w


def _mismatch(x, y):
    raise ValueError(f"x and y must be the same size: got {np.size(x)} and {np.size(y)}")


class AxesImage(Artist, ScalarMappable):
    """An image on the axes, as ``ax.imshow`` returns."""

    zorder = 0.0

    def __init__(self, axes, data, cmap=None, norm=None, vmin=None, vmax=None, extent=None,
                 origin=None, interpolation=None, alpha=None, label=None, zorder=None) -> None:
        super().__init__(axes, label, zorder)
        self._init_mappable(cmap, norm, vmin, vmax)
        self._origin = rcParams["image.origin"] if origin is None else origin
        if self._origin not in ("upper", "lower"):
            raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
        interp = rcParams["image.interpolation"] if interpolation is None else interpolation
        if interp in ("none", "antialiased", "auto"):
            interp = "nearest"
        self._alpha = alpha
        self._extent_spec = extent
        self._visual = Image(np.zeros((1, 1)), interpolation=interp)
        self.set_data(data)

    def set_data(self, data) -> None:
        arr = np.array(data, copy=True)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"X: got dtype {arr.dtype}, expected numbers")
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (3, 4)):
            raise ValueError(f"X: got shape {arr.shape}, expected (M, N), (M, N, 3) or "
                             "(M, N, 4)")
        self._data = arr
        if arr.ndim == 2:
            self.autoscale_clim(arr)
        self._upload()

    def get_array(self) -> np.ndarray:
        return self._data.copy()

    def get_extent(self) -> tuple[float, float, float, float]:
        if self._extent_spec is not None:
            return tuple(float(v) for v in self._extent_spec)
        h, w = self._data.shape[:2]
        if self._origin == "upper":
            return (-0.5, w - 0.5, h - 0.5, -0.5)
        return (-0.5, w - 0.5, -0.5, h - 0.5)

    def set_extent(self, extent) -> None:
        self._extent_spec = extent
        self._upload()

    def set_interpolation(self, interp: str) -> None:
        self._visual.interpolation = "nearest" if interp in ("none", "antialiased") else interp

    def set_alpha(self, alpha) -> None:
        self._alpha = alpha
        self._upload()

    def _mapping_changed(self) -> None:
        self._upload()

    def _upload(self) -> None:
        v = self._visual
        arr = self._data
        linear = type(self.norm).__name__ == "Normalize"
        if arr.ndim == 2 and not linear:
            # non-linear norms are applied here; the GPU maps 0..1 through the colormap
            with np.errstate(all="ignore"):
                arr = np.asarray(self.norm(arr), dtype=float)
            clim = (0.0, 1.0)
        else:
            clim = self.get_clim() if arr.ndim == 2 else None
        if arr.ndim == 3 and self._alpha is not None:
            rgba = colors.to_rgba_array(arr.reshape(-1, arr.shape[2]) if arr.dtype != np.uint8
                                        else arr.reshape(-1, arr.shape[2]) / 255.0)
            rgba[:, 3] *= float(self._alpha)
            arr = rgba.reshape(arr.shape[:2] + (4,))
        v.cmap = self.cmap
        v.set_data(arr)
        v.clim = clim
        self.rescale()

    def rescale(self) -> None:
        left, right, b, t = self.get_extent()
        # row 0 is at the top with origin 'upper'
        y0, y1 = (t, b) if self._origin == "upper" else (b, t)
        with np.errstate(all="ignore"):
            xs = self.axes.xaxis.scale.forward(np.array([left, right]))
            ys = self.axes.yaxis.scale.forward(np.array([y0, y1]))
        # an extent a log axis cannot show (non-positive) hides the image, as it must
        shown = bool(np.isfinite(np.r_[xs, ys]).all())
        self._visual.visible = shown
        if shown:
            self._visual.extent = (xs[0], xs[1], ys[0], ys[1])
        self._visual.order = self.zorder
        self._changed()

    def data_limits(self):
        left, right, b, t = self.get_extent()
        return (min(left, right), max(left, right)), (min(b, t), max(b, t))

    def visuals(self) -> list:
        return [self._visual]


class Text(Artist):
    """A text label at a data position (or axes fraction with ``transform=ax.transAxes``)."""

    zorder = 3.0

    def __init__(self, axes, x, y, text, fontsize=None, color="black", ha="left",
                 va="baseline", rotation=0.0, coords="data", label=None, zorder=None,
                 fontweight=None) -> None:
        super().__init__(axes, label, zorder)
        self._x, self._y = float(x), float(y)
        self._text = str(text)
        self._fontsize = float(rcParams["font.size"] if fontsize is None else _font_size(fontsize))
        self._color = colors.to_rgba(color)
        self.set_horizontalalignment(ha)
        self.set_verticalalignment(va)
        self._rotation = _rotation(rotation)
        self._coords = coords
        self._bold = fontweight in ("bold", "heavy", 700, 800, 900)

    def get_text(self) -> str:
        return self._text

    def set_text(self, text) -> None:
        self._text = str(text)
        self._changed()

    def set_position(self, xy) -> None:
        self._x, self._y = (float(v) for v in xy)
        self._changed()

    def get_position(self) -> tuple[float, float]:
        return self._x, self._y

    def set_fontsize(self, size) -> None:
        self._fontsize = _font_size(size)
        self._changed()

    def get_fontsize(self) -> float:
        return self._fontsize

    def set_color(self, color) -> None:
        self._color = colors.to_rgba(color)
        self._changed()

    def set_rotation(self, rotation) -> None:
        self._rotation = _rotation(rotation)
        self._changed()

    def set_horizontalalignment(self, ha: str) -> None:
        if ha not in ("left", "center", "right"):
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        self._ha = ha
        self._changed()

    def set_verticalalignment(self, va: str) -> None:
        mapping = {"center_baseline": "baseline"}
        va = mapping.get(va, va)
        if va not in ("top", "center", "bottom", "baseline"):
            raise ValueError(f"va: got {va!r}, expected 'top', 'center', 'bottom' or "
                             "'baseline'")
        self._va = va
        self._changed()

    def pixel_position(self) -> tuple[float, float]:
        """Where the anchor lands, in figure pixels from the bottom left."""
        return self.axes.to_pixels(self._x, self._y, self._coords)


_FONT_SIZES = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
               "large": 1.2, "x-large": 1.44, "xx-large": 1.728}


def _font_size(size) -> float:
    if isinstance(size, str):
        if size not in _FONT_SIZES:
            raise ValueError(f"fontsize: got {size!r}, expected points or one of "
                             f"{', '.join(_FONT_SIZES)}")
        return float(rcParams["font.size"]) * _FONT_SIZES[size]
    v = float(size)
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"fontsize: got {size!r}, expected a positive number of points")
    return v


def _rotation(rotation) -> float:
    if rotation in ("horizontal", None):
        return 0.0
    if rotation == "vertical":
        return 90.0
    return float(rotation)
