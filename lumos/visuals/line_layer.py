"""A translucent line blends once where it crosses itself, as matplotlib's Agg fills a
path's coverage once: drawn into a layer of its own with ``blend="max"`` (each pixel
keeps the most opaque fragment of the line), then the layer is blended over the view.

Only lines with a color whose alpha is below 1 take this path: two full-view passes
more (clearing the layer, blending it over the view); opaque lines draw straight into
the view as before. The translucent lines of one view share one view-sized RGBA8
layer (each clears it first), so a thousand of them do not hold a thousand targets.
Overlaps of two different lines still blend twice, as in matplotlib: the plot layer
gives each translucent line a visual of its own.
"""

from __future__ import annotations

import weakref
from dataclasses import replace

import numpy as np

from ..gpu.frame import Attribute, Draw, RenderTarget, State
from ..gpu.resources import Buffer
from ..shaders import ShaderTemplate

_COMPOSITE = ShaderTemplate(
    vertex="""
in vec2 a_corner;
void main() { gl_Position = vec4(a_corner * 2.0 - 1.0, 0.0, 1.0); }
""",
    fragment="""
uniform sampler2D u_layer;
uniform vec2 u_target_origin;
out vec4 f_color;
void main() {
    vec4 c = texelFetch(u_layer, ivec2(gl_FragCoord.xy - u_target_origin), 0);
    if (c.a <= 0.0) discard;
    f_color = c;
}
""",
)

_CLEAR = ShaderTemplate(
    vertex=_COMPOSITE.vertex,
    fragment="""
out vec4 f_color;
void main() { f_color = vec4(0.0); }
""",
)

_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)

# the layer of each view, shared by its translucent lines while one of them holds it
_SHARED: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


class OnceLayer:
    """The layer of one translucent line visual in each view it is drawn in."""

    def __init__(self) -> None:
        self._targets: dict[str, RenderTarget] = {}  # holds the shared ones alive
        self._corners = Buffer(_CORNERS)

    def draws(self, line_draws: list[Draw]) -> list[Draw]:
        """``line_draws`` (the line's draws into one view) go into the layer: clear the
        view's layer, the line into it keeping the largest value of each channel, then
        the layer over the view. The last carries the line's origin and model, so pick
        decoding can place its points."""
        line_draw = line_draws[0]
        view = line_draw.view
        target = self._targets.get(view)
        if target is None:
            target = _SHARED.get(view)
            if target is None:
                target = _SHARED[view] = RenderTarget("view", "rgba8", clear=None)
            self._targets[view] = target
        quad = {"a_corner": Attribute(self._corners, 2)}
        # the layer's own draws follow nothing: a follower of the line (an axline's, a
        # level of detail's) goes to the line's draw alone (docs/frame.md)
        mark = {"kind": "line_layer"}
        clear = Draw(program=_CLEAR.compose(), view=view, mode="triangle_strip", count=4,
                     attributes=quad, target=target,
                     state=State(blend=None, depth_write=False), follow=mark)
        state = replace(line_draw.state, blend="max")
        into_layer = [replace(d, target=target, state=state) for d in line_draws]
        over = Draw(program=_COMPOSITE.compose(), view=view, mode="triangle_strip", count=4,
                    attributes=quad, textures={"u_layer": target},
                    state=State(blend="alpha"), origin=line_draw.origin,
                    model=line_draw.model, follow=mark)
        return [clear, *into_layer, over]


def is_layer_draw(draw: Draw) -> bool:
    """Whether ``draw`` is the one blending a line's layer over the view (it picks the
    whole line: decoding finds the segment)."""
    return draw.attributes.keys() == {"a_corner"} and "u_layer" in draw.textures


def nearest_segment(px: np.ndarray, x: float, y: float) -> int:
    """The segment ``i`` (points ``i``, ``i + 1`` of ``px``, window pixels) nearest to
    (x, y); segments with a NaN end are skipped."""
    a, b = px[:-1], px[1:]
    d = b - a
    with np.errstate(all="ignore"):
        t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1])
                    / (d * d).sum(axis=1), 0.0, 1.0)
        t = np.where(np.isfinite(t), t, 0.0)
        dist = np.hypot(a[:, 0] + t * d[:, 0] - x, a[:, 1] + t * d[:, 1] - y)
    dist = np.where(np.isfinite(dist), dist, np.inf)
    return int(np.argmin(dist)) if len(dist) else 0
