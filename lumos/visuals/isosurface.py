"""Isosurfaces of a volume at one or several levels, lit, nested shells translucent."""

from __future__ import annotations

import numpy as np

from .. import colors
from ..gpu.frame import Attribute, Draw
from ..gpu.resources import Buffer
from ..isosurface import marching_cubes
from ..primitives import Mesh3D
from .base import DrawContext, Visual, as_array, check_number, check_numbers, split_origin
from .lighting import as_lighting
from .surface import UNIFORM, shaded_draws


class Isosurface(Visual):
    """The surfaces where ``volume[z, y, x]`` crosses each of ``levels``
    (``lumos.marching_cubes``), drawn in (x, y, z) like :class:`Volume`.

    >>> Isosurface(mri, levels=[0.3, 0.6], alpha=[0.3, 1.0], cmap="bone")

    ``colors``: one color per level, or None to take them from ``cmap`` over the
    levels. ``alpha``: one number or one per level (default: the highest level opaque,
    the others 0.35, so that outer shells show what they enclose). Translucent levels
    are drawn after the opaque ones, back faces before front faces. ``spacing`` (z, y,
    x) and ``origin`` (x, y, z of voxel [0, 0, 0]) place the data; ``step_size`` samples
    every n-th voxel. A level that crosses no voxel edge draws nothing.
    """

    is_3d = True
    needs_multisampling = True

    def __init__(self, volume, levels=None, *, colors=None, cmap="viridis", alpha=None,
                 spacing=(1.0, 1.0, 1.0), origin=(0.0, 0.0, 0.0), step_size: int = 1,
                 shading: str = "smooth", lighting=None, lightsource=None) -> None:
        super().__init__()
        if shading not in ("smooth", "flat"):
            raise ValueError(f"shading: got {shading!r}, expected 'smooth' or 'flat'")
        self.shading = shading
        self.lighting = as_lighting(lighting, lightsource)
        self._spacing = check_numbers(spacing, "spacing", 3, "(dz, dy, dx)")
        self._origin_xyz = np.array(check_numbers(origin, "origin", 3, "(x, y, z)"))
        self._step = step_size
        self._colors_spec, self._cmap, self._alpha_spec = colors, cmap, alpha
        self._meshes: list[dict] = []
        self.set_data(volume, levels)

    def set_data(self, volume, levels=None) -> None:
        """New data (and levels; None keeps them, or takes the middle of the range)."""
        vol = as_array(volume, "volume")
        if vol.dtype.kind not in "biuf":
            raise TypeError(f"volume: got dtype {vol.dtype}, expected real numbers")
        if vol.ndim != 3:
            raise ValueError(f"volume: got shape {vol.shape}, expected a 3D array (z, y, x)")
        finite = vol[np.isfinite(vol)] if vol.dtype.kind == "f" else vol
        if not finite.size:
            raise ValueError("volume: got no finite values")
        lo, hi = float(finite.min()), float(finite.max())
        if levels is None:
            levels = getattr(self, "_levels", None) or [0.5 * (lo + hi)]
        levels = [check_number(v, "levels") for v in np.atleast_1d(levels)]
        outside = [v for v in levels if not lo <= v <= hi]
        if outside:
            raise ValueError(f"levels: got {outside}, expected values within the data range "
                             f"[{lo:g}, {hi:g}]")
        self._levels = sorted(levels)
        rgba = self._level_colors()
        meshes = []
        for level, color in zip(self._levels, rgba, strict=True):
            try:
                v, f, n, _ = marching_cubes(vol, level, spacing=self._spacing,
                                            step_size=self._step)
            except RuntimeError:  # the level crosses no voxel edge
                continue
            xyz = v[:, ::-1].astype(float) + self._origin_xyz
            origin, local, _ = split_origin(xyz)
            meshes.append({
                "level": level, "color": color, "origin": origin,
                "bounds": np.array([xyz.min(axis=0), xyz.max(axis=0)]),
                "pos": Buffer(local), "normal": Buffer(np.ascontiguousarray(n[:, ::-1])),
                "faces": Buffer(f.astype(np.uint32).reshape(-1)),
            })
        self._meshes = meshes

    @property
    def levels(self) -> list[float]:
        """The values whose surfaces are drawn."""
        return list(self._levels)

    def _level_colors(self) -> list[tuple]:
        n = len(self._levels)
        if self._colors_spec is None:
            cmap = colors.get_cmap(self._cmap)
            t = np.linspace(0.15, 0.85, n) if n > 1 else np.array([0.6])
            rgba = [tuple(c) for c in cmap(t)]
        else:
            rgba = [tuple(c) for c in colors.to_rgba_array(self._colors_spec, n,
                                                           argname="colors")]
        alpha = self._alpha_spec
        a = np.atleast_1d(np.asarray([0.35] * (n - 1) + [1.0] if alpha is None else alpha,
                                     dtype=float))
        if a.size == 1:
            a = np.full(n, a[0])
        if a.shape != (n,) or not np.isfinite(a).all() or a.min() < 0 or a.max() > 1:
            raise ValueError(f"alpha: got {alpha!r}, expected a number in [0, 1] or one per "
                             f"level ({n})")
        alpha = a
        return [(r, g, b, a * al) for (r, g, b, a), al in zip(rgba, alpha, strict=True)]

    def bounds(self) -> np.ndarray | None:
        if not self._meshes:
            return None
        b = np.array([m["bounds"] for m in self._meshes])
        return self._bounds_of(np.array([b[:, 0].min(axis=0), b[:, 1].max(axis=0)]))

    def primitives(self, ctx=None) -> list:
        """One world-space triangle mesh per level (POV-Ray and other 3D devices)."""
        model = self.model_matrix()
        out = []
        for m in self._meshes:
            verts = m["pos"].data.astype(float) + m["origin"]
            normals = m["normal"].data.astype(float)
            if model is not None:
                verts = verts @ model[:3, :3].T + model[:3, 3]
                normals = normals @ np.linalg.inv(model[:3, :3])
            out.append(Mesh3D(verts, m["faces"].data.reshape(-1, 3), [m["color"]],
                              normals if self.shading == "smooth" else None))
        return out

    def draws(self, ctx: DrawContext) -> list[Draw]:
        opaque = [m for m in self._meshes if m["color"][3] >= 1]
        translucent = [m for m in reversed(self._meshes) if m["color"][3] < 1]
        out = []
        for m in opaque + translucent:  # inner (higher) shells first
            attributes = {"a_pos": Attribute(m["pos"], 3)}
            if self.shading == "smooth":
                attributes["a_normal"] = Attribute(m["normal"], 3)
            out += shaded_draws(
                self, ctx, attributes, m["faces"], len(m["faces"].data), m["origin"],
                uniforms={"u_color": m["color"], "u_alpha": 1.0, **self.lighting.uniforms()},
                int_uniforms={"u_mode": UNIFORM,
                              "u_shading": 2 if self.shading == "smooth" else 1},
                textures={}, translucent=m["color"][3] < 1)
        return out
