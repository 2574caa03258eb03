"""matplotlib's ``table``: a grid of cells (text in bordered, colored boxes) placed by
``loc`` inside or outside the axes, or in ``bbox`` (axes fractions).

Cells are laid out as matplotlib lays them out (row height from the font size, column
widths from ``colWidths``, the font shrunk until every text fits its cell) and drawn
in figure pixels with the axes' decorations, so a table below the axes is not clipped.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from . import text as textmod
from . import validate
from .artists import Artist
from .fonts import FontProperties
from .snapping import pixel_snap, snap_pixel
from .style import rcParams

_EDGES = "BRTL"
_EDGE_ALIASES = {"open": "", "closed": _EDGES, "horizontal": "BT", "vertical": "RL"}
_LOCS = {"best": 0, "upper right": 1, "upper left": 2, "lower left": 3, "lower right": 4,
         "center left": 5, "center right": 6, "lower center": 7, "upper center": 8,
         "center": 9, "top right": 10, "top left": 11, "bottom left": 12,
         "bottom right": 13, "right": 14, "left": 15, "top": 16, "bottom": 17}


class CellText:
    """A cell's text, with the Text accessors scripts use on ``cell.get_text()``."""

    def __init__(self, cell: Cell, text: str, loc: str) -> None:
        self._cell = cell
        self.text = str(text)
        self.ha = loc
        self.color = "black"
        self.fontsize = float(rcParams["font.size"])
        self.bold = False
        self.font: FontProperties | None = None  # set_fontproperties': family, file

    def get_text(self) -> str:
        return self.text

    def set_text(self, s) -> None:
        self.text = str(s)

    def set_color(self, c) -> None:
        colors.to_rgba(c, argname="color")
        self.color = c

    def get_fontsize(self) -> float:
        return self.fontsize

    def set_fontsize(self, size) -> None:
        self.fontsize = textmod.points(size)

    def set_fontweight(self, weight) -> None:
        self.bold = weight in ("bold", "heavy", "black", "semibold", "demibold") or (
            isinstance(weight, (int, float)) and weight >= 600)

    set_weight = set_fontweight
    set_size = set_fontsize

    def set_fontproperties(self, fp) -> None:
        """The text's font: matplotlib's FontProperties, a dict, a family name or a
        ``pathlib.Path`` of a font file (its size too, where it has one)."""
        font = FontProperties.coerce(fp)
        if font.size is not None:
            self.fontsize = font.size
        self.bold = font.face().bold
        self.font = font

    set_font = set_fontproperties

    def face(self) -> str | None:
        """The face drawing the text (a bundled face's name or a font file's path;
        None: DejaVu Sans, bold or not)."""
        if self.font is None:
            return None
        return FontProperties(family=self.font.family, style=self.font.style,
                              weight="bold" if self.bold else None,
                              fname=self.font.fname).face().name

    def set_horizontalalignment(self, ha: str) -> None:
        if ha not in ("left", "center", "right"):
            raise ValueError(f"ha: got {ha!r}, expected 'left', 'center' or 'right'")
        self.ha = ha

    set_ha = set_horizontalalignment

    def set(self, **kwargs) -> None:
        """Several text properties at once, each by its setter."""
        validate.set_by_setters(self, kwargs, "set_text_props")


class Cell:
    """One cell: a rectangle (axes fractions before placement) with text."""

    PAD = 0.1  # of the cell width, between the text and a left/right border

    def __init__(self, xy, width, height, *, edgecolor="k", facecolor="w", fill=True,
                 text="", loc="right", visible_edges="closed", fontproperties=None) -> None:
        if loc not in ("left", "center", "right"):
            raise ValueError(f"loc: got {loc!r}, expected 'left', 'center' or 'right'")
        if fontproperties is not None:
            raise TypeError("fontproperties: set the cell's font with set_fontsize or "
                            "set_text_props")
        self._x, self._y = float(xy[0]), float(xy[1])
        self._width, self._height = float(width), float(height)
        self.set_edgecolor(edgecolor)
        self.set_facecolor(facecolor)
        self._fill = bool(fill)
        self._linewidth = float(rcParams.get("patch.linewidth", 1.0))
        self._text = CellText(self, text, loc)
        self._visible = True
        self.visible_edges = visible_edges

    @property
    def visible_edges(self) -> str:
        return self._visible_edges

    @visible_edges.setter
    def visible_edges(self, value) -> None:
        if value is None:
            value = _EDGES
        elif value in _EDGE_ALIASES:
            value = _EDGE_ALIASES[value]
        elif any(e not in _EDGES for e in value):
            raise ValueError(f"edges: got {value!r}, expected one of "
                             f"{', '.join(_EDGE_ALIASES)} or letters of {_EDGES}")
        self._visible_edges = value

    def get_text(self) -> CellText:
        return self._text

    def set_text_props(self, **kwargs) -> None:
        self._text.set(**kwargs)

    def get_fontsize(self) -> float:
        return self._text.fontsize

    def set_fontsize(self, size) -> None:
        self._text.set_fontsize(size)

    def get_x(self) -> float:
        return self._x

    def get_y(self) -> float:
        return self._y

    def set_x(self, x) -> None:
        self._x = float(x)

    def set_y(self, y) -> None:
        self._y = float(y)

    def set_xy(self, xy) -> None:
        self._x, self._y = float(xy[0]), float(xy[1])

    def get_width(self) -> float:
        return self._width

    def get_height(self) -> float:
        return self._height

    def set_width(self, w) -> None:
        self._width = float(w)

    def set_height(self, h) -> None:
        self._height = float(h)

    def get_facecolor(self) -> tuple:
        return self._face

    def set_facecolor(self, c) -> None:
        self._face = colors.to_rgba(c, argname="facecolor")

    def get_edgecolor(self) -> tuple:
        return self._edge

    def set_edgecolor(self, c) -> None:
        self._edge = colors.to_rgba(c, argname="edgecolor")

    def set_linewidth(self, w) -> None:
        self._linewidth = float(w)

    def get_linewidth(self) -> float:
        return self._linewidth

    def set_visible(self, b: bool) -> None:
        self._visible = bool(b)

    def get_visible(self) -> bool:
        return self._visible

    def set_fill(self, b: bool) -> None:
        self._fill = bool(b)

    def set_alpha(self, a) -> None:
        self._face = colors.to_rgba(self._face, a)
        self._edge = colors.to_rgba(self._edge, a)

    def required_width(self, axes_px: float, px_per_point: float) -> float:
        """The width (axes fraction, the axes ``axes_px`` wide) the text needs with its
        padding."""
        size = self._text.fontsize * px_per_point
        w = textmod.measure(self._text.text, size, self._text.bold,
                            self._text.face())[0] / axes_px
        return w * (1.0 + 2.0 * self.PAD)


class Table(Artist):
    """A table of :class:`Cell` keyed by (row, col) (row 0 at the top; -1 is the row
    labels' column), as ``ax.table`` returns."""

    FONTSIZE = 10
    AXESPAD = 0.02
    zorder = 0.0

    def __init__(self, ax, loc=None, bbox=None, **kwargs) -> None:
        super().__init__(ax, None, kwargs.pop("zorder", None))
        if kwargs:
            raise TypeError(f"table: unexpected keyword arguments {sorted(kwargs)}")
        if loc is None:
            loc = "bottom"
        if isinstance(loc, str):
            if loc not in _LOCS:
                raise ValueError(f"loc: got {loc!r}, expected one of {', '.join(_LOCS)}")
            loc = _LOCS[loc]
        if loc not in range(len(_LOCS)):
            raise ValueError(f"loc: got {loc!r}, expected a location name or 0..17")
        self._loc = loc
        if bbox is not None and np.size(bbox) != 4:
            raise ValueError(f"bbox: got {bbox!r}, expected (left, bottom, width, height)")
        self._bbox = None if bbox is None else tuple(float(v) for v in
                                                     getattr(bbox, "bounds", bbox))
        # cell sizes are axes fractions (heights from the font size and the axes' height
        # when the table was made): a later layout scales them with the axes, as
        # matplotlib's (font_table: taller rows after tight_layout)
        self._cells: dict[tuple[int, int], Cell] = {}
        self._edges = "closed"
        self._auto_columns: list[int] = []
        self._auto_font = True

    # matplotlib's API
    @property
    def edges(self) -> str:
        return self._edges

    @edges.setter
    def edges(self, value) -> None:
        self._edges = value
        for c in self._cells.values():
            c.visible_edges = value

    def add_cell(self, row: int, col: int, *args, **kwargs) -> Cell:
        cell = Cell((0, 0), *args, visible_edges=self._edges, **kwargs)
        self[row, col] = cell
        return cell

    def __setitem__(self, position, cell: Cell) -> None:
        if not isinstance(cell, Cell):
            raise TypeError(f"cell: got {type(cell).__name__}, expected a Cell")
        try:
            row, col = position[0], position[1]
        except (TypeError, IndexError):
            raise KeyError(f"position: got {position!r}, expected (row, col)") from None
        self._cells[int(row), int(col)] = cell
        self._changed()

    def __getitem__(self, position) -> Cell:
        return self._cells[position]

    def get_celld(self) -> dict:
        """The cells by (row, col)."""
        return self._cells

    def get_children(self) -> list:
        return list(self._cells.values())

    def set_fontsize(self, size) -> None:
        for c in self._cells.values():
            c.set_fontsize(size)
        self._changed()

    def auto_set_font_size(self, value: bool = True) -> None:
        self._auto_font = bool(value)

    def auto_set_column_width(self, col) -> None:
        cols = np.atleast_1d(col)
        if cols.dtype.kind not in "iu":
            raise TypeError(f"col: got {col!r}, expected an int or ints")
        self._auto_columns.extend(int(c) for c in cols)

    def scale(self, xscale, yscale) -> None:
        for c in self._cells.values():
            c.set_width(c.get_width() * xscale)
            c.set_height(c.get_height() * yscale)

    def _approx_text_height(self) -> float:
        ax = self.axes
        h = max(ax.box[3], 1.0)
        return self.FONTSIZE / 72.0 * ax.figure.dpi / h * 1.2

    # layout (matplotlib's Table._update_positions), in axes fractions
    def _update_positions(self) -> None:
        ax = self.axes
        ppt = ax.figure.dpi / 72.0
        px_x = max(ax.box[2], 1.0)
        for col in self._auto_columns:
            cells = [c for (r, k), c in self._cells.items() if k == col]
            w = max((c.required_width(px_x, ppt) for c in cells), default=0.0)
            for c in cells:
                c.set_width(w)
        if self._auto_font and self._cells:
            fontsize = next(iter(self._cells.values())).get_fontsize()
            for (_, col), c in self._cells.items():
                if col in self._auto_columns:
                    continue
                size = c.get_fontsize()
                while size > 1 and c.required_width(px_x, ppt) > c.get_width():
                    size -= 1
                    c.set_fontsize(size)
                fontsize = min(fontsize, size)
            for c in self._cells.values():
                c.set_fontsize(fontsize)
        self._align()
        grid = [c for (r, k), c in self._cells.items() if r >= 0 and k >= 0]
        if not grid:
            return
        left = min(c.get_x() for c in grid)
        bottom = min(c.get_y() for c in grid)
        w = max(c.get_x() + c.get_width() for c in grid) - left
        h = max(c.get_y() + c.get_height() for c in grid) - bottom
        if self._bbox is not None:
            rl, rb, rw, rh = self._bbox
            self.scale(rw / w, rh / h)
            self._align()
            ox, oy = rl - left, rb - bottom
        else:
            ox, oy = self._loc_offset(self._loc, left, bottom, w, h)
        for c in self._cells.values():
            c.set_x(c.get_x() + ox)
            c.set_y(c.get_y() + oy)

    def _align(self) -> None:
        widths: dict[int, float] = {}
        heights: dict[int, float] = {}
        for (row, col), c in self._cells.items():
            heights[row] = max(heights.get(row, 0.0), c.get_height())
            widths[col] = max(widths.get(col, 0.0), c.get_width())
        lefts, x = {}, 0.0
        for col in sorted(widths):
            lefts[col] = x
            x += widths[col]
        bottoms, y = {}, 0.0
        for row in sorted(heights, reverse=True):
            bottoms[row] = y
            y += heights[row]
        for (row, col), c in self._cells.items():
            c.set_x(lefts[col])
            c.set_y(bottoms[row])

    def _loc_offset(self, loc, left, bottom, w, h) -> tuple[float, float]:
        (best, ur, ul, ll, lr, cl, cr, lc, uc, c, tr, tl, bl, br, r, lft, t,
         b) = range(len(_LOCS))
        pad = self.AXESPAD
        ox, oy = (0.5 - w / 2) - left, (0.5 - h / 2) - bottom
        if loc in (ul, ll, cl):
            ox = pad - left
        if loc in (best, ur, lr, r, cr):
            ox = 1 - (left + w + pad)
        if loc in (best, ur, ul, uc):
            oy = 1 - (bottom + h + pad)
        if loc in (ll, lr, lc):
            oy = pad - bottom
        if loc in (lc, uc, c):
            ox = (0.5 - w / 2) - left
        if loc in (cl, cr, c):
            oy = (0.5 - h / 2) - bottom
        if loc in (tl, bl, lft):
            ox = -(left + w)
        if loc in (tr, br, r):
            ox = 1.0 - left
        if loc in (tr, tl, t):
            oy = 1.0 - bottom
        if loc in (bl, br, b):
            oy = -(bottom + h)
        return ox, oy

    # drawing
    def draw_overlay(self, ov) -> None:
        """The cells in figure pixels: fills, visible edges, then texts."""
        if not self._visible or not self._cells:
            return
        ax = self.axes
        self._update_positions()
        fig = ax.figure
        for key in sorted(self._cells):
            cell = self._cells[key]
            if not cell.get_visible():
                continue
            (x0, y0), (x1, y1) = box = self._cell_pixels(cell)
            lw = fig.points_to_pixels(cell.get_linewidth())
            # a cell is a rectilinear patch: Agg snaps its corners to the pixel grid
            snap = pixel_snap(fig, lw if cell.get_edgecolor()[3] > 0 else 0.0)
            if snap is not None:
                offset, h = snap
                x0, x1 = (snap_pixel(v, offset) for v in (x0, x1))
                y0, y1 = (snap_pixel(v, offset, h) for v in (y0, y1))
            if cell._fill and cell.get_facecolor()[3] > 0:
                ov.rect(x0, y0, x1 - x0, y1 - y0, cell.get_facecolor())
            corners = {"B": [(x0, y0), (x1, y0)], "R": [(x1, y0), (x1, y1)],
                       "T": [(x1, y1), (x0, y1)], "L": [(x0, y1), (x0, y0)]}
            if lw > 0 and cell.get_edgecolor()[3] > 0:
                for e in cell.visible_edges:
                    ov.line(corners[e], cell.get_edgecolor(), lw)
            t = cell.get_text()
            xt, yt = _text_anchor(box, t.ha, cell.PAD)
            ov.text(t.text, xt, yt, fig.points_to_pixels(t.fontsize), t.color,
                    ha=t.ha, va="center", bold=t.bold, face=t.face())

    def _cell_pixels(self, cell: Cell) -> np.ndarray:
        """The cell's lower left and upper right corners in figure pixels."""
        x, y = cell.get_x(), cell.get_y()
        return self.axes.transAxes.forward(np.array(
            [[x, y], [x + cell.get_width(), y + cell.get_height()]]))

    def counts_in_layout(self) -> bool:
        """Whether layouts make room for the table: shown, as matplotlib's tight box
        counts a table (not clipped to the axes)."""
        return self._visible and bool(self._cells)

    def layout_room(self) -> list:
        """Where the table reaches beyond its axes' box: (px, py, reach) for the
        corners of its cells' extent, each anchored at the nearest point of the box
        with what lies beyond it in pixels, measured where the box is now (hidden cells
        and the edges' width as matplotlib's window extent of the cells: the one
        counted, the other not). matplotlib's tight layout measures the table once, so
        the part of it in axes fractions does not follow the new box either."""
        self._update_positions()
        corners = np.concatenate([self._cell_pixels(c) for c in self._cells.values()])
        bx, by, bw, bh = self.axes.box
        (x0, y0), (x1, y1) = corners.min(axis=0), corners.max(axis=0)
        ax0, ay0 = min(max(x0, bx), bx + bw), min(max(y0, by), by + bh)
        ax1, ay1 = min(max(x1, bx), bx + bw), min(max(y1, by), by + bh)
        return [(float(ax0), float(ay0), (float(ax0 - x0), 0.0, float(ay0 - y0), 0.0)),
                (float(ax1), float(ay1), (0.0, float(x1 - ax1), 0.0, float(y1 - ay1)))]

    def data_limits(self):
        return None


def _text_anchor(box: np.ndarray, ha: str, pad: float) -> tuple[float, float]:
    """Where a cell's text stands (figure pixels) in the cell's ``box`` (lower left and
    upper right corners): matplotlib's ``Cell._set_text_position``, from the cell's
    window extent as it is, not as Agg snaps the drawn rectangle (text centred in the
    snapped box sat up to half a pixel off matplotlib's)."""
    (x0, y0), (x1, y1) = box
    xt = {"center": (x0 + x1) / 2, "left": x0 + (x1 - x0) * pad,
          "right": x0 + (x1 - x0) * (1 - pad)}[ha]
    return float(xt), float((y0 + y1) / 2)


class TableMixin:
    """``table`` of Axes."""

    def table(self, cellText=None, cellColours=None, cellLoc: str = "right",  # noqa: N803
              colWidths=None, rowLabels=None, rowColours=None, rowLoc: str = "left",  # noqa: N803
              colLabels=None, colColours=None, colLoc: str = "center",  # noqa: N803
              loc: str = "bottom", bbox=None, edges: str = "closed", **kwargs) -> Table:
        """A table of ``cellText`` (rows of strings) and/or ``cellColours``, with
        optional row and column labels, at ``loc`` (default below the axes)."""
        if cellColours is None and cellText is None:
            raise ValueError("cellText and cellColours: got neither, expected at least one")
        if cellText is None:
            cellText = [[""] * len(cellColours[0])] * len(cellColours)  # noqa: N806
        if hasattr(cellText, "columns") and hasattr(cellText, "index"):  # a DataFrame
            if rowLabels is not None or colLabels is not None:
                raise ValueError("rowLabels, colLabels: a DataFrame brings its own")
            rowLabels, colLabels = list(cellText.index), list(cellText.columns)  # noqa: N806
            cellText = cellText.values  # noqa: N806
        rows = len(cellText)
        cols = len(cellText[0]) if rows else 0
        for i, row in enumerate(cellText):
            if len(row) != cols:
                raise ValueError(f"cellText: row {i} has {len(row)} columns, expected {cols}")
        if cellColours is not None:
            if len(cellColours) != rows or any(len(r) != cols for r in cellColours):
                raise ValueError(f"cellColours: expected {rows} rows of {cols} colors")
        else:
            cellColours = [["w"] * cols] * rows  # noqa: N806
        if colWidths is None:
            colWidths = [1.0 / cols] * cols  # noqa: N806
        elif len(colWidths) != cols:
            raise ValueError(f"colWidths: got {len(colWidths)} widths for {cols} columns")
        row_label_width = 0.0
        if rowLabels is None:
            if rowColours is not None:
                rowLabels = [""] * rows  # noqa: N806
                row_label_width = colWidths[0]
        elif rowColours is None:
            rowColours = ["w"] * rows  # noqa: N806
        if rowLabels is not None and len(rowLabels) != rows:
            raise ValueError(f"rowLabels: got {len(rowLabels)} labels for {rows} rows")
        offset = 1
        if colLabels is None:
            if colColours is not None:
                colLabels = [""] * cols  # noqa: N806
            else:
                offset = 0
        elif colColours is None:
            colColours = ["w"] * cols  # noqa: N806
        if colLabels is not None and len(colLabels) != cols:
            raise ValueError(f"colLabels: got {len(colLabels)} labels for {cols} columns")
        fontsize = kwargs.pop("fontsize", None)
        t = Table(self, loc, bbox, **kwargs)
        t.edges = edges
        height = t._approx_text_height()
        for r in range(rows):
            for c in range(cols):
                t.add_cell(r + offset, c, width=colWidths[c], height=height,
                           text=cellText[r][c], facecolor=cellColours[r][c], loc=cellLoc)
        if colLabels is not None:
            for c in range(cols):
                t.add_cell(0, c, width=colWidths[c], height=height, text=colLabels[c],
                           facecolor=colColours[c], loc=colLoc)
        if rowLabels is not None:
            for r in range(rows):
                t.add_cell(r + offset, -1, width=row_label_width or 1e-15, height=height,
                           text=rowLabels[r], facecolor=rowColours[r], loc=rowLoc)
            if row_label_width == 0:
                t.auto_set_column_width(-1)
        if fontsize is not None:
            t.set_fontsize(fontsize)
        self._add_artist(t)
        return t


__all__ = ["Cell", "Table", "TableMixin"]
