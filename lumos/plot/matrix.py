"""Matrices and fast pseudocolor: ``matshow``, ``spy`` and ``pcolorfast``, as matplotlib
draws them (matrix ticks on top, integer tick steps, row 0 at the top)."""

from __future__ import annotations

import numpy as np

from .. import colors
from . import bigdata
from .artists import accepts_rasterized
from .plot_args import check_choice


def _matrix_ticks(ax, top: bool = True) -> None:
    """The x labels on top (at the bottom: ``top=False``, spy with origin 'lower'), x
    ticks on both sides, integer nice steps for both (matplotlib's matshow/spy)."""
    from . import ticker

    ax.xaxis.tick_top() if top else ax.xaxis.tick_bottom()
    ax.xaxis.set_ticks_position("both")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(ticker.MaxNLocator(nbins=9, steps=[1, 2, 5, 10],
                                                  integer=True))


def _is_sparse(z) -> bool:
    return hasattr(z, "tocoo") and hasattr(z, "shape") and not isinstance(z, np.ndarray)


class MatrixMixin:
    """``matshow``, ``spy`` and ``pcolorfast`` of Axes."""

    @accepts_rasterized
    def matshow(self, Z, **kwargs):  # noqa: N803
        """A 2-D array as an image with row 0 at the top, square pixels and the x ticks
        on top, as matplotlib shows matrices."""
        z = Z if bigdata.is_lazy_input(Z) else np.asanyarray(Z)  # imshow reads lazy data
        kw = {"origin": "upper", "interpolation": "nearest", "aspect": "equal", **kwargs}
        im = self.imshow(z, **kw)
        _matrix_ticks(self)
        return im

    @accepts_rasterized
    def spy(self, Z, precision=0, marker=None, markersize=None, aspect="equal",  # noqa: N803
            origin: str = "upper", **kwargs):
        """The nonzero pattern of a 2-D array (or a scipy sparse matrix): an image of
        black cells (the default), or markers when ``marker``/``markersize`` is given.
        ``precision`` counts values with ``|z| <= precision`` as zero
        ('present': sparse entries stored, even zeros)."""
        check_choice(origin, "origin", ("upper", "lower"))
        sparse = _is_sparse(Z)
        if marker is None and markersize is None and sparse:
            marker = "s"
        if marker is None and markersize is None:
            if sparse:
                raise TypeError("Z: sparse matrices are shown with markers")
            z = np.asarray(Z)
            if z.ndim != 2:
                raise ValueError(f"Z: got shape {z.shape}, expected a 2-D array")
            if isinstance(precision, str):
                raise ValueError("precision: 'present' needs a sparse matrix")
            mask = np.abs(z) > precision
            if "cmap" in kwargs:
                raise TypeError("spy: got an unexpected keyword argument 'cmap'")
            cmap = colors.Colormap.from_list("spy", ["w", "k"], 2)
            im = self.imshow(mask.astype(float), cmap=cmap, vmin=0, vmax=1,
                             interpolation="nearest", aspect=aspect, origin=origin,
                             **kwargs)
            _matrix_ticks(self, origin == "upper")
            return im
        if sparse:
            c = Z.tocoo()
            if isinstance(precision, str) and precision == "present":
                y, x = c.row, c.col
            else:
                keep = np.abs(c.data) > precision
                y, x = c.row[keep], c.col[keep]
            nr, nc = Z.shape
        else:
            z = np.asarray(Z)
            if z.ndim != 2:
                raise ValueError(f"Z: got shape {z.shape}, expected a 2-D array")
            y, x = np.nonzero(np.abs(z) > precision)
            nr, nc = z.shape
        marker = "s" if marker is None else marker
        markersize = 10 if markersize is None else markersize
        if "linestyle" in kwargs or "ls" in kwargs:
            raise TypeError("spy: got an unexpected keyword argument 'linestyle'")
        (line,) = self.plot(x, y, linestyle="None", marker=marker, markersize=markersize,
                            **kwargs)
        self.set_xlim(-0.5, nc - 0.5)
        if origin == "upper":
            self.set_ylim(nr - 0.5, -0.5)
        else:
            self.set_ylim(-0.5, nr - 0.5)
        self.set_aspect(aspect)
        _matrix_ticks(self, origin == "upper")
        return line

    @accepts_rasterized
    def pcolorfast(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None,
                   **kwargs):
        """A colored grid drawn the fastest way: an image when the cells are uniform
        (``pcolorfast(C)``, ``pcolorfast((x0, x1), (y0, y1), C)`` or evenly spaced 1-D
        edges), else a mesh. C[0] is the bottom row."""
        if len(args) == 1:
            c = np.asanyarray(args[0])
            x = y = None
        elif len(args) == 3:
            x, y, c = args
            c = np.asanyarray(c)
        else:
            raise TypeError(f"pcolorfast: got {len(args)} positional arguments, expected "
                            "(C) or (X, Y, C)")
        if c.ndim not in (2, 3):
            raise ValueError(f"C: got shape {c.shape}, expected (M, N) or (M, N, 3|4)")
        nr, nc = c.shape[:2]

        def edges(v, n, argument):
            if v is None:
                return np.array([0.0, n])
            a = np.asarray(v, dtype=float)
            if a.ndim == 1 and a.size == 2:
                return a
            if a.ndim == 1 and a.size == n + 1:
                d = np.diff(a)
                return a[[0, -1]] if np.allclose(d, d[0]) else a
            return None

        ex, ey = edges(x, nc, "X"), edges(y, nr, "Y")
        if ex is not None and ey is not None and len(ex) == 2 and len(ey) == 2:
            return self.imshow(c, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax, alpha=alpha,
                               origin="lower", extent=(ex[0], ex[1], ey[0], ey[1]),
                               interpolation="nearest", aspect="auto", **kwargs)
        if c.ndim == 3:
            raise ValueError("C: RGB(A) values need evenly spaced X and Y")

        def full(v, e, n):  # every edge, for the mesh
            if v is not None and np.ndim(v) == 2:
                return np.asarray(v, dtype=float)
            return np.linspace(e[0], e[-1], n + 1) if len(e) == 2 else e

        xs = full(x, np.array([0.0, nc]) if ex is None and x is None else
                  (ex if ex is not None else np.asarray(x, dtype=float)), nc)
        ys = full(y, np.array([0.0, nr]) if ey is None and y is None else
                  (ey if ey is not None else np.asarray(y, dtype=float)), nr)
        return self.pcolormesh(xs, ys, c, alpha=alpha, norm=norm, cmap=cmap, vmin=vmin,
                               vmax=vmax, shading="flat", **kwargs)


__all__ = ["MatrixMixin"]
