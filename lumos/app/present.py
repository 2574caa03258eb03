"""Frames into an on-screen framebuffer, multisampled only when they need it.

The GLFW window and the Qt widget both ask for a single-sampled framebuffer and draw
every frame through :class:`Presenter`: a frame whose visuals need multisampling
(triangles: 3D) is drawn into a multisampled offscreen target and resolved into the
window's framebuffer; the others are drawn straight into it, as a figure's own picture
is (software GL pays for every sample of every pixel, so a 2D frame drawn with 4
samples costs about 4 times its fragments for no visible difference).
"""

from __future__ import annotations

_RETRY = 100  # frames drawn whole after an early part made in vain


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
        # frames left before drawing in parts is tried again, after a frame whose early
        # part was not the frame's (the decorations changed a data view: an axhline)
        self._wait = 0

    def draw_scene(self, scene, screen):
        """Make ``scene``'s frame and draw it into the framebuffer ``screen``; returns
        the frame and the samples per pixel it got. A scene that makes some views
        before the rest (a figure: its axes' data before the decorations) has those
        drawn and flushed as soon as they are made, so that the GL works on them while
        Python makes the rest (software GL rasterizes only when flushed, on threads of
        its own); the rest is then drawn over them, or, where the early views are not
        what the frame holds (the decorations changed them), the frame needs
        multisampling or a render target is drawn or read in both parts, the whole
        frame is drawn again."""
        # in parts only after a single-sampled frame (the next is most likely one too)
        # and not for a while after an early part made in vain
        early = _Early(self, screen, scene.canvas) if self._single and not self._wait \
            else None
        self._wait = max(self._wait - 1, 0)
        frame = scene.frame(early=early)
        self._single = single = min(frame.samples, self.samples) <= 1
        if early is not None and early.drawn is not None:
            n = len(early.drawn.views)
            rest = frame.part(n)
            if single and frame.part(0, n).key() == early.key \
                    and not (early.targets and early.targets & _targets(rest)):
                self.executor.render(rest, screen, continued=True)
                return frame, 1
        if early is not None and early.made:  # made in vain: not again for a while
            self._wait = _RETRY
        return frame, self.draw(frame, screen)

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


class _Early:
    """The ``early`` callback of :meth:`Presenter.draw_scene`: draws the first ``n``
    views of the canvas into the screen and flushes, when they can be drawn apart
    (single-sampled, 2D); ``made``: whether a frame of those views was made,
    ``drawn``: the frame drawn (None: not drawn), ``key``: its key then, ``targets``:
    the ids of the render targets it drew into or read (an image's colormapped
    texels: the rest of the frame must not touch them, its targets being sized and
    cleared by the draws of its own part: Frame.part)."""

    def __init__(self, presenter: Presenter, screen, canvas) -> None:
        self.presenter, self.screen, self.canvas = presenter, screen, canvas
        self.made = False
        self.drawn = None
        self.key = None
        self.targets: set[str] = set()

    def __call__(self, n: int) -> None:
        if n <= 0:
            return
        part = self.canvas.frame(views=n)
        self.made = True
        if min(part.samples, self.presenter.samples) > 1 \
                or not any(d.count > 0 and d.instances != 0 for d in part.draws) \
                or any(v.camera.get("type") != "panzoom" for v in part.views.values()):
            return
        self.presenter.executor.render(part, self.screen)
        self.presenter.executor.flush()
        # made while the GL draws (drawing moves no version: the versions drawn)
        self.key = part.key()
        self.targets = _targets(part)
        self.drawn = part


def _targets(frame) -> set[str]:
    """The ids of the render targets ``frame``'s draws draw into or read."""
    from ..gpu.frame import RenderTarget

    return {rid for rid, r in frame.resources().items() if isinstance(r, RenderTarget)}
