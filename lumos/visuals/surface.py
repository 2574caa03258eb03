"""Grid surfaces z(x, y) (``Surface``) and the lit-triangle draws they share with
isosurfaces (``shaded_draws``).

A surface is a (rows, cols) grid of points; each cell is two triangles that share the
cell's first corner as their last ("provoking") vertex, so per-cell colors ride on that
vertex through ``flat`` varyings without duplicating any vertex. Colors: one color,
a colormap of the heights or of a separate array (interpolated per pixel, or one per
cell as mplot3d does), or explicit face colors. NaN heights (or values) leave holes.
``set_zdata`` uploads only the rows that changed, with the normals around them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer, changed_rows
from ..primitives import Mesh3D
from ..shaders import ShaderTemplate
from .base import (
    CMAP_ENTRY_GLSL,
    DrawContext,
    Visual,
    as_array,
    check_number,
    check_numbers,
    colormap_property,
    rgba_bytes,
    split_origin,
    transform_parts,
)
from .lighting import GLSL as LIGHTING_GLSL
from .lighting import as_lighting
from .line import Line
from .painter import Polygons3D, SortedFaces, face_polygons

SHADINGS = ("smooth", "flat", None)
_SHADING_CODES = {None: 0, "flat": 1, "smooth": 2}
# how the base color of a fragment is found (u_mode)
UNIFORM, VALUE, CELL_VALUE, CELL_RGBA, VERTEX_RGBA = range(5)

SHADED_TEMPLATE = ShaderTemplate(
    vertex="""
uniform mat4 u_mvp;
uniform mat4 u_modelview;
uniform mat3 u_normal_matrix;
in vec3 a_pos;
in vec3 a_normal;
in float a_value;
in float a_cell;
in vec4 a_rgba;
out vec3 v_eye;
out vec3 v_normal;
out float v_value;
out vec4 v_rgba;
flat out float v_cell;
flat out vec4 v_cell_rgba;
#pragma snippets

void main() {
    vec4 p = $transform(vec4(a_pos, 1.0));
    gl_Position = u_mvp * p;
    v_eye = (u_modelview * p).xyz;
    v_normal = u_normal_matrix * a_normal;
    v_value = a_value;
    v_cell = a_cell;
    v_rgba = a_rgba / 255.0;
    v_cell_rgba = v_rgba;
}
""",
    fragment=LIGHTING_GLSL + """
uniform int u_mode;      // 0 color, 1 value, 2 cell value, 3 cell rgba, 4 vertex rgba
uniform int u_shading;   // 0 none, 1 flat, 2 smooth
uniform vec4 u_color;
uniform float u_alpha;
uniform sampler2D u_cmap;
""" + CMAP_ENTRY_GLSL + """
uniform vec2 u_clim;
uniform mat4 u_projection;
in vec3 v_eye;
in vec3 v_normal;
in float v_value;
in vec4 v_rgba;
flat in float v_cell;
flat in vec4 v_cell_rgba;
out vec4 f_color;

vec4 colormap(float v) {
    float span = u_clim.y - u_clim.x;
    float t = span != 0.0 ? clamp((v - u_clim.x) / span, 0.0, 1.0) : 0.5;
    return cmap_entry(t);
}

void main() {
    vec4 base = u_mode == 0 ? u_color
              : u_mode == 1 ? colormap(v_value)
              : u_mode == 2 ? colormap(v_cell)
              : u_mode == 3 ? v_cell_rgba : v_rgba;
    base.a *= u_alpha;
    if (u_shading == 0) {
        f_color = base;
        return;
    }
    vec3 n;
    if (u_shading == 1) {
        // the face normal from screen-space derivatives (it faces the eye)
        n = normalize(cross(dFdx(v_eye), dFdy(v_eye)));
    } else {
        n = normalize(v_normal);
        if (!gl_FrontFacing) n = -n;  // open surfaces are lit on both sides
    }
    f_color = vec4(shade(base.rgb, n, v_eye, u_projection[3][3] < 0.5), base.a);
}
""",
)


def shaded_draws(visual: Visual, ctx: DrawContext, attributes: dict, indices: Buffer,
                 count: int, origin, uniforms: dict, int_uniforms: dict, textures: dict,
                 translucent: bool, polygon_offset=None, sorted_faces: bool = False
                 ) -> list[Draw]:
    """The draws of lit triangles: one opaque draw; for translucent ones, ``indices``
    sorted farthest first (``sorted_faces``, ``painter.SortedFaces``) in one draw that
    writes depth only under a wireframe (``polygon_offset``: the lines behind the
    nearest faces are hidden, as mplot3d's faces paint over them), or else the back
    faces first and then the front faces (no depth writes), which is right for any
    closed or height-field surface seen from outside without sorting triangles."""
    if count == 0:
        return []
    snippet, model = transform_parts(visual)
    program = SHADED_TEMPLATE.compose(transform=snippet)
    common = dict(program=program, view=ctx.view_id, mode="triangles", count=count,
                  indices=indices, attributes=attributes,
                  uniforms={**snippet.uniforms, **uniforms}, int_uniforms=int_uniforms,
                  textures=textures, origin=tuple(origin), model=model)
    if not translucent:
        return [Draw(**common, state=State(depth_test=ctx.is_3d, blend="alpha",
                                           polygon_offset=polygon_offset))]
    if sorted_faces:
        return [Draw(**common, state=State(depth_test=ctx.is_3d,
                                           depth_write=polygon_offset is not None,
                                           blend="alpha", polygon_offset=polygon_offset))]
    return [Draw(**common, state=State(depth_test=ctx.is_3d, depth_write=False, blend="alpha",
                                       cull=cull, polygon_offset=polygon_offset))
            for cull in ("front", "back")]


class _Wire(Line):
    """A surface's grid lines. In a 3D view's vector form, grid lines through every
    row and column are the outlines of the surface's quads (painted with them, so
    faces in front hide them); others are painted as a line of their own."""

    def primitives(self, ctx=None) -> list:
        if ctx is not None and ctx.is_3d and self.parent is not None \
                and self.parent.wireframe_stride == (1, 1):
            return []
        return super().primitives(ctx)


def _grid(x, y, z) -> np.ndarray:
    """(rows, cols, 3) float64 points from z (rows, cols) and 1D or 2D x, y."""
    z = as_array(z, "z")
    if z.dtype.kind not in "biuf":
        raise TypeError(f"z: got dtype {z.dtype}, expected real numbers")
    if z.ndim != 2 or z.shape[0] < 2 or z.shape[1] < 2:
        raise ValueError(f"z: got shape {z.shape}, expected (rows, cols), at least 2 x 2")
    rows, cols = z.shape
    out = np.empty((rows, cols, 3))
    out[..., 2] = z
    for k, (name, v, n) in enumerate((("x", x, cols), ("y", y, rows))):
        if v is None:
            v = np.arange(n, dtype=float)
        v = as_array(v, name)
        if v.dtype.kind not in "biuf":
            raise TypeError(f"{name}: got dtype {v.dtype}, expected real numbers")
        if v.ndim == 1 and len(v) == n:
            out[..., k] = v[None, :] if k == 0 else v[:, None]
        elif v.shape == z.shape:
            out[..., k] = v
        else:
            raise ValueError(f"{name}: got shape {v.shape}, expected ({n},) or z's shape "
                             f"{z.shape}")
    return out


def _cell_normals(p: np.ndarray) -> np.ndarray:
    """(rows - 1, cols - 1, 3) normals of the cells of a grid (cross of the diagonals;
    +z for x growing along columns and y along rows)."""
    return np.cross(p[:-1, 1:] - p[1:, :-1], p[1:, 1:] - p[:-1, :-1])


def _vertex_normals(p: np.ndarray, valid: np.ndarray, r0: int, r1: int) -> np.ndarray:
    """Unit normals of grid rows r0:r1: the sum of the normals of the valid cells
    around each point (zero where no valid cell touches it)."""
    rows = p.shape[0]
    c0, c1 = max(r0 - 1, 0), min(r1, rows - 1)  # the cells touching rows r0:r1
    with np.errstate(invalid="ignore"):
        cells = _cell_normals(p[c0: c1 + 1])
    cells[~valid[c0:c1]] = 0.0
    acc = np.zeros((c1 - c0 + 1, p.shape[1], 3))
    acc[:-1, :-1] += cells
    acc[:-1, 1:] += cells
    acc[1:, :-1] += cells
    acc[1:, 1:] += cells
    acc = acc[r0 - c0: r0 - c0 + (r1 - r0)]
    length = np.linalg.norm(acc, axis=2, keepdims=True)
    return np.divide(acc, length, out=np.zeros_like(acc), where=length > 0)


def _cell_indices(valid: np.ndarray) -> np.ndarray:
    """Two triangles per valid cell, counter-clockwise seen from +z, both ending on the
    cell's first corner (i, j): the provoking vertex that carries per-cell colors."""
    cols = valid.shape[1] + 1
    i, j = np.nonzero(valid)
    a = i * cols + j
    b, c, d = a + cols, a + cols + 1, a + 1
    return np.stack([c, b, a, d, c, a], axis=1).reshape(-1).astype(np.uint32)


class Surface(Visual):
    """A lit grid surface z(x, y), like mplot3d's ``plot_surface``.

    >>> Surface(X, Y, Z)                                   # one color, lit
    >>> Surface(x, y, Z, cmap="viridis")                   # colored by height
    >>> Surface(X, Y, Z, cmap="coolwarm", values=T, color_mode="cell")
    >>> Surface(X, Y, Z, facecolors=rgba, shading="flat", wireframe="k")
    >>> surf.set_zdata(Z2)                                 # uploads the changed rows

    ``x``, ``y``: 1D (cols,) and (rows,) or 2D like ``z``; None numbers the grid.
    ``cmap`` (or ``values`` alone, with viridis) colors by ``values`` (default: z) in
    ``clim`` (default: their finite range); ``color_mode`` "vertex" interpolates the
    values across each cell, "cell" gives each cell the mean of its four corners (as
    mplot3d). ``facecolors`` (rows[-1], cols[-1], 3|4) colors cells. ``shading``:
    "smooth", "flat" or None (unlit, as ``shade=False``); ``lighting`` a
    :class:`~lumos.visuals.lighting.Lighting` or dict, ``lightsource`` matplotlib's
    ``LightSource``. ``alpha`` multiplies every color's alpha. ``wireframe``: a color to
    draw the grid lines over the surface (every ``wireframe_stride`` rows/cols), pushed
    back by a polygon offset so the lines win the depth test.
    """

    is_3d = True
    needs_multisampling = True

    def __init__(self, x=None, y=None, z=None, *, color="C0", cmap=None, clim=None,
                 values=None, facecolors=None, color_mode: str = "vertex",
                 shading: str | None = "smooth", lighting=None, lightsource=None,
                 alpha: float = 1.0, wireframe=None, wireframe_width: float = 1.0,
                 wireframe_stride=1) -> None:
        super().__init__()
        if z is None:
            raise TypeError("Surface: z is required")
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._normal_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._value_buffer = Buffer(np.zeros(0, np.float32))
        self._cell_buffer = Buffer(np.zeros(0, np.float32))
        self._rgba_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._index_buffer = Buffer(np.zeros(0, np.uint32))
        self._sorted = SortedFaces()
        self._cells: tuple | None = None  # (index buffer state, its Polygons3D)
        self._cmap_texture = None
        self._values = None
        self._facecolors = None
        self._wire: Line | None = None
        self.color = color
        self.cmap = "viridis" if cmap is None else cmap
        self._colormapped = cmap is not None or values is not None
        self.color_mode = color_mode
        self.shading = shading
        self.lighting = as_lighting(lighting, lightsource)
        self.alpha = alpha
        self._wire_width = check_number(wireframe_width, "wireframe_width", 0.0)
        self._wire_stride = self._check_stride(wireframe_stride)
        self._wire_color = wireframe
        self._xyz = _grid(x, y, z)
        self._clim_spec = clim
        self._upload_all()
        self.values = values
        self.facecolors = facecolors
        self.clim = clim
        self.wireframe = wireframe

    # -- data --------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, int]:
        """(rows, cols) of the grid."""
        return self._xyz.shape[:2]

    @property
    def z(self) -> np.ndarray:
        """A copy of the heights z[y, x]."""
        return self._xyz[..., 2].copy()

    def set_data(self, x=None, y=None, z=None) -> None:
        """Replace the grid (any shape); x and y None number it (or keep the old ones
        when the shape is unchanged)."""
        if z is None:
            raise TypeError("set_data: z is required")
        new = _grid(x, y, z)
        if new.shape == self._xyz.shape:
            if x is None:
                new[..., 0] = self._xyz[..., 0]
            if y is None:
                new[..., 1] = self._xyz[..., 1]
        if new.shape[:2] != self._xyz.shape[:2]:
            self._values = None
            self._facecolors = None
        self._xyz = new
        self._upload_all()
        self.values = self._values
        self.facecolors = self._facecolors
        self._update_wireframe()

    def set_zdata(self, z) -> None:
        """New heights on the same grid. Only the rows that changed are uploaded, with
        the normals around them (and the per-cell values and holes they touch)."""
        z = as_array(z, "z")
        if z.dtype.kind not in "biuf":
            raise TypeError(f"z: got dtype {z.dtype}, expected real numbers")
        if z.shape != self.shape:
            raise ValueError(f"z: got shape {z.shape}, expected the grid's {self.shape} "
                             "(set_data changes the grid)")
        z = z.astype(float)
        rows = changed_rows(self._xyz[..., 2], z)
        if rows is None:
            return
        r0, r1 = rows
        self._xyz[r0:r1, :, 2] = z[r0:r1]
        local = self._xyz[r0:r1] - self._origin
        finite = np.isfinite(local).all(axis=2)
        if finite.any() and np.abs(local[finite]).max() > 2 * self._reach:
            self._upload_all()  # far beyond what the origin was chosen for: re-centre
        else:
            self._upload_rows(r0, r1)
        self._update_wireframe()

    def _valid_cells(self, p: np.ndarray, values) -> np.ndarray:
        ok = np.isfinite(p).all(axis=2)
        if values is not None:
            ok &= np.isfinite(values)
        return ok[:-1, :-1] & ok[1:, :-1] & ok[:-1, 1:] & ok[1:, 1:]

    def _cell_polygons(self) -> Polygons3D:
        """The cells the triangles are cut from (two each, see ``_cell_indices``): a
        translucent surface sorts whole cells, as mplot3d sorts its quads."""
        state = (self._index_buffer.id, self._index_buffer.version)
        if self._cells is None or self._cells[0] != state:
            tri = self._index_buffer.data.reshape(-1, 6).astype(np.int64)
            corners = tri[:, [2, 1, 0, 3]]  # a, b, c, d of each cell
            n = len(tri)
            self._cells = (state, Polygons3D(corners.reshape(-1), np.repeat(np.arange(n), 4),
                                             np.repeat(np.arange(n), 2)))
        return self._cells[1]

    def _upload_all(self) -> None:
        p = self._xyz
        rows, cols = self.shape
        flat = p.reshape(-1, 3)
        self._origin, local, _ = split_origin(flat)
        finite = np.isfinite(flat).all(axis=1)
        self._reach = float(np.abs(flat[finite] - self._origin).max()) if finite.any() else 1.0
        self._reach = max(self._reach, 1e-300)
        self._pos_buffer.set_data(local)
        self._valid = self._valid_cells(p, self._vertex_values())
        self._index_buffer.set_data(_cell_indices(self._valid))
        self._normal_buffer.set_data(
            _vertex_normals(p - self._origin, self._valid, 0, rows).reshape(-1, 3)
            .astype(np.float32))

    def _upload_rows(self, r0: int, r1: int) -> None:
        """Rows r0:r1 changed heights: positions of those rows, normals of the rows
        around them, values, cell values and holes of the cells they touch."""
        p = self._xyz
        rows, cols = self.shape
        local = (p[r0:r1] - self._origin).reshape(-1, 3)
        local[~np.isfinite(local).all(axis=1)] = 0.0
        self._pos_buffer.update(r0 * cols, local.astype(np.float32))
        valid = self._valid_cells(p, self._vertex_values())
        if not np.array_equal(valid, self._valid):
            self._valid = valid
            self._index_buffer.set_data(_cell_indices(valid))
        n0, n1 = max(r0 - 1, 0), min(r1 + 1, rows)
        normals = _vertex_normals(p - self._origin, valid, n0, n1)
        self._normal_buffer.update(n0 * cols, normals.reshape(-1, 3).astype(np.float32))
        if self._colormapped and self._values is None:  # colored by height
            self._value_buffer.update(r0 * cols, self._vertex_values()[r0:r1].reshape(-1)
                                      .astype(np.float32))
            c0, c1 = max(r0 - 1, 0), min(r1, rows - 1)
            self._cell_buffer.update(c0 * cols, self._cell_values()[c0:c1].reshape(-1))
            if self._clim_spec is None:
                self.clim = None

    # -- colors ------------------------------------------------------------------
    def _vertex_values(self) -> np.ndarray | None:
        if not self._colormapped:
            return None
        return self._xyz[..., 2] if self._values is None else self._values

    def _cell_values(self) -> np.ndarray:
        """(rows, cols) float32: each cell's mean value at its first corner."""
        v = self._vertex_values()
        out = np.zeros(self.shape, np.float32)
        with np.errstate(invalid="ignore"):
            out[:-1, :-1] = (v[:-1, :-1] + v[1:, :-1] + v[:-1, 1:] + v[1:, 1:]) / 4
        out[~np.isfinite(out)] = 0.0
        return out

    @property
    def values(self) -> np.ndarray | None:
        """The array the colormap reads (None: the heights, when colormapped)."""
        return None if self._values is None else self._values.copy()

    @values.setter
    def values(self, value) -> None:
        if value is not None:
            v = as_array(value, "values")
            if v.dtype.kind not in "biuf":
                raise TypeError(f"values: got dtype {v.dtype}, expected real numbers")
            if v.shape != self.shape:
                raise ValueError(f"values: got shape {v.shape}, expected z's {self.shape}")
            self._values = v.astype(float)
            self._colormapped = True
        else:
            self._values = None
        vv = self._vertex_values()
        if vv is not None:
            self._value_buffer.set_data(np.nan_to_num(vv).reshape(-1).astype(np.float32))
            self._cell_buffer.set_data(self._cell_values().reshape(-1))
            valid = self._valid_cells(self._xyz, vv)
            if not np.array_equal(valid, self._valid):
                self._valid = valid
                self._index_buffer.set_data(_cell_indices(valid))
        if hasattr(self, "_clim"):
            self.clim = self._clim_spec

    @property
    def facecolors(self) -> np.ndarray | None:
        """A copy of the per-cell colors, or None."""
        return None if self._facecolors is None else self._facecolors.copy()

    @facecolors.setter
    def facecolors(self, value) -> None:
        if value is None:
            self._facecolors = None
            return
        rows, cols = self.shape
        arr = as_array(value, "facecolors")
        if arr.ndim != 3 or arr.shape[:2] not in ((rows, cols), (rows - 1, cols - 1)):
            raise ValueError(f"facecolors: got shape {arr.shape}, expected ({rows - 1}, "
                             f"{cols - 1}, 3|4) per cell or z's ({rows}, {cols}, 3|4)")
        rgba = colors.to_rgba_array(arr.reshape(-1, arr.shape[2]), argname="facecolors")
        # mplot3d colors cell (i, j) with facecolors[i, j]: its first corner
        rgba = rgba.reshape(arr.shape[0], arr.shape[1], 4)[: rows - 1, : cols - 1]
        full = np.zeros((rows, cols, 4))
        full[:-1, :-1] = rgba
        self._facecolors = rgba.copy()
        self._rgba_buffer.set_data(rgba_bytes(full.reshape(-1, 4)))

    @property
    def color(self):
        """The single color of the surface, when not colormapped."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._rgba_color = colors.to_rgba(value, argname="color")
        self._color = value

    cmap = colormap_property()

    @property
    def clim(self) -> tuple[float, float]:
        """The heights (or values) mapped to the ends of the colormap."""
        return self._clim

    @clim.setter
    def clim(self, value) -> None:
        """``(vmin, vmax)``, or None for the finite range of the values."""
        if value is None:
            v = self._vertex_values()
            finite = np.zeros(0) if v is None else v[np.isfinite(v)]
            self._clim = (float(finite.min()), float(finite.max())) if finite.size \
                else (0.0, 1.0)
        else:
            self._clim = check_numbers(value, "clim", 2, "(vmin, vmax)")
        self._clim_spec = value

    @property
    def color_mode(self) -> str:
        """'vertex' (colors interpolated) or 'cell' (one color per grid cell, as mplot3d)."""
        return self._color_mode

    @color_mode.setter
    def color_mode(self, value: str) -> None:
        if value not in ("vertex", "cell"):
            raise ValueError(f"color_mode: got {value!r}, expected 'vertex' or 'cell'")
        self._color_mode = value

    @property
    def shading(self) -> str | None:
        """'smooth', 'flat' or None (no lighting)."""
        return self._shading

    @shading.setter
    def shading(self, value) -> None:
        if value not in SHADINGS:
            raise ValueError(f"shading: got {value!r}, expected 'smooth', 'flat' or None")
        self._shading = value

    @property
    def alpha(self) -> float:
        """Opacity, 0..1."""
        return self._alpha

    @alpha.setter
    def alpha(self, value: float) -> None:
        v = check_number(value, "alpha", 0.0)
        if v > 1:
            raise ValueError(f"alpha: got {value!r}, expected a number in [0, 1]")
        self._alpha = v

    # -- wireframe -----------------------------------------------------------------
    @staticmethod
    def _check_stride(value) -> tuple[int, int]:
        s = (value, value) if isinstance(value, (int, np.integer)) else tuple(value)
        if len(s) != 2 or not all(isinstance(v, (int, np.integer)) and v >= 1 for v in s):
            raise ValueError(f"wireframe_stride: got {value!r}, expected an integer >= 1 or "
                             "(rows, cols)")
        return int(s[0]), int(s[1])

    @property
    def wireframe_width(self) -> float:
        """The grid lines' width in pixels."""
        return self._wire_width

    @wireframe_width.setter
    def wireframe_width(self, value: float) -> None:
        self._wire_width = check_number(value, "wireframe_width", 0.0)
        if self._wire is not None:
            self._wire.width = self._wire_width

    @property
    def wireframe_stride(self) -> tuple[int, int]:
        """(rows, cols): the grid lines take every so many rows and columns."""
        return self._wire_stride

    @property
    def wireframe(self):
        """The grid lines' color, or None."""
        return self._wire_color

    @wireframe.setter
    def wireframe(self, value) -> None:
        if value is None:
            if self._wire is not None:
                self.children.remove(self._wire)
                self._wire = None
        else:
            colors.to_rgba(value, argname="wireframe")
            if self._wire is None:
                self._wire = self.add(_Wire(color=value, width=self._wire_width))
            else:
                self._wire.color = value
        self._wire_color = value
        self._update_wireframe()

    def _wire_points(self) -> np.ndarray:
        sr, sc = self._wire_stride
        p = self._xyz
        rows = list(range(0, p.shape[0], sr))
        cols = list(range(0, p.shape[1], sc))
        if rows[-1] != p.shape[0] - 1:
            rows.append(p.shape[0] - 1)
        if cols[-1] != p.shape[1] - 1:
            cols.append(p.shape[1] - 1)
        gap = np.full((1, 3), np.nan)
        parts = []
        for r in rows:
            parts += [p[r], gap]
        for c in cols:
            parts += [p[:, c], gap]
        return np.concatenate(parts[:-1])

    def _update_wireframe(self) -> None:
        if self._wire is not None:
            self._wire.set_data(self._wire_points())

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._xyz.reshape(-1, 3))

    def primitives(self, ctx=None) -> list:
        """The surface as a world-space triangle mesh (POV-Ray and other 3D devices):
        per-vertex colors, or per-cell colors on vertices of their own. In a 3D view: one
        quad per grid cell, farthest first, colored by the cell (the mean of its
        corners' values where the GPU blends them per pixel), lit by its normal where
        the surface is shaded, outlined by the grid lines when they take every row and
        column (:mod:`lumos.visuals.painter`)."""
        if ctx is not None and ctx.is_3d:
            return self._quads(ctx)
        faces = self._index_buffer.data.reshape(-1, 3).astype(np.int64)
        if not len(faces):
            return []
        verts = self._xyz.reshape(-1, 3)
        normals = self._normal_buffer.data.astype(float) if self._shading == "smooth" else None
        mode = self._mode()
        alpha = self._alpha
        if mode == UNIFORM:
            rgba = np.array([self._rgba_color]) * [1, 1, 1, alpha]
        elif mode == VALUE:
            rgba = self._cmap(self._normalized(self._vertex_values().reshape(-1)))
        else:
            # one color per cell, carried by the cell's first corner (the last vertex)
            cell = faces[:, 2]
            if mode == CELL_RGBA:
                full = np.zeros((len(verts), 4))
                full.reshape(*self.shape, 4)[:-1, :-1] = self._facecolors
                per_face = full[cell]
            else:
                per_face = self._cmap(self._normalized(self._cell_values().reshape(-1)[cell]))
            verts, faces = verts[faces.reshape(-1)], np.arange(3 * len(faces)).reshape(-1, 3)
            normals = None if normals is None else normals[faces.reshape(-1)]
            rgba = np.repeat(per_face, 3, axis=0)
        rgba = np.asarray(rgba, float) * [1, 1, 1, alpha if mode != UNIFORM else 1]
        model = self.model_matrix()
        if model is not None:
            verts = verts @ model[:3, :3].T + model[:3, 3]
            if normals is not None:
                normals = normals @ np.linalg.inv(model[:3, :3])
        return [Mesh3D(verts, faces, rgba, normals)]

    def _quads(self, ctx) -> list:
        p = self._xyz
        corners = np.stack([p[:-1, :-1], p[:-1, 1:], p[1:, 1:], p[1:, :-1]], axis=2)
        mode = self._mode()
        if mode == UNIFORM:
            rgba = np.array([self._rgba_color]) * [1, 1, 1, self._alpha]
        elif mode == CELL_RGBA:
            rgba = self._facecolors.reshape(-1, 4) * [1, 1, 1, self._alpha]
        else:
            cells = self._cell_values()[:-1, :-1].reshape(-1)
            rgba = self._cmap(self._normalized(cells)) * [1, 1, 1, self._alpha]
        edged = self._wire is not None and self._wire_stride == (1, 1)
        return face_polygons(
            ctx, self, corners.reshape(-1, 4, 3), rgba,
            None if self._shading is None else self.lighting,
            colors.to_rgba(self._wire_color) if edged else None,
            self._wire_width if edged else 0.0)

    def _normalized(self, v: np.ndarray) -> np.ndarray:
        lo, hi = self._clim
        return np.clip((v - lo) / (hi - lo), 0, 1) if hi != lo else np.full(len(v), 0.5)

    def _mode(self) -> int:
        if self._facecolors is not None:
            return CELL_RGBA
        if self._colormapped:
            return VALUE if self._color_mode == "vertex" else CELL_VALUE
        return UNIFORM

    def draws(self, ctx: DrawContext) -> list[Draw]:
        mode = self._mode()
        attributes = {"a_pos": Attribute(self._pos_buffer, 3)}
        if self._shading == "smooth":
            attributes["a_normal"] = Attribute(self._normal_buffer, 3)
        if mode == VALUE:
            attributes["a_value"] = Attribute(self._value_buffer, 1)
        elif mode == CELL_VALUE:
            attributes["a_cell"] = Attribute(self._cell_buffer, 1)
        elif mode == CELL_RGBA:
            attributes["a_rgba"] = Attribute(self._rgba_buffer, 4, "u1")
        textures = {"u_cmap": self._cmap_texture} if mode in (VALUE, CELL_VALUE) else {}
        if mode == CELL_RGBA:
            translucent = self._alpha < 1 or (self._facecolors[..., 3] < 1).any()
        else:
            translucent = self._alpha < 1 or (mode == UNIFORM and self._rgba_color[3] < 1) \
                or (mode != UNIFORM and self._cmap.lut(256)[:, 3].min() < 255)
        indices, sort = self._index_buffer, translucent and ctx.depth is not None
        if sort:
            indices = self._sorted.indices(ctx, self, self._xyz.reshape(-1, 3), indices,
                                           self._pos_buffer.version, self._cell_polygons())
        under = []
        if sort and self._wire is not None and self._wire.visible:
            # the grid lines once more under the faces, writing no depth: nearer faces
            # blend over the lines behind them (mplot3d shows them through), which the
            # lines drawn after the faces leave out (the sorted faces write depth)
            under = [replace(d, state=replace(d.state, depth_write=False))
                     for d in self._wire.draws(ctx)]
        return under + shaded_draws(
            self, ctx, attributes, indices, len(indices.data), self._origin,
            uniforms={"u_color": self._rgba_color, "u_alpha": self._alpha,
                      "u_clim": self._clim, **self.lighting.uniforms()},
            int_uniforms={"u_mode": mode, "u_shading": _SHADING_CODES[self._shading]},
            textures=textures, translucent=translucent,
            polygon_offset=(1.0, 1.0) if self._wire is not None else None,
            sorted_faces=sort)

    def pick_index(self, raw: int, frame, draw: Draw, x: float, y: float) -> int:
        """The triangle as in the grid's order (a translucent surface draws them sorted)."""
        return self._sorted.face(raw, draw)
