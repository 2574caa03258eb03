"""The faces of 3D visuals as vector files paint them: projected with the view's camera
and sorted farthest first (matplotlib's painter's algorithm, ``zsort='average'``); and
the same order for the GPU's translucent meshes (``SortedFaces``).

The GPU hides what is behind with its depth buffer; an SVG or PDF has none, so each
face is a polygon and nearer ones are painted over farther ones, as mplot3d does. Lit
faces take one color each, lit by their face normal at their centre (matplotlib's flat
shading), where the GPU lights every pixel.
"""

from __future__ import annotations

import numpy as np

from ..gpu.resources import Buffer
from ..primitives import Polygons
from .base import DrawContext, PrimitiveContext, Visual
from .lighting import Lighting

# Opaque faces are outlined in their own color, this many pixels wide, so that no
# background shows through the antialiased seams between neighbours (half of it lies
# under the face painted next, half inside the face itself).
SEAM = 1.0


def face_polygons(ctx: PrimitiveContext, visual: Visual, corners: np.ndarray,
                  rgba: np.ndarray, lighting: Lighting | None = None,
                  edge=None, edge_width: float = 0.0, zsort: str = "average",
                  cull: str | None = None) -> list[Polygons]:
    """Faces with ``corners`` (N, k, 3, the visual's data coordinates) and colors
    ``rgba`` (N, 4) as one :class:`~lumos.primitives.Polygons` in painter's order
    (by the mean, least or greatest depth of their corners: matplotlib's ``zsort``),
    lit by ``lighting`` (None: unlit) and outlined in ``edge`` (one RGBA or one per
    face; None: each opaque face in its own color, to close the seams) ``edge_width``
    pixels wide. ``cull`` "back" leaves out the faces turned away (counter-clockwise
    seen from the front, as the GPU culls them), "front" those turned toward the eye.
    Faces with a corner that is not finite or behind the eye are left out."""
    n, k = corners.shape[:2]
    if n == 0:
        return []
    px, depth = ctx.project(corners.reshape(-1, 3), visual)
    px, depth = px.reshape(n, k, 2), depth.reshape(n, k)
    keep = np.isfinite(px).all(axis=(1, 2))
    if cull is not None:  # shoelace area, y down: < 0 for faces counter-clockwise on screen
        x, y = px[..., 0], px[..., 1]
        area = (x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1)
        keep &= area < 0 if cull == "back" else area > 0
    if not keep.any():
        return []
    px, depth, corners = px[keep], depth[keep], corners[keep]
    rgba = np.array(np.broadcast_to(rgba, (n, 4))[keep], dtype=np.float64)
    if lighting is not None:
        rgba[:, :3] = _lit(ctx, visual, corners, rgba[:, :3], lighting)
    order = farthest_first(depth, zsort)
    px, rgba = px[order], rgba[order]
    if edge is None:
        edges, width = rgba * (rgba[:, 3:] >= 1), SEAM
    else:
        edges, width = np.atleast_2d(np.asarray(edge, float)), edge_width
        if len(edges) == n:
            edges = edges[keep][order]
    return [Polygons(px, rgba, edges, width, ctx.clip)]


def farthest_first(depth: np.ndarray, zsort: str = "average") -> np.ndarray:
    """The order (indices) that paints faces with corner depths ``depth`` (N, k) farthest
    first, by the mean, least or greatest depth of their corners (matplotlib's
    ``zsort``); ties keep their order."""
    key = {"average": np.mean, "min": np.min, "max": np.max}[zsort](depth, axis=1)
    return np.argsort(-key, kind="stable")


class Polygons3D:
    """The polygons a mesh's triangles are cut from: ``corners`` (C,) vertex indices of
    every polygon's corners, ``corner_polygon`` (C,) the polygon of each, and
    ``face_polygon`` (T,) the polygon of each triangle."""

    def __init__(self, corners, corner_polygon, face_polygon) -> None:
        self.corners = np.asarray(corners, np.int64)
        self.corner_polygon = np.asarray(corner_polygon, np.int64)
        self.face_polygon = np.asarray(face_polygon, np.int64)

    def farthest_first(self, depth: np.ndarray, n_faces: int) -> np.ndarray:
        """The order that paints the triangles polygon by polygon, farthest polygon (by
        its corners' mean ``depth``, matplotlib's zsort 'average') first."""
        count = np.bincount(self.corner_polygon)
        total = np.bincount(self.corner_polygon, weights=depth[self.corners],
                            minlength=len(count))
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        key = mean[self.face_polygon[:n_faces]]
        return np.argsort(-key, kind="stable")


class SortedFaces:
    """A translucent mesh's triangle indices farthest first for the camera of the frame
    being built: faces that blend need what is behind them drawn first (matplotlib's
    painter's algorithm within one collection; the depth test cannot order them). Sorted
    again only when the camera, the view's aspect, the node matrix or the geometry
    changed (``version``); ``order[i]`` is the triangle drawn ``i``-th."""

    def __init__(self) -> None:
        self.buffer = Buffer(np.zeros(0, np.uint32))
        self.order = np.zeros(0, np.int64)
        self._key = None

    def indices(self, ctx: DrawContext, visual: Visual, vertices: np.ndarray,
                indices: Buffer, version, polygons: Polygons3D | None = None) -> Buffer:
        """The buffer of ``indices`` (triangles of ``vertices`` (n, 3), the visual's data
        coordinates) sorted for ``ctx``'s camera; ``indices`` itself in a 2D view.
        ``polygons``: the triangles are pieces of polygons, sorted whole by the mean
        depth of each polygon's corners, as matplotlib sorts polygons (two halves of a
        quad never sort apart)."""
        if ctx.depth is None:
            return indices
        model = visual.model_matrix()
        _, _, w, h = ctx.depth.rect
        key = (version, indices.id, indices.version, repr(ctx.depth.camera), w / max(h, 1e-9),
               None if model is None else model.tobytes(), id(polygons))
        if key != self._key:
            faces = indices.data.reshape(-1, 3)
            depth = ctx.depth.project(vertices, visual)[1]
            if polygons is None:
                self.order = farthest_first(depth[faces])
            else:
                self.order = polygons.farthest_first(depth, len(faces))
            self.buffer.set_data(faces[self.order].reshape(-1), copy=False)
            self._key = key
        return self.buffer

    def face(self, raw: int, draw) -> int:
        """The triangle, in the mesh's own order, that ``draw`` drew ``raw``-th."""
        if draw.indices is self.buffer and raw < len(self.order):
            return int(self.order[raw])
        return raw


def _lit(ctx: PrimitiveContext, visual: Visual, corners: np.ndarray, base: np.ndarray,
         lighting: Lighting) -> np.ndarray:
    """Each face's color lit by its normal (turned toward the eye) at its centre."""
    eye, modelview = ctx.eye_space(corners.reshape(-1, 3), visual)
    eye = eye.reshape(corners.shape)
    if corners.shape[1] == 4:  # a quad's normal: across its diagonals (mplot3d's)
        normal = np.cross(eye[:, 2] - eye[:, 0], eye[:, 3] - eye[:, 1])
    else:
        normal = np.cross(eye[:, 1] - eye[:, 0], eye[:, 2] - eye[:, 0])
    centre = eye.mean(axis=1)
    perspective = float(ctx.camera.get("fov", 45.0)) > 0
    toward = -centre if perspective else np.array([0.0, 0.0, 1.0])
    with np.errstate(all="ignore"):
        normal = normal / np.linalg.norm(normal, axis=1, keepdims=True)
    normal = np.nan_to_num(normal * np.where((normal * toward).sum(axis=1) < 0, -1.0, 1.0)[:, None])
    return lighting.shade(base, normal, centre, modelview, perspective)
