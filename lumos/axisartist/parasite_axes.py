"""axisartist's ``parasite_axes``: :class:`HostAxes` (``SubplotHost``), axes_grid1's
host (``twinx``, ``twiny``, ``twin``) with axisartist's ``ax.axis`` sides, and
``get_aux_axes`` for a parasite sharing the host's x and/or y."""

from __future__ import annotations

from ..axes_grid1 import parasite_axes as _grid1
from .aux_trans import AuxTransAxes
from .axislines import Axes

__all__ = ["HostAxes", "SubplotHost"]


class HostAxes(Axes, _grid1.HostAxes):
    """axisartist's ``HostAxes``: parasites made by ``twinx``/``twiny``/``get_aux_axes``
    are axisartist axes showing only the side they add (matplotlib's rule)."""

    def twinx(self, axes_class=None) -> Axes:
        """A parasite sharing x: its "right" side shown, the host's hidden."""
        return self._shown(_grid1.HostAxes.twinx(self, axes_class), "right")

    def twiny(self, axes_class=None) -> Axes:
        """A parasite sharing y: its "top" side shown, the host's hidden."""
        return self._shown(_grid1.HostAxes.twiny(self, axes_class), "top")

    def twin(self, aux_trans=None, axes_class=None) -> Axes:
        """axes_grid1's ``twin`` (top and right sides from the parasite)."""
        if axes_class is not None:
            raise TypeError(f"axes_class: got {axes_class!r}; lumos's parasites are "
                            "lumos.axisartist axes (pass None)")
        par = _grid1.HostAxes.twin(self, aux_trans)
        self._shown(par, "right", "top")
        par.axis["right", "top"].toggle(all=True)
        return par

    def _shown(self, par: Axes, *sides: str) -> Axes:
        for side in ("bottom", "top", "left", "right"):
            par.axis[side].set_visible(side in sides)
            if side in sides:
                self.axis[side].set_visible(False)
        return par

    def get_aux_axes(self, tr=None, viewlim_mode: str | None = "equal", axes_class=None,
                     **kwargs) -> Axes:
        """A parasite in the host's box with every side hidden (show one with
        ``par.axis["right"].set_visible(True)``): ``viewlim_mode=None`` with
        ``sharex=host`` or ``sharey=host`` shares that axis, the other its own;
        "equal" shares both. With ``tr`` (a matplotlib Transform from the parasite's
        data to the host's) an :class:`~.aux_trans.AuxTransAxes` drawing on the host."""
        if axes_class is not None:
            raise TypeError(f"axes_class: got {axes_class!r}; lumos's parasites are "
                            "lumos.axisartist axes (pass None)")
        sharex, sharey = kwargs.pop("sharex", None), kwargs.pop("sharey", None)
        if kwargs:
            raise TypeError(f"get_aux_axes: unexpected keyword arguments {sorted(kwargs)}")
        if tr is not None:
            if viewlim_mode != "equal" or sharex is not None or sharey is not None:
                raise NotImplementedError(
                    "get_aux_axes(tr): lumos's aux axes with a transform share the host's "
                    "view (viewlim_mode='equal', no sharex/sharey)")
            return AuxTransAxes(self, tr)
        for name, value in (("sharex", sharex), ("sharey", sharey)):
            if value is not None and value is not self:
                raise NotImplementedError(f"{name}: lumos's parasites share the host's "
                                          "axes only (sharex=host)")
        if viewlim_mode == "equal":
            sharex = sharey = self
        elif viewlim_mode is not None:
            raise NotImplementedError(f"viewlim_mode: got {viewlim_mode!r}; lumos's "
                                      "parasites take 'equal' or None")
        par = self.twin_axes(sharex=sharex is self, sharey=sharey is self)
        par.share_lines_cycle(self)
        return self._shown(par)


HostAxes.twin_class = Axes
Axes.host_class = HostAxes  # host_subplot(axes_class=axisartist.Axes) makes one
SubplotHost = HostAxes
