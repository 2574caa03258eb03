"""Frames into an on-screen framebuffer, multisampled only when they need it.

The GLFW window and the Qt widget both ask for a single-sampled framebuffer and draw
every frame through :class:`Presenter`: a frame whose visuals need multisampling
(triangles: 3D) is drawn into a multisampled offscreen target and resolved into the
window's framebuffer; the others are drawn straight into it, as a figure's own picture
is (software GL pays for every sample of every pixel, so a 2D frame drawn with 4
samples costs about 4 times its fragments for no visible difference).
"""

from __future__ import annotations

from ..gpu.early import EarlyRetry, EarlyViews


class Presenter:
    """Draws frames into a host's framebuffer with at most ``samples`` samples per pixel.

    ``executor`` is the host's ``ModernGLExecutor`` (the one its canvas picks with);
    ``msaa`` is the offscreen target of the last multisampled frame (None until one)."""

    def __init__(self, ctx, samples: int = 4) -> None:
        from ..gpu.executor import ModernGLExecutor

        self.ctx = ctx
        self.executor = ModernGLExecutor(ctx)
        self.samples = int(samples)
        self.msaa = None
        self._single = False  # whether the last frame drawn was single-sampled
        self._retry = EarlyRetry()

    def draw_scene(self, scene, screen):
        """Make ``scene``'s frame and draw it into the framebuffer ``screen``; returns
        the frame and the samples per pixel it got. A scene that makes some views
        before the rest (a figure: its axes' data before the decorations) has those
        drawn into ``screen`` and flushed as soon as they are made, and the rest drawn
        over them, where it can (:class:`~lumos.gpu.early.EarlyViews`); otherwise the
        whole frame is drawn again. Drawn so only after a single-sampled frame (the
        next is most likely one too)."""
        due = self._retry.due()  # counts every frame, drawn in parts or not
        early = EarlyViews(lambda n: scene.canvas.frame(views=n),
                           lambda part: self._draw_early(part, screen),
                           self.samples) if self._single and due else None
        frame = scene.frame(early=early)
        self._single = min(frame.samples, self.samples) <= 1
        in_parts = early is not None and early.finish(self.executor, frame, screen)
        self._retry.after(early)
        return frame, 1 if in_parts else self.draw(frame, screen)

    def _draw_early(self, part, screen):
        """Draw the early views ``part`` into ``screen`` and hand them to the GL."""
        self.executor.render(part, screen)
        self.executor.flush()
        return screen

    def draw(self, frame, screen) -> int:
        """Draw ``frame`` into the framebuffer ``screen`` (the frame's size); returns the
        samples per pixel the frame got."""
        samples = min(frame.samples, self.samples)
        if samples > 1:
            target = self._target(frame.size, samples)
            self.executor.render(frame, target.fbo)
            self.ctx.copy_framebuffer(screen, target.resolve())
            screen.use()  # the host's framebuffer bound again, as it expects
        else:
            self.executor.render(frame, screen)
            samples = 1
        return samples

    def _target(self, size: tuple[int, int], samples: int):
        """The multisampled offscreen target of ``size`` (made again when it changes)."""
        msaa = self.msaa
        if msaa is None or (msaa.size, msaa.samples) != (tuple(size), samples):
            from ..gpu.executor import OffscreenTarget

            if msaa is not None:
                msaa.release()
            self.msaa = OffscreenTarget(self.ctx, tuple(size), samples=samples)
        return self.msaa

    def release(self) -> None:
        """Free the offscreen target (the host's context current)."""
        if self.msaa is not None:
            self.msaa.release()
            self.msaa = None
