"""matplotlib's ``Cursor`` and ``MultiCursor`` (see :mod:`lumos.plot.widgets`): lines
through the mouse position."""

from __future__ import annotations

from .widgets import AxesWidget, Widget


class Cursor(AxesWidget):
    """A horizontal and a vertical line following the mouse over ``ax``;
    ``lineprops`` style them (``color``, ``linewidth``, ...)."""

    def __init__(self, ax, *, horizOn: bool = True, vertOn: bool = True,  # noqa: N803
                 useblit: bool = False, **lineprops) -> None:
        super().__init__(ax)
        self.connect_event("motion_notify_event", self.onmove)
        self.visible = True
        self.horizOn = horizOn  # noqa: N815 (matplotlib's names)
        self.vertOn = vertOn  # noqa: N815
        self.useblit = False  # lumos redraws what changed: the same picture either way
        self.lineh = ax.axhline(ax.get_ybound()[0], **lineprops)
        self.linev = ax.axvline(ax.get_xbound()[0], **lineprops)
        self.lineh.set_visible(False)
        self.linev.set_visible(False)
        self.needclear = False

    def clear(self, event=None) -> None:
        """Hide the lines (matplotlib calls it at each draw)."""
        self.linev.set_visible(False)
        self.lineh.set_visible(False)

    def onmove(self, event) -> None:
        """Move the lines to the mouse, or hide them when it leaves the axes."""
        if self.ignore(event) or not self.canvas.widgetlock.available(self):
            return
        event = self._local(event)
        if not self.ax.contains(event)[0]:
            self.clear()
            if self.needclear:
                self.canvas.draw_idle()
                self.needclear = False
            return
        self.needclear = True
        self.linev.set_xdata((event.xdata, event.xdata))
        self.linev.set_visible(self.visible and self.vertOn)
        self.lineh.set_ydata((event.ydata, event.ydata))
        self.lineh.set_visible(self.visible and self.horizOn)
        if self.visible and (self.vertOn or self.horizOn):
            self.canvas.draw_idle()


class MultiCursor(Widget):
    """A vertical (``vertOn``) and/or horizontal (``horizOn``) line through the mouse
    position across every axes of ``axes``."""

    def __init__(self, axes, *, useblit: bool = True, horizOn: bool = False,  # noqa: N803
                 vertOn: bool = True, **lineprops) -> None:
        self.axes = list(axes)
        self.horizOn = horizOn  # noqa: N815 (matplotlib's names)
        self.vertOn = vertOn  # noqa: N815
        self.visible = True
        self.useblit = False  # lumos redraws what changed: the same picture either way
        xmid = 0.5 * sum(self.axes[-1].get_xlim())
        ymid = 0.5 * sum(self.axes[-1].get_ylim())
        self.vlines = [ax.axvline(xmid, **lineprops) for ax in self.axes]
        self.hlines = [ax.axhline(ymid, **lineprops) for ax in self.axes]
        for line in self.vlines + self.hlines:
            line.set_visible(False)
        self._cids: dict = {}
        self.connect()

    def connect(self) -> None:
        """Follow the mouse on the canvases of the axes."""
        self.disconnect()
        for canvas in {ax.figure.canvas for ax in self.axes}:
            self._cids[canvas] = [canvas.mpl_connect("motion_notify_event", self.onmove)]

    def disconnect(self) -> None:
        """Stop following the mouse."""
        for canvas, cids in self._cids.items():
            for cid in cids:
                canvas.mpl_disconnect(cid)
        self._cids = {}

    def clear(self, event=None) -> None:
        """Hide the lines."""
        for line in self.vlines + self.hlines:
            line.set_visible(False)

    def onmove(self, event) -> None:
        """Move the lines to the mouse when it is over one of the axes."""
        if self.ignore(event) or event.inaxes not in self.axes or \
                not event.canvas.widgetlock.available(self):
            return
        for line in self.vlines:
            line.set_xdata((event.xdata, event.xdata))
            line.set_visible(self.visible and self.vertOn)
        for line in self.hlines:
            line.set_ydata((event.ydata, event.ydata))
            line.set_visible(self.visible and self.horizOn)
        if self.visible and (self.vertOn or self.horizOn):
            for canvas in self._cids:
                canvas.draw_idle()


__all__ = ["Cursor", "MultiCursor"]
