"""How an axes draws its ``clip_on=False`` artists: in views covering the whole canvas
whose camera shows the data at the same pixels as the axes' own view.

A canvas view clips what it draws to its rectangle (the GL scissor, the clip of the
vector files), so an artist that may reach out of the axes (a marker on the edge, a
line running past the limits) is drawn in a view as large as the figure instead. The
positions stay on the GPU: only the camera differs, computed from the axes' camera.

Views draw one after the other, so to keep matplotlib's zorder across clipped and
unclipped artists the axes' visuals are laid out, by order, in runs: the first run in
the axes' own view, each later one in a view of its kind (clipped: the axes' rectangle
and camera; unclipped: the whole canvas) stacked right after it. An axes with no
unclipped artist keeps everything in its own view.
"""

from __future__ import annotations

from ..scene.cameras import PanZoomCamera


class ClipLayers:
    """The views one axes draws its data into, and which visuals are unclipped."""

    def __init__(self, axes_view) -> None:
        self.axes_view = axes_view
        self._unclipped: set = set()  # visuals drawn with clip_on=False
        self._extra: list[tuple[object, bool]] = []  # (view, clip_on) after the axes' view

    def views(self) -> list:
        """The views: the axes' own, then the stacked ones in drawing order."""
        return [self.axes_view, *(view for view, _ in self._extra)]

    def set_clip(self, visual, clip_on: bool) -> None:
        """Whether ``visual`` (in one of the views) is clipped to the axes."""
        if clip_on:
            self._unclipped.discard(visual)
        else:
            self._unclipped.add(visual)

    def remove(self, visual) -> None:
        """Take ``visual`` out of whichever view holds it."""
        self._unclipped.discard(visual)
        for view in self.views():
            if visual in view.visuals:
                view.remove(visual)

    def arrange(self) -> None:
        """Lay the visuals out in runs by order (the module's docstring), then place and
        point the views."""
        visuals = [v for view in self.views() for v in view.visuals]
        if self.axes_view.camera.kind == "panzoom" and not self._unclipped.isdisjoint(visuals):
            runs: list[tuple[bool, list]] = [(True, [])]
            for v in sorted(visuals, key=lambda v: v.order):  # stable: ties keep their turn
                clip = v not in self._unclipped
                if runs[-1][0] != clip:
                    runs.append((clip, []))
                runs[-1][1].append(v)
        else:
            runs = [(True, visuals)]
        self.axes_view.visuals[:] = runs[0][1]
        spare = {True: [v for v, c in self._extra if c], False: [v for v, c in self._extra
                                                                 if not c]}
        extra = []
        for clip, members in runs[1:]:
            view = spare[clip].pop(0) if spare[clip] else self._new_view()
            view.visuals[:] = members
            extra.append((view, clip))
        canvas_views = self.axes_view.canvas.views
        for view in spare[True] + spare[False]:
            if view in canvas_views:
                canvas_views.remove(view)
        self._extra = extra
        self.sync()

    def _new_view(self):
        view = self.axes_view.canvas.add_view(camera=PanZoomCamera(), rect=(0, 0, 1, 1))
        view.interactive = False  # the mouse moves the axes' view; these follow it
        return view

    def sync(self) -> None:
        """Right after the axes' view in the canvas's drawing order (gone with it: a
        hidden or deleted axes), each with the axes' camera: the clipped ones over the
        axes' rectangle, the unclipped ones over the canvas with the camera's rectangle
        extended by the canvas around the view."""
        views = self.axes_view.canvas.views
        for view, _ in self._extra:
            if view in views:
                views.remove(view)
        if self.axes_view in views:
            at = views.index(self.axes_view) + 1
            views[at:at] = [view for view, _ in self._extra]
        canvas = self.axes_view.canvas
        cw, ch = canvas.size
        vx, vy, vw, vh = self.axes_view.fixed_rect or self.axes_view.rect
        # the axes' camera as drawn: x0 at the view's left, y0 at its bottom (negative
        # spans for inverted axes)
        x0, y0, w, h = self.axes_view.camera.to_dict((vw, vh))["rect"]
        # the canvas around the view in device pixels, the view's edges rounded as the
        # viewport rounds them (a page computes the same from the frame's rectangles)
        pw, ph = canvas.physical_size
        pr = pw / max(cw, 1e-9)
        left, top = round(vx * pr), round(vy * pr)
        right, bottom = round((vx + vw) * pr), round((vy + vh) * pr)
        ux, uy = w / max(right - left, 1e-9), h / max(bottom - top, 1e-9)  # per pixel
        for view, clip in self._extra:
            # a page moves the axes' view alone: it sets this one's camera from that
            # view's as done here (lumos/web/runtime.js, companions)
            view.controller_params = {"companion": {"view": self.axes_view, "clip": clip}}
            if clip:
                view.camera.rect = (x0, y0, w, h)
                view.fixed_rect = (vx, vy, vw, vh)
            else:
                view.camera.rect = (x0 - left * ux, y0 - (ph - bottom) * uy, pw * ux, ph * uy)
                view.fixed_rect = (0, 0, cw, ch)
