"""Where an axes draws its ``clip_on=False`` artists: a second view covering the whole
canvas whose camera shows the data at the same pixels as the axes' own view.

A canvas view clips what it draws to its rectangle (the GL scissor, the clip of the
vector files), so an artist that may reach out of the axes (a marker on the edge, a
line running past the limits) is drawn in a view as large as the figure instead. The
positions stay on the GPU: only the camera differs, computed from the axes' camera.
"""

from __future__ import annotations

from ..scene.cameras import PanZoomCamera


class UnclippedView:
    """The figure-wide companion view of one axes' view, made when first needed."""

    def __init__(self, axes_view) -> None:
        self.axes_view = axes_view
        self.view = None

    def get(self):
        """The companion view (made now if it was not)."""
        if self.view is None:
            canvas = self.axes_view.canvas
            self.view = canvas.add_view(camera=PanZoomCamera(), rect=(0, 0, 1, 1))
            self.view.interactive = False  # the mouse moves the axes' view; this follows
            self.place()
        return self.view

    def views(self) -> list:
        """The views the axes draws into: its own, then this one if it was made."""
        return [self.axes_view] if self.view is None else [self.axes_view, self.view]

    def place(self) -> None:
        """Right after the axes' view in the canvas's drawing order (above the axes'
        clipped artists, under the decorations), and gone when that view is gone (a
        hidden or deleted axes)."""
        views = self.axes_view.canvas.views
        if self.view is None:
            return
        if self.view in views:
            views.remove(self.view)
        if self.axes_view in views:
            views.insert(views.index(self.axes_view) + 1, self.view)

    def sync(self) -> None:
        """Cover the canvas, with a camera mapping data to the pixels the axes' view maps
        them to (its rectangle extended by the canvas around the view)."""
        if self.view is None:
            return
        self.place()
        canvas = self.axes_view.canvas
        cw, ch = canvas.size
        vx, vy, vw, vh = self.axes_view.fixed_rect or self.axes_view.rect
        # the axes' camera as drawn: x0 at the view's left, y0 at its bottom (negative
        # spans for inverted axes)
        x0, y0, w, h = self.axes_view.camera.to_dict((vw, vh))["rect"]
        ux, uy = w / max(vw, 1e-9), h / max(vh, 1e-9)  # data units per pixel
        cam = self.view.camera
        cam.rect = (x0 - vx * ux, y0 - (ch - vy - vh) * uy, cw * ux, ch * uy)
        self.view.fixed_rect = (0, 0, cw, ch)
