"""Legends: labelled handles in a framed box, placed by ``loc`` (``'best'`` avoids data)."""

from __future__ import annotations

import numpy as np

from .. import colors
from . import text as textmod
from .style import rcParams

LOCATIONS = {
    "best": 0, "upper right": 1, "upper left": 2, "lower left": 3, "lower right": 4,
    "right": 5, "center left": 6, "center right": 7, "lower center": 8, "upper center": 9,
    "center": 10,
}
# (x, y) fractions of the free area for each numbered location
_COLUMN_SPACING = 2.0  # between legend columns, in font sizes (matplotlib's default)
_ANCHORS = {1: (1, 1), 2: (0, 1), 3: (0, 0), 4: (1, 0), 5: (1, 0.5), 6: (0, 0.5),
            7: (1, 0.5), 8: (0.5, 0), 9: (0.5, 1), 10: (0.5, 0.5)}


class Legend:
    """``ax.legend()``, ``ax.legend(loc="upper left")``, ``ax.legend(handles, labels)``."""

    def __init__(self, ax, *args, loc=None, fontsize=None, frameon: bool | None = None,
                 title: str | None = None, ncol: int = 1, ncols: int | None = None,
                 framealpha=None, bbox_to_anchor=None, **kwargs) -> None:
        self.axes = ax
        self.bbox_to_anchor = None
        if bbox_to_anchor is not None:
            try:
                point = tuple(float(v) for v in bbox_to_anchor)[:2]
            except (TypeError, ValueError):
                raise TypeError(f"bbox_to_anchor: got {bbox_to_anchor!r}, expected (x, y) in "
                                "axes fractions") from None
            if len(point) != 2:
                raise ValueError(f"bbox_to_anchor: got {bbox_to_anchor!r}, expected (x, y)")
            self.bbox_to_anchor = point
        handles, labels = _handles_and_labels(ax, args, kwargs)
        self.entries = [(h, str(lab)) for h, lab in zip(handles, labels, strict=False)
                        if str(lab) and not str(lab).startswith("_")]
        for h, _ in self.entries:
            if not callable(getattr(h, "legend_handle", None)):
                raise TypeError(f"handles: got a {type(h).__name__}, which cannot be shown in "
                                "a legend (expected a lumos artist or container)")
        loc = rcParams["legend.loc"] if loc is None else loc
        if isinstance(loc, str):
            if loc not in LOCATIONS:
                raise ValueError(f"loc: got {loc!r}, expected one of {', '.join(LOCATIONS)}")
            loc = LOCATIONS[loc]
        if loc not in range(11):
            raise ValueError(f"loc: got {loc!r}, expected a location name or 0..10")
        self.loc = loc
        self.fontsize = textmod.points(rcParams["legend.fontsize"] if fontsize is None
                                       else fontsize)
        self.frameon = bool(rcParams["legend.frameon"] if frameon is None else frameon)
        self.framealpha = float(rcParams["legend.framealpha"] if framealpha is None
                                else framealpha)
        self.title = title or ""
        self.ncols = int(ncols if ncols is not None else ncol)
        if kwargs:
            raise TypeError(f"legend: unexpected keyword arguments {sorted(kwargs)}")

    def get_texts(self) -> list[str]:
        return [lab for _, lab in self.entries]

    def _size(self):
        """Box size and the entries' row geometry, in pixels."""
        px = self.axes.figure.points_to_pixels
        fs = px(self.fontsize)
        pad = rcParams["legend.borderpad"] * fs
        spacing = rcParams["legend.labelspacing"] * fs
        handle_len = rcParams["legend.handlelength"] * fs
        text_pad = rcParams["legend.handletextpad"] * fs
        sizes = [textmod.measure(lab, fs) for _, lab in self.entries]
        row_h = max([fs * 1.2] + [s[1] for s in sizes])
        ncols = max(1, min(self.ncols, len(self.entries)))
        nrows = -(-len(self.entries) // ncols)
        col_w = [0.0] * ncols
        for i, s in enumerate(sizes):
            c = i // nrows
            col_w[c] = max(col_w[c], handle_len + text_pad + s[0])
        title_h = textmod.measure(self.title, fs)[1] + spacing if self.title else 0.0
        width = 2 * pad + sum(col_w) + (ncols - 1) * _COLUMN_SPACING * fs
        width = max(width, textmod.measure(self.title, fs)[0] + 2 * pad)
        height = 2 * pad + title_h + nrows * row_h + (nrows - 1) * spacing
        return width, height, fs, pad, spacing, handle_len, text_pad, row_h, nrows, col_w, \
            title_h

    def _position(self, width: float, height: float) -> tuple[float, float]:
        bx, by, bw, bh = self.axes.box
        gap = rcParams["legend.borderaxespad"] * self.axes.figure.points_to_pixels(self.fontsize)
        if self.bbox_to_anchor is not None:
            # the corner named by loc sits at the anchor point (axes fractions): with
            # loc="center left", bbox_to_anchor=(1, 0.5) the legend stands right of the axes
            fx, fy = _ANCHORS[self.loc or 10]
            ax_, ay_ = self.bbox_to_anchor
            return (bx + ax_ * bw - fx * width + (1 - 2 * fx) * gap,
                    by + ay_ * bh - fy * height + (1 - 2 * fy) * gap)
        loc = self.loc if self.loc != 0 else self._best(width, height, gap)
        fx, fy = _ANCHORS[loc]
        x = bx + gap + fx * (bw - width - 2 * gap)
        y = by + gap + fy * (bh - height - 2 * gap)
        return x, y

    def outside(self) -> tuple[float, float, float, float]:
        """Pixels the anchored legend reaches beyond the axes (left, right, bottom, top),
        for the layout; an anchor inside the axes needs none."""
        width, height = self._size()[:2]
        gap = rcParams["legend.borderaxespad"] * self.axes.figure.points_to_pixels(self.fontsize)
        fx, fy = _ANCHORS[self.loc or 10]
        ax_, ay_ = self.bbox_to_anchor
        return ((fx * width + gap) if ax_ <= 0 else 0.0,
                ((1 - fx) * width + gap) if ax_ >= 1 else 0.0,
                (fy * height + gap) if ay_ <= 0 else 0.0,
                ((1 - fy) * height + gap) if ay_ >= 1 else 0.0)

    def _best(self, width: float, height: float, gap: float) -> int:
        """The location whose box covers the fewest data points (matplotlib's 'best')."""
        ax = self.axes
        bx, by, bw, bh = ax.box
        pts = []
        for a in ax.artists:
            xy = a.data_points()
            if xy is None:
                continue
            if len(xy) > 2000:  # a subsample is enough to count coverage
                xy = xy[:: len(xy) // 2000 + 1]
            pts.append((xy, a.connects_points))
        if not pts:
            return 1
        fx, fy = [], []
        for xy, connected in pts:
            px, py = ax.transData.forward(xy).T
            if connected and 1 < len(xy) < 200:  # sparse lines: their segments count too
                t = np.linspace(0, 1, 16, endpoint=False)
                px = np.r_[(px[:-1, None] + np.diff(px)[:, None] * t).ravel(), px[-1:]]
                py = np.r_[(py[:-1, None] + np.diff(py)[:, None] * t).ravel(), py[-1:]]
            fx.append(px)
            fy.append(py)
        fx, fy = np.concatenate(fx), np.concatenate(fy)
        best, best_count = 1, None
        for loc in range(1, 11):
            ax_, ay_ = _ANCHORS[loc]
            x = bx + gap + ax_ * (bw - width - 2 * gap)
            y = by + gap + ay_ * (bh - height - 2 * gap)
            inside = (fx >= x) & (fx <= x + width) & (fy >= y) & (fy <= y + height)
            count = int(inside.sum())
            if best_count is None or count < best_count:
                best, best_count = loc, count
        return best

    def draw(self, ov) -> None:
        if not self.entries:
            return
        (width, height, fs, pad, spacing, handle_len, text_pad, row_h, nrows, col_w,
         title_h) = self._size()
        x, y = self._position(width, height)
        px = self.axes.figure.points_to_pixels
        if self.frameon:
            face = colors.to_rgba("white", self.framealpha)
            ov.rect(x, y, width, height, face, rcParams["legend.edgecolor"], px(0.8))
        top = y + height - pad
        if self.title:
            ov.text(self.title, x + width / 2, top, fs, ha="center", va="top")
            top -= title_h
        for i, (handle, label) in enumerate(self.entries):
            col, row = divmod(i, nrows)
            cx = x + pad + sum(col_w[:col]) + col * _COLUMN_SPACING * fs
            cy = top - row * (row_h + spacing) - row_h / 2
            _draw_handle(ov, handle, cx, cy, handle_len, fs, px)
            ov.text(label, cx + handle_len + text_pad, cy, fs, ha="left", va="center")


def _draw_handle(ov, handle, x: float, y: float, length: float, fs: float, px) -> None:
    """The handle as the artist declares it (``legend_handle``): a patch, a line, a
    marker on the line."""
    h = handle.legend_handle(fs)
    if h is None:
        return
    if h.patch is not None:
        face, edge = h.patch
        ov.rect(x, y - fs * 0.35, length, fs * 0.7, face, edge, px(0.8) if edge else 0)
        if h.hatch is not None:
            ov.hatch(x, y - fs * 0.35, length, fs * 0.7, *h.hatch)
    for points, rgba, width, dashes in h.strokes:
        u, dx, dy = np.asarray(points, dtype=float).T
        ov.line(np.c_[x + u * length + dx, y + dy], rgba, width, dashes)
    if h.line is not None:
        rgba, width, dashes = h.line
        ov.line([(x, y), (x + length, y)], rgba, width, dashes)
    if h.marker is not None:
        symbol, size, face, edge, edge_w = h.marker
        ov.marker(x + length / 2, y + h.marker_dy, symbol, size, face, edge, edge_w)


def _handles_and_labels(ax, args, kwargs):
    handles = kwargs.pop("handles", None)
    labels = kwargs.pop("labels", None)
    if len(args) == 2:
        handles, labels = args
    elif len(args) == 1:
        labels = args[0]
    if handles is None:
        candidates = [h for a in ax.artists for h in a.legend_items()]
        for child in ax.children:
            candidates += [h for a in child.artists for h in a.legend_items()]
        if labels is not None:
            handles = candidates[: len(labels)]
        else:
            handles = [a for a in candidates if a.get_label()]
            labels = [a.get_label() for a in handles]
    elif labels is None:
        labels = [h.get_label() for h in handles]
    return list(handles), list(labels)


class WholeFigure:
    """What a figure legend needs of an "axes": every artist of the figure, the figure,
    and the figure's box (legends place themselves inside their axes' box)."""

    def __init__(self, figure) -> None:
        self.figure = figure
        self.children: list = []

    @property
    def artists(self) -> list:
        return [a for ax in self.figure.axes for a in ax.artists]

    @property
    def box(self) -> tuple[float, float, float, float]:
        w, h = self.figure.canvas.size
        return 0.0, 0.0, float(w), float(h)

