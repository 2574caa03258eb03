"""Frames drawn in two parts: a scene's leading views (a figure's axes' data) drawn
and flushed as soon as they are made, so that software GL rasterizes them while Python
makes the rest (the decorations), then the rest drawn over them. Used by the offscreen
render (``Canvas.render(draw=...)``) and by the on-screen hosts (``lumos.app.present``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frame import Frame, RenderTarget

if TYPE_CHECKING:
    from .executor import ModernGLExecutor


class EarlyViews:
    """The ``early(n)`` callback a scene's frame takes (``Figure.draw(early=...)``,
    called with the number of leading views made before the rest): the frame of those
    views, ``make(n)``, is handed to ``draw(part)``, which draws it and flushes (so that
    software GL, which rasterizes only when flushed and on threads of its own, works on
    it while Python makes the rest) and returns the framebuffer drawn into, or None
    where it could not. :meth:`finish` then draws the rest of the whole frame over
    them, where it can. ``samples``: the most samples per pixel the frames are drawn
    with (a window's framebuffer: as many as it asked for; None: as many as a frame
    asks). ``made``: whether a frame of early views was made; ``drawn``: the part
    drawn (None: none, or one that cannot be drawn apart, :meth:`Frame.drawn_apart`);
    ``used``: :meth:`finish` found it to be the frame's."""

    def __init__(self, make, draw, samples: int | None = None) -> None:
        self.make, self.draw, self.samples = make, draw, samples
        self.made = False
        self.drawn: Frame | None = None
        self.used = False
        self._key = None
        self._targets: set[str] = set()
        self._fbo = None

    def __call__(self, n: int) -> None:
        if n <= 0:
            return
        part = self.make(n)
        self.made = True
        if not part.drawn_apart(self._samples(part)):
            return
        self._fbo = self.draw(part)
        if self._fbo is not None:
            # keyed once flushed (the GL works meanwhile), before the scene goes on: the
            # resources' versions are still the ones drawn
            self._key, self._targets, self.drawn = part.key(), _target_ids(part), part

    def finish(self, executor: ModernGLExecutor, frame: Frame, fbo) -> bool:
        """Draw the views of ``frame`` after the early ones over those in ``fbo``
        (``render(..., continued=True)``; no render where they leave every pixel as it
        is: software GL would start a scene that loads and stores every tile of the
        framebuffer to draw nothing); False when the whole frame has to be drawn: no
        views drawn early, drawn into another framebuffer, the frame multisampled, the
        early views no longer what the frame holds (the rest of the scene's update
        changed them), or a render target the early views drew or read drawn or read by
        the rest too (a part's targets are sized and cleared by the draws of its own
        part, :meth:`Frame.part`: an image's colormapped texels in two views)."""
        if self.drawn is None or fbo is not self._fbo or self._samples(frame) > 1:
            return False
        n = len(self.drawn.views)
        rest = frame.part(n)
        self.used = frame.part(0, n).key() == self._key \
            and not (self._targets and self._targets & _target_ids(rest))
        if self.used and not rest.blank():
            executor.render(rest, fbo, continued=True)
        return self.used

    def _samples(self, frame: Frame) -> int:
        """The samples per pixel ``frame`` is drawn with."""
        return frame.samples if self.samples is None else min(frame.samples, self.samples)


class EarlyRetry:
    """When a host tries early views (:class:`EarlyViews`): not for :attr:`FRAMES`
    frames after one whose early views were made in vain (they could not be drawn
    apart, or were not the frame's: a figure's decorations changed an axes' view, an
    axhline), those being drawn whole."""

    FRAMES = 100

    def __init__(self) -> None:
        self._wait = 0  # frames left before early views are tried again

    def due(self) -> bool:
        """Whether this frame may try early views (a frame of the wait counted)."""
        if self._wait:
            self._wait -= 1
            return False
        return True

    def after(self, early: EarlyViews | None) -> None:
        """Note how the frame's early views went (None: not tried)."""
        if early is not None and early.made and not early.used:
            self._wait = self.FRAMES


def _target_ids(frame: Frame) -> set[str]:
    """The ids of the render targets ``frame``'s draws draw into or read."""
    return {rid for rid, r in frame.resources().items() if isinstance(r, RenderTarget)}
