"""How a :class:`~lumos.visuals.volume.Volume` draws a level source (a volume beyond
memory, ``lumos.lazy.VolumeSource``): the level a view's pixels need, and, zoomed in
beyond what a whole level within ``max_bytes`` gives, the part of a finer level the
view shows.

The view's needs are computed in float64 from its camera, through the same matrices
as the ray-marching draw (origin at the box's centre, the visual's model matrix).
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from ..gpu.camera_math import draw_matrices
from ..gpu.resources import Texture
from .base import DrawContext

_RAYS = 9  # rays per side of the grid that finds the part of the box a view shows
MAX_BRICKS = 8  # samplers one draw may use (WebGL2 guarantees 16 texture units)

_max_3d: int | None = None


def max_texture_size_3d() -> int:
    """The largest 3D texture side of lumos's OpenGL context, queried once; 256 (what
    OpenGL 3.3 and WebGL2 guarantee) when no context can be made."""
    global _max_3d
    if _max_3d is None:
        from ..gpu.context import OpenGLUnavailable, limits

        try:
            _max_3d = int(limits().max_3d_texture_size)
        except OpenGLUnavailable:
            _max_3d = 256
    return _max_3d


def _mvp(ctx, box: np.ndarray, model: np.ndarray) -> tuple[np.ndarray, tuple]:
    """The draw's mvp (local coordinates: the box's centre at 0) and the view's
    physical pixel size."""
    w, h = (float(n) * ctx.pixel_ratio for n in ctx.size)
    mvp, _, _ = draw_matrices(ctx.camera, w / max(h, 1e-9), (box[0] + box[1]) / 2, model)
    return mvp, (w, h)


def _corners(box: np.ndarray) -> np.ndarray:
    """(8, 3) corners of a (2, 3) box, corner k having x from bit 2, y bit 1, z bit 0."""
    return np.array([[box[i, 0], box[j, 1], box[k, 2]]
                     for i, j, k in itertools.product((0, 1), repeat=3)])


def view_level(ctx, box: np.ndarray, model: np.ndarray, shape: tuple, top: int) -> int:
    """The coarsest level (0..top) whose voxels are still no larger than a physical
    pixel along the box's most magnified axis (0 when the eye is in the box).
    ``shape``: the data's (z, y, x) voxels."""
    mvp, (w, h) = _mvp(ctx, box, model)
    center = (box[0] + box[1]) / 2
    clip = np.c_[_corners(box) - center, np.ones(8)] @ mvp.T
    if not (clip[:, 3] > 0).all():
        return 0
    px = clip[:, :2] / clip[:, 3:] * np.array([w / 2, h / 2])
    # corner 0 and the corners one step along z (1), y (2) and x (4) from it
    need = min(n / max(float(np.hypot(*(px[c] - px[0]))), 1e-9)
               for n, c in zip(shape, (1, 2, 4), strict=True))
    return int(np.clip(math.floor(math.log2(max(need, 1.0))), 0, top))


def visible_part(ctx, box: np.ndarray, model: np.ndarray) -> np.ndarray | None:
    """(2, 3): the (x, y, z) fractions of the box, low and high, of the part the view
    shows (the box cut by the view's frustum; clip planes and the scene's depth are
    not taken off: more, never less), or None when it shows none of it."""
    mvp, _ = _mvp(ctx, box, model)
    center = (box[0] + box[1]) / 2
    size = box[1] - box[0]
    inv = np.linalg.inv(mvp)
    s = np.linspace(-1.0, 1.0, _RAYS)
    ndc = np.array([(x, y) for x in s for y in s])
    ends = []
    for z in (-1.0, 1.0):  # near and far plane
        p = np.c_[ndc, np.full(len(ndc), z), np.ones(len(ndc))] @ inv.T
        ends.append((p[:, :3] / p[:, 3:] - (box[0] - center)) / size)
    o, d = ends[0], ends[1] - ends[0]  # rays in box fractions, t in [0, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ta, tb = (0.0 - o) / d, (1.0 - o) / d
    lo = np.where(d == 0, np.where((o >= 0) & (o <= 1), -np.inf, np.inf), np.minimum(ta, tb))
    hi = np.where(d == 0, np.where((o >= 0) & (o <= 1), np.inf, -np.inf), np.maximum(ta, tb))
    t0 = np.maximum(np.nanmax(lo, axis=1), 0.0)
    t1 = np.minimum(np.nanmin(hi, axis=1), 1.0)
    hit = t1 >= t0
    points = [o[hit] + t0[hit, None] * d[hit], o[hit] + t1[hit, None] * d[hit]]
    # the box's corners in the view (the rays' grid passes near them, not through)
    clip = np.c_[_corners(box) - center, np.ones(8)] @ mvp.T
    with np.errstate(divide="ignore", invalid="ignore"):
        inside = (clip[:, 3] > 0) & (np.abs(clip[:, :3] / clip[:, 3:]) <= 1).all(axis=1)
    points.append(np.array(list(itertools.product((0.0, 1.0), repeat=3)))[inside])
    points = np.concatenate(points)
    if not len(points):
        return None
    return np.clip(np.array([points.min(axis=0), points.max(axis=0)]), 0.0, 1.0)


class LevelDrawing:
    """The level-source half of :class:`~lumos.visuals.volume.Volume` (which provides
    ``_texels``, ``_upload``, ``box_bounds`` and the format and brick settings)."""

    def _set_source(self, source) -> None:
        shape = tuple(int(n) for n in source.level_shape(0))
        if len(shape) != 3:
            raise ValueError(f"data: got a level source of shape {shape}, expected (z, y, x)")
        if self._format == "r8":
            raise TypeError("texture_format: 'r8' needs uint8 data; a level source gives "
                            "float means of voxels (use 'r16f' or 'r32f')")
        self._source = source
        self._floor = 0  # the finest level that may be asked for
        self._detail = None  # (level, lo, hi) of the finer part drawn
        self._shape = shape
        lo, hi = (float(v) for v in source.value_range)
        self._range = (lo, hi)
        self.clim = self._clim_spec
        self.threshold = self._threshold_spec
        top = source.levels - 1
        self._show_level(top, source.level_data(top, wait=True))  # drawable at once

    def _show_level(self, level: int, arr: np.ndarray) -> None:
        arr = np.asarray(arr)
        finite = np.isfinite(arr)
        fmt = "r32f" if self._format == "r32f" else "r16f"
        self._upload(self._texels(arr, fmt, None if finite.all() else finite))
        self._voxels = arr.shape
        self._level = level

    def _target_level(self) -> int:
        """The finest level whose texels fit the source's ``max_bytes`` and one draw's
        bricks."""
        src = self._source
        size = 4 if self._format == "r32f" else 2
        limit = min(self._max_brick or max_texture_size_3d(), max_texture_size_3d())
        for level in range(src.levels):
            shape = src.level_shape(level)
            bricks = math.prod(1 if n <= limit else math.ceil((n - 1) / (limit - 1))
                               for n in shape)
            if math.prod(shape) * size <= src.max_bytes and bricks <= MAX_BRICKS:
                return level
        return src.levels - 1

    def view_level(self, ctx: DrawContext) -> int:
        """The coarsest level whose voxels are still no larger than a physical pixel
        of the view ``ctx`` along the box's most magnified axis (0 when the eye is in
        the box): what the view's pixels need, no more."""
        top = self._source.levels - 1 if self._source is not None else 0
        return view_level(ctx, self.box_bounds(), self.model_matrix(), self._shape, top)

    def _refine(self, ctx: DrawContext) -> None:
        """Show the finest level the source has ready; ask for the finer ones the view
        needs (a finer level already shown stays: zooming out costs nothing)."""
        src = self._source
        need = max(self.view_level(ctx), self._floor)
        target = max(self._target_level(), need)
        asked = target
        try:
            if self._level > target:
                self._refine_level(target)
            asked = need
            self._refine_detail(ctx, need, target)
        except Exception:
            # a level that cannot be read (a file truncated or gone) is raised once and
            # not asked again (levels come coarse to fine: the failure is the finest
            # asked); the volume keeps drawing coarser ones (set_data tries again)
            self._floor = asked + 1
            src.request([])
            raise

    def _refine_level(self, target: int) -> None:
        """The whole level ``target``: read now (no window), else the finest one
        arrived, the rest asked for coarse to fine."""
        src = self._source
        if not src.interactive:  # nothing would draw a later arrival: read it now
            self._show_level(target, src.level_data(target, wait=True))
            return
        for level in range(target, self._level):
            arr = src.level_data(level, wait=False)
            if arr is not None:
                self._show_level(level, arr)
                break
        src.request(list(range(self._level - 1, target - 1, -1)))

    def _detail_region(self, ctx: DrawContext, need: int, target: int):
        """``(level, lo, hi)`` (z, y, x voxels of that level, whole bricks) of the
        finest level from ``need`` whose part the view shows fits ``max_bytes`` and one
        texture; None when the whole level ``target`` is as fine, or nothing is
        shown."""
        if need >= target:
            return None
        part = visible_part(ctx, self.box_bounds(), self.model_matrix())
        if part is None:
            return None
        src = self._source
        size = 4 if self._format == "r32f" else 2
        limit = min(self._max_brick or max_texture_size_3d(), max_texture_size_3d())
        brick = src.brick
        for level in range(need, target):
            shape = np.array(src.level_shape(level))
            lo = np.floor(part[0][::-1] * shape).astype(int) // brick * brick
            hi = np.minimum(-(-np.ceil(part[1][::-1] * shape).astype(int) // brick) * brick,
                            shape)
            sides = np.maximum(hi - lo, 1)
            if int(np.prod(sides)) * size <= src.max_bytes and sides.max() <= limit:
                return level, tuple(int(v) for v in lo), tuple(int(v) for v in lo + sides)
        return None

    def _refine_detail(self, ctx: DrawContext, need: int, target: int) -> None:
        """The part of a finer level the view shows, over the whole level: kept while
        it holds what the view shows, else read (no window) or asked for."""
        wish = self._detail_region(ctx, need, target)
        held = self._detail
        if wish is None:
            if held is not None and held[0] >= self._level:
                self._detail = None  # the whole level is as fine
            return
        if held is not None and held[0] == wish[0] and all(
                a <= b for a, b in zip(held[1], wish[1], strict=True)) and all(
                a >= b for a, b in zip(held[2], wish[2], strict=True)):
            return
        src = self._source
        arr = src.region_data(wish, wait=not src.interactive)
        if arr is None:
            src.request_region(wish)
            return
        self._show_detail(wish, arr)

    def _show_detail(self, region, arr: np.ndarray) -> None:
        finite = np.isfinite(arr)
        fmt = "r32f" if self._format == "r32f" else "r16f"
        texels = self._texels(arr, fmt, None if finite.all() else finite)
        if self._detail_texture is not None and self._detail_texture.shape == texels.shape:
            self._detail_texture.set_data(texels)
        else:
            self._detail_texture = Texture(texels, dim=3, filter="linear")
        self._detail = region

    def _detail_uniforms(self) -> dict:
        level, lo, hi = (np.array(v[::-1], float) if isinstance(v, tuple) else v
                         for v in self._detail)
        size = hi - lo
        end = np.array(self._source.level_shape(level)[::-1], float)
        return {"u_detail_scale": np.array(self._shape[::-1], float) / 2.0 ** level,
                "u_detail_lo": lo, "u_detail_size": size,
                "u_detail_in0": np.where(lo == 0, 0.0, 0.5),
                "u_detail_in1": np.where(hi >= end, size, size - 0.5)}

    @property
    def detail(self):
        """``(level, lo, hi)`` of the finer part drawn over the whole level (z, y, x
        voxels of that level), or None."""
        return self._detail

    def _cover(self) -> np.ndarray:
        """Per axis (x, y, z), the part of the drawn texture that the data's box spans:
        level k has ceil(n / 2**k) voxels of 2**k data voxels, a little more than n
        when n is not a multiple of 2**k."""
        k = 2.0 ** self.level
        return np.array([n / (k * m) for n, m in zip(self._shape[::-1], self._voxels[::-1],
                                                      strict=True)])

    @property
    def level(self) -> int:
        """The pyramid level drawn (0: the data itself; always 0 for an array)."""
        return 0 if self._level is None else self._level
