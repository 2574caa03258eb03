"""matplotlib's grid specifications: where subplots go in a figure.

``GridSpec(nrows, ncols, left=, right=, wspace=, width_ratios=, ...)`` divides the
figure (its subplot parameters, ``fig.subplotpars``, fill in what is not given);
``gs[0, :]`` is a :class:`SubplotSpec`; ``gs[1, 0].subgridspec(2, 2)`` or
``GridSpecFromSubplotSpec(2, 2, subplot_spec=gs[1, 0])`` divides one cell again.
The positions are matplotlib's (``get_grid_positions``), in figure fraction; layout
engines (``lumos.plot.layout``) may move the boxes to make room for decorations.
"""

from __future__ import annotations

import numpy as np

from .bbox import Bbox
from .style import rcParams

SUBPLOT_KEYS = ("left", "bottom", "right", "top", "wspace", "hspace")


class SubplotParams:
    """The figure's subplot parameters (``fig.subplotpars``): margins and spacing in
    figure fraction; defaults from ``rcParams["figure.subplot.*"]``."""

    def __init__(self, left=None, bottom=None, right=None, top=None, wspace=None,
                 hspace=None) -> None:
        for key in SUBPLOT_KEYS:
            setattr(self, key, float(rcParams[f"figure.subplot.{key}"]))
        self.update(left, bottom, right, top, wspace, hspace)

    def update(self, left=None, bottom=None, right=None, top=None, wspace=None,
               hspace=None) -> None:
        """Change the given parameters; left < right and bottom < top or a ValueError."""
        given = dict(left=left, bottom=bottom, right=right, top=top, wspace=wspace,
                     hspace=hspace)
        new = {k: float(v) if v is not None else getattr(self, k) for k, v in given.items()}
        for k, v in new.items():
            if not np.isfinite(v):
                raise ValueError(f"{k}: got {given[k]!r}, expected a finite number")
        if new["left"] >= new["right"]:
            raise ValueError(f"left: got {new['left']!r} with right {new['right']!r}, "
                             "expected left < right")
        if new["bottom"] >= new["top"]:
            raise ValueError(f"bottom: got {new['bottom']!r} with top {new['top']!r}, "
                             "expected bottom < top")
        for k, v in new.items():
            setattr(self, k, v)

    def copy(self) -> SubplotParams:
        return SubplotParams(**{k: getattr(self, k) for k in SUBPLOT_KEYS})

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={getattr(self, k):g}" for k in SUBPLOT_KEYS)
        return f"SubplotParams({inner})"


def _ratios(values, n: int, name: str) -> list[float]:
    if values is None:
        return [1.0] * n
    values = [float(v) for v in values]
    if len(values) != n:
        raise ValueError(f"{name}: got {len(values)} values, expected {n} (one per "
                         f"{'column' if name.startswith('width') else 'row'})")
    if not all(np.isfinite(v) and v >= 0 for v in values) or sum(values) <= 0:
        raise ValueError(f"{name}: got {values!r}, expected non-negative numbers, not all 0")
    return values


def _count(v, name: str) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
        raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
    return int(v)


class GridSpecBase:
    """What grids of both kinds share: geometry, ratios, cells and their positions."""

    def __init__(self, nrows: int, ncols: int, height_ratios=None, width_ratios=None) -> None:
        self._nrows, self._ncols = _count(nrows, "nrows"), _count(ncols, "ncols")
        self.set_height_ratios(height_ratios)
        self.set_width_ratios(width_ratios)

    nrows = property(lambda self: self._nrows, doc="The number of rows.")
    ncols = property(lambda self: self._ncols, doc="The number of columns.")

    def get_geometry(self) -> tuple[int, int]:
        """The number of rows and columns: (nrows, ncols)."""
        return self._nrows, self._ncols

    def set_width_ratios(self, width_ratios) -> None:
        """The relative widths of the columns (None: all equal)."""
        self._col_width_ratios = _ratios(width_ratios, self._ncols, "width_ratios")

    def get_width_ratios(self) -> list[float]:
        """The relative widths of the columns."""
        return list(self._col_width_ratios)

    def set_height_ratios(self, height_ratios) -> None:
        """The relative heights of the rows (None: all equal)."""
        self._row_height_ratios = _ratios(height_ratios, self._nrows, "height_ratios")

    def get_height_ratios(self) -> list[float]:
        """The relative heights of the rows."""
        return list(self._row_height_ratios)

    def get_subplot_params(self, figure=None) -> SubplotParams:
        raise NotImplementedError

    def get_grid_positions(self, fig) -> tuple[np.ndarray, ...]:
        """(bottoms, tops, lefts, rights) of the cells in figure fraction (matplotlib's
        formula: ``wspace``/``hspace`` are fractions of the mean cell width/height)."""
        p = self.get_subplot_params(fig)
        return grid_positions(p.left, p.bottom, p.right, p.top, p.wspace, p.hspace,
                              self._row_height_ratios, self._col_width_ratios)

    def new_subplotspec(self, loc, rowspan: int = 1, colspan: int = 1) -> SubplotSpec:
        """The block of ``rowspan`` × ``colspan`` cells from ``loc`` = (row, col)."""
        r, c = loc
        return self[r:r + rowspan, c:c + colspan]

    def __getitem__(self, key) -> SubplotSpec:
        """``gs[i, j]``, ``gs[0, :]``, ``gs[1:, -1]`` or a flat index ``gs[3]``."""
        nrows, ncols = self._nrows, self._ncols
        if isinstance(key, tuple):
            if len(key) != 2:
                raise ValueError(f"key: got {key!r}, expected gs[row, col]")
            rows = _span(key[0], nrows, "row")
            cols = _span(key[1], ncols, "col")
            return SubplotSpec(self, rows, cols)
        first, last = _span(key, nrows * ncols, "index")
        r0, c0 = divmod(first, ncols)
        r1, c1 = divmod(last - 1, ncols)
        # a flat slice across rows: the block its first and last cells bound (matplotlib)
        return SubplotSpec(self, (r0, r1 + 1), (min(c0, c1), max(c0, c1) + 1))

    def subplots(self, *, sharex=False, sharey=False, squeeze: bool = True,
                 subplot_kw: dict | None = None):
        """Every cell as an axes of the grid's figure (``fig.subplots`` on this grid)."""
        fig = getattr(self, "figure", None)
        if fig is None:
            raise ValueError("GridSpec.subplots() needs a grid made with a figure "
                             "(fig.add_gridspec or GridSpec(..., figure=fig))")
        return fig.subplots(self._nrows, self._ncols, sharex=sharex, sharey=sharey,
                            squeeze=squeeze, subplot_kw=subplot_kw, gridspec=self)


def grid_positions(left, bottom, right, top, wspace, hspace, height_ratios, width_ratios):
    """matplotlib's cell positions for these parameters: (bottoms, tops, lefts, rights)."""
    nrows, ncols = len(height_ratios), len(width_ratios)
    cell_h = (top - bottom) / (nrows + hspace * (nrows - 1))
    norm = cell_h * nrows / sum(height_ratios)
    heights = np.asarray(height_ratios, float) * norm
    seps = np.r_[0.0, np.full(nrows - 1, hspace * cell_h)]
    hs = np.cumsum(np.column_stack([seps, heights]).ravel())
    cell_w = (right - left) / (ncols + wspace * (ncols - 1))
    norm = cell_w * ncols / sum(width_ratios)
    widths = np.asarray(width_ratios, float) * norm
    seps = np.r_[0.0, np.full(ncols - 1, wspace * cell_w)]
    ws = np.cumsum(np.column_stack([seps, widths]).ravel())
    tops, bottoms = (top - hs).reshape(-1, 2).T
    lefts, rights = (left + ws).reshape(-1, 2).T
    return bottoms, tops, lefts, rights


def _span(key, n: int, name: str) -> tuple[int, int]:
    """(start, stop) of an index or slice along ``n`` cells."""
    if isinstance(key, slice):
        start, stop, step = key.indices(n)
        if step != 1 or stop <= start:
            raise IndexError(f"{name}: got {key!r}, expected a non-empty slice with step 1")
        return start, stop
    if isinstance(key, bool) or not isinstance(key, (int, np.integer)):
        raise TypeError(f"{name}: got {key!r}, expected an integer or a slice")
    i = int(key) + (n if key < 0 else 0)
    if not 0 <= i < n:
        raise IndexError(f"{name}: got {key!r}, expected -{n}..{n - 1}")
    return i, i + 1


class GridSpec(GridSpecBase):
    """A grid of ``nrows`` × ``ncols`` cells in a figure: ``left``, ``right``,
    ``bottom``, ``top`` (figure fraction), ``wspace``, ``hspace`` (fractions of the
    mean cell width/height) override the figure's subplot parameters; ``width_ratios``
    and ``height_ratios`` size the columns and rows."""

    def __init__(self, nrows: int, ncols: int, figure=None, left=None, bottom=None,
                 right=None, top=None, wspace=None, hspace=None, width_ratios=None,
                 height_ratios=None) -> None:
        super().__init__(nrows, ncols, height_ratios=height_ratios, width_ratios=width_ratios)
        self.figure = figure
        self.left = self.bottom = self.right = self.top = self.wspace = self.hspace = None
        self.update(left=left, bottom=bottom, right=right, top=top, wspace=wspace,
                    hspace=hspace)

    def update(self, **kwargs) -> None:
        """Set ``left``, ``bottom``, ``right``, ``top``, ``wspace`` or ``hspace``; the
        figure's axes on this grid move to their new cells (matplotlib's)."""
        unknown = sorted(set(kwargs) - set(SUBPLOT_KEYS))
        if unknown:
            raise TypeError(f"GridSpec.update: unexpected keyword arguments {unknown}")
        for k, v in kwargs.items():
            if v is not None and not np.isfinite(float(v)):
                raise ValueError(f"{k}: got {v!r}, expected a finite number or None")
            setattr(self, k, None if v is None else float(v))
        if self.figure is not None:
            self.figure.reposition_subplots(self)

    def tight_layout(self, figure, renderer=None, pad: float = 1.08, h_pad=None, w_pad=None,
                     rect=None) -> None:
        """matplotlib's ``GridSpec.tight_layout``: this grid's ``left``, ``right``,
        ``bottom``, ``top``, ``wspace`` and ``hspace`` that leave the decorations of its
        axes in ``figure`` ``pad`` font sizes of room, within ``rect`` (left, bottom,
        right, top in figure fractions; a None entry: as the decorations need)."""
        from .layout import tight_subplot_params

        if renderer is not None:
            raise TypeError("renderer: lumos measures the figure itself; got "
                            f"{renderer!r}, expected None")
        # one pass, as matplotlib's (and Figure.tight_layout): the decorations measured
        # where the axes are now; a second pass, with the tick labels of the new boxes,
        # lands elsewhere (tight_layout_guide: 9 px further right)
        figure.draw()
        kwargs = tight_subplot_params(figure, pad=pad, h_pad=h_pad, w_pad=w_pad,
                                      rect=(0, 0, 1, 1) if rect is None else rect,
                                      gridspec=self)
        if kwargs:
            self.update(**kwargs)
            figure.reposition_subplots()

    def grow(self, nrows: int, ncols: int) -> None:
        """At least ``nrows`` × ``ncols`` cells (lumos's ``fig.subplot(row, col)`` grid
        grows as cells are asked for); new rows and columns get ratio 1."""
        self._row_height_ratios += [1.0] * max(nrows - self._nrows, 0)
        self._col_width_ratios += [1.0] * max(ncols - self._ncols, 0)
        self._nrows, self._ncols = max(self._nrows, nrows), max(self._ncols, ncols)

    def locally_modified_subplot_params(self) -> list[str]:
        """The subplot parameters this grid sets itself."""
        return [k for k in SUBPLOT_KEYS if getattr(self, k) is not None]

    def get_subplot_params(self, figure=None) -> SubplotParams:
        """The figure's subplot parameters (rcParams without one) with this grid's own."""
        figure = figure if figure is not None else self.figure
        base = figure.subplotpars.copy() if figure is not None else SubplotParams()
        base.update(**{k: getattr(self, k) for k in SUBPLOT_KEYS})
        return base

    def __repr__(self) -> str:
        return f"GridSpec({self._nrows}, {self._ncols})"


class GridSpecFromSubplotSpec(GridSpecBase):
    """A grid inside one cell (``subplot_spec``) of another grid; ``wspace`` and
    ``hspace`` default to the figure's subplot parameters."""

    def __init__(self, nrows: int, ncols: int, subplot_spec: SubplotSpec, wspace=None,
                 hspace=None, height_ratios=None, width_ratios=None) -> None:
        if not isinstance(subplot_spec, SubplotSpec):
            raise TypeError(f"subplot_spec: got {type(subplot_spec).__name__}, expected a "
                            "SubplotSpec (gs[i, j])")
        self._wspace = None if wspace is None else float(wspace)
        self._hspace = None if hspace is None else float(hspace)
        self._subplot_spec = subplot_spec
        super().__init__(nrows, ncols, height_ratios=height_ratios, width_ratios=width_ratios)

    @property
    def figure(self):
        return self._subplot_spec.get_gridspec().figure

    wspace = property(lambda self: self._wspace)
    hspace = property(lambda self: self._hspace)

    def get_subplot_params(self, figure=None) -> SubplotParams:
        """The parent cell's extent, with this grid's spacing (else the figure's)."""
        figure = figure if figure is not None else self.figure
        pars = figure.subplotpars if figure is not None else SubplotParams()
        box = self._subplot_spec.get_position(figure)
        return SubplotParams(left=box.x0, right=box.x1, bottom=box.y0, top=box.y1,
                             wspace=pars.wspace if self._wspace is None else self._wspace,
                             hspace=pars.hspace if self._hspace is None else self._hspace)

    def get_topmost_subplotspec(self) -> SubplotSpec:
        return self._subplot_spec.get_topmost_subplotspec()

    def __repr__(self) -> str:
        return f"GridSpecFromSubplotSpec({self._nrows}, {self._ncols})"


class SubplotSpec:
    """A cell, or a block of cells, of a grid: rows ``rowspan`` × columns ``colspan``."""

    def __init__(self, gridspec: GridSpecBase, rows: tuple[int, int],
                 cols: tuple[int, int]) -> None:
        self._gridspec = gridspec
        self._rows = (int(rows[0]), int(rows[1]))
        self._cols = (int(cols[0]), int(cols[1]))

    def get_gridspec(self) -> GridSpecBase:
        return self._gridspec

    @property
    def rowspan(self) -> range:
        return range(*self._rows)

    @property
    def colspan(self) -> range:
        return range(*self._cols)

    @property
    def num1(self) -> int:
        return self._rows[0] * self._gridspec.ncols + self._cols[0]

    @property
    def num2(self) -> int:
        return (self._rows[1] - 1) * self._gridspec.ncols + self._cols[1] - 1

    def get_geometry(self) -> tuple[int, int, int, int]:
        return (*self._gridspec.get_geometry(), self.num1, self.num2)

    def is_first_row(self) -> bool:
        return self._rows[0] == 0

    def is_last_row(self) -> bool:
        return self._rows[1] == self._gridspec.nrows

    def is_first_col(self) -> bool:
        return self._cols[0] == 0

    def is_last_col(self) -> bool:
        return self._cols[1] == self._gridspec.ncols

    def get_position(self, figure) -> Bbox:
        """The block's box in figure fraction, from the figure's subplot parameters."""
        bottoms, tops, lefts, rights = self._gridspec.get_grid_positions(figure)
        r, c = slice(*self._rows), slice(*self._cols)
        return Bbox.from_extents(lefts[c].min(), bottoms[r].min(), rights[c].max(),
                                 tops[r].max())

    def get_topmost_subplotspec(self) -> SubplotSpec:
        """The block of a top-level grid this one lies in (itself in a top-level grid,
        which has no ``get_topmost_subplotspec``, as matplotlib's: its code asks
        ``hasattr``)."""
        if isinstance(self._gridspec, GridSpecFromSubplotSpec):
            return self._gridspec.get_topmost_subplotspec()
        return self

    def subgridspec(self, nrows: int, ncols: int, **kwargs) -> GridSpecFromSubplotSpec:
        """A grid inside this block (``wspace``, ``hspace``, ``width_ratios``,
        ``height_ratios``)."""
        return GridSpecFromSubplotSpec(nrows, ncols, self, **kwargs)

    def __eq__(self, other) -> bool:
        return (isinstance(other, SubplotSpec) and other._gridspec is self._gridspec and
                other._rows == self._rows and other._cols == self._cols)

    def __hash__(self) -> int:
        return hash((id(self._gridspec), self._rows, self._cols))

    def __repr__(self) -> str:
        return (f"{self._gridspec!r}[{self._rows[0]}:{self._rows[1]}, "
                f"{self._cols[0]}:{self._cols[1]}]")


def from_matplotlib(spec, figure, cache: dict) -> SubplotSpec:
    """A lumos SubplotSpec for one of matplotlib's (its grid, spacing and ratios);
    ``cache`` maps matplotlib grids to lumos grids so cells of one grid share it."""
    mgs = spec.get_gridspec()
    gs = cache.get(id(mgs))
    if gs is None:
        nrows, ncols = mgs.get_geometry()
        ratios = dict(height_ratios=mgs.get_height_ratios(), width_ratios=mgs.get_width_ratios())
        parent = getattr(mgs, "_subplot_spec", None)
        if parent is not None:
            gs = GridSpecFromSubplotSpec(nrows, ncols, from_matplotlib(parent, figure, cache),
                                         wspace=getattr(mgs, "_wspace", None),
                                         hspace=getattr(mgs, "_hspace", None), **ratios)
        else:
            gs = GridSpec(nrows, ncols, figure=figure, **ratios,
                          **{k: getattr(mgs, k, None) for k in SUBPLOT_KEYS})
            _lay_out_twin(mgs, gs)
        cache[id(mgs)] = gs
        cache[("keep", id(mgs))] = mgs  # the id stays valid while the figure lives
    rows, cols = spec.rowspan, spec.colspan
    return SubplotSpec(gs, (rows.start, rows.stop), (cols.start, cols.stop))


def _lay_out_twin(mgs, gs: GridSpec) -> None:
    """matplotlib's ``GridSpec.tight_layout(fig)`` called with the lumos figure whose
    cells came from it lays out lumos's twin grid ``gs`` (matplotlib's own method needs
    a matplotlib renderer); with any other figure it is matplotlib's, as before."""
    own = mgs.tight_layout

    def tight_layout(figure, *args, **kwargs):
        if figure is gs.figure:
            return gs.tight_layout(figure, *args, **kwargs)
        return own(figure, *args, **kwargs)

    mgs.tight_layout = tight_layout
