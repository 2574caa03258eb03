"""axes_grid1's ``parasite_axes`` on lumos axes: ``host_subplot`` / ``host_axes`` (or
``fig.add_subplot(axes_class=HostAxes)``) make a host whose ``twinx``, ``twiny`` and
``twin`` make parasite axes in the same box, and whose ``legend`` lists the parasites'
labelled artists too, as matplotlib's ``HostAxes``.

>>> host = host_subplot(111)
>>> par = host.twinx()
>>> host.plot(x, y1, label="a"); par.plot(x, y2, label="b"); host.legend()
"""

from __future__ import annotations

import numpy as np

from ..plot.frontends import current_figure
from ..plot.projections import toolkit_class
from . import GridAxes

__all__ = ["HostAxes", "host_axes", "host_subplot"]


def _separable(aux_trans) -> tuple[np.ndarray, np.ndarray]:
    """(scale, offset) per axis of ``twin``'s transform: an affine one that maps x and y
    each on its own (scales and offsets, no rotation or skew)."""
    if not hasattr(aux_trans, "get_matrix"):
        raise TypeError(f"aux_trans: got {type(aux_trans).__name__}, expected an affine "
                        "transform (Affine2D) or None")
    m = np.asarray(aux_trans.get_matrix(), float)
    if m.shape != (3, 3) or m[0, 1] != 0 or m[1, 0] != 0 or not np.all(np.diag(m)[:2]):
        raise ValueError(f"aux_trans: got the matrix {m.tolist()}, expected one scaling "
                         "and offsetting x and y each (no rotation or skew, no zero scale)")
    return np.diag(m)[:2], m[:2, 2]


class HostAxes(GridAxes):
    """matplotlib's axes_grid1 ``HostAxes``: lumos axes with ``ax.axis["left"]`` sides,
    and parasites from ``twinx``/``twiny``/``twin`` drawing their lines in the next
    colors of its cycle (its legend lists theirs too, as every lumos axes' does)."""

    def twinx(self, axes_class=None) -> GridAxes:
        """A parasite sharing x, its y axis on the right."""
        return self._parasite(GridAxes.twinx(self), axes_class)

    def twiny(self, axes_class=None) -> GridAxes:
        """A parasite sharing y, its x axis on top."""
        return self._parasite(GridAxes.twiny(self), axes_class)

    def _parasite(self, par, axes_class) -> GridAxes:
        if axes_class is not None:
            raise TypeError(f"axes_class: got {axes_class!r}; lumos's parasites are "
                            "lumos.axes_grid1 axes (pass None)")
        par.share_lines_cycle(self)
        return par

    def twin(self, aux_trans=None) -> GridAxes:
        """A parasite showing the top and right sides, with tickers of its own: the same
        data as this axes (``aux_trans`` None), or data that ``aux_trans`` (an affine
        transform scaling and offsetting x and y) maps to this axes' data; this axes
        keeps the bottom and left."""
        scale, offset = (np.ones(2), np.zeros(2)) if aux_trans is None \
            else _separable(aux_trans)
        adjustable = self.get_adjustable()  # twinx's datalim is not axes_grid1's
        par = self._parasite(self.twin_axes(), None)
        self.set_adjustable(adjustable)
        # in this axes' box as drawn (an aspect may shrink it), as matplotlib's parasites
        par.set_axes_locator(lambda _ax, _renderer: self.get_position())
        par.xaxis.tick_top()
        par.xaxis.set_label_position("top")
        par.yaxis.tick_right()
        par.yaxis.set_label_position("right")
        for name, k in (("x", 0), ("y", 1)):  # limits followed, tickers its own
            self._follow(par, name, scale[k], offset[k])
        return par

    def _follow(self, par, name: str, scale: float, offset: float) -> None:
        """Keep ``par``'s ``name`` limits this axes' mapped back through the transform."""
        get, put = getattr(self, f"get_{name}lim"), getattr(par, f"set_{name}lim")

        def update(_ax=None) -> None:
            put(*((np.asarray(get(), float) - offset) / scale))

        self.callbacks.connect(f"{name}lim_changed", update)
        update()


def host_subplot(*args, axes_class=None, figure=None, **kwargs) -> HostAxes:
    """``figure.add_subplot(*args)`` (pyplot's current figure when None) as a
    :class:`HostAxes` (or ``axes_class``, a subclass of it, or axisartist's ``Axes``,
    lumos's or matplotlib's: lumos.axisartist's HostAxes)."""
    fig = current_figure() if figure is None else figure
    return fig.add_subplot(*args, axes_class=_host_class(axes_class), **kwargs)


def host_axes(*args, axes_class=None, figure=None, **kwargs) -> HostAxes:
    """``figure.add_axes(*args)`` (pyplot's current figure when None) as a
    :class:`HostAxes` (or ``axes_class``, a subclass of it)."""
    fig = current_figure() if figure is None else figure
    return fig.add_axes(*args, axes_class=_host_class(axes_class), **kwargs)


def _host_class(axes_class) -> type:
    if axes_class is None:
        return HostAxes
    # matplotlib's axisartist.Axes (host_subplot(111, axes_class=axisartist.Axes)):
    # lumos.axisartist's, whose host class says which HostAxes hosts it
    axes_class = toolkit_class(axes_class)
    axes_class = getattr(axes_class, "host_class", None) or axes_class
    if not (isinstance(axes_class, type) and issubclass(axes_class, HostAxes)):
        raise TypeError(f"axes_class: got {axes_class!r}, expected None or a subclass of "
                        "lumos.axes_grid1.HostAxes")
    return axes_class
