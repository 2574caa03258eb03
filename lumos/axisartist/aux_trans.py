"""``host.get_aux_axes(tr)``: :class:`AuxTransAxes`, a parasite whose data are in the
coordinates that ``tr`` (a matplotlib ``Transform``, as axisartist takes) maps to the
host's data coordinates (a curvilinear grid's lon, lat). Its artists are the host's,
made from the data passed through ``tr`` point by point: a line's or a cell's straight
sides join the transformed points, as matplotlib draws a path through a non-affine
transform.

>>> aux = host.get_aux_axes(Affine2D().scale(np.pi / 180, 1) + PolarAxes.PolarTransform())
>>> aux.plot(np.linspace(0, 30, 51), np.full(51, 10.0))   # an arc of radius 10
"""

from __future__ import annotations

import numpy as np

__all__ = ["AuxTransAxes"]

#: what an AuxTransAxes draws
_DRAWS = ("plot", "scatter", "bar", "pcolor", "pcolormesh", "contour", "contourf")


class AuxTransAxes:
    """A parasite of ``host`` whose data ``tr`` maps to the host's data coordinates;
    ``plot``, ``scatter``, ``bar``, ``pcolor``, ``pcolormesh``, ``contour`` and
    ``contourf``
    draw on the host, the others raise NotImplementedError naming themselves."""

    def __init__(self, host, tr) -> None:
        if not callable(getattr(tr, "transform", None)):
            raise TypeError(f"tr: got {type(tr).__name__}, expected a matplotlib Transform")
        self.host, self.transAux = host, tr
        #: None (no patch of its own: its artists clip to the host's box), or the host's
        #: patch (``aux.patch = ax.patch``, as axisartist's scripts do): they clip to
        #: the host's outline, a floating axes' curved boundary
        self.patch = None

    def _clipped(self, made):
        """``made`` (an artist or a list), clipped to the host's outline when this aux
        axes took the host's patch and the host has one (``boundary_path``)."""
        outline = getattr(self.host, "boundary_path", None)
        if outline is None or self.patch is None or self.patch is not self.host.patch:
            return made
        path = outline()
        for artist in made if isinstance(made, list) else [made]:
            artist.set_clip_path(path, self.host.transData)
        return made

    def to_host(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Host data coordinates of points (x, y) (arrays of one shape)."""
        x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
        pts = np.asarray(self.transAux.transform(np.column_stack([x.ravel(), y.ravel()])),
                         dtype=float)
        return pts[:, 0].reshape(x.shape), pts[:, 1].reshape(x.shape)

    def plot(self, x, y, *args, **kwargs) -> list:
        """One line, ``plot(x, y[, fmt], **kwargs)``, through ``tr``."""
        if len(args) > 1 or (args and not isinstance(args[0], str)):
            raise NotImplementedError("plot: lumos's aux axes take one x, y pair (and a "
                                      "format string)")
        return self._clipped(self.host.plot(*self.to_host(x, y), *args, **kwargs))

    def scatter(self, x, y, *args, **kwargs):
        """Markers at (x, y) through ``tr``."""
        return self._clipped(self.host.scatter(*self.to_host(x, y), *args, **kwargs))

    def bar(self, x, height, width=0.8, bottom=None, *, align: str = "center",
            color=None, **kwargs) -> list:
        """Bars from ``bottom`` up by ``height`` (aux coordinates), their corners
        through ``tr``: one polygon each, the patches' next color unless ``color``."""
        if align not in ("center", "edge"):
            raise ValueError(f"align: got {align!r}, expected 'center' or 'edge'")
        x, height, width, bottom = np.broadcast_arrays(
            *(np.asarray(v, dtype=float) for v in (x, height, width,
                                                    0.0 if bottom is None else bottom)))
        left = x - width / 2 if align == "center" else x
        bars = []
        for l0, w, b, h in zip(left.ravel(), width.ravel(), bottom.ravel(),
                               height.ravel(), strict=True):
            xs, ys = self.to_host([l0, l0 + w, l0 + w, l0], [b, b, b + h, b + h])
            # the first bar takes the patches' next color (fill's), the others its
            face = {} if color is None and not bars else \
                {"facecolor": bars[0].get_facecolor() if color is None else color}
            bars += self.host.fill(xs, ys, **face, **kwargs)
        return self._clipped(bars)

    def _grid(self, name: str, args: tuple) -> tuple:
        if len(args) < 3:
            raise TypeError(f"{name}: lumos's aux axes take X, Y, C (got "
                            f"{len(args)} positional arguments)")
        x, y, rest = np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float), \
            args[2:]
        if x.ndim == 1 and y.ndim == 1:
            x, y = np.meshgrid(x, y)
        return (*self.to_host(x, y), *rest)

    def pcolor(self, *args, **kwargs):
        """Cells with corners X, Y (1-D or 2-D) through ``tr``, colored by C."""
        return self._clipped(self.host.pcolor(*self._grid("pcolor", args), **kwargs))

    def pcolormesh(self, *args, **kwargs):
        """As :meth:`pcolor`."""
        return self._clipped(self.host.pcolormesh(*self._grid("pcolormesh", args),
                                                  **kwargs))

    def contour(self, *args, **kwargs):
        """Contour lines of Z over the grid X, Y passed through ``tr``."""
        return self._clipped(self.host.contour(*self._grid("contour", args), **kwargs))

    def contourf(self, *args, **kwargs):
        """Filled contours of Z over the grid X, Y passed through ``tr``."""
        return self._clipped(self.host.contourf(*self._grid("contourf", args), **kwargs))

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"get_aux_axes(tr).{name}: lumos's aux axes draw "
                                  f"{', '.join(_DRAWS)} through tr")
