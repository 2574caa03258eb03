"""Spectrogram waterfalls: rows pushed into a GPU ring texture, drawn through a colormap.

``Waterfall.push(rows)`` appends k spectra of ``n_freq`` values. The texture holds
``capacity`` rows as a ring; a frame uploads only the rows pushed since the last one
(``Texture.update``), and the fragment shader reads row ``(newest - age) mod capacity``
so that scrolling moves uniforms only. Frequency runs along x (``freqs`` = its
extent), time along y with the newest row on top.

Threads: ``push`` may be called from any thread while the main thread draws (a lock
guards the CPU ring and the count; a frame copies what is new under it).
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..shaders import ShaderTemplate
from .base import (
    CMAP_ENTRY_GLSL,
    DrawContext,
    Visual,
    check_number,
    check_numbers,
    colormap_property,
)
from .ring import MAX_TEXTURE, PushRing, TextureRing, as_float32, intervals

_VERTEX = """
uniform mat4 u_mvp;
uniform vec4 u_extent;  // x0, y0, x1, y1 relative to the draw's origin
in vec2 a_corner;
out vec2 v_uv;

void main() {
    gl_Position = u_mvp * vec4(mix(u_extent.xy, u_extent.zw, a_corner), 0.0, 1.0);
    v_uv = a_corner;
}
"""

_FRAGMENT = """
uniform highp sampler2D u_data;  // RG: one row per spectrum, a ring of u_rows rows
uniform highp sampler2D u_cmap;  // RGBA8 lookup table: the colormap's entries
""" + CMAP_ENTRY_GLSL + """
uniform vec2 u_clim;
uniform vec4 u_bad;
uniform int u_rows;       // capacity
uniform int u_newest;     // ring row of the newest spectrum
uniform int u_count;      // spectra held (<= capacity)
in vec2 v_uv;
out vec4 f_color;

void main() {
    int n_freq = textureSize(u_data, 0).x;
    int age = u_rows - 1 - min(int(floor(v_uv.y * float(u_rows))), u_rows - 1);
    if (age >= u_count) discard;  // not pushed yet
    int row = u_newest - age;
    row = row < 0 ? row + u_rows : row;
    int col = min(int(floor(v_uv.x * float(n_freq))), n_freq - 1);
    vec2 entry = texelFetch(u_data, ivec2(col, row), 0).rg;  // (v, v), or lo > hi: NaN
    float v = entry.x;
    if (entry.x > entry.y) {
        f_color = u_bad;
        return;
    }
    float span = u_clim.y - u_clim.x;
    float t = span != 0.0 ? clamp((v - u_clim.x) / span, 0.0, 1.0) : 0.5;
    f_color = cmap_entry(t);
}
"""

_CORNERS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], np.float32)
# programs are cached by source: every instance shares one
_TEMPLATE = ShaderTemplate(_VERTEX, _FRAGMENT)


class Waterfall(Visual):
    """The newest ``capacity`` spectra of ``n_freq`` values, one row every ``dt``.

    >>> w = Waterfall(n_freq=512, capacity=600, dt=0.05, freqs=(0, 5000), cmap="magma")
    >>> w.push(spectra)      # (k, 512), any thread

    ``clim=None`` follows the finite values seen so far (it widens, never narrows);
    NaN and inf values paint with the colormap's "bad" color; values beyond float32's
    range are clipped to it (with a warning). Rows not pushed yet are transparent.
    ``n_freq`` and ``capacity`` are at most MAX_TEXTURE.
    """

    def __init__(self, n_freq: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
                 freqs=None, cmap="viridis", clim=None) -> None:
        super().__init__()
        for name, v in (("n_freq", n_freq), ("capacity", capacity)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or \
                    not 1 <= v <= MAX_TEXTURE:
                raise ValueError(f"{name}: got {v!r}, expected an integer in 1..{MAX_TEXTURE}")
        self.n_freq, self.capacity = int(n_freq), int(capacity)
        self.dt = check_number(dt, "dt", 0.0, exclusive=True)
        self.t0 = check_number(t0, "t0")
        self.freqs = (0.0, float(n_freq)) if freqs is None else \
            check_numbers(freqs, "freqs", 2, "(f0, f1)")
        self._pending = PushRing(self.capacity, self.n_freq)
        self._lo, self._hi = np.inf, -np.inf
        self._rows = TextureRing(self.capacity, self.n_freq, m=1)  # one spectrum a row
        self._corner_buffer = Buffer(_CORNERS)
        self._cmap_texture = None
        self.cmap = cmap
        self.clim = clim

    cmap = colormap_property()

    @property
    def clim(self) -> tuple[float, float]:
        """(vmin, vmax); None when set follows the data."""
        if self._clim is not None:
            return self._clim
        if self._lo <= self._hi:
            return (self._lo, self._hi)
        return (0.0, 1.0)

    @clim.setter
    def clim(self, value) -> None:
        self._clim = None if value is None else check_numbers(value, "clim", 2, "(vmin, vmax)")

    @property
    def count(self) -> int:
        """Spectra pushed so far (thread-safe to read)."""
        return self._pending.head

    def times(self, head: int | None = None) -> tuple[float, float]:
        """(bottom, top) of the time axis: the newest ``capacity`` rows, each ``dt``
        tall (before the ring is full, the first capacity)."""
        head = self._pending.head if head is None else head
        top = self.t0 + max(head, self.capacity) * self.dt
        return top - self.capacity * self.dt, top

    def push(self, rows) -> None:
        """Append spectra: ``rows`` of shape (k, n_freq), or (n_freq,) for one.

        Thread-safe; holds a lock only to copy the rows into the CPU ring."""
        arr = np.asarray(rows)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"rows: got dtype {arr.dtype}, expected real numbers")
        if arr.ndim == 1 and len(arr) == self.n_freq:
            arr = arr[None, :]
        if arr.ndim != 2 or arr.shape[1] != self.n_freq:
            raise ValueError(f"rows: got shape {np.shape(rows)}, expected (k, {self.n_freq}) "
                             f"for a waterfall of {self.n_freq} frequencies")
        arr = as_float32(arr, "rows")
        finite = arr[-self.capacity :]
        finite = finite[np.isfinite(finite)]

        def follow_data() -> None:  # the colour limits follow the data as it arrives
            if finite.size:
                self._lo = min(self._lo, float(finite.min()))
                self._hi = max(self._hi, float(finite.max()))

        self._pending.push(arr, follow_data)

    def _take_pending(self) -> None:
        """Copy the spectra pushed since the last frame into the texture (k rows)."""
        taken = self._pending.take()
        if taken is not None:
            first, _, new = taken
            self._rows.write(first, intervals(new))

    def bounds(self) -> np.ndarray | None:
        y0, y1 = self.times()
        f0, f1 = self.freqs
        return np.array([[min(f0, f1), y0, 0.0], [max(f0, f1), y1, 0.0]])

    def draws(self, ctx: DrawContext) -> list[Draw]:
        self._take_pending()
        head = self._pending.taken
        if head == 0:
            return []
        f0, f1 = self.freqs
        y0, y1 = self.times(head)
        origin = ((f0 + f1) / 2, y1, 0.0)
        bad = getattr(self._cmap, "bad", (0, 0, 0, 0))
        return [Draw(
            program=_TEMPLATE.compose(), view=ctx.view_id, mode="triangle_strip", count=4,
            attributes={"a_corner": Attribute(self._corner_buffer, 2)},
            uniforms={"u_extent": [f0 - origin[0], y0 - y1, f1 - origin[0], 0.0],
                      "u_clim": self.clim, "u_bad": colors.to_rgba(bad)},
            int_uniforms={"u_rows": self.capacity, "u_newest": (head - 1) % self.capacity,
                          "u_count": min(head, self.capacity)},
            textures={"u_data": self._rows.texture, "u_cmap": self._cmap_texture},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=origin, model=self.model_matrix(),
        )]
