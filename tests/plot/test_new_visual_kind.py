"""A new kind of visual and its artist, defined here and nowhere else: the axes batch
it, the figure draws it, picks it and shows it in a legend without central code
knowing it exists (docs/writing-a-visual.md walks through the same example)."""

from __future__ import annotations

import numpy as np

import lumos
from lumos import colors
from lumos.gpu.frame import Attribute, Draw, State
from lumos.gpu.resources import Buffer
from lumos.plot.artists import Artist, BatchItem, LegendHandle
from lumos.shaders import ShaderTemplate
from lumos.visuals import glsl
from lumos.visuals.base import (
    DrawContext,
    Member,
    Visual,
    as_positions,
    rgba_bytes,
    split_origin,
    transform_parts,
)

_CROSS = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_pos;
in vec4 a_color;
uniform float u_size;
out vec4 v_color;
out vec2 v_offset;
#pragma snippets

void main() {
    vec4 c = u_mvp * $transform(vec4(a_pos, 1.0));
    vec2 corner = vec2((gl_VertexID == 1 || gl_VertexID == 3) ? 1.0 : -1.0,
                       gl_VertexID >= 2 ? 1.0 : -1.0);
    vec2 offset = corner * (0.5 * u_size * u_pixel_ratio + 1.0);
    gl_Position = c + vec4(offset / u_viewport.zw * 2.0 * c.w, 0.0, 0.0);
    v_offset = offset;
    v_color = a_color / 255.0;
}
""",
    fragment="""
uniform float u_size;
uniform float u_pixel_ratio;
in vec4 v_color;
in vec2 v_offset;
out vec4 f_color;

void main() {
    float arm = 0.5 * u_size * u_pixel_ratio;
    vec2 d = abs(v_offset);
    // a plus sign: two bars 3 pixels thick
    if (min(d.x, d.y) > 1.5 * u_pixel_ratio || max(d.x, d.y) > arm) discard;
    f_color = v_color;
}
""",
)


class Crosses(Visual):
    """Plus signs of one size in pixels at many points: one instanced draw. A batch:
    ``set_members`` joins the points of several owners, ``member_at`` finds them."""

    def __init__(self, size: float = 12.0) -> None:
        super().__init__()
        self.size = float(size)
        self._points = np.zeros((0, 3))
        self._origin = np.zeros(3)
        self._pos = Buffer(np.zeros((0, 3), np.float32))
        self._colors = Buffer(np.zeros((0, 4), np.uint8))
        self._keys: list = []
        self._starts = np.zeros(1, int)

    def set_members(self, members: list[Member]) -> None:
        self._points = as_positions(np.concatenate([m.pos for m in members]))
        self._origin, local, _ = split_origin(self._points)
        self._pos.set_data(local)
        self._colors.set_data(rgba_bytes(np.concatenate(
            [np.broadcast_to(m.color, (len(m.pos), 4)) for m in members])))
        self._keys = [m.key for m in members]
        self._starts = np.r_[0, np.cumsum([len(m.pos) for m in members])]

    def member_at(self, index: int):
        k = int(np.searchsorted(self._starts, index, side="right")) - 1
        return self._keys[k], index - int(self._starts[k])

    def bounds(self):
        return self._bounds_of(self._points)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        if not len(self._points):
            return []
        snippet, model = transform_parts(self)
        return [Draw(
            program=_CROSS.compose(transform=snippet), view=ctx.view_id,
            mode="triangle_strip", count=4, instances=len(self._points),
            attributes={"a_pos": Attribute(self._pos, 3, "f4", 0, 12, 1),
                        "a_color": Attribute(self._colors, 4, "u1", 0, 4, 1)},
            uniforms={"u_size": self.size, **snippet.uniforms},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]


class CrossPlot(Artist):
    """``ax.plot``'s little sibling: points drawn as plus signs."""

    def __init__(self, axes, x, y, color="C3", size: float = 12.0, label=None) -> None:
        super().__init__(axes, label)
        self._xy = np.c_[np.asarray(x, float), np.asarray(y, float)]
        self._rgba = colors.to_rgba(color)
        self._size = float(size)

    def data_limits(self):
        return (float(self._xy[:, 0].min()), float(self._xy[:, 0].max())), \
               (float(self._xy[:, 1].min()), float(self._xy[:, 1].max()))

    def batch_items(self) -> list[BatchItem]:
        pos = self.axes.transScale.forward(self._xy)
        size = self.axes.figure.points_to_pixels(self._size)
        return [BatchItem(Crosses, (("size", size),), self.zorder, pos, self._rgba)]

    def legend_handle(self, fontsize_px: float) -> LegendHandle:
        return LegendHandle(marker=("plus", min(self._size, fontsize_px), self._rgba,
                                    self._rgba, 0.0))

    def data_points(self):
        return self._xy


def test_a_visual_defined_outside_lumos_is_batched_drawn_picked_and_in_the_legend():
    fig, ax = lumos.subplots(figsize=(4, 3), dpi=100)
    a = ax._add_artist(CrossPlot(ax, [1, 2, 3], [1, 3, 2], label="crosses"))
    b = ax._add_artist(CrossPlot(ax, [1.5, 2.5], [2.5, 1.5], label="more"))
    ax.plot([1, 3], [1, 1], label="a line")  # lumos's own kinds alongside
    ax.legend(loc="upper left")
    img = fig.render()

    crosses = [v for v in ax.data_visuals() if isinstance(v, Crosses)]
    assert len(crosses) == 1  # both artists share one batch: one draw
    h = fig.canvas.size[1]
    red = np.array(colors.to_rgba("C3")[:3]) * 255
    for x, y in ((2, 3), (2.5, 1.5)):
        px, py = ax.to_pixels(x, y)
        rgb = img[h - 1 - int(round(py)), int(round(px)), :3]
        assert np.abs(rgb - red).max() < 40, rgb  # drawn at the data point

    px, py = ax.to_pixels(2.5, 1.5)
    assert fig.pick(px, h - py) == (b, 1)  # the batch says whose point it is
    px, py = ax.to_pixels(3, 2)
    assert fig.pick(px, h - py) == (a, 2)

    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["crosses", "more", "a line"]
    hits = fig.select(rect=(0, 0, *fig.canvas.size))  # data_points: selection too
    assert list(hits[a]) == [0, 1, 2] and list(hits[b]) == [0, 1]
