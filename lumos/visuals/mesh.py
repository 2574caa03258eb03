"""Triangle meshes with per-vertex or single colors and flat or smooth Phong shading."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..primitives import Mesh3D, Triangles
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
    is_nonlinear,
    split_origin,
    transform_parts,
)
from .lighting import Lighting
from .painter import Polygons3D, SortedFaces, face_polygons

SHADINGS = ("smooth", "flat", None)
_SHADING_CODES = {None: 0, "flat": 1, "smooth": 2}  # u_shading in the fragment shader

_TEMPLATE = ShaderTemplate(
    vertex=glsl.SCREEN + glsl.SNAP + """
uniform mat4 u_modelview;
uniform float u_snap;  // >= 0: vertices on the pixel grid (Mesh.snap); < 0: as they are
uniform mat3 u_normal_matrix;
in vec3 a_pos;
in vec3 a_normal;
in vec4 a_color;
out vec3 v_eye;
out vec3 v_normal;
out vec4 v_color;
#pragma snippets

void main() {
    vec4 p = $transform(vec4(a_pos, 1.0));
    gl_Position = u_mvp * p;
    if (u_snap >= 0.0) gl_Position = snapped_clip(gl_Position, u_snap);
    v_eye = (u_modelview * p).xyz;
    v_normal = u_normal_matrix * a_normal;
    v_color = a_color / 255.0;
}
""",
    fragment="""
uniform int u_shading;  // 0 none, 1 flat, 2 smooth
in vec3 v_eye;
in vec3 v_normal;
in vec4 v_color;
out vec4 f_color;

void main() {
    if (u_shading == 0) {
        f_color = v_color;
        return;
    }
    vec3 n;
    if (u_shading == 1) {
        // the face normal from screen-space derivatives: no duplicated vertices needed
        n = normalize(cross(dFdx(v_eye), dFdy(v_eye)));
    } else {
        n = normalize(v_normal);
        if (!gl_FrontFacing) n = -n;  // light both sides of open surfaces
    }
    // a head light a little above and to the left of the eye
    vec3 l = normalize(vec3(-0.3, 0.5, 1.0));
    vec3 v = normalize(-v_eye);
    float diffuse = max(dot(n, l), 0.0);
    float specular = pow(max(dot(n, normalize(l + v)), 0.0), 40.0);
    vec3 rgb = v_color.rgb * (0.3 + 0.7 * diffuse) + 0.25 * specular;
    f_color = vec4(rgb, v_color.a);
}
""",
)


def vertex_normals(vertices: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Area-weighted per-vertex normals (float64, unit length; zero where undefined)."""
    v = np.nan_to_num(vertices)
    tri = v[faces]
    face_n = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    normals = np.zeros_like(v)
    for k in range(3):
        np.add.at(normals, faces[:, k], face_n)
    length = np.linalg.norm(normals, axis=1, keepdims=True)
    return np.divide(normals, length, out=np.zeros_like(normals), where=length > 0)


def _colors(color, vertex_colors, n: int) -> np.ndarray:
    """RGBA bytes for ``n`` vertices: ``vertex_colors`` when given, else ``color``."""
    if vertex_colors is not None:
        return colors.to_rgba_bytes(vertex_colors, n, argname="vertex_colors")
    return colors.to_rgba_bytes(color, n)


class Mesh(Visual):
    """A triangle mesh.

    >>> Mesh(vertices=v, faces=f, color=(0.2, 0.6, 1, 1), shading="smooth")
    >>> Mesh(vertices=v, faces=f, vertex_colors=rgba, shading="flat")

    ``normals`` default to area-weighted vertex normals; faces touching a NaN vertex
    are dropped. In a 3D view, a translucent mesh draws its faces farthest first for the
    frame's camera (sorted again when it moves) and writes no depth.
    """

    is_3d = True
    needs_multisampling = True

    def __init__(self, vertices=None, faces=None, color="C0", vertex_colors=None,
                 normals=None, shading: str | None = "smooth") -> None:
        super().__init__()
        self._pos_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._normal_buffer = Buffer(np.zeros((0, 3), np.float32))
        self._color_buffer = Buffer(np.zeros((0, 4), np.uint8))
        self._index_buffer = Buffer(np.zeros(0, np.uint32))
        self._sorted = SortedFaces()
        self._color = color
        self._vertex_colors = vertex_colors
        self.shading = shading
        self._snap: float | None = None
        self.set_data(np.zeros((0, 3)) if vertices is None else vertices,
                      np.zeros((0, 3), int) if faces is None else faces, normals)

    @property
    def snap(self) -> float | None:
        """None, or the vertices (of rectangles, in a 2D view) on the pixel grid as
        matplotlib's Agg snaps a path stroked this many logical pixels wide (0: no
        stroke): each to the nearest pixel edge, or middle for an odd stroke width."""
        return self._snap

    @snap.setter
    def snap(self, value) -> None:
        self._snap = None if value is None else check_number(value, "snap", 0.0)

    def set_data(self, vertices, faces, normals=None, vertex_colors=None,
                 polygons: tuple | None = None) -> None:
        """Replace geometry; normals are recomputed unless given, vertex colors are kept
        unless given. ``polygons``: (corners, corner_polygon, face_polygon), the polygons
        the faces are cut from (:class:`~lumos.visuals.painter.Polygons3D`): translucent,
        they are sorted whole. Input that does not fit leaves the mesh as it was."""
        v = as_positions(vertices, "vertices")
        f = as_array(faces, "faces")
        if f.dtype.kind not in "iu":
            raise TypeError(f"faces: got dtype {f.dtype}, expected integers")
        if f.ndim != 2 or f.shape[1] != 3:
            raise ValueError(f"faces: got shape {f.shape}, expected (M, 3)")
        if f.size and (f.min() < 0 or f.max() >= len(v)):
            raise ValueError(f"faces: indices must lie in 0..{len(v) - 1}, got "
                             f"{f.min()}..{f.max()}")
        if normals is None:
            n = vertex_normals(v, f) if f.size else np.zeros_like(v)
        else:
            n = as_positions(normals, "normals", dims=(3,))
            if len(n) != len(v):
                raise ValueError(f"normals: got {len(n)} normals for {len(v)} vertices")
        vertex_colors = self._vertex_colors if vertex_colors is None else vertex_colors
        rgba = _colors(self._color, vertex_colors, len(v))
        if polygons is not None and len(polygons[2]) != len(f):
            raise ValueError(f"polygons: got {len(polygons[2])} face polygons for "
                             f"{len(f)} faces")
        valid = np.isfinite(v).all(axis=1)
        kept = valid[f].all(axis=1) if f.size else np.ones(0, bool)
        f = f[kept] if f.size else f
        self._polygons = None if polygons is None else Polygons3D(
            polygons[0], polygons[1], np.asarray(polygons[2])[kept])
        self._vertices, self._vertex_colors = v, vertex_colors
        self._upload_geometry()
        self._normal_buffer.set_data(np.nan_to_num(n).astype(np.float32))
        self._index_buffer.set_data(np.ascontiguousarray(f, dtype=np.uint32).reshape(-1))
        self._color_buffer.set_data(rgba)

    def _upload_geometry(self) -> None:
        if is_nonlinear(self):
            self._origin = np.zeros(3)
            local = absolute_float32(self._vertices, "vertices")
        else:
            self._origin, local, _ = split_origin(self._vertices)
        self._pos_buffer.set_data(local)

    @property
    def color(self):
        """The mesh color (used where there are no vertex colors)."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        self._color_buffer.set_data(_colors(value, None, len(self._vertices)))
        self._color, self._vertex_colors = value, None

    @property
    def vertex_colors(self):
        """One color per vertex, or None."""
        return self._vertex_colors

    @vertex_colors.setter
    def vertex_colors(self, value) -> None:
        self._color_buffer.set_data(_colors(self._color, value, len(self._vertices)))
        self._vertex_colors = value

    @property
    def shading(self) -> str | None:
        """'smooth', 'flat' or None (no lighting)."""
        return self._shading

    @shading.setter
    def shading(self, value: str | None) -> None:
        if value not in SHADINGS:
            raise ValueError(f"shading: got {value!r}, expected 'smooth', 'flat' or None")
        self._shading = value

    def bounds(self) -> np.ndarray | None:
        return self._bounds_of(self._vertices)

    def primitives(self, ctx: PrimitiveContext | None = None) -> list:
        """In 3D views, one polygon per face, farthest first, lit by its face normal
        where the mesh is shaded (:mod:`lumos.visuals.painter`). Unlit meshes in 2D views
        as triangles: one color per face where its three vertices agree, Gouraud otherwise
        (consecutive faces of one kind share a primitive, so the drawing order is kept).
        Lit meshes in 2D views fall back to a raster. Without a context: the world-space
        mesh (POV-Ray)."""
        faces = self._index_buffer.data.reshape(-1, 3).astype(np.int64)
        if len(faces) == 0:
            return []
        if ctx is None:
            return [self._world_mesh(faces)]
        if ctx.is_3d:  # faces in painter's order, one color each
            rgba = self._color_buffer.data / 255.0
            return face_polygons(ctx, self, self._vertices[faces], rgba[faces].mean(axis=1),
                                 None if self._shading is None else Lighting())
        if self._shading is not None:
            return ctx.raster(self)
        px = ctx.to_pixels(self._vertices, self)
        tri = px[faces]
        x, y, w, h = ctx.clip
        with np.errstate(invalid="ignore"):  # faces outside the view are left out
            lo, hi = tri.min(axis=1), tri.max(axis=1)
            seen = (hi[:, 0] >= x) & (lo[:, 0] <= x + w) & (hi[:, 1] >= y) & (lo[:, 1] <= y + h)
        faces = faces[np.isfinite(tri).all(axis=(1, 2)) & seen]
        if len(faces) == 0:
            return []
        rgba = self._color_buffer.data / 255.0
        c = rgba[faces]
        flat = (c[:, 1:] == c[:, :1]).all(axis=(1, 2))
        cuts = np.nonzero(np.diff(flat))[0] + 1
        out = []
        for part in np.split(np.arange(len(faces)), cuts):
            if len(part) == 0:
                continue
            f = faces[part]
            if flat[part[0]]:
                out.append(Triangles(px, f, rgba[f[:, 0]], per_vertex=False, clip=ctx.clip))
            else:
                out.append(Triangles(px, f, rgba, per_vertex=True, clip=ctx.clip))
        return out

    def _world_mesh(self, faces: np.ndarray) -> Mesh3D:
        """The mesh in world coordinates: node transform applied (normals turned with
        it), per-vertex colors as the GPU reads them, normals when shaded smooth."""
        verts = self._vertices
        normals = self._normal_buffer.data.astype(np.float64) \
            if self._shading == "smooth" else None
        if is_nonlinear(self):
            with np.errstate(all="ignore"):
                verts = self.transform.forward(verts)
            normals = None  # a non-linear map bends them: the device recomputes
        else:
            model = self.model_matrix()
            if model is not None:
                verts = verts @ model[:3, :3].T + model[:3, 3]
                if normals is not None:
                    normals = normals @ np.linalg.inv(model[:3, :3])  # inverse transpose
        return Mesh3D(verts, faces, self._color_buffer.data / 255.0, normals,
                      extra={"shading": self._shading})

    def draws(self, ctx: DrawContext) -> list[Draw]:
        count = len(self._index_buffer.data)
        if count == 0:
            return []
        snippet, model = transform_parts(self)
        opaque = self._color_buffer.data[:, 3].min() == 255
        indices = self._index_buffer if opaque else self._sorted.indices(
            ctx, self, self._vertices, self._index_buffer, self._pos_buffer.version,
            self._polygons)
        return [Draw(
            program=_TEMPLATE.compose(transform=snippet), view=ctx.view_id,
            mode="triangles", count=count, indices=indices,
            attributes={
                "a_pos": Attribute(self._pos_buffer, 3),
                "a_normal": Attribute(self._normal_buffer, 3),
                "a_color": Attribute(self._color_buffer, 4, "u1"),
            },
            uniforms={"u_snap": -1.0 if self._snap is None or ctx.is_3d else self._snap,
                      **snippet.uniforms},
            int_uniforms={"u_shading": _SHADING_CODES[self._shading]},
            state=State(depth_test=ctx.is_3d, depth_write=bool(opaque), blend="alpha"),
            origin=tuple(self._origin), model=model,
        )]

    def pick_index(self, raw: int, frame, draw: Draw, x: float, y: float) -> int:
        """The face as given (a translucent mesh draws them sorted)."""
        return self._sorted.face(raw, draw)
