"""The scene protocol: what front-ends (window, Qt widget, notebook) and their mouse
handling (``lumos.app.interaction``) ask of what they show.

:class:`lumos.scene.Canvas` and :class:`lumos.plot.Figure` implement it; front-ends
take any object that does, and never look at what kind it is. Pixels are logical, from
the top left of the canvas.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Scene(Protocol):
    """Something a front-end shows: a canvas of views whose cameras the mouse moves."""

    @property
    def canvas(self):
        """The :class:`~lumos.scene.Canvas` drawn (its views, events, pixel ratio)."""

    def window_title(self) -> str:
        """The title of a window showing it."""

    def preferred_size(self) -> tuple[int, int]:
        """The logical size it wants in a window."""

    def resize(self, width: int, height: int, pixel_ratio: float) -> None:
        """The window or widget is this big now."""

    def frame(self, follow: bool = False, early=None):
        """Bring everything up to date and describe the frame to draw (``follow``:
        for a runtime that moves cameras alone, with the draws' followers). A scene
        that makes some views final before the others (a figure: its axes' data before
        the decorations) calls ``early(n)`` then, ``n`` the number of leading views of
        ``canvas`` made: a front-end may draw them while the rest is made."""

    def view_at(self, x: float, y: float):
        """The topmost interactive view under (x, y), or None."""

    def camera_changed(self, view, camera: dict) -> None:
        """The mouse moved ``view``'s camera to ``camera`` (a frame camera dictionary,
        as ``lumos.app.controllers`` give): apply it (a figure sets axes limits)."""

    def reset_view(self, view=None) -> None:
        """Back to how things were before the mouse moved ``view`` (None: every view)."""

    def event_info(self, view, x: float, y: float) -> dict:
        """Extra fields of events at (x, y) over ``view`` (``inaxes``, ``xdata``...)."""

    def press_regions(self) -> list:
        """Rectangles (x, y, w, h) where a press belongs to a callback rather than to
        the cameras (a draggable legend): a runtime that moves cameras by itself (the
        notebook's page) starts no pan there."""
