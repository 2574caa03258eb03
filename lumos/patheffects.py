"""matplotlib's ``patheffects`` names for text, lines and patches:
``import lumos.patheffects as pe``; ``pe.withStroke(linewidth=3, foreground='w')`` (see
:mod:`lumos.plot.effects`)."""

from __future__ import annotations

from .plot.effects import Normal, Shadow, Stroke, TickedStroke

__all__ = ["Normal", "Stroke", "withStroke", "SimplePatchShadow", "withSimplePatchShadow",
           "SimpleLineShadow", "withSimpleLineShadow", "TickedStroke", "withTickedStroke"]


def withStroke(offset=(0, 0), linewidth: float = 2.0, foreground="k",  # noqa: N802
               alpha=None) -> Stroke:
    """An outline ``linewidth`` points wide, then the text."""
    return Stroke(linewidth, foreground, offset, alpha, then_text=True)


def SimplePatchShadow(offset=(2, -2), shadow_rgbFace=None, alpha=None,  # noqa: N802,N803
                      rho: float = 0.3) -> Shadow:
    """A shadow only (add ``Normal()`` for the text)."""
    return Shadow(offset, shadow_rgbFace, alpha, rho)


def withSimplePatchShadow(offset=(2, -2), shadow_rgbFace=None, alpha=None,  # noqa: N802,N803
                          rho: float = 0.3) -> Shadow:
    """A shadow, then the text."""
    return Shadow(offset, shadow_rgbFace, alpha, rho, then_text=True)


def SimpleLineShadow(offset=(2, -2), shadow_color=None, alpha=None,  # noqa: N802
                     rho: float = 0.3) -> Shadow:
    """A shadow of the line (of a patch's edge); add ``Normal()`` for the line itself."""
    return Shadow(offset, shadow_color, alpha, rho, line=True)


def withSimpleLineShadow(offset=(2, -2), shadow_color=None, alpha=None,  # noqa: N802
                         rho: float = 0.3) -> Shadow:
    """A shadow of the line (of a patch's edge), then the line."""
    return Shadow(offset, shadow_color, alpha, rho, then_text=True, line=True)


def withTickedStroke(offset=(0, 0), spacing: float = 10.0, angle: float = 45.0,  # noqa: N802
                     length: float = 2 ** 0.5, **kwargs) -> TickedStroke:
    """Ticks along a line or a patch's outline, then the line (the patch)."""
    return TickedStroke(offset, spacing, angle, length, then_line=True, **kwargs)
