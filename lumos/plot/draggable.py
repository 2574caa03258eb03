"""Mouse dragging of legends and annotations (matplotlib's ``DraggableBase``,
``DraggableLegend``, ``DraggableAnnotation``).

A press of any button on the artist starts a drag (matplotlib's pick of the artist; a
scroll does not), each move places the artist that many pixels from where it was, the
release ends the drag and writes the new place into the artist (a legend's ``loc`` or
``bbox_to_anchor``, an annotation's text position). The press is marked handled, so
the window and Qt front-ends do not pan the axes under it; the notebook's page, which
pans by itself before the kernel hears of the press, starts no pan inside the boxes
the canvas lists (``press_regions``). Everything goes through the canvas's
``mpl_connect``, so every front-end that sends mouse events drags.
"""

from __future__ import annotations

import numpy as np


class DraggableBase:
    """Drags ``ref_artist`` with the mouse; subclasses say where it is
    (``save_offset``), put it ``dx``, ``dy`` pixels from there (``update_offset``) and
    keep the result (``finalize_offset``). ``use_blit`` is matplotlib's: it blits only
    where the canvas ``supports_blit`` (lumos's canvases redraw, so it draws as without)."""

    def __init__(self, ref_artist, use_blit: bool = False) -> None:
        self.ref_artist = ref_artist
        #: the canvas of the artist's figure (a legend is made before its figure lists it)
        self.canvas = ref_artist.figure.figure.canvas
        self.got_artist = False
        self.mouse_x = self.mouse_y = 0.0
        self._use_blit = bool(use_blit) and self.canvas.supports_blit
        self.cids = [self.canvas.mpl_connect("button_press_event", self.on_press),
                     self.canvas.mpl_connect("button_release_event", self.on_release),
                     self.canvas.mpl_connect("motion_notify_event", self.on_motion)]
        self.canvas.add_grabber(self)

    def contains(self, event) -> bool:
        """Whether the mouse event falls on the artist."""
        raise NotImplementedError

    def region(self):
        """The artist's box in figure pixels (a Bbox) where a press drags it, or None
        while it is hidden."""
        raise NotImplementedError

    def on_press(self, event) -> None:
        """matplotlib's ``on_pick``: a press on the artist starts the drag."""
        if not self._check_still_parented() or event.x is None or not self.contains(event):
            return
        self.mouse_x, self.mouse_y = event.x, event.y
        self.save_offset()
        self.got_artist = True
        if event.guiEvent is not None:  # the front-end does not pan under the artist
            event.guiEvent.handled = True

    def on_motion(self, event) -> None:
        if not (self._check_still_parented() and self.got_artist) or event.x is None:
            return
        self.update_offset(event.x - self.mouse_x, event.y - self.mouse_y)
        self.canvas.draw_idle()

    def on_release(self, event) -> None:
        if self._check_still_parented() and self.got_artist:
            self.finalize_offset()
            self.got_artist = False
            self.canvas.draw_idle()

    def _check_still_parented(self) -> bool:
        if self.ref_artist.get_figure(root=False) is None:
            self.disconnect()
            return False
        return True

    def disconnect(self) -> None:
        """Stop listening to the mouse."""
        for cid in self.cids:
            self.canvas.mpl_disconnect(cid)
        self.cids = []
        self.canvas.remove_grabber(self)

    def save_offset(self) -> None:
        """Remember where the artist is when the drag starts."""

    def update_offset(self, dx: float, dy: float) -> None:
        """Put the artist ``dx``, ``dy`` pixels from where the drag started."""

    def finalize_offset(self) -> None:
        """Keep where the drag ended."""


class DraggableLegend(DraggableBase):
    """A legend the mouse moves (``legend.set_draggable(True)``); on release
    ``update='loc'`` sets its ``loc`` to the corner's place in its anchor box
    (matplotlib's), ``'bbox'`` its ``bbox_to_anchor`` to the point its ``loc`` corner
    stands at."""

    def __init__(self, legend, use_blit: bool = False, update: str = "loc") -> None:
        if update not in ("loc", "bbox"):
            raise ValueError(f"update: got {update!r}, expected 'loc' or 'bbox'")
        self.legend = legend
        self._update = update
        super().__init__(legend, use_blit)

    def contains(self, event) -> bool:
        return self.legend.get_visible() and self.legend.get_window_extent().contains(
            event.x, event.y)

    def region(self):
        return self.legend.get_window_extent() if self.legend.get_visible() else None

    def save_offset(self) -> None:
        box = self.legend.get_window_extent()
        self.offset_x, self.offset_y = box.x0, box.y0

    def update_offset(self, dx: float, dy: float) -> None:
        self.legend.drag_to(self.offset_x + dx, self.offset_y + dy)

    def get_loc_in_canvas(self) -> tuple[float, float]:
        """The legend's lower left corner, in figure pixels."""
        box = self.legend.get_window_extent()
        return box.x0, box.y0

    def finalize_offset(self) -> None:
        self.legend.drop(self._update)


class DraggableAnnotation(DraggableBase):
    """An annotation whose text the mouse moves (``ann.draggable()``); the arrow keeps
    pointing at ``xy``."""

    def __init__(self, annotation, use_blit: bool = False) -> None:
        self.annotation = annotation
        super().__init__(annotation, use_blit)

    def contains(self, event) -> bool:
        return bool(self.annotation.get_visible() and self.annotation.contains(event)[0])

    def region(self):
        a = self.annotation
        return a.get_window_extent() if a.get_visible() else None

    def save_offset(self) -> None:
        self.ox, self.oy = self.annotation.pixel_position()

    def update_offset(self, dx: float, dy: float) -> None:
        self.annotation.set_pixel_position(np.array([self.ox + dx, self.oy + dy]))
