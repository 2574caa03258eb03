"""Live multi-channel signals: GPU ring buffers, O(k) per push, O(pixels) per frame.

``Stream.push(block)`` appends k samples per channel. Samples live in a CPU ring (the
producer's side) and in a float texture on the GPU; a frame uploads only the samples
pushed since the last one, as texture row updates. The texture holds samples
time-major (every channel of one instant side by side), so k new samples are one
range of rows whatever the number of channels.

Drawing never re-uploads: the vertex shader pulls samples from the texture by
``gl_VertexID`` (no vertex buffer) and the ring slot of the oldest drawn sample (a
uniform), and x follows from the sample's index, so scrolling only moves uniforms and
the draw's float64 origin. The ring wrap is no break: slots are read modulo the ring,
in time order. Up to 4 samples per pixel column, each segment is an antialiased band
as wide as the line (a quad of two triangles). Beyond, the shader reads a min/max
pyramid of blocks of 8, 16, 32, ... samples (aligned to the absolute sample count, so
blocks never change as the view scrolls; 1 to 2 blocks per column) and fills the band
between the blocks' minima and maxima, widened by the line width: what a line through
every sample covers. There each channel is one triangle strip, two vertices per block
(an instance per channel), so every vertex is shaded once. The pyramid is updated per
frame for the new samples only (O(k)); a frame costs O(pixel columns x channels)
whatever the capacity. All channels are one draw.

Every texture entry is an interval (``ring.GAP``): a sample v is (v, v), a block its
(min, max), a missing one (NaN) the empty interval, which no finite sample can be.
Values beyond float32's range are clipped to it, with a warning.

Threads: ``push`` may be called from any thread (a producer) while the main thread
draws. It takes a lock only to copy the block into the CPU ring; a draw takes the
same lock only to copy the samples pushed since the last frame. Pushing faster than
frames are drawn loses no sample still inside the ring (``capacity`` plus up to one
coarsest block). Everything else (properties, ``draws``) belongs to the thread that
draws.
"""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Draw, State
from ..gpu.resources import Texture
from ..shaders import ShaderTemplate
from . import glsl
from .base import DrawContext, Visual, check_number, check_positive, rgba_bytes
from .ring import GAP, PushRing, TextureRing, as_float32, intervals

_RAW_PER_COLUMN = 4  # up to this many samples per pixel column are drawn as they are
_FIRST_LEVEL = 3  # envelope blocks of 8, 16, 32, ... samples
_MIN_BLOCKS = 64  # the coarsest level still has this many blocks in `capacity`
_MAX_MARGIN = 256  # physical pixels the viewport grows by at most (Stream._margin)

_COMMON = glsl.SCREEN + """
uniform highp sampler2D u_data;    // RG: entry (slot, channel) at ((slot % m) * C + c, slot / m)
uniform highp sampler2D u_colors;  // RGBA8, one texel per channel
uniform int u_channels;
uniform int u_row_shift;  // log2 of the slots per texture row (m, a power of two)
uniform int u_ring;       // slots in the ring (at the level drawn)
uniform int u_first;      // slot of the first entry drawn (< u_ring)
uniform int u_entries;    // entries drawn per channel (<= u_ring)
uniform float u_step;     // x distance between entries (data units)
uniform float u_spacing;  // y distance between stacked channels (0: overlaid)
uniform float u_width;
flat out vec4 v_color;

// Entry `entry` (0 .. u_entries - 1) of `channel`: its (low, high) values, equal for a
// sample; false for a gap (the empty interval, low > high). No integer division: the
// slot wraps at most once, and m is a power of two (llvmpipe divides integers one
// vector lane at a time, and every vertex fetches up to four entries).
bool fetch(int channel, int entry, out vec2 value) {
    int slot = u_first + entry;
    slot -= slot >= u_ring ? u_ring : 0;
    int column = slot & ((1 << u_row_shift) - 1);
    ivec2 ij = ivec2(column * u_channels + channel, slot >> u_row_shift);
    value = texelFetch(u_data, ij, 0).rg;
    return value.x <= value.y;
}

vec2 to_window(int channel, int entry, float value) {
    vec2 p = vec2(float(entry) * u_step, value + float(u_channels - 1 - channel) * u_spacing);
    return clip_to_window(u_mvp * vec4(p, 0.0, 1.0));
}
"""

# Blocks: each channel is a triangle strip (an instance), vertex 2e on the lower edge of
# the band at entry e and 2e + 1 on its upper edge. The two triangles between entries
# e - 1 and e end on the vertices of e (GL's provoking vertex is the last), so those
# carry, flat, the band of that pair: its upper and lower edges, antialiased in the
# fragment shader.
_BLOCKS_VERTEX = _COMMON + """
flat out vec4 v_edge0;  // the band's upper edge from entry e - 1 to e (window x, y, x, y)
flat out vec4 v_edge1;  // its lower edge
flat out float v_drawn;  // 0: the pair is not drawn (a gap, or e is the first entry)

// Window y of an entry's (low, high) values, lowest first.
vec2 span(int channel, int entry, vec2 value) {
    float y0 = to_window(channel, entry, value.x).y, y1 = to_window(channel, entry, value.y).y;
    return vec2(min(y0, y1), max(y0, y1));
}

// The band's (low, high) edge at entry b, between entries a and c dx apart (each the
// (low, high) window y of an entry): moved out by hw * sqrt(1 + slope^2) for the
// steeper neighbouring slope, which keeps a sloping edge hw wide, but never beyond
// hw past the lowest (highest) of the three, which is where the strokes end: a tip
// (peak, trough, spike) gets hw, as a round join would, and no miter-like overshoot.
vec2 edge(vec2 a, vec2 b, vec2 c, float dx, float hw) {
    vec2 s = max(abs(b - a), abs(c - b)) / dx;
    vec2 w = hw * sqrt(1.0 + s * s);
    return vec2(max(b.x - w.x, min(min(a.x, b.x), c.x) - hw),
                min(b.y + w.y, max(max(a.y, b.y), c.y) + hw));
}

// Window span of entry e (or, where e is a gap or outside the draw, of `fallback`).
bool neighbour(int channel, int e, vec2 fallback, out vec2 value) {
    vec2 v;
    bool ok = e >= 0 && e < u_entries && fetch(channel, e, v);
    value = ok ? span(channel, e, v) : fallback;
    return ok;
}

void main() {
    int channel = gl_InstanceID;
    int e = gl_VertexID >> 1;
    float hw = 0.5 * u_width * u_pixel_ratio;
    v_color = texelFetch(u_colors, ivec2(channel, 0), 0);
    vec2 vb;
    if (!fetch(channel, e, vb)) {
        // A gap: the triangles it ends are not drawn (v_drawn), nor those it starts
        // (they end on a vertex whose pair holds the gap). It lies beyond the far
        // plane, in its own column, so the clipper keeps little of its triangles.
        v_drawn = 0.0;
        v_edge0 = v_edge1 = vec4(0.0);
        gl_Position = window_to_clip(to_window(channel, e, 0.0), 2.0);
        return;
    }
    vec2 b = span(channel, e, vb);
    vec2 a, p, n;
    bool joined = neighbour(channel, e - 1, b, a);
    neighbour(channel, e - 2, a, p);
    neighbour(channel, e + 1, b, n);
    float xa = to_window(channel, e - 1, 0.0).x, xb = to_window(channel, e, 0.0).x;
    float dx = max(abs(xb - xa), 1e-3);
    vec2 eb = edge(a, b, n, dx, hw);  // this entry's corner: the same for both its pairs
    vec2 ea = edge(p, a, b, dx, hw);
    v_drawn = joined ? 1.0 : 0.0;
    v_edge0 = vec4(xa, ea.y, xb, eb.y);
    v_edge1 = vec4(xa, ea.x, xb, eb.x);
    vec2 corner = (gl_VertexID & 1) == 1 ? vec2(xb, eb.y + 1.0) : vec2(xb, eb.x - 1.0);
    gl_Position = window_to_clip(corner, 0.0);
}
"""
# Samples: a capsule around each segment between two neighbouring samples, one quad
# (two triangles, six vertices pulled by gl_VertexID) per segment, an instance per
# channel (the channel is not the quotient of a vertex index by the segments per
# channel: llvmpipe divides by a uniform one vector lane at a time).
_SAMPLES_VERTEX = _COMMON + """
flat out vec4 v_segment;  // its ends in window pixels

void main() {
    int entry = gl_VertexID / 6;  // the segment's first entry
    int corner = gl_VertexID - entry * 6;
    int k = corner == 3 ? 2 : (corner == 4 ? 1 : (corner == 5 ? 3 : corner));
    int channel = gl_InstanceID;
    vec2 va, vb;
    bool drawn = fetch(channel, entry, va);
    drawn = fetch(channel, entry + 1, vb) && drawn;
    if (!drawn) {
        gl_Position = DISCARDED;
        return;
    }
    float along = (k == 1 || k == 3) ? 1.0 : 0.0;
    float side = k >= 2 ? 1.0 : -1.0;
    float hw = 0.5 * u_width * u_pixel_ratio;
    vec2 s0 = to_window(channel, entry, va.x), s1 = to_window(channel, entry + 1, vb.x);
    vec2 d = s1 - s0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);
    vec2 p = mix(s0, s1, along) + (2.0 * along - 1.0) * dir * (hw + 1.0)
             + side * nrm * (hw + 1.0);
    v_segment = vec4(s0, s1);
    gl_Position = window_to_clip(p, 0.0);
    v_color = texelFetch(u_colors, ivec2(channel, 0), 0);
}
"""

_SAMPLES_FRAGMENT = """
uniform float u_width;
uniform float u_pixel_ratio;
flat in vec4 v_color;
flat in vec4 v_segment;
out vec4 f_color;

void main() {
    vec2 p = gl_FragCoord.xy;
    vec2 a = v_segment.xy, ab = v_segment.zw - v_segment.xy;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
    float coverage = clamp(0.5 * u_width * u_pixel_ratio - length(p - a - t * ab) + 0.5,
                           0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""

_BLOCKS_FRAGMENT = """
flat in vec4 v_color;
flat in vec4 v_edge0;
flat in vec4 v_edge1;
flat in float v_drawn;
out vec4 f_color;

// Distance of p below the line through a and b (window y up), negative above it.
float below(vec2 p, vec2 a, vec2 b) {
    vec2 d = b - a;
    float len = length(d);
    if (len < 1e-6) return a.y - p.y;
    float cross_ = d.x * (p.y - a.y) - d.y * (p.x - a.x);
    return (d.x >= 0.0 ? -cross_ : cross_) / len;
}

void main() {
    if (v_drawn < 0.5) discard;
    vec2 p = gl_FragCoord.xy;
    float coverage = clamp(below(p, v_edge0.xy, v_edge0.zw) + 0.5, 0.0, 1.0)
                   * clamp(0.5 - below(p, v_edge1.xy, v_edge1.zw), 0.0, 1.0);
    if (coverage <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * coverage);
}
"""

# programs are cached by source: every instance shares them
_SAMPLES = ShaderTemplate(_SAMPLES_VERTEX, _SAMPLES_FRAGMENT)
_BLOCKS = ShaderTemplate(_BLOCKS_VERTEX, _BLOCKS_FRAGMENT)


class Stream(Visual):
    """``channels`` signals sampled every ``dt`` from ``t0``, the newest ``capacity``
    samples of each kept on the GPU and drawn as lines in one draw.

    >>> s = Stream(channels=32, capacity=100_000, dt=1e-4, stacked=True)
    >>> s.push(block)        # (k, 32): k new samples of every channel, any thread

    ``stacked`` draws channel c at ``y + (channels - 1 - c) * spacing`` (channel 0 on
    top); ``spacing=None`` takes 1.2 times the largest peak-to-peak range of one
    channel seen so far (it grows, never shrinks, so the picture does not jump).
    ``color`` is one color or one per channel (default: the color cycle). NaN and inf
    samples leave gaps. Values are drawn as float32; beyond its range they are clipped
    to it (with a warning).
    """

    def __init__(self, channels: int, capacity: int, dt: float = 1.0, t0: float = 0.0,
                 stacked: bool = False, spacing: float | None = None, color=None,
                 width: float = 1.0) -> None:
        super().__init__()
        for name, v in (("channels", channels), ("capacity", capacity)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"{name}: got {v!r}, expected an integer >= 1")
        self.channels, self.capacity = int(channels), int(capacity)
        self.dt = check_number(dt, "dt", 0.0, exclusive=True)
        self.t0 = check_number(t0, "t0")
        self.stacked = bool(stacked)
        self.spacing = spacing
        self.width = width
        # Envelope levels: blocks of 2**s samples for s = 3 .. top, the coarsest still
        # _MIN_BLOCKS blocks per capacity. The ring keeps one coarsest block more than
        # the capacity, so the oldest block on screen is never half overwritten.
        top = max(int(np.log2(max(self.capacity // _MIN_BLOCKS, 1))), _FIRST_LEVEL - 1)
        self._levels = list(range(_FIRST_LEVEL, top + 1))
        block = 1 << top if self._levels else 1
        self._slots = -(-(self.capacity + (block if self._levels else 0)) // block) * block
        self._raw = TextureRing(self._slots, self.channels)
        self._env = {s: TextureRing(self._slots >> s, self.channels) for s in self._levels}
        # producer side, guarded by the lock
        self._pending = PushRing(self._slots, self.channels)
        self._range = 0.0  # largest peak-to-peak range of one channel seen (spacing)
        self._lo = np.inf  # lowest and highest finite sample seen (bounds)
        self._hi = -np.inf
        # drawing side
        self._color_texture = None
        self.color = color

    # -- properties --------------------------------------------------------------
    @property
    def color(self):
        """One color, or one per channel."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        if value is None:
            rgba = [colors.to_rgba(f"C{c % 10}") for c in range(self.channels)]
        else:
            rgba = colors.to_rgba_array(value, self.channels)
        data = rgba_bytes(np.asarray(rgba, float))[None, :, :]
        self._color = value
        if self._color_texture is None:
            self._color_texture = Texture(data, filter="nearest")
        else:
            self._color_texture.set_data(data)

    @property
    def width(self) -> float:
        """The line width in logical pixels."""
        return self._width

    @width.setter
    def width(self, value: float) -> None:
        self._width = check_positive(value, "width")

    @property
    def spacing(self) -> float | None:
        """The offset between stacked channels, or None when not stacked."""
        return self._spacing

    @spacing.setter
    def spacing(self, value) -> None:
        self._spacing = None if value is None else check_positive(value, "spacing")

    @property
    def count(self) -> int:
        """Samples per channel pushed so far (thread-safe to read)."""
        return self._pending.head

    @property
    def kept(self) -> int:
        """Samples per channel the ring keeps: ``capacity`` plus up to one coarsest
        block (what a producer must push so that nothing drawn is missing)."""
        return self._slots

    def times(self) -> tuple[float, float]:
        """(first, last) time of the newest ``capacity`` samples, as far as pushed:
        the window that scrolls (before the ring is full, the first capacity)."""
        last = max(self._pending.head - 1, self.capacity - 1)
        return (self.t0 + (last - self.capacity + 1) * self.dt, self.t0 + last * self.dt)

    # -- producer ----------------------------------------------------------------
    def push(self, block) -> None:
        """Append ``block`` of shape (k, channels) (or (channels,) for one sample).

        Thread-safe; holds a lock only to copy k samples into the CPU ring. Uploading
        happens in the next frame, for all samples pushed since the last one."""
        arr = np.asarray(block)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"block: got dtype {arr.dtype}, expected real numbers")
        if arr.ndim == 1 and len(arr) == self.channels:
            arr = arr[None, :]
        if arr.ndim != 2 or arr.shape[1] != self.channels:
            raise ValueError(f"block: got shape {np.shape(block)}, expected (k, "
                             f"{self.channels}) for a stream of {self.channels} channels")
        arr = as_float32(arr, "block")
        recent = arr[-self._slots :]  # older samples would be overwritten at once
        if not len(recent):
            return
        with np.errstate(invalid="ignore"):  # NaN-only channels give NaN: ignored below
            lo, hi = np.fmin.reduce(recent, axis=0), np.fmax.reduce(recent, axis=0)
        spans = (hi - lo)[np.isfinite(hi - lo)]

        def follow_data() -> None:  # limits and spacing follow the data as it arrives
            if spans.size:
                self._lo = min(self._lo, float(np.nanmin(lo[np.isfinite(lo)])))
                self._hi = max(self._hi, float(np.nanmax(hi[np.isfinite(hi)])))
                self._range = max(self._range, float(spans.max()))

        self._pending.push(arr, follow_data)

    def skip(self, n: int) -> None:
        """Advance the time axis by ``n`` samples per channel without data (they are
        gaps): a producer skips what is older than ``kept`` rather than read it."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"n: got {n!r}, expected an integer >= 0")
        self._pending.skip(int(n))

    # -- drawing side --------------------------------------------------------------
    def _take_pending(self) -> None:
        """Copy what was pushed since the last frame into the textures (O(k))."""
        # from the start of the first block at level 3 (its min/max needs them)
        taken = self._pending.take(align=1 << _FIRST_LEVEL)
        if taken is None:
            return
        first, start, new = taken
        self._raw.write(first, intervals(new[first - start :]))
        with np.errstate(invalid="ignore"):
            new[~np.isfinite(new)] = np.nan  # inf samples are gaps too: min/max skip them
        self._update_envelope(start, self._pending.taken, new)

    def _update_envelope(self, start: int, head: int, new: np.ndarray) -> None:
        """Recompute the blocks holding samples start:head at every level: level 3
        from the samples, each next level from pairs of the one below."""
        for s in self._levels:
            ring = self._env[s]
            j0, j1 = start >> s, ((head - 1) >> s) + 1  # blocks touched
            if s == _FIRST_LEVEL:
                # samples j0*8 .. j1*8 (the last block may be partial: NaN-padded)
                padded = np.full(((j1 - j0) << s, self.channels), np.nan, np.float32)
                padded[start - (j0 << s) : head - (j0 << s)] = new
                blocks = padded.reshape(j1 - j0, 1 << s, self.channels)
                with np.errstate(invalid="ignore"):
                    lo, hi = np.fmin.reduce(blocks, axis=1), np.fmax.reduce(blocks, axis=1)
            else:
                # children 2j, 2j + 1 one level down; a child past the head is empty
                view = self._env[s - 1].slot_view()
                children = np.arange(2 * j0, 2 * j1)
                last_child = (head - 1) >> (s - 1)
                mm = view[children % self._env[s - 1].slots]  # a copy
                mm[mm[..., 0] > mm[..., 1]] = np.nan  # an empty child: the other decides
                mm[children > last_child] = np.nan
                mm = mm.reshape(j1 - j0, 2, self.channels, 2)
                with np.errstate(invalid="ignore"):
                    lo = np.fmin(mm[:, 0, :, 0], mm[:, 1, :, 0])
                    hi = np.fmax(mm[:, 0, :, 1], mm[:, 1, :, 1])
            env = np.stack([lo, hi], axis=-1)
            env[np.isnan(lo)] = GAP  # no finite sample in the block
            ring.write(j0, env)

    def bounds(self) -> np.ndarray | None:
        if self._pending.head == 0 and not np.isfinite(self._lo):
            return None
        x0, x1 = self.times()
        lo = self._lo if np.isfinite(self._lo) else 0.0
        hi = self._hi if np.isfinite(self._hi) else 1.0
        hi += (self.channels - 1) * self._offset()
        return np.array([[x0, lo, 0.0], [x1, hi, 0.0]])

    def _offset(self) -> float:
        """y distance between stacked channels."""
        if not self.stacked:
            return 0.0
        if self._spacing is not None:
            return self._spacing
        return 1.2 * self._range if self._range > 0 else 1.0

    def window(self, rect, columns: float) -> dict:
        """What a view showing the data rectangle ``rect`` (x0, y0, w, h) on
        ``columns`` physical pixel columns draws: the level (0: samples, else blocks of
        2**level), the ring of that level, the first entry and how many, where x starts.
        The page runtime computes the same from the draw's follower (follow.js
        ``streamWindow``), so a page pans and zooms a stream alone."""
        head = self._pending.taken  # what the textures hold (more may be pushed meanwhile)
        oldest = max(head - self.capacity, 0)
        x0, _, w, _ = rect
        lo_t, hi_t = sorted((x0, x0 + w))
        empty = {"level": 0, "ring": self._raw, "e0": 0, "e1": 0, "origin_x": self.t0}
        if head - oldest < 2:
            return empty
        a0 = max(int(np.floor((lo_t - self.t0) / self.dt)) - 1, oldest)
        a1 = min(int(np.ceil((hi_t - self.t0) / self.dt)) + 2, head)
        if a1 - a0 < 2:
            return empty
        level = self._level(w, columns)
        if level:
            e0, e1 = a0 >> level, ((a1 - 1) >> level) + 1
            # an entry at the middle of its block
            origin_x = self.t0 + ((e0 << level) + ((1 << level) - 1) / 2) * self.dt
            return {"level": level, "ring": self._env[level], "e0": e0, "e1": e1,
                    "origin_x": origin_x}
        return {"level": 0, "ring": self._raw, "e0": a0, "e1": a1,
                "origin_x": self.t0 + a0 * self.dt}

    def _level(self, width: float, columns: float) -> int:
        """The level a view ``width`` wide (data units) on ``columns`` physical pixel
        columns draws: 0 (the samples) up to ``_RAW_PER_COLUMN`` samples a column, else
        blocks of 2**level samples, 1 to 2 a column."""
        per_column = abs(width) / self.dt / max(columns, 1.0)  # samples per pixel column
        if per_column > _RAW_PER_COLUMN and self._levels:
            return min(max(int(np.floor(np.log2(per_column))), _FIRST_LEVEL),
                       self._levels[-1])
        return 0

    def _margin(self, win: dict, rect, columns: float, pixel_ratio: float) -> int:
        """Physical pixels the draw reaches beyond the view ``rect`` on ``columns``
        pixel columns: the first and last entries drawn lie up to two blocks (or
        sample steps) outside it once the window scrolls, and every band or quad
        reaches half the line width and a pixel of antialiasing past its entries.

        GL clips each triangle with a corner outside the viewport; llvmpipe, which
        has no guard band, then sends the whole batch of vertices holding it (a
        channel's strip) through its per-triangle clipping pipeline, which made a
        scrolling 256-channel frame's vertex stage several times dearer. The draw's
        viewport grows by this margin instead (``Draw.margin``: the scissor stays
        at the view, so no pixel changes); beyond ``_MAX_MARGIN`` (zoomed far into
        raw samples, a few segments per channel) clipping is cheap and is left to GL.
        """
        x0, _, w, _ = rect
        lo_t, hi_t = sorted((x0, x0 + w))
        step = (1 << win["level"]) * self.dt
        first = win["origin_x"]
        last = first + (win["e1"] - win["e0"] - 1) * step
        reach = max(lo_t - first, last - hi_t, 0.0) * columns / max(abs(w), 1e-300)
        margin = np.ceil(reach + 0.5 * self._width * pixel_ratio + 2.0)
        return int(min(margin, _MAX_MARGIN))

    def _follower(self, columns: float) -> dict:
        """The page's ``stream`` follower: what ``window`` reads, and every ring (the
        draw's ``data`` holds the program of each kind of level)."""
        head = self._pending.taken
        rings = [self._raw] + [self._env[s] for s in self._levels]
        return {"kind": "stream", "t0": self.t0, "dt": self.dt, "head": head,
                "oldest": max(head - self.capacity, 0), "channels": self.channels,
                "levels": list(self._levels), "raw_per_column": _RAW_PER_COLUMN,
                "columns": columns,
                "rings": [{"slots": r.slots, "m": r.m, "texture": r.texture.id}
                          for r in rings]}

    def draws(self, ctx: DrawContext) -> list[Draw]:
        self._take_pending()
        columns = max(ctx.size[0] * ctx.pixel_ratio, 1.0)
        margin = 0
        if ctx.camera["type"] == "panzoom":
            rect = ctx.camera["rect"]
        else:  # 3D views: every sample
            head = self._pending.taken
            oldest = max(head - self.capacity, 0)
            rect = (self.t0 + oldest * self.dt, 0.0, (head - oldest) * self.dt, 0.0)
        win = self.window(rect, columns)
        level, ring, e0, e1 = win["level"], win["ring"], win["e0"], win["e1"]
        if e1 - e0 >= 2:
            if ctx.camera["type"] == "panzoom":
                margin = self._margin(win, rect, columns, ctx.pixel_ratio)
        else:
            # Nothing in view (no samples yet, or a view beside them): a draw of
            # nothing, with the program this view draws with and every ring, so that
            # an executor makes them in this frame and keeps them, as it keeps what a
            # frame names. The rings hold capacity x channels intervals (260 MB at
            # 256 channels x 10^5 samples): made in the frame the first samples
            # arrive, or again after a pan beside the samples, they stalled it (1.3 s
            # at 256 channels on llvmpipe; benchmarks/README.md, 2026-12-04).
            level = self._level(rect[2], columns)
            ring, e0, e1 = (self._env[level] if level else self._raw), 0, 0
        # a page follows the camera alone (follow.js computes the window again)
        follow = self._follower(columns) if ctx.follow and ctx.camera["type"] == "panzoom" \
            else None
        # an instance per channel: a strip of blocks, or a quad per pair of samples
        if level:
            program, mode, count = _BLOCKS.compose(), "triangle_strip", 2 * (e1 - e0)
        else:
            program, mode, count = _SAMPLES.compose(), "triangles", 6 * max(e1 - e0 - 1, 0)
        return [Draw(
            program=program, view=ctx.view_id, mode=mode, count=count, instances=self.channels,
            uniforms={"u_step": float((1 << level) * self.dt), "u_spacing": self._offset(),
                      "u_width": self._width},
            int_uniforms={"u_channels": self.channels, "u_row_shift": ring.m.bit_length() - 1,
                          "u_ring": ring.slots, "u_first": e0 % ring.slots,
                          "u_entries": e1 - e0},
            # every level stays bound (and so resident and up to date on the GPU), so
            # that zooming to another level uploads nothing
            textures={"u_data": ring.texture, "u_colors": self._color_texture,
                      "u_raw": self._raw.texture,
                      **{f"u_level{s}": r.texture for s, r in self._env.items()}},
            state=State(depth_test=ctx.is_3d, blend="alpha"),
            origin=(win["origin_x"], 0.0, 0.0), model=self.model_matrix(), follow=follow,
            margin=margin,
            data={} if follow is None else {"samples": _SAMPLES.compose(),
                                            "blocks": _BLOCKS.compose()},
        )]
