"""Text: signed-distance-field glyphs from a shared atlas, many labels in one draw.

Each Text visual draws from a small sheet of its own glyphs (copied from the shared
atlas), so frames, pages and notebook updates carry only the glyphs they show.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, Texture
from ..shaders import ShaderTemplate
from . import glsl
from .base import (
    DrawContext,
    PrimitiveContext,
    Visual,
    absolute_float32,
    as_array,
    as_positions,
    check_number,
    check_positive,
    is_nonlinear,
    split_origin,
    transform_parts,
)
from .fonts import (
    IGNORABLE,
    LIGATURES,
    TextLayout,
    check_anchors,
    check_text,
    compositions,
    hint_for,
    hinting,
)
from .glyphs import BASE_SIZE, SDF_EDGE, SPREAD, atlas_cells, get_atlas, rule_cell
from .mathtext import extent_rich, rich_layout
from .text_outline import text_primitives

_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + """
in vec3 a_anchor;
in vec2 a_offset;
in vec2 a_uv;  // texels from the glyph's cell's top-left corner (a rule: see below)
in vec4 a_cell;  // the cell in the sheet: x, y, width, height in texels; 0: a rule
in vec4 a_color;
in float a_scale;
in vec3 a_dir;  // (0, 0, 0) unless the label follows a direction (unbound: zero)
in vec3 a_dir_at;  // where the direction is measured, from the anchor (unbound: zero)
in vec4 a_box;  // the label's box around its anchor (x0, y0, x1, y1), for u_align_x >= 0
uniform int u_align_x;  // -1: turn about the anchor; 0, 1, 2: align the turned box's
uniform int u_align_y;  // left, centre, right and bottom, centre, top, 3 baseline
uniform float u_dilate;  // pixels the glyphs are thickened by (outlines, strokes)
out vec2 v_uv;
flat out vec4 v_cell;
out vec4 v_color;
out float v_scale;
#pragma snippets

void main() {
    vec4 c = u_mvp * $transform(vec4(a_anchor, 1.0));
    if (!(c.w > 0.0)) {  // behind the eye, or NaN (a transform hides the label)
        gl_Position = DISCARDED;
        return;
    }
    vec2 offset = a_offset;
    if (a_dir != vec3(0.0)) {
        // the baseline follows the direction on screen, turned to read left to right
        vec4 c1 = u_mvp * $transform(vec4(a_anchor + a_dir_at, 1.0));
        vec4 c2 = u_mvp * $transform(vec4(a_anchor + a_dir_at + a_dir, 1.0));
        vec2 d = c1.w > 0.0 && c2.w > 0.0 ? clip_to_window(c2) - clip_to_window(c1)
                                          : vec2(0.0);
        float a = (d.x == 0.0 && d.y == 0.0) ? 0.0 : atan(d.y, d.x);
        if (a > 1.5707964) a -= 3.1415927;
        if (a <= -1.5707963) a += 3.1415927;
        mat2 r = mat2(cos(a), sin(a), -sin(a), cos(a));
        offset = r * offset;
        if (u_align_x >= 0) {  // matplotlib's rotation_mode 'default': align the turned box
            vec2 p0 = r * a_box.xy, p1 = r * a_box.zy, p2 = r * a_box.zw, p3 = r * a_box.xw;
            vec2 lo = min(min(p0, p1), min(p2, p3)), hi = max(max(p0, p1), max(p2, p3));
            float sx = u_align_x == 0 ? -lo.x : u_align_x == 1 ? -0.5 * (lo.x + hi.x) : -hi.x;
            float sy = u_align_y == 0 ? -lo.y : u_align_y == 1 ? -0.5 * (lo.y + hi.y)
                     : u_align_y == 2 ? -hi.y : a_box.y - lo.y;
            offset += vec2(sx, sy);
        }
    }
    // The anchor at 1/64 pixel, as matplotlib's Agg places each glyph (FreeType's 26.6
    // origin); rounded in the view's own pixels, which the viewport's whole-pixel corner
    // does not change, so a view draws alike wherever its viewport lies.
    vec2 anchor = floor((c.xy / c.w * 0.5 + 0.5) * u_viewport.zw * 64.0 + 0.5) / 64.0;
    vec2 at = anchor + offset * u_pixel_ratio;
    if (a_cell.z == 0.0) {
        // A mathtext rule (fraction bar, radical's overbar) as matplotlib's Agg fills it:
        // grown about its middle to at least a pixel each way, its edges then rounded to
        // whole pixels (Agg's y runs down: halves round up there), so it is crisp.
        // a_offset is its centre, a_uv this corner from the centre, both turned.
        vec2 h = a_uv * u_pixel_ratio;
        vec2 p = at + sign(h) * (max(abs(h), 0.5) + u_dilate * u_pixel_ratio);
        at = vec2(floor(p.x + 0.5), ceil(p.y - 0.5));
    }
    gl_Position = vec4(at / u_viewport.zw * 2.0 - 1.0, c.z / c.w, 1.0);
    v_uv = a_uv;
    v_cell = a_cell;
    v_color = a_color / 255.0;
    v_scale = a_scale;
}
""",
    fragment="""
uniform sampler2D u_atlas;
uniform float u_pixel_ratio;
uniform float u_dilate;        // pixels the glyphs are thickened by (outlines, strokes)
in vec2 v_uv;
flat in vec4 v_cell;
in vec4 v_color;
in float v_scale;
out vec4 f_color;

// One texel of the glyph's cell; 0 (far outside) around it, as around every atlas cell.
float cell_texel(ivec2 i) {
    if (any(lessThan(i, ivec2(0))) || any(greaterThanEqual(i, ivec2(v_cell.zw)))) return 0.0;
    return texelFetch(u_atlas, ivec2(v_cell.xy) + i, 0).r;
}

void main() {
    if (v_cell.z == 0.0) {  // a rule, whose quad covers whole pixels: solid
        f_color = v_color;
        return;
    }
    // Bilinear filtering by hand, in the cell's own texels with float weights: the
    // sampler's (8-bit weights on some GPUs, coordinates normalized by the texture's
    // size) would draw a glyph differently wherever its cell lies in the sheet, that is
    // depending on the glyphs drawn before.
    vec2 p = v_uv - 0.5;
    vec2 f = floor(p);
    vec2 w = p - f;
    ivec2 i = ivec2(f);
    float s = mix(mix(cell_texel(i), cell_texel(i + ivec2(1, 0)), w.x),
                  mix(cell_texel(i + ivec2(0, 1)), cell_texel(i + ivec2(1, 1)), w.x), w.y);
    s = s * 255.0 - EDGE;
    float d = s * v_scale * u_pixel_ratio;   // signed distance in pixels, > 0 inside
    float alpha = clamp(d + 0.5 + u_dilate * u_pixel_ratio, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    f_color = vec4(v_color.rgb, v_color.a * alpha);
}
""".replace("EDGE", f"{float(SDF_EDGE):.1f}"),
)

_SHEET_WIDTH = 128  # texels; a sheet only grows in height
_SHEET_ROWS = 32  # height granularity


class _GlyphSheet:
    """The texels one Text visual samples, copied out of the shared glyph atlas.

    The shared atlas holds every glyph this process ever drew (1024 texels wide), so a
    frame, a page or a notebook update carries only the visual's own glyphs: each cell a
    quad samples is copied once onto shelves of a small texture. New glyphs go into free
    shelf space (only their rows are uploaded again); when the sheet must grow it is
    repacked with the cells in use, and those shown before while they take at most half
    of it, so glyphs no longer shown neither pile up nor make every relabelling repack.
    The shader reads a cell only inside its own rectangle, so cells need no margin.
    """

    def __init__(self) -> None:
        self.image = np.zeros((_SHEET_ROWS, _SHEET_WIDTH), np.uint8)
        self.texture = Texture(self.image, filter="nearest")
        self._places: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        self._shelves: list[list[int]] = []  # [y, height, x cursor]
        self._last: tuple | None = None  # (cells, result) of the last map

    def map(self, cells: np.ndarray, atlas: np.ndarray) -> np.ndarray:
        """Atlas cells (n, 4: x, y, width, height) to the same cells in this sheet,
        copying those the sheet lacks (the texture then uploads what changed). Every
        quad of the visual at once: a repack keeps only the cells named here."""
        if len(cells) == 0:
            return np.zeros((0, 4), np.float32)
        last = self._last
        # a pan moves the same labels: their cells map as last time (the sheet changes
        # only here, so the last call's result is still right for the same cells)
        if last is not None and np.array_equal(last[0], cells):
            return last[1].copy()
        rects, inverse = np.unique(cells, axis=0, return_inverse=True)
        keys = [tuple(int(v) for v in r) for r in rects]
        missing = [k for k in keys if k not in self._places]
        if missing and not self._add(missing, atlas):
            # Keep the glyphs shown before too while they are at most half the sheet:
            # tick labels that come and go must not repack the sheet at every pan.
            shown = set(keys)
            stale = [k for k in self._places if k not in shown]
            area = lambda ks: sum(w * h for _, _, w, h in ks)  # noqa: E731
            self._repack(keys + stale if area(stale) <= area(keys) else keys, atlas)
        placed = np.array([(*self._places[k], k[2], k[3]) for k in keys], np.float32)
        out = placed[inverse.reshape(-1)]
        self._last = (cells.copy(), out.copy())
        return out

    def locate(self, cell: tuple[int, int, int, int]) -> tuple[int, int] | None:
        """Where the sheet holds an atlas cell (x, y, width, height): its (x, y) in the
        sheet, or None when the sheet lacks it."""
        return self._places.get(tuple(int(v) for v in cell))

    @staticmethod
    def _pack(sizes, shelves: list[list[int]], width: int, height: int | None):
        """Shelf-pack (w, h) sizes, tallest first, after ``shelves`` (changed in place);
        returns {index: (x, y)}, or None when ``height`` is given and they do not fit."""
        places = {}
        for i in sorted(range(len(sizes)), key=lambda i: -sizes[i][1]):
            w, h = sizes[i]
            for shelf in shelves:
                y, sh, cx = shelf
                if h <= sh and cx + w <= width:
                    places[i] = (cx, y)
                    shelf[2] += w
                    break
            else:
                y = shelves[-1][0] + shelves[-1][1] if shelves else 0
                if height is not None and y + h > height:
                    return None
                shelves.append([y, h, w])
                places[i] = (0, y)
        return places

    def _add(self, keys, atlas: np.ndarray) -> bool:
        """Put ``keys`` in the free space of the sheet; False (nothing changed) if they
        do not fit."""
        h, w = self.image.shape
        sizes = [k[2:] for k in keys]
        shelves = [list(s) for s in self._shelves]
        places = self._pack(sizes, shelves, w, h)
        if places is None:
            return False
        self._shelves = shelves
        image = self.image.copy()
        for i, key in enumerate(keys):
            self._put(image, key, places[i], atlas)
        self.image = image
        self.texture.set_data(image)  # same shape: only the rows that changed go up
        return True

    def _repack(self, keys, atlas: np.ndarray) -> None:
        """A new sheet holding only ``keys`` (the cells in use)."""
        sizes = [k[2:] for k in keys]
        width = max([_SHEET_WIDTH] + [w for w, _ in sizes])
        shelves: list[list[int]] = []
        places = self._pack(sizes, shelves, width, None)
        used = shelves[-1][0] + shelves[-1][1]
        self.image = np.zeros((-(-used // _SHEET_ROWS) * _SHEET_ROWS, width), np.uint8)
        self._places, self._shelves = {}, shelves
        for i, key in enumerate(keys):
            self._put(self.image, key, places[i], atlas)
        self.texture.set_data(self.image)

    def _put(self, image: np.ndarray, key, place, atlas: np.ndarray) -> None:
        x0, y0, w, h = key
        x, y = place
        image[y : y + h, x : x + w] = atlas[y0 : y0 + h, x0 : x0 + w]
        self._places[key] = place


_CORNERS = [0, 1, 2, 0, 2, 3]  # two triangles per glyph quad


def _hinted_table(font, chars: str, hint: tuple[float, int]) -> tuple[dict, dict, dict]:
    """({char: advance}, {pair: kerning}, {char: [bottom, top]}) in 1/64 px at ``hint``
    = (pixels per em, load flags): what a page lays plain lines out and measures their
    ink with (mathtext.js ``hintedBox``; :func:`.fonts.line_ink`)."""
    px64 = round(hint[0] * 64)
    index = {c: font.index(c) for c in chars}
    advance = {c: font.hinted_advance(i, px64, hint[1]) for c, i in index.items()}
    kern = {a + b: k for a in chars for b in chars
            if (k := font.hinted_kerning(index[a], index[b], px64)) != 0}
    ink = {c: list(font.hinted_ink(i, px64, hint[1])) for c, i in index.items()}
    return advance, kern, ink


# the corners of a rule's quad from its centre, in half extents: BL, BR, TR, TL
_RULE_CORNERS = np.array([[-1.0, -1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]])


def _solid_rules(rules: np.ndarray, size: float, quarter_turns: int,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rules (em) as the shader's solid boxes, the quads of :func:`.glyphs.atlas_cells`:
    every corner at the rule's centre (pixels), its texels the corner from the centre
    (the shader grows it to a pixel and rounds it to whole pixels, as Agg fills
    matplotlib's mathtext rules) and its cell all zero, turned by ``quarter_turns``
    quarters counter-clockwise (exactly: the box stays on the pixel grid)."""
    r = rules[(rules[:, 2] > rules[:, 0]) & (rules[:, 3] > rules[:, 1])] * size
    c, s = ((1, 0), (0, 1), (-1, 0), (0, -1))[quarter_turns % 4]
    turn = np.array([[c, s], [-s, c]], np.float64)  # row vectors: v @ turn turns v
    centre = (0.5 * (r[:, :2] + r[:, 2:])) @ turn
    half = 0.5 * (r[:, 2:] - r[:, :2])
    quads = np.repeat(centre[:, None, :], 4, axis=1)
    local = (half[:, None, :] * _RULE_CORNERS) @ turn
    return quads, local, np.zeros((len(r), 4), np.int64)


@lru_cache(maxsize=4096)
def _glyph_run(atlas, text: str, size: float, anchor_x: str, anchor_y: str,
               rotation: float, hinting: tuple | None, solid_rules: bool = True,
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The 6 vertices per glyph quad of one label: offsets from its anchor in pixels and
    texels in the quad's cell (float32), and each quad's atlas cell (x, y, width, height;
    cells never move), read-only. Kept because a pan relabels with the strings it
    showed before. ``hinting`` (:func:`.fonts.hinting`, which the layout reads) keys
    the cache. Mathtext rules are solid boxes on whole pixels (:func:`_solid_rules`)
    where ``solid_rules`` and the label turns by quarter turns (Agg snaps only
    rectangles on the pixel grid), else cut out of the full block glyph."""
    layout = rich_layout(check_text(text), atlas.font, anchor_x, anchor_y, font_size=size)
    quarters = rotation / 90.0
    solid = solid_rules and len(layout.rules) and quarters == round(quarters)
    quads, local, cells = atlas_cells(
        atlas, replace(layout, rules=np.zeros((0, 4))) if solid else layout, size, rotation)
    if solid:
        boxes = _solid_rules(layout.rules, size, round(quarters))
        quads, local, cells = (np.concatenate([a, b.astype(a.dtype)])
                               for a, b in zip((quads, local, cells), boxes, strict=True))
    offset = quads[:, _CORNERS].reshape(-1, 2)
    texel = local[:, _CORNERS].reshape(-1, 2).astype(np.float32)
    offset.flags.writeable = texel.flags.writeable = cells.flags.writeable = False
    return offset, texel, cells


class Text(Visual):
    """One or many text labels anchored at data positions, sized in pixels.

    >>> Text("hello", pos=(0.5, 0.5), font_size=14, color="black")
    >>> Text(["a", "b", "c"], pos=xy, font_size=10, anchor_x="left", rotation=90)

    ``anchor_x`` is 'left', 'center' or 'right'; ``anchor_y`` is 'top', 'center',
    'bottom' or 'baseline'; ``rotation`` is degrees counter-clockwise on screen.
    ``bold`` picks DejaVu Sans Bold; ``face`` any bundled face ('serif-italic', 'mono',
    ... see :data:`.fonts.FACES`). ``dilate`` thickens the glyphs by that many pixels
    (an outline drawn under the text; at most the SDF's reach, about a sixth of the
    font size).
    Labels face the screen in 3D views. ``direction`` (one (x, y, z) or one per label,
    in the coordinates of ``pos``) turns each label so that its baseline follows that
    direction as the camera sees it, read left to right (within ±90°): computed in the
    vertex shader, so labels along the edges of a 3D box turn as the box rotates. A zero
    direction leaves its label level; ``direction_from`` (offsets from the anchors) says
    where the direction is measured when not at the anchor (in perspective a direction
    looks different at different places: an axis label follows its edge, not the line
    through itself). ``rotation_mode`` says how turned labels meet their anchor, as
    matplotlib's: 'anchor' turns them about it, 'default' aligns the turned label's
    bounding box with it (``anchor_x``/``anchor_y``).
    """

    def __init__(self, text="", pos=(0.0, 0.0), font_size: float = 12.0, color="black",
                 anchor_x: str = "center", anchor_y: str = "center", rotation: float = 0.0,
                 bold: bool = False, face: str | None = None, dilate: float = 0.0,
                 direction=None, rotation_mode: str = "anchor", direction_from=None) -> None:
        if rotation_mode not in ("anchor", "default"):
            raise ValueError(f"rotation_mode: got {rotation_mode!r}, expected 'anchor' or "
                             "'default'")
        self._rotation_mode = rotation_mode
        self._bold = bool(bold)
        super().__init__()
        self._buffers = {name: Buffer(np.zeros((0, k), dtype))
                         for name, k, dtype in (("anchor", 3, np.float32),
                                                ("offset", 2, np.float32),
                                                ("uv", 2, np.float32),
                                                ("cell", 4, np.float32),
                                                ("color", 4, np.uint8),
                                                ("scale", 1, np.float32),
                                                ("dir", 3, np.float32),
                                                ("box", 4, np.float32),
                                                ("dir_at", 3, np.float32))}
        self._direction = None
        self._direction_from = None
        self._origin = np.zeros(3)
        self._atlas = get_atlas(bold, face)
        self._dilate = check_number(dilate, "dilate")
        self._sheet = _GlyphSheet()
        self._quads: tuple = (None, None)  # (key, (labels shown, vertices of each)): _rebuild
        self._text, self._points = [], np.zeros((0, 3))
        self._font_size = check_positive(font_size, "font_size")
        self._color = color
        check_anchors(anchor_x, anchor_y, 0.0)
        self._anchor = (anchor_x, anchor_y)
        self._rotation = check_number(rotation, "rotation")
        self._styles: list | None = None  # per-label (size, anchor_x, anchor_y, rotation)
        self._reserve = ""
        self._reserved = (None, None)  # (reserve, its atlas cells)
        self.set_data(text, pos, direction=direction, direction_from=direction_from)

    @property
    def reserve(self) -> str:
        """Characters whose glyphs the visual's sheet always holds, shown or not: a
        page that lays out new labels itself (tick labels, docs/frame.md) finds them
        there (:meth:`glyph_table`)."""
        return self._reserve

    @reserve.setter
    def reserve(self, chars: str) -> None:
        if not isinstance(chars, str):
            raise TypeError(f"reserve: got {type(chars).__name__}, expected str")
        chars = "".join(sorted(set(chars)))
        if chars != self._reserve:
            self._reserve = chars
            self._rebuild()

    def set_data(self, text, pos=None, color=None, styles=None, direction=None,
                 direction_from=None) -> None:
        """Replace the strings (one str or a list), optionally their positions, colors,
        directions and where those are measured (None keeps them, while there are as
        many labels as before). ``styles`` gives each label its own ``(font_size,
        anchor_x, anchor_y, rotation)`` (None: the visual's). Input that does not fit
        leaves the labels as they were."""
        try:
            strings = [text] if isinstance(text, str) else list(text)
        except TypeError:
            strings = [text]  # not iterable: reported below
        for s in strings:
            if not isinstance(s, str):
                raise TypeError(f"text: got {type(s).__name__}, expected str or list of str")
        if pos is not None:
            arr = as_array(pos, "pos")
            points = as_positions(arr.reshape(1, -1) if arr.ndim == 1 else arr, "pos")
        else:
            points = self._points
        if len(points) != len(strings):
            raise ValueError(f"pos: got {len(points)} positions for {len(strings)} strings")
        color = self._color if color is None else color
        rgba8 = colors.to_rgba_bytes(color, len(strings))  # checked before anything changes
        if styles is not None:
            styles = _checked_styles(styles)
            if len(styles) != len(strings):
                raise ValueError(f"styles: got {len(styles)} styles for {len(strings)} strings")
        direction = self._vectors(direction, self._direction, "direction", len(strings))
        direction_from = self._vectors(direction_from, self._direction_from,
                                       "direction_from", len(strings))
        self._text, self._points, self._color = strings, points, color
        self._styles = styles
        self._direction, self._direction_from = direction, direction_from
        self._rebuild(rgba8)

    @staticmethod
    def _vectors(value, old, argument: str, n: int) -> np.ndarray | None:
        """(n, 3) vectors from one or n (x, y, z); None keeps ``old`` if it fits."""
        if value is None:
            return old if old is not None and len(old) == n else None
        arr = as_array(value, argument)
        if arr.dtype.kind not in "biuf":
            raise TypeError(f"{argument}: got dtype {arr.dtype}, expected real numbers")
        if arr.shape == (3,):
            arr = np.tile(arr, (n, 1))
        if arr.shape != (n, 3) or not np.isfinite(arr).all():
            raise ValueError(f"{argument}: got shape {arr.shape}, expected (3,) or ({n}, 3) "
                             "finite numbers")
        return arr.astype(float)

    def move(self, pos) -> None:
        """New anchor positions for the labels as they are (as many, each keeping its
        string, color, style and direction): what a pan does to tick labels, without
        ``set_data``'s checks of everything else."""
        arr = as_array(pos, "pos")
        points = as_positions(arr.reshape(1, -1) if arr.ndim == 1 else arr, "pos")
        if len(points) != len(self._text):
            raise ValueError(f"pos: got {len(points)} positions for {len(self._text)} "
                             "strings")
        self._points = points
        self._rebuild(self._rgba8)

    @property
    def text(self):
        """The string, or the list of strings (one per position)."""
        return self._text[0] if len(self._text) == 1 else list(self._text)

    @text.setter
    def text(self, value) -> None:
        self.set_data(value)

    @property
    def pos(self) -> np.ndarray:
        """A copy of the anchor positions, (n, 3) float64."""
        return self._points.copy()

    @pos.setter
    def pos(self, value) -> None:
        self.set_data(self._text, value)

    @property
    def font_size(self) -> float:
        """The font size in logical pixels."""
        return self._font_size

    @font_size.setter
    def font_size(self, value: float) -> None:
        self._font_size = check_positive(value, "font_size")
        self._rebuild()

    @property
    def color(self):
        """The text color."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        colors.to_rgba_array(value, len(self._text))  # checked before anything changes
        self._color = value
        self._rebuild()

    @property
    def rotation(self) -> float:
        """The rotation in degrees, counter-clockwise."""
        return self._rotation

    @rotation.setter
    def rotation(self, value: float) -> None:
        self._rotation = check_number(value, "rotation")
        self._rebuild()

    def _upload_geometry(self) -> None:
        self._rebuild()

    def _rebuild(self, rgba8: np.ndarray | None = None) -> None:
        """Lay out every label into glyph quads (6 vertices each); ``rgba8``: the
        labels' color bytes when the caller has them."""
        n = len(self._text)
        if rgba8 is None:
            rgba8 = colors.to_rgba_bytes(self._color, n)
        self._rgba8 = rgba8  # the labels' color bytes, for move
        if is_nonlinear(self):
            self._origin = np.zeros(3)
            local = absolute_float32(self._points)
        else:
            self._origin, local, _ = split_origin(self._points)
        valid = np.isfinite(self._points).all(axis=1)
        # what the glyph quads depend on besides the anchors: a pan moves the same
        # labels, whose quads, texels, colors and scales stay as they are (not uploaded)
        key = None if self._direction is not None else (
            tuple(self._text), valid.tobytes(), rgba8.tobytes(), self._styles, self._font_size,
            self._anchor, self._rotation, self._reserve, hinting())
        if key is not None and key == self._quads[0]:
            shown, counts = self._quads[1]
            if shown:
                self._buffers["anchor"].set_data(np.repeat(local[shown], counts, axis=0))
            return
        parts = {k: [] for k in self._buffers}
        shown, counts, scales = [], [], []  # per label drawn: its vertices repeat these
        cells = []  # per quad: its atlas cell
        for i, s in enumerate(self._text):
            if not valid[i] or not s.strip():
                continue
            size, anchor_x, anchor_y, rotation = self._style(i)
            # labels the shader turns along a direction keep rules cut from the block
            offset, texel, cell = _glyph_run(self._atlas, s, size, anchor_x, anchor_y,
                                             rotation, hinting(), self._direction is None)
            parts["offset"].append(offset)
            parts["uv"].append(texel)
            cells.append(cell)
            shown.append(i)
            counts.append(len(offset))
            scales.append(SPREAD / SDF_EDGE * size / BASE_SIZE)
            if self._direction is not None and self._rotation_mode == "default":
                parts["box"].append(np.tile(self._box(s, i), (len(offset), 1)))
        if shown:  # one repeat per attribute, not one per label
            per_label = {"anchor": local, "color": rgba8, "scale": np.array(scales)}
            if self._direction is not None:
                per_label["dir"] = self._direction
                if self._direction_from is not None:
                    per_label["dir_at"] = self._direction_from
            for k, values in per_label.items():
                rows = values if k == "scale" else values[shown]
                parts[k] = [np.repeat(rows, counts, axis=0)]
        # the reserved glyphs' cells go through the sheet too (it keeps what it maps)
        reserved = self._reserved_cells()
        cells = np.concatenate(cells + [reserved]).reshape(-1, 4)
        if len(cells):
            glyph = cells[:, 2] > 0  # rules' cells are zero: they sample nothing
            mapped = np.zeros(cells.shape, np.float32)
            mapped[glyph] = self._sheet.map(cells[glyph], self._atlas.image)
            parts["cell"] = [np.repeat(mapped[: len(cells) - len(reserved)], len(_CORNERS),
                                       axis=0)]
        for k, buf in self._buffers.items():
            arrays = parts[k]
            data = np.concatenate(arrays) if arrays else np.zeros((0,) + buf.data.shape[1:],
                                                                  buf.data.dtype)
            buf.set_data(data.astype(buf.data.dtype))
        self._quads = (key, (shown, counts))

    def _style(self, i: int) -> tuple:
        """(font size, anchor_x, anchor_y, rotation) of label ``i``."""
        if self._styles is None:
            return (self._font_size, *self._anchor, self._rotation)
        return self._styles[i]

    def _layout(self, s: str, i: int) -> TextLayout:
        """The device-neutral layout of label ``i`` (em, relative to its anchor): the
        atlas quads and the vector glyph runs both come from it."""
        size, ax, ay, _ = self._style(i)
        return rich_layout(check_text(s), self._atlas.font, ax, ay, font_size=size)

    def _reserved_cells(self) -> np.ndarray:
        """Atlas cells (x, y, width, height) of the reserved glyphs (kept for the same
        reserve: cells never move in the atlas)."""
        if self._reserved[0] == self._reserve:
            return self._reserved[1]
        cells = np.array([g.rect for c in self._reserve if (g := self._atlas.glyph(c)).rect[2]],
                         np.int64).reshape(-1, 4)
        cells.flags.writeable = False
        self._reserved = (self._reserve, cells)
        return cells

    def glyph_key(self) -> tuple:
        """What :meth:`glyph_table` depends on (the reserve and where the sheet put
        the glyphs), to tell when a cached table is stale."""
        return (self._reserve, self._sheet.texture.version, self._sheet.image.shape)

    def glyph_table(self, chars: str | None = None) -> dict:
        """What a page needs to lay out labels from this visual's sheet itself (the
        ``axes`` follower, docs/frame.md): per character (the reserved ones, or
        ``chars``), its advance and quad in em (from the pen on the baseline), its
        outline box in em (math layout) and its cell in the sheet (x, y, width, height
        in texels, y down: ``a_cell``; ``a_uv`` is in texels of the cell); the text
        box's least ascent and descent (``ascender``, ``descender`` < 0: the font's
        :attr:`.fonts.Font.box_metrics`), kerning pairs, the SDF scale (``a_scale``
        is ``sdf_scale * font_size``), and for a raster (:func:`.fonts.hinting`) per
        font size of its labels the hinted advances, kerning and ink (bottom, top) of
        plain lines in 1/64 px (``hinted``: [size, {char: advance}, {pair: kerning},
        {char: [bottom, top]}], as :func:`.fonts.line_glyphs` and
        :func:`.fonts.line_ink` take them); how plain lines are shaped
        (:func:`.fonts.shaped`): the font's ``ligatures`` ([letters, character], in the
        order tried) of the letters here, the ``ignorable`` characters here and the
        ``combining`` marks here (the characters composing them with a letter here
        are in the table: :func:`.fonts.compositions`)."""
        from .mathtext import glyph_ink, math_metrics, spacing_class

        atlas = self._atlas
        chars = set(self._reserve if chars is None else chars)
        # plain lines are shaped (fonts.shaped): the font's ligatures of these letters,
        # the characters that take no glyph
        ligatures = [[seq, lig] for seq, lig in LIGATURES.get(atlas.font.path.name, ())
                     if set(seq) <= chars]
        chars |= {lig for _, lig in ligatures}
        # and a letter and its combining marks in one character where the font has it
        combining, composed_chars = compositions(atlas.font, "".join(chars))
        chars |= set(composed_chars)
        ignorable = "".join(sorted(c for c in chars if c in IGNORABLE and ord(c) >= 32))
        chars = "".join(sorted(chars))
        atlas.ensure(chars)
        glyphs = {}
        for c in chars:
            g = atlas.glyph(c)
            entry = {"advance": g.advance, "box": list(g.box), "ink": None, "cell": None}
            if (spacing := spacing_class(c)) is not None:  # math spaces it: 'bin', 'rel'
                entry["spacing"] = spacing
            ink = glyph_ink(atlas, c)
            if ink is not None:
                entry["ink"] = list(ink)
            if g.rect[2] and (place := self._sheet.locate(g.rect)) is not None:
                entry["cell"] = [*place, *g.rect[2:]]
            glyphs[c] = entry
        kern = {a + b: k for a in chars for b in chars if (k := atlas.kerning(a, b)) != 0.0}
        x_height, axis, rule, space = math_metrics(atlas)
        ascent, descent, _gap = atlas.font.box_metrics
        extra = {"rule_cell": rule_cell(atlas)} if "\u2588" in glyphs else {}
        hinted = []
        for size in sorted({self._font_size, *(st[0] for st in self._styles or ())}):
            if (hint := hint_for(size)) is not None:
                hinted.append([size, *_hinted_table(atlas.font, chars, hint)])
        if hinted:
            extra["hinted"] = hinted
        if ligatures:
            extra["ligatures"] = ligatures
        if ignorable:
            extra["ignorable"] = ignorable
        if combining:
            extra["combining"] = combining
        return {**extra, "glyphs": glyphs, "kern": kern, "ascender": ascent,
                "descender": -descent, "sdf_scale": SPREAD / SDF_EDGE / BASE_SIZE,
                "x_height": x_height, "axis": axis, "rule": rule,
                "math_space": space}

    def _box(self, s: str, i: int) -> np.ndarray:
        """Label ``i``'s layout box around its anchor: (x0, y0, x1, y1) in pixels."""
        size, anchor_x, anchor_y, _ = self._style(i)
        w, h, descent = extent_rich(s, size, atlas=self._atlas)
        x0 = {"left": 0.0, "center": -w / 2, "right": -w}[anchor_x]
        y0 = {"top": -h, "bottom": 0.0, "center": -h / 2, "baseline": -descent}[anchor_y]
        return np.array([x0, y0, x0 + w, y0 + h])

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._points)

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """Glyph runs (and the rules of mathtext as filled paths) at the anchors as
        they fall, unrounded, as matplotlib's SVG and PDF backends write text (the
        shader rounds them to 1/64 pixel, as Agg places glyphs)."""
        if ctx is None:  # no world-space form
            return []
        rgba = colors.to_rgba_bytes(self._color, len(self._text)) / 255.0
        anchors = ctx.to_pixels(self._points, self)
        turn = self._screen_turns(ctx)
        out = []
        for i, s in enumerate(self._text):
            if not np.isfinite(anchors[i]).all() or not s.strip():
                continue
            size, _, _, rotation = self._style(i)
            anchor = anchors[i]
            if turn is not None and np.isfinite(turn[i]):
                rotation = turn[i]
                if self._rotation_mode == "default":
                    anchor = anchor + self._turned_shift(s, i, rotation)
            out.extend(text_primitives(self._layout(s, i), size, anchor, rotation,
                                       tuple(rgba[i]), text=s, clip=ctx.clip,
                                       dilate=self._dilate * ctx.pixel_ratio))
        return out

    def _turned_shift(self, s: str, i: int, degrees: float) -> np.ndarray:
        """Where rotation_mode 'default' moves label ``i`` turned by ``degrees``: its
        turned box aligned as the unturned one is (the shader's ``u_align``), in
        canvas pixels (y down)."""
        a = np.radians(degrees)
        r = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        _, anchor_x, anchor_y, _ = self._style(i)
        x0, y0, x1, y1 = self._box(s, i)
        turned = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]) @ r.T
        lo, hi = turned.min(axis=0), turned.max(axis=0)
        sx = {"left": -lo[0], "center": -(lo[0] + hi[0]) / 2, "right": -hi[0]}[anchor_x]
        sy = {"bottom": -lo[1], "center": -(lo[1] + hi[1]) / 2, "top": -hi[1],
              "baseline": y0 - lo[1]}[anchor_y]
        return np.array([sx, -sy])

    def _screen_turns(self, ctx: PrimitiveContext) -> np.ndarray | None:
        """Degrees (counter-clockwise) of labels that follow a direction, as the shader
        turns them: along the direction on screen, read left to right; NaN for labels
        with none (their own rotation holds); None without directions."""
        if self._direction is None:
            return None
        at = self._points + (0.0 if self._direction_from is None else self._direction_from)
        d = ctx.to_pixels(at + self._direction, self) - ctx.to_pixels(at, self)
        a = np.degrees(np.arctan2(-d[:, 1], d[:, 0]))
        a = np.where(a > 90.0, a - 180.0, np.where(a <= -90.0, a + 180.0, a))
        a = np.where(np.isfinite(a) & (np.abs(d).sum(axis=1) > 0), a, 0.0)
        return np.where(np.any(self._direction != 0, axis=1), a, np.nan)

    def draws(self, ctx: DrawContext) -> list[Draw]:
        count = len(self._buffers["offset"].data)
        if count == 0:
            return []
        snippet, model = transform_parts(self)
        b = self._buffers
        attributes = {
            "a_anchor": Attribute(b["anchor"], 3), "a_offset": Attribute(b["offset"], 2),
            "a_uv": Attribute(b["uv"], 2), "a_cell": Attribute(b["cell"], 4),
            "a_color": Attribute(b["color"], 4, "u1"),
            "a_scale": Attribute(b["scale"], 1),
        }
        align = (-1, 0)
        if self._direction is not None:
            attributes["a_dir"] = Attribute(b["dir"], 3)
            if self._direction_from is not None:
                attributes["a_dir_at"] = Attribute(b["dir_at"], 3)
            if self._rotation_mode == "default":
                attributes["a_box"] = Attribute(b["box"], 4)
                align = (("left", "center", "right").index(self._anchor[0]),
                         ("bottom", "center", "top", "baseline").index(self._anchor[1]))
        return [Draw(
            program=_TEMPLATE.compose(transform=snippet), view=ctx.view_id,
            mode="triangles", count=count, attributes=attributes,
            uniforms={**snippet.uniforms, "u_dilate": self._dilate},
            int_uniforms={"u_align_x": align[0], "u_align_y": align[1]},
            textures={"u_atlas": self._sheet.texture},
            state=State(depth_test=ctx.is_3d, depth_write=False, blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]


def _checked_styles(styles) -> list[tuple]:
    """``Text.set_data``'s ``styles`` checked: (font size >= 0, anchor_x, anchor_y,
    rotation) floats and anchors, each distinct style once (the tick labels of an axis
    share one)."""
    checked: dict = {}
    out = []
    for style in styles:
        try:
            hit = checked.get(style)
        except TypeError:  # an unhashable item (a list): checked on its own
            hit = None
        if hit is None:
            size, ax, ay, rot = style
            hit = (check_positive(size, "font_size"), ax, ay, check_number(rot, "rotation"))
            check_anchors(ax, ay, hit[3])
            try:
                checked[style] = hit
            except TypeError:
                pass
        out.append(hit)
    return out
